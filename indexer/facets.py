"""Facets: how many hits each province, city, issuer, department, type, year and status holds.

The engines count them over all matches; when search() has every match in hand
and folded some (a repost's clause into its original), it counts what is left
here, from the payloads, the way the engines count them.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import chain

from corpus.model import Region

from .aliases import canonical, full_name
from .backend import FACET_FIELDS, top_facets
from .entries import FACETS_KEY

DRAFT_STATUSES = ("draft", "superseded")  # reasoning/status.py gives these to drafts, and only to drafts


def draft_facet(facets: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
    """Drafts and final texts among the hits, read off the status facet (every clause has one status)."""
    statuses = dict(facets.get("status") or [])
    if not statuses:
        return {}
    drafts = sum(statuses.get(s, 0) for s in DRAFT_STATUSES)
    return {"draft": top_facets({"true": drafts, "false": sum(statuses.values()) - drafts})}


def facet_values(p: dict) -> tuple:
    """One clause's value of each facet, in FACET_FIELDS' order (its departments a tuple).

    An index stores them with the payload (entries.FACETS_KEY) as it stores the engine's own
    facet fields, when the clause is indexed; the names' spellings are those of that time."""
    region = p.get("region") or {}
    where = (region.get("province"), region.get("city"), region.get("county"))
    departments = tuple(
        _full_name(t["name"], where, t.get("canonical")) or "" for t in p.get("department_tags") or ()
    )
    return (
        where[0] or "",
        where[1] or "",
        where[2] or "",
        _canonical(p["issuer"]) if p.get("issuer") else "",
        departments,
        p.get("doc_type") or "",
        (p.get("published") or "")[:4],
        (p.get("status") or {}).get("status") or "",
    )


_DEPARTMENT = FACET_FIELDS.index("department")


def count_facets(hits: list[tuple[dict, float]]) -> dict[str, list[tuple[str, int]]]:
    """The facets of these hits, counted from their payloads as the backends count them."""
    rows = [p.get(FACETS_KEY) or facet_values(p) for p, _ in hits]
    columns = list(zip(*rows, strict=True)) or [() for _ in FACET_FIELDS]
    counts = {}
    for i, name in enumerate(FACET_FIELDS):
        counts[name] = Counter(chain.from_iterable(columns[i]) if i == _DEPARTMENT else columns[i])
    return {k: top_facets(v) for k, v in counts.items()}


@lru_cache(maxsize=4096)
def _canonical(issuer: str) -> str:
    """Issuers recur on every clause of their documents: each spelled out once."""
    return canonical(issuer)


@lru_cache(maxsize=16384)
def _full_name(name: str, where: tuple, canonical_name: str | None) -> str | None:
    """A department tag's facet name, once per name and place (tags recur across clauses)."""
    return full_name(name, Region(*where), canonical_name)
