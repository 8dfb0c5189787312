"""The site in a real headless Chromium over a real waitress server.

One browser for the session; each test gets a fresh context.  Screenshots
(desktop and phone width) land in data/screenshots/ for a person to look at.
"""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, unquote, urlsplit

import feedparser
import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def hit_tag_links(hit) -> list[str]:
    return [a.get_attribute("href") for a in hit.locator("a.dept").all()]


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_search_click_a_department_open_the_document_at_the_clause(page, live_url, shots_dir):
    page.goto(live_url + "/")
    page.fill("main input[name=q]", "补助")
    page.press("main input[name=q]", "Enter")
    page.wait_for_selector("li.hit")
    total = int(page.inner_text("p.total strong"))
    assert total > 3 and page.locator("li.hit mark").count() > 0
    page.screenshot(path=shots_dir / "search-desktop.png", full_page=True)

    tag = page.locator("li.hit a.dept").first
    department = parse_qs(urlsplit(tag.get_attribute("href")).query)["department"][0]
    tag.click()
    page.wait_for_url("**department=**")
    assert page.locator("a.chip").first.inner_text().startswith(f"责任单位：{department}")
    filtered = int(page.inner_text("p.total strong"))
    assert 0 < filtered < total
    for hit in page.locator("li.hit").all():  # every hit is that department's
        tags = [parse_qs(urlsplit(h).query)["department"][0] for h in hit_tag_links(hit)]
        assert department in tags

    title = page.locator("li.hit h2 a").first
    href = title.get_attribute("href")
    title.click()
    page.wait_for_selector("table.meta-table")
    target = page.evaluate("document.querySelector(':target')?.id")
    assert target == unquote(href.split("#", 1)[1])
    box = page.locator(":target").bounding_box()
    assert box and 0 <= box["y"] < DESKTOP["height"]  # the page opened at that clause
    assert page.evaluate("window.scrollY") > 0
    page.screenshot(path=shots_dir / "doc-desktop.png")
    assert page.errors == []


def outlined_doc(client) -> str:
    """A sample document with a table of contents (more than two headed top-level clauses)."""
    for hit in client.get("/api/search", query_string={"q": "补助", "collapse": "1"}).get_json()["hits"]:
        clauses = client.get(f"/api/doc/{hit['doc_id']}").get_json()["clauses"]
        if sum(1 for c in clauses if c["level"] == 1 and c["heading"]) > 2:
            return hit["doc_id"]
    raise AssertionError("no sample document has an outline")


def test_a_clause_link_opens_the_page_at_that_clause(page, live_url, client):
    page.goto(live_url + f"/doc/{outlined_doc(client)}")
    links = page.locator(".clause .clause-link")
    assert links.count() > 10
    deep = links.nth(links.count() - 3)
    deep.click()
    hash_ = page.evaluate("decodeURIComponent(location.hash)")
    assert hash_.startswith("#c-") and page.evaluate("document.querySelector(':target').id") == hash_[1:]
    # the same URL in a fresh page lands on that clause too (what a shared link does)
    url = page.url
    other = page.context.new_page()
    other.goto(url)
    assert other.evaluate("document.querySelector(':target')?.id") == hash_[1:]
    box = other.locator(":target").bounding_box()
    assert box and 0 <= box["y"] < DESKTOP["height"] and other.evaluate("window.scrollY") > 0
    # the table of contents jumps as well
    toc = page.locator("nav.toc a").nth(1)
    toc.click()
    assert page.evaluate("document.querySelector(':target')?.id") == unquote(toc.get_attribute("href"))[1:]


def test_export_csv_downloads_every_hit(page, live_url):
    page.goto(live_url + "/search?q=补助&per_page=3")
    total = int(page.inner_text("p.total strong"))
    with page.expect_download() as info:
        page.click("a.export-csv")
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    data = open(download.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == total > 3 and all(r["title"] and r["text"] for r in rows)


def test_read_the_feeds(page, live_url):
    page.goto(live_url + "/search?q=补助")
    feed_href = page.get_attribute("head link[type='application/atom+xml'][title='订阅此检索']", "href")
    assert feed_href and "q=" in feed_href
    search_feed = feedparser.parse(page.request.get(live_url + feed_href).body())
    assert not search_feed.bozo and search_feed.entries
    assert all(e.link.startswith(live_url + "/doc/") for e in search_feed.entries)
    page.goto(live_url + "/new")
    listed = page.locator("section.notice-group li > a").all_inner_texts()
    new_feed = feedparser.parse(page.request.get(live_url + page.get_attribute("a.feed", "href")).body())
    assert not new_feed.bozo and [e.title for e in new_feed.entries] == listed


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_pages_fit_the_screen(browser, live_url, client, shots_dir, viewport):
    size = PHONE if viewport == "phone" else DESKTOP
    context = browser.new_context(viewport=size, is_mobile=viewport == "phone", has_touch=viewport == "phone")
    page = context.new_page()
    doc = client.get("/api/search", query_string={"q": "中试基地"}).get_json()["hits"][0]
    pages = {
        "home": "/",
        "search": "/search?q=中试基地 补助",
        "doc": f"/doc/{doc['doc_id']}",
        "support": "/support?min_wan=10",
        "compare": "/compare?q=补助&by=region",
        "new": "/new",
        "zero": "/search?q=量子计算&region=临沂市",
        "404": "/doc/0000000000000000",
    }
    for name, path in pages.items():
        page.goto(live_url + path)
        page.screenshot(path=shots_dir / f"{name}-{viewport}.png", full_page=name != "doc")
        assert no_horizontal_scroll(page), f"{name} scrolls sideways at {viewport} width"
    page.goto(live_url + pages["search"])
    filters_open = page.evaluate("document.querySelector('details.filters').open")
    assert filters_open == (viewport == "desktop")  # on a phone the results come first
    context.close()


def test_compare_regions_then_narrow_the_search_to_one(page, live_url):
    page.goto(live_url + "/search?q=补助")
    page.click("p.compare-links a >> text=按地区")
    page.wait_for_selector("section.compare-row")
    assert page.locator("input[name=by][value=region]").is_checked()
    first = page.locator("section.compare-row").first
    region = first.locator("h2").inner_text().split()[-1]
    first.locator("p.compare-stats a").click()
    page.wait_for_selector("li.hit")
    assert page.locator("a.chip").first.inner_text().startswith(f"地区：{region}")
    metas = page.locator("li.hit p.meta").all_inner_texts()
    assert metas and all(region in m for m in metas)
    page.go_back()
    page.check("input[name=by][value=year]")
    page.click("form.compare-form button")
    page.wait_for_url("**by=year**")
    years = [h for h in page.locator("section.compare-row h2").all_inner_texts() if h[:4].isdigit()]
    assert years and years == sorted(years, reverse=True)
    assert page.errors == []


def test_snapshot_frame_shows_the_page_without_scripts(page, live_url, client):
    doc = client.get("/api/search", query_string={"q": "中试基地"}).get_json()["hits"][0]
    page.goto(live_url + f"/doc/{doc['doc_id']}#versions")
    frame = page.frame_locator("iframe.snapshot")
    assert doc["title"][:8] in frame.locator("body").inner_text()
    assert frame.locator("script").count() == 0
