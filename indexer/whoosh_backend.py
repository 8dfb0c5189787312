"""The Whoosh backend: pure Python, no service, fine up to a few hundred thousand clauses."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import sorting
from whoosh.query import And, AndMaybe, NullQuery, NumericRange, Or, Query, Term

from .backend import FACET_FIELDS, Criteria, Found, top_facets
from .entries import Entry
from .query import QueryPlan, Spelling
from .query import Term as QueryTerm
from .schema import SEARCH_FIELDS, make_schema

_NO_INT = 2**31 - 1
# Facet name in results -> Whoosh field holding its value.
_FACET_SOURCE = {f: f for f in FACET_FIELDS} | {"department": "department_name"}


class WhooshWriter:
    def __init__(self, ix, bulk: bool):
        # One process: the machine is shared, and procs>1 copies the analyzer into each.
        self._w = ix.writer(limitmb=256, procs=1) if bulk else ix.writer(timeout=5.0)

    def add(self, e: Entry) -> None:
        doc = {
            "clause_id": e.clause_id,
            "doc_id": e.doc_id,
            "title": e.title,
            "heading": e.heading,
            "text": e.text,
            "context": e.context,
            "issuer": e.issuer,
            "province": e.province,
            "city": e.city,
            "county": e.county,
            "doc_type": e.doc_type,
            "status": e.status,
            "department": ",".join(e.departments),
            "department_name": ",".join(e.department_names),
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


def _spelling_query(s: Spelling, fields=SEARCH_FIELDS) -> Query:
    required = And([Or([Term(f, t, boost=s.weight(t)) for f in fields]) for t in s.required])
    if not s.optional:
        return required
    return AndMaybe(required, Or([Term(f, t, boost=s.weight(t)) for f in fields for t in s.optional]))


def _term_query(t: QueryTerm) -> Query:
    qs = [_spelling_query(s) for s in t.spellings]
    return qs[0] if len(qs) == 1 else Or(qs)


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


def exclusion_query(plan: QueryPlan) -> Query | None:
    """The clauses to leave out.  Passed as Whoosh's ``mask``: an AndNot matcher over
    these nested queries drops some exclusions depending on term order (hash seed)."""
    return Or([_term_query(t) for t in plan.excluded]) if plan.excluded else None


def filter_query(c: Criteria) -> Query | None:
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
    if c.year_from or c.year_to:
        parts.append(NumericRange("year", c.year_from, c.year_to))
    if c.min_yuan:
        parts.append(NumericRange("max_yuan", float(c.min_yuan), None))
    if c.drafts == "exclude":
        parts.append(Term("draft", False))
    elif c.drafts == "only":
        parts.append(Term("draft", True))
    return And(parts) if parts else None


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

    def writer(self, *, bulk: bool = False) -> WhooshWriter:
        return WhooshWriter(self._ix, bulk)

    def count(self) -> int:
        return self._ix.doc_count()

    def close(self) -> None:
        self._ix.close()

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
        kwargs: dict = {"filter": filter_query(criteria), "mask": exclusion_query(plan), "limit": limit}
        if sort == "date":
            kwargs.update(
                sortedby=sorting.MultiFacet([sorting.FieldFacet("published", reverse=True), "doc_id", "ord"])
            )
        elif sort == "amount":
            kwargs.update(sortedby="max_yuan", reverse=True)
        if collapse:
            kwargs.update(collapse="doc_id", collapse_limit=1)
        want_groups = facets or collapse
        if want_groups:
            groups = sorting.Facets()
            for name in FACET_FIELDS if facets else ():
                groups.add_field(_FACET_SOURCE[name], allow_overlap=(name == "department"))
            if collapse:
                groups.add_field("doc_id")
            kwargs.update(groupedby=groups, maptype=sorting.Count)
        with self._ix.searcher() as searcher:
            found = searcher.search(q, **kwargs)
            out_facets = {}
            if facets:
                for name in FACET_FIELDS:
                    counts: Counter = Counter()
                    for k, v in found.groups(_FACET_SOURCE[name]).items():
                        # a clause without a year reads back as the column's default, 2**31-1
                        if k not in (None, "", _NO_INT):
                            counts[str(k)] += v
                    out_facets[name] = top_facets(counts)
            total = len(found.groups("doc_id")) if collapse else len(found)
            # Sorted results carry the sort key as the "score"; only relevance has a real one.
            hits = [
                (h["payload"], float(h.score) if isinstance(h.score, int | float) else 0.0) for h in found
            ]
        return Found(total, hits, out_facets)
