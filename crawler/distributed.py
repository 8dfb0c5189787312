"""Distributed mode: several crawl processes (on several machines) share one frontier in Redis.

Workers (``policy crawl SITE --redis URL``) run the generic spider on
scrapy-redis's scheduler and dupefilter, so a URL any worker has asked for
is never asked for again by another.  They do not write the store: each
outcome (crawler/items.py) goes onto a Redis list, and one consumer
(``policy consume SITE --redis URL``) applies them to the store through the
same sink as a single-process crawl.

scrapy-redis 0.9.1 starts its spiders through ``start_requests()``, which
Scrapy 2.13 replaced by ``async start()`` (2.16 dropped the old path); we keep
Scrapy 2.19 and give our Redis spider its own ``async start()``: it yields
the site's start URLs (the shared dupefilter keeps the second worker's
copies out), then keeps the worker alive over scrapy-redis's queue, pulling
requests other workers added while this one was idle, until the queue is
empty and every worker is idle.

Redis keys, per site (the spider is ``policy-SITE``):
``policy:policy-SITE:requests``  the shared frontier (scrapy-redis priority queue)
``policy:policy-SITE:dupefilter`` fingerprints of every request of the round
``policy:policy-SITE:items``     outcomes waiting for the consumer (JSON)
``policy:policy-SITE:workers``   worker id -> "busy|idle <unix time>"
``policy:policy-SITE:round``     set while a round is open; a killed round resumes from its queue
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import time
import uuid
from pathlib import Path

import redis
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy_redis.queue import PriorityQueue

from corpus.store import Store

from .config import SiteConfig
from .items import from_wire, to_wire
from .run import spider_class, spider_name
from .settings import base_settings, quiet_logs
from .sink import StoreSink
from .spider import PolicySpider
from .stats import CrawlStats

POLL = 0.1  # seconds between looks at the shared queue while idle
STALE = 30.0  # a worker silent this long is gone (killed): it no longer holds the round open


class DistributedError(RuntimeError):
    """Redis cannot be reached or the round is in a state we cannot work with."""


def keys(spider_name: str) -> dict[str, str]:
    base = f"policy:{spider_name}"
    return {k: f"{base}:{k}" for k in ("requests", "dupefilter", "items", "workers", "round")}


def connect(url: str) -> redis.Redis:
    try:
        server = redis.Redis.from_url(url)
        server.ping()
    except (redis.RedisError, ValueError) as e:
        raise DistributedError(f"cannot reach Redis at {url}: {e}") from e
    return server


def live_workers(server: redis.Redis, key: str, now: float) -> dict[str, str]:
    out = {}
    for wid, value in server.hgetall(key).items():
        state, _, stamp = value.decode().partition(" ")
        if now - float(stamp or 0) < STALE:
            out[wid.decode()] = state
    return out


class RedisPolicySpider(PolicySpider):
    """The generic spider as a worker over a shared Redis frontier."""

    def __init__(self, *args, redis_url: str, idle_grace: float = 1.0, **kwargs):
        super().__init__(*args, **kwargs)
        self.redis_url = redis_url
        self.idle_grace = idle_grace
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.fetches = 0

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._closed, signal=signals.spider_closed)
        crawler.signals.connect(spider._counted, signal=signals.response_received)
        return spider

    def _counted(self, *args, **kwargs):
        self.fetches += 1

    def _busy(self) -> bool:
        engine = self.crawler.engine
        return bool(engine.downloader.active) or not engine.scraper.slot.is_idle()

    def _beat(self, state: str) -> None:
        self.server.hset(self.keys["workers"], self.worker_id, f"{state} {time.time():.3f}")

    async def start(self):
        self.server = connect(self.redis_url)
        self.keys = keys(self.name)
        if self.server.set(self.keys["round"], time.time(), nx=True):
            # a new round: last round's fingerprints must not hide tonight's list pages
            self.server.delete(self.keys["dupefilter"], self.keys["requests"])
        self._beat("busy")
        async for request in super().start():
            yield request
        queue = PriorityQueue(self.server, self, self.keys["requests"])
        idle_since = None
        while True:
            busy = self._busy()
            self._beat("busy" if busy else "idle")
            pending = len(queue)
            if pending and not busy:
                # idle while others filled the shared queue: take one request, which wakes the
                # engine, and the engine pulls the rest from the queue itself as slots free up
                request = queue.pop()
                if request is not None:
                    request.dont_filter = True  # the shared dupefilter let it through when it was queued
                    yield request
                idle_since = None
            elif busy or pending:
                idle_since = None
            else:
                now = time.time()
                others = live_workers(self.server, self.keys["workers"], now)
                if any(state == "busy" for wid, state in others.items() if wid != self.worker_id):
                    idle_since = None
                else:
                    idle_since = idle_since or now
                    if now - idle_since >= self.idle_grace:
                        return
            await asyncio.sleep(POLL)

    def _closed(self, spider=None, reason: str = "") -> None:
        server = getattr(self, "server", None)
        if server is None:
            return
        server.hdel(self.keys["workers"], self.worker_id)
        if not live_workers(server, self.keys["workers"], time.time()) and not server.zcard(
            self.keys["requests"]
        ):
            # the last worker out closes the round; the items stay for the consumer
            server.delete(self.keys["dupefilter"], self.keys["round"])


class RedisItemPipeline:
    """Workers hand every outcome to the one consumer through a Redis list."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.server: redis.Redis | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def open_spider(self, spider=None) -> None:
        self.server = connect(self.crawler.settings.get("REDIS_URL"))
        self.key = keys(self.crawler.spider.name)["items"]

    def process_item(self, item, spider=None):
        self.server.rpush(self.key, json.dumps(to_wire(item), ensure_ascii=False))
        return item

    def close_spider(self, spider=None) -> None:
        spider = self.crawler.spider
        for item in spider.loose_outcomes:
            self.process_item(item)
        spider.loose_outcomes.clear()


def redis_settings(redis_url: str, data_dir: str) -> dict:
    return {
        **base_settings(data_dir),
        "SCHEDULER": "scrapy_redis.scheduler.Scheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,  # a worker that stops must not wipe the others' frontier
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": "policy:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": "policy:%(spider)s:dupefilter",
        "REDIS_URL": redis_url,
        "ITEM_PIPELINES": {"crawler.distributed.RedisItemPipeline": 300},
    }


def run_worker(site: SiteConfig, redis_url: str, data_dir: str | Path) -> int:
    """Crawl as one worker until the shared frontier is done; returns how many responses it got."""
    connect(redis_url)
    state = {}
    if (Path(data_dir) / "policy.sqlite3").exists():
        with Store.in_dir(data_dir) as store:  # known pages: only what is new or due is fetched
            state = store.url_states(site.name)
    process = CrawlerProcess(redis_settings(redis_url, str(data_dir)))
    quiet_logs()
    cls = spider_class(site, base=RedisPolicySpider)
    crawler = process.create_crawler(cls)
    process.crawl(crawler, site=site, state=state, redis_url=redis_url)
    process.start()
    return crawler.spider.fetches if crawler.spider else 0


def consume(
    site: SiteConfig, redis_url: str, data_dir: str | Path, *, wait: float = 30.0, progress=None
) -> CrawlStats:
    """Apply the workers' outcomes to the store until the round is over and the list is empty.

    ``wait``: how long to wait for a first worker or item before giving up.
    """
    server = connect(redis_url)
    k = keys(spider_name(site))
    stats = CrawlStats(site=site.name)
    started = time.time()
    seen_work = False
    with Store.in_dir(data_dir) as store:
        run_id = store.start_run(f"consume {site.name}")
        store.site_started(site.name)
        sink = StoreSink(store, {site.name: site}, {site.name: stats})

        def drain() -> bool:
            raw = server.lpop(k["items"])
            if raw is None:
                return False
            sink.apply(from_wire(json.loads(raw)))
            if progress and stats.requests % 50 == 0:
                progress(stats)
            return True

        while True:
            if drain():
                seen_work = True
                continue
            if live_workers(server, k["workers"], time.time()):
                seen_work = True
            elif seen_work or time.time() - started > wait:
                while drain():  # what the last workers pushed on their way out
                    pass
                break
            time.sleep(POLL)
        unfinished = bool(server.exists(k["round"]))
        stats.pending = store.count_pending(site.name)
        stats.closed = (
            "worker round cut off: it resumes when workers start again" if unfinished else "finished"
        )
        if not unfinished:
            store.site_finished(site.name, {**stats.as_report(), "closed": "finished"})
        store.finish_run(
            run_id, {"sites": {site.name: stats.as_report()}, "new_documents": stats.new_documents}
        )
    return stats
