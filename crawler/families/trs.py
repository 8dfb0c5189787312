"""TRS WCM (拓尔思): ``ul``/``li`` lists with a date, paged by a script.

The pager is printed by ``createPageHTML(total, current, "index", "html")``:
page 0 is ``index.html``, page n ``index_n.html`` (so the second page is
``index_1.html``; templates that count the current page from 1 link
``index_2.html`` and say so in the call).  Some templates print the whole
list, pager call included, inside an HTML comment that a script copies into
the page: both are read from the comment too.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from ..config import SiteConfig
from ..pagination import find_script_pager
from ..scriptdata import named_object, object_body, object_entries, object_pairs, resolve, script_value
from ..urls import canonical_url
from . import generic
from .page import ListRead, ListResponse, NextPage
from .schema import FAMILY_PARAMS

NAME = "trs"
PARAMS = FAMILY_PARAMS[NAME]

_TRS_DETAIL = re.compile(r"/t(?:19|20)\d{6}_\d+\.s?html?", re.I)
_TRS_MARK = re.compile(r"TRS_Editor|trs_editor|TRSWCM|<meta[^>]+TRS", re.I)


def recognise(resp: ListResponse) -> int:
    if resp.looks_like_json:
        return 0
    score = 0
    if find_script_pager(resp.text):
        score += 60
    if len(_TRS_DETAIL.findall(resp.text)) >= 3:
        score += 30
    if _TRS_MARK.search(resp.text):
        score += 10
    if "listModel" in resp.text and "listArgs" in resp.text:
        score += 50  # TRS 集约化's list2.trsapi
    return score


def params_from(resp: ListResponse) -> dict[str, str]:
    return {}


# list2.trsapi's search API when a page's listModel call names none (福建 集约化 platform)
TRSAPI_DEFAULT = "/fjdzapp/search"


def _int(value: str | None, default: int | None = 0) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else default
    except ValueError:
        return default


def static_then_api(resp: ListResponse) -> list[NextPage]:
    """TRS 集约化 lists paged by ``listModel`` (list2.trsapi): the static pages, then the search API.

    "动静结合": the first ``maxStaticIndex`` pages are in the markup (all of
    them, one block shown at a time) and page ``maxStaticIndex + 1`` is asked
    of the search API; "动态": nothing static, page 1 from the API.  The call
    gives ``listArgs`` (channelid, classsql, sortfield …), ``listApi.url`` and
    the pager (``prepage``, ``recordCount``), as literals, as fields of
    ``pageChnlInfo``/``SiteInfo``, or as variables a template sets in an
    if/else on the column's name.  The arguments are posted as a form with
    ``page`` and ``prepage``.
    """
    m = re.search(r"\blistModel\s*\(\s*\{", resp.text)
    if not m:
        return []
    body = object_body(resp.text, m.end() - 1) or ""
    objects = {
        "pageChnlInfo": named_object(resp.text, "pageChnlInfo"),
        "SiteInfo": named_object(resp.text, "SiteInfo"),
    }

    def value(*tokens_lists) -> str | None:
        for tokens in tokens_lists:
            if tokens:
                found = resolve(tokens, objects, lambda name: script_value(resp.text, name, m.start()))
                if found not in (None, ""):
                    return found
        return None

    top, args = object_pairs(body), named_object(body, "listArgs")
    api, bar, info = named_object(body, "listApi"), named_object(body, "pagebar"), objects["pageChnlInfo"]
    if not args:
        return []
    url = value(api.get("url")) or TRSAPI_DEFAULT
    dynamic = (value(top.get("quickMode"), info.get("quickMode")) or "") == "动态"
    static = 0 if dynamic else _int(value(top.get("maxStaticIndex"), info.get("maxStaticIndex")), 1)
    prepage = _int(value(bar.get("prepage"), top.get("prepage"), info.get("prepage")), 15)
    count = _int(value(bar.get("recordCount"), top.get("recordCount"), info.get("recordCount")), None)
    if count is not None and count <= static * prepage:
        return []
    params = {k: value(v) for k, v in args.items()}
    params = {k: v for k, v in params.items() if v is not None}
    params.update({"page": str(static + 1), "prepage": str(prepage)})
    return [NextPage(canonical_url(urljoin(resp.url, url)), form=tuple(params.items()))]


def read_api(resp: ListResponse, site: SiteConfig, page_no: int) -> ListRead:
    """A TRS search API's JSON answer: its documents, and the page after it while there are more."""
    entries = object_entries(resp.text, resp.url)
    parts = urlsplit(resp.url)
    query = dict(parse_qsl(parts.query))
    query.update(dict(resp.form))
    page, prepage = _int(query.get("page"), 1), _int(query.get("prepage"), 15)
    total = None
    try:
        data = json.loads(resp.text)
        for key in ("total", "recordCount", "totalCount", "count", "totalRecord"):
            if isinstance(data, dict) and str(data.get(key, "")).isdigit():
                total = int(data[key])
                break
    except ValueError:
        pass
    more = bool(entries) and (page * prepage < total if total is not None else len(entries) >= prepage)
    if not more:
        return ListRead(entries=entries, family=NAME)
    query["page"] = str(page + 1)
    if resp.form:
        return ListRead(entries=entries, next=[NextPage(resp.url, form=tuple(query.items()))], family=NAME)
    return ListRead(
        entries=entries, next=[NextPage(urlunsplit(parts._replace(query=urlencode(query))))], family=NAME
    )


def read(resp: ListResponse, site: SiteConfig, page_no: int, first_url: str) -> ListRead:
    if resp.looks_like_json:
        return read_api(resp, site, page_no)
    found = generic.html_entries(resp, site)
    entries = found.entries
    rules = replace(generic.pagination_of(resp, site), script=True)
    nxt = generic.html_next(resp, site, page_no, first_url, rules)
    if not nxt and find_script_pager(resp.text) is None:
        nxt = static_then_api(resp)
        # a "动态" page lists nothing itself: its entries come from the API request
        shell = not entries and bool(nxt)
        return ListRead(entries=entries, next=nxt, shell=shell, family=NAME, cut=found.cut)
    return ListRead(entries=entries, next=nxt, family=NAME, cut=found.cut)
