"""Store every fetched page as a raw version, then clean it into a document.

A page whose cleaning fails is kept raw (it can be re-cleaned later) and
counted as failed; nothing already stored is touched by a failure.
"""

from __future__ import annotations

from cleaner import Hints, NotADocument, clean
from corpus.store import Store

from .spider import FetchedPage, PolicySpider


class StorePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.data_dir = crawler.settings.get("POLICY_DATA_DIR")
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self) -> None:
        self.store = Store.in_dir(self.data_dir)

    def close_spider(self) -> None:
        if self.store:
            self.store.close()

    def process_item(self, item: FetchedPage):
        spider: PolicySpider = self.crawler.spider
        report = spider.report
        report.pages += 1
        saved = self.store.save_page(
            item.url, item.body, status=item.status, content_type=item.content_type, headers=item.headers
        )
        charset = None
        if item.content_type and "charset=" in item.content_type.lower():
            charset = item.content_type.lower().split("charset=", 1)[1].split(";")[0].strip()
        hints = Hints(charset=charset, body_selector=spider.site.body_selector, region=spider.site.region)
        try:
            doc = clean(item.body, url=item.url, hints=hints)
        except NotADocument as e:
            report.failed += 1
            report.errors.append(f"{item.url}: {e}")
            return item
        action = self.store.save_document(doc, page_id=saved.page_id, site=spider.site.name)
        setattr(report, action, getattr(report, action) + 1)
        if action == "new":
            report.new_documents.append(
                {"url": doc.url, "title": doc.title, "issuer": doc.issuer, "published": doc.published}
            )
        return item
