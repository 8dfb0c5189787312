"""Whether a document still applies on a given day.

``decide`` is pure: a document's facts, the links around it and a date in,
a ``Status`` (with the rule and the sentence that decided it) out.  The
links come from ``reasoning.relations.link``; ``reasoning.relinking`` runs both
over the whole store and hands the results back to it to keep.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from corpus.facts import Facts, Link

STATUSES = ("in_force", "expired", "repealed", "draft", "superseded", "not_yet_effective", "unknown")
# Five-year plans name their period instead of printing dates.
_PLAN_PERIODS = {"十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_TITLE_YEARS = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年")


@dataclass(frozen=True)
class Status:
    """A document's standing on ``as_of``; ``by`` is the document that decided it, if another."""

    status: str
    rule: str
    sentence: str | None
    as_of: str
    effective: str | None = None
    expires: str | None = None
    by: str | None = None
    since: str | None = None  # the day the status began (a repeal's date, the day after expiry), if known

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Graph:
    """Facts and links of (part of) the store, with the lookups ``decide`` needs."""

    facts: dict[str, Facts]
    links: list[Link]
    _out: dict[tuple[str, str], list[Link]] = field(default_factory=dict, repr=False)
    _in: dict[tuple[str, str], list[Link]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for ln in sorted(self.links, key=lambda x: (x.src, x.kind, x.ord, x.key)):
            self._out.setdefault((ln.src, ln.kind), []).append(ln)
            if ln.dst:
                self._in.setdefault((ln.dst, ln.kind), []).append(ln)

    def out(self, doc_id: str, kind: str) -> list[Link]:
        return self._out.get((doc_id, kind), [])

    def into(self, doc_id: str, kind: str) -> list[Link]:
        return self._in.get((doc_id, kind), [])

    def canonical(self, doc_id: str) -> str:
        up = [ln.dst for ln in self.out(doc_id, "duplicate_of") if ln.dst]
        return up[0] if up else doc_id

    def copies(self, doc_id: str) -> list[str]:
        """The document and every copy of it, the canonical one first."""
        head = self.canonical(doc_id)
        return [head] + sorted(ln.src for ln in self.into(head, "duplicate_of"))


def decide(doc_id: str, graph: Graph, as_of: str, _depth: int = 0) -> Status:
    """The status of a document on ``as_of`` (YYYY-MM-DD), and why.

    Order of rules: a news repost stands or falls with what it carries; a
    draft is superseded once its final version exists; a repeal in force
    wins over any date; then the document's own dates; then a period in its
    title (十四五, 2022-2025年); otherwise unknown.
    """
    f = graph.facts[doc_id]
    if f.repost and _depth < 3:
        carried = [ln.dst for ln in graph.out(doc_id, "repost_of") if ln.dst and ln.dst in graph.facts]
        if carried:
            s = decide(carried[0], graph, as_of, _depth + 1)
            return Status(
                s.status, "repost_of", s.sentence, as_of, s.effective, s.expires, by=carried[0], since=s.since
            )
    copies = [d for d in graph.copies(doc_id) if d in graph.facts]
    if f.draft:
        finals = [ln for d in copies for ln in graph.out(d, "draft_of") if ln.dst]
        if finals:
            final = graph.facts.get(finals[0].dst)
            return Status(
                "superseded",
                "final_version",
                finals[0].title,
                as_of,
                by=finals[0].dst,
                since=final.issued if final else None,
            )
        return Status("draft", "draft_mark", f.title, as_of)
    repeal = _repeal_in_force(copies, graph, as_of)
    if repeal:
        return repeal
    effective = next((graph.facts[d].effective for d in copies if graph.facts[d].effective), None)
    expires = next((graph.facts[d].expires for d in copies if graph.facts[d].expires), None)
    said = next((graph.facts[d].validity_text for d in copies if graph.facts[d].validity_text), None)
    extension = _extension_in_force(copies, graph, as_of)
    if extension and (not expires or extension.until > expires):
        status = "expired" if extension.until < as_of else "in_force"
        since = _day_after(extension.until) if status == "expired" else effective
        if effective and effective > as_of:
            status, since = "not_yet_effective", None
        return Status(
            status,
            "extended_by",
            extension.sentence,
            as_of,
            effective,
            extension.until,
            by=extension.src,
            since=since,
        )
    if effective and effective > as_of:
        return Status("not_yet_effective", "effective_date", said, as_of, effective, expires)
    if expires and expires < as_of:
        return Status("expired", "expiry_date", said, as_of, effective, expires, since=_day_after(expires))
    period = title_period(f.title)
    if period and not expires and period[1] < as_of:
        # "自印发之日起实施" with no end, but the title names its years (十四五, 2022-2025年)
        return Status(
            "expired",
            "title_period",
            f.title,
            as_of,
            effective or period[0],
            period[1],
            since=_day_after(period[1]),
        )
    if effective or expires:
        return Status("in_force", "validity_statement", said, as_of, effective, expires, since=effective)
    if period:
        start, end = period
        if end < as_of:
            return Status("expired", "title_period", f.title, as_of, start, end, since=_day_after(end))
        if start > as_of:
            return Status("not_yet_effective", "title_period", f.title, as_of, start, end)
        return Status("in_force", "title_period", f.title, as_of, start, end, since=start)
    return Status("unknown", "no_statement", None, as_of)


def _repeal_in_force(copies: list[str], graph: Graph, as_of: str) -> Status | None:
    for d in copies:
        for ln in graph.into(d, "repeals"):
            repealer = graph.facts.get(ln.src)
            if repealer is None or repealer.draft:
                continue  # a draft proposing a repeal repeals nothing yet
            when = repealer.issued
            if when is None or when <= as_of:
                sentence = ln.sentence or repealer.title
                return Status("repealed", "repealed_by", sentence, as_of, by=ln.src, since=when)
    return None


def _day_after(day: str) -> str | None:
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:
        return None


def _extension_in_force(copies: list[str], graph: Graph, as_of: str) -> Link | None:
    """The latest extension of the document's validity issued by ``as_of``."""
    found = []
    for d in copies:
        for ln in graph.into(d, "extends"):
            notice = graph.facts.get(ln.src)
            if ln.until and notice and not notice.draft and (notice.issued or "") <= as_of:
                found.append(ln)
    return max(found, key=lambda ln: (ln.until, ln.src)) if found else None


def title_period(title: str | None) -> tuple[str, str] | None:
    """The years a title names for itself: "（2022-2025年）", "“十四五”"."""
    if not title:
        return None
    m = _TITLE_YEARS.search(title)
    if m and m.group(1) <= m.group(2):
        return f"{m.group(1)}-01-01", f"{m.group(2)}-12-31"
    for name, (a, b) in _PLAN_PERIODS.items():
        if name in title:
            return f"{a}-01-01", f"{b}-12-31"
    return None


def today() -> str:
    return date.today().isoformat()
