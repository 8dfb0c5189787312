"""The spider's decisions on a list page: since-date, include/exclude, known pages, when pagination stops."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import scrapy
from scrapy.http import HtmlResponse

from corpus.store import UrlState
from crawler.config import parse_site
from crawler.items import ListPage, Seen
from crawler.spider import PolicySpider

URL = "http://kjj.example.gov.cn/zcwj/index.html"
NOW = datetime(2026, 11, 27, tzinfo=UTC)
LIST = """<html><body><ul class="list">
<li><a href="./2024/a.html">关于甲的通知</a><span>2024-05-01</span></li>
<li><a href="./2023/b.html?utm_source=x">关于乙的意见</a><span>2023-03-01</span></li>
<li><a href="./jd/c.html">关于丙的解读</a><span>2023-02-01</span></li>
<li><a href="http://other.gov.cn/d.html">外站链接</a><span>2023-01-01</span></li>
<li><a href="/files/e.pdf">附件</a><span>2022-12-01</span></li>
<li><a href="./2019/f.html">关于丁的办法</a><span>2019-01-01</span></li>
</ul><a class="next" href="index_1.html">下一页</a></body></html>"""


def spider(state=None, resume=False, **site):
    raw = {
        "name": "demo",
        "base_url": "http://kjj.example.gov.cn",
        "start_urls": ["/zcwj/index.html"],
        "list": {"item": "ul.list li", "links": "a::attr(href)", "dates": "span::text"},
        "pagination": {"next": "a.next::attr(href)"},
        "exclude": ["/jd/"],
        "since": "2020-01-01",
        **site,
    }
    return PolicySpider(site=parse_site(raw, Path("demo.toml")), state=state or {}, resume=resume, now=NOW)


def run_list(sp: PolicySpider, html: str = LIST, page_no: int = 0):
    request = scrapy.Request(URL, meta={"first_url": URL, "page_no": page_no, "kind": "list"})
    response = HtmlResponse(URL, body=html.encode("utf-8"), encoding="utf-8", request=request)
    out = list(sp.parse_list(response))
    requests = [o for o in out if isinstance(o, scrapy.Request)]
    return (
        [r.url for r in requests if r.meta["kind"] != "list"],
        [r.url for r in requests if r.meta["kind"] == "list"],
        [o for o in out if isinstance(o, (ListPage, Seen))],
    )


def test_filters_since_date_attachments_and_next_page():
    pages, lists, items = run_list(spider())
    assert pages == [
        "http://kjj.example.gov.cn/zcwj/2024/a.html",
        "http://kjj.example.gov.cn/zcwj/2023/b.html",
        "http://kjj.example.gov.cn/files/e.pdf",
    ]
    assert lists == ["http://kjj.example.gov.cn/zcwj/index_1.html"]
    listed = [i for i in items if isinstance(i, ListPage)][0]
    assert listed.entries == 6 and listed.due == 3


def test_known_pages_are_seen_not_fetched_and_pagination_stops():
    known = {
        u: UrlState(url=u, content_hash="h", last_checked="2026-11-26T00:00:00Z", list_sig=None)
        for u in (
            "http://kjj.example.gov.cn/zcwj/2024/a.html",
            "http://kjj.example.gov.cn/zcwj/2023/b.html",
            "http://kjj.example.gov.cn/files/e.pdf",
        )
    }
    pages, lists, items = run_list(spider(state=known))
    assert pages == [] and lists == [], "nothing new on this page: nothing new further back"
    seen = [i for i in items if isinstance(i, Seen)][0]
    assert set(seen.urls) == set(known)
    # a run that resumes after a kill walks on regardless
    _, lists, _ = run_list(spider(state=known, resume=True))
    assert lists == ["http://kjj.example.gov.cn/zcwj/index_1.html"]
    # and with stop_when_nothing_new = false too
    _, lists, _ = run_list(
        spider(state=known, pagination={"next": "a.next::attr(href)", "stop_when_nothing_new": False})
    )
    assert lists == ["http://kjj.example.gov.cn/zcwj/index_1.html"]


def test_a_page_older_than_since_ends_pagination():
    old = LIST.replace("2024-05-01", "2018-05-01").replace("2023-", "2017-").replace("2022-", "2016-")
    pages, lists, _ = run_list(spider(exclude=[]), old)
    assert pages == [] and lists == []


def test_missing_numbered_page_ends_pagination_without_failing():
    sp = spider()
    request = scrapy.Request(URL, meta={"first_url": URL, "page_no": 4, "kind": "list"})
    out = list(sp.parse_list(HtmlResponse(URL, status=404, body=b"<html>404</html>", request=request)))
    assert len(out) == 1 and isinstance(out[0], ListPage) and out[0].end


def test_challenge_pages_in_a_row_leave_the_site_for_the_night():
    import pytest
    from scrapy.exceptions import CloseSpider

    from crawler.items import Failed
    from crawler.mirror import traps_root

    sp = spider(politeness={"stop_after_blocked": 2})
    body = (traps_root() / "guard/challenge.html").read_bytes()

    def challenge(n):
        request = scrapy.Request(f"http://kjj.example.gov.cn/zcwj/{n}.html", meta={"kind": "detail"})
        return HtmlResponse(request.url, status=412, body=body, request=request)

    first = list(sp.parse_page(challenge(1)))
    assert len(first) == 1 and isinstance(first[0], Failed) and first[0].blocked
    out = []
    with pytest.raises(CloseSpider) as stop:
        for item in sp.parse_page(challenge(2)):
            out.append(item)
    assert stop.value.reason == "blocked: 2 challenge pages in a row"
    assert len(out) == 1 and out[0].blocked, "the second challenge is recorded before the site is left"
