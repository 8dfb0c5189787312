"""The SQLite store: raw pages with versions, crawl state, documents and clauses.

One file, WAL mode so that the web server reads while a nightly run writes.
Every write is one transaction: a crash or a failed fetch leaves what was
stored before untouched.

``Store`` is the one class callers use; its methods live in one module per
noun, each a mixin small enough to read at once:

- corpus/store_pages.py      raw pages and their versions
- corpus/store_documents.py  documents and clauses (and ``document_rows``)
- corpus/store_crawl.py      crawl state: ``url_state``, ``site_state``
- corpus/store_log.py        runs and the change log the indexer follows
- corpus/store_standing.py   facts, relations and statuses (kept, never decided here:
                             the reasoning is ``reasoning/``)

This module holds the connection, the schema migrations and transactions.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from .migrations import STEPS
from .store_base import DamagedDocument, StoreError, now_iso
from .store_crawl import CrawlState, UrlState
from .store_documents import DocumentRows, DocumentsTable, document_rows
from .store_log import RunsAndChanges
from .store_pages import PagesTable, SavedPage, StoredPage, compress_body, content_hash
from .store_standing import StandingTables

# What callers import from here, wherever it is defined.
__all__ = [
    "STORE_FILE",
    "DamagedDocument",
    "DocumentRows",
    "SavedPage",
    "Store",
    "StoreError",
    "StoredPage",
    "UrlState",
    "compress_body",
    "content_hash",
    "document_rows",
    "now_iso",
]

STORE_FILE = "policy.sqlite3"


class Store(PagesTable, DocumentsTable, CrawlState, RunsAndChanges, StandingTables):
    """One SQLite file: open it, and every table's methods are here (see the modules above)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._cap_size()
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from e

    def _cap_size(self) -> None:
        """POLICY_STORE_MAX_MB: the store may not grow past this (SQLite's max_page_count).

        A write past it fails as on a full disk ("database or disk is full"): an operator keeps
        a runaway crawl from filling a shared disk; the full-disk test fills one without mounting.
        """
        cap = os.environ.get("POLICY_STORE_MAX_MB")
        if cap:
            page = self.db.execute("PRAGMA page_size").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count = {max(1, int(float(cap) * (1 << 20) // page))}")

    @classmethod
    def in_dir(cls, data_dir: str | Path) -> Store:
        return cls(Path(data_dir) / STORE_FILE)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(STEPS):
            raise StoreError(
                f"store {self.path} has schema version {version}, newer than this program ({len(STEPS)})"
            )
        for number in range(version, len(STEPS)):
            with self.transaction():
                # another process (a second crawl worker, the web server) may have applied it meanwhile
                if self.db.execute("PRAGMA user_version").fetchone()[0] > number:
                    continue
                for statement in _split_sql(STEPS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception; re-entrant."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.outer = True
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.db.execute("COMMIT")
        else:
            self.db.execute("ROLLBACK")


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (sqlite3 cannot run a script inside our transaction)."""
    return [s.strip() for s in sqlite3_complete_statements(script) if s.strip()]


def sqlite3_complete_statements(script: str) -> Iterator[str]:
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf
            buf = ""
    if buf.strip():
        yield buf
