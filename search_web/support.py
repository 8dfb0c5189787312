"""The support finder: which clauses grant money, how much, from whom, largest first.

An enterprise asks "in 临沂, for 中试基地, what can I get from 市科技局, at
least 50万?".  With keywords the clauses come from ``indexer.search`` (so
synonyms, region-through-document and department aliases apply); without
keywords every clause with an amount in the store is a candidate.  Either way
only grant amounts count (a cap, a fixed sum, a per-unit rate, a floor, a
ratio with its cap): a fund's total, a threshold the applicant must reach
(营业收入达1000万元) or an output target is money nobody is given.  A floor
shows as 不低于, never as a fixed sum; a grant paid by the province says so
(省级) rather than passing for the city's; a document whose validity is
unknown is shown as 效力待确认, never as in force.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from corpus.gazetteer import region_known
from corpus.store import Store
from indexer import Filters, search
from indexer.query import QueryError
from indexer.search import VALIDITY, unknown_region

from .labels import AMOUNT_KINDS, GRANT_KINDS, LEVELS
from .params import format_yuan

MAX_CANDIDATES = 1000  # clauses considered per question; more is a sign the question is too broad
_SEARCH_PAGE = 100  # indexer.search's largest page


@dataclass(frozen=True)
class SupportQuery:
    keywords: str = ""
    region: str | None = None
    department: str | None = None
    min_yuan: float | None = None
    page: int = 1
    per_page: int = 20
    validity: str = "in_force"  # policies in force (or undated) unless asked: all | in_force | strict


@dataclass(frozen=True)
class Grant:
    text: str  # 最高100万元
    yuan: float  # a ratio's cap; a floor's least sum
    kind: str  # cap | fixed | per_unit | floor | ratio
    rate: float | None = None  # a ratio's share
    level: str | None = None  # who pays, when printed: national | province | city | county

    @property
    def kind_label(self) -> str:
        label = AMOUNT_KINDS.get(self.kind, self.kind)
        if self.kind == "ratio" and self.rate:
            label += f" {self.rate:.0%}，封顶"
        return label

    @property
    def level_label(self) -> str:
        return LEVELS.get(self.level or "", "")

    @property
    def shown(self) -> str:
        return format_yuan(self.yuan)


@dataclass(frozen=True)
class SupportRow:
    doc_id: str
    clause_id: str
    title: str | None
    issuer: str | None
    doc_number: str | None
    published: str | None
    region: dict
    url: str | None
    draft: bool
    path: list[str]
    heading: str | None
    text: str
    departments: list[str]
    grants: list[Grant]  # largest first
    status: dict | None = None  # does the policy still apply (reasoning.status), when known

    @property
    def top(self) -> Grant:
        return self.grants[0]

    def excerpt(self, width: int = 70) -> tuple[str, str, str]:
        """(before, the top grant as printed, after): the text around the money, not the clause's opening."""
        at = self.text.find(self.top.text) if self.top.text else -1
        if at < 0:
            cut = self.text[: width * 2]
            return cut + ("…" if len(self.text) > len(cut) else ""), "", ""
        start, end = max(0, at - width), min(len(self.text), at + len(self.top.text) + width)
        before = ("…" if start else "") + self.text[start:at]
        after = self.text[at + len(self.top.text) : end] + ("…" if end < len(self.text) else "")
        return before, self.top.text, after

    def to_dict(self) -> dict:
        d = asdict(self)
        d["amount_yuan"] = self.top.yuan
        d["amount_text"] = self.top.text
        d["amount_kind"] = self.top.kind
        return d


@dataclass(frozen=True)
class SupportResults:
    query: SupportQuery
    total: int
    rows: list[SupportRow]
    truncated: bool = False  # more candidates than MAX_CANDIDATES
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "query": asdict(self.query),
            "total": self.total,
            "truncated": self.truncated,
            "notes": list(self.notes),
            "rows": [r.to_dict() for r in self.rows],
        }


def grants(amounts: list[dict]) -> list[Grant]:
    """The grant amounts of a clause, largest first; amounts with no readable value are left out."""
    out = [
        Grant(
            text=a.get("text") or "",
            yuan=float(a["yuan"]),
            kind=a.get("kind") or "fixed",
            rate=a.get("rate"),
            level=a.get("level"),
        )
        for a in amounts
        if a.get("yuan") and (a.get("kind") or "fixed") in GRANT_KINDS
    ]
    return sorted(out, key=lambda g: -g.yuan)


def rank(rows: list[SupportRow], min_yuan: float | None) -> list[SupportRow]:
    """Rows granting at least ``min_yuan``, largest grant first, newest document next."""
    kept = [r for r in rows if r.grants and (not min_yuan or r.top.yuan >= min_yuan)]
    kept.sort(key=lambda r: r.published or "", reverse=True)
    kept.sort(key=lambda r: r.top.yuan, reverse=True)
    return kept


def row_from_hit(hit) -> SupportRow:
    return SupportRow(
        doc_id=hit.doc_id,
        clause_id=hit.clause_id,
        title=hit.title,
        issuer=hit.issuer,
        doc_number=hit.doc_number,
        published=hit.published,
        region=dict(hit.region or {}),
        url=hit.url,
        draft=bool(hit.draft),
        path=list(hit.path),
        heading=hit.heading,
        text=hit.text,
        departments=list(hit.departments),
        grants=grants(hit.amounts),
        status=getattr(hit, "status", None),
    )


def row_from_store(r: dict) -> SupportRow:
    return SupportRow(
        doc_id=r["doc_id"],
        clause_id=r["clause_id"],
        title=r["title"],
        issuer=r["issuer"],
        doc_number=r["doc_number"],
        published=r["published"],
        region={"province": r["province"], "city": r["city"], "county": r["county"]},
        url=r["url"],
        draft=bool(r["draft"]),
        path=list(r["path"]),
        heading=r["heading"],
        text=r["text"],
        departments=list(r["departments"]),
        grants=grants(r["amounts"]),
    )


def find_support(data_dir: str | Path, store: Store, query: SupportQuery) -> SupportResults:
    """Answer the finder's question; reads the index (with keywords) or the store (without)."""
    notes: list[str] = []
    if query.keywords:
        candidates, truncated, notes = _from_index(data_dir, query)
    else:
        found = store.money_clauses(
            region=query.region,
            department=query.department,
            min_yuan=query.min_yuan,
            limit=MAX_CANDIDATES + 1,
        )
        truncated = len(found) > MAX_CANDIDATES
        candidates = [row_from_store(r) for r in found[:MAX_CANDIDATES]]
        candidates = _applying(store, candidates, query.validity)
    ranked = rank(candidates, query.min_yuan)
    if not ranked and query.region and not region_known(query.region):
        raise QueryError(unknown_region(query.region))  # not a silent "nothing found"
    start = (query.page - 1) * query.per_page
    shown = ranked[start : start + query.per_page]
    if not query.keywords:  # hits carry their status; store rows get it here, once per document
        statuses: dict[str, dict | None] = {}
        for doc_id in dict.fromkeys(r.doc_id for r in shown):
            statuses[doc_id] = store.status(doc_id)
        shown = [replace(r, status=statuses[r.doc_id]) for r in shown]
    # a notice's grants name who accepts them once (受理部门), not in a clause's 责任单位 tags
    untagged = [r.clause_id for r in shown if not r.departments]
    if untagged:
        accepting = store.grant_departments(untagged)
        shown = [
            replace(r, departments=accepting.get(r.clause_id, [])) if not r.departments else r for r in shown
        ]
    return SupportResults(
        query=query,
        total=len(ranked),
        rows=shown,
        truncated=truncated,
        notes=notes,
    )


def _applying(store: Store, rows: list[SupportRow], validity: str) -> list[SupportRow]:
    """Store rows of documents that still apply (the index filters its own hits), copies left out."""
    keep = VALIDITY[validity]
    standing = {doc_id: store.standing(doc_id) for doc_id in dict.fromkeys(r.doc_id for r in rows)}
    return [
        r
        for r in rows
        if not standing[r.doc_id]["duplicate_of"] and (not keep or standing[r.doc_id]["status"] in keep)
    ]


def _from_index(data_dir: str | Path, query: SupportQuery) -> tuple[list[SupportRow], bool, list[str]]:
    # min_yuan of at least 1 keeps the search to clauses with an amount at all.
    filters = Filters(
        region=query.region,
        department=query.department,
        min_yuan=query.min_yuan or 1,
        validity=query.validity,
    )
    rows: list[SupportRow] = []
    notes: list[str] = []
    page = 1
    while True:
        results = search(data_dir, query.keywords, filters, page=page, per_page=_SEARCH_PAGE, sort="amount")
        notes = notes or list(results.notes)
        rows += [row_from_hit(h) for h in results.hits]
        if len(rows) >= results.total or not results.hits:
            return rows, False, notes
        if len(rows) >= MAX_CANDIDATES:
            return rows[:MAX_CANDIDATES], True, notes
        page += 1
