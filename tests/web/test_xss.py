"""Crawled text is untrusted: a page whose title and text hold <script> and <img onerror>
payloads goes through the real crawl (Scrapy, HTTP on 127.0.0.1, cleaner, store), is
indexed, and every page of the site shows the payloads as text in a real browser."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import feedparser
import pytest

from corpus.store import Store
from crawler.mirror import make_server
from indexer import update_index
from search_web import create_app
from tests.conftest import FIXTURES, run_policy
from tests.web.conftest import serve

PAYLOAD_PAGE = FIXTURES / "web" / "xss_payload_notice.html"
TITLE_PAYLOAD = "<script>alert('h1')</script>"
IMG_PAYLOAD = "<img src=x onerror=alert('h1img')>"

LIST_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件</title></head><body>
<ul class="list"><li><a href="./202403/t20240301_9.html">关于支持&lt;script&gt;alert('list')&lt;/script&gt;中试基地建设的通知</a></li></ul>
</body></html>"""

SITE_TOML = """name = "xss"
title = "payload site"
base_url = "{base}"
start_urls = ["/kjj/zcwj/index.html"]
checked = "2026-11-27"
region = {{ province = "山东省", city = "示例市" }}

[list]
links = "ul.list li a::attr(href)"

[politeness]
download_delay = 0
autothrottle_start_delay = 0
concurrency_per_domain = 1
"""


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("xss")
    site = root / "site" / "kjj" / "zcwj"
    (site / "202403").mkdir(parents=True)
    (site / "index.html").write_text(LIST_PAGE, encoding="utf-8")
    shutil.copy(PAYLOAD_PAGE, site / "202403" / "t20240301_9.html")
    mirror = make_server("127.0.0.1", 0, root=root / "site")
    threading.Thread(target=mirror.serve_forever, daemon=True).start()
    config = root / "xss.toml"
    config.write_text(SITE_TOML.format(base=f"http://127.0.0.1:{mirror.server_port}"), encoding="utf-8")
    data_dir = root / "data"
    crawl = run_policy("crawl", str(config), data_dir=data_dir)
    mirror.shutdown()
    mirror.server_close()
    assert crawl.returncode == 0, crawl.stderr
    with Store.in_dir(data_dir) as store:
        assert store.count_documents() == 1
        update_index(store, data_dir)
    app = create_app(data_dir=data_dir)
    url, server = serve(app)
    yield url, app
    server.close()


def test_payload_is_stored_as_text(xss_site):
    _, app = xss_site
    doc = app.test_client().get("/api/search", query_string={"q": "中试基地"}).get_json()["hits"][0]
    assert TITLE_PAYLOAD in doc["title"] and IMG_PAYLOAD in doc["title"]


def test_payloads_render_as_text_on_every_page(browser, xss_site, shots_dir: Path):
    url, app = xss_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def no_injection():
        assert page.evaluate("document.querySelectorAll('[onerror],[onload],[onclick]').length") == 0
        assert page.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))") == [
            "/static/site.js"
        ]
        assert (
            page.evaluate(
                "document.querySelectorAll('main img, main svg, main iframe:not(.snapshot)').length"
            )
            == 0
        )

    page.goto(url + "/search?q=中试基地")
    title = page.locator("li.hit h2 a").first.inner_text()
    assert TITLE_PAYLOAD in title and IMG_PAYLOAD in title
    assert any("onerror" in t for t in page.locator("li.hit .snippet").all_inner_texts())
    no_injection()
    page.screenshot(path=shots_dir / "xss-search.png", full_page=True)

    page.locator("li.hit h2 a").first.click()
    page.wait_for_selector("table.meta-table")
    assert TITLE_PAYLOAD in page.inner_text("h1") and IMG_PAYLOAD in page.inner_text("h1")
    assert "onerror" in page.inner_text("section.clauses")
    no_injection()
    frame = page.frame_locator("iframe.snapshot")
    frame.locator("body").wait_for()
    assert "中试基地" in frame.locator("body").inner_text()
    assert frame.locator("script").count() == 0
    assert frame.locator("[onerror], [onload], [href^='javascript:']").count() == 0
    page.screenshot(path=shots_dir / "xss-doc.png", full_page=True)

    # the raw snapshot opened on its own still runs nothing (its CSP forbids every script)
    snap = page.locator("iframe.snapshot").get_attribute("src")
    page.goto(url + snap)
    assert page.evaluate("document.querySelectorAll('script').length") == 0

    for path in ("/support?q=中试基地", "/support", "/new", "/"):
        page.goto(url + path)
        no_injection()
    assert TITLE_PAYLOAD in page.inner_text("main")  # the home page lists the new document

    feed = feedparser.parse(page.request.get(url + "/feeds/new.atom").body())
    assert not feed.bozo and TITLE_PAYLOAD in feed.entries[0].title
    page.wait_for_timeout(300)  # an onerror fires asynchronously, after the image fails
    assert dialogs == []
    context.close()
