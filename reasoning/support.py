"""Which grants fit a company: a profile against every grant's conditions (pure, no LLM).

A company profile (TOML or JSON: region, industries, qualifications, founded,
employees, revenue, R&D spend and ratio, tax, patents …) meets each grant's
conditions one by one.  A condition is *met* or *unmet* when a fact the
cleaner read from it (``corpus.model.Fact``: a qualification, a place, an age,
a threshold, an industry) can be checked against the profile, and *unknown*
otherwise (the text is shown for a person to judge).  Every verdict carries
the condition as printed and the grant's sentence, so it explains itself.

A grant also gets its amount as a range with its kind and payer, the state
of its deadline on a given day (open and how many days are left, not yet open,
closed, none printed) and its document's status: a document in force (or never
decided) is kept, shown as 现行有效 or 效力待确认 — an unknown status is never
called in force; a repealed, expired or superseded one is left out unless asked.
Rows sort so that open grants whose every condition is met come first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from corpus.model import Document, Fact, Grant, SupportTerms, resolve_grant

from .profile import FIELD_LABELS, QUAL_ALIASES, Profile, ProfileError, load_profile, profile_from  # noqa: F401 - Profile, load_profile: still imported from here

# a qualification asked for as newly granted, first granted or renewed (2026年度新认定的高新技术企业,
# 首次认定为专精特新, 重新认定, 新升规): a profile says which it holds, not when it got it
_NEWLY = re.compile(
    r"(?:\d{4}年度?)?(?:新认定|首次(?:被)?(?:认定|获得|获批|入选|纳入|入库)|新获批|新获得|新晋|新入选|新纳入|"
    r"新入库|重新认定|复审|新升规|首次升规|首次纳统|新纳统)"
)
VERDICTS = ("met", "unknown", "unmet")
DEADLINE_STATES = ("open", "upcoming", "none", "closed")
KEEP_STATUSES = ("in_force", "unknown")  # what a match shows unless told to show every document

# a beneficiary any company is (企业, 各类企业, 申报单位 …): no condition of its own
_GENERIC_BENEFICIARY = re.compile(
    r"(?:各类|相关|有关|符合条件的|申报)?(?:企业|单位|企事业单位|市场主体|申报单位|申报主体|法人|企业和个人)(?:等)?"
)


@dataclass(frozen=True)
class ConditionVerdict:
    text: str  # the condition as printed
    verdict: str  # met | unmet | unknown
    why: str  # which fact decided it, in words
    source: str  # the sentence (or notice section) it comes from


@dataclass(frozen=True)
class MatchRow:
    doc_id: str
    clause_id: str
    title: str | None
    issuer: str | None
    doc_number: str | None
    published: str | None
    region: dict
    url: str | None
    path: list[str]
    sentence: str
    beneficiary: str | None
    benefit: str
    amount: dict | None  # {text, yuan, kind, rate, level}
    low: float | None  # the least one may get (yuan), when printed
    high: float | None  # the most, when printed
    level: str | None
    conditions: list[ConditionVerdict]
    verdict: str  # met when every condition is met, unmet when one is not, else unknown
    deadline: str | None
    window: dict | None
    deadline_state: str  # open | upcoming | none | closed
    days_left: int | None
    status: str  # the document's: in_force | unknown | expired | repealed …
    department: str | None
    contact: dict | None
    first_seen: str | None = None

    @property
    def counts(self) -> dict[str, int]:
        return {v: sum(1 for c in self.conditions if c.verdict == v) for v in VERDICTS}

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["counts"] = self.counts
        return d


@dataclass(frozen=True)
class Candidate:
    """A stored document with what the store knows about it (its status, when it was first seen)."""

    doc: Document
    status: str | None = None
    first_seen: str | None = None


@dataclass
class MatchResult:
    profile: Profile
    today: str
    rows: list[MatchRow] = field(default_factory=list)
    left_out: dict[str, int] = field(
        default_factory=dict
    )  # why grants were not shown: unmet, elsewhere, status

    def to_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile.to_dict(),
            "today": self.today,
            "total": len(self.rows),
            "left_out": dict(self.left_out),
            "rows": [r.to_dict() for r in self.rows],
        }


def match(
    profile: Profile,
    candidates: Iterable[Candidate],
    today: date,
    *,
    include_unmet: bool = False,
    statuses: tuple[str, ...] = KEEP_STATUSES,
) -> MatchResult:
    """Every grant of the candidates judged against the profile, best first."""
    result = MatchResult(profile=profile, today=today.isoformat())
    left = {"unmet": 0, "elsewhere": 0, "status": 0}
    for cand in candidates:
        doc = cand.doc
        status = cand.status or ("draft" if doc.draft else "unknown")
        grants = [(c, g) for c in doc.clauses if c.support for g in c.support.grants]
        if not grants:
            continue
        if statuses and status not in statuses:
            left["status"] += len(grants)
            continue
        place = _document_place(doc)
        for clause, grant in grants:
            row = _judge(
                profile, doc, clause, grant, doc.support_terms, place, status, today, cand.first_seen
            )
            if row.verdict == "unmet" and not include_unmet:
                left["elsewhere" if _elsewhere(row) else "unmet"] += 1
                continue
            result.rows.append(row)
    result.rows.sort(key=_rank)
    result.left_out = {k: v for k, v in left.items() if v}
    return result


def _rank(row: MatchRow) -> tuple:
    # what a company can apply for now comes first, every condition met before any left to check
    return (
        row.deadline_state == "closed",
        row.deadline_state not in ("open", "upcoming"),
        VERDICTS.index(row.verdict),
        DEADLINE_STATES.index(row.deadline_state),
        row.days_left if row.days_left is not None else 10**6,
        -(row.high or row.low or 0),
        row.published and -int(row.published.replace("-", "")) or 0,
    )


def _elsewhere(row: MatchRow) -> bool:
    return any(c.verdict == "unmet" and c.why.startswith("地区") for c in row.conditions)


def _document_place(doc: Document) -> str | None:
    """The place a local policy applies to (its region, most precise name); None for a national one."""
    r = doc.region
    if r.county:
        return (r.city or "") + r.county
    return r.city or r.province


def _judge(
    profile, doc, clause, grant: Grant, terms: SupportTerms | None, place, status, today, first_seen
) -> MatchRow:
    g = resolve_grant(grant, terms)
    sources: dict[str, str] = {}
    for c in grant.conditions:
        sources[c] = grant.sentence
    for c in terms.conditions if terms else []:
        sources.setdefault(c, "申报条件")
    verdicts: list[ConditionVerdict] = []
    if place:
        verdicts.append(_region_verdict(profile, place, f"本政策适用于{place}", "发文地区"))
    facts_by_text: dict[str, list[Fact]] = {}
    for f in g.facts:
        facts_by_text.setdefault(f.text, []).append(f)
    if g.beneficiary and g.beneficiary in facts_by_text:
        verdicts.append(
            _judge_text(
                profile,
                f"适用对象：{g.beneficiary}",
                facts_by_text[g.beneficiary],
                grant.sentence,
                today,
                place,
            )
        )
    elif g.beneficiary and not _GENERIC_BENEFICIARY.fullmatch(g.beneficiary):
        # who the grant is for is a condition too: a 技术转移机构's grant is no 新材料 company's for sure
        verdicts.append(
            ConditionVerdict(
                f"适用对象：{g.beneficiary}",
                "unknown",
                "是否属于该支持对象无法从企业信息判断，请对照原文",
                grant.sentence,
            )
        )
    for text in g.conditions:
        verdicts.append(
            _judge_text(
                profile, text, facts_by_text.get(text, []), sources.get(text, grant.sentence), today, place
            )
        )
    overall = (
        "unmet"
        if any(v.verdict == "unmet" for v in verdicts)
        else ("met" if all(v.verdict == "met" for v in verdicts) else "unknown")
    )
    state, days = deadline_state(g.deadline, g.window, today)
    amount = g.amount.to_dict() if g.amount else None
    low, high = amount_range(g.amount)
    return MatchRow(
        doc_id=doc.id,
        clause_id=clause.id,
        title=doc.title,
        issuer=doc.issuer,
        doc_number=doc.doc_number,
        published=doc.published,
        region={"province": doc.region.province, "city": doc.region.city, "county": doc.region.county},
        url=doc.url,
        path=list(clause.path),
        sentence=grant.sentence,
        beneficiary=g.beneficiary,
        benefit=g.benefit,
        amount=amount,
        low=low,
        high=high,
        level=g.amount.level if g.amount else None,
        conditions=verdicts,
        verdict=overall,
        deadline=g.deadline,
        window=g.window,
        deadline_state=state,
        days_left=days,
        status=status,
        department=g.department,
        contact=terms.contact.to_dict() if terms and terms.contact else None,
        first_seen=first_seen,
    )


def amount_range(amount) -> tuple[float | None, float | None]:
    """(least, most) in yuan: a fixed sum is both; a cap is up to it; a floor at least it; a ratio up to its cap."""
    if amount is None or amount.yuan is None:
        return None, None
    y = float(amount.yuan)
    if amount.kind == "fixed":
        return y, y
    if amount.kind == "floor":
        return y, None
    if amount.kind in ("cap", "ratio"):
        return None, y
    return None, None  # per unit: depends on how many units


def deadline_state(deadline: str | None, window: dict | None, today: date) -> tuple[str, int | None]:
    """(open | upcoming | none | closed, days left to the deadline or until it opens)."""
    start = (window or {}).get("from")
    if not deadline:
        return "none", None
    end = date.fromisoformat(deadline)
    if end < today:
        return "closed", None
    if start and date.fromisoformat(start) > today:
        return "upcoming", (date.fromisoformat(start) - today).days
    return "open", (end - today).days


def _judge_text(
    profile: Profile, text: str, facts: list[Fact], source: str, today: date, place
) -> ConditionVerdict:
    if not facts:
        return ConditionVerdict(text, "unknown", "无法从企业信息判断，请对照原文", source)
    industries = [f for f in facts if f.kind == "industry"]
    others = [f for f in facts if f.kind != "industry"]
    results = [_judge_fact(profile, f, today) for f in others]
    if industries:
        alts = [_judge_fact(profile, f, today) for f in industries]
        met = [a for a in alts if a[0] == "met"]
        results.append(
            met[0] if met else (alts[0] if all(a[0] == "unmet" for a in alts) else ("unknown", alts[0][1]))
        )
    if any(r[0] == "unmet" for r in results):
        verdict = "unmet"
    elif all(r[0] == "met" for r in results):
        verdict = "met"
    else:
        verdict = "unknown"
    why = "；".join(r[1] for r in results)
    return ConditionVerdict(text, verdict, why, source)


def _judge_fact(profile: Profile, f: Fact, today: date) -> tuple[str, str]:
    if f.kind == "qualification":
        held = {QUAL_ALIASES.get(q, q) for q in profile.qualifications}
        if f.value not in held:
            return "unmet", f"资质：未填{f.value}"
        when = _NEWLY.search(f.text)
        if when:  # 新认定/首次/重新认定: holding it is not enough, the year it was granted decides
            return "unknown", f"资质：具有{f.value}，是否属“{when.group()}”请对照原文"
        return "met", f"资质：具有{f.value}"
    if f.kind == "region":
        v = _region_verdict(profile, str(f.value), "", "")
        return v.verdict, v.why
    if f.kind == "age":
        if not profile.founded:
            return "unknown", "成立时间：未填"
        founded = date.fromisoformat(
            profile.founded if len(profile.founded) == 10 else profile.founded + "-01-01"
        )
        years = (today - founded).days / 365.25
        ok = years >= f.years if f.op in (">=", ">") else years <= f.years
        return (
            "met" if ok else "unmet"
        ), f"成立{years:.1f}年，要求{'不少于' if f.op in ('>=', '>') else '不超过'}{f.years:g}年"
    if f.kind == "threshold":
        have = getattr(profile, f.field or "", None)
        label = FIELD_LABELS.get(f.field or "", f.field or "")
        want = _show(f.field, f.value)
        if have is None:
            return "unknown", f"{label}：未填（要求{_op_word(f.op)}{want}）"
        ok = _compare(have, f.op or ">=", float(f.value))
        return ("met" if ok else "unmet"), f"{label}{_show(f.field, have)}，要求{_op_word(f.op)}{want}"
    if f.kind == "industry":
        if not profile.industries:
            return "unknown", f"行业：未填（要求{f.value}）"
        for ind in profile.industries:
            if ind == f.code or ind == f.value or (f.value and (ind in f.value or f.value in ind)):
                return "met", f"行业：{ind}"
        return "unmet", f"行业：{'、'.join(profile.industries)}，要求{f.value}"
    return "unknown", "无法判断"


def _region_verdict(profile: Profile, place: str, text: str, source: str) -> ConditionVerdict:
    if not profile.region:
        return ConditionVerdict(text or place, "unknown", f"地区：未填（要求{place}）", source)
    mine = _place_key(profile.region)
    want = _place_key(place)
    if want in mine or mine.endswith(want) or want in profile.region:
        return ConditionVerdict(text or place, "met", f"地区：{profile.region}在{place}", source)
    if mine in want:  # the profile names a wider place (广州市) than the condition (广州市南沙区)
        return ConditionVerdict(text or place, "unknown", f"地区：{profile.region}是否在{place}未知", source)
    return ConditionVerdict(text or place, "unmet", f"地区：{profile.region}不在{place}", source)


def _place_key(name: str) -> str:
    return re.sub(r"^[\u4e00-\u9fff]{2,3}省(?=[\u4e00-\u9fff]{2,}市)", "", name.replace(" ", ""))


def _compare(have: float, op: str, want: float) -> bool:
    return {">=": have >= want, ">": have > want, "<=": have <= want, "<": have < want}.get(op, have >= want)


def _op_word(op: str | None) -> str:
    return {">=": "不低于", ">": "超过", "<=": "不超过", "<": "低于"}.get(op or ">=", "不低于")


def _show(field_name: str | None, value: float) -> str:
    if field_name in ("rd_ratio", "sales_growth"):
        return f"{value:.1%}"
    if field_name == "employees":
        return f"{value:g}人"
    if value >= 1e8:
        return f"{value / 1e8:g}亿元"
    if value >= 1e4:
        return f"{value / 1e4:g}万元"
    return f"{value:g}元"


def stored_candidates(store) -> list[Candidate]:
    """Every stored document with a grant, with its status and when it was first seen (the one read
    of the store the matcher needs; copies of another document are left out, the original stands)."""
    out = []
    for row in store.grant_documents():
        standing = store.standing(row["id"])
        if standing.get("duplicate_of"):
            continue
        doc = store.document(row["id"])
        if doc is None:
            continue
        out.append(Candidate(doc=doc, status=standing.get("status"), first_seen=row.get("first_seen")))
    return out
