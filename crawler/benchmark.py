"""Crawl speed: our whole pipeline against a bare Scrapy spider on the same generated pages.

Each side runs in its own process (Twisted's reactor runs once per process)
and times itself from spider_opened to spider_closed, so interpreter start
and imports are left out of both.  Politeness is off for both sides alike:
no robots.txt, no delays, no AutoThrottle, 16 requests at a time.

    python -m crawler.benchmark bare URL
    python -m crawler.benchmark ours URL DATA_DIR
"""

from __future__ import annotations

import json
import sys
import time

import scrapy
from scrapy import signals
from scrapy.crawler import CrawlerProcess

from .config import load_site
from .run import run_sites
from .settings import quiet_logs

POLITENESS_OFF = {
    "ROBOTSTXT_OBEY": False,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "LOG_LEVEL": "ERROR",
    "TELNETCONSOLE_ENABLED": False,
    "COOKIES_ENABLED": False,
}


class Clock:
    """Times a crawl from spider_opened to spider_closed and counts the responses."""

    def __init__(self):
        self.opened = self.closed = 0.0
        self.cpu_opened = self.cpu_closed = 0.0  # this process's CPU time (all its threads)
        self.responses = 0

    def connect(self, crawler) -> None:
        crawler.signals.connect(self._opened, signal=signals.spider_opened, weak=False)
        crawler.signals.connect(self._closed, signal=signals.spider_closed, weak=False)
        crawler.signals.connect(self._response, signal=signals.response_received, weak=False)

    def _opened(self, spider=None):
        self.opened = time.perf_counter()
        self.cpu_opened = time.process_time()

    def _closed(self, spider=None, reason=None):
        self.closed = time.perf_counter()
        self.cpu_closed = time.process_time()

    def _response(self, *args, **kwargs):
        self.responses += 1

    def figures(self) -> dict:
        seconds = self.closed - self.opened
        return {
            "pages": self.responses,
            "seconds": seconds,
            "rate": self.responses / seconds if seconds else 0.0,
            "cpu": self.cpu_closed - self.cpu_opened,
        }


class BareSpider(scrapy.Spider):
    """Follows the same list pages and downloads the same detail pages; keeps nothing."""

    name = "bare"

    def __init__(self, start: str, **kwargs):
        super().__init__(**kwargs)
        self.first = start

    async def start(self):
        yield scrapy.Request(self.first, callback=self.parse_list)

    def parse_list(self, response):
        for href in response.css("ul.list li a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_detail)
        nxt = response.css("a.next::attr(href)").get()
        if nxt:
            yield response.follow(nxt, callback=self.parse_list)

    def parse_detail(self, response):
        return None


def run_bare(base_url: str) -> dict:
    clock = Clock()
    process = CrawlerProcess(POLITENESS_OFF)
    quiet_logs()
    crawler = process.create_crawler(BareSpider)
    clock.connect(crawler)
    process.crawl(crawler, start=base_url.rstrip("/") + "/gen/index.html")
    process.start()
    return clock.figures()


def run_ours(base_url: str, data_dir: str) -> dict:
    import os

    os.environ["POLICY_GENERATED_URL"] = base_url
    clock = Clock()
    stats = run_sites(
        [load_site("generated")], data_dir, extra_settings=POLITENESS_OFF, on_crawler=clock.connect
    )
    st = stats["generated"]
    # stages: CPU seconds in the clean workers (clean, rows, compress), wall seconds in the crawl
    # process for the store's writes and for closing the store (the command relinks afterwards)
    return {**clock.figures(), "new": st.new, "failed": st.failed, "stages": st.seconds}


def main(argv: list[str]) -> None:
    kind, url = argv[0], argv[1]
    result = run_bare(url) if kind == "bare" else run_ours(url, argv[2])
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
