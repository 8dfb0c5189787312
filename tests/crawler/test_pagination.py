"""Next list pages from the four kinds of pagination government CMSs print."""

from __future__ import annotations

from crawler.config import Pagination
from crawler.pagination import find_script_pager, next_pages, query_page, script_next

FIRST = "http://x.gov.cn/zcwj/index.html"


def test_create_page_html_with_numbers_and_variables():
    assert script_next('<script>createPageHTML(5, 0, "index", "html");</script>', FIRST) == (
        "http://x.gov.cn/zcwj/index_1.html"
    )
    assert script_next("createPageHTML(5,3,'index','shtml')", "http://x.gov.cn/zcwj/index_3.shtml") == (
        "http://x.gov.cn/zcwj/index_4.shtml"
    )
    html = 'var countPage = 7;//共多少页\nvar currentPage = 2;\ncreatePageHTML(countPage, currentPage, "index", "htm");'
    pager = find_script_pager(html)
    assert (pager.total, pager.current, pager.page_name(0)) == (7, 2, "index.htm")
    assert script_next(html, FIRST) == "http://x.gov.cn/zcwj/index_3.htm"


def test_last_page_and_no_script_have_no_next():
    assert script_next('createPageHTML(3, 2, "index", "html")', FIRST) is None
    assert script_next("<p>no pager</p>", FIRST) is None
    assert find_script_pager("createPageHTML(total, current, 'index', 'html')") is None


def test_pattern_and_query_pages_count_from_first():
    rules = Pagination(pattern="index_{n}.html", first=1)
    assert next_pages(rules, FIRST, 0, "", None) == ["http://x.gov.cn/zcwj/index_1.html"]
    assert next_pages(rules, FIRST, 3, "", None) == ["http://x.gov.cn/zcwj/index_4.html"]
    q = Pagination(query="page", first=2)
    assert next_pages(q, "http://x.gov.cn/list.jsp?cat=5", 0, "", None) == [
        "http://x.gov.cn/list.jsp?cat=5&page=2"
    ]
    assert (
        query_page("http://x.gov.cn/list.jsp?page=2&cat=5", "page", 3)
        == "http://x.gov.cn/list.jsp?cat=5&page=3"
    )


def test_kinds_agreeing_give_one_url_and_max_pages_stops():
    rules = Pagination(next="a.next::attr(href)", script=True, max_pages=3)
    html = 'createPageHTML(9, 0, "index", "html")'
    assert next_pages(rules, FIRST, 0, html, "http://x.gov.cn/zcwj/index_1.html") == [
        "http://x.gov.cn/zcwj/index_1.html"
    ]
    assert next_pages(rules, FIRST, 2, html, "http://x.gov.cn/zcwj/index_3.html") == []
