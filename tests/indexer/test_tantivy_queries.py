"""tantivy's engine queries written for speed find and score exactly what the plain ones do."""

from __future__ import annotations

import pytest

import indexer.tantivy_backend as tb
from indexer import Filters
from indexer.build import open_index
from indexer.query import parse_query, plan_query

PHRASE_QUERIES = [
    ('"中试基地"', {}),
    ('"科技型中小企业"', {}),
    ('"中试基地" 补助', {}),
    ('"创新券" 科技 企业', {}),
    ('"孵化器" -创新券', {}),
    ('"揭榜挂帅" "中试基地"', {}),
    ('"创新券"', {"drafts": "exclude"}),
]


# words whose spellings share tokens (发展改革委, 发展和改革委员会: 发展, 改革), the counting query asks them once
ALIAS_QUERIES = [
    ("发改委", {}),
    ("发改委 补助", {}),
    ("科技局 -发改委", {}),
    ("人社局 科技", {"drafts": "exclude"}),
]


@pytest.fixture(scope="module")
def engine(indexed_in):
    backend = open_index(indexed_in("tantivy"))
    with backend.pinned():
        yield backend


def _hits(engine, q) -> list[tuple[float, int, int]]:
    searcher = engine._searcher()[0]
    return [(score, a.segment_ord, a.doc) for score, a in searcher.search(q, 500, count=True).hits]


@pytest.mark.parametrize("query, filters", PHRASE_QUERIES)
@pytest.mark.parametrize("any_term", [False, True])
def test_a_phrase_term_scores_each_hit_as_its_verbatim_phrase_did(
    engine, monkeypatch, query, filters, any_term
):
    plan, criteria = plan_query(parse_query(query)), Filters(**filters).criteria()
    fast = _hits(engine, engine.build_query(plan, criteria, any_term))
    monkeypatch.setattr(tb, "_phrase_filters", lambda plan: frozenset())  # the phrase matched twice
    plain = _hits(engine, engine.build_query(plan, criteria, any_term))
    assert plain, query
    assert fast == plain


@pytest.mark.parametrize("query, filters", PHRASE_QUERIES)
@pytest.mark.parametrize("any_term", [False, True])
def test_the_counting_query_matches_the_same_clauses(engine, query, filters, any_term):
    plan, criteria = plan_query(parse_query(query)), Filters(**filters).criteria()
    scored = engine.build_query(plan, criteria, any_term)
    counted = engine.build_query(plan, criteria, any_term, matching=True)
    assert str(counted) != str(scored)  # the phrase's word left out
    searcher = engine._searcher()[0]
    assert {a.doc for _, a in searcher.search(counted, 1000).hits} == {
        a.doc for _, a in searcher.search(scored, 1000).hits
    }
    assert engine._facets(searcher, counted) == engine._facets(searcher, scored)


@pytest.mark.parametrize("query, filters", ALIAS_QUERIES)
@pytest.mark.parametrize("any_term", [False, True])
def test_the_counting_query_of_alias_spellings_matches_the_same_clauses(engine, query, filters, any_term):
    plan, criteria = plan_query(parse_query(query)), Filters(**filters).criteria()
    scored = engine.build_query(plan, criteria, any_term)
    counted = engine.build_query(plan, criteria, any_term, matching=True)
    searcher = engine._searcher()[0]
    found = {a.doc for _, a in searcher.search(scored, 5000).hits}
    assert found, query
    assert {a.doc for _, a in searcher.search(counted, 5000).hits} == found
    assert engine._facets(searcher, counted) == engine._facets(searcher, scored)
