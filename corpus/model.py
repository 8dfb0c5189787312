"""The data that crosses every boundary: a policy document and its clauses.

The JSON form (``to_dict`` / ``from_dict``) is the public contract of
DESIGN.md: what ``policy clean --json`` prints, what the store exports and
what the API returns.  Extra keys are allowed; the contract keys never move.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

DOC_TYPES = (
    "意见",
    "规划",
    "方案",
    "办法",
    "通知",
    "细则",
    "措施",
    "决定",
    "条例",
    "规定",
    "指南",
    "公告",
    "其他",
)
AMOUNT_KINDS = ("cap", "fixed", "per_unit", "floor", "ratio", "total", "threshold", "target", "min")
# Money an applicant is given; a fund's total, a threshold to reach and a goal are never grants.
GRANT_KINDS = ("cap", "fixed", "per_unit", "floor", "ratio")
LEVELS = ("national", "province", "city", "county")
DEPARTMENT_ROLES = ("lead", "support", "responsible")


@dataclass(frozen=True)
class Amount:
    """A money amount as printed, with its value in yuan (None when unreadable)."""

    text: str
    yuan: float | None  # for a ratio: the cap printed with it, else None
    kind: str | None = "fixed"  # None: a grant printed without a figure that still names who pays
    rate: float | None = None  # a ratio's share (0.3 for 30%)
    level: str | None = None  # who pays, when the text says: national | province | city | county

    @property
    def is_grant(self) -> bool:
        return self.kind in GRANT_KINDS

    def to_dict(self) -> dict[str, Any]:
        """{text, yuan, kind}, plus rate and level when known (absent keys read as None)."""
        d: dict[str, Any] = {"text": self.text, "yuan": self.yuan, "kind": self.kind}
        if self.rate is not None:
            d["rate"] = self.rate
        if self.level is not None:
            d["level"] = self.level
        return d


@dataclass(frozen=True)
class Department:
    """A responsible department from a 责任单位/牵头单位 tag.

    ``name`` is as printed; ``canonical`` is the full name in the document's
    region (市科技局 in a 临沂 document -> 临沂市科学技术局) when known.
    """

    name: str
    role: str = "responsible"
    canonical: str | None = None


@dataclass(frozen=True)
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None

    def is_empty(self) -> bool:
        return not (self.province or self.city or self.county)


@dataclass(frozen=True)
class Fact:
    """A condition a company profile can check, read off a condition as printed (``text``).

    kind: qualification (value 高新技术企业, 科技型中小企业, 专精特新, 规上 …), region (value
    the full place name: 广州市南沙区), age (op and years since founding), threshold (field
    revenue | sales | retail_sales | rd_spend | rd_ratio | employees | tax | project_investment
    | hitech_output, op >= > <= <, value in yuan / people / a fraction), industry (value, code
    GB/T 4754 when printed).  Several industry facts of one grant are alternatives.
    """

    kind: str
    text: str
    value: Any = None
    field: str | None = None
    op: str | None = None
    years: float | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass(frozen=True)
class Contact:
    """How to reach who accepts the applications, as printed (联系电话, 窗口地址, 网址, 邮箱)."""

    phone: list[str] = field(default_factory=list)
    address: str | None = None
    url: str | None = None
    email: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "phone": list(self.phone),
            "address": self.address,
            "url": self.url,
            "email": list(self.email),
        }


def _terms_dict(terms: Grant | SupportTerms) -> dict[str, Any]:
    """The keys a grant and a notice's terms share (SUPPORT_KEYS), in one place so the two
    JSON forms cannot drift apart."""
    return {
        "beneficiary": terms.beneficiary,
        "conditions": list(terms.conditions),
        "deadline": terms.deadline,
        "window": dict(terms.window) if terms.window else None,
        "department": terms.department,
        "benefit": terms.benefit,
        "facts": [f.to_dict() for f in terms.facts],
    }


BENEFITS = ("grant", "reward", "subsidy", "interest_subsidy", "tax", "voucher", "other")


@dataclass
class Grant:
    """One grant of a clause: the money (or benefit) one applicant can get, and on what terms.

    Keys as printed by the clause itself; what the notice states once (its SupportTerms)
    fills the rest when read (``resolved``).  ``sentence`` is the granting sentence as
    printed; ``applies_to`` the word that picks this case of a 分别 enumeration.
    """

    sentence: str
    amount: Amount | None = None
    beneficiary: str | None = None
    conditions: list[str] = field(default_factory=list)
    benefit: str = "grant"
    facts: list[Fact] = field(default_factory=list)
    department: str | None = None
    deadline: str | None = None
    window: dict[str, str | None] | None = None
    applies_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "amount": self.amount.to_dict() if self.amount else None,
            **_terms_dict(self),
            "applies_to": self.applies_to,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Grant:
        return cls(
            sentence=d.get("sentence") or "",
            amount=Amount(**d["amount"]) if d.get("amount") else None,
            beneficiary=d.get("beneficiary"),
            conditions=list(d.get("conditions") or []),
            benefit=d.get("benefit") or "grant",
            facts=[Fact.from_dict(f) for f in d.get("facts") or []],
            department=d.get("department"),
            deadline=d.get("deadline"),
            window=d.get("window"),
            applies_to=d.get("applies_to"),
        )


@dataclass
class Support:
    """The grants of one clause.  Its JSON form carries the first grant's keys at the top
    (DESIGN's one-grant view of a clause) and every grant under ``grants``."""

    grants: list[Grant] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        first = self.grants[0].to_dict() if self.grants else {}
        top = {k: first.get(k) for k in SUPPORT_KEYS}
        return {**top, "grants": [g.to_dict() for g in self.grants]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Support:
        return cls(grants=[Grant.from_dict(g) for g in d.get("grants") or []])


SUPPORT_KEYS = ("beneficiary", "conditions", "deadline", "window", "department", "benefit", "facts")


@dataclass
class SupportTerms:
    """What a notice states once for all its grants (申报对象, 申报条件, 申报时间, 受理部门, 联系方式)."""

    beneficiary: str | None = None
    conditions: list[str] = field(default_factory=list)
    deadline: str | None = None
    window: dict[str, str | None] | None = None
    department: str | None = None
    benefit: str | None = None
    facts: list[Fact] = field(default_factory=list)
    contact: Contact | None = None

    def is_empty(self) -> bool:
        return not any(
            (self.beneficiary, self.conditions, self.deadline, self.window, self.department, self.contact)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **_terms_dict(self),
            "contact": self.contact.to_dict() if self.contact else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> SupportTerms | None:
        if not d:
            return None
        contact = d.get("contact")
        return cls(
            beneficiary=d.get("beneficiary"),
            conditions=list(d.get("conditions") or []),
            deadline=d.get("deadline"),
            window=d.get("window"),
            department=d.get("department"),
            benefit=d.get("benefit"),
            facts=[Fact.from_dict(f) for f in d.get("facts") or []],
            contact=Contact(**contact) if contact else None,
        )


@dataclass(frozen=True)
class Reference:
    """Another document named in the text: by 文号, by 《title》, or both."""

    doc_number: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Enactment:
    """One event of a law's or regulation's history, as its head prints it.

    ``action`` is the verb: 通过 (adopted), 批准 (approved), 公布/发布
    (promulgated), 修正/修订 (amended), 施行 (in force); ``body`` the organ
    that acted, when the line names one; ``text`` the line as printed.
    """

    date: str | None
    action: str
    body: str | None = None
    text: str = ""


@dataclass
class Clause:
    number: str | None
    path: list[str]
    text: str
    heading: str | None = None
    department_tags: list[Department] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    id: str = ""
    support: Support | None = None  # the clause's grants (cleaner/support.py), when it grants

    @property
    def level(self) -> int:
        return len(self.path)

    @property
    def departments(self) -> list[str]:
        return [d.name for d in self.department_tags]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "path": list(self.path),
            "level": self.level,
            "heading": self.heading,
            "text": self.text,
            "departments": self.departments,
            "department_tags": [_flat(d) for d in self.department_tags],
            "amounts": [a.to_dict() for a in self.amounts],
            **({"support": self.support.to_dict()} if self.support else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Clause:
        tags = [Department(**t) for t in d.get("department_tags") or []]
        if not tags:
            tags = [Department(name=n) for n in d.get("departments") or []]
        return cls(
            id=d.get("id") or "",
            number=d.get("number"),
            path=list(d.get("path") or []),
            heading=d.get("heading"),
            text=d.get("text") or "",
            department_tags=tags,
            amounts=[Amount(**a) for a in d.get("amounts") or []],
            support=Support.from_dict(d["support"]) if d.get("support") else None,
        )


@dataclass
class Document:
    source: str
    url: str | None = None
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    index_no: str | None = None
    published: str | None = None
    signed: str | None = None
    doc_type: str = "其他"
    draft: bool = False
    region: Region = field(default_factory=Region)
    clauses: list[Clause] = field(default_factory=list)
    summary: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Validity and relations (filled by the validity/citation steps of the cleaner).
    effective: str | None = None
    expires: str | None = None
    validity_text: str | None = None
    cites: list[Reference] = field(default_factory=list)
    repeals: list[Reference] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    # Adoption, promulgation and amendment events of a law or regulation, oldest first.
    history: list[Enactment] = field(default_factory=list)
    # What a support notice states once for all its grants (cleaner/notice.py), when it does.
    support_terms: SupportTerms | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.url or self.source)
        self.assign_clause_ids()

    def set_key(self, key: str) -> None:
        """Re-identify the document (by its canonical URL or file URI) and its clauses."""
        self.id = document_id(key)
        self.assign_clause_ids()

    @property
    def body_text(self) -> str:
        return "\n".join(c.text for c in self.clauses)

    def assign_clause_ids(self) -> None:
        """Stable clause ids: document id + numbering path, with a counter for repeats.

        Real documents repeat labels (two （三） in a row), so a path alone is
        not unique; the counter keeps ids stable as long as the text is.
        """
        seen: dict[str, int] = {}
        for i, c in enumerate(self.clauses):
            key = "-".join(_label_core(p) for p in c.path) or f"p{i}"
            n = seen.get(key, 0)
            seen[key] = n + 1
            c.id = f"{self.id}:{key}" + (f"~{n + 1}" if n else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "index_no": self.index_no,
            "published": self.published,
            "signed": self.signed,
            "doc_type": self.doc_type,
            "draft": self.draft,
            "region": _flat(self.region),
            "summary": self.summary,
            "effective": self.effective,
            "expires": self.expires,
            "validity_text": self.validity_text,
            "cites": [_flat(r) for r in self.cites],
            "repeals": [_flat(r) for r in self.repeals],
            "attachments": list(self.attachments),
            "history": [_flat(e) for e in self.history],
            "warnings": list(self.warnings),
            "support_terms": self.support_terms.to_dict() if self.support_terms else None,
            "clauses": [c.to_dict() for c in self.clauses],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in known}
        kw["region"] = Region(**(d.get("region") or {}))
        kw["clauses"] = [Clause.from_dict(c) for c in d.get("clauses") or []]
        kw["cites"] = [Reference(**r) for r in d.get("cites") or []]
        kw["repeals"] = [Reference(**r) for r in d.get("repeals") or []]
        kw["history"] = [Enactment(**e) for e in d.get("history") or []]
        kw["support_terms"] = SupportTerms.from_dict(d.get("support_terms"))
        kw.setdefault("source", d.get("url") or "")
        doc = cls(**kw)
        # Keep stored clause ids when they were given (they are what links point to).
        for c, cd in zip(doc.clauses, d.get("clauses") or [], strict=False):
            if cd.get("id"):
                c.id = cd["id"]
        return doc


def document_id(key: str) -> str:
    """A short stable id from the canonical URL (or the source path for local files)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


_NOT_CORE = str.maketrans("", "", "、.．()（）第 ")


def _label_core(label: str) -> str:
    core = label.translate(_NOT_CORE)
    return core or label


def _flat(value: object) -> dict[str, Any]:
    """A flat dataclass (scalar fields only) as a dict: ``asdict`` deep-copies and was a tenth of a save."""
    return dict(value.__dict__)


def resolve_grant(grant: Grant, terms: SupportTerms | None) -> Grant:
    """A grant with what its notice states once filled in where the clause says nothing.

    Conditions add up (the notice's 申报条件 first, then the clause's own); every other key is
    the clause's own when it has one, else the notice's; facts add up like conditions.
    """
    if terms is None:
        return grant
    own = {c for c in grant.conditions}
    return Grant(
        sentence=grant.sentence,
        amount=grant.amount,
        beneficiary=grant.beneficiary or terms.beneficiary,
        conditions=[c for c in terms.conditions if c not in own] + list(grant.conditions),
        benefit=grant.benefit,
        facts=list(terms.facts) + list(grant.facts),
        department=grant.department or terms.department,
        deadline=grant.deadline or terms.deadline,
        window=grant.window or terms.window,
        applies_to=grant.applies_to,
    )
