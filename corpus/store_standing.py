"""The store's side of validity and relations: facts in, links and statuses kept.

The store only persists: each document's facts (``doc_facts``, written with
the document), and the links and statuses the ``reasoning`` package decides
from them (``relations``, ``statuses``).  It never decides anything itself
and never imports the reasoning; the ``policy`` command runs
``reasoning.relinking.relink`` once, right before indexing.

A mixin of ``Store`` (corpus/store.py): it uses ``self.db`` and
``self.transaction()``.
"""

from __future__ import annotations

from typing import Any

from .facts import Facts, Link, facts_of
from .store_base import DamagedDocument, now_iso

_LINK_COLUMNS = "src, kind, ref_key, dst, doc_number, title, sentence, ord, until"


class StandingTables:
    """Facts, relations and statuses (schema steps 2 and 3, corpus/migrations.py)."""

    # -- facts (what reasoning reads) ------------------------------------------

    def backfill_facts(self) -> int:
        """Documents stored before ``doc_facts`` existed (or by an older program) get their facts now."""
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM doc_facts)"
        ).fetchall()
        done = 0
        for r in rows:
            try:
                doc = self.document(r["id"])
            except DamagedDocument:
                continue  # relinked once a reclean has restored it
            if doc is not None:
                self.db.execute(
                    "INSERT OR REPLACE INTO doc_facts (doc_id, data) VALUES (?, ?)",
                    (doc.id, facts_of(doc).to_json()),
                )
                done += 1
        return done

    def all_facts(self) -> dict[str, Facts]:
        """The facts of every stored document, by id."""
        return {
            r["doc_id"]: Facts.from_json(r["data"])
            for r in self.db.execute(
                "SELECT f.doc_id, f.data FROM doc_facts f JOIN documents d ON d.id = f.doc_id"
            )
        }

    def links_near(self, doc_id: str, steps: int = 3) -> tuple[dict[str, Facts], list[Link]]:
        """The stored links within a few steps of one document, and the facts of their ends.

        Enough for ``reasoning.status.decide`` on that one document, without reading the whole graph.
        """
        db = self.db
        ids = {doc_id}
        links: dict[tuple, Link] = {}
        frontier = {doc_id}
        for _ in range(steps):
            if not frontier:
                break
            marks = ",".join("?" * len(frontier))
            rows = db.execute(
                f"SELECT {_LINK_COLUMNS} FROM relations WHERE src IN ({marks}) OR dst IN ({marks})",
                [*frontier, *frontier],
            ).fetchall()
            new = set()
            for r in rows:
                ln = _link(r)
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
        return facts, list(links.values())

    # -- links and statuses (what reasoning decided) ---------------------------

    def save_standing(self, links: list[Link], statuses: dict[str, tuple[Any, str]], as_of: str) -> int:
        """Keep the links and statuses a relink decided; returns how many documents moved.

        ``statuses``: doc id -> (status, signature), the status any object with
        ``status rule sentence by effective expires`` (``reasoning.status.Status``),
        the signature what the index shows of it.  Only what changed is written,
        and a ``relinked`` change is logged for each document whose signature
        moved, so the indexer re-indexes it.
        """
        db = self.db
        with self.transaction():
            old_links = {
                (r["src"], r["kind"], r["ref_key"]): tuple(r)
                for r in db.execute(f"SELECT {_LINK_COLUMNS} FROM relations")
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
                for ln in links
            }
            for key in old_links.keys() - new_links.keys():
                db.execute("DELETE FROM relations WHERE src=? AND kind=? AND ref_key=?", key)
            db.executemany(
                f"INSERT OR REPLACE INTO relations ({_LINK_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",
                [row for key, row in new_links.items() if old_links.get(key) != row],
            )
            old_sig = {
                r["doc_id"]: r["signature"] for r in db.execute("SELECT doc_id, signature FROM statuses")
            }
            db.execute("DELETE FROM statuses WHERE doc_id NOT IN (SELECT id FROM documents)")
            stamp = now_iso()
            changed = 0
            for doc_id in sorted(statuses):
                s, sig = statuses[doc_id]
                if old_sig.get(doc_id) == sig:
                    continue
                db.execute(
                    "INSERT OR REPLACE INTO statuses (doc_id, status, rule, sentence, by_doc, effective, expires,"
                    " as_of, signature) VALUES (?,?,?,?,?,?,?,?,?)",
                    (doc_id, s.status, s.rule, s.sentence, s.by, s.effective, s.expires, as_of, sig),
                )
                db.execute(
                    "INSERT INTO changes (doc_id, action, at) VALUES (?,?,?)", (doc_id, "relinked", stamp)
                )
                changed += 1
        return changed

    def status(self, doc_id: str) -> dict | None:
        """Today's status as the last relink wrote it (None before the first): what the indexer copies."""
        row = self.db.execute(
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

    def sources(self, copies: list[str]) -> list[str]:
        """Where every copy of a document came from, earliest first: its URL, else the file it was read
        from (a text capture ingested by hand has no URL, and is a copy all the same)."""
        marks = ",".join("?" * len(copies))
        rows = self.db.execute(
            f"SELECT COALESCE(url, source) AS at FROM documents WHERE id IN ({marks}) AND"
            " (url IS NOT NULL OR ? > 1) ORDER BY published IS NULL, published, id",
            (*copies, len(copies)),
        ).fetchall()
        return list(dict.fromkeys(r["at"] for r in rows if r["at"]))

    def standing(self, doc_id: str) -> dict:
        """What the index keeps of a document's standing, from the last relink (cheap: two small queries).

        ``status`` (``unknown`` before any relink), ``expires``, ``rule``,
        ``sentence``; ``duplicate_of`` when the document is a copy of another
        (the index shows the copy through that one); ``sources``, the URLs of
        every copy; ``repeals``, how many documents it declares repealed.
        """
        s = self.status(doc_id) or {}
        rows = self.db.execute(
            "SELECT kind, dst, src FROM relations WHERE (src=? AND kind IN ('duplicate_of', 'repeals'))"
            " OR (dst=? AND kind='duplicate_of')",
            (doc_id, doc_id),
        ).fetchall()
        duplicate_of = next(
            (r["dst"] for r in rows if r["kind"] == "duplicate_of" and r["src"] == doc_id), None
        )
        copies = [doc_id] + sorted(
            r["src"] for r in rows if r["kind"] == "duplicate_of" and r["dst"] == doc_id
        )
        return {
            "status": s.get("status") or "unknown",
            "rule": s.get("rule"),
            "sentence": s.get("sentence"),
            "expires": s.get("expires"),
            "duplicate_of": duplicate_of,
            "sources": self.sources(copies),
            "repeals": sum(1 for r in rows if r["kind"] == "repeals" and r["src"] == doc_id),
        }


def _link(r) -> Link:
    return Link(
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
