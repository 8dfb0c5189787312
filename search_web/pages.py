"""The HTML pages: home, search, comparison, document, raw snapshot, support finder, new notices."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from flask import Blueprint, abort, current_app, g, render_template, request, url_for

from reasoning.view import document_view

from .anchors import breadcrumb, split_lead
from .compare import GROUPINGS, CompareRow, compare
from .context import all_hits, data_dir, run_search, store
from .labels import (
    CHANGE_ACTIONS,
    DOC_FIELDS,
    FACETS,
    RELATION_LABELS,
    SORT_LABELS,
    STATUS_LABELS,
    STATUS_RULES,
)
from .notices import group_by_run, summarize
from .params import ParamError, SearchParams, parse_search
from .snapshot import diff_lines, safe_html, visible_lines
from .support import SupportQuery, find_support

bp = Blueprint("pages", __name__)

DOC_ID = re.compile(r"[0-9A-Za-z_\-]{1,64}")
MAX_DIFFED_VERSIONS = 6  # diffs of the latest versions only: each needs two bodies decompressed
SNAPSHOT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; "
    "base-uri 'none'; form-action 'none'; sandbox allow-popups allow-popups-to-escape-sandbox"
)


def params_from_request() -> SearchParams:
    cfg = current_app.config
    return parse_search(
        request.args, max_query_chars=cfg["MAX_QUERY_CHARS"], max_per_page=cfg["MAX_PER_PAGE"]
    )


def search_url(params: SearchParams, endpoint: str = "pages.search_page", **changes) -> str:
    """A link to the same search with some values changed (a facet, a page, a sort).

    A results page holds dozens of these links; building the query string
    directly is several times quicker than a ``url_for`` per link.
    """
    args = (params.with_(**changes) if changes else params).args()
    return _endpoint_path(endpoint) + ("?" + urlencode(args) if args else "")


def _endpoint_path(endpoint: str) -> str:
    paths = g.setdefault("endpoint_paths", {})
    if endpoint not in paths:
        paths[endpoint] = url_for(endpoint)
    return paths[endpoint]


@bp.app_context_processor
def _helpers():
    return {
        "search_url": search_url,
        "split_lead": split_lead,
        "SORT_LABELS": SORT_LABELS,
        "FACETS": FACETS,
        "STATUS_LABELS": STATUS_LABELS,
        "STATUS_RULES": STATUS_RULES,
    }


@bp.get("/")
def home():
    s = store()
    runs = s.runs(1)
    return render_template(
        "index.html",
        documents=s.count_documents(),
        clauses=s.count_clauses(),
        recent=s.recent_documents(6),
        last_run=summarize(runs[0]) if runs else None,
    )


@bp.get("/search")
def search_page():
    params = params_from_request()
    if not params.q:
        return render_template("search.html", params=params, results=None, crumbs={}, facets=[])
    results = run_search(params)
    headed = store().clause_headings([h.doc_id for h in results.hits])
    crumbs = {h.clause_id: breadcrumb(h.doc_id, h.clause_id, h.path, h.heading, headed) for h in results.hits}
    help_ = _zero_help(params) if results.total == 0 else None
    return render_template(
        "search.html",
        params=params,
        results=results,
        crumbs=crumbs,
        facets=_facet_lists(params, results.facets),
        pages=_page_numbers(params.page, results.total, params.per_page),
        help=help_,
    )


COMPARE_LIMIT = 1000  # clauses grouped per comparison: more and the question is too broad to compare


@dataclass
class Comparison:
    by: str
    total: int  # every matching clause, also beyond COMPARE_LIMIT
    rows: list[CompareRow]
    notes: list[str]

    @property
    def truncated(self) -> bool:
        return self.total > COMPARE_LIMIT

    @property
    def clauses(self) -> int:
        """Clauses shown in the groups (copies of one document on two sites count once)."""
        return sum(r.clauses for r in self.rows)


def compare_from_request() -> tuple[SearchParams, Comparison | None]:
    """The search of the request, grouped by ``by`` (region, year or issuer); None without a query."""
    params = params_from_request()
    by = request.args.get("by") or "region"
    if by not in GROUPINGS:
        raise ParamError(f"无法按“{by}”对比，可选：" + "、".join(f"{k}（{v}）" for k, v in GROUPINGS.items()))
    if not params.q:
        return params, None
    params = params.with_(collapse=False, sort="relevance")
    first = run_search(params.with_(per_page=1))
    rows = compare(all_hits(params, COMPARE_LIMIT), by) if first.total else []
    return params, Comparison(by=by, total=first.total, rows=rows, notes=list(first.notes))


@bp.get("/compare")
def compare_page():
    params, comparison = compare_from_request()
    return render_template(
        "compare.html",
        params=params,
        comparison=comparison,
        by=request.args.get("by") or "region",
        groupings=GROUPINGS,
        crumbs={},
    )


def _facet_lists(params: SearchParams, facets: dict) -> list[dict]:
    """Each facet as label + values with counts and the link that applies (or removes) it."""
    out = []
    for name, (label, arg) in FACETS.items():
        values = facets.get(name) or []
        if not values:
            continue
        items = []
        for value, count in values:
            value = str(value)
            if arg == "year":
                active = params.year_from == params.year_to == int(value) if value.isdigit() else False
                change = (
                    {"year_from": None, "year_to": None}
                    if active
                    else {"year_from": int(value), "year_to": int(value)}
                )
            elif arg == "status":
                active = params.status == value
                change = {"status": None if active else value}
                value = STATUS_LABELS.get(value, value)
            elif arg == "drafts":
                mode = "only" if value.lower() in ("true", "1") else "exclude"
                active = params.drafts == mode
                change = {"drafts": "include" if active else mode}
                value = "征求意见稿" if mode == "only" else "正式文件"
            else:
                field = "doc_type" if arg == "type" else arg
                active = getattr(params, field) == value
                change = {field: None if active else value}
            items.append(
                {"value": value, "count": count, "active": active, "url": search_url(params, **change)}
            )
        out.append({"name": name, "label": label, "items": items})
    return out


def _page_numbers(page: int, total: int, per_page: int) -> list[int | None]:
    """1 … 4 5 [6] 7 8 … 20: None marks a gap."""
    last = max(1, -(-total // per_page))
    last = min(last, 200)
    shown = sorted({1, last, *range(max(1, page - 2), min(last, page + 2) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and out[-1] is not None and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out


def _zero_help(params: SearchParams) -> dict:
    """What to try when nothing matched: the same words without filters, or fewer words."""
    unfiltered = None
    if params.active_filters:
        bare = SearchParams(q=params.q, per_page=1)
        unfiltered = {"total": run_search(bare).total, "url": url_for("pages.search_page", **bare.args())}
    words = params.q.split()
    singles = []
    if len(words) > 1:
        for w in words[:5]:
            p = params.with_(q=w)
            singles.append({"word": w, "url": url_for("pages.search_page", **p.args())})
    return {"unfiltered": unfiltered, "singles": singles}


@bp.get("/doc/<doc_id>")
def document(doc_id: str):
    s = store()
    doc = s.document(doc_id) if DOC_ID.fullmatch(doc_id) else None
    if doc is None:
        abort(404)
    meta = s.document_meta(doc_id) or {}
    page_url = s.page_url(meta["page_id"]) if meta.get("page_id") else None
    versions = s.page_version_list(page_url) if page_url else []
    diffs = {}
    if len(versions) > 1:
        bodies = {
            p.version: visible_lines(p.body, p.content_type)
            for p in s.page_versions(page_url)
            if p.version > versions[-1]["version"] - MAX_DIFFED_VERSIONS
        }
        for old, new in zip(versions, versions[1:], strict=False):
            if old["version"] in bodies and new["version"] in bodies:
                diffs[new["version"]] = diff_lines(bodies[old["version"]], bodies[new["version"]])
    toc = [c for c in doc.clauses if c.level == 1 and (c.heading or c.number)]
    view = document_view(s, doc_id) or {}
    relations = [
        (label, view.get("relations", {}).get(kind) or [])
        for kind, label in RELATION_LABELS.items()
        if view.get("relations", {}).get(kind)
    ]
    return render_template(
        "doc.html",
        doc=doc,
        meta=meta,
        status=view.get("status"),
        relations=relations,
        sources=[u for u in view.get("sources", []) if u != doc.url],
        fields=[(label, getattr(doc, name, None)) for name, label in DOC_FIELDS],
        versions=list(reversed(versions)),
        diffs=diffs,
        changes=[(CHANGE_ACTIONS.get(c["action"], c["action"]), c["at"]) for c in s.document_changes(doc_id)],
        toc=toc,
        page_url=page_url,
    )


SQLITE_MAX_INT = 2**63 - 1


@bp.get("/doc/<doc_id>/snapshot/<int:version>")
def snapshot(doc_id: str, version: int):
    """The stored raw page, scripts removed, served under its own no-script CSP for a sandboxed frame."""
    s = store()
    if version > SQLITE_MAX_INT:  # SQLite cannot even compare it (OverflowError): no such version
        abort(404)
    meta = s.document_meta(doc_id) if DOC_ID.fullmatch(doc_id) else None
    page_url = s.page_url(meta["page_id"]) if meta and meta.get("page_id") else None
    page = s.page_version(page_url, version) if page_url else None
    if page is None:
        abort(404)
    base = page.url if page.url.startswith(("http://", "https://")) else None
    body = safe_html(page.body, page.content_type, base)
    return (
        body,
        200,
        {
            "Content-Type": "text/html; charset=utf-8",
            "Content-Security-Policy": SNAPSHOT_CSP,
            "Cache-Control": "private, max-age=300",
        },
    )


def support_query_from_request() -> SupportQuery:
    params = params_from_request()
    return SupportQuery(
        keywords=params.q,
        region=params.region,
        department=params.department,
        min_yuan=params.min_yuan,
        page=params.page,
        per_page=params.per_page if "per_page" in request.args else 20,
        # only policies that still apply unless asked (validity=all, or in_force/strict as on search)
        validity=params.validity if params.validity != "all" or "validity" in request.args else "in_force",
    )


@bp.get("/support")
def support_page():
    query = support_query_from_request()
    asked = any(request.args.get(k) for k in ("q", "region", "department", "min_wan", "min_yuan"))
    results = find_support(data_dir(), store(), query) if asked else None
    pages = _page_numbers(query.page, results.total, query.per_page) if results else []
    return render_template(
        "support.html",
        query=query,
        results=results,
        pages=pages,
        choices=store().facet_values(),
        args={k: v for k, v in request.args.items() if k != "page"},
    )


@bp.get("/new")
def new_page():
    s = store()
    runs = s.runs(20)
    return render_template(
        "new.html",
        groups=group_by_run(runs, s.recent_documents(100)),
        runs=[summarize(r) for r in runs[:5]],
        changed=s.recent_changes(30),
    )
