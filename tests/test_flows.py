"""The three users' flows end to end, on a store the operator's nightly command filled.

The operator runs `policy update --site mirror --report …` twice against the
real mirror over HTTP (a real Scrapy crawl in a subprocess); a researcher
then searches, filters, opens the document at the clause, checks whether it
still applies and which text is final, exports CSV and subscribes to the
search; an enterprise asks the support finder.  The web side goes through
the Flask app the server runs, the same code as `policy serve`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import threading
from urllib.parse import unquote, urlsplit

import feedparser
import pytest

from search_web import create_app
from tests.conftest import SAMPLE_DOCS, copy_data, run_policy

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# A crawled page whose title, text and department tags would run as formulas in Excel.
FORMULA_PAGE = """<html><head><meta charset="utf-8"><title>=HYPERLINK("http://evil.example/","点击")</title>
<meta name="PubDate" content="2024-03-01"></head>
<body><h1>=HYPERLINK("http://evil.example/","点击")关于推进概念验证中心建设的通知</h1><div class="content">
<p>一、=1+2 支持概念验证中心建设，给予最高100万元补助。（责任单位：+市科技局、@市财政局）</p>
<p>二、-2+3 概念验证中心按年度考核。（责任单位：市科技局）</p>
</div></body></html>"""


@pytest.fixture(scope="module")
def nightly(mirror_nights, tmp_path_factory):
    """Two nightly updates of the mirror, then one researcher-supplied page ingested and indexed.

    The two nights are the run's ``mirror_nights`` (conftest): this module adds its page to a copy.
    """
    root = tmp_path_factory.mktemp("flows")
    data_dir = copy_data(mirror_nights.data_dir, root)
    page = root / "formula.html"
    page.write_text(FORMULA_PAGE, encoding="utf-8")
    ingest = run_policy("ingest", str(page), data_dir=data_dir)
    assert ingest.returncode == 0, ingest.stderr
    index = run_policy("index", data_dir=data_dir)
    assert index.returncode == 0, index.stderr
    return data_dir, mirror_nights.runs


@pytest.fixture(scope="module")
def client(nightly):
    return create_app(data_dir=nightly[0]).test_client()


def csv_rows(body: bytes) -> list[dict]:
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 BOM to read Chinese"
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_operator_runs_the_nightly_update_twice_and_reads_the_report(nightly):
    _, [(first, r1), (second, r2)] = nightly
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    site = r1["sites"]["mirror"]
    assert (
        site["new"] == len(SAMPLE_DOCS)
        and site["changed"] == 0
        and site["failed"] == 0
        and site["blocked"] == 0
    )
    assert site["pages"] == len(SAMPLE_DOCS) and site["requests"] >= len(SAMPLE_DOCS)
    titles = {d["title"] for d in r1["new_documents"]}
    assert len(r1["new_documents"]) == len(SAMPLE_DOCS) and "关于加快推进中试基地建设的意见" in titles
    assert all(d["url"].startswith("http://127.0.0.1:") for d in r1["new_documents"])
    # the human summary says the same as the report
    assert f"{len(SAMPLE_DOCS)} new" in first.stdout and "0 failed" in first.stdout

    # the second night right after: nothing new, nothing changed, no detail page fetched
    assert second.returncode == 0, second.stderr
    site = r2["sites"]["mirror"]
    assert (site["new"], site["changed"], site["pages"], site["failed"]) == (0, 0, 0, 0)
    assert r2["new_documents"] == []
    assert "0 new" in second.stdout


def test_researcher_searches_filters_opens_checks_exports_and_subscribes(client, nightly):
    where = {"q": "中试基地", "region": "临沂市"}
    found = client.get("/api/search", query_string=where).get_json()
    assert found["total"] > 5
    assert all(h["region"]["city"] == "临沂市" for h in found["hits"])
    departments = [f["value"] for f in found["facets"]["department"]]
    assert "临沂市科学技术局" in departments

    # filter by department: fewer hits, each tagged with the bureau under some spelling
    where["department"] = "临沂市科学技术局"
    narrowed = client.get("/api/search", query_string={**where, "per_page": 100}).get_json()
    assert 0 < narrowed["total"] < found["total"]
    assert all(any("科技局" in d for d in h["departments"]) for h in narrowed["hits"])
    page = client.get("/search", query_string=where)
    assert page.status_code == 200 and "临沂市科学技术局" in page.get_data(as_text=True)

    # the CLI answers the same question with the same clauses
    args = ["中试基地", "--region", "临沂市", "--department", "临沂市科学技术局", "--json", "--limit", "100"]
    cli = run_policy("search", *args, data_dir=nightly[0])
    assert cli.returncode == 0, cli.stderr
    clause_ids = {h["clause_id"] for h in narrowed["hits"]}
    assert {h["clause_id"] for h in json.loads(cli.stdout)["hits"]} == clause_ids

    # open the document at the clause: the anchor is on the page, with the clause's text
    hit = next(h for h in narrowed["hits"] if h["title"] == "关于加快推进中试基地建设的意见")
    path, anchor = hit["link"].split("#")
    doc_page = client.get(path).get_data(as_text=True)
    at = doc_page.index(f'id="{unquote(anchor)}"')
    assert hit["text"][:20] in re.sub(r"<[^>]+>", "", doc_page[at : at + 3000])

    # does it still apply?  This opinion was repealed by a later notice that is stored too
    assert hit["status"]["status"] == "repealed"
    doc = client.get(f"/api/doc/{hit['doc_id']}").get_json()
    assert doc["status"]["status"] == "repealed"
    repealer = doc["relations"]["repealed_by"][0]
    assert repealer["doc_id"] and "废止" in client.get(f"/api/doc/{repealer['doc_id']}").get_json()["title"]
    assert "已废止" in doc_page and f"/doc/{repealer['doc_id']}" in doc_page

    # which text is final: the 征求意见稿 is superseded and its page links the final version
    drafts = client.get("/api/search", query_string={"q": "科技创新", "drafts": "only"}).get_json()
    draft_hit = drafts["hits"][0]
    assert draft_hit["status"]["status"] == "superseded"
    draft = client.get(f"/api/doc/{draft_hit['doc_id']}").get_json()
    final_id = draft["relations"]["draft_of"][0]["doc_id"]
    final = client.get(f"/api/doc/{final_id}").get_json()
    assert not final["draft"] and final["relations"]["final_of"][0]["doc_id"] == draft["id"]
    assert f"/doc/{final_id}" in client.get(f"/doc/{draft['id']}").get_data(as_text=True)

    # export CSV: BOM, every hit, nothing Excel would run as a formula
    rows = csv_rows(client.get("/export/search.csv", query_string=where).data)
    assert len(rows) == narrowed["total"]
    assert {r["clause_id"] for r in rows} == clause_ids
    assert all(r["city"] == "临沂市" and r["status"] for r in rows)
    assert not [v for r in rows for v in r.values() if v and v.startswith(FORMULA_STARTS)]
    # a crawled page that tries it: every such cell is defused with a leading '
    exported = csv_rows(client.get("/export/search.csv", query_string={"q": "概念验证中心"}).data)
    hostile = [r for r in exported if "HYPERLINK" in r["title"]]
    assert len(hostile) == 2 and all(r["title"].startswith("'=HYPERLINK") for r in hostile)
    assert any(r["departments"].startswith("'+") for r in hostile)
    assert not [v for r in exported for v in r.values() if v and v.startswith(FORMULA_STARTS)]

    # subscribe to the search: valid Atom, one entry per clause, each linking the clause
    feed = feedparser.parse(client.get("/feeds/search.atom", query_string=where).data)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title and 0 < len(feed.entries) <= narrowed["total"]
    for entry in feed.entries:
        link = urlsplit(entry.link)
        assert link.path.startswith("/doc/") and link.fragment.startswith("c-")
        assert client.get(link.path).status_code == 200
    # the search page offers that feed to subscribe to
    assert re.search(r'href="[^"]*/feeds/search\.atom\?[^"]*q=', page.get_data(as_text=True))


def test_enterprise_finds_grants_in_force_largest_first(client):
    ask = {"region": "淄博市", "min_wan": "50"}
    answer = client.get("/api/support", query_string=ask).get_json()
    rows = answer["rows"] if "rows" in answer else answer["hits"]
    assert answer["total"] == len(rows) > 0
    amounts = [r["amount_yuan"] for r in rows]
    assert amounts == sorted(amounts, reverse=True) and amounts[-1] >= 500_000
    for r in rows:
        assert r["region"]["city"] == "淄博市"
        assert r["status"]["status"] in ("in_force", "unknown")  # in force, or undated
        assert r["amount_kind"] in (
            "cap",
            "fixed",
            "per_unit",
            "floor",
            "ratio",
        )  # never a threshold or a goal
        assert r["departments"], r["clause_id"]
        assert any(g["yuan"] == r["amount_yuan"] for g in r["grants"])

    # asking for repealed and expired policies too never gives fewer
    everything = client.get("/api/support", query_string={**ask, "validity": "all"}).get_json()
    assert everything["total"] >= answer["total"]

    # the page shows the same answer, the largest grant first, with its kind and department
    html = client.get("/support", query_string=ask).get_data(as_text=True)
    assert "5000万元" in html and html.index("5000万元") < html.index("1000万元")
    assert "最高" in html and "市科技局" in html

    # and exports it for the finance office
    grants = csv_rows(client.get("/export/support.csv", query_string=ask).data)
    assert [g["clause_id"] for g in grants] == [r["clause_id"] for r in rows]
    assert all(g["amount_kind"] and g["departments"] for g in grants)


def test_every_link_of_the_site_resolves(client):
    """Walk the site's own links from / (and a finder answer): none is a 404 or a 500."""
    from html.parser import HTMLParser

    class Links(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.found += [v for k, v in attrs if k in ("href", "src") and v]

    start = ["/", "/support?region=淄博市&min_wan=50"]
    seen, queue, broken = set(start), list(start), []
    per_path: dict[str, int] = {}
    while queue:
        url = queue.pop(0)
        r = client.get(url)
        if r.status_code >= 400:
            broken.append((r.status_code, url))
            continue
        if "html" not in r.content_type or "/snapshot/" in url:  # a snapshot's links are the source site's
            continue
        parser = Links()
        parser.feed(r.get_data(as_text=True))
        for href in parser.found:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue  # another site (the government source), a fragment, a data: URL
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            # facet links multiply: a few of each path prove the links, all of them prove nothing more
            if target not in seen and per_path.get(parts.path, 0) < 25:
                seen.add(target)
                per_path[parts.path] = per_path.get(parts.path, 0) + 1
                queue.append(target)
    assert not broken, broken
    assert any(p.startswith("/doc/") for p in per_path) and "/feeds/new.atom" in per_path
    assert len(seen) > 50


def raw_get(port: int, target: str) -> tuple[int, bytes]:
    """GET with the request line as curl sends it: Chinese as raw UTF-8 bytes, not %-escaped."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_readme_curl_examples_work_as_typed(nightly, mirror_nights):
    """Every curl line of the README and docs/ against `policy serve`'s server, ids mapped to this crawl's."""
    from corpus.model import document_id
    from crawler.mirror import site_root
    from search_web.server import make_server
    from tests.conftest import ROOT

    # the README's ids are those of `make demo` (mirror on 8001); the same pages here have other ids
    ids = {}
    for page in site_root().glob("kjj/zcwj/20*/*.html"):
        rel = page.relative_to(site_root()).as_posix()
        ids[document_id(f"http://127.0.0.1:8001/{rel}")] = document_id(f"{mirror_nights.url}/{rel}")
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    readme = "\n".join(p.read_text("utf-8") for p in pages)
    examples = re.findall(r"curl [^'\n]*'http://127\.0\.0\.1:8000(/[^']*)'", readme)
    assert len(examples) >= 10

    server = make_server(create_app(data_dir=nightly[0]), host="127.0.0.1", port=0, threads=2)
    threading.Thread(target=server.run, daemon=True).start()
    try:
        for target in examples:
            for readme_id in set(re.findall(r"[0-9a-f]{16}", target)):
                assert readme_id in ids, f"README id {readme_id} is no page of `make demo`"
                target = target.replace(readme_id, ids[readme_id])
            status, body = raw_get(server.effective_port, target)
            assert status == 200, (target, body[:200])
            assert body.strip(), target
    finally:
        server.close()
