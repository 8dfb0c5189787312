"""The store's runs and change log: what each command did, and what the indexer catches up with.

Every save, deletion and relink appends to ``changes``; the index keeps the
last sequence number it read.  ``runs`` holds one row per nightly run with its report.
A mixin of ``Store`` (corpus/store.py); it uses ``self.db`` and ``self.transaction()``.
"""

from __future__ import annotations

import json

from .store_base import now_iso


class RunsAndChanges:
    """Runs and the change log (the ``runs`` and ``changes`` tables)."""

    def start_run(self, command: str) -> int:
        with self.transaction():
            cur = self.db.execute("INSERT INTO runs (command, started_at) VALUES (?,?)", (command, now_iso()))
            return cur.lastrowid

    def finish_run(self, run_id: int, report: dict) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE runs SET finished_at=?, report=? WHERE id=?",
                (now_iso(), json.dumps(report, ensure_ascii=False), run_id),
            )

    def runs(self, limit: int = 20) -> list[dict]:
        """The latest runs, newest first, each with its report parsed (None while running)."""
        rows = self.db.execute(
            "SELECT id, command, started_at, finished_at, report FROM runs ORDER BY id DESC LIMIT ?", (limit,)
        )
        out = []
        for r in rows:
            d = dict(r)
            try:
                d["report"] = json.loads(d["report"]) if d["report"] else None
            except ValueError:
                d["report"] = None
            out.append(d)
        return out

    def last_change(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]

    def changes_since(self, seq: int) -> list[tuple[int, str, str]]:
        rows = self.db.execute("SELECT seq, doc_id, action FROM changes WHERE seq > ? ORDER BY seq", (seq,))
        return [(r["seq"], r["doc_id"], r["action"]) for r in rows]

    def document_changes(self, doc_id: str) -> list[dict]:
        """The change log of one document, oldest first: action (new, changed, deleted) and time."""
        rows = self.db.execute(
            # 'relinked' (status or links moved, reasoning/relinking.py) is for the indexer, not a content change
            "SELECT seq, action, at FROM changes WHERE doc_id=? AND action != 'relinked' ORDER BY seq",
            (doc_id,),
        )
        return [dict(r) for r in rows]

    def recent_changes(self, limit: int = 50, actions: tuple[str, ...] = ("changed",)) -> list[dict]:
        """The latest entries of the change log with their document's fields, newest first."""
        marks = ",".join("?" * len(actions))
        rows = self.db.execute(
            "SELECT c.seq, c.action, c.at, d.id, d.url, d.title, d.issuer, d.doc_number, d.published,"
            " d.doc_type, d.draft, d.province, d.city FROM changes c JOIN documents d ON d.id = c.doc_id"
            f" WHERE c.action IN ({marks}) ORDER BY c.seq DESC LIMIT ?",
            (*actions, limit),
        )
        return [dict(r) for r in rows]
