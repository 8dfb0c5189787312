"""Whoosh and tantivy run the same plan: the same query finds the same clauses in both."""

from __future__ import annotations

import json

import pytest

from indexer import Filters, search
from policy.bench.search import bench_queries
from tests.indexer.conftest import SEARCH_FIXTURES

QUERIES = [
    (j["q"], j.get("filters", {})) for j in json.loads((SEARCH_FIXTURES / "judged_queries.json").read_text())
]
QUERIES += bench_queries(60)


@pytest.fixture(scope="module")
def both(indexed_in):
    """The same documents indexed by each engine: the session's ``indexed`` dirs (conftest), only read."""
    return {name: indexed_in(name) for name in ("whoosh", "tantivy")}


def test_same_totals_and_same_clauses(both):
    for q, f in QUERIES:
        w, t = (search(both[b], q, Filters(**f), per_page=100) for b in ("whoosh", "tantivy"))
        assert (w.total, w.fallback) == (t.total, t.fallback), q
        if w.total <= 100:
            assert {h.clause_id for h in w.hits} == {h.clause_id for h in t.hits}, q


def test_same_facets(both):
    for q in ("中试基地", "科技 补助", "科学技术局 孵化器"):
        w, t = (search(both[b], q).facets for b in ("whoosh", "tantivy"))
        for name in ("province", "city", "department", "doc_type", "year", "status"):
            assert dict(w[name]) == dict(t[name]), (q, name)


def test_same_first_page_in_the_same_order(both):
    """The rerank orders by the clause's own text, so the engines' scores never reorder a page."""
    for q, f in QUERIES:
        w, t = (search(both[b], q, Filters(**f), per_page=10) for b in ("whoosh", "tantivy"))
        if w.total <= 50:  # the same candidates (deeper, each engine picks its own best 50)
            assert [h.clause_id for h in w.hits] == [h.clause_id for h in t.hits], q
