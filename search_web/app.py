"""Application factory: no globals, the data directory comes from the config.

Security lives here, once for every page: a strict Content-Security-Policy
(no inline script, nothing from other origins), no debug mode whatever the
config says, and error pages in Chinese that never show a traceback.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, jsonify, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from corpus.store import DamagedDocument, StoreError
from indexer import IndexDamaged, IndexError_, QueryError

from .anchors import clause_anchor
from .context import close_store
from .labels import AMOUNT_KINDS
from .params import ParamError, format_yuan

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; "
    "base-uri 'none'; form-action 'self'; object-src 'none'"
)
ERROR_TITLES = {
    400: "请求有误",
    404: "页面不存在",
    405: "不支持的请求方式",
    500: "服务器出错",
    503: "暂时无法检索",
}

_MARK = re.compile(r"(</?mark\b[^>]*>)", re.I)


def create_app(data_dir: str | Path = "./data", **config) -> Flask:
    app = Flask(__name__)
    app.config.update(
        DATA_DIR=str(data_dir),
        JSON_AS_ASCII=False,
        MAX_QUERY_CHARS=200,  # longer is a paste accident or an attack, never a policy question
        MAX_PER_PAGE=100,
        EXPORT_LIMIT=5000,  # rows in one CSV/JSON export of a search
        FEED_ENTRIES=50,
        MAX_CONTENT_LENGTH=64 * 1024,
        SITE_TITLES={},  # site config name -> its title (`policy serve` fills it from crawler/sites)
    )
    app.config.update(config)
    app.debug = False  # never Werkzeug's debugger: it runs code sent by the browser
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    from .api import bp as api_bp
    from .feeds import bp as feeds_bp
    from .match import bp as match_bp
    from .pages import bp as pages_bp

    app.register_blueprint(pages_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(feeds_bp)
    app.register_blueprint(match_bp)
    app.teardown_appcontext(close_store)
    app.after_request(_security_headers)
    _register_errors(app)
    app.jinja_env.filters.update(
        snippet=snippet_markup,
        yuan=format_yuan,
        http_url=http_url,
        anchor=clause_anchor,
        region_name=region_name,
        amount_kind=lambda k: AMOUNT_KINDS.get(k or "", k or ""),
        when=beijing_time,
        command=lambda c: command_label(c, app.config["SITE_TITLES"]),
    )
    return app


def _security_headers(response):
    # A route may set its own, stricter policy (the raw snapshot does).
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    return response


def _wants_json() -> bool:
    return request.path.startswith(("/api/", "/export/"))


def _error(status: int, message: str):
    if _wants_json():
        return jsonify({"error": message, "status": status}), status
    title = ERROR_TITLES.get(status, "出错了")
    return render_template("error.html", status=status, title=title, message=message), status


def _register_errors(app: Flask) -> None:
    @app.errorhandler(ParamError)
    def bad_param(e):
        return _error(400, str(e))

    @app.errorhandler(QueryError)
    def bad_query(e):
        return _error(400, str(e))

    @app.errorhandler(IndexError_)
    def no_index(e):
        return _error(503, f"检索索引不可用：{e}。请先运行 policy index。")

    @app.errorhandler(IndexDamaged)
    def damaged_index(e):
        app.logger.error("%s", e)
        return _error(
            503,
            "检索索引已损坏，暂时无法检索。请运行 policy index --rebuild 从数据库重建索引，已收录的文件不受影响。",
        )

    @app.errorhandler(DamagedDocument)
    def damaged_document(e):
        app.logger.error("%s", e)
        return _error(
            500,
            "这份文件在数据库中的记录已损坏，暂时无法显示。请管理员运行 policy reclean 从保存的原始网页重新提取，其他文件不受影响。",
        )

    @app.errorhandler(StoreError)
    def no_store(e):
        return _error(503, f"数据库不可用：{e}")

    @app.errorhandler(HTTPException)
    def http_error(e):
        messages = {
            404: "找不到这个页面或文件，它可能已被删除，或链接有误。",
            405: "该地址不支持此请求方式。",
            400: "请求参数有误。",
        }
        return _error(e.code or 500, messages.get(e.code, e.description or "请求无法完成。"))

    @app.errorhandler(Exception)
    def crash(e):
        app.logger.exception("unhandled error on %s", request.path)
        return _error(500, "服务器内部错误，请稍后再试。")


def snippet_markup(snippet: str | None) -> Markup:
    """The indexer's snippet is escaped text with <mark> tags; keep exactly that and nothing else.

    Text between the tags is unescaped then escaped again, so a snippet that
    somehow carried a raw ``<`` still renders it as text; the tags themselves
    are rewritten to a bare ``<mark>``, dropping any attribute.
    """
    out = []
    for part in _MARK.split(snippet or ""):
        if _MARK.fullmatch(part):
            out.append("</mark>" if part.startswith("</") else "<mark>")
        else:
            out.append(html.escape(html.unescape(part), quote=False))
    return Markup("".join(out))


def http_url(url: str | None) -> str | None:
    """The URL when it is http(s); None for javascript:, data:, file: and anything else."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


def region_name(region: dict | None) -> str:
    if not region:
        return ""
    parts = [region.get(k) for k in ("province", "city", "county")]
    return " ".join(p for p in parts if p)


_BEIJING = timezone(timedelta(hours=8), "北京时间")  # China keeps one zone and no summer time


def beijing_time(stamp: str | None) -> str:
    """The store's UTC stamps (2026-11-27T05:47:57Z) as readers in China read them: 2026-11-27 13:47."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(_BEIJING).strftime("%Y-%m-%d %H:%M")


def command_label(command: str | None, site_titles: dict[str, str] | None = None) -> str:
    """crawl linyi-kjj -> 抓取 临沂市科学技术局; a site without a known title keeps its config name."""
    verb, _, rest = (command or "").partition(" ")
    titles = site_titles or {}
    sites = "、".join(titles.get(name, name) for name in rest.split())
    return {"crawl": "抓取", "update": "更新", "ingest": "导入", "index": "索引"}.get(verb, verb) + (
        f" {sites}" if sites else ""
    )
