"""The Scrapy side of the sink: every outcome the spider yields goes to the store.

A page whose cleaning fails is kept raw (it can be re-cleaned later) and
counted; nothing already stored is touched by a failure.
"""

from __future__ import annotations

from corpus.store import Store

from .sink import StoreSink


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.data_dir = crawler.settings.get("POLICY_DATA_DIR")
        self.store: Store | None = None
        self.sink: StoreSink | None = None

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
        if self.store:
            self.store.close()

    def process_item(self, item, spider=None):
        self.sink.apply(item)
        return item
