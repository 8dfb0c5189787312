"""The Scrapy side of the sink: every outcome the spider yields goes to the store.

A fetched page is made ready for the store in a clean worker (compressed,
cleaned, turned into rows) while the crawl goes on; the crawl's process only
writes, in batches (crawler/batch.py).  A page whose cleaning fails is kept
raw (it can be re-cleaned later) and counted; nothing already stored is
touched by a failure.
"""

from __future__ import annotations

import logging
import sys
import time
from functools import partial

from corpus.store import Store, content_hash

from .batch import WriteBatch
from .cleanpool import CleanerPool, default_workers
from .items import Fetched
from .sink import StoreSink

log = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.data_dir = crawler.settings.get("POLICY_DATA_DIR")
        self.store: Store | None = None
        self.sink: StoreSink | None = None
        self.batch: WriteBatch | None = None
        workers = crawler.settings.get("POLICY_CLEAN_WORKERS")
        self.cleaner = CleanerPool(default_workers() if workers is None else int(workers))
        self.progress_every = crawler.settings.getint("POLICY_PROGRESS_EVERY", 0)
        self.shown = 0

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None) -> None:
        from twisted.internet import reactor

        spider = self.crawler.spider
        self.store = Store.in_dir(self.data_dir)
        self.sink = StoreSink(self.store, {spider.site.name: spider.site}, {spider.site.name: spider.report})
        self.batch = WriteBatch(
            self.store,
            self.write_failed,
            size=self.crawler.settings.getint("POLICY_WRITE_BATCH", 50),
            seconds=self.crawler.settings.getfloat("POLICY_WRITE_BATCH_SECONDS", 1.0),
            schedule=reactor.callLater,
            checkpoint=self.sink.checkpoint,
        )

    def close_spider(self, spider=None) -> None:
        spider = self.crawler.spider
        for item in spider.loose_outcomes:
            self.batch.add(item, partial(self.sink.write, item))
        spider.loose_outcomes.clear()
        self.batch.flush()
        self.cleaner.close()
        report = spider.report
        report.spent("writes", self.batch.busy)
        started = time.perf_counter()
        if self.store:
            self.store.close()  # the command that ran the crawl relinks (reasoning/relinking.py)
        report.spent("close", time.perf_counter() - started)

    async def process_item(self, item, spider=None):
        if not isinstance(item, Fetched):
            self.batch.add(item, partial(self.sink.write, item))
            self.show_progress()
            return item
        digest = content_hash(item.body)
        if self.sink.unchanged(item, digest):
            self.batch.add(item, partial(self.sink.known, item, digest))
        else:
            # compressed, cleaned and turned into rows in a worker while the crawl goes on
            prepared = await self.cleaner.prepare(item.body, item.final_url, self.sink.hints(item))
            for stage, seconds in prepared.cpu:
                self.crawler.spider.report.spent(stage, seconds)
            self.batch.add(item, partial(self.sink.write_fetched, item, prepared, digest))
        self.show_progress()
        return item

    def write_failed(self, item, error: Exception) -> None:
        """A write the store refused (disk full, a damaged file): reported; the URL is fetched again next run."""
        url = getattr(item, "final_url", None) or getattr(item, "url", None) or "?"
        site = getattr(item, "site", None) or self.crawler.spider.site.name
        st = self.sink.figures(site)
        st.fail(url, f"not stored: {type(error).__name__}: {error}")
        st.unstored += 1
        log.error("not stored: %s: %s: %s", url, type(error).__name__, error)

    def show_progress(self) -> None:
        """A line on stderr every so many requests, for a long night's crawl watched by hand."""
        if not self.progress_every:
            return
        st = self.crawler.spider.report
        if st.requests - self.shown >= self.progress_every:
            self.shown = st.requests
            print(
                f"{st.site}: {st.requests} requests, {st.pages} pages, {st.new} new, {st.changed} changed,"
                f" {st.failed} failed, {st.blocked} blocked",
                file=sys.stderr,
                flush=True,
            )
