"""The HTML pages through Flask's test client: document page, search page, errors, CSP."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from lxml import html as lxml_html

from search_web.anchors import clause_anchor
from tests.web.conftest import EDITED


def tree(response):
    return lxml_html.fromstring(response.get_data(as_text=True))


def first_hit(client, q="中试基地"):
    data = client.get("/api/search", query_string={"q": q}).get_json()
    assert data["hits"], data
    return data["hits"][0]


def test_every_page_has_a_strict_csp(client):
    for url in ("/", "/search?q=补助", "/support?min_wan=1", "/new", "/doc/nope", "/api/search?q=补助"):
        csp = client.get(url).headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "object-src 'none'" in csp and "frame-ancestors 'self'" in csp


def test_document_page_has_metadata_and_an_anchor_on_every_clause(client):
    hit = first_hit(
        client, "中试基地 补助"
    )  # a long document (中试基地 alone now finds the short 废止 notice first)
    page = client.get(f"/doc/{hit['doc_id']}")
    assert page.status_code == 200
    doc = client.get(f"/api/doc/{hit['doc_id']}").get_json()
    t = tree(page)
    rows = {
        th.text_content(): td.text_content()
        for th, td in zip(
            t.xpath("//table[@class='meta-table']//th"),
            t.xpath("//table[@class='meta-table']//td"),
            strict=True,
        )
    }
    assert rows["标题"] == doc["title"]
    assert rows["发文机关"] == doc["issuer"]
    assert rows["发布日期"] == doc["published"]
    ids = set(t.xpath("//div[contains(@class,'clause')]/@id"))
    assert len(ids) == len(doc["clauses"]) > 5
    assert {clause_anchor(c["id"]) for c in doc["clauses"]} == ids
    # every clause links to itself
    assert set(t.xpath("//a[@class='clause-link']/@href")) == {"#" + i for i in ids}
    assert t.xpath("//a[@class='source-link']/@href") == [doc["url"]]


def test_a_hit_links_to_its_clause_on_the_document_page(client):
    hit = first_hit(client, "中试基地 补助")
    path, fragment = hit["link"].split("#")
    assert path == f"/doc/{hit['doc_id']}" and unquote(fragment) == clause_anchor(hit["clause_id"])
    t = tree(client.get(path))
    target = t.get_element_by_id(unquote(fragment))
    assert hit["text"][:20] in target.text_content()


def test_search_page_shows_breadcrumb_department_tags_and_amounts(client):
    t = tree(client.get("/search", query_string={"q": "中试基地 补助"}))
    hits = t.xpath("//li[@class='hit']")
    assert hits
    crumbs = [" ".join(h.xpath(".//p[@class='crumbs']//text()")) for h in hits]
    # the ancestors' headings are in the breadcrumb, not only the labels
    assert any("›" in c and re.search(r"[一二三四五六七八九十]、\S{2,}", c) for c in crumbs), crumbs
    tags = t.xpath("//a[contains(@class,'dept')]")
    assert tags and all("department=" in a.get("href") for a in tags)
    assert t.xpath("//span[contains(@class,'amount')]")
    assert t.xpath("//aside[@class='facets']//section[contains(@class,'facet-city')]//a")


def test_department_tag_filters_the_search(client):
    t = tree(client.get("/search", query_string={"q": "补助"}))
    href = t.xpath("//a[contains(@class,'dept')]/@href")[0]
    filtered = client.get(href)
    assert filtered.status_code == 200
    ft = tree(filtered)
    name = dict(p.split("=") for p in href.split("?")[1].split("&"))["department"]
    assert ft.xpath("//a[@class='chip']")  # the filter shows as a removable chip
    total = int(ft.xpath("//p[@class='total']/strong/text()")[0])
    unfiltered = int(t.xpath("//p[@class='total']/strong/text()")[0])
    assert 0 < total <= unfiltered
    assert name


def test_zero_results_page_helps(client):
    page = client.get("/search", query_string={"q": "中试基地", "region": "海南省"})
    assert page.status_code == 200
    t = tree(page)
    zero = t.xpath("//div[@class='zero']")[0].text_content()
    assert "没有找到" in zero and "去掉筛选条件后有" in zero
    link = t.xpath("//div[@class='zero']//a/@href")[0]
    assert "region" not in link


def test_bad_input_gets_a_chinese_400_and_unknown_pages_a_404(client):
    long_q = client.get("/search", query_string={"q": "科" * 201})
    assert long_q.status_code == 400 and "查询词过长" in long_q.get_data(as_text=True)
    assert client.get("/search?q=a&page=x").status_code == 400
    assert client.get("/api/search?q=a&per_page=1000").status_code == 400
    assert client.get("/api/search?q=a&sort=random").get_json()["status"] == 400
    missing = client.get("/doc/0000000000000000")
    assert missing.status_code == 404 and "页面不存在" in missing.get_data(as_text=True)
    assert "Traceback" not in missing.get_data(as_text=True)
    assert client.get("/api/doc/0000000000000000").get_json()["status"] == 404
    assert client.get("/no/such/page").status_code == 404
    assert client.post("/search").status_code == 405


def test_no_debug_mode(app):
    assert app.debug is False


def test_document_versions_show_what_changed(client, web_data):
    docs = client.get("/api/search", query_string={"q": "中试基地"}).get_json()["hits"]
    doc_id = next(h["doc_id"] for h in docs if h["url"].endswith(EDITED))
    doc = client.get(f"/api/doc/{doc_id}").get_json()
    assert [v["version"] for v in doc["versions"]] == [1, 2]
    assert [c["action"] for c in doc["changes"]] == ["new", "changed"]
    t = tree(client.get(f"/doc/{doc_id}"))
    added = " ".join(s.text_content() for s in t.xpath("//pre[@class='diff-lines']/span[@class='dadd']"))
    removed = " ".join(s.text_content() for s in t.xpath("//pre[@class='diff-lines']/span[@class='ddel']"))
    assert "最高80万元" in added and "最高50万元" in removed
    # only the changed character is marked
    assert t.xpath("//span[@class='dadd']/b/text()") == ["8"] and t.xpath(
        "//span[@class='ddel']/b/text()"
    ) == ["5"]
    frame = t.xpath("//iframe[@class='snapshot']")[0]
    assert frame.get("sandbox") == "allow-popups allow-popups-to-escape-sandbox"
    assert frame.get("src").endswith("/snapshot/2")


def test_snapshot_is_served_without_scripts_under_its_own_csp(client):
    hit = first_hit(client)
    snap = client.get(f"/doc/{hit['doc_id']}/snapshot/1")
    assert snap.status_code == 200
    csp = snap.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "sandbox" in csp and "script-src" not in csp
    assert "<script" not in snap.get_data(as_text=True).lower()
    assert client.get(f"/doc/{hit['doc_id']}/snapshot/99").status_code == 404


@pytest.mark.parametrize("version", ["0", "9223372036854775807", "9223372036854775808", "1" + "0" * 40])
def test_a_snapshot_version_out_of_range_is_a_404(client, version):
    hit = first_hit(client)
    answer = client.get(f"/doc/{hit['doc_id']}/snapshot/{version}")
    assert answer.status_code == 404


def test_a_store_without_an_index_says_what_to_do(tmp_path):
    from search_web import create_app

    client = create_app(data_dir=tmp_path / "empty").test_client()
    assert client.get("/").status_code == 200
    page = client.get("/search", query_string={"q": "中试基地"})
    assert page.status_code == 503 and "policy index" in page.get_data(as_text=True)
    assert client.get("/api/search", query_string={"q": "中试基地"}).get_json()["status"] == 503
    assert client.get("/new").status_code == 200 and client.get("/support?min_wan=1").status_code == 200


def test_a_query_of_only_exclusions_gets_the_indexers_note(client):
    t = tree(client.get("/search", query_string={"q": "-征求意见稿"}))
    assert t.xpath("//p[@class='note']/text()") == ["请输入查询词"]
    assert not t.xpath("//li[@class='hit']")


def doc_hit(client, url_tail: str) -> dict:
    hits = client.get("/api/search", query_string={"q": "中试基地", "per_page": 50}).get_json()["hits"]
    return next(h for h in hits if h["url"].endswith(url_tail))


def test_a_repealed_document_says_so_and_links_what_repealed_it(client):
    hit = doc_hit(client, EDITED)  # the 中试基地 opinion, repealed by a later notice of the sample site
    assert hit["status"]["status"] == "repealed"
    t = tree(client.get(f"/doc/{hit['doc_id']}"))
    line = t.xpath("//p[contains(@class,'status-line')]")[0]
    assert "已废止" in line.text_content() and "status-repealed" in line.get("class")
    repealer = line.xpath(".//a/@href")[0]
    assert repealer.startswith("/doc/") and client.get(repealer).status_code == 200
    assert "废止本文件的文件" in t.xpath("//section[@class='relations']")[0].text_content()
    api = client.get(f"/api/doc/{hit['doc_id']}").get_json()
    assert api["status"]["status"] == "repealed"
    assert api["relations"]["repealed_by"][0]["link"] == repealer


def test_status_facet_badges_and_filter(client):
    every = client.get("/api/search", query_string={"q": "中试基地", "per_page": 50}).get_json()
    statuses = {v["value"]: v["count"] for v in every["facets"]["status"]}
    assert "repealed" in statuses and "in_force" in statuses
    t = tree(client.get("/search", query_string={"q": "中试基地"}))
    facet = t.xpath("//section[contains(@class,'facet-status')]")[0]
    assert "已废止" in facet.text_content() and "现行有效" in facet.text_content()
    assert t.xpath("//li[@class='hit']//span[contains(@class,'status-repealed')]")
    in_force = client.get("/api/search", query_string={"q": "中试基地", "status": "in_force"}).get_json()
    assert in_force["total"] == statuses["in_force"]
    assert all(h["status"]["status"] == "in_force" for h in in_force["hits"])
    assert client.get("/api/search", query_string={"q": "x", "status": "alive"}).status_code == 400


def test_the_draft_facet_shows_counts_and_filters(client):
    t = lxml_html.fromstring(client.get("/search", query_string={"q": "科技"}).data)
    items = t.xpath("//section[contains(@class,'facet-draft')]//li")
    shown = {li.xpath("a")[0].text_content(): int(li.xpath("span[@class='count']")[0].text) for li in items}
    assert set(shown) <= {"征求意见稿", "正式文件"} and shown.get("征求意见稿", 0) > 0
    link = t.xpath("//section[contains(@class,'facet-draft')]//a[text()='征求意见稿']/@href")[0]
    assert "drafts=only" in link
    only = client.get(link.replace("/search", "/api/search", 1)).get_json()
    assert only["total"] == shown["征求意见稿"] and all(h["draft"] for h in only["hits"])


def test_the_page_total_is_the_number_of_hits_every_face_gives(client):
    """孵化器 said 共16条 while the page, the API, the CSV and the JSON export listed 15."""
    import csv
    import io
    import json

    page = tree(client.get("/search", query_string={"q": "孵化器", "per_page": 100}))
    total = int(page.xpath("//p[@class='total']/strong/text()")[0])
    assert len(page.xpath("//ol[@class='hits']/li[@class='hit']")) == total
    api = client.get("/api/search", query_string={"q": "孵化器", "per_page": 100}).get_json()
    assert api["total"] == len(api["hits"]) == total
    exported = json.loads(client.get("/export/search.json", query_string={"q": "孵化器"}).data)
    hits = exported["hits"] if isinstance(exported, dict) else exported
    assert len(hits) == total
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get("/export/search.csv", query_string={"q": "孵化器"}).data.decode("utf-8-sig")
            )
        )
    )
    assert len(rows) == total
