"""Exports, feeds, the support finder and new notices through the test client; `policy export`."""

from __future__ import annotations

import csv
import io
import json

import feedparser
from click.testing import CliRunner
from lxml import html as lxml_html

from policy.cli import cli
from tests.conftest import SAMPLE_DOCS


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith("\ufeff".encode()), "CSV must start with a BOM so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_search_csv_export_has_every_hit_not_only_a_page(client):
    api = client.get("/api/search", query_string={"q": "补助", "per_page": 3}).get_json()
    resp = client.get("/export/search.csv", query_string={"q": "补助", "per_page": 3, "page": 2})
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    rows = read_csv(resp.data)
    assert len(rows) == api["total"] > 3
    assert rows[0]["clause_id"] == api["hits"][0]["clause_id"]
    assert rows[0]["title"] == api["hits"][0]["title"] and rows[0]["link"].startswith("http://localhost/doc/")


def test_search_json_export_follows_the_filters(client):
    data = json.loads(client.get("/export/search.json", query_string={"q": "补助", "region": "临沂市"}).data)
    assert data["total"] == data["exported"] == len(data["hits"]) > 0
    assert all(h["city"] == "临沂市" for h in data["hits"])
    assert client.get("/export/search.csv").status_code == 400


def test_support_finder_lists_grants_largest_first(client):
    data = client.get("/api/support", query_string={"min_wan": "10"}).get_json()
    rows = data["rows"]
    assert rows and data["total"] >= len(rows)
    yuan = [r["amount_yuan"] for r in rows]
    assert yuan == sorted(yuan, reverse=True) and min(yuan) >= 100000
    # grants only: a threshold to reach, a goal or a fund's size is never money given
    assert all(r["amount_kind"] in ("cap", "fixed", "per_unit", "floor", "ratio") for r in rows)
    keyed = client.get("/api/support", query_string={"q": "中试基地", "min_wan": "10"}).get_json()
    assert keyed["rows"] and len(keyed["rows"]) <= len(rows)
    assert all(r["amount_yuan"] >= 100000 for r in keyed["rows"])
    page = lxml_html.fromstring(client.get("/support", query_string={"min_wan": "10"}).data)
    assert len(page.xpath("//li[@class='grant']")) == min(len(rows), 20)
    assert page.xpath("//li[@class='grant']//span[contains(@class,'kind')]/text()")[0].split()[0] in (
        "最高",
        "定额",
        "按标准",
        "不低于",
        "按比例",
    )
    exported = read_csv(client.get("/export/support.csv", query_string={"min_wan": "10"}).data)
    assert [float(r["amount_yuan"] if "amount_yuan" in r else r["max_yuan"]) for r in exported][:3] == yuan[
        :3
    ]


def test_support_finder_filters_by_department_and_region(client):
    rows = client.get("/api/support", query_string={"department": "科技局"}).get_json()["rows"]
    assert rows and all(any("科技局" in d for d in r["departments"]) for r in rows)
    city = client.get("/api/support", query_string={"region": "淄博市"}).get_json()["rows"]
    assert city and all(r["region"]["city"] == "淄博市" for r in city)


def test_new_notices_page_and_feed(client):
    t = lxml_html.fromstring(client.get("/new").data)
    groups = t.xpath("//section[@class='notice-group']")
    assert groups and "抓取 sample" in groups[0].xpath("h2")[0].text_content()
    titles = t.xpath("//section[@class='notice-group']//li/a/text()")
    changed = t.xpath("//section[@class='changed-docs']//li/a")
    assert len(changed) == 1 and changed[0].get("href").endswith("#versions")  # the edited sample page
    feed = feedparser.parse(client.get("/feeds/new.atom").data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title and [e.title for e in feed.entries] == titles
    assert feed.entries[0].link.startswith("http://localhost/doc/")


def test_any_search_is_a_valid_feed(client):
    resp = client.get("/feeds/search.atom", query_string={"q": "补助", "region": "淄博市"})
    assert resp.mimetype == "application/atom+xml"
    feed = feedparser.parse(resp.data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert "补助" in feed.feed.title and feed.entries
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert all("#c-" in e.link for e in feed.entries)


def test_policy_export_writes_the_whole_store(web_data, tmp_path, client):
    runner = CliRunner()
    out = tmp_path / "all.jsonl"
    result = runner.invoke(cli, ["--data-dir", str(web_data), "export", "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    n = len(SAMPLE_DOCS)  # the bundled mirror's documents
    assert len(docs) == n and all(d["clauses"] and d["title"] for d in docs)
    assert f"exported {n} documents" in result.output
    csv_out = tmp_path / "all.csv"
    result = runner.invoke(
        cli, ["--data-dir", str(web_data), "export", "--format", "csv", "-o", str(csv_out)]
    )
    assert result.exit_code == 0, result.output
    rows = read_csv(csv_out.read_bytes())
    assert len(rows) == sum(len(d["clauses"]) for d in docs)
    assert {r["doc_id"] for r in rows} == {d["id"] for d in docs}
    bad = runner.invoke(cli, ["--data-dir", str(web_data), "export", "-o", str(tmp_path / "no" / "x.jsonl")])
    assert bad.exit_code != 0 and "error:" in bad.output and "Traceback" not in bad.output


def test_support_rows_say_whether_the_policy_still_applies(client):
    for args in ({"min_wan": "10"}, {"q": "中试基地", "min_wan": "10"}):
        rows = client.get("/api/support", query_string=args).get_json()["rows"]
        assert rows and all(r["status"] and r["status"]["status"] for r in rows), args
    page = lxml_html.fromstring(client.get("/support", query_string={"q": "中试基地"}).data)
    assert page.xpath("//li[@class='grant']//span[contains(@class,'badge status-')]")


def test_new_notices_name_sites_by_their_title_when_serve_knows_it(client):
    from policy.cmd_web import site_titles
    from search_web import create_app

    titles = site_titles()  # the shipped configs: every one has a title
    assert titles["mirror"] == "示例市科学技术局（本地镜像）" and len(titles) >= 5
    data_dir = client.application.config["DATA_DIR"]
    named = create_app(data_dir=data_dir, SITE_TITLES={"sample": "示例市科学技术局"}).test_client()
    t = lxml_html.fromstring(named.get("/new").data)
    assert "抓取 示例市科学技术局" in t.xpath("//section[@class='notice-group']/h2")[0].text_content()
    assert "抓取 示例市科学技术局" in t.xpath("//table[@class='runs']//td[2]")[0].text_content()


def test_exports_say_status_and_amount_kind_in_chinese_with_absolute_links(client):
    rows = read_csv(client.get("/export/search.csv", query_string={"q": "中试基地"}).data)
    repealed = [r for r in rows if r["status"] == "repealed"]
    assert repealed and all(r["status_zh"] == "已废止" for r in repealed)
    assert all(r["status_zh"] for r in rows if r["status"])
    capped = [r for r in rows if "（cap" in r["amounts"]]
    assert capped and all("（cap 最高）" in r["amounts"] for r in capped)
    assert all(r["link"].startswith("http://localhost/doc/") for r in rows)
    data = json.loads(client.get("/export/search.json", query_string={"q": "中试基地"}).data)
    assert all(h["link"].startswith("http://localhost/doc/") and h["status_zh"] for h in data["hits"])
    # the host the request came to, as a browser on another machine would reach it
    other = client.get(
        "/export/search.csv", query_string={"q": "中试基地"}, base_url="https://policy.example.org"
    )
    assert all(r["link"].startswith("https://policy.example.org/doc/") for r in read_csv(other.data))
    grants = read_csv(client.get("/export/support.csv", query_string={"min_wan": "10"}).data)
    assert grants and all(
        r["amount_kind_zh"] in ("最高", "定额", "按标准", "不低于", "按比例") for r in grants
    )
    assert all(r["link"].startswith("http://localhost/doc/") for r in grants)
    support = json.loads(client.get("/export/support.json", query_string={"min_wan": "10"}).data)
    assert all(r["link"].startswith("http://localhost/doc/") for r in support["rows"])
    doc_rows = read_csv(client.get(f"/export/doc/{rows[0]['doc_id']}.csv").data)
    assert all(r["link"].startswith(f"http://localhost/doc/{rows[0]['doc_id']}#") for r in doc_rows)


def test_policy_export_takes_a_base_url_for_its_links(web_data, tmp_path):
    runner = CliRunner()
    out = tmp_path / "all.csv"
    args = [
        "--data-dir",
        str(web_data),
        "export",
        "--format",
        "csv",
        "--base-url",
        "https://policy.example.org/",
    ]
    result = runner.invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = read_csv(out.read_bytes())
    assert all(r["link"].startswith(f"https://policy.example.org/doc/{r['doc_id']}#c-") for r in rows)
    assert {r["status_zh"] for r in rows if r["status"] == "repealed"} == {"已废止"}
    jsonl = tmp_path / "all.jsonl"
    args[4] = "jsonl"
    assert runner.invoke(cli, [*args, "-o", str(jsonl)]).exit_code == 0
    docs = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert all(d["link"] == f"https://policy.example.org/doc/{d['id']}" for d in docs)
    bad = runner.invoke(cli, [*args[:5], "--base-url", "policy.example.org", "-o", str(jsonl)])
    assert bad.exit_code != 0 and "--base-url" in bad.output
