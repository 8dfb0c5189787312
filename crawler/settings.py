"""Scrapy settings: polite defaults in one place; a site's TOML overrides them."""

from __future__ import annotations

import logging
import os

from .config import SiteConfig

# Loggers whose complaints the run's summary already carries, one line per URL:
# a robots.txt that cannot be fetched (then the page fails too), pdfminer on odd fonts.
QUIET_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt", "pdfminer")


def quiet_logs() -> None:
    """Call after creating the CrawlerProcess: Scrapy's logging setup resets child loggers' levels."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


USER_AGENT = "policy-harvester/0.1 (+https://github.com/policy-harvester/policy-harvester; research crawler)"


def base_settings(data_dir: str) -> dict:
    """What every crawl of ours shares, whatever the site."""
    return {
        "BOT_NAME": "policy-harvester",
        "USER_AGENT": USER_AGENT,
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": "policy-harvester",
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "CONCURRENT_REQUESTS": 8,
        # outputs of one response handled at a time: ours yields one page (or a list page's links),
        # and Scrapy starts this many tasks for every response (100 by default)
        "CONCURRENT_ITEMS": 8,
        # a development lint that parses the callback's source again for most responses (its cache is
        # keyed by the bound method, which is new for every request): CPU for nothing
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        "RETRY_ENABLED": True,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "DOWNLOAD_MAXSIZE": 32 * 1024 * 1024,
        "DOWNLOAD_WARNSIZE": 16 * 1024 * 1024,
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        # failures are in the run's summary and report; the log only carries what went wrong in our code
        "LOG_LEVEL": "ERROR",
        "RETRY_GIVE_UP_LOG_LEVEL": "WARNING",
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawler.retry.BackoffRetryMiddleware": 550,
            "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
            "crawler.redirects.OffsiteRefusingRedirectMiddleware": 600,
            "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
            "crawler.redirects.OffsiteRefusingMetaRefreshMiddleware": 580,
        },
        "ITEM_PIPELINES": {"crawler.pipelines.StorePipeline": 300},
        "POLICY_DATA_DIR": str(data_dir),
        # worker processes that clean pages (None: min(2, cores); 0: clean in the crawl process)
        "POLICY_CLEAN_WORKERS": os.environ.get("POLICY_CLEAN_WORKERS"),
    }


def site_settings(site: SiteConfig) -> dict:
    """The per-site politeness overrides, as spider custom settings."""
    p = site.politeness
    return {
        "AUTOTHROTTLE_START_DELAY": p.autothrottle_start_delay,
        "AUTOTHROTTLE_MAX_DELAY": max(p.autothrottle_max_delay, p.autothrottle_start_delay),
        "DOWNLOAD_DELAY": p.download_delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": p.concurrency_per_domain,
        "DOWNLOAD_TIMEOUT": p.download_timeout,
        "RETRY_TIMES": p.retry_times,
        "RETRY_BACKOFF": p.retry_backoff,
    }


def crawl_settings(site: SiteConfig, data_dir: str) -> dict:
    return {**base_settings(data_dir), **site_settings(site)}
