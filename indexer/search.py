"""The one query API: ``search(query, filters, page) -> Results``.

The CLI, the web pages and the JSON API all call this function; none of them
builds a Whoosh query of its own.
"""

from __future__ import annotations

import html
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from whoosh import highlight, sorting
from whoosh.query import And, AndMaybe, AndNot, NullQuery, NumericRange, Or, Query, Term

from .analysis import PolicyAnalyzer, fold
from .build import open_index
from .query import ParsedQuery, QueryError, parse_query

SEARCH_FIELDS = ("title", "heading", "text", "context")
MAX_PER_PAGE = 100
FACET_FIELDS = ("province", "city", "issuer", "department", "doc_type", "year")
SORTS = ("relevance", "date", "amount")

__all__ = ["Filters", "Hit", "Results", "QueryError", "search"]


@dataclass(frozen=True)
class Filters:
    region: str | None = None  # a province, city or county, full name
    issuer: str | None = None
    department: str | None = None
    doc_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    min_yuan: float | None = None
    drafts: str = "include"  # include | exclude | only

    def query(self) -> Query | None:
        parts: list[Query] = []
        if self.region:
            parts.append(Or([Term(f, self.region) for f in ("province", "city", "county")]))
        if self.issuer:
            parts.append(Term("issuer", self.issuer))
        if self.department:
            parts.append(Term("department", self.department))
        if self.doc_type:
            parts.append(Term("doc_type", self.doc_type))
        if self.year_from or self.year_to:
            parts.append(NumericRange("year", self.year_from, self.year_to))
        if self.min_yuan:
            parts.append(NumericRange("max_yuan", float(self.min_yuan), None))
        if self.drafts == "exclude":
            parts.append(Term("draft", False))
        elif self.drafts == "only":
            parts.append(Term("draft", True))
        return And(parts) if parts else None


@dataclass
class Hit:
    doc_id: str
    clause_id: str
    source: str
    url: str | None
    title: str | None
    issuer: str | None
    doc_number: str | None
    doc_type: str | None
    draft: bool
    published: str | None
    region: dict
    path: list[str]
    heading: str | None
    text: str
    departments: list[str]
    department_tags: list[dict]
    amounts: list[dict]
    score: float
    snippet: str  # HTML: escaped text with <mark> around matches


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    page: int = 1
    per_page: int = 10
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    fallback: bool = False  # no clause had every word; these match any
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "fallback": self.fallback,
            "notes": self.notes,
            "facets": {k: [{"value": v, "count": n} for v, n in vals] for k, vals in self.facets.items()},
            "hits": [asdict(h) for h in self.hits],
        }


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(t.text, t.startchar, t.endchar) for t in PolicyAnalyzer()(text, chars=True)]


def _word_query(word: str) -> Query | None:
    """All the word's smallest tokens must match; longer compound tokens only add score.

    jieba's search mode cuts 风险补偿金 into 风险/补偿/补偿金/风险补偿金 but never
    yields the 4-character 风险补偿, so requiring a query's long tokens would
    miss clauses that contain them inside a longer compound.
    """
    toks = _tokens(word)
    if not toks:
        return None
    minimal = [
        t
        for t in toks
        if not any(
            o is not t and t[1] <= o[1] and o[2] <= t[2] and (o[1], o[2]) != (t[1], t[2]) for o in toks
        )
    ]
    longer = [t for t in toks if t not in minimal]
    required = And([Or([Term(f, t[0]) for f in SEARCH_FIELDS]) for t in dict.fromkeys(minimal)])
    if not longer:
        return required
    return AndMaybe(
        required, Or([Term(f, t[0], boost=2.0) for f in SEARCH_FIELDS for t in dict.fromkeys(longer)])
    )


def _build(parsed: ParsedQuery, any_word: bool) -> Query:
    parts = [q for q in (_word_query(w) for w in parsed.words + parsed.phrases) if q is not None]
    if not parts:
        return NullQuery
    q: Query = Or(parts) if any_word else And(parts)
    excluded = [x for x in (_word_query(w) for w in parsed.excluded) if x is not None]
    if excluded:
        q = AndNot(q, Or(excluded))
    return q


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", fold(s))


def search(
    data_dir: str | Path,
    query: str,
    filters: Filters | None = None,
    page: int = 1,
    per_page: int = 10,
    sort: str = "relevance",
    collapse: bool = False,
) -> Results:
    parsed = parse_query(query)
    if sort not in SORTS:
        raise QueryError(f"未知的排序方式 {sort!r}，可选：{', '.join(SORTS)}")
    page = max(1, int(page))
    per_page = max(1, min(MAX_PER_PAGE, int(per_page)))
    filters = filters or Filters()
    results = Results(query=query, total=0, hits=[], page=page, per_page=per_page, notes=list(parsed.notes))
    if parsed.empty:
        results.notes.append("请输入查询词")
        return results
    ix = open_index(data_dir)
    with ix.searcher() as searcher:
        filter_q = filters.query()
        kwargs: dict = {"filter": filter_q, "terms": True}
        if sort == "date":
            kwargs.update(sortedby="published", reverse=True)
        elif sort == "amount":
            kwargs.update(sortedby="max_yuan", reverse=True)
        if collapse:
            kwargs.update(collapse="doc_id", collapse_limit=1)
        facets = sorting.Facets()
        for name in FACET_FIELDS:
            facets.add_field(name, allow_overlap=(name == "department"))
        kwargs.update(groupedby=facets, maptype=sorting.Count)

        def run(any_word: bool):
            q = _build(parsed, any_word)
            if parsed.phrases:
                # Phrases are checked on the text itself: jieba's cuts are not stable enough for positions.
                found = searcher.search(q, limit=2000, **kwargs)
                needles = [_squash(p) for p in parsed.phrases]
                kept = [
                    h
                    for h in found
                    if all(
                        n in _squash(h["payload"]["text"] + (h["payload"]["title"] or "")) for n in needles
                    )
                ]
                return found, kept
            found = searcher.search(q, limit=page * per_page, **kwargs)
            return found, None

        found, kept = run(any_word=False)
        total = len(kept) if kept is not None else found.scored_length() if collapse else len(found)
        if total == 0 and len(parsed.words) + len(parsed.phrases) > 1:
            found, kept = run(any_word=True)
            total = len(kept) if kept is not None else len(found)
            results.fallback = total > 0
            if results.fallback:
                results.notes.append("没有同时包含所有查询词的条款，以下结果包含其中部分词语")
        results.total = total
        hits = kept if kept is not None else list(found)
        results.facets = _facets(found) if kept is None else {}
        formatter = highlight.HtmlFormatter(tagname="mark", classname="hl", termclass="t", between="…")
        found.formatter = formatter
        found.fragmenter = highlight.ContextFragmenter(maxchars=160, surround=60)
        for h in hits[(page - 1) * per_page : page * per_page]:
            results.hits.append(_hit(h, formatter))
    return results


def _facets(found) -> dict[str, list[tuple[str, int]]]:
    out = {}
    for name in FACET_FIELDS:
        try:
            groups = found.groups(name)
        except KeyError:
            continue
        pairs = [(str(k), int(v)) for k, v in groups.items() if k not in (None, "")]
        out[name] = sorted(pairs, key=lambda kv: (-kv[1], kv[0]))[:30]
    return out


def _hit(h, formatter) -> Hit:
    p = h["payload"]
    snippet = h.highlights("text", text=p["text"], top=2) or _escape(p["text"][:160])
    return Hit(
        doc_id=p["doc_id"],
        clause_id=p["clause_id"],
        source=p["source"],
        url=p["url"],
        title=p["title"],
        issuer=p["issuer"],
        doc_number=p["doc_number"],
        doc_type=p.get("doc_type"),
        draft=bool(p.get("draft")),
        published=p["published"],
        region=p["region"],
        path=p["path"],
        heading=p["heading"],
        text=p["text"],
        departments=p["departments"],
        department_tags=p.get("department_tags") or [],
        amounts=p["amounts"],
        score=round(float(h.score or 0.0), 4),
        snippet=snippet,
    )


def _escape(s: str) -> str:
    return html.escape(s, quote=True)
