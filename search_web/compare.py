"""Comparing one question across places or years: what each city (or year, or issuer) says about it.

A researcher asking "how do cities support 中试基地?" wants one row per city
with its best clauses, the largest sum it grants and who is responsible, not
a flat list where the first city fills the first page.  The rows are built
from the hits of the ordinary search (so synonyms, filters and ranking are
the indexer's); this module only groups them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from indexer import Hit

from .labels import GRANT_KINDS
from .params import format_yuan

GROUPINGS = {"region": "地区", "year": "年份", "issuer": "发文机关"}
UNKNOWN = {"region": "未注明地区", "year": "未注明年份", "issuer": "未注明发文机关"}


@dataclass
class CompareRow:
    key: str  # the region's most specific name, the year, or the issuer
    label: str  # what a reader sees: 山东省 临沂市 for a region
    hits: list[Hit] = field(default_factory=list)  # the best clauses, in rank order
    clauses: int = 0  # every matching clause of the group
    documents: set[str] = field(default_factory=set)
    largest: dict | None = None  # the largest grant among the group's clauses (an amount dict)
    departments: Counter = field(default_factory=Counter)
    latest: str | None = None  # the newest published date among the group's documents

    @property
    def largest_shown(self) -> str:
        return format_yuan(self.largest["yuan"]) if self.largest else ""

    def top_departments(self, n: int = 4) -> list[str]:
        return [name for name, _ in self.departments.most_common(n)]

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "clauses": self.clauses,
            "documents": len(self.documents),
            "largest_grant": (
                {"text": self.largest["text"], "yuan": self.largest["yuan"], "kind": self.largest["kind"]}
                if self.largest
                else None
            ),
            "departments": self.top_departments(),
            "latest": self.latest,
            "hits": [h.clause_id for h in self.hits],
        }


def group_key(hit: Hit, by: str) -> tuple[str, str]:
    """(key, label) of the group a hit belongs to; an unknown value has its own group."""
    if by == "year":
        year = (hit.published or "")[:4]
        return (year, f"{year}年") if year.isdigit() else ("", UNKNOWN[by])
    if by == "issuer":
        return (hit.issuer, hit.issuer) if hit.issuer else ("", UNKNOWN[by])
    region = hit.region or {}
    parts = [region.get(k) for k in ("province", "city", "county") if region.get(k)]
    return (parts[-1], " ".join(parts)) if parts else ("", UNKNOWN[by])


def compare(hits: Iterable[Hit], by: str = "region", per_group: int = 3) -> list[CompareRow]:
    """Hits (best first) grouped by region, year or issuer.

    Regions and issuers come in the order of their best clause, so the group
    that answers the question best is first; years newest first, which is how
    a researcher reads a policy's history.  The unknown group is always last.
    """
    if by not in GROUPINGS:
        raise ValueError(f"cannot compare by {by!r}: choose one of {', '.join(GROUPINGS)}")
    rows: dict[str, CompareRow] = {}
    for hit in hits:
        key, label = group_key(hit, by)
        row = rows.get(key)
        if row is None:
            row = rows[key] = CompareRow(key=key, label=label)
        row.clauses += 1
        row.documents.add(hit.doc_id)
        if len(row.hits) < per_group:
            row.hits.append(hit)
        for a in hit.amounts or []:
            if (
                a.get("kind") in GRANT_KINDS
                and a.get("yuan")
                and (not row.largest or a["yuan"] > row.largest["yuan"])
            ):
                row.largest = a
        row.departments.update(dict.fromkeys(_canonical_departments(hit), 1))
        if hit.published and (row.latest is None or hit.published > row.latest):
            row.latest = hit.published
    ordered = list(rows.values())
    if by == "year":
        ordered.sort(key=lambda r: r.key, reverse=True)
    ordered.sort(key=lambda r: r.key == "")  # stable: the unknown group goes last, the rest keep their order
    return ordered


def _canonical_departments(hit: Hit) -> list[str]:
    """Full names when the cleaner knew them (市科技局 in two cities are two departments)."""
    names = [t.get("canonical") or t.get("name") for t in hit.department_tags or []]
    return [n for n in names if n] or list(hit.departments or [])
