"""Retries with back-off: Scrapy's RetryMiddleware retries at once; a struggling server needs a pause.

The n-th retry of a request waits ``RETRY_BACKOFF * 2**(n-1)`` seconds (capped
by ``RETRY_BACKOFF_MAX``) before it is sent, without holding a download slot.
"""

from __future__ import annotations

import asyncio

from scrapy.downloadermiddlewares.retry import RetryMiddleware


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.backoff = settings.getfloat("RETRY_BACKOFF", 0.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 300.0)

    def _retry(self, request, reason):
        retry = super()._retry(request, reason)
        if retry is not None and self.backoff > 0:
            n = retry.meta.get("retry_times", 1)
            retry.meta["backoff_delay"] = min(self.backoff * 2 ** (n - 1), self.backoff_max)
        return retry

    async def process_request(self, request):
        delay = request.meta.pop("backoff_delay", 0)
        if delay:
            await asyncio.sleep(delay)
        return None
