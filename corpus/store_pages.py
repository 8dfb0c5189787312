"""The store's raw pages: every fetched body, one version per change, compressed.

A mixin of ``Store`` (corpus/store.py); it uses ``self.db`` and ``self.transaction()``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from .store_base import now_iso


@dataclass(frozen=True)
class SavedPage:
    page_id: int
    version: int
    changed: bool  # False when the body equals the latest stored version
    new: bool  # True when the URL had no stored page before


@dataclass(frozen=True)
class StoredPage:
    page_id: int
    url: str
    version: int
    fetched_at: str
    status: int | None
    content_type: str | None
    headers: dict[str, str]
    content_hash: str
    body: bytes


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def compress_body(body: bytes) -> bytes:
    """A raw page as the pages table keeps it."""
    return zlib.compress(body, 6)


class PagesTable:
    """Raw pages and their versions (the ``pages`` table)."""

    def save_page(
        self,
        url: str,
        body: bytes,
        *,
        status: int | None = 200,
        content_type: str | None = None,
        headers: dict[str, str] | None = None,
        fetched_at: str | None = None,
        compressed: bytes | None = None,
        digest: str | None = None,
    ) -> SavedPage:
        """Store a fetched body as a new version unless it equals the latest one.

        ``compressed`` (``compress_body``, done by a crawl's clean worker) and ``digest``
        (``content_hash``) are the body's, when the caller has them already.
        """
        digest = digest or content_hash(body)
        with self.transaction():
            row = self.db.execute(
                "SELECT id, version, content_hash FROM pages WHERE url=? ORDER BY version DESC LIMIT 1",
                (url,),
            ).fetchone()
            if row and row["content_hash"] == digest:
                return SavedPage(row["id"], row["version"], changed=False, new=False)
            version = (row["version"] + 1) if row else 1
            cur = self.db.execute(
                "INSERT INTO pages (url, version, fetched_at, status, content_type, headers, content_hash, size, body)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    url,
                    version,
                    fetched_at or now_iso(),
                    status,
                    content_type,
                    json.dumps(headers or {}, ensure_ascii=False),
                    digest,
                    len(body),
                    compressed if compressed is not None else compress_body(body),
                ),
            )
            return SavedPage(cur.lastrowid, version, changed=row is not None, new=row is None)

    def page_unchanged(self, url: str, digest: str) -> bool:
        """True when the latest stored version of the URL has this content hash and a document.

        What a crawl asks before cleaning a fetched page: an identical page needs no work.
        """
        row = self.db.execute(
            "SELECT content_hash FROM pages WHERE url=? ORDER BY version DESC LIMIT 1", (url,)
        ).fetchone()
        return bool(row and row["content_hash"] == digest and self.has_document_for(url))

    def page(self, page_id: int) -> StoredPage | None:
        row = self.db.execute("SELECT * FROM pages WHERE id=?", (page_id,)).fetchone()
        return _stored_page(row) if row else None

    def page_versions(self, url: str) -> list[StoredPage]:
        rows = self.db.execute("SELECT * FROM pages WHERE url=? ORDER BY version", (url,)).fetchall()
        return [_stored_page(r) for r in rows]

    def latest_pages(self) -> Iterator[StoredPage]:
        """The newest version of every stored URL (what a re-clean reads)."""
        rows = self.db.execute(
            "SELECT p.* FROM pages p JOIN (SELECT url, MAX(version) v FROM pages GROUP BY url) m"
            " ON p.url = m.url AND p.version = m.v ORDER BY p.id"
        )
        for row in rows:
            yield _stored_page(row)

    def page_version_list(self, url: str) -> list[dict]:
        """Every stored version of a URL without its body: version, fetched_at, size, hash."""
        rows = self.db.execute(
            "SELECT id, version, fetched_at, status, content_type, size, content_hash FROM pages"
            " WHERE url=? ORDER BY version",
            (url,),
        )
        return [dict(r) for r in rows]

    def page_version(self, url: str, version: int) -> StoredPage | None:
        row = self.db.execute("SELECT * FROM pages WHERE url=? AND version=?", (url, version)).fetchone()
        return _stored_page(row) if row else None

    def page_url(self, page_id: int) -> str | None:
        row = self.db.execute("SELECT url FROM pages WHERE id=?", (page_id,)).fetchone()
        return row["url"] if row else None


def _stored_page(row: sqlite3.Row) -> StoredPage:
    return StoredPage(
        page_id=row["id"],
        url=row["url"],
        version=row["version"],
        fetched_at=row["fetched_at"],
        status=row["status"],
        content_type=row["content_type"],
        headers=json.loads(row["headers"] or "{}"),
        content_hash=row["content_hash"],
        body=zlib.decompress(row["body"]),
    )
