"""The tantivy backend: the same entries and plans in a Rust engine, for corpora past a few hundred thousand clauses.

tantivy cannot call jieba, so text arrives pre-tokenized: our analyzer's
tokens joined by spaces, read back by tantivy's whitespace tokenizer.  Field
weights become boosts on the query, filters score nothing, facets are
aggregations over fast fields, and what a hit shows is stored as one JSON
payload, like Whoosh's.
"""

from __future__ import annotations

import json
import marshal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import tantivy

from .analysis import cut_repeated, squash
from .backend import FACET_FIELDS, Criteria, Found, top_facets
from .entries import (
    FACETS_KEY,
    SENTENCES_KEY,
    TEXT_KEY,
    Entry,
    bigrams,
    context_tokens,
    phrase_haystack,
    text_and_heading_tokens,
)
from .facets import facet_values
from .query import QueryPlan, Spelling
from .query import Term as QueryTerm
from .ranking import TEXT_FORMS_VERSION, text_forms
from .schema import FIELD_BOOSTS, SEARCH_FIELDS

HEAP_BYTES = 256_000_000
_KEYWORDS = (
    "clause_id",
    "doc_id",
    "province",
    "city",
    "county",
    "issuer",
    "doc_type",
    "doc_number",
    "status",
)
_FACET_SOURCE = {f: f for f in FACET_FIELDS} | {"department": "department_name"}
_Q = tantivy.Query
_SHOULD, _MUST, _MUST_NOT = tantivy.Occur.Should, tantivy.Occur.Must, tantivy.Occur.MustNot


def make_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    for name in SEARCH_FIELDS:
        sb.add_text_field(name, stored=False, tokenizer_name="whitespace", index_option="freq")
    for name in _KEYWORDS:
        sb.add_text_field(name, stored=False, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("department", stored=False, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("department_name", stored=False, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("draft", indexed=True, fast=False)
    sb.add_integer_field("published", indexed=False, fast=True)  # date_key(), for sorting
    sb.add_integer_field("year", indexed=True, fast=True)
    sb.add_float_field("max_yuan", indexed=True, fast=True)
    # Character bigrams with positions: a quoted phrase is a phrase query over them, exact to the character.
    sb.add_text_field("chars", stored=False, tokenizer_name="whitespace", index_option="position")
    sb.add_bytes_field("payload", stored=True, indexed=False, fast=False)
    return sb.build()


def date_key(e: Entry) -> int:
    """One sortable number for newest first, a document's clauses together and in order.

    tantivy sorts by one fast field: YYYYMMDD, then a number standing for the document, then
    the clause's place counted down (descending order reads it up).
    """
    day = int(e.published.replace("-", "")[:8]) if e.published[:4].isdigit() else 0
    doc = int(e.doc_id[:6], 16) % 100_000 if e.doc_id else 0
    return (day * 100_000 + doc) * 100_000 + (99_999 - min(e.ord, 99_999))


class TantivyWriter:
    def __init__(self, ix: tantivy.Index):
        # One thread: the machine is shared; tantivy's merges run beside it anyway.
        self._w = ix.writer(heap_size=HEAP_BYTES, num_threads=1)

    def add(self, e: Entry) -> None:
        d = tantivy.Document()
        text, heading = text_and_heading_tokens(e.text, e.heading)
        d.add_text("text", " ".join(text))
        d.add_text("heading", " ".join(heading))
        d.add_text("title", " ".join(cut_repeated(e.title)))
        d.add_text("context", " ".join(context_tokens(e)))
        for name in _KEYWORDS:
            value = getattr(e, name)
            if value:
                d.add_text(name, value)
        for key in e.departments:
            d.add_text("department", key)
        for name in e.department_names:
            d.add_text("department_name", name)
        d.add_unsigned("draft", int(e.draft))
        d.add_integer("published", date_key(e))
        if e.year is not None:
            d.add_integer("year", e.year)
        if e.max_yuan is not None:
            d.add_float("max_yuan", float(e.max_yuan))
        d.add_text("chars", " ".join(bigrams(phrase_haystack(e.payload))))
        d.add_bytes("payload", encode_payload(e.payload))
        self._w.add_document(d)

    def delete_document(self, doc_id: str) -> None:
        self._w.delete_documents_by_term("doc_id", doc_id)

    def commit(self) -> None:
        self._w.commit()
        self._w.wait_merging_threads()

    def cancel(self) -> None:
        self._w.rollback()


class TantivyBackend:
    name = "tantivy"
    exact_phrases = True

    def __init__(self, path: Path, create: bool = False):
        self.path = Path(path)
        self.schema = make_schema()
        if create:
            self.path.mkdir(parents=True, exist_ok=True)
            self._ix = tantivy.Index(self.schema, path=str(self.path), reuse=False)
        else:
            self._ix = tantivy.Index.open(str(self.path))
        self._pins = threading.local()  # the web app's threads share this backend

    @contextmanager
    def pinned(self, prefetch: int = 0):
        """One searcher for every engine call of one query, each engine query run once and each
        clause's payload decoded once.

        A query asks the engine several times (every word, any word, each word alone, then all
        matches for an exact total); reloading the index, running the same engine query again for
        more hits and decoding the same payloads again was a third of a slow query's time.  With
        ``prefetch``, the engine is asked for that many hits' addresses at least, so that asking
        for all of a few hundred matches later costs no second run.  Nested calls share the outer pin."""
        if getattr(self._pins, "pin", None) is not None:
            yield
            return
        self._ix.reload()
        self._pins.pin = _Pin(self._ix.searcher(), {}, {}, prefetch)
        try:
            yield
        finally:
            self._pins.pin = None

    def _searcher(self) -> tuple[tantivy.Searcher, _Pin | None]:
        pin = getattr(self._pins, "pin", None)
        if pin is not None:
            return pin.searcher, pin
        self._ix.reload()
        return self._ix.searcher(), None

    def writer(self, *, bulk: bool = False) -> TantivyWriter:
        return TantivyWriter(self._ix)

    def close(self) -> None:
        self._ix = None

    def doc_count(self) -> int:
        self._ix.reload()
        return self._ix.searcher().num_docs

    def doc_freqs(self, tokens: list[str]) -> tuple[int, dict[str, int]]:
        searcher, _ = self._searcher()
        return searcher.num_docs, {t: searcher.doc_freq("text", t) for t in tokens}

    # -- queries -------------------------------------------------------------

    def _token(self, token: str, weight: float) -> tantivy.Query:
        return _Q.boolean_query(
            [
                (_SHOULD, _Q.boost_query(_Q.term_query(self.schema, f, token), FIELD_BOOSTS[f] * weight))
                for f in SEARCH_FIELDS
            ]
        )

    def _spelling(self, s: Spelling) -> tantivy.Query:
        parts = [(_MUST, self._token(t, s.weight(t))) for t in s.required]
        parts += [(_SHOULD, self._token(t, s.weight(t))) for t in s.optional]
        return _Q.boolean_query(parts)

    def _term(self, t: QueryTerm, filtered: frozenset[str] = frozenset()) -> tantivy.Query:
        """Any spelling of the word; a quoted phrase (or a word sought as printed) also as printed.

        ``filtered``: the phrases the query also requires as a filter (``_phrase_filters``).  Every
        hit prints those, so the term's verbatim alternative holds on every hit: its rarest bigram
        with the same constant score stands in for it, giving each hit the same score without the
        engine matching the phrase's positions a second time (a third of a phrase query's time)."""
        qs = [self._spelling(s) for s in t.spellings]
        if t.phrase and squash(t.text) in filtered:
            grams = bigrams(squash(t.text))
            df = self._searcher()[0].doc_freq
            rarest = min(grams, key=lambda g: df("chars", g))
            qs.append(_Q.const_score_query(_Q.term_query(self.schema, "chars", rarest), 1.0))
        elif t.verbatim or t.phrase:  # a quoted phrase is the characters as printed, however jieba cut them
            qs.append(self._verbatim(t.text))
        return qs[0] if len(qs) == 1 else _Q.boolean_query([(_SHOULD, q) for q in qs])

    def _matching_term(self, t: QueryTerm) -> tantivy.Query:
        """The clauses the word matches, for counting them (scores aside): the tokens its spellings
        all require are asked once, not once per spelling (发展 and 改革 of 发展和改革委员会,
        发展改革委, 发展和改革委: each a pass over hundreds of thousands of clauses at a million).
        A or B, each holding C, is C and (A less C, or B less C): the same clauses."""
        required = [frozenset(s.required) for s in t.spellings]
        several = [r for r in required if len(r) > 1]
        common = frozenset.intersection(*several) if len(several) > 1 else frozenset()
        if not common or not all(required):
            return self._term(t)
        rests = [r - common for r in several]
        shared = [(_MUST, self._token(tok, 1.0)) for tok in sorted(common)]
        if all(rests):
            shared.append((_MUST, _Q.boolean_query([(_SHOULD, self._all_of(r)) for r in rests])))
        qs = [self._all_of(r) for r in required if len(r) < 2] + [_Q.boolean_query(shared)]
        if t.verbatim or t.phrase:
            qs.append(self._verbatim(t.text))
        return qs[0] if len(qs) == 1 else _Q.boolean_query([(_SHOULD, q) for q in qs])

    def _all_of(self, tokens: frozenset[str]) -> tantivy.Query:
        return _Q.boolean_query([(_MUST, self._token(tok, 1.0)) for tok in sorted(tokens)])

    def _verbatim(self, word: str) -> tantivy.Query:
        """The word printed as it is: a phrase of its character bigrams (entries.bigrams)."""
        grams = bigrams(squash(word))
        if len(grams) == 1:
            return self._keyword("chars", grams[0])
        return _Q.const_score_query(_Q.phrase_query(self.schema, "chars", grams), 1.0)

    def _keyword(self, field: str, value) -> tantivy.Query:
        return _Q.const_score_query(_Q.term_query(self.schema, field, value), 0.0)

    def _filters(self, c: Criteria) -> list[tantivy.Query]:
        out = []
        if c.regions:
            out.append(
                _Q.boolean_query(
                    [
                        (_SHOULD, self._keyword(f, r))
                        for r in c.regions
                        for f in ("province", "city", "county")
                    ]
                )
            )
        for field, value in (("issuer", c.issuer), ("department", c.department), ("doc_type", c.doc_type)):
            if value:
                out.append(self._keyword(field, value))
        if c.statuses:
            out.append(_Q.boolean_query([(_SHOULD, self._keyword("status", s)) for s in c.statuses]))
        if c.year_from or c.year_to:
            rq = _Q.range_query(self.schema, "year", tantivy.FieldType.Integer, c.year_from, c.year_to)
            out.append(_Q.const_score_query(rq, 0.0))
        if c.min_yuan:
            rq = _Q.range_query(self.schema, "max_yuan", tantivy.FieldType.Float, float(c.min_yuan), None)
            out.append(_Q.const_score_query(rq, 0.0))
        if c.drafts in ("exclude", "only"):
            out.append(self._keyword("draft", 1 if c.drafts == "only" else 0))
        return out

    def build_query(
        self, plan: QueryPlan, criteria: Criteria, any_term: bool, matching: bool = False
    ) -> tantivy.Query | None:
        """The engine query of a plan.  ``matching``: the same matches, for counting them (facets,
        documents), without the words a required phrase already implies (a quoted phrase is both a
        word, for its score, and a filter: matching it twice doubled the cost of counting)."""
        filtered = _phrase_filters(plan)
        kept = [t for t in plan.terms if not (matching and t.phrase and squash(t.text) in filtered)]
        if matching and any_term and len(kept) < len(plan.terms):
            kept = []  # one word sure to match on every hit: "any word" holds on every hit
        terms = [self._matching_term(t) if matching else self._term(t, filtered) for t in kept]
        numbers = [self._keyword("doc_number", k) for k in plan.doc_numbers]
        if not plan.terms and not numbers:
            return None
        parts: list = []
        if terms:
            if any_term:
                parts.append((_MUST, _Q.boolean_query([(_SHOULD, q) for q in terms])))
            else:
                parts += [(_MUST, q) for q in terms]
        if numbers:
            parts.append((_MUST, _Q.boolean_query([(_SHOULD, q) for q in numbers])))
        for phrase in plan.phrases:
            grams = bigrams(squash(phrase))
            if len(grams) == 1:
                parts.append((_MUST, self._keyword("chars", grams[0])))
            elif grams:
                parts.append((_MUST, _Q.const_score_query(_Q.phrase_query(self.schema, "chars", grams), 0.0)))
        parts += [(_MUST_NOT, self._matching_term(t) if matching else self._term(t)) for t in plan.excluded]
        parts += [(_MUST, q) for q in self._filters(criteria)]
        return _Q.boolean_query(parts)

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
        q = self.build_query(plan, criteria, any_term)
        if q is None:
            return Found(0, [])
        searcher, pin = self._searcher()
        fetch = limit * 5 if collapse else limit
        kwargs: dict = {}
        if sort == "date":
            kwargs = {"order_by_field": "published", "order": tantivy.Order.Desc}
        elif sort == "amount":
            kwargs = {"order_by_field": "max_yuan", "order": tantivy.Order.Desc}
        asked = (plan, criteria, any_term, sort, collapse)
        result = pin.results.get(asked) if pin else None
        if result is None or (len(result.hits) < fetch and len(result.hits) < result.count):
            # one best clause per document is sought among the first ``fetch`` only: no more are asked
            ask = fetch if collapse or not pin else max(fetch, pin.prefetch)
            result = searcher.search(q, ask, count=True, **kwargs)
            if pin:
                pin.results[asked] = result
        payloads = pin.payloads if pin else None
        hits = []
        seen: set[str] = set()
        for key, addr in result.hits[:fetch]:
            payload = _payload(searcher, addr, payloads)
            if collapse:
                if payload["doc_id"] in seen:
                    continue
                seen.add(payload["doc_id"])
            hits.append((payload, float(key) if not kwargs else 0.0))
            if len(hits) >= limit:
                break
        total = result.count
        if (collapse or facets) and total:
            q = self.build_query(plan, criteria, any_term, matching=True)  # the same matches, counted
        if collapse:
            total = int(round(searcher.cardinality(q, "doc_id"))) if total else 0
        return Found(total, hits, self._facets(searcher, q) if facets and total else {})

    def _facets(self, searcher, q) -> dict[str, list[tuple[str, int]]]:
        agg = {name: {"terms": {"field": _FACET_SOURCE[name], "size": 30}} for name in FACET_FIELDS}
        out = searcher.aggregate(q, agg)
        facets = {}
        for name in FACET_FIELDS:
            buckets = (out.get(name) or {}).get("buckets") or []
            facets[name] = top_facets({_key(b["key"]): b["doc_count"] for b in buckets})
        return facets


def _phrase_filters(plan: QueryPlan) -> frozenset[str]:
    """The quoted phrases build_query requires as a phrase of bigrams (two or more), squashed."""
    return frozenset(k for k in map(squash, plan.phrases) if len(bigrams(k)) > 1)


@dataclass
class _Pin:
    """What the engine calls of one query share (``TantivyBackend.pinned``)."""

    searcher: tantivy.Searcher
    payloads: dict  # (segment, doc) -> decoded payload
    results: dict  # (plan, criteria, any_term, sort, collapse) -> the engine's SearchResult
    prefetch: int  # hits' addresses asked of the engine at least


_MARSHALLED = b"M"  # JSON payloads (written before) open with "{"


def encode_payload(payload: dict) -> bytes:
    """A clause's stored payload, with its text's derived forms (ranking.text_forms) and its
    facet values (facets.facet_values).

    marshal, not JSON: a query decodes up to a few hundred payloads for an exact total, and
    marshal reads them in a third of the time (plain data only: no code runs on loading it)."""
    plain = json.loads(json.dumps(payload, ensure_ascii=False))  # read back exactly as JSON would be
    forms = text_forms(payload.get("text") or "")
    return _MARSHALLED + marshal.dumps((plain, TEXT_FORMS_VERSION, *forms, facet_values(plain)))


def decode_payload(raw: bytes) -> dict:
    """The payload as the rerank reads it; a JSON one (an index written before) as it was."""
    if raw[:1] != _MARSHALLED:
        return json.loads(raw)
    payload, version, *forms = marshal.loads(memoryview(raw)[1:])
    if version == TEXT_FORMS_VERSION:  # written by this version of the folding, sentences and layout
        payload[SENTENCES_KEY], payload[TEXT_KEY], payload[FACETS_KEY] = forms
    return payload


def _payload(searcher: tantivy.Searcher, addr, memo: dict | None) -> dict:
    """A hit's stored payload; with a memo (``pinned``), read and decoded once per query."""
    if memo is None:
        return decode_payload(searcher.doc(addr).get_first("payload"))
    key = (addr.segment_ord, addr.doc)
    payload = memo.get(key)
    if payload is None:
        payload = memo[key] = decode_payload(searcher.doc(addr).get_first("payload"))
    return payload


def _key(k) -> str:
    return str(int(k)) if isinstance(k, float) and k.is_integer() else str(k)
