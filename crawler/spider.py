"""One generic spider: list pages -> detail pages, driven by a SiteConfig.

The spider only follows links and yields pages; storing and cleaning are the
pipeline's job (the Scrapy habit of thin spiders).
"""

from __future__ import annotations

from dataclasses import dataclass

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from .config import SiteConfig
from .stats import CrawlStats


@dataclass
class FetchedPage:
    """A detail page as fetched: what the store keeps and the cleaner reads."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    content_type: str | None


class PolicySpider(scrapy.Spider):
    name = "policy"

    def __init__(self, site: SiteConfig, stats: CrawlStats, **kwargs):
        super().__init__(**kwargs)
        self.site = site
        self.report = stats
        self.allowed_domains = list(site.allowed_domains)

    async def start(self):
        for url in self.site.start_urls:
            yield scrapy.Request(url, callback=self.parse_list, errback=self.failed)

    def parse_list(self, response: Response):
        self.report.requests += 1
        for href in response.css(self.site.list.links).getall():
            yield response.follow(href.strip(), callback=self.parse_detail, errback=self.failed)
        if self.site.list.next:
            nxt = response.css(self.site.list.next).get()
            if nxt:
                yield response.follow(nxt.strip(), callback=self.parse_list, errback=self.failed)

    def parse_detail(self, response: Response):
        self.report.requests += 1
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
        yield FetchedPage(
            url=response.url,
            status=response.status,
            headers=headers,
            body=response.body,
            content_type=headers.get("Content-Type"),
        )

    def failed(self, failure: Failure):
        self.report.requests += 1
        self.report.failed += 1
        request = getattr(failure, "request", None)
        self.report.errors.append(f"{getattr(request, 'url', '?')}: {failure.getErrorMessage()}")
