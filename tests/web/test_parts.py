"""The pure parts of the site: parameters, snippet markup, sanitizer, diff, Atom, grants, notices, CSV."""

from __future__ import annotations

import feedparser
import pytest

from search_web import atom
from search_web.app import http_url, snippet_markup
from search_web.export import csv_cell, csv_lines
from search_web.notices import group_by_run
from search_web.params import ParamError, SearchParams, format_yuan, parse_search
from search_web.snapshot import diff_lines, safe_html, visible_lines
from search_web.support import grants, rank, row_from_store


def test_parse_search_reads_every_parameter():
    p = parse_search(
        {"q": " 中试基地   补助 ", "region": "临沂市", "type": "意见", "year": "2022", "min_wan": "50",
         "drafts": "exclude", "sort": "amount", "collapse": "1", "page": "3", "per_page": "20"}
    )  # fmt: skip
    assert p.q == "中试基地 补助" and p.doc_type == "意见" and p.year_from == p.year_to == 2022
    assert p.min_yuan == 500000 and p.drafts == "exclude" and p.sort == "amount" and p.collapse
    f = p.filters()
    assert (f.region, f.doc_type, f.min_yuan, f.drafts) == ("临沂市", "意见", 500000, "exclude")
    # the links of the page keep every value and reset the page on a change
    again = parse_search(p.with_(region="淄博市").args())
    assert again.region == "淄博市" and again.page == 1 and again.min_yuan == 500000 and again.collapse


@pytest.mark.parametrize(
    "args, message",
    [
        ({"q": "科" * 201}, "查询词过长"),
        ({"page": "-1"}, "page"),
        ({"page": "9999"}, "page"),
        ({"per_page": "101"}, "per_page"),
        ({"year_from": "2023", "year_to": "2020"}, "晚于"),
        ({"min_yuan": "abc"}, "min_yuan"),
        ({"drafts": "maybe"}, "drafts"),
        ({"sort": "random"}, "sort"),
        ({"page": "１"}, "page"),  # a full-width digit is not silently read
    ],
)
def test_parse_search_refuses_bad_values(args, message):
    with pytest.raises(ParamError, match=message):
        parse_search(args)


def test_active_filters_are_labelled_in_chinese():
    chips = SearchParams(q="x", region="临沂市", min_yuan=1e6, drafts="only").active_filters
    assert ("region", "地区", "临沂市") in chips and ("min_yuan", "最低金额", "100万元") in chips
    assert ("drafts", "征求意见稿", "仅看") in chips


def test_format_yuan_counts_in_wan_and_yi():
    assert [format_yuan(x) for x in (5000, 500000, 1.5e8)] == ["5000元", "50万元", "1.5亿元"]


def test_snippet_markup_keeps_only_bare_marks():
    s = snippet_markup(
        '支持&lt;script&gt;<mark class="hl t0">中试</mark> <b>x</b><mark onclick="x()">基地</mark>'
    )
    assert str(s) == "支持&lt;script&gt;<mark>中试</mark> &lt;b&gt;x&lt;/b&gt;<mark>基地</mark>"
    assert "<img" not in str(snippet_markup("<img src=x onerror=alert(1)>"))


def test_http_url_refuses_other_schemes():
    assert http_url("https://a.gov.cn/x") == "https://a.gov.cn/x"
    assert http_url("javascript:alert(1)") is None and http_url("file:///etc/passwd") is None


def test_safe_html_removes_active_content_and_keeps_text():
    page = (
        "<html><head><meta http-equiv='refresh' content='0;url=http://evil'><script>alert(1)</script>"
        "<link rel=stylesheet href='http://x/y.css'></head><body onload='alert(2)'>"
        "<h1 onclick='alert(3)'>关于支持中试基地的意见</h1><img src='http://x/a.png' onerror='alert(4)'>"
        "<a href='javascript:alert(5)'>坏链接</a><a href='/kjj/b.html'>好链接</a>"
        "<iframe src='http://evil'></iframe><form action='http://evil'><input></form>"
        "<svg><script>alert(6)</script></svg><object data='x.swf'></object></body></html>"
    ).encode()
    out = safe_html(page, "text/html; charset=utf-8", "http://kjj.example.gov.cn/zcwj/a.html")
    low = out.lower()
    for bad in (
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "<iframe",
        "<form",
        "<object",
        "refresh",
    ):
        assert bad not in low, bad
    assert "关于支持中试基地的意见" in out and "http://kjj.example.gov.cn/kjj/b.html" in out
    assert "http://x/a.png" not in out  # no request leaves for the remote image


def test_safe_html_decodes_gbk_and_shows_text_pages_as_text():
    gbk = "<html><head><meta charset='gb2312'></head><body><p>临沂市科学技术局</p></body></html>".encode(
        "gbk"
    )
    assert "临沂市科学技术局" in safe_html(gbk, "text/html", None)
    text = safe_html("<script>alert(1)</script> 一、总体要求".encode(), "text/plain", None)
    assert "&lt;script&gt;" in text and "<script>" not in text


def test_visible_lines_and_diff():
    old = visible_lines("<p>一、总体要求</p><p>最高50万元</p><script>var x</script>".encode(), "text/html")
    new = visible_lines("<p>一、总体要求</p><p>最高80万元</p>".encode(), "text/html")
    assert old == ["一、总体要求", "最高50万元"]
    signs = {(d.sign, d.text) for d in diff_lines(old, new)}
    assert ("-", "最高50万元") in signs and ("+", "最高80万元") in signs
    assert diff_lines(old, old) == []


def test_atom_feed_is_valid_and_escapes_text():
    entry = atom.Entry(
        id="http://127.0.0.1/doc/1",
        title="<script>alert(1)</script>关于\x0b支持的意见",
        updated=atom.rfc3339("2024-06-12", "x"),
        link="http://127.0.0.1/doc/1",
        summary="a & b",
        categories=["市科技局"],
    )
    feed = atom.Feed(
        id="http://127.0.0.1/feeds/new.atom", title="t", updated="2024-06-12T00:00:00Z",
        self_link="http://127.0.0.1/feeds/new.atom", html_link="http://127.0.0.1/new", entries=[entry],
    )  # fmt: skip
    body = atom.render(feed)
    assert b"<script>" not in body
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.entries[0].title == "<script>alert(1)</script>关于支持的意见"
    assert parsed.entries[0].tags[0].term == "市科技局"


def test_grants_keep_money_given_largest_first():
    amounts = [
        {"text": "总投资10亿元", "yuan": 1e9, "kind": "total"},
        {"text": "最高100万元", "yuan": 1e6, "kind": "cap"},
        {"text": "每家50万元", "yuan": 5e5, "kind": "per_unit"},
        {"text": "若干", "yuan": None, "kind": "fixed"},
    ]
    assert [g.text for g in grants(amounts)] == ["最高100万元", "每家50万元"]
    assert grants(amounts)[0].kind_label == "最高"


def test_rank_orders_by_largest_grant_and_applies_the_minimum():
    def row(cid, yuan, published):
        return row_from_store(
            {"clause_id": cid, "doc_id": "d", "title": "t", "issuer": None, "doc_number": None,
             "published": published, "province": None, "city": None, "county": None, "url": None,
             "draft": 0, "path": [], "heading": None, "text": "x", "departments": [],
             "amounts": [{"text": f"{yuan}元", "yuan": yuan, "kind": "fixed"}]}
        )  # fmt: skip

    rows = [
        row("a", 10, "2020-01-01"),
        row("b", 300, "2020-01-01"),
        row("c", 300, "2023-01-01"),
        row("d", 50, None),
    ]
    assert [r.clause_id for r in rank(rows, None)] == ["c", "b", "d", "a"]
    assert [r.clause_id for r in rank(rows, 50)] == ["c", "b", "d"]


def test_group_by_run_puts_documents_under_the_run_that_found_them():
    runs = [
        {"id": 2, "command": "crawl b", "started_at": "2026-01-02T00:00:00Z", "finished_at": "2026-01-02T01:00:00Z",
         "report": {"sites": {"b": {"new": 1, "changed": 2, "failed": 0}}}},
        {"id": 1, "command": "crawl a", "started_at": "2026-01-01T00:00:00Z", "finished_at": "2026-01-01T01:00:00Z",
         "report": {"sites": {"a": {"new": 1}, "c": {"new": 2, "failed": "junk"}}}},
    ]  # fmt: skip
    docs = [
        {"id": "x", "first_seen": "2026-01-02T00:30:00Z"},
        {"id": "y", "first_seen": "2026-01-01T12:00:00Z"},
        {"id": "z", "first_seen": "2026-01-01T00:10:00Z"},
    ]
    groups = group_by_run(runs, docs)
    assert [(g.run.id if g.run else None, [d["id"] for d in g.documents]) for g in groups] == [
        (2, ["x"]),
        (None, ["y"]),
        (1, ["z"]),
    ]
    assert (groups[2].run.new, groups[2].run.failed, groups[2].run.sites) == (3, 0, ["a", "c"])


def test_csv_cells_cannot_become_formulas():
    assert csv_cell('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert csv_cell("+1") == "'+1" and csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell(True) == "是" and csv_cell(500000.0) == "500000" and csv_cell(None) == ""
    text = "".join(csv_lines([{"title": "=1+1", "text": "a,b"}], ("title", "text")))
    assert text.startswith("\ufefftitle,text\r\n") and "'=1+1" in text and '"a,b"' in text


def test_support_excerpt_is_centred_on_the_money():
    text = "为加快建设" * 40 + "对新认定的中试基地给予最高300万元补助。" + "其他内容" * 40
    row = row_from_store(
        {"clause_id": "c", "doc_id": "d", "title": "t", "issuer": None, "doc_number": None, "published": None,
         "province": None, "city": None, "county": None, "url": None, "draft": 0, "path": [], "heading": None,
         "text": text, "departments": [], "amounts": [{"text": "最高300万元", "yuan": 3e6, "kind": "cap"}]}
    )  # fmt: skip
    before, money, after = row.excerpt()
    assert money == "最高300万元" and before.startswith("…") and after.endswith("…")
    assert before.endswith("中试基地给予") and after.startswith("补助")


def test_diff_marks_the_changed_characters_of_a_long_line():
    old = ["一、总体要求", "对新认定的中试基地，市财政给予最高50万元的一次性补助，用于设备购置。"]
    new = ["一、总体要求", "对新认定的中试基地，市财政给予最高80万元的一次性补助，用于设备购置。"]
    removed, added = (d for d in diff_lines(old, new) if d.sign in "+-")
    assert [t for t, changed in removed.parts if changed] == ["5"]
    assert [t for t, changed in added.parts if changed] == ["8"]
    assert "".join(t for t, _ in added.parts) == new[1]
    unlike = [d for d in diff_lines(["完全不同的一行文字"], ["另外一段内容毫无关系"]) if d.sign in "+-"]
    assert all(d.parts == () for d in unlike)


def test_safe_html_removes_every_remote_resource():
    """Inline styles, SVG, media and srcset load from elsewhere too: none of it may reach the frame."""
    page = (
        "<html><head><base href='http://evil.example/'>"
        "<style>@import url('http://evil.example/x.css'); @import 'https://evil.example/y.css';"
        "body{background:url(http://evil.example/a.png)} h1{color:#333}"
        '.b{background-image:url( "//evil.example/b.png" )} .f{src:url(evil-font.woff)}</style></head>'
        "<body background='http://evil.example/bg.png'><h1>关于支持中试基地的意见</h1>"
        "<p style=\"background:url('http://evil.example/c.png')\">一、总体要求</p>"
        "<svg width='10' height='10'><image href='http://evil.example/d.png'/>"
        "<use xlink:href='http://evil.example/e.svg#x'/></svg>"
        "<video poster='http://evil.example/p.png'><source src='http://evil.example/v.mp4'>"
        "<track src='http://evil.example/t.vtt'></video><audio src='http://evil.example/s.mp3'></audio>"
        "<picture><source srcset='http://evil.example/f.webp'><img src='data:image/png;base64,iVBO'"
        " srcset='http://evil.example/g.png 2x'></picture>"
        "<table background='http://evil.example/t.png'><tr><td>二、支持措施</td></tr></table>"
        "<a href='/kjj/b.html'>好链接</a></body></html>"
    ).encode()
    out = safe_html(page, "text/html; charset=utf-8", "http://kjj.example.gov.cn/zcwj/a.html")
    assert "evil" not in out.lower(), out
    assert "<svg" not in out.lower() and "url(" not in out.lower()
    assert "color:#333" in out.replace(" ", ""), "a harmless inline style is kept"
    for text in (
        "关于支持中试基地的意见",
        "一、总体要求",
        "二、支持措施",
        "http://kjj.example.gov.cn/kjj/b.html",
    ):
        assert text in out
