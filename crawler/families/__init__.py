"""CMS families: code that knows how one kind of government CMS lists and pages.

Sites are data (a TOML naming its ``family`` and the few values that
differ: a column id, a unit id); families are code, one module each:

- ``trs``: TRS WCM, ``createPageHTML`` pager script, ``index_N.html``
- ``hanweb``: 大汉 jcms, embedded ``<datastore>`` records, ``dataproxy.jsp`` POST paging
- ``gkmlpt``: 广东 政府信息公开, ``SID`` and the ``/gkmlpt/api/all/{column}`` JSON API
- ``govcn``: gov.cn's ``home.htm``, ``home_N.htm``
- ``generic``: anything else, with the config's selectors or the shape read off the page

Each module has ``NAME``, ``PARAMS`` (the config values it takes),
``recognise(resp) -> int`` (how sure it is that a page is its own),
``params_from(resp)`` (the values a config needs, as the page prints them) and
``read(resp, site, page_no, first_url) -> ListRead``.
"""

from __future__ import annotations

from dataclasses import replace

from ..config import ListRules
from . import generic, gkmlpt, govcn, hanweb, trs
from .page import ListRead, ListResponse, NextPage, reveal_comments

FAMILIES = {m.NAME: m for m in (generic, trs, hanweb, gkmlpt, govcn)}

__all__ = [
    "FAMILIES",
    "ListRead",
    "ListResponse",
    "NextPage",
    "read_list_page",
    "recognise",
    "reveal_comments",
]


def recognise(resp: ListResponse) -> tuple[str, int]:
    """The family a page most looks like, with its score (generic, 0 when none claims it)."""
    best, score = "generic", 0
    for name, module in FAMILIES.items():
        s = module.recognise(resp)
        if s > score:
            best, score = name, s
    return best, score


def read_list_page(resp: ListResponse, site, page_no: int = 0, first_url: str | None = None) -> ListRead:
    """Read one list page (or API answer) the way the site's family does, at most list.max_entries entries.

    Pagination is named whatever ``max_pages`` says: the spider applies the cap and reports it.
    """
    read = FAMILIES[site.family].read(resp, site, page_no, first_url or resp.url)
    cap = site.list.max_entries if site.list is not None else ListRules(links="a").max_entries
    if len(read.entries) > cap:
        return replace(read, entries=read.entries[:cap], cut=True)
    return read
