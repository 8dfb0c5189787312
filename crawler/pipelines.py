"""The Scrapy side of the sink: every outcome the spider yields goes to the store.

A page whose cleaning fails is kept raw (it can be re-cleaned later) and
counted; nothing already stored is touched by a failure.
"""

from __future__ import annotations

import sys

from corpus.store import Store

from .cleanpool import CleanerPool, default_workers
from .items import Fetched
from .sink import StoreSink


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.data_dir = crawler.settings.get("POLICY_DATA_DIR")
        self.store: Store | None = None
        self.sink: StoreSink | None = None
        workers = crawler.settings.get("POLICY_CLEAN_WORKERS")
        self.cleaner = CleanerPool(default_workers() if workers is None else int(workers))
        self.progress_every = crawler.settings.getint("POLICY_PROGRESS_EVERY", 0)
        self.shown = 0

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None) -> None:
        spider = self.crawler.spider
        self.store = Store.in_dir(self.data_dir)
        self.sink = StoreSink(self.store, {spider.site.name: spider.site}, {spider.site.name: spider.report})

    def close_spider(self, spider=None) -> None:
        spider = self.crawler.spider
        for item in spider.loose_outcomes:
            self.sink.apply(item)
        spider.loose_outcomes.clear()
        self.cleaner.close()
        if self.store:
            self.store.close()

    async def process_item(self, item, spider=None):
        if isinstance(item, Fetched):
            # the page is cleaned in a worker while the crawl goes on; the store is written here only
            saved = self.sink.store_raw(item)
            if saved is not None:
                outcome = await self.cleaner.clean(item.body, item.final_url, self.sink.hints(item))
                self.sink.store_document(item, saved, outcome)
        else:
            self.sink.apply(item)
        self.show_progress()
        return item

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
