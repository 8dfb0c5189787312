"""Whether a document still applies on a given day, and the store's relation graph.

``decide`` is pure: a document's facts, the links around it and a date in,
a ``Status`` (with the rule and the sentence that decided it) out.
``relink`` is the I/O edge: it recomputes every link and today's status from
the ``doc_facts`` table, writes what changed and logs a change for each
document whose links or status moved, so the indexer re-indexes it.
``document_view`` is the one object ``policy show --json`` and
``/api/doc/<id>`` return.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .relations import INVERSE, Facts, Link, facts_of, link

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)

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
            return Status(s.status, "repost_of", s.sentence, as_of, s.effective, s.expires, by=carried[0])
    copies = [d for d in graph.copies(doc_id) if d in graph.facts]
    if f.draft:
        finals = [ln for d in copies for ln in graph.out(d, "draft_of") if ln.dst]
        if finals:
            return Status("superseded", "final_version", finals[0].title, as_of, by=finals[0].dst)
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
        if effective and effective > as_of:
            status = "not_yet_effective"
        return Status(
            status, "extended_by", extension.sentence, as_of, effective, extension.until, by=extension.src
        )
    if effective and effective > as_of:
        return Status("not_yet_effective", "effective_date", said, as_of, effective, expires)
    if expires and expires < as_of:
        return Status("expired", "expiry_date", said, as_of, effective, expires)
    period = title_period(f.title)
    if period and not expires and period[1] < as_of:
        # "自印发之日起实施" with no end, but the title names its years (十四五, 2022-2025年)
        return Status("expired", "title_period", f.title, as_of, effective or period[0], period[1])
    if effective or expires:
        return Status("in_force", "validity_statement", said, as_of, effective, expires)
    if period:
        start, end = period
        if end < as_of:
            return Status("expired", "title_period", f.title, as_of, start, end)
        if start > as_of:
            return Status("not_yet_effective", "title_period", f.title, as_of, start, end)
        return Status("in_force", "title_period", f.title, as_of, start, end)
    return Status("unknown", "no_statement", None, as_of)


def _repeal_in_force(copies: list[str], graph: Graph, as_of: str) -> Status | None:
    for d in copies:
        for ln in graph.into(d, "repeals"):
            repealer = graph.facts.get(ln.src)
            if repealer is None or repealer.draft:
                continue  # a draft proposing a repeal repeals nothing yet
            when = repealer.issued
            if when is None or when <= as_of:
                return Status("repealed", "repealed_by", ln.sentence or repealer.title, as_of, by=ln.src)
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


# -- the store side -------------------------------------------------------------


@dataclass(frozen=True)
class RelinkReport:
    documents: int
    links: int
    resolved: int
    changed: int  # documents whose links or status changed (logged for the indexer)


def save_facts(db, doc) -> None:
    """Keep the document's facts next to it (called inside ``Store.save_document``'s transaction)."""
    db.execute(
        "INSERT OR REPLACE INTO doc_facts (doc_id, data) VALUES (?, ?)", (doc.id, facts_of(doc).to_json())
    )


def note_saved(store: Store, doc) -> None:
    """``Store.save_document``'s hook: keep the facts, and relink when the store closes."""
    save_facts(store.db, doc)
    store.wrote = True


def note_facts(store: Store, doc_id: str, facts_json: str) -> None:
    """``note_saved`` for facts already computed (``corpus.store.document_rows``, in a crawl's clean worker)."""
    store.db.execute("INSERT OR REPLACE INTO doc_facts (doc_id, data) VALUES (?, ?)", (doc_id, facts_json))
    store.wrote = True


def relink_on_close(store: Store) -> None:
    """Relink before a writing session closes; a failure is logged, never loses what was saved."""
    try:
        relink(store)
    except sqlite3.Error as e:
        log.warning("relink failed, statuses stay as they were: %s", e)
    except Exception:  # a bug here must not turn a finished crawl into a failed one
        log.exception("relink failed, statuses stay as they were")


def relink(store: Store, as_of: str | None = None) -> RelinkReport:
    """Recompute every link and today's status; log a change for each document that moved."""
    as_of = as_of or today()
    db = store.db
    with store.transaction():
        _backfill_facts(store)
        facts = {
            r["doc_id"]: Facts.from_json(r["data"])
            for r in db.execute(
                "SELECT f.doc_id, f.data FROM doc_facts f JOIN documents d ON d.id = f.doc_id"
            )
        }
        graph = Graph(facts, link(facts.values()))
        statuses = {d: decide(d, graph, as_of) for d in facts}
        old_links = {
            (r["src"], r["kind"], r["ref_key"]): tuple(r)
            for r in db.execute(
                "SELECT src, kind, ref_key, dst, doc_number, title, sentence, ord, until FROM relations"
            )
        }
        new_links = {
            (ln.src, ln.kind, ln.key): (
                ln.src,
                ln.kind,
                ln.key,
                ln.dst,
                ln.doc_number,
                ln.title,
                ln.sentence,
                ln.ord,
                ln.until,
            )
            for ln in graph.links
        }
        for key in old_links.keys() - new_links.keys():
            db.execute("DELETE FROM relations WHERE src=? AND kind=? AND ref_key=?", key)
        db.executemany(
            "INSERT OR REPLACE INTO relations (src, kind, ref_key, dst, doc_number, title, sentence, ord, until)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [row for key, row in new_links.items() if old_links.get(key) != row],
        )
        old_sig = {r["doc_id"]: r["signature"] for r in db.execute("SELECT doc_id, signature FROM statuses")}
        db.execute("DELETE FROM statuses WHERE doc_id NOT IN (SELECT id FROM documents)")
        stamp = _now()
        changed = 0
        for doc_id in sorted(facts):
            s = statuses[doc_id]
            sig = _signature(doc_id, graph, s)
            if old_sig.get(doc_id) == sig:
                continue
            db.execute(
                "INSERT OR REPLACE INTO statuses (doc_id, status, rule, sentence, by_doc, effective, expires,"
                " as_of, signature) VALUES (?,?,?,?,?,?,?,?,?)",
                (doc_id, s.status, s.rule, s.sentence, s.by, s.effective, s.expires, as_of, sig),
            )
            db.execute("INSERT INTO changes (doc_id, action, at) VALUES (?,?,?)", (doc_id, "relinked", stamp))
            changed += 1
    return RelinkReport(
        documents=len(facts),
        links=len(graph.links),
        resolved=sum(1 for ln in graph.links if ln.dst),
        changed=changed,
    )


def _backfill_facts(store: Store) -> None:
    """Documents stored before this table existed (or by an older program) get their facts now."""
    rows = store.db.execute(
        "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_facts)"
    ).fetchall()
    from .store import DamagedDocument

    for r in rows:
        try:
            doc = store.document(r["id"])
        except DamagedDocument:
            continue  # relinked once a reclean has restored it
        if doc is not None:
            save_facts(store.db, doc)


def _signature(doc_id: str, graph: Graph, s: Status) -> str:
    """What the index shows of a document's standing: status, dates, links in and out."""
    parts = [s.status, s.rule, s.effective, s.expires, s.by]
    for kind in INVERSE:
        parts += [(ln.kind, ln.key, ln.dst) for ln in graph.out(doc_id, kind)]
        parts += [(ln.kind, ln.src) for ln in graph.into(doc_id, kind)]
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def _now() -> str:
    from .store import now_iso

    return now_iso()


def stored_status(store: Store, doc_id: str) -> dict | None:
    """Today's status as the last relink wrote it (what the indexer copies into each hit)."""
    row = store.db.execute(
        "SELECT status, rule, sentence, by_doc, effective, expires, as_of FROM statuses WHERE doc_id=?",
        (doc_id,),
    ).fetchone()
    if row is None:
        return None
    return {
        "status": row["status"],
        "rule": row["rule"],
        "sentence": row["sentence"],
        "by": row["by_doc"],
        "effective": row["effective"],
        "expires": row["expires"],
        "as_of": row["as_of"],
    }


def _subgraph(store: Store, doc_id: str) -> Graph:
    """The facts and links within a few steps of one document (enough for ``decide``)."""
    db = store.db
    ids = {doc_id}
    links: dict[tuple, Link] = {}
    frontier = {doc_id}
    for _ in range(3):
        if not frontier:
            break
        marks = ",".join("?" * len(frontier))
        rows = db.execute(
            f"SELECT src, kind, ref_key, dst, doc_number, title, sentence, ord, until FROM relations"
            f" WHERE src IN ({marks}) OR dst IN ({marks})",
            [*frontier, *frontier],
        ).fetchall()
        new = set()
        for r in rows:
            ln = Link(
                r["src"],
                r["kind"],
                r["dst"],
                r["doc_number"],
                r["title"],
                r["sentence"],
                r["ref_key"],
                r["ord"],
                r["until"],
            )
            links[(ln.src, ln.kind, ln.key)] = ln
            for end in (ln.src, ln.dst):
                if end and end not in ids and ln.kind != "cites":
                    new.add(end)
        ids |= new
        frontier = new
    ends = ids | {ln.dst for ln in links.values() if ln.dst} | {ln.src for ln in links.values()}
    marks = ",".join("?" * len(ends))
    facts = {
        r["doc_id"]: Facts.from_json(r["data"])
        for r in db.execute(f"SELECT doc_id, data FROM doc_facts WHERE doc_id IN ({marks})", list(ends))
    }
    return Graph(facts, list(links.values()))


def document_view(store: Store, doc_id: str, as_of: str | None = None, doc=None) -> dict | None:
    """One document with its status on ``as_of`` (today by default) and its relations.

    The document JSON (the public contract) plus ``status`` and ``relations``:
    ``cites``, ``cited_by``, ``repeals``, ``repealed_by``, ``draft_of``,
    ``final_of``, ``repost_of``, ``reposts``, ``duplicate_of``, ``duplicates``;
    each entry has ``doc_id`` (null while the named document is not stored),
    ``doc_number``, ``title``, ``url`` and ``sentence``.  ``sources`` lists the
    URLs of every copy of the document.  ``doc``: the document when the caller has it already.
    """
    doc = doc if doc is not None and doc.id == doc_id else store.document(doc_id)
    if doc is None:
        return None
    as_of = as_of or today()
    graph = _subgraph(store, doc_id)
    if doc_id not in graph.facts:
        graph.facts[doc_id] = facts_of(doc)  # stored but never relinked: decide on its own words
    view = doc.to_dict()
    view["status"] = decide(doc_id, graph, as_of).to_dict()
    relations: dict[str, list[dict]] = {}
    copies = graph.copies(doc_id)
    for kind, inverse in INVERSE.items():
        relations[kind] = [_entry(ln.dst, ln, graph) for ln in graph.out(doc_id, kind)]
        # what names any copy of this document names this one
        incoming = [ln for d in copies for ln in graph.into(d, kind) if ln.src != doc_id]
        relations[inverse] = [_entry(ln.src, ln, graph) for ln in incoming]
    view["relations"] = relations
    view["sources"] = sorted(
        {graph.facts[d].url or d for d in graph.copies(doc_id) if d in graph.facts and graph.facts[d].url}
    ) or ([doc.url] if doc.url else [])
    return view


def _entry(other: str | None, ln: Link, graph: Graph) -> dict:
    f = graph.facts.get(other) if other else None
    if f and ln.src == other:  # a document naming this one: show it as stored
        number, title = f.doc_number, f.title
    else:  # a document this one names: as printed, completed from the store
        number = ln.doc_number or (f.doc_number if f else None)
        title = ln.title or (f.title if f else None)
    return {
        "doc_id": other,
        "doc_number": number,
        "title": title,
        "url": f.url if f else None,
        "sentence": ln.sentence,
    }


def standing(store: Store, doc_id: str) -> dict:
    """What the index keeps of a document's standing, from the last relink (cheap: two small queries).

    ``status`` (``unknown`` before any relink), ``expires``, ``rule``,
    ``sentence``; ``duplicate_of`` when the document is a copy of another
    (the index shows the copy through that one); ``sources``, the URLs of
    every copy; ``repeals``, how many documents it declares repealed.
    """
    s = stored_status(store, doc_id) or {}
    rows = store.db.execute(
        "SELECT kind, dst, src FROM relations WHERE (src=? AND kind IN ('duplicate_of', 'repeals'))"
        " OR (dst=? AND kind='duplicate_of')",
        (doc_id, doc_id),
    ).fetchall()
    duplicate_of = next((r["dst"] for r in rows if r["kind"] == "duplicate_of" and r["src"] == doc_id), None)
    copies = [doc_id] + sorted(r["src"] for r in rows if r["kind"] == "duplicate_of" and r["dst"] == doc_id)
    marks = ",".join("?" * len(copies))
    urls = store.db.execute(
        f"SELECT url FROM documents WHERE id IN ({marks}) AND url IS NOT NULL ORDER BY published, id", copies
    ).fetchall()
    return {
        "status": s.get("status") or "unknown",
        "rule": s.get("rule"),
        "sentence": s.get("sentence"),
        "expires": s.get("expires"),
        "duplicate_of": duplicate_of,
        "sources": [r["url"] for r in urls],
        "repeals": sum(1 for r in rows if r["kind"] == "repeals" and r["src"] == doc_id),
    }
