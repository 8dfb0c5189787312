"""What a request reads: the store (one connection per request) and the search it runs.

Every face of a search (page, API, export, feed) goes through ``run_search``,
which calls ``indexer.search`` and nothing else; the indexer owns ranking.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import current_app, g

from corpus.store import Store
from indexer import Results, search

from .params import SearchParams


def data_dir() -> str:
    return current_app.config["DATA_DIR"]


def store() -> Store:
    """The request's store connection, opened on first use and closed at teardown."""
    if "store" not in g:
        g.store = Store.in_dir(data_dir())
    return g.store


def close_store(_exc: BaseException | None = None) -> None:
    s = g.pop("store", None)
    if s is not None:
        s.close()


def run_search(params: SearchParams) -> Results:
    return search(
        data_dir(),
        params.q,
        params.filters(),
        page=params.page,
        per_page=params.per_page,
        sort=params.sort,
        collapse=params.collapse,
    )


def all_hits(params: SearchParams, limit: int) -> Iterator:
    """Every hit of a search up to ``limit``, page by page (exports and feeds want more than a page)."""
    per_page = 100
    page, seen = 1, 0
    while seen < limit:
        results = search(
            data_dir(),
            params.q,
            params.filters(),
            page=page,
            per_page=per_page,
            sort=params.sort,
            collapse=params.collapse,
        )
        for hit in results.hits:
            if seen >= limit:
                return
            seen += 1
            yield hit
        if not results.hits or page * per_page >= results.total:
            return
        page += 1
