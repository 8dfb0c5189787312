"""Cleaning off the crawl's thread: a small pool of worker processes.

clean() is pure CPU (bytes -> Document); run inline it stalls Scrapy's
reactor, so downloads wait while a page is cleaned.  Workers are started on
first use (a night with nothing new never starts one) from a forkserver
that has imported the cleaner once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from cleaner import Hints, NotADocument, clean
from corpus.model import Document

# ("ok", Document) | ("not_a_document", message) | ("error", message)
Outcome = tuple[str, "Document | str"]


def clean_outcome(body: bytes, url: str, hints: Hints) -> Outcome:
    """clean() with its failures as values, so they cross a process boundary intact."""
    try:
        return "ok", clean(body, url=url, hints=hints)
    except NotADocument as e:
        return "not_a_document", str(e)
    except Exception as e:  # a cleaner bug must not stop the night's crawl: the raw page is kept
        return "error", f"cleaner error {type(e).__name__}: {e}"


def default_workers() -> int:
    return min(2, os.cpu_count() or 1)


class CleanerPool:
    def __init__(self, workers: int):
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    async def clean(self, body: bytes, url: str, hints: Hints) -> Outcome:
        if self.workers <= 0:
            return clean_outcome(body, url, hints)
        if self.pool is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["cleaner", "corpus.model"])
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return await asyncio.wrap_future(self.pool.submit(clean_outcome, body, url, hints))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
