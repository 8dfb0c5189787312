"""Redirects to another host: not followed, and recorded as a failure that says where they lead.

Scrapy hands a redirect (301/302/303/307/308, or a ``<meta http-equiv=refresh>``) on as a new
request, which its offsite filter then drops without a word: the listed page got neither a
document nor a failure, and a night of such pages reported "0 failed".  These middlewares take
Scrapy's places and refuse an off-site target themselves, with an IgnoreRequest naming it; the
spider's errback records that as the page's failure.
"""

from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.exceptions import IgnoreRequest

from .urls import host_allowed


class _OffsiteRefusal:
    def _redirect(self, redirected, request, reason):
        site = getattr(self.crawler.spider, "site", None)
        if site is not None and not host_allowed(redirected.url, site.allowed_domains):
            raise IgnoreRequest(f"redirected off-site to {redirected.url}")
        return super()._redirect(redirected, request, reason)


class OffsiteRefusingRedirectMiddleware(_OffsiteRefusal, RedirectMiddleware):
    """HTTP 3xx with a Location on another host: a failure, not a silent drop."""


class OffsiteRefusingMetaRefreshMiddleware(_OffsiteRefusal, MetaRefreshMiddleware):
    """A meta refresh to another host (the way many CMSs "move" a page): a failure, not a silent drop."""
