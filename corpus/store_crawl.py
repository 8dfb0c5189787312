"""The store's crawl state: what the crawler knows of each URL and each site between runs.

``url_state`` (ETag, Last-Modified, content hash, last seen, failures) is what
an incremental crawl decides from; ``site_state`` records whether a site's
last crawl finished, so a cut-off crawl resumes.
A mixin of ``Store`` (corpus/store.py); it uses ``self.db`` and ``self.transaction()``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .store_base import now_iso


@dataclass(frozen=True)
class UrlState:
    """What the crawler knows about one URL between runs (the url_state table)."""

    url: str
    site: str | None = None
    kind: str | None = None  # list | detail | attachment
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None  # last listed or fetched
    last_checked: str | None = None  # last fetched with a 200 or confirmed by a 304
    last_changed: str | None = None
    last_status: str | None = None  # ok | not_modified | failed | blocked | disallowed | pending
    last_error: str | None = None
    failures: int = 0
    list_sig: str | None = None  # the list entry (title, date) it was last seen under
    final_url: str | None = None  # where it redirected, when it did


class CrawlState:
    """URL and site state (the ``url_state`` and ``site_state`` tables)."""

    def url_state(self, url: str) -> UrlState | None:
        row = self.db.execute("SELECT * FROM url_state WHERE url=?", (url,)).fetchone()
        return _url_state(row) if row else None

    def url_states(self, site: str | None = None) -> dict[str, UrlState]:
        """Every known URL of a site (all sites when None), keyed by URL: what a crawl decides from."""
        if site is None:
            rows = self.db.execute("SELECT * FROM url_state")
        else:
            rows = self.db.execute("SELECT * FROM url_state WHERE site=?", (site,))
        return {r["url"]: _url_state(r) for r in rows}

    def record_fetch(
        self,
        url: str,
        *,
        site: str | None,
        kind: str,
        content_hash: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
        list_sig: str | None = None,
        final_url: str | None = None,
        status: str = "ok",
        at: str | None = None,
    ) -> None:
        """A 200 (status ok) or a 304 (status not_modified, content_hash None keeps the old one)."""
        stamp = at or now_iso()
        with self.transaction():
            old = self.url_state(url)
            digest = content_hash if content_hash is not None else (old.content_hash if old else None)
            changed = old is None or (content_hash is not None and old.content_hash != content_hash)
            self.db.execute(
                "INSERT OR REPLACE INTO url_state (url, site, kind, etag, last_modified, content_hash,"
                " first_seen, last_seen, last_checked, last_changed, last_status, last_error, failures,"
                " list_sig, final_url) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    url,
                    site or (old.site if old else None),
                    kind,
                    etag if etag is not None or status == "ok" else (old.etag if old else None),
                    last_modified
                    if last_modified is not None or status == "ok"
                    else (old.last_modified if old else None),
                    digest,
                    old.first_seen if old and old.first_seen else stamp,
                    stamp,
                    stamp,
                    stamp if changed else (old.last_changed if old else stamp),
                    status,
                    None,
                    0,
                    list_sig if list_sig is not None else (old.list_sig if old else None),
                    final_url if final_url is not None else (old.final_url if old else None),
                ),
            )

    def record_failure(
        self,
        url: str,
        *,
        site: str | None,
        kind: str,
        error: str,
        status: str = "failed",
        at: str | None = None,
    ) -> None:
        """A failed or blocked fetch: counted on the URL, everything stored before is kept."""
        stamp = at or now_iso()
        with self.transaction():
            self.db.execute(
                "INSERT INTO url_state (url, site, kind, first_seen, last_seen, last_status, last_error,"
                " failures) VALUES (?,?,?,?,?,?,?,1) ON CONFLICT(url) DO UPDATE SET"
                " last_seen=excluded.last_seen, last_status=excluded.last_status,"
                " last_error=excluded.last_error, failures=url_state.failures + 1",
                (url, site, kind, stamp, stamp, status, error[:500]),
            )

    def record_seen(self, urls: dict[str, str | None], *, site: str | None, at: str | None = None) -> None:
        """Known URLs listed again but not fetched (not due for a recheck): url -> list signature."""
        stamp = at or now_iso()
        with self.transaction():
            self.db.executemany(
                "UPDATE url_state SET last_seen=?, list_sig=COALESCE(?, list_sig) WHERE url=?",
                [(stamp, sig, url) for url, sig in urls.items()],
            )

    def record_pending(
        self, urls: dict[str, str | None], *, site: str | None, kind: str, at: str | None = None
    ) -> None:
        """New URLs about to be fetched (url -> list signature): pending until their page is stored.

        A URL with a row already keeps it: only one never seen before becomes pending.
        """
        stamp = at or now_iso()
        with self.transaction():
            self.db.executemany(
                "INSERT INTO url_state (url, site, kind, first_seen, last_seen, last_status, list_sig)"
                " VALUES (?,?,?,?,?,'pending',?) ON CONFLICT(url) DO NOTHING",
                [(url, site, kind, stamp, stamp, sig) for url, sig in urls.items()],
            )

    def count_pending(self, site: str) -> int:
        """URLs of a site listed but never stored: what the next run fetches first."""
        row = self.db.execute(
            "SELECT COUNT(*) FROM url_state WHERE site=? AND last_status='pending'", (site,)
        ).fetchone()
        return row[0]

    def site_started(self, site: str) -> bool:
        """Mark a site's crawl as started; True when its previous crawl never finished (resume)."""
        with self.transaction():
            row = self.db.execute(
                "SELECT started_at, finished_at FROM site_state WHERE site=?", (site,)
            ).fetchone()
            cut_off = bool(row and row["started_at"] and not row["finished_at"])
            self.db.execute(
                "INSERT INTO site_state (site, started_at, finished_at) VALUES (?,?,NULL)"
                " ON CONFLICT(site) DO UPDATE SET started_at=excluded.started_at, finished_at=NULL",
                (site, now_iso()),
            )
            return cut_off

    def site_finished(self, site: str, report: dict) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE site_state SET finished_at=?, report=? WHERE site=?",
                (now_iso(), json.dumps(report, ensure_ascii=False), site),
            )

    def site_states(self) -> dict[str, dict]:
        """site -> {started_at, finished_at, report (the last finished crawl's figures or None)}."""
        rows = self.db.execute("SELECT * FROM site_state")
        return {
            r["site"]: {
                "started_at": r["started_at"],
                "finished_at": r["finished_at"],
                "report": json.loads(r["report"]) if r["report"] else None,
            }
            for r in rows
        }


def _url_state(row: sqlite3.Row) -> UrlState:
    keys = row.keys()
    return UrlState(**{k: row[k] for k in UrlState.__dataclass_fields__ if k in keys})
