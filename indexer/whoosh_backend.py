"""The Whoosh backend: pure Python, no service, for corpora up to some tens of thousands of clauses.

Where Whoosh spends its time, and what this module does instead:
- four searched fields meant four posting lists per query token: one
  weighted ``body`` field (schema.WeightedTokens) has one;
- ``groupedby`` facets reload every column on every query and score every
  match: the matching documents are collected once, unscored, and counted
  against columns read once per index generation (``Columns``);
- numeric ranges (year, amount) expand into dozens of trie terms: they are
  checked against the same columns;
- ``AndNot`` over nested queries drops some exclusions depending on term
  order: exclusions are subtracted as a set.
Only the page's candidates are then scored, restricted to that set.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import sorting
from whoosh.query import And, AndMaybe, NullQuery, Or, Query, Term

from .analysis import cut_repeated, squash
from .backend import FACET_FIELDS, Criteria, Found, top_facets
from .entries import Entry, context_tokens, text_and_heading_tokens
from .query import QueryPlan, Spelling
from .query import Term as QueryTerm
from .schema import WHOOSH_WEIGHTS, make_schema, weigh

_NO_INT = 2**31 - 1  # what the year column reads back for a clause without a year
_COLUMNS = (
    "province",
    "city",
    "county",
    "issuer",
    "doc_type",
    "status",
    "department_names",
    "year",
    "max_yuan",
)
_FACET_SOURCE = {f: f for f in FACET_FIELDS} | {"department": "department_names"}


def body_tokens(e: Entry, text: list[str], heading: list[str]) -> dict[str, tuple[int, float]]:
    """The entry's searched tokens with their weights (a heading inside the text adds to its tokens' weight)."""
    inside = bool(e.heading) and e.heading in e.text
    return weigh(
        [
            (text, WHOOSH_WEIGHTS["text"]),
            (heading, WHOOSH_WEIGHTS["heading"] - (WHOOSH_WEIGHTS["text"] if inside else 0.0)),
            (cut_repeated(e.title), WHOOSH_WEIGHTS["title"]),
            (context_tokens(e), WHOOSH_WEIGHTS["context"]),
        ]
    )


class WhooshWriter:
    def __init__(self, ix, bulk: bool):
        # One process: the machine is shared, and procs>1 copies the analyzer into each.
        self._w = ix.writer(limitmb=256, procs=1) if bulk else ix.writer(timeout=5.0)

    def add(self, e: Entry) -> None:
        text, heading = text_and_heading_tokens(e.text, e.heading)
        doc = {
            "clause_id": e.clause_id,
            "doc_id": e.doc_id,
            "body": body_tokens(e, text, heading),
            "terms": " ".join(dict.fromkeys(text)),
            "issuer": e.issuer,
            "province": e.province,
            "city": e.city,
            "county": e.county,
            "doc_type": e.doc_type,
            "status": e.status,
            "department": ",".join(e.departments),
            "department_name": ",".join(e.department_names),
            "department_names": ",".join(e.department_names),
            "doc_number": e.doc_number,
            "draft": e.draft,
            "published": e.published,
            "ord": e.ord,
            "payload": e.payload,
        }
        if e.year is not None:
            doc["year"] = e.year
        if e.max_yuan is not None:
            doc["max_yuan"] = e.max_yuan
        self._w.add_document(**doc)

    def delete_document(self, doc_id: str) -> None:
        self._w.delete_by_term("doc_id", doc_id)

    def commit(self) -> None:
        self._w.commit()

    def cancel(self) -> None:
        self._w.cancel()


def _spelling_query(s: Spelling) -> Query:
    required = And([Term("body", t, boost=s.weight(t)) for t in s.required])
    if not s.optional:
        return required
    return AndMaybe(required, Or([Term("body", t, boost=s.weight(t)) for t in s.optional]))


def _term_query(t: QueryTerm) -> Query:
    qs = [_spelling_query(s) for s in t.spellings]
    if t.verbatim or t.phrase:  # a quoted phrase is the characters as printed, however jieba cut them
        qs.append(_verbatim(t.text))
    return qs[0] if len(qs) == 1 else Or(qs)


def _verbatim(word: str) -> Query:
    """Clauses that may print the word as it is, however jieba cut it there: any token lying
    inside the word (链五链|融合 for 五链融合 shares 融合).  Loose: search() keeps those that do
    print it (Whoosh has no bigram field; it would make the index four times as large)."""
    w = squash(word)
    parts = {w[i:j] for i in range(len(w)) for j in range(i + 2, len(w) + 1)}
    return Or([Term("body", p) for p in sorted(parts)])


def build_query(plan: QueryPlan, any_term: bool) -> Query:
    parts = [_term_query(t) for t in plan.terms]
    numbers = [Term("doc_number", k) for k in plan.doc_numbers]
    if not parts and not numbers:
        return NullQuery
    if any_term and parts:
        q: Query = Or(parts)
    else:
        q = And(parts) if parts else Or(numbers)
    if numbers and parts:
        q = And([q, Or(numbers)])
    return q


def term_filter(c: Criteria) -> Query | None:
    """The filters that are terms; ranges are checked against the columns."""
    parts: list[Query] = []
    if c.regions:
        parts.append(Or([Term(f, r) for r in c.regions for f in ("province", "city", "county")]))
    if c.issuer:
        parts.append(Term("issuer", c.issuer))
    if c.department:
        parts.append(Term("department", c.department))
    if c.doc_type:
        parts.append(Term("doc_type", c.doc_type))
    if c.statuses:
        parts.append(Or([Term("status", s) for s in c.statuses]))
    if c.drafts == "exclude":
        parts.append(Term("draft", False))
    elif c.drafts == "only":
        parts.append(Term("draft", True))
    return And(parts) if parts else None


# What a clause without a value reads back as, for segments that hold no value of a field at all.
_MISSING = {"year": _NO_INT, "max_yuan": 0.0}


def _column(reader, name: str) -> list:
    """One value per document number, across segments.

    Whoosh's multi-segment column reader skips a segment that has no column
    for the field (an incremental update whose documents have no year), so
    its values would shift against the document numbers; fill such a segment
    with the missing value instead.
    """
    values: list = []
    for leaf, offset in reader.leaf_readers():
        values.extend([_MISSING.get(name, "")] * (offset - len(values)))
        if leaf.has_column(name):
            values.extend(leaf.column_reader(name))
        else:
            values.extend([_MISSING.get(name, "")] * leaf.doc_count_all())
    return values


class Columns:
    """Per-document values of the facet and range fields, read once per index generation."""

    def __init__(self, reader):
        self.values = {name: _column(reader, name) for name in _COLUMNS}
        self.doc_ids = _column(reader, "doc_id")

    def in_ranges(self, docs: set[int], c: Criteria) -> set[int]:
        if c.year_from or c.year_to:
            years, lo, hi = self.values["year"], c.year_from or 0, c.year_to or 9999
            docs = {d for d in docs if lo <= years[d] <= hi}
        if c.min_yuan:
            yuan, least = self.values["max_yuan"], float(c.min_yuan)
            docs = {d for d in docs if least <= yuan[d]}  # no amount reads back as 0.0
        return docs

    def facets(self, docs: set[int]) -> dict[str, list[tuple[str, int]]]:
        out = {}
        for name in FACET_FIELDS:
            column = self.values[_FACET_SOURCE[name]]
            if name == "department":
                counts: Counter = Counter(n for d in docs for n in column[d].split(",") if n)
            else:
                counts = Counter(column[d] for d in docs)
                counts.pop(_NO_INT, None)
            out[name] = top_facets(counts)
        return out


class WhooshBackend:
    name = "whoosh"
    exact_phrases = False

    def __init__(self, path: Path, create: bool = False):
        self.path = Path(path)
        if create:
            self.path.mkdir(parents=True, exist_ok=True)
            self._ix = whoosh_index.create_in(self.path, make_schema())
        else:
            self._ix = whoosh_index.open_dir(self.path)
        self._columns: tuple[int, Columns] | None = None
        self._lock = threading.Lock()

    def writer(self, *, bulk: bool = False) -> WhooshWriter:
        return WhooshWriter(self._ix, bulk)

    def close(self) -> None:
        self._ix.close()

    def doc_count(self) -> int:
        with self._ix.searcher() as searcher:
            return searcher.doc_count()

    def doc_freqs(self, tokens: list[str]) -> tuple[int, dict[str, int]]:
        with self._ix.searcher() as searcher:
            return searcher.doc_count(), {t: searcher.doc_frequency("terms", t) for t in tokens}

    def _columns_for(self, searcher) -> Columns:
        generation = searcher.reader().generation()
        with self._lock:
            if self._columns is None or self._columns[0] != generation:
                self._columns = (generation, Columns(searcher.reader()))
            return self._columns[1]

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
    ) -> Found:
        q = build_query(plan, any_term)
        if q is NullQuery:
            return Found(0, [])
        with self._ix.searcher() as searcher:
            columns = self._columns_for(searcher)
            docs = set(searcher.docs_for_query(q))
            filters = term_filter(criteria)
            if docs and filters is not None:
                docs &= set(searcher.docs_for_query(filters))
            if docs and plan.excluded:
                docs -= set(searcher.docs_for_query(Or([_term_query(t) for t in plan.excluded])))
            docs = columns.in_ranges(docs, criteria)
            if not docs:
                return Found(0, [])
            kwargs: dict = {"filter": docs, "limit": limit}
            if sort == "date":
                kwargs["sortedby"] = sorting.MultiFacet(
                    [sorting.FieldFacet("published", reverse=True), "doc_id", "ord"]
                )
            elif sort == "amount":
                kwargs.update(sortedby="max_yuan", reverse=True)
            if collapse:
                kwargs.update(collapse="doc_id", collapse_limit=1)
            found = searcher.search(q, **kwargs)
            # Sorted results carry the sort key as the "score"; only relevance has a real one.
            hits = [
                (h["payload"], float(h.score) if isinstance(h.score, int | float) else 0.0) for h in found
            ]
            total = len({columns.doc_ids[d] for d in docs}) if collapse else len(docs)
            return Found(total, hits, columns.facets(docs) if facets else {})
