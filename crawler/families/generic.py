"""Any CMS: the site's own selectors, or the list's shape read off the page.

The fallback family, and the one the HTML families (TRS, gov.cn) build on:
entries come from the config's ``[list]`` selectors when it has them, else
from the repeated block ``crawler.shape`` finds, else from a list carried in
a script variable; the next page from ``[pagination]`` (a next link, the
pager script, a numbered name, a query parameter), or, in a config that
describes neither, from what the pager on the page shows.
"""

from __future__ import annotations

from dataclasses import replace

from ..config import Pagination, SiteConfig
from ..listing import ListEntries, read_list
from ..pagination import next_pages
from ..scriptdata import read_script_list
from ..shape import infer_list, infer_pagination
from ..urls import resolve_link
from .page import ListRead, ListResponse, NextPage
from .schema import FAMILY_PARAMS

NAME = "generic"
PARAMS = FAMILY_PARAMS[NAME]


def recognise(resp: ListResponse) -> int:
    """Generic reads anything; it is chosen only when no other family claims the page."""
    return 0


def params_from(resp: ListResponse) -> dict[str, str]:
    return {}


def html_entries(resp: ListResponse, site: SiteConfig) -> ListEntries:
    rules = site.list or infer_list(resp.selector, resp.url)[0]
    read = read_list(resp.selector, resp.url, rules) if rules else ListEntries([])
    return read if read.entries else ListEntries(read_script_list(resp.html, resp.url))


def pagination_of(resp: ListResponse, site: SiteConfig) -> Pagination:
    """The config's pagination; a config that describes neither list nor pages gets the page's own."""
    if site.pagination.enabled or site.list is not None:
        return site.pagination
    inferred, _ = infer_pagination(resp.selector, resp.html, resp.url)
    return inferred


def html_next(
    resp: ListResponse, site: SiteConfig, page_no: int, first_url: str, rules: Pagination | None = None
) -> list[NextPage]:
    rules = rules or pagination_of(resp, site)
    if not rules.enabled:
        return []
    href = resp.selector.css(rules.next).get() if rules.next else None
    nxt = resolve_link(resp.url, href) if href else None
    # the spider applies max_pages (and reports a series it cut), so the next page is always named
    rules = replace(rules, max_pages=max(rules.max_pages, page_no + 2))
    urls = next_pages(rules, first_url, page_no, resp.html, nxt, page_url=resp.url)
    return [NextPage(u) for u in urls if u != resp.url]


def read(resp: ListResponse, site: SiteConfig, page_no: int, first_url: str) -> ListRead:
    read = html_entries(resp, site)
    nxt = html_next(resp, site, page_no, first_url)
    return ListRead(entries=read.entries, next=nxt, family=NAME, cut=read.cut)
