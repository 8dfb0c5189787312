"""The order of the first pages, refined over the engine's best candidates.

The engine's BM25 knows tokens, not documents' lives: a clause of a
repealed opinion or of a draft whose final version is stored is still found,
but a little below the same words in a policy that applies.  And the same
clause reposted by a news site, or copied by a second site, is shown once:
the copy in the original document.
"""

from __future__ import annotations

from .analysis import squash
from .query import QueryPlan

# Score factors by document status (corpus/status.py); statuses not listed keep their score.
STATUS_FACTORS = {"repealed": 0.85, "superseded": 0.85, "expired": 0.95}
# Status rules that say the document is a copy of another one in the store.
COPY_RULES = ("repost_of", "duplicate_of")


def _status(payload: dict) -> dict:
    return payload.get("status") or {}


# Score bonus for each query word found whole in the clause's own text, as a share of the score.
VERBATIM_BONUS = float(__import__("os").environ.get("POLICY_VERBATIM_BONUS", "0.3"))


def _verbatim_share(plan: QueryPlan, payload: dict) -> float:
    """The share of the query's words that the clause's text holds whole, in any spelling."""
    if not plan.terms:
        return 0.0
    text = squash(payload.get("text") or "")
    found = sum(1 for t in plan.terms if any(squash(s.text) in text for s in t.spellings))
    return found / len(plan.terms)


def rerank(plan: QueryPlan, hits: list[tuple[dict, float]]) -> list[tuple[dict, float]]:
    """Relevance order: the engine's score, raised for query words found whole in the clause,
    lowered for documents that no longer apply."""
    scored = [
        (
            p,
            s
            * (1 + VERBATIM_BONUS * _verbatim_share(plan, p))
            * STATUS_FACTORS.get(_status(p).get("status"), 1.0),
        )
        for p, s in hits
    ]
    return sorted(scored, key=lambda ps: -ps[1])


def _is_copy(payload: dict) -> bool:
    return _status(payload).get("rule") in COPY_RULES


def dedupe(hits: list[tuple[dict, float]]) -> list[tuple[dict, float]]:
    """One hit per clause text: where two documents hold the same clause, the original's stands.

    Order is kept; a copy seen first gives its place to the original when the
    original comes later in the list.
    """
    place: dict[str, int] = {}
    out: list[tuple[dict, float]] = []
    for p, s in hits:
        key = squash(p.get("text") or "")
        if len(key) < 20:  # short lines (一、总体要求) repeat across documents without being copies
            out.append((p, s))
            continue
        i = place.get(key)
        if i is None:
            place[key] = len(out)
            out.append((p, s))
        elif _is_copy(out[i][0]) and not _is_copy(p):
            out[i] = (p, out[i][1])
    return out
