"""Properties over generated input: clean() only ever raises NotADocument, and loses or doubles no text."""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import NotADocument, clean

LABELS = [
    "一、",
    "二、",
    "三、",
    "（一）",
    "（二）",
    "（三）",
    "1.",
    "2.",
    "3、",
    "（1）",
    "（2）",
    "①",
    "②",
    "第一条",
    "第二条",
    "第一章",
]
WORDS = [
    "加快推进中试基地建设",
    "对新认定的国家级重点实验室，给予一次性奖励200万元",
    "分别给予50万元、30万元、10万元一次性补助",
    "最高不超过1.5亿元",
    "研发投入强度提高2.56个百分点",
    "实施方案（2022-2025年）",
    "推广自动导引运输车(AGV)",
    "2021年9月29日前完成",
    "主要包括：1.人工智能；2.生物医药",
    "（责任单位：市科技局、市财政局）",
    "（牵头单位：市发展改革委；配合单位：市工业和信息化局）",
    "按每平方米100元给予补贴",
    "市工业和信息化局",
    "“揭榜挂帅”",
]
SETTINGS = settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def paragraph(draw) -> str:
    label = draw(st.sampled_from(["", "", *LABELS]))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
    return label + "，".join(words) + draw(st.sampled_from(["。", "；", "。"]))


@st.composite
def body(draw) -> tuple[str, str]:
    """(text, separator): paragraphs one a line, or run on with spaces as in seed 002."""
    paras = draw(st.lists(paragraph(), min_size=1, max_size=25))
    sep = draw(st.sampled_from(["\n", "\n", " "]))
    return "为深入实施创新驱动发展战略，结合我市实际，制定本方案。" + sep + sep.join(paras), sep


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s)


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_never_crash(data):
    try:
        clean(data)
    except NotADocument:
        pass


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text_never_crashes(text):
    try:
        clean(text.encode("utf-8", "surrogatepass"))
    except NotADocument:
        pass


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='content'>",
                "</div>",
                "<table><tr><td>",
                "<br>",
                "<meta charset=gbk>",
            ]
        )
        | st.sampled_from(WORDS)
        | st.text(max_size=20),
        max_size=60,
    ),
    st.sampled_from(["utf-8", "gb18030", "big5"]),
)
def test_html_soup_in_any_encoding_never_crashes(parts, encoding):
    try:
        clean("".join(parts).encode(encoding, "replace"))
    except NotADocument:
        pass


@SETTINGS
@given(body())
def test_clauses_concatenate_back_to_the_text(case):
    text, _ = case
    doc = clean(text.encode("utf-8"))
    assert squeeze("".join(c.text for c in doc.clauses)) == squeeze(text)


@SETTINGS
@given(body())
def test_clauses_concatenate_back_to_the_html_body(case):
    text, sep = case
    paras = text.split(sep) if sep == "\n" else [text]
    html = "<html><body><div class='nav'><a href='/'>首页</a></div><div class='TRS_Editor'>"
    html += "".join(f"<p>{p}</p>" for p in paras) + "</div></body></html>"
    doc = clean(html.encode("gb18030"))
    assert squeeze("".join(c.text for c in doc.clauses)) == squeeze(text)


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "junk",
    [
        "1" * 200_000,
        "一" * 200_000,
        "大 中 小 " * 20_000,
        "（" * 100_000,
        "1.5" * 60_000,
        "【责任单位：" * 20_000,
    ],
    ids=["digits", "numerals", "tools", "brackets", "decimals", "tags"],
)
def test_pathological_text_does_not_hang(junk):
    """Regexes that backtrack on long runs would hang here (the guard is a timeout, not a speed figure)."""
    try:
        clean(("为推动科技创新，制定本方案。\n一、总体要求\n" + junk).encode())
    except NotADocument:
        pass
