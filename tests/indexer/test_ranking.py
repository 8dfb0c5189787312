"""Ranking on our own judged queries: what DESIGN.md says users judge a policy search by.

Each query names what plain BM25 gets wrong (a region the clause never
names, a department by another name, a 文号 in other brackets, a phrase, an
exclusion, a draft); its relevant clause must be on top, not merely found.
"""

from __future__ import annotations

import json
import math

import pytest

from indexer import Filters, search
from tests.indexer.conftest import SEARCH_FIXTURES

JUDGED = json.loads((SEARCH_FIXTURES / "judged_queries.json").read_text())


def _gains(hits, rels) -> list[int]:
    used: set[int] = set()
    gains = []
    for h in hits:
        g = 0
        for i, r in enumerate(rels):
            docs = r["doc"] if isinstance(r["doc"], list) else [r["doc"]]  # a list: copies of one text
            same_doc = any(d == h.source or (h.url or h.source).endswith("/" + d) for d in docs)
            if i not in used and same_doc and r["contains"] in h.text:
                used.add(i)
                g = max(g, r["grade"])
        gains.append(g)
    return gains


def _ndcg(gains, rels) -> float:
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((r["grade"] for r in rels), reverse=True)[: len(gains)]
    return dcg / sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))


def _run(data_dir, j):
    return search(data_dir, j["q"], Filters(**j.get("filters", {})), per_page=10)


@pytest.mark.parametrize("j", JUDGED, ids=[j["q"] for j in JUDGED])
def test_best_clause_is_in_the_top_three(indexed, j):
    r = _run(indexed, j)
    gains = _gains(r.hits, j["rel"])
    best = max(x["grade"] for x in j["rel"])
    first = next((i for i, g in enumerate(gains) if g == best), None)
    shown = [f"{h.title[:12]}|{h.text[:30]}" for h in r.hits[:5]]
    assert first is not None and first < 3, f"{j['why']}: top hits {shown}"


def test_judged_set_scores(indexed):
    """The whole set as one figure: a regression anywhere shows here first."""
    rr = nd = 0.0
    for j in JUDGED:
        gains = _gains(_run(indexed, j).hits, j["rel"])
        rr += next((1 / (i + 1) for i, g in enumerate(gains) if g), 0.0)
        nd += _ndcg(gains, j["rel"])
    mrr, ndcg = rr / len(JUDGED), nd / len(JUDGED)
    assert mrr >= 0.95 and ndcg >= 0.85, f"MRR {mrr:.3f} nDCG@10 {ndcg:.3f}"


def _plan(q: str):
    from indexer.query import parse_query, plan_query

    return plan_query(parse_query(q))


def _about(q: str, text: str, heading: str | None = None, **extra) -> float:
    from indexer.ranking import clause_features

    f = clause_features(_plan(q), {"text": text, "heading": heading, **extra})
    return f.about * f.factor


def test_a_clause_about_the_thing_outranks_one_naming_it_in_a_list():
    about = _about("创新券", "（八）扩大创新券使用范围。创新券可用于购买检验检测服务。", "扩大创新券使用范围")
    lead = _about("创新券", "2.对中小微企业在省级创新券给予补助基础上，市级按照1:1的比例进行补助。")
    listed = _about("创新券", "1.增强财政投入引导作用。发挥好风险补偿金、创新券等对企业的引导扶持作用。")
    tagged = _about("市财政局", "（一）支持企业研发。给予补助。（责任单位：市科技局、市财政局）")
    subject = _about("市财政局", "第三条 市科技局负责组织实施；市财政局负责资金保障和监督。")
    assert about > lead > listed
    assert subject > tagged


def test_a_definition_is_about_the_thing():
    defined = _about(
        "科技特派员", "第二条 本办法所称科技特派员，是指深入农村和企业一线从事技术服务的专业技术人员。"
    )
    mention = _about("科技特派员", "第六条 服务期间业绩作为职称评审依据，对考核优秀的科技特派员给予表彰。")
    assert defined > mention


def test_a_bare_heading_counts_less_than_a_clause_that_says_something():
    bare = _about("概念验证", "（二）实施概念验证项目", "实施概念验证项目")
    item = _about("概念验证", "3.设立概念验证专项资金。对通过验证的项目给予资助。", "设立概念验证专项资金")
    assert item > bare > 0


def test_words_in_one_sentence_count_more_than_words_apart():
    together = _about("创新券 抵扣", "第六条 创新券额度最高50万元。服务费用按实际发生额的50%以创新券抵扣。")
    apart = _about("创新券 抵扣", "第六条 创新券额度最高50万元。服务费用按实际发生额的50%抵扣。")
    assert together > apart


def test_a_word_only_in_the_title_or_a_section_heading_lifts_its_clause_modestly():
    plain = _about("申报条件", "（二）固定研究人员不少于15人。")
    section = _about("申报条件", "（二）固定研究人员不少于15人。", sections=["申报条件"])
    own = _about("申报条件", "一、申报条件。依托单位应具有独立法人资格。", "申报条件")
    assert own > section > plain == 0
