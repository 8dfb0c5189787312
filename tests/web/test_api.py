"""The JSON API: the same parameters as the pages, the document contract, errors as JSON."""

from __future__ import annotations

CONTRACT = (
    "source", "url", "title", "issuer", "doc_number", "index_no", "published", "signed",
    "doc_type", "draft", "region", "clauses",
)  # fmt: skip


def test_api_search_takes_the_page_parameters(client):
    every = client.get("/api/search", query_string={"q": "补助"}).get_json()
    assert every["total"] > 0 and every["facets"]["city"]
    city = every["facets"]["city"][-1]["value"]
    one_city = client.get("/api/search", query_string={"q": "补助", "region": city}).get_json()
    assert 0 < one_city["total"] < every["total"]
    assert all(h["region"]["city"] == city for h in one_city["hits"])
    paged = client.get("/api/search", query_string={"q": "补助", "per_page": 2, "page": 2}).get_json()
    assert len(paged["hits"]) == 2 and paged["page"] == 2
    assert paged["hits"][0]["clause_id"] == every["hits"][2]["clause_id"]
    drafts = client.get("/api/search", query_string={"q": "科技", "drafts": "only"}).get_json()
    assert drafts["hits"] and all(h["draft"] for h in drafts["hits"])


def test_api_doc_returns_the_contract_with_links_and_versions(client):
    hit = client.get("/api/search", query_string={"q": "揭榜挂帅"}).get_json()["hits"][0]
    doc = client.get(f"/api/doc/{hit['doc_id']}").get_json()
    for key in CONTRACT:
        assert key in doc
    assert doc["id"] == hit["doc_id"]
    assert any(c["id"] == hit["clause_id"] for c in doc["clauses"])
    assert all(c["link"].startswith(f"/doc/{doc['id']}#c-") for c in doc["clauses"])
    assert doc["versions"][0]["snapshot"] == f"/doc/{doc['id']}/snapshot/1"
    assert doc["first_seen"] and doc["site"] == "sample"


def test_api_errors_are_json(client):
    missing_q = client.get("/api/search")
    assert missing_q.status_code == 400 and "q" in missing_q.get_json()["error"]
    too_long = client.get("/api/search", query_string={"q": "x" * 500})
    assert too_long.status_code == 400 and too_long.is_json
    assert client.get("/api/doc/../../etc").status_code == 404
