"""Hanweb / 大汉 jcms: ``col/col{ID}/index.html``, entries in an embedded ``<datastore>``.

The column page often has no list in its markup: a ``<script
type="text/xml"><datastore>`` holds the first records, each a CDATA snippet
of list markup, with ``<totalrecord>``; a script asks
``/module/web/jpage/dataproxy.jsp?startrecord=46&endrecord=90&perpage=15``
by POST (col, appid, webid, path, columnid, unitid, webname,
permissiontype …) for the following ones, answered with XML of the same
records.  Real proxies answer overlapping ranges and print a ``totalpage``
that disagrees with what they return, so the records decide: paging goes
on while a range comes back full (or the total says there is more), and the
spider stops at a range that brings nothing it has not seen.

Clones of the protocol answer the same records another way: 南通's TRUECMS
(``GET /truecms/messageController/getMessage.do?callback=raw&startrecord&
endrecord&perpage&columnId``) wraps the datastore in JSONP, the XML a JSON
string with its quotes and slashes escaped.  The string is decoded first, and
a range asked by GET with the column in its query is followed by GET with
every parameter kept and only the range moved.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from ..config import ListRules, SiteConfig
from ..listing import ListEntry, read_item, read_list
from ..shape import infer_list
from ..urls import canonical_url
from . import generic
from .page import ListRead, ListResponse, NextPage
from .schema import FAMILY_PARAMS

NAME = "hanweb"
PARAMS = FAMILY_PARAMS[NAME]
FORM_KEYS = (
    "col",
    "appid",
    "webid",
    "path",
    "columnid",
    "sourceContentType",
    "unitid",
    "webname",
    "permissiontype",
)
PROXY = "/module/web/jpage/dataproxy.jsp"

_RECORD = re.compile(r"<record>\s*(?:<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</record>", re.S | re.I)
_TOTAL = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>", re.I)
_PROXY_URL = re.compile(r"""[^\s"'<>]*dataproxy\.jsp\?[^\s"'<>\]]*""", re.I)
_COLUMN_URL = re.compile(r"/col/col(\d+)/")
_SCRIPT_VALUE = r"""(?:\b|["']){key}["']?\s*[:=]\s*["']?([^"',}}\s&;)]+)"""


def recognise(resp: ListResponse) -> int:
    text = resp.text
    score = 0
    if "<datastore" in text.lower() or "<recordset" in text.lower():
        score += 60
    if "dataproxy.jsp" in text or "dataproxy.jsp" in resp.url:
        score += 30
    elif _JPAGE_PROXY.search(text) and _AJAX_PARAM.search(text):
        score += 40  # a jpage clone's settings (TRUECMS): the same protocol
    if _COLUMN_URL.search(urlsplit(resp.url).path):
        score += 20
    return score


_DATASTORE = re.compile(r"<datastore>(.*?)</datastore>", re.S | re.I)
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.)*<datastore(?:[^"\\]|\\.)*)"', re.S | re.I)
PAGING_KEYS = ("startrecord", "endrecord", "perpage")


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def unwrap(text: str) -> str:
    """The datastore XML of an answer that carries it as a JSON string (JSON or JSONP), else the text.

    In ``raw({"result":"<datastore><totalrecord>377<\\/totalrecord>…"})`` the closing tags are
    escaped, so no record is seen until the string is decoded.
    """
    low = text.lower()
    if "<datastore" not in low or "</datastore>" in low:
        return text
    start, end = text.find("{"), text.rfind("}")
    if 0 <= start < end:
        try:
            found = [s for s in _strings(json.loads(text[start : end + 1])) if "<datastore" in s.lower()]
        except ValueError:
            found = []
        if found:
            return found[0]
    m = _JSON_STRING.search(text)
    if m:
        try:
            return json.loads(f'"{m.group(1)}"')
        except ValueError:
            pass
    return text


_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


def records(text: str) -> list[str]:
    """The list markup of each ``<record>``, in order.

    Some builds put the list straight into the datastore, one CDATA block of
    ``<li>`` without ``<record>`` around it: that block is returned whole.
    """
    out = []
    for m in _RECORD.finditer(text):
        body = m.group(1) if m.group(1) is not None else htmllib.unescape(m.group(2) or "")
        if body.strip():
            out.append(body)
    if out:
        return out
    for store in _DATASTORE.finditer(text):
        inner = re.sub(r"<nextgroup>.*?</nextgroup>", "", store.group(1), flags=re.S | re.I)
        out += [c for c in _CDATA.findall(inner) if "href" in c]
    return out


_JPAGE_PROXY = re.compile(r"""\bproxyUrl\s*:\s*["']([^"']+)["']""")
_AJAX_PARAM = re.compile(r"\bajaxParam\s*:\s*\{([^{}]*)\}", re.S)
_PAIR = re.compile(r"""["']?(\w+)["']?\s*:\s*["']?([^"',}\s]*)""")
_SCRIPT_TOTAL = re.compile(r"""\btotalRecord\s*:\s*["']?(\d+)""", re.I)


def clone_proxy(text: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A jpage clone's proxy and the parameters its column page gives it, or None for hanweb's own.

    The jpage script's settings name the proxy (``proxyUrl:'/TrueCMS/messageController/getMessage.do'``)
    and its parameters (``ajaxParam:{columnId:'82e1…'}``); a clone is asked by GET with the range
    (startrecord, endrecord, perpage) and those parameters in the query.
    """
    m = _JPAGE_PROXY.search(text)
    if not m or m.group(1).split("?")[0].endswith("dataproxy.jsp"):
        return None
    found = _AJAX_PARAM.search(text, m.start()) or _AJAX_PARAM.search(text)
    return m.group(1), (_PAIR.findall(found.group(1)) if found else [])


def _from_scripts(text: str) -> dict[str, str]:
    """Proxy parameters the page prints: in a dataproxy URL (the ``nextgroup``) or a script literal."""
    found: dict[str, str] = {}
    for url in _PROXY_URL.findall(htmllib.unescape(text)):
        for k, v in parse_qsl(urlsplit(url).query):
            if k in FORM_KEYS or k == "perpage":
                found.setdefault(k, v)
    for key in (*FORM_KEYS, "perpage", "perPage", "groupSize"):
        if key in found:
            continue
        m = re.search(_SCRIPT_VALUE.format(key=re.escape(key)), text)
        if m:
            found[{"perPage": "perpage", "groupSize": "group"}.get(key, key)] = m.group(1)
    m = _PROXY_URL.search(text)
    if m and "proxy" not in found:
        found["proxy"] = urlsplit(htmllib.unescape(m.group(0))).path
    return found


def params_from(resp: ListResponse) -> dict[str, str]:
    """The values a config needs (column and unit ids …), as the page prints them."""
    found = _from_scripts(resp.text)
    m = _COLUMN_URL.search(urlsplit(resp.url).path)
    if m and "columnid" not in found:
        found["columnid"] = m.group(1)
    keep = ("columnid", "unitid", "webid", "webname", "path", "perpage")
    out = {k: found[k] for k in keep if found.get(k)}
    if found.get("proxy") and found["proxy"] != PROXY:
        out["proxy"] = found["proxy"]
    return out


def _entries(resp: ListResponse, site: SiteConfig, snippets: list[str]) -> list[ListEntry]:
    """One entry per record; a record holding a whole list is read as a list (the site's rules or its shape)."""
    entries: dict[str, ListEntry] = {}
    default = ListRules(links="a::attr(href)")
    for snippet in snippets:
        sel = Selector(text=snippet)
        found = read_list(sel, resp.url, site.list).entries if site.list and site.list.item else []
        if not found and len(sel.css("a[href]")) > 1:
            rules = infer_list(sel, resp.url)[0]
            found = read_list(sel, resp.url, rules).entries if rules else []
        if not found:
            entry = read_item(sel, resp.url, site.list or default)
            found = [entry] if entry else []
        for e in found:
            entries.setdefault(e.url, e)
    return list(entries.values())


def _values(resp: ListResponse, site: SiteConfig) -> dict[str, str]:
    page = _from_scripts(resp.text)
    page.update({k: v for k, v in resp.form})
    m = _COLUMN_URL.search(urlsplit(resp.url).path)
    if m:
        page.setdefault("columnid", m.group(1))
    page.update(dict(site.family_params))
    defaults = {"col": "1", "appid": "1", "webid": "1", "path": "/", "sourceContentType": "1"}
    defaults.update({"permissiontype": "0", "perpage": "15", "proxy": PROXY})
    return {**defaults, **page}


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _asked_by_get(resp: ListResponse) -> bool:
    """A range (or a page) asked by GET with the column in its own query (not hanweb's POST form)."""
    query = dict(parse_qsl(urlsplit(resp.url).query))
    paged = "startrecord" in query or "page" in query
    return not resp.form and paged and any(k not in (*PAGING_KEYS, "page") for k in query)


_TOTAL_PAGES = re.compile(r"<totalpage>\s*(\d+)\s*</totalpage>", re.I)


def _next_numbered_page(resp: ListResponse, count: int, total: int | None) -> list[NextPage]:
    """Newer jcms builds page the proxy by number (``dataproxy.jsp?page=2&…&columnid&unitid``, GET).

    The next page is the same request with ``page`` moved on, while this page brought records and
    ``totalpage`` says there is more (``totalrecord`` decides when no ``totalpage`` is printed:
    pages numbered this way are all full but the last).
    """
    page = _int(dict(parse_qsl(urlsplit(resp.url).query)).get("page"), 1)
    pages_m = _TOTAL_PAGES.search(resp.text)
    if pages_m is not None:
        more = page < int(pages_m.group(1))
    else:
        more = total is not None and page * count < total
    if count == 0 or not more:
        return []
    return [_moved(resp.url, {"page": str(page + 1)})]


def _moved(url: str, values: dict[str, str]) -> NextPage:
    """The request ``url`` with only some parameters changed: every other one kept as written, in its order."""
    parts = urlsplit(url)
    fields = []
    for field_ in parts.query.split("&"):
        key = field_.split("=", 1)[0]
        fields.append(f"{key}={values[key]}" if key in values else field_)
    return NextPage(canonical_url(urlunsplit(parts._replace(query="&".join(fields)))))


def _same_request(url: str, start: int, end: int) -> NextPage:
    """The request ``url`` with only its range moved."""
    return _moved(url, {"startrecord": str(start), "endrecord": str(end)})


def next_request(resp: ListResponse, site: SiteConfig, count: int) -> list[NextPage]:
    """The proxy range after this one (or after the records the column page embeds)."""
    values = _values(resp, site)
    by_get = _asked_by_get(resp)
    clone = None if by_get or "startrecord" in resp.url else clone_proxy(resp.text)
    if not values.get("columnid") and not by_get and clone is None:
        return []
    query = dict(parse_qsl(urlsplit(resp.url).query))
    perpage = max(1, _int(query.get("perpage") or values.get("perpage"), 15))
    total_m = _TOTAL.search(resp.text) or _SCRIPT_TOTAL.search(resp.text)
    total = int(total_m.group(1)) if total_m else None
    if by_get and "startrecord" not in query:
        return _next_numbered_page(resp, count, total)
    if "startrecord" in query:
        start = _int(query.get("startrecord"), 1)
        end = _int(query.get("endrecord"), start + perpage * 3 - 1)
        asked = end - start + 1
        if count == 0:
            return []
        full = count >= asked
        if not full and (total is None or total <= end):
            return []
        nstart, nend = end + 1, end + asked
    else:
        if count == 0 or (total is not None and count >= total):
            return []
        # the column page embeds the first request's worth of records: group × perpage
        embedded = count // perpage if count % perpage == 0 else 0
        group = max(1, _int(values.get("group"), embedded or 3))
        nstart, nend = count + 1, count + perpage * group
    if total is not None and nstart > total and count < perpage:
        return []
    if by_get:
        return [_same_request(resp.url, nstart, nend)]
    if clone is not None:
        proxy_url, params = clone
        query = urlencode([("startrecord", nstart), ("endrecord", nend), ("perpage", perpage), *params])
        return [NextPage(canonical_url(f"{urljoin(resp.url, proxy_url)}?{query}"))]
    proxy = urljoin(resp.url, values.get("proxy") or PROXY)
    url = canonical_url(
        f"{proxy}?{urlencode({'startrecord': nstart, 'endrecord': nend, 'perpage': perpage})}"
    )
    form = tuple((k, values[k]) for k in FORM_KEYS if values.get(k) is not None)
    return [NextPage(url, form=form)]


def read(resp: ListResponse, site: SiteConfig, page_no: int, first_url: str) -> ListRead:
    text = unwrap(resp.text)
    if text is not resp.text:
        resp = replace(resp, text=text)
    snippets = records(resp.text)
    if not snippets and "dataproxy.jsp" not in resp.url:
        # a hanweb site whose column prints its list as markup: read it like any other
        out = generic.read(resp, site, page_no, first_url)
        following = out.next
        if out.entries and clone_proxy(resp.text) is not None:
            # a clone's column page (TRUECMS's #initData) prints its first records as markup
            following = next_request(resp, site, len(out.entries)) or out.next
        return ListRead(entries=out.entries, next=following, family=NAME, cut=out.cut)
    entries = _entries(resp, site, snippets)
    # the proxy counts records; a build that puts the whole list in one block counts its entries
    count = len(snippets) if _RECORD.search(resp.text) else len(entries)
    return ListRead(entries=entries, next=next_request(resp, site, count), family=NAME)
