"""Validity on the site: in_force/strict on the search page and API, the finder in force by default."""

import pytest

from corpus.store import Store
from indexer import update_index
from reasoning import relink
from search_web import create_app
from tests.status.test_links import doc, id_of

NAMES = [
    "draft_incubator_measures.txt",
    "final_incubator_measures.txt",
    "repealed_sme_measures.txt",
    "repeal_decision_three.txt",
    "repealed_services_opinion.txt",
    "same_doc_site_a.html",
    "same_doc_site_b.html",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    data = tmp_path_factory.mktemp("webstatus")
    with Store.in_dir(data) as store:
        for name in NAMES:
            store.save_document(doc(name))
        relink(store, "2024-01-15")
        update_index(store, data)
    return create_app(data_dir=data).test_client()


def _statuses(client, **args) -> set[str]:
    data = client.get("/api/search", query_string={"q": "奖励", "per_page": 50, **args}).get_json()
    assert "hits" in data, data
    return {(h["status"] or {}).get("status", "unknown") for h in data["hits"]}


def test_api_in_force_and_strict(client):
    every = _statuses(client)
    assert {"superseded", "repealed", "in_force"} <= every
    assert _statuses(client, in_force="1") <= {"in_force", "unknown"}
    assert _statuses(client, strict="1") == {"in_force"}
    assert _statuses(client, validity="strict") == {"in_force"}
    bad = client.get("/api/search", query_string={"q": "奖励", "validity": "valid"})
    assert bad.status_code == 400


def test_search_page_offers_the_validity_filter_and_a_removable_chip(client):
    page = client.get("/search", query_string={"q": "奖励", "in_force": "1"}).get_data(as_text=True)
    assert "是否仍然有效" in page and "现行有效（含未注明）" in page
    assert "validity=in_force" in page  # links keep the filter
    draft_title = "扶持办法（征求意见稿）"
    assert draft_title in client.get("/search", query_string={"q": "孵化器 奖励"}).get_data(as_text=True)
    strict = client.get("/search", query_string={"q": "孵化器 奖励", "strict": "1"}).get_data(as_text=True)
    assert draft_title not in strict and "仅确定现行有效" in strict


def test_support_finder_shows_policies_in_force_unless_asked(client):
    default = client.get("/api/support", query_string={"q": "奖励"}).get_json()
    shown = {r["doc_id"] for r in default["rows"]}
    assert id_of("final_incubator_measures.txt") in shown
    assert id_of("draft_incubator_measures.txt") not in shown  # superseded by the final version
    assert id_of("repealed_services_opinion.txt") not in shown  # repealed in 2023
    everything = client.get("/api/support", query_string={"q": "奖励", "validity": "all"}).get_json()
    assert {id_of("draft_incubator_measures.txt"), id_of("repealed_services_opinion.txt")} <= {
        r["doc_id"] for r in everything["rows"]
    }
    # without keywords the finder reads the store: the same rule, and a copy is listed once
    rows = client.get("/api/support", query_string={"region": "临沂市"}).get_json()["rows"]
    ids = {r["doc_id"] for r in rows}
    assert id_of("repealed_services_opinion.txt") not in ids and id_of("same_doc_site_b.html") not in ids
    assert id_of("same_doc_site_a.html") in ids


def test_new_documents_feed_and_page_mark_a_document_that_repeals_others(client):
    import feedparser

    feed = feedparser.parse(client.get("/feeds/new.atom").get_data())
    entries = {e.title: e for e in feed.entries}
    decision = entries["临沂市人民政府关于废止部分科技类规范性文件的决定"]
    assert "废止 3 件文件" in decision.summary and "废止" in [t.term for t in decision.tags]
    other = entries["临沂市科技型中小企业认定办法"]
    assert "废止" not in other.summary
    assert "废止 3 件文件" in client.get("/new").get_data(as_text=True)


def test_exports_carry_status_and_relations(client, tmp_path):
    import csv
    import io
    import json

    from click.testing import CliRunner

    from policy.cli import cli

    sme = id_of("repealed_sme_measures.txt")
    text = client.get(f"/export/doc/{sme}.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(r["status"] == "repealed" for r in rows)
    assert (
        "repealed_by: 临政发〔2023〕2号 《临沂市人民政府关于废止部分科技类规范性文件的决定》"
        in rows[0]["relations"]
    )

    data_dir = client.application.config["DATA_DIR"]
    out = tmp_path / "all.jsonl"
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), "export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    docs = {d["id"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert docs[sme]["status"]["status"] == "repealed"
    assert docs[sme]["relations"]["repealed_by"][0]["doc_id"] == id_of("repeal_decision_three.txt")
    assert len(docs) == len(NAMES)


def test_a_hit_of_a_document_on_two_sites_links_both(client):
    page = client.get("/search", query_string={"q": "新型研发机构"}).get_data(as_text=True)
    assert page.count('class="source-copy"') >= 1
    assert doc("same_doc_site_b.html").url in page and doc("same_doc_site_a.html").url in page
    assert "有效期至 2026-12-31" in page
