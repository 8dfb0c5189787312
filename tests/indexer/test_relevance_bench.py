"""The relevance bench's parts: the laws' Markdown, the BM25 baseline, the measures, the blind pool."""

from __future__ import annotations

import json

import pytest

from indexer.bm25 import BM25, query_tokens
from policy.bench.judged import Query, load_judgements, load_queries, mean, score
from policy.bench.law_corpus import ALLOWED_FOLDERS, law_files, law_key
from policy.bench.relevance import merge, pool

LAW = """---
bookCollapseSection: true
---
# 示例条例

2005年1月5日 国务院第76次常务会议通过

<!-- INFO END -->

## 第一章　总则

第一条 为了规范<示例>工作，制定本条例。

第二条 本条例所称示例，是指示例。
"""


def test_only_allowed_folders_are_read(tmp_path):
    for folder in (ALLOWED_FOLDERS[0], "地方性法规", "DLC"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "甲条例.md").write_text(LAW, encoding="utf-8")
        (tmp_path / folder / "_index.md").write_text("---\n---\n", encoding="utf-8")
    files = law_files(tmp_path)
    assert [law_key(tmp_path, p) for p in files] == [f"laws:{ALLOWED_FOLDERS[0]}/甲条例.md"]


def test_bm25_ranks_rare_words_above_common_ones():
    index = BM25.build(
        [
            ("a", "孵化器 认定"),
            ("b", "企业 发展"),
            ("c", "企业 服务"),
            ("d", "企业 孵化器"),
            ("e", "其他 内容"),
        ]
    )
    ranked = [c for c, _ in index.search("孵化器 企业", 10)]
    assert ranked == ["d", "a", "b", "c"]
    assert index.idf("认定") > index.idf("孵化器") > index.idf("企业")
    assert "孵化器" in query_tokens('"孵化器" -企业') and "企业" not in query_tokens('"孵化器" -企业')


def test_bm25_round_trips_through_its_file(tmp_path):
    index = BM25.build([("a", "中试基地 补助"), ("b", "补助 资金")])
    index.save(tmp_path / "bm25.pickle")
    assert BM25.load(tmp_path / "bm25.pickle").search("中试基地", 10) == index.search("中试基地", 10)


def test_measures_follow_the_grades():
    grades = {"x": 2, "y": 1, "z": 0}
    s = score(["z", "y", "x", "u"], grades)
    assert s.rr == pytest.approx(0.5) and s.rr2 == pytest.approx(1 / 3) and s.unjudged == 1
    best = score(["x", "y"], grades)
    assert best.ndcg == pytest.approx(1.0) and s.ndcg < best.ndcg
    assert score([], grades).ndcg == 0.0 and score(["u"], {}).unjudged == 1
    assert mean([s, best]).rr == pytest.approx(0.75)


def test_pool_is_blind_deduplicated_and_leaves_out_what_is_judged(tmp_path):
    queries = [Query("q1", "孵化器"), Query("q2", "中试")]
    table = {c: {"clause_id": c, "title": "t", "text": c} for c in "abcdef"}
    runs = {"ours": {"q1": ["a", "b", "c"], "q2": ["e"]}, "bm25": {"q1": ["c", "d"], "q2": ["e"]}}
    out = pool(queries, runs, {"q1": {"b": 1}, "q2": {"e": 0}}, table)
    (q1,) = out["queries"]
    ids = [c["clause_id"] for c in q1["candidates"]]
    assert sorted(ids) == ["a", "c", "d"] and out["to_grade"] == 3
    assert all("ours" not in json.dumps(c) and "bm25" not in json.dumps(c) for c in q1["candidates"])
    assert pool(queries, runs, {}, table) == pool(queries, runs, {}, table)  # a fixed seed
    q1["candidates"][0]["grade"] = 2
    merged, added = merge(out, {"q1": {"b": 1}})
    assert added == 1 and merged["q1"] == {"b": 1, ids[0]: 2}


def test_judged_files_load(tmp_path):
    (tmp_path / "queries.json").write_text(
        json.dumps([{"id": "q1", "query": "孵化器", "need": "…", "class": "topic"}]), encoding="utf-8"
    )
    assert load_queries(tmp_path) == [Query("q1", "孵化器", "…", "topic")]
    assert load_judgements(tmp_path) == {}
    (tmp_path / "judgements.json").write_text(json.dumps({"q1": {"a": 2}}), encoding="utf-8")
    assert load_judgements(tmp_path) == {"q1": {"a": 2}}


def test_abbreviation_candidates_come_from_definitions_and_dropped_characters():
    from policy.bench.wording import defined_names, dropped_characters, mine

    text = "国务院民用航空局（以下简称“民航局”）负责全国民用航空活动的监督管理。"
    assert defined_names(text) == [("民用航空局", "民航局")]
    assert ("研究开发", "研发") in dropped_characters(["研究", "开发", "费用"])
    assert ("企业业务", "企业") not in dropped_characters(["企业", "业务"])  # a prefix, no abbreviation
    rows = mine([text] * 2 + ["研究 开发 研发"] * 3, str.split)
    assert rows[0][:2] == ("民用航空局", "民航局") and ("研究开发", "研发") in [r[:2] for r in rows]


def test_the_corpus_holds_every_committed_real_page_once():
    """The real pages widen the laws' corpus with many cities' policies; a page the cleaner
    refuses is said, never silently dropped, and every page keeps a key of its own."""
    from policy.bench.realset import load
    from policy.bench.relevance import SUPPORT_PAGES, _real_pages

    docs = dict(_real_pages())
    files = {f"fixture:real/{e.gold['file']}" for e in load(binaries=False)}
    files |= {f"fixture:support/{p.name}" for p in SUPPORT_PAGES.glob("*.txt")}
    assert set(docs) <= files and len(docs) >= len(files) - 3
    regions = {d.region.city or d.region.province for d in docs.values()} - {None}
    assert len(regions) >= 10
