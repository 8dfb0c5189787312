"""The SQLite store: raw pages with versions, crawl state, documents and clauses.

One file, WAL mode so that the web server reads while a nightly run writes.
Every write is one transaction: a crash or a failed fetch leaves what was
stored before untouched.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .facts import facts_of
from .migrations import STEPS
from .model import Document
from .store_base import DamagedDocument, StoreError, now_iso
from .store_standing import StandingTables

STORE_FILE = "policy.sqlite3"


def _load_document(doc_id: str, data: str | None) -> Document:
    try:
        doc = Document.from_dict(json.loads(data))
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        detail = " ".join(f"{type(e).__name__}: {e}".split())
        raise DamagedDocument(doc_id, detail[:120]) from e
    if doc.id != doc_id:  # readable JSON, but not this document's (a truncated or pasted-over row)
        raise DamagedDocument(doc_id, f"the row holds document {doc.id[:16]!r}")
    return doc


@dataclass(frozen=True)
class SavedPage:
    page_id: int
    version: int
    changed: bool  # False when the body equals the latest stored version
    new: bool  # True when the URL had no stored page before


@dataclass(frozen=True)
class DocumentRows:
    """A document as the rows the store writes for it: its columns, JSON, clause rows and facts.

    Pure data built by ``document_rows``, so a crawl builds it in the worker process
    that cleaned the page and the process that owns the store only runs the SQL.
    """

    columns: tuple  # id, url, source, title, issuer, doc_number, index_no, published, signed,
    #                 doc_type, draft, province, city, county: the documents table's own columns
    blob: str  # the document's JSON (documents.data)
    digest: str  # content_hash of the JSON
    clauses: tuple[tuple, ...]  # clauses table rows, in order
    facts: str  # doc_facts JSON (corpus/facts.py)

    @property
    def doc_id(self) -> str:
        return self.columns[0]

    def summary(self) -> dict:
        """What a crawl's report lists of a new document."""
        c = self.columns
        return {"url": c[1], "title": c[3], "issuer": c[4], "published": c[7]}


def document_rows(doc: Document) -> DocumentRows:
    """The rows ``Store.save_document_rows`` writes for a document (no I/O)."""
    blob = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True)
    columns = (
        doc.id,
        doc.url,
        doc.source,
        doc.title,
        doc.issuer,
        doc.doc_number,
        doc.index_no,
        doc.published,
        doc.signed,
        doc.doc_type,
        int(doc.draft),
        doc.region.province,
        doc.region.city,
        doc.region.county,
    )
    clauses = tuple(
        (
            c.id,
            doc.id,
            i,
            c.number,
            json.dumps(c.path, ensure_ascii=False),
            c.level,
            c.heading,
            c.text,
            json.dumps(c.departments, ensure_ascii=False),
            json.dumps([a.__dict__ for a in c.amounts], ensure_ascii=False),
            max((a.yuan for a in c.amounts if a.yuan is not None), default=None),
        )
        for i, c in enumerate(doc.clauses)
    )
    return DocumentRows(columns, blob, content_hash(blob.encode("utf-8")), clauses, facts_of(doc).to_json())


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
    last_status: str | None = None  # ok | not_modified | failed | blocked
    last_error: str | None = None
    failures: int = 0
    list_sig: str | None = None  # the list entry (title, date) it was last seen under
    final_url: str | None = None  # where it redirected, when it did


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def compress_body(body: bytes) -> bytes:
    """A raw page as the pages table keeps it."""
    return zlib.compress(body, 6)


class Store(StandingTables):
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open store {self.path}: {e}") from e

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

    # -- raw pages ----------------------------------------------------------

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

    # -- documents ----------------------------------------------------------

    def save_document(self, doc: Document, *, page_id: int | None = None, site: str | None = None) -> str:
        """Insert or replace a document and its clauses; returns new, changed or unchanged."""
        return self.save_document_rows(document_rows(doc), page_id=page_id, site=site)

    def save_document_rows(
        self, rows: DocumentRows, *, page_id: int | None = None, site: str | None = None
    ) -> str:
        """``save_document`` for a document already turned into rows (by a crawl's clean worker)."""
        stamp = now_iso()
        with self.transaction():
            row = self.db.execute(
                "SELECT content_hash, first_seen, site, data FROM documents WHERE id=?", (rows.doc_id,)
            ).fetchone()
            if (
                row and row["content_hash"] == rows.digest and row["data"] == rows.blob
            ):  # a damaged row is rewritten
                if page_id is not None:
                    self.db.execute("UPDATE documents SET page_id=? WHERE id=?", (page_id, rows.doc_id))
                return "unchanged"
            action = "changed" if row else "new"
            self.db.execute("DELETE FROM clauses WHERE doc_id=?", (rows.doc_id,))
            self.db.execute(
                "INSERT OR REPLACE INTO documents (id, url, source, title, issuer, doc_number, index_no,"
                " published, signed, doc_type, draft, province, city, county, site, page_id, content_hash,"
                " first_seen, updated_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    *rows.columns,
                    site or (row["site"] if row else None),
                    page_id,
                    rows.digest,
                    row["first_seen"] if row else stamp,
                    stamp,
                    rows.blob,
                ),
            )
            self.db.executemany(
                "INSERT INTO clauses (id, doc_id, ord, number, path, level, heading, text, departments,"
                " amounts, max_yuan) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows.clauses,
            )
            self.db.execute(
                "INSERT INTO changes (doc_id, action, at) VALUES (?,?,?)", (rows.doc_id, action, stamp)
            )
            # the facts reasoning.relink() links by, kept with the document (corpus/store_standing.py)
            self.db.execute(
                "INSERT OR REPLACE INTO doc_facts (doc_id, data) VALUES (?, ?)", (rows.doc_id, rows.facts)
            )
            return action

    def delete_document(self, doc_id: str) -> bool:
        with self.transaction():
            cur = self.db.execute("DELETE FROM documents WHERE id=?", (doc_id,))
            if cur.rowcount:
                self.db.execute(
                    "INSERT INTO changes (doc_id, action, at) VALUES (?,?,?)", (doc_id, "deleted", now_iso())
                )
            return bool(cur.rowcount)

    def document(self, doc_id: str) -> Document | None:
        """The stored document, None when there is none; DamagedDocument when its row cannot be read."""
        row = self.db.execute("SELECT data FROM documents WHERE id=?", (doc_id,)).fetchone()
        return _load_document(doc_id, row["data"]) if row else None

    def documents(self, on_damaged: Callable[[DamagedDocument], None] | None = None) -> Iterator[Document]:
        """Every stored document, oldest first.

        A row that no longer reads as a document goes to ``on_damaged`` and
        the rest follow, so one bad row does not stop an export or a rebuild;
        without ``on_damaged`` it raises DamagedDocument.
        """
        for row in self.db.execute("SELECT id, data FROM documents ORDER BY first_seen, id"):
            try:
                doc = _load_document(row["id"], row["data"])
            except DamagedDocument as e:
                if on_damaged is None:
                    raise
                on_damaged(e)
                continue
            yield doc

    def documents_by_page_url(self) -> dict[str, dict]:
        """Each stored document keyed by the URL of the raw page it was cleaned from (for a re-clean)."""
        rows = self.db.execute(
            "SELECT d.id, d.source, d.url, d.site, p.url AS page_url FROM documents d"
            " JOIN pages p ON p.id = d.page_id"
        )
        return {r["page_url"]: dict(r) for r in rows}

    def document_meta(self, doc_id: str) -> dict | None:
        row = self.db.execute(
            "SELECT id, url, source, site, page_id, first_seen, updated_at FROM documents WHERE id=?",
            (doc_id,),
        ).fetchone()
        return dict(row) if row else None

    def count_documents(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def count_clauses(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM clauses").fetchone()[0]

    # -- change log (what the indexer catches up with) ------------------------

    def last_change(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]

    def changes_since(self, seq: int) -> list[tuple[int, str, str]]:
        rows = self.db.execute("SELECT seq, doc_id, action FROM changes WHERE seq > ? ORDER BY seq", (seq,))
        return [(r["seq"], r["doc_id"], r["action"]) for r in rows]

    def recent_documents(self, limit: int = 50) -> list[dict]:
        """Documents by the time they first arrived, newest first (the new-notices list)."""
        rows = self.db.execute(
            "SELECT id, url, title, issuer, doc_number, published, doc_type, draft, province, city,"
            " first_seen, (SELECT COUNT(*) FROM relations r WHERE r.src = documents.id AND r.kind = 'repeals')"
            " AS repeals FROM documents ORDER BY first_seen DESC, published DESC LIMIT ?",
            (limit,),
        )
        return [dict(r) for r in rows]

    # -- reads for the web pages (cheap: no page bodies, no document JSON) -------

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

    def document_changes(self, doc_id: str) -> list[dict]:
        """The change log of one document, oldest first: action (new, changed, deleted) and time."""
        rows = self.db.execute(
            # 'relinked' (status or links moved, reasoning/relinking.py) is for the indexer, not a content change
            "SELECT seq, action, at FROM changes WHERE doc_id=? AND action != 'relinked' ORDER BY seq",
            (doc_id,),
        )
        return [dict(r) for r in rows]

    def clause_headings(self, doc_ids: list[str]) -> dict[tuple[str, tuple[str, ...]], tuple[str, str]]:
        """(doc id, clause path) -> (clause id, heading) for the headed clauses of some documents.

        A hit carries only its own heading; its breadcrumb (四、重点任务 › （三） › 2.)
        needs its ancestors' headings, found here in one query per page of hits.
        """
        ids = list(dict.fromkeys(doc_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT id, doc_id, path, heading FROM clauses WHERE doc_id IN ({marks}) AND heading IS NOT NULL",
            ids,
        )
        return {(r["doc_id"], tuple(json.loads(r["path"]))): (r["id"], r["heading"]) for r in rows}

    def money_clauses(
        self,
        *,
        region: str | None = None,
        department: str | None = None,
        min_yuan: float | None = None,
        limit: int = 1000,
    ) -> list[dict]:
        """Clauses with a money amount, largest first, with their document's fields.

        ``department`` matches a tag as printed by substring (科技局 finds 市科技局);
        ``region`` is a province, city or county, full name.
        """
        where = ["c.max_yuan IS NOT NULL", "c.max_yuan > 0"]
        args: list = []
        if min_yuan:
            where.append("c.max_yuan >= ?")
            args.append(float(min_yuan))
        if region:
            where.append("? IN (d.province, d.city, d.county)")
            args.append(region)
        if department:
            where.append("EXISTS (SELECT 1 FROM json_each(c.departments) j WHERE instr(j.value, ?) > 0)")
            args.append(department)
        rows = self.db.execute(
            "SELECT c.id AS clause_id, c.doc_id, c.path, c.heading, c.text, c.departments, c.amounts,"
            " c.max_yuan, d.url, d.source, d.title, d.issuer, d.doc_number, d.doc_type, d.draft,"
            " d.published, d.province, d.city, d.county FROM clauses c JOIN documents d ON d.id = c.doc_id"
            f" WHERE {' AND '.join(where)} ORDER BY c.max_yuan DESC, d.published DESC LIMIT ?",
            (*args, limit),
        )
        out = []
        for r in rows:
            d = dict(r)
            for key in ("path", "departments", "amounts"):
                d[key] = json.loads(d[key])
            d["draft"] = bool(d["draft"])
            out.append(d)
        return out

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

    def facet_values(self) -> dict[str, list[str]]:
        """Distinct regions, issuers and departments, for the finder's suggestion lists."""
        regions = self.db.execute(
            "SELECT v FROM (SELECT province v FROM documents UNION SELECT city FROM documents"
            " UNION SELECT county FROM documents) WHERE v IS NOT NULL ORDER BY v"
        )
        issuers = self.db.execute(
            "SELECT DISTINCT issuer FROM documents WHERE issuer IS NOT NULL ORDER BY issuer"
        )
        depts = self.db.execute(
            "SELECT DISTINCT j.value FROM clauses c, json_each(c.departments) j ORDER BY j.value LIMIT 500"
        )
        return {
            "regions": [r[0] for r in regions],
            "issuers": [r[0] for r in issuers],
            "departments": [r[0] for r in depts],
        }

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

    # -- runs -----------------------------------------------------------------

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

    # -- crawl state (url_state, site_state) -----------------------------------

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

    def has_document_for(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE url=? LIMIT 1", (url,)).fetchone() is not None

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


def _url_state(row: sqlite3.Row) -> UrlState:
    keys = row.keys()
    return UrlState(**{k: row[k] for k in UrlState.__dataclass_fields__ if k in keys})


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
