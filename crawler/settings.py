"""Scrapy settings: polite defaults in one place; a site's TOML overrides them."""

from __future__ import annotations

from .config import SiteConfig

USER_AGENT = "policy-harvester/0.1 (+https://github.com/policy-harvester/policy-harvester; research crawler)"


def crawl_settings(site: SiteConfig, data_dir: str) -> dict:
    p = site.politeness
    return {
        "BOT_NAME": "policy-harvester",
        "USER_AGENT": USER_AGENT,
        "ROBOTSTXT_OBEY": True,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": p.autothrottle_start_delay,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_DELAY": p.download_delay,
        "CONCURRENT_REQUESTS_PER_DOMAIN": p.concurrency_per_domain,
        "CONCURRENT_REQUESTS": 8,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "DOWNLOAD_TIMEOUT": 30,
        "DOWNLOAD_MAXSIZE": 32 * 1024 * 1024,
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "ITEM_PIPELINES": {"crawler.pipelines.StorePipeline": 300},
        "POLICY_DATA_DIR": str(data_dir),
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    }
