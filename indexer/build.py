"""Build and update the index from the store, never from HTML.

The store's change log says which documents are new, changed or deleted
since the index last caught up; a changed document's clauses are replaced
as a whole, so no stale clause survives an edit.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index

from corpus.model import Document
from corpus.store import Store

from .schema import SCHEMA_VERSION, make_schema

INDEX_DIR = "index"
STATE_FILE = "policy_state.json"


class IndexError_(Exception):
    """The index is missing or was built by another schema version."""


@dataclass(frozen=True)
class IndexReport:
    documents: int  # documents (re)indexed
    removed: int
    clauses: int
    rebuilt: bool


def index_dir(data_dir: str | Path) -> Path:
    return Path(data_dir) / INDEX_DIR


def clause_entries(doc: Document) -> Iterator[dict]:
    """The index entries of one document: one per clause with any text."""
    region = doc.region
    context = " ".join(
        x
        for x in (
            doc.issuer,
            doc.doc_number,
            region.province,
            region.city,
            region.county,
            doc.doc_type,
            "征求意见稿 草案" if doc.draft else None,
        )
        if x
    )
    year = int(doc.published[:4]) if doc.published else (int(doc.signed[:4]) if doc.signed else None)
    for i, c in enumerate(doc.clauses):
        if not c.text.strip():
            continue
        depts = sorted(
            {d.name for d in c.department_tags} | {d.canonical for d in c.department_tags if d.canonical}
        )
        max_yuan = max((a.yuan for a in c.amounts if a.yuan is not None), default=None)
        payload = {
            "doc_id": doc.id,
            "clause_id": c.id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "issuer": doc.issuer,
            "doc_number": doc.doc_number,
            "doc_type": doc.doc_type,
            "draft": doc.draft,
            "published": doc.published,
            "region": {"province": region.province, "city": region.city, "county": region.county},
            "path": c.path,
            "heading": c.heading,
            "text": c.text,
            "departments": c.departments,
            "department_tags": [d.__dict__ for d in c.department_tags],
            "amounts": [a.__dict__ for a in c.amounts],
        }
        entry = {
            "clause_id": c.id,
            "doc_id": doc.id,
            "title": doc.title or "",
            "heading": c.heading or "",
            "text": c.text,
            "context": context + " " + " ".join(depts),
            "issuer": doc.issuer or "",
            "province": region.province or "",
            "city": region.city or "",
            "county": region.county or "",
            "doc_type": doc.doc_type or "",
            "department": ",".join(depts),
            "draft": bool(doc.draft),
            "published": doc.published or "",
            "ord": i,
            "payload": payload,
        }
        if year:
            entry["year"] = year
        if max_yuan is not None:
            entry["max_yuan"] = float(max_yuan)
        yield entry


def _read_state(path: Path) -> dict:
    try:
        return json.loads((path / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}


def _write_state(path: Path, state: dict) -> None:
    tmp = path / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state))
    tmp.replace(path / STATE_FILE)


def open_index(data_dir: str | Path):
    path = index_dir(data_dir)
    if not whoosh_index.exists_in(path):
        raise IndexError_(f"no index in {path}: run `policy index` first")
    if _read_state(path).get("schema") != SCHEMA_VERSION:
        raise IndexError_(f"the index in {path} is from another version: run `policy index --rebuild`")
    return whoosh_index.open_dir(path)


def update_index(
    store: Store,
    data_dir: str | Path,
    *,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> IndexReport:
    """Bring the index up to the store's last change (or rebuild it from scratch)."""
    path = index_dir(data_dir)
    state = _read_state(path)
    if rebuild or not whoosh_index.exists_in(path) or state.get("schema") != SCHEMA_VERSION:
        return _rebuild(store, path, progress)
    ix = whoosh_index.open_dir(path)
    seq = int(state.get("seq", 0))
    changes = store.changes_since(seq)
    if not changes:
        return IndexReport(0, 0, 0, rebuilt=False)
    latest: dict[str, str] = {}
    for _, doc_id, action in changes:
        latest[doc_id] = action
    documents = removed = clauses = 0
    writer = ix.writer(timeout=60)
    try:
        for n, (doc_id, action) in enumerate(latest.items(), 1):
            writer.delete_by_term("doc_id", doc_id)
            doc = store.document(doc_id) if action != "deleted" else None
            if doc is None:
                removed += 1
            else:
                documents += 1
                for entry in clause_entries(doc):
                    writer.add_document(**entry)
                    clauses += 1
            if progress:
                progress(n, len(latest))
        writer.commit()
    except BaseException:
        writer.cancel()
        raise
    _write_state(path, {"schema": SCHEMA_VERSION, "seq": changes[-1][0]})
    return IndexReport(documents, removed, clauses, rebuilt=False)


def _rebuild(store: Store, path: Path, progress: Callable[[int, int], None] | None) -> IndexReport:
    """Build into a fresh directory and swap it in, so readers never see a half-built index."""
    seq = store.last_change()
    tmp = path.with_name(path.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    ix = whoosh_index.create_in(tmp, make_schema())
    writer = ix.writer(limitmb=256, procs=1)
    total = store.count_documents()
    documents = clauses = 0
    try:
        for doc in store.documents():
            for entry in clause_entries(doc):
                writer.add_document(**entry)
                clauses += 1
            documents += 1
            if progress:
                progress(documents, total)
        writer.commit()
    except BaseException:
        writer.cancel()
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _write_state(tmp, {"schema": SCHEMA_VERSION, "seq": seq})
    old = path.with_name(path.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if path.exists():
        path.rename(old)
    tmp.rename(path)
    shutil.rmtree(old, ignore_errors=True)
    return IndexReport(documents, 0, clauses, rebuilt=True)
