"""Check a site config against the live site: one list page, three detail pages, nothing stored.

A site's markup changes without notice; before a config goes into the
nightly run (and whenever a site reports 0 new for too long) an operator
wants to see, in one command, what the selectors find today.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from cleaner import Hints, NotADocument, clean
from cleaner.decode import decode

from .challenge import is_challenge
from .config import SiteConfig
from .families import ListRead, ListResponse, read_list_page
from .listing import ListEntry
from .settings import base_settings, quiet_logs, site_settings
from .sink import charset_of
from .spider import HANDLED_STATUSES, header_map
from .urls import canonical_url, extension_of, host_allowed, matches_filters, resolve_link


@dataclass
class PageCheck:
    url: str
    status: int | None = None
    content_type: str | None = None
    size: int = 0
    problem: str | None = None
    title: str | None = None
    issuer: str | None = None
    published: str | None = None
    doc_number: str | None = None
    clauses: int = 0
    attachments: list[str] = field(default_factory=list)


@dataclass
class SiteCheck:
    site: str
    list_url: str
    list_status: int | None = None
    list_problem: str | None = None
    entries: list[ListEntry] = field(default_factory=list)
    skipped: int = 0  # entries the include/exclude/domain filters drop
    cut: bool = False  # the page held more entries than list.max_entries
    next_pages: list[str] = field(default_factory=list)
    details: list[PageCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            not self.list_problem
            and bool(self.entries)
            and bool(self.details)
            and all(not d.problem for d in self.details)
        )

    def lines(self) -> list[str]:
        out = [f"list page {self.list_url}: " + (self.list_problem or f"HTTP {self.list_status}")]
        out.append(
            f"  {len(self.entries)} entries"
            + (f" ({self.skipped} filtered out)" if self.skipped else "")
            + (" (more on the page than list.max_entries: the rest not read)" if self.cut else "")
        )
        for e in self.entries[:5]:
            out.append(f"  - {e.date or '----------'} {_short(e.title) or '(no title)'}  {e.url}")
        if len(self.entries) > 5:
            out.append(f"  … and {len(self.entries) - 5} more")
        out.append("  next page: " + (", ".join(self.next_pages) or "none found"))
        for d in self.details:
            out.append(
                f"detail {d.url}: " + (d.problem or f"HTTP {d.status}, {d.content_type}, {d.size} bytes")
            )
            if not d.problem:
                out.append(f"  title: {_short(d.title) or '—'}")
                out.append(
                    f"  issuer: {d.issuer or '—'}  文号: {d.doc_number or '—'}  published: {d.published or '—'}"
                )
                out.append(
                    f"  clauses: {d.clauses}"
                    + (f"  attachments: {len(d.attachments)}" if d.attachments else "")
                )
        if not self.entries and not self.list_problem:
            out.append("no entries: check [list] item/links against the page's markup")
        return out


def _short(text: str | None, n: int = 60) -> str | None:
    from .report import printable

    if not text:
        return text
    text = printable(text)
    return text if len(text) <= n else text[: n - 1] + "…"


class SiteCheckSpider(scrapy.Spider):
    name = "policy-check"

    def __init__(self, site: SiteConfig, result: SiteCheck, details: int = 3, **kwargs):
        super().__init__(**kwargs)
        self.site = site
        self.result = result
        self.want = details
        self.allowed_domains = list(site.allowed_domains)

    async def start(self):
        yield scrapy.Request(
            self.result.list_url,
            callback=self.parse_list,
            errback=self.list_failed,
            meta={"handle_httpstatus_list": HANDLED_STATUSES},
            dont_filter=True,
        )

    def parse_list(self, response: Response):
        r = self.result
        r.list_status = response.status
        if is_challenge(response.status, response.body, header_map(response).get("Content-Type")):
            r.list_problem = f"anti-bot challenge (HTTP {response.status})"
            return
        if response.status >= 400 or not isinstance(response, TextResponse):
            r.list_problem = f"HTTP {response.status}" if response.status >= 400 else "not an HTML page"
            return
        page = ListResponse(url=response.url, text=response.text, form=response.meta.get("form", ()))
        read = read_list_page(page, self.site, 0, self.result.list_url)
        if read.shell and not read.entries and read.next and not response.meta.get("shell"):
            # the page lists nothing itself (gkmlpt): its first API page is the list to check
            nxt = read.next[0]
            r.list_url = nxt.url
            request = scrapy.FormRequest if nxt.form is not None else scrapy.Request
            kwargs = {"formdata": dict(nxt.form)} if nxt.form is not None else {}
            yield request(
                nxt.url,
                callback=self.parse_list,
                errback=self.list_failed,
                meta={"handle_httpstatus_list": HANDLED_STATUSES, "shell": True, "form": nxt.form or ()},
                dont_filter=True,
                **kwargs,
            )
            return
        r.cut = read.cut
        for entry in read.entries:
            wanted = host_allowed(entry.url, self.site.allowed_domains) and matches_filters(
                entry.url, self.site.include, self.site.exclude
            )
            if wanted:
                r.entries.append(entry)
            else:
                r.skipped += 1
        r.next_pages = read.next_urls
        for entry in r.entries[: self.want]:
            r.details.append(PageCheck(url=entry.url))
            yield scrapy.Request(
                entry.url,
                callback=self.parse_detail,
                errback=self.detail_failed,
                meta={"handle_httpstatus_list": HANDLED_STATUSES, "check": r.details[-1]},
            )

    def parse_detail(self, response: Response):
        d: PageCheck = response.meta["check"]
        headers = header_map(response)
        d.status, d.content_type, d.size = response.status, headers.get("Content-Type"), len(response.body)
        if is_challenge(response.status, response.body, d.content_type):
            d.problem = f"anti-bot challenge (HTTP {response.status})"
            return
        if response.status >= 400:
            d.problem = f"HTTP {response.status}"
            return
        hints = Hints(
            charset=charset_of(d.content_type),
            body_selector=self.site.detail.body,
            title_selector=self.site.detail.title,
            region=self.site.region,
            content_type=d.content_type,
        )
        try:
            doc = clean(response.body, url=canonical_url(response.url), hints=hints)
        except NotADocument as e:
            d.problem = f"not a document: {e}"
            return
        d.title, d.issuer, d.published, d.doc_number = doc.title, doc.issuer, doc.published, doc.doc_number
        d.clauses = len(doc.clauses)
        if isinstance(response, TextResponse):
            links = (resolve_link(response.url, h) for h in response.css("a::attr(href)").getall())
            d.attachments = [u for u in links if u and extension_of(u) in self.site.attachments]

    def list_failed(self, failure: Failure):
        self.result.list_problem = failure.getErrorMessage() or type(failure.value).__name__

    def detail_failed(self, failure: Failure):
        failure.request.meta["check"].problem = failure.getErrorMessage() or type(failure.value).__name__


def read_list_file(site: SiteConfig, path: Path, url: str | None = None) -> ListRead:
    """Read a saved list page or API answer with a site's config, offline.

    ``url`` is where the page was fetched from (relative links resolve
    against it; for a saved hanweb proxy answer its ``startrecord`` says
    which range it is); by default the site's first list page.
    """
    data = path.read_bytes()
    text, _ = decode(data)
    page_url = canonical_url(url or site.start_urls[0])
    return read_list_page(ListResponse(url=page_url, text=text), site, 0, page_url)


def list_file_json(site: SiteConfig, read: ListRead, filtered: bool = True) -> dict:
    """``{"entries": [{"title", "url", "date"}], "next_pages": [...]}`` plus the family and requests."""
    entries = [e for e in read.entries if not filtered or matches_filters(e.url, site.include, site.exclude)]
    return {
        "site": site.name,
        "family": site.family,
        "entries": [e.as_json() for e in entries],
        "next_pages": read.next_urls,
        "next_requests": [n.as_json() for n in read.next],
    }


def check_site(site: SiteConfig, details: int = 3) -> SiteCheck:
    """Fetch the first list page and ``details`` detail pages politely; store nothing."""
    result = SiteCheck(site=site.name, list_url=canonical_url(site.start_urls[0]))
    settings = {**base_settings(""), **site_settings(site), "ITEM_PIPELINES": {}}
    process = CrawlerProcess(settings)
    quiet_logs()
    process.crawl(SiteCheckSpider, site=site, result=result, details=details)
    process.start()
    return result
