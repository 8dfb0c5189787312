"""What a search backend does, whichever engine runs it.

Whoosh (pure Python, the default) and tantivy (Rust, for big corpora) index
the same ``Entry`` objects and run the same ``QueryPlan``; ``search()`` does
the rest (phrases, reranking, snippets) the same way over both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from .entries import Entry
from .query import QueryPlan

FACET_FIELDS = ("province", "city", "county", "issuer", "department", "doc_type", "year", "status")
MAX_FACET_VALUES = 30


@dataclass(frozen=True)
class Criteria:
    """Filters in the index's own spelling (resolved by ``search.Filters.criteria``)."""

    regions: tuple[str, ...] = ()  # any of these province/city/county names
    issuer: str | None = None
    department: str | None = None
    doc_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    min_yuan: float | None = None
    drafts: str = "include"
    statuses: tuple[str, ...] = ()  # any of these document statuses


@dataclass(frozen=True)
class Found:
    total: int
    hits: list[tuple[dict, float]]  # (payload, score), best first
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


class Writer(Protocol):
    def add(self, entry: Entry) -> None: ...
    def delete_document(self, doc_id: str) -> None: ...
    def commit(self) -> None: ...
    def cancel(self) -> None: ...


class Backend(Protocol):
    name: str
    exact_phrases: (
        bool  # True: search() applies plan.phrases verbatim itself; False: search() checks candidates
    )

    def writer(self, *, bulk: bool = False) -> Writer: ...

    def search(
        self,
        plan: QueryPlan,
        criteria: Criteria,
        *,
        any_term: bool,
        sort: str,
        collapse: bool,
        limit: int,
        facets: bool,
    ) -> Found: ...

    def doc_count(self) -> int:
        """Clauses in the index, read through a searcher: proves the generation opens."""
        ...

    def doc_freqs(self, tokens: list[str]) -> tuple[int, dict[str, int]]:
        """(clauses in the index, clauses whose text holds each token): a query word's idf."""
        ...

    def close(self) -> None: ...


def top_facets(counts: dict[str, int]) -> list[tuple[str, int]]:
    """The values counted most often, then by name, MAX_FACET_VALUES of them at most."""
    pairs = [(str(k), int(v)) for k, v in counts.items() if k not in (None, "") and v]
    if len(pairs) > MAX_FACET_VALUES:
        # only a value counted at least as often as the MAX_FACET_VALUES-th can be among them:
        # a few hundred issuers or cities are not all sorted by name for thirty
        least = sorted([v for _, v in pairs], reverse=True)[MAX_FACET_VALUES - 1]
        pairs = [kv for kv in pairs if kv[1] >= least]
    return sorted(pairs, key=_most_first)[:MAX_FACET_VALUES]


def _most_first(kv: tuple[str, int]) -> tuple[int, str]:
    return -kv[1], kv[0]
