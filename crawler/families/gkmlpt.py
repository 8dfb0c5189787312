"""广东's gkmlpt (政府信息公开目录): a page filled by JavaScript from a JSON API.

The page (``/gkmlpt/index#2907``, the column in the fragment) carries the
site id as ``SID: '755001'`` and no list; the list comes from
``/gkmlpt/api/all/{column}?page=N&sid={sid}``, pages from 1, whose
``articles`` carry title, URL, dates (Unix seconds), 文号 and 索引号, and
``total`` the column's size (some answers print it only as
``classify.post_count``).
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from cleaner.dates import parse_date

from ..config import SiteConfig
from ..listing import ListEntry, best_title
from ..urls import canonical_url, resolve_link
from .page import ListRead, ListResponse, NextPage
from .schema import FAMILY_PARAMS

NAME = "gkmlpt"
PARAMS = FAMILY_PARAMS[NAME]
_SID = re.compile(r"""\bSID\s*[:=]\s*["']?(\d+)""")
_API = re.compile(r"/gkmlpt/api/all/(\d+)")
_CHINA = timedelta(hours=8)
DATE_KEYS = (
    "display_publish_time",
    "publish_time",
    "first_publish_time",
    "date",
    "created_at",
    "create_time",
)


def recognise(resp: ListResponse) -> int:
    if _API.search(urlsplit(resp.url).path) or (resp.looks_like_json and '"articles"' in resp.text):
        return 95
    if "gkmlpt" in resp.url or "gkmlpt" in resp.text:
        return 80 if _SID.search(resp.text) else 40
    return 0


def column_of(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.fragment.isdigit():
        return parts.fragment
    m = _API.search(parts.path)
    return m.group(1) if m else None


def params_from(resp: ListResponse) -> dict[str, str]:
    out = {}
    column = column_of(resp.url)
    if column:
        out["column"] = column
    m = _SID.search(resp.text)
    sid = m.group(1) if m else dict(parse_qsl(urlsplit(resp.url).query)).get("sid")
    if sid:
        out["sid"] = sid
    return out


def api_url(base: str, column: str, sid: str, page: int) -> str:
    root = base.split("/gkmlpt/")[0] + "/gkmlpt/" if "/gkmlpt/" in base else urljoin(base, "/gkmlpt/")
    return canonical_url(f"{root}api/all/{column}?{urlencode({'page': page, 'sid': sid})}")


def _date(article: dict) -> str | None:
    for key in DATE_KEYS:
        value = article.get(key)
        if value in (None, "", 0):
            continue
        if isinstance(value, (int, float)) or (isinstance(value, str) and value.isdigit()):
            seconds = int(value) / (1000 if int(value) > 10**11 else 1)
            return (datetime.fromtimestamp(seconds, UTC) + _CHINA).date().isoformat()
        day = parse_date(str(value))
        if day:
            return day
    return None


def article_entries(data: dict, page_url: str) -> list[ListEntry]:
    out: dict[str, ListEntry] = {}
    for article in data.get("articles") or []:
        if not isinstance(article, dict):
            continue
        url = resolve_link(page_url, str(article.get("url") or article.get("post_url") or ""))
        if url and url not in out:
            out[url] = ListEntry(url=url, title=best_title(article.get("title"), None), date=_date(article))
    return list(out.values())


def read(resp: ListResponse, site: SiteConfig, page_no: int, first_url: str) -> ListRead:
    query = dict(parse_qsl(urlsplit(resp.url).query))
    column = column_of(resp.url) or site.param("column") or column_of(first_url)
    m = _SID.search(resp.text)
    sid = site.param("sid") or query.get("sid") or (m.group(1) if m else None)
    if not resp.looks_like_json:
        # the page itself: nothing listed, the API's first page is where the list is
        if column is None or sid is None:
            return ListRead(family=NAME)
        return ListRead(next=[NextPage(api_url(resp.url, column, sid, 1))], shell=True, family=NAME)
    try:
        data = json.loads(resp.text.lstrip("\ufeff"))
    except ValueError:
        return ListRead(family=NAME)
    if not isinstance(data, dict):
        return ListRead(family=NAME)
    entries = article_entries(data, resp.url)
    page = int(query.get("page", "1") or 1) if str(query.get("page", "1")).isdigit() else 1
    total = data.get("total")
    classify = data.get("classify")
    if not isinstance(total, int) and isinstance(classify, dict):
        # answers that print no total still say the column's size: classify.post_count
        total = classify.get("post_count")
    per = int(site.param("per_page") or 0) or len(data.get("articles") or [])
    more = bool(entries) and isinstance(total, int) and page * per < total
    if site.param("per_page") and len(data.get("articles") or []) < per:
        more = False
    if not more or column is None or sid is None:
        return ListRead(entries=entries, family=NAME)
    return ListRead(entries=entries, next=[NextPage(api_url(resp.url, column, sid, page + 1))], family=NAME)
