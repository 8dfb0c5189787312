"""The pure parts of search: folding, query tokens, 文号 keys, aliases, query parsing, snippets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.model import Region
from indexer.aliases import department_keys, full_name, variants
from indexer.analysis import fold, tokens, word_tokens
from indexer.doc_numbers import doc_number_key, find_doc_numbers
from indexer.query import QueryError, parse_query, plan_query
from indexer.snippets import snippet


@given(st.text())
def test_fold_keeps_every_offset(text):
    assert len(fold(text)) == len(text)


def test_fold_makes_full_and_half_width_equal():
    assert fold("（一）ＡＩ５０万元") == "(一)ai50万元"


@pytest.mark.parametrize(
    "word, required",
    [
        ("创新券", {"创新", "创新券"}),  # 券 alone is no token: the covering one is required
        ("风险补偿金", {"风险", "补偿", "补偿金"}),  # never the 4-character 风险补偿金 itself
        ("中试基地", {"中试", "基地"}),
    ],
)
def test_query_words_require_their_smallest_covering_tokens(word, required):
    req, _ = word_tokens(word)
    assert set(req) == required


def test_text_holding_a_compound_yields_every_required_token():
    for word, text in (("风险补偿", "科技成果转化贷款风险补偿金"), ("创新券", "省级科技创新券给予补助")):
        req, _ = word_tokens(word)
        assert set(req) <= set(tokens(text)), word


@pytest.mark.parametrize(
    "printed",
    ["淄政办字〔2020〕43号", "淄政办字[2020]43号", "淄政办字（2020）第43号", "淄政办字 【2020】 043 号"],
)
def test_doc_numbers_in_any_brackets_share_a_key(printed):
    assert doc_number_key(printed) == "淄政办字2020-43"


def test_doc_numbers_are_found_in_a_query():
    assert find_doc_numbers("鲁科字[2021]5号 中试") == [("鲁科字[2021]5号", "鲁科字2021-5")]
    assert doc_number_key("关于印发实施方案的通知") is None


def test_department_spellings_vary_both_ways():
    assert "市科学技术局" in variants("市科技局")
    assert "科技局" in variants("科学技术局")
    assert {"发改委", "发展改革委"} <= set(variants("发展和改革委员会"))
    assert variants("院士") == ["院士"]


def test_department_keys_and_facet_names():
    linyi = Region("山东省", "临沂市")
    keys = department_keys("市科技局", linyi)
    assert {"市科技局", "科学技术局", "临沂市科学技术局"} <= keys
    assert full_name("市发展改革委", linyi) == "临沂市发展和改革委员会"
    assert full_name("各有关部门", linyi) is None


def test_parse_query_words_phrases_exclusions_numbers():
    p = parse_query("“揭榜挂帅” 中试 -征求意见稿 淄政办字[2020]43号 中试")
    assert p.phrases == ("揭榜挂帅",) and p.words == ("中试",) and p.excluded == ("征求意见稿",)
    assert p.doc_numbers == ("淄政办字2020-43",)


def test_too_many_tokens_is_a_clear_error():
    with pytest.raises(QueryError, match="引号"):
        plan_query(
            parse_query(
                "以习近平新时代中国特色社会主义思想为指导深入实施创新驱动发展战略加快建设创新型城市推动高质量发展"
                "聚焦新材料智能装备新医药电子信息四强产业明确各平台功能定位构建区域科技创新平台梯队"
            )
        )


def test_snippet_marks_and_escapes():
    s = snippet("第一条 <b>创新券</b> 用于 & 支持", ["创新券"])
    assert s == '第一条 &lt;b&gt;<mark class="hl">创新券</mark>&lt;/b&gt; 用于 &amp; 支持'
    long = "前文" * 200 + "揭榜挂帅" + "后文" * 200
    s = snippet(long, ["揭榜挂帅"])
    assert s.startswith("…") and s.endswith("…") and '<mark class="hl">揭榜挂帅</mark>' in s
    assert len(s) < 260


def test_an_unpaired_quote_quotes_nothing():
    p = parse_query('"中试基地 补助')
    assert p.words == ("中试基地", "补助") and not p.phrases and any("引号" in n for n in p.notes)
    p = parse_query('"揭榜挂帅" "中试')
    assert p.phrases == ("揭榜挂帅",) and p.words == ("中试",)
