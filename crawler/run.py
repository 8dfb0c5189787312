"""Run the crawls of one or more sites in this process and return their figures.

Twisted's reactor runs once per process, so all sites of a run are crawled
by one CrawlerProcess, one crawler per site, side by side (each site keeps
its own politeness: the per-domain limits are per crawler).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from scrapy import signals
from scrapy.crawler import CrawlerProcess

from corpus.store import Store

from .config import SiteConfig, load_site
from .settings import base_settings, quiet_logs, site_settings
from .spider import PolicySpider
from .stats import CrawlStats

# Reasons a crawl counts as complete: the next run starts afresh rather than resuming.
COMPLETE = ("finished",)


def spider_name(site: SiteConfig) -> str:
    return f"policy-{site.name}"


def spider_class(
    site: SiteConfig, base: type[PolicySpider] = PolicySpider, overrides: dict | None = None
) -> type[PolicySpider]:
    """A spider class for one site, carrying the site's politeness as custom settings."""
    name = spider_name(site)
    custom = {**site_settings(site), **(overrides or {})}
    return type(name.replace("-", "_"), (base,), {"name": name, "custom_settings": custom})


def run_sites(
    sites: Iterable[SiteConfig],
    data_dir: str | Path,
    *,
    extra_settings: dict | None = None,
    on_crawler: Callable | None = None,
    progress_every: int = 0,
) -> dict[str, CrawlStats]:
    """Crawl the sites into the store; a site whose last crawl was cut off resumes (full pagination).

    ``extra_settings`` override the sites' own settings too (the bench turns politeness off);
    ``on_crawler`` is called with each crawler before it starts (to connect signals).
    """
    sites = list(sites)
    stats = {site.name: CrawlStats(site=site.name) for site in sites}
    plans = {}
    with Store.in_dir(data_dir) as store:  # create/migrate before the crawl, so errors surface early
        for site in sites:
            resume = store.site_started(site.name)
            plans[site.name] = (store.url_states(site.name), resume)
    settings = {
        **base_settings(str(data_dir)),
        "POLICY_PROGRESS_EVERY": progress_every,
        **(extra_settings or {}),
    }
    process = CrawlerProcess(settings)
    quiet_logs()
    for site in sites:
        state, resume = plans[site.name]
        crawler = process.create_crawler(spider_class(site, overrides=extra_settings))
        if on_crawler is not None:
            on_crawler(crawler)
        crawler.signals.connect(_closed_reason(stats[site.name]), signal=signals.spider_closed, weak=False)
        process.crawl(crawler, site=site, state=state, resume=resume, stats=stats[site.name])
    process.start()
    with Store.in_dir(data_dir) as store:
        for site in sites:
            st = stats[site.name]
            st.pending = store.count_pending(site.name)
            # a write the store refused leaves pages it may not even know are pending (their list
            # page's record was refused too): the next run walks every list page, as after a kill
            if (st.closed in COMPLETE or st.closed.startswith("blocked")) and not st.unstored:
                try:
                    store.site_finished(site.name, {**st.as_report(), "closed": st.closed})
                except sqlite3.OperationalError as e:  # a full disk: unfinished, so the next run resumes
                    st.notes.append(
                        f"the crawl's end was not recorded ({e}): the next run walks every list page"
                    )
    return stats


def _closed_reason(st: CrawlStats):
    def on_closed(spider=None, reason: str = "") -> None:
        st.closed = reason

    return on_closed


def run_crawl(site_name: str, data_dir: str | Path, progress_every: int = 0) -> CrawlStats:
    """Crawl one site and record the run (the `policy crawl SITE` command)."""
    site = load_site(site_name)
    with Store.in_dir(data_dir) as store:
        run_id = store.start_run(f"crawl {site.name}")
    stats = run_sites([site], data_dir, progress_every=progress_every)[site.name]
    with Store.in_dir(data_dir) as store:
        store.finish_run(
            run_id, {"sites": {site.name: stats.as_report()}, "new_documents": stats.new_documents}
        )
    return stats
