"""`total` is what the pages can show: a clause folded into its original is not counted."""

from __future__ import annotations

import pytest

from indexer import search


@pytest.mark.parametrize("collapse", [False, True])
@pytest.mark.parametrize("query", ["孵化器", "中试基地", "科技创新券"])
def test_total_matches_the_hits_every_page_shows(indexed, query, collapse):
    everything = search(indexed, query, per_page=100, collapse=collapse)
    assert everything.hits, query
    assert everything.total == len(everything.hits)
    # page by page, the same total, and the pages together show exactly that many
    shown = []
    page = 1
    while True:
        results = search(indexed, query, page=page, per_page=3, collapse=collapse)
        assert results.total == everything.total
        shown += [h.clause_id for h in results.hits]
        if not results.hits:
            break
        page += 1
    assert len(shown) == everything.total and len(set(shown)) == len(shown)


def test_a_repost_folded_into_its_original_is_not_counted(indexed):
    """The sample site's news repost carries clauses of the action plan word for word."""
    results = search(indexed, "孵化器", per_page=100)
    texts = [h.text for h in results.hits]
    assert len(texts) == len(set(texts)) == results.total
