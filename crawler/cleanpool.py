"""Cleaning off the crawl's thread: a small pool of worker processes.

clean() is pure CPU (bytes -> Document); run inline it stalls Scrapy's
reactor, so downloads wait while a page is cleaned.  A worker does all the
CPU work a fetched page needs before it can be written: it compresses the
raw page, cleans it, and turns the document into the store's rows (JSON,
clause rows, the facts relink() reads), so the crawl's process only runs the
SQL.  Workers are started on first use (a night with nothing new never
starts one) from a forkserver that has imported the cleaner once.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from cleaner import Hints, NotADocument, clean
from corpus.model import Document
from corpus.store import DocumentRows, compress_body, document_rows

# ("ok", Document) | ("not_a_document", message) | ("error", message)
Outcome = tuple[str, "Document | str"]


@dataclass(frozen=True)
class Prepared:
    """A fetched page ready for the store: its compressed body and what cleaning made of it."""

    compressed: bytes
    kind: str  # ok | not_a_document | error
    rows: DocumentRows | None = None  # when ok
    message: str | None = None  # when not ok
    cpu: tuple[tuple[str, float], ...] = ()  # CPU seconds the worker spent, by stage


def clean_outcome(body: bytes, url: str, hints: Hints) -> Outcome:
    """clean() with its failures as values, so they cross a process boundary intact."""
    try:
        return "ok", clean(body, url=url, hints=hints)
    except NotADocument as e:
        return "not_a_document", str(e)
    except Exception as e:  # a cleaner bug must not stop the night's crawl: the raw page is kept
        return "error", f"cleaner error {type(e).__name__}: {e}"


def prepare_page(body: bytes, url: str, hints: Hints) -> Prepared:
    """Everything a fetched page needs before the store writes it (pure CPU, run in a worker)."""
    t0 = time.process_time()
    kind, value = clean_outcome(body, url, hints)
    t1 = time.process_time()
    rows = None
    if kind == "ok":
        try:
            rows = document_rows(value)
        except Exception as e:  # as for clean(): the raw page is still kept
            kind, value = "error", f"cleaner error {type(e).__name__}: {e}"
    t2 = time.process_time()
    compressed = compress_body(body)
    t3 = time.process_time()
    cpu = (("clean", t1 - t0), ("rows", t2 - t1), ("compress", t3 - t2))
    if kind == "ok":
        return Prepared(compressed, kind, rows=rows, cpu=cpu)
    return Prepared(compressed, kind, message=value, cpu=cpu)


def default_workers() -> int:
    return min(2, os.cpu_count() or 1)


class CleanerPool:
    def __init__(self, workers: int):
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    async def prepare(self, body: bytes, url: str, hints: Hints) -> Prepared:
        if self.workers <= 0:
            return prepare_page(body, url, hints)
        if self.pool is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["cleaner", "corpus.model", "corpus.store"])
            self.pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        try:
            return await asyncio.wrap_future(self.pool.submit(prepare_page, body, url, hints))
        except Exception as e:
            # a worker died on this page (out of memory, a crash in a C library): the page is kept
            # raw and reported; it is not cleaned here, where it could take the crawl down with it
            self.close()
            return Prepared(
                compress_body(body), "error", message=f"clean worker failed: {type(e).__name__}: {e}"
            )

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
