"""Facets: how many hits each province, city, issuer, department, type, year and status holds.

The engines count them over all matches; when search() has every match in hand
and folded some (a repost's clause into its original), it counts what is left
here, from the payloads, the way the engines count them.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from corpus.model import Region

from .aliases import canonical, full_name
from .backend import FACET_FIELDS, top_facets

DRAFT_STATUSES = ("draft", "superseded")  # reasoning/status.py gives these to drafts, and only to drafts


def draft_facet(facets: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
    """Drafts and final texts among the hits, read off the status facet (every clause has one status)."""
    statuses = dict(facets.get("status") or [])
    if not statuses:
        return {}
    drafts = sum(statuses.get(s, 0) for s in DRAFT_STATUSES)
    return {"draft": top_facets({"true": drafts, "false": sum(statuses.values()) - drafts})}


def count_facets(hits: list[tuple[dict, float]]) -> dict[str, list[tuple[str, int]]]:
    """The facets of these hits, counted from their payloads as the backends count them.
    Values are listed first and counted at once (Counter counts a list in C)."""
    values: dict[str, list[str]] = {name: [] for name in FACET_FIELDS}
    province, city, county = values["province"], values["city"], values["county"]
    issuer, doc_type, status = values["issuer"], values["doc_type"], values["status"]
    year, department = values["year"], values["department"]
    for p, _ in hits:
        region = p.get("region") or {}
        where = (region.get("province"), region.get("city"), region.get("county"))
        province.append(where[0] or "")
        city.append(where[1] or "")
        county.append(where[2] or "")
        issuer.append(_canonical(p["issuer"]) if p.get("issuer") else "")
        doc_type.append(p.get("doc_type") or "")
        status.append((p.get("status") or {}).get("status") or "")
        year.append((p.get("published") or "")[:4])
        for t in p.get("department_tags") or ():
            department.append(_full_name(t["name"], where, t.get("canonical")) or "")
    return {k: top_facets(Counter(v)) for k, v in values.items()}


@lru_cache(maxsize=4096)
def _canonical(issuer: str) -> str:
    """Issuers recur on every clause of their documents: each spelled out once."""
    return canonical(issuer)


@lru_cache(maxsize=16384)
def _full_name(name: str, where: tuple, canonical_name: str | None) -> str | None:
    """A department tag's facet name, once per name and place (tags recur across clauses)."""
    return full_name(name, Region(*where), canonical_name)
