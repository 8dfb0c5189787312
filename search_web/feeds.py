"""Atom feeds: new documents, and any search as a feed a user can subscribe to."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request, url_for

from corpus.store import now_iso

from . import atom
from .anchors import clause_anchor
from .context import run_search, store
from .pages import params_from_request
from .params import SearchParams

bp = Blueprint("feeds", __name__)

ATOM_TYPE = "application/atom+xml; charset=utf-8"


def _abs(endpoint: str, **values) -> str:
    return url_for(endpoint, _external=True, **values)


def _summary(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


@bp.get("/feeds/new.atom")
def new_documents():
    docs = store().recent_documents(current_app.config["FEED_ENTRIES"])
    now = now_iso()
    entries = [
        atom.Entry(
            id=_abs("pages.document", doc_id=d["id"]),
            title=d["title"] or "（无标题）",
            updated=atom.rfc3339(d["first_seen"], now),
            published=atom.rfc3339(d["published"], None) if d["published"] else None,
            link=_abs("pages.document", doc_id=d["id"]),
            source_link=d["url"] if (d["url"] or "").startswith(("http://", "https://")) else None,
            summary=_summary(
                f"废止 {d['repeals']} 件文件" if d.get("repeals") else None,  # it changes what applies
                d["issuer"],
                d["doc_number"],
                d["published"],
                d["city"] or d["province"],
            ),
            categories=[
                c
                for c in (
                    d["doc_type"],
                    "征求意见稿" if d["draft"] else None,
                    "废止" if d.get("repeals") else None,
                )
                if c
            ],
        )
        for d in docs
    ]
    feed = atom.Feed(
        id=_abs("feeds.new_documents"),
        title="科技政策检索：最新收录文件",
        subtitle="各地科技政策文件，按收录时间排列",
        updated=entries[0].updated if entries else now,
        self_link=_abs("feeds.new_documents"),
        html_link=_abs("pages.new_page"),
        entries=entries,
    )
    return Response(atom.render(feed), content_type=ATOM_TYPE)


@bp.get("/feeds/search.atom")
def search_feed():
    """A saved search: its matching clauses, newest document first."""
    params = params_from_request()
    if not params.q:
        return Response("缺少查询参数 q\n", status=400, content_type="text/plain; charset=utf-8")
    params = params.with_(sort="date", per_page=current_app.config["FEED_ENTRIES"])
    results = run_search(params)
    now = now_iso()
    entries = []
    for h in results.hits:
        link = _abs("pages.document", doc_id=h.doc_id, _anchor=clause_anchor(h.clause_id))
        where = " ".join(h.path) + (f" {h.heading}" if h.heading else "")
        entries.append(
            atom.Entry(
                id=link,
                title=f"{h.title or '（无标题）'}{(' ' + where) if where.strip() else ''}",
                updated=atom.rfc3339(h.published, now),
                published=atom.rfc3339(h.published, None) if h.published else None,
                link=link,
                source_link=h.url if (h.url or "").startswith(("http://", "https://")) else None,
                summary=_summary(h.issuer, h.doc_number, h.published, h.text[:300]),
                categories=list(h.departments),
            )
        )
    page_args = SearchParams(**{**params.__dict__, "sort": "relevance", "per_page": 10}).args()
    feed = atom.Feed(
        id=request.url,
        title=f"科技政策检索：{params.q}",
        subtitle=f"共 {results.total} 条相关条款，按发布日期排列",
        updated=max((e.updated for e in entries), default=now),
        self_link=request.url,
        html_link=_abs("pages.search_page", **page_args),
        entries=entries,
    )
    return Response(atom.render(feed), content_type=ATOM_TYPE)
