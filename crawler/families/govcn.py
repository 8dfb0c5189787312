"""gov.cn (中国政府网) and portals built like it: ``home.htm``, then ``home_1.htm``, ``home_2.htm`` ….

The list is plain markup (``li`` with an ``h4`` link and a date span); the
pages are numbered in the file name from 1 for the second page.  When the
page prints its pager script, its total ends the series; otherwise a
missing page does.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from ..config import SiteConfig
from ..pagination import find_script_pager
from ..urls import canonical_url
from . import generic
from .page import ListRead, ListResponse, NextPage
from .schema import FAMILY_PARAMS

NAME = "govcn"
PARAMS = FAMILY_PARAMS[NAME]

_HOME = re.compile(r"/(?P<prefix>home|list|index)(?:_(?P<n>\d+))?\.(?P<ext>s?html?)$")


def recognise(resp: ListResponse) -> int:
    parts = urlsplit(resp.url)
    host = (parts.hostname or "").lower()
    m = _HOME.search(parts.path)
    if host.endswith("www.gov.cn") and (m or parts.path.endswith("/")):
        return 90
    if m and m.group("prefix") == "home" and host.endswith(".gov.cn"):
        return 50
    return 0


def params_from(resp: ListResponse) -> dict[str, str]:
    m = _HOME.search(urlsplit(resp.url).path)
    if m and (m.group("prefix"), m.group("ext")) != ("home", "htm"):
        return {"prefix": m.group("prefix"), "ext": m.group("ext")}
    return {}


def next_page(resp: ListResponse, site: SiteConfig, page_no: int) -> list[NextPage]:
    prefix, ext = site.param("prefix", "home"), site.param("ext", "htm")
    m = _HOME.search(urlsplit(resp.url).path)
    current = int(m.group("n")) if m and m.group("n") else (0 if m else page_no)
    pager = find_script_pager(resp.text)
    if pager is not None and current + 1 >= pager.total:
        return []
    return [NextPage(canonical_url(urljoin(resp.url, f"{prefix}_{current + 1}.{ext}")))]


def read(resp: ListResponse, site: SiteConfig, page_no: int, first_url: str) -> ListRead:
    found = generic.html_entries(resp, site)
    nxt = generic.html_next(resp, site, page_no, first_url) if site.pagination.enabled else []
    return ListRead(
        entries=found.entries, next=nxt or next_page(resp, site, page_no), family=NAME, cut=found.cut
    )
