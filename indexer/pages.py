"""The pages search() shows: the rerank's order, one hit per clause text, one per document
when collapsed; exact for the pages asked, without scoring in full what cannot reach them.

A query with up to a few hundred matches has all of them fetched and ranked,
so that its total and facets count exactly what the pages can show; how often
the words occur (``ranking._frequency``) is the one part of a score that need
not be known for a clause whose score could not reach the asked page anyway.
"""

from __future__ import annotations

from collections import Counter

from .entries import text_key
from .query import QueryPlan
from .ranking import (
    DEDUPE_MIN_CHARS,
    STATUS_FACTORS,
    _frequency,
    _order,
    _score,
    _status,
    _words,
    bare_factor,
    clause_features,
    clause_sentences,
    dedupe,
    rerank,
)

FREQUENCY_BOUND = 1.0 + 1e-9  # _frequency is below 1 (a weighted mean of tf/(tf+k)); rounding aside


def first_pages(
    plan: QueryPlan,
    hits: list[tuple[dict, float]],
    weights: tuple[float, ...] | None,
    want: int,
    collapse: bool,
) -> list[tuple[dict, float]]:
    """``rerank``, ``dedupe`` and, with ``collapse``, each document's best clause: what search()
    pages through, exact for the first ``want`` hits, and the set behind them exact too (the total
    and the facets count it), though not its order.

    Up to a few hundred candidates are ranked for an exact total; how often the words occur
    weighs at most FREQUENCY_WEIGHT, so a clause whose score could not reach the ``want``-th even
    at the highest frequency is not scored in full (its frequency is a third of the rerank).  The clauses sharing a
    text with another candidate are all scored: which of them stands decides the facets."""
    if not plan.terms or len(hits) <= want:
        return _pages(rerank(plan, hits, weights), collapse)
    words = _words(plan)
    rows = []
    for p, _ in hits:
        sentences = clause_sentences(p)
        f = clause_features(plan, p, sentences, words, weights)
        rows.append((p, "".join(sentences), f, f.factor * STATUS_FACTORS.get(_status(p).get("status"), 1.0)))
    texts = Counter(k for p, *_ in rows if len(k := text_key(p)) >= DEDUPE_MIN_CHARS)

    def exact(row) -> tuple[dict, float]:
        p, text, f, lift = row
        return p, _score(_frequency(plan, text, words, weights), f, lift, bare_factor(p, clause_sentences(p)))

    scored = [exact(r) for r in rows if texts.get(text_key(r[0]), 0) > 1]
    shared = {id(p) for p, _ in scored}
    bounds = sorted(
        ((_score(FREQUENCY_BOUND, r[2], r[3]), i) for i, r in enumerate(rows) if id(r[0]) not in shared),
        key=lambda bi: -bi[0],
    )
    floor, check, left = float("-inf"), want, []
    for n, (bound, i) in enumerate(bounds):
        if bound < floor:  # the rest cannot reach the pages: their bounds stand in for their scores
            left = [(rows[j][0], b) for b, j in bounds[n:]]
            break
        scored.append(exact(rows[i]))
        if len(scored) >= check:
            ranked = sorted(scored, key=_order)
            if collapse:
                kept = _pages(ranked, collapse)
                floor = kept[want - 1][1] if len(kept) >= want else floor
            else:
                floor = _kept_score(ranked, want, floor)
            check = max(check + 8, len(scored) * 5 // 4)
    return _pages(sorted(scored, key=_order) + sorted(left, key=_order), collapse)


def _kept_score(ranked: list[tuple[dict, float]], want: int, floor: float) -> float:
    """The score of the ``want``-th hit ``dedupe`` keeps of these (``floor`` if it keeps fewer),
    without deduping them all: it keeps each text's first place (a copy before its original
    gives it its place, not its score) and every short text."""
    seen: set[str] = set()
    n = 0
    for p, score in ranked:
        key = text_key(p)
        if len(key) >= DEDUPE_MIN_CHARS:
            if key in seen:
                continue
            seen.add(key)
        n += 1
        if n == want:
            return score
    return floor


def _pages(ranked: list[tuple[dict, float]], collapse: bool) -> list[tuple[dict, float]]:
    kept = dedupe(ranked)
    return collapse_documents(kept) if collapse else kept


def collapse_documents(hits: list[tuple[dict, float]]) -> list[tuple[dict, float]]:
    """Each document's first hit only (``--collapse``)."""
    seen: set[str] = set()
    out = []
    for p, s in hits:
        if p["doc_id"] not in seen:
            seen.add(p["doc_id"])
            out.append((p, s))
    return out
