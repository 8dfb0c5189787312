"""One generic spider: list pages -> detail pages -> attachments, driven by a SiteConfig.

The spider only reads pages and decides what to fetch; every outcome is an
item (crawler/items.py) that one consumer applies to the store.  What it
knows about URLs from earlier runs comes in as a read-only dict.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider, IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from corpus.store import UrlState

from . import freshness
from .challenge import is_challenge
from .config import SiteConfig
from .families import ListRead, ListResponse, NextPage, read_list_page
from .items import Disallowed, Failed, Fetched, ListPage, NotModified, Pending, Seen
from .stats import CrawlStats
from .urls import canonical_url, extension_of, host_allowed, matches_filters, resolve_link

# Statuses the callbacks see themselves (3xx stay with the redirect middleware).
HANDLED_STATUSES = [304] + list(range(400, 600))


def header_map(response: Response) -> dict[str, str]:
    return {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}


class PolicySpider(scrapy.Spider):
    name = "policy"

    def __init__(
        self,
        site: SiteConfig,
        state: dict[str, UrlState] | None = None,
        resume: bool = False,
        stats: CrawlStats | None = None,
        now: datetime | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.site = site
        self.report = stats or CrawlStats(site=site.name)
        self.state = state or {}
        self.resume = resume
        self.now = now or datetime.now(UTC)
        self.allowed_domains = list(site.allowed_domains)
        self.planned: set[str] = set()  # URLs already requested or skipped in this run
        self.list_pages: set[tuple[str, tuple]] = set()  # (URL, POST form) of every list request
        self.listed: set[str] = set()  # entry URLs read off list pages in this run
        self.blocked_in_a_row = 0
        # outcomes with no response to yield them from (a redirect loop dropped by the dupefilter)
        self.loose_outcomes: list = []
        # ".pdf", ".docx" … anywhere in a page's text: it may link an attachment (a cheap test first)
        exts = sorted({re.escape(e) for e in site.attachments if e}, key=len, reverse=True)
        self.attachment_mark = re.compile(r"\.(?:" + "|".join(exts) + ")", re.I) if exts else None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._request_dropped, signal=signals.request_dropped)
        return spider

    # -- requests -------------------------------------------------------------------------------------

    async def start(self):
        for url in self.site.start_urls:
            request = self.list_request(canonical_url(url), first_url=canonical_url(url), page_no=0)
            if request is not None:
                yield request
        # listed on an earlier run but never stored (a full disk, a killed run): fetched whatever
        # the list pages show tonight, since pagination may stop before reaching them
        for url, state in sorted(self.state.items()):
            if state.last_status == "pending" and url not in self.planned and self.wanted(url):
                self.planned.add(url)
                request = self.page_request(url, state.kind or self.kind_of(url), state.list_sig)
                if request is not None:
                    yield request

    def list_request(
        self, url: str, *, first_url: str, page_no: int, form: tuple | None = None
    ) -> scrapy.Request | None:
        key = (url, form or ())
        if key in self.list_pages:
            return None
        self.list_pages.add(key)
        meta = {
            "kind": "list",
            "first_url": first_url,
            "page_no": page_no,
            "form": form or (),
            "handle_httpstatus_list": HANDLED_STATUSES,
        }
        # a list page's own entries before the next list page: a killed run leaves whole
        # pages done behind it, and the early stop sees finished pages
        priority = -1 if page_no else 0
        if form is not None:
            # hanweb's dataproxy: the next records are asked for by POST
            return scrapy.FormRequest(
                url,
                formdata=dict(form),
                callback=self.parse_list,
                errback=self.failed,
                priority=priority,
                meta=meta,
            )
        return scrapy.Request(
            url, callback=self.parse_list, errback=self.failed, priority=priority, meta=meta
        )

    def page_request(self, url: str, kind: str, list_sig: str | None) -> scrapy.Request | None:
        """A request for a detail page or attachment, or None when it is not due (then it is Seen)."""
        state = self.state.get(url)
        decision = freshness.plan(state, list_sig, self.now, self.site.recheck_days)
        if decision == freshness.SKIP:
            return None
        headers = freshness.conditional_headers(state) if decision == freshness.RECHECK else {}
        return scrapy.Request(
            url,
            callback=self.parse_page,
            errback=self.failed,
            headers=headers,
            meta={"kind": kind, "list_sig": list_sig, "handle_httpstatus_list": HANDLED_STATUSES},
        )

    def wanted(self, url: str) -> bool:
        return host_allowed(url, self.site.allowed_domains) and matches_filters(
            url, self.site.include, self.site.exclude
        )

    def kind_of(self, url: str) -> str:
        return "attachment" if extension_of(url) in self.site.attachments else "detail"

    # -- callbacks ------------------------------------------------------------------------------------

    def parse_list(self, response: Response):
        meta = response.meta
        url = canonical_url(meta.get("redirect_urls", [response.url])[0])
        if response.status == 404 and meta["page_no"] > 0:
            # past the last page of a numbered series: the normal end of pagination
            yield ListPage(url=url, site=self.site.name, end=True)
            return
        problem = self.problem(response)
        if problem:
            yield from self.refused(url, "list", response.status, *problem)
            return
        if not isinstance(response, TextResponse):
            yield Failed(url, self.site.name, "list", "not an HTML page", response.status)
            return
        page = ListResponse(
            url=response.url,
            text=response.text,
            form=tuple(meta.get("form") or ()),
            content_type=response.headers.get("Content-Type", b"").decode("latin-1") or None,
        )
        read = read_list_page(page, self.site, meta["page_no"], meta["first_url"])
        entries = read.entries
        limits = []
        if read.cut:
            limits.append(
                f"{url}: more than {len(entries)} entries, only the first {len(entries)} read (list.max_entries)"
            )
        seen: dict[str, str | None] = {}
        pending: dict[str, dict[str, str | None]] = {}
        requests: list[scrapy.Request] = []
        due = older = fresh = 0
        for entry in entries:
            if entry.url not in self.listed:
                fresh += 1
                self.listed.add(entry.url)
            if not self.wanted(entry.url):
                continue
            if self.site.since and entry.date and entry.date < self.site.since:
                older += 1
                continue
            if entry.url in self.planned:
                continue
            self.planned.add(entry.url)
            kind = self.kind_of(entry.url)
            request = self.page_request(entry.url, kind, entry.signature)
            if request is None:
                seen[entry.url] = entry.signature
            else:
                due += 1
                if entry.url not in self.state:
                    pending.setdefault(kind, {})[entry.url] = entry.signature
                requests.append(request)
        following = self.following_pages(read, meta, older=older, fresh=fresh, due=due)
        if meta["page_no"] + 1 >= self.site.pagination.max_pages and following:
            limits.append(
                f"{url}: pagination.max_pages ({self.site.pagination.max_pages}) reached, "
                f"{following[0].url} and the pages after it not read"
            )
            following = []
        if seen:
            yield Seen(site=self.site.name, urls=seen)
        for kind, urls in pending.items():
            yield Pending(site=self.site.name, kind=kind, urls=urls)
        yield from requests
        yield ListPage(url=url, site=self.site.name, entries=len(entries), due=due, limits=limits)
        for nxt in following:
            request = self.list_request(
                nxt.url, first_url=meta["first_url"], page_no=meta["page_no"] + 1, form=nxt.form
            )
            if request is not None:
                yield request

    def following_pages(
        self, read: ListRead, meta: dict, *, older: int, fresh: int, due: int
    ) -> list[NextPage]:
        """The list pages after this one that the crawl should read, max_pages aside (the caller checks it)."""
        entries = read.entries
        if not read.next or (not entries and not read.shell):
            return []
        if entries:
            if older == len(entries):
                return []  # the whole page is older than `since`: lists are newest first
            if fresh == 0:
                return []  # a page of entries already read in this run: the server repeats itself
            if self.site.pagination.stop_when_nothing_new and due == 0 and not self.resume:
                return []  # nothing new here, so nothing new further back
        return [
            nxt
            for nxt in read.next
            if (self.wanted(nxt.url) or host_allowed(nxt.url, self.site.allowed_domains))
            and (nxt.url, nxt.form or ()) not in self.list_pages
        ]

    def parse_page(self, response: Response):
        meta = response.meta
        kind = meta["kind"]
        url = canonical_url(meta.get("redirect_urls", [response.url])[0])
        if response.status == 304:
            yield NotModified(url=url, site=self.site.name, kind=kind, list_sig=meta.get("list_sig"))
            return
        problem = self.problem(response)
        if problem:
            yield from self.refused(url, kind, response.status, *problem)
            return
        self.blocked_in_a_row = 0
        headers = header_map(response)
        content_type = headers.get("Content-Type")
        yield Fetched(
            url=url,
            site=self.site.name,
            kind=kind,
            status=response.status,
            final_url=canonical_url(response.url),
            body=response.body,
            headers=headers,
            content_type=content_type,
            list_sig=meta.get("list_sig"),
        )
        if kind == "detail" and isinstance(response, TextResponse) and self.may_link_attachments(response):
            yield from self.attachments(response)

    def may_link_attachments(self, response: TextResponse) -> bool:
        """False when the page's text names no file with an attachment extension: no parse needed.

        Building the page's tree is most of what a detail page costs the crawl's
        process (the page is cleaned elsewhere), and most pages have no 附件.
        """
        if self.attachment_mark is None:
            return False
        return self.attachment_mark.search(response.text) is not None

    def attachments(self, response: TextResponse):
        """Follow a detail page's links to attachments (附件: PDF, DOCX, …) on allowed hosts."""
        seen: dict[str, str | None] = {}
        pending: dict[str, str | None] = {}
        requests: list[scrapy.Request] = []
        for href in response.css("a::attr(href)").getall():
            url = resolve_link(response.url, href)
            if not url or url in self.planned or self.kind_of(url) != "attachment" or not self.wanted(url):
                continue
            self.planned.add(url)
            request = self.page_request(url, "attachment", None)
            if request is None:
                seen[url] = None
            else:
                if url not in self.state:
                    pending[url] = None
                requests.append(request)
        if seen:
            yield Seen(site=self.site.name, urls=seen)
        if pending:
            # the page that links them is stored already: only this record brings them back
            yield Pending(site=self.site.name, kind="attachment", urls=pending)
        yield from requests

    # -- trouble --------------------------------------------------------------------------------------

    def problem(self, response: Response) -> tuple[str, bool] | None:
        """(message, blocked) when a response is not a usable page."""
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if is_challenge(response.status, response.body, content_type):
            return f"anti-bot challenge (HTTP {response.status})", True
        if response.status >= 400:
            return f"HTTP {response.status}", False
        if not response.body.strip():
            return f"empty body (HTTP {response.status})", False
        return None

    def refused(self, url: str, kind: str, status: int | None, message: str, blocked: bool):
        yield Failed(url=url, site=self.site.name, kind=kind, error=message, status=status, blocked=blocked)
        if blocked:
            self.blocked_in_a_row += 1
            if self.blocked_in_a_row >= self.site.politeness.stop_after_blocked:
                raise CloseSpider(f"blocked: {self.blocked_in_a_row} challenge pages in a row")
        else:
            self.blocked_in_a_row = 0

    def failed(self, failure: Failure):
        request = failure.request
        kind = request.meta.get("kind", "detail")
        url = canonical_url(request.meta.get("redirect_urls", [request.url])[0])
        status = None
        if failure.check(HttpError):
            status = failure.value.response.status
        message = failure.getErrorMessage() or type(failure.value).__name__
        if failure.check(IgnoreRequest) and "robots.txt" in message:
            # our own choice, not the site's fault: recorded, never counted as a failure
            yield Disallowed(url=url, site=self.site.name, kind=kind)
            return
        yield Failed(url=url, site=self.site.name, kind=kind, error=message, status=status)

    def _request_dropped(self, request: scrapy.Request, spider=None) -> None:
        """The dupefilter dropped a redirect back into its own chain: a redirect loop."""
        chain = [canonical_url(u) for u in request.meta.get("redirect_urls", [])]
        if canonical_url(request.url) in chain:
            self.loose_outcomes.append(
                Failed(
                    url=chain[0],
                    site=self.site.name,
                    kind=request.meta.get("kind", "detail"),
                    error=f"redirect loop: {' -> '.join(chain + [canonical_url(request.url)])}",
                )
            )
