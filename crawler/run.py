"""Run a crawl of one site in this process and return its figures."""

from __future__ import annotations

from pathlib import Path

from scrapy.crawler import CrawlerProcess

from corpus.store import Store

from .config import load_site
from .settings import crawl_settings
from .spider import PolicySpider
from .stats import CrawlStats


def run_crawl(site_name: str, data_dir: str | Path) -> CrawlStats:
    """Crawl a site into the store.  Twisted's reactor runs once per process: one call per process."""
    site = load_site(site_name)
    stats = CrawlStats(site=site.name)
    with Store.in_dir(data_dir) as store:  # create/migrate before the crawl, so errors surface early
        run_id = store.start_run(f"crawl {site.name}")
    process = CrawlerProcess(crawl_settings(site, str(data_dir)))
    process.crawl(PolicySpider, site=site, stats=stats)
    process.start()
    with Store.in_dir(data_dir) as store:
        store.finish_run(
            run_id, {"sites": {site.name: stats.as_report()}, "new_documents": stats.new_documents}
        )
    return stats
