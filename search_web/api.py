"""The machine faces: JSON API and CSV/JSON exports, the same parameters as the pages."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import UTC, datetime

from flask import Blueprint, Response, abort, current_app, jsonify, stream_with_context, url_for

from reasoning.view import document_view

from .anchors import clause_anchor
from .context import all_hits, data_dir, run_search, store
from .export import COLUMNS, csv_lines, document_rows, hit_row, support_row
from .labels import AMOUNT_KINDS
from .pages import DOC_ID, compare_from_request, params_from_request, support_query_from_request
from .support import find_support

bp = Blueprint("api", __name__)


def doc_link(doc_id: str, clause_id: str | None = None, *, external: bool = False) -> str:
    """The document's (or clause's) page; ``external``: absolute, on the host the request came to.

    Exports are opened elsewhere (a spreadsheet, another program): their links are absolute.
    """
    anchor = clause_anchor(clause_id) if clause_id else None
    return url_for("pages.document", doc_id=doc_id, _anchor=anchor, _external=external)


def export_link(doc_id: str, clause_id: str | None = None) -> str:
    return doc_link(doc_id, clause_id, external=True)


@bp.get("/api/search")
def api_search():
    params = params_from_request()
    if not params.q:
        return jsonify({"error": "缺少查询参数 q", "status": 400}), 400
    data = run_search(params).to_dict()
    for hit in data["hits"]:
        hit["link"] = doc_link(hit["doc_id"], hit["clause_id"])
    return jsonify(data)


@bp.get("/api/doc/<doc_id>")
def api_doc(doc_id: str):
    s = store()
    doc = s.document(doc_id) if DOC_ID.fullmatch(doc_id) else None
    if doc is None:
        abort(404)
    # the document contract plus its status today and its relations, as `policy show --json` prints it
    data = document_view(s, doc_id) or doc.to_dict()
    for entries in (data.get("relations") or {}).values():
        for entry in entries:
            entry["link"] = doc_link(entry["doc_id"]) if entry.get("doc_id") else None
    meta = s.document_meta(doc_id) or {}
    page_url = s.page_url(meta["page_id"]) if meta.get("page_id") else None
    data["link"] = doc_link(doc_id)
    data["first_seen"] = meta.get("first_seen")
    data["updated_at"] = meta.get("updated_at")
    data["site"] = meta.get("site")
    data["versions"] = [
        {k: v[k] for k in ("version", "fetched_at", "status", "size", "content_hash")}
        | {"snapshot": url_for("pages.snapshot", doc_id=doc_id, version=v["version"])}
        for v in (s.page_version_list(page_url) if page_url else [])
    ]
    data["changes"] = s.document_changes(doc_id)
    for clause in data["clauses"]:
        clause["link"] = doc_link(doc_id, clause["id"])
    return jsonify(data)


@bp.get("/api/compare")
def api_compare():
    params, comparison = compare_from_request()
    if comparison is None:
        return jsonify({"error": "缺少查询参数 q", "status": 400}), 400
    groups = []
    for row in comparison.rows:
        group = row.to_dict()
        group["hits"] = [asdict(h) | {"link": doc_link(h.doc_id, h.clause_id)} for h in row.hits]
        groups.append(group)
    return jsonify(
        {
            "query": params.q,
            "by": comparison.by,
            "total": comparison.total,
            "clauses": comparison.clauses,
            "truncated": comparison.truncated,
            "notes": comparison.notes,
            "groups": groups,
        }
    )


@bp.get("/api/support")
def api_support():
    return jsonify(find_support(data_dir(), store(), support_query_from_request()).to_dict())


@bp.get("/api/new")
def api_new():
    s = store()
    return jsonify(
        {"runs": s.runs(20), "documents": s.recent_documents(100), "changed": s.recent_changes(50)}
    )


# -- exports ----------------------------------------------------------------


def _filename(stem: str, ext: str) -> str:
    return f"{stem}-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.{ext}"


def _csv_response(rows, columns, stem: str) -> Response:
    return Response(
        stream_with_context(csv_lines(rows, columns)),
        mimetype="text/csv",
        headers={
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": f'attachment; filename="{_filename(stem, "csv")}"',
        },
    )


def _json_response(data, stem: str) -> Response:
    body = json.dumps(data, ensure_ascii=False, indent=1)
    return Response(
        body,
        mimetype="application/json",
        headers={"Content-Disposition": f'attachment; filename="{_filename(stem, "json")}"'},
    )


def _export_params():
    params = params_from_request()
    if not params.q:
        abort(400)
    return params


@bp.get("/export/search.csv")
def export_search_csv():
    params = _export_params()
    limit = current_app.config["EXPORT_LIMIT"]
    run_search(params.with_(per_page=1))  # a bad query fails here, before the download starts
    rows = (hit_row(h) | {"link": export_link(h.doc_id, h.clause_id)} for h in all_hits(params, limit))
    return _csv_response(rows, COLUMNS, "search")


@bp.get("/export/search.json")
def export_search_json():
    params = _export_params()
    first = run_search(params.with_(per_page=1))
    hits = []
    for h in all_hits(params, current_app.config["EXPORT_LIMIT"]):
        d = hit_row(h)
        d.update(path=list(h.path), departments=list(h.departments), amounts=h.amounts)
        d["link"] = export_link(h.doc_id, h.clause_id)
        hits.append(d)
    return _json_response(
        {"query": params.args(), "total": first.total, "exported": len(hits), "hits": hits}, "search"
    )


@bp.get("/export/support.csv")
def export_support_csv():
    query = support_query_from_request()
    results = find_support(data_dir(), store(), _all_rows(query))
    rows = (support_row(r) | {"link": export_link(r.doc_id, r.clause_id)} for r in results.rows)
    return _csv_response(
        rows, (*COLUMNS, "amount", "amount_text", "amount_kind", "amount_kind_zh"), "support"
    )


@bp.get("/export/support.json")
def export_support_json():
    results = find_support(data_dir(), store(), _all_rows(support_query_from_request()))
    data = results.to_dict()
    for row, found in zip(data["rows"], results.rows, strict=True):
        row["link"] = export_link(found.doc_id, found.clause_id)
        row["amount_kind_zh"] = AMOUNT_KINDS.get(found.top.kind, found.top.kind)
    return _json_response(data, "support")


def _all_rows(query):
    return replace(query, page=1, per_page=current_app.config["EXPORT_LIMIT"])


@bp.get("/export/doc/<doc_id>.csv")
def export_doc_csv(doc_id: str):
    doc = store().document(doc_id) if DOC_ID.fullmatch(doc_id) else None
    if doc is None:
        abort(404)
    rows = document_rows(doc, document_view(store(), doc_id, doc=doc), export_link)
    return _csv_response(list(rows), COLUMNS, f"doc-{doc_id}")
