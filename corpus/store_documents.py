"""The store's documents and their clauses: the cleaner's output, one row each plus its clause rows.

``document_rows`` turns a ``Document`` into those rows without I/O (a crawl
does it in its clean workers); saving one logs a change for the indexer and
keeps its facts for the reasoning (``doc_facts``, see corpus/store_standing.py).
A mixin of ``Store`` (corpus/store.py); it uses ``self.db`` and ``self.transaction()``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .facts import facts_of
from .model import Document
from .store_base import DamagedDocument, now_iso
from .store_pages import content_hash


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
    grants: tuple[tuple, ...] = ()  # grants table rows (clause.support), in order

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
            json.dumps([a.to_dict() for a in c.amounts], ensure_ascii=False),
            # money given: a threshold to reach or a goal never makes a clause look like a big grant
            max((a.yuan for a in c.amounts if a.yuan is not None and a.is_grant), default=None),
        )
        for i, c in enumerate(doc.clauses)
    )
    terms = doc.support_terms
    grants = tuple(
        (
            c.id,
            doc.id,
            k,
            g.benefit,
            g.amount.kind if g.amount else None,
            g.amount.yuan if g.amount else None,
            g.amount.rate if g.amount else None,
            g.amount.level if g.amount else None,
            g.beneficiary or (terms.beneficiary if terms else None),
            g.department or (terms.department if terms else None),
            g.deadline or (terms.deadline if terms else None),
            json.dumps(g.to_dict(), ensure_ascii=False),
        )
        for c in doc.clauses
        if c.support
        for k, g in enumerate(c.support.grants)
    )
    return DocumentRows(
        columns, blob, content_hash(blob.encode("utf-8")), clauses, facts_of(doc).to_json(), grants
    )


class DocumentsTable:
    """Documents and clauses (the ``documents`` and ``clauses`` tables)."""

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
            self.db.execute("DELETE FROM grants WHERE doc_id=?", (rows.doc_id,))
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
            self.db.executemany(
                "INSERT INTO grants (clause_id, doc_id, ord, benefit, kind, yuan, rate, level, beneficiary,"
                " department, deadline, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                rows.grants,
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

    def has_document_for(self, url: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE url=? LIMIT 1", (url,)).fetchone() is not None

    def recent_documents(self, limit: int = 50) -> list[dict]:
        """Documents by the time they first arrived, newest first (the new-notices list)."""
        rows = self.db.execute(
            "SELECT id, url, title, issuer, doc_number, published, doc_type, draft, province, city,"
            " first_seen, (SELECT COUNT(*) FROM relations r WHERE r.src = documents.id AND r.kind = 'repeals')"
            " AS repeals FROM documents ORDER BY first_seen DESC, published DESC LIMIT ?",
            (limit,),
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

    def grant_departments(self, clause_ids: list[str]) -> dict[str, list[str]]:
        """Who accepts or pays each clause's grants (the clause's own, else its notice's 受理部门):
        the finder shows them where a clause names no responsible department."""
        out: dict[str, list[str]] = {}
        for i in range(0, len(clause_ids), 500):
            part = clause_ids[i : i + 500]
            rows = self.db.execute(
                "SELECT clause_id, department FROM grants WHERE department IS NOT NULL AND department != ''"
                f" AND clause_id IN ({','.join('?' * len(part))}) ORDER BY clause_id, ord",
                part,
            )
            for r in rows:
                names = out.setdefault(r["clause_id"], [])
                if r["department"] not in names:
                    names.append(r["department"])
        return out

    def grant_documents(self) -> list[dict]:
        """Documents with at least one grant (the matcher's candidates): id, first_seen and how many grants."""
        rows = self.db.execute(
            "SELECT g.doc_id AS id, d.first_seen, COUNT(*) AS grants FROM grants g"
            " JOIN documents d ON d.id = g.doc_id GROUP BY g.doc_id ORDER BY d.first_seen DESC"
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


def _load_document(doc_id: str, data: str | None) -> Document:
    try:
        doc = Document.from_dict(json.loads(data))
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        detail = " ".join(f"{type(e).__name__}: {e}".split())
        raise DamagedDocument(doc_id, detail[:120]) from e
    if doc.id != doc_id:  # readable JSON, but not this document's (a truncated or pasted-over row)
        raise DamagedDocument(doc_id, f"the row holds document {doc.id[:16]!r}")
    return doc
