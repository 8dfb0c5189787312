"""Pages and the JSON API; both call the same ``indexer.search``."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request

from indexer import Filters, IndexError_, QueryError, search

bp = Blueprint("pages", __name__)


def _filters() -> Filters:
    args = request.args
    return Filters(
        region=args.get("region") or None,
        issuer=args.get("issuer") or None,
        department=args.get("department") or None,
        doc_type=args.get("type") or None,
        drafts=args.get("drafts") if args.get("drafts") in ("include", "exclude", "only") else "include",
    )


def _run():
    q = request.args.get("q", "").strip()
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() else 1
    if not q:
        return q, None, None
    try:
        return q, search(current_app.config["DATA_DIR"], q, _filters(), page=page, per_page=10), None
    except (QueryError, IndexError_) as e:
        return q, None, str(e)


@bp.get("/")
def home():
    return render_template("index.html")


@bp.get("/search")
def search_page():
    q, results, error = _run()
    status = 400 if error else 200
    return render_template("search.html", q=q, results=results, error=error, args=request.args), status


@bp.get("/api/search")
def api_search():
    q, results, error = _run()
    if error:
        return jsonify({"error": error}), 400
    if results is None:
        return jsonify({"error": "missing parameter q"}), 400
    return jsonify(results.to_dict())
