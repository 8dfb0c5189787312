"""Distributed mode on a real redis-server: two worker processes, one consumer, every page fetched once."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter

import pytest
import redis

from corpus.store import Store
from crawler.mirror import serve_in_thread
from tests.conftest import run_policy

DOCS = 60
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url():
    port = free_port()
    proc = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def round_of_two_workers(url, redis_url, data_dir, report):
    env = {**os.environ, "POLICY_DATA_DIR": str(data_dir), "POLICY_GENERATED_URL": url}
    cmd = [sys.executable, "-m", "policy", "crawl", "generated", "--redis", redis_url]
    workers = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    consumer = run_policy(
        "consume",
        "generated",
        "--redis",
        redis_url,
        "--wait",
        "20",
        "--report",
        str(report),
        data_dir=data_dir,
        env={"POLICY_GENERATED_URL": url},
    )
    outs = [w.communicate(timeout=60) for w in workers]
    assert all(w.returncode == 0 for w in workers), outs
    responses = [int(re.search(r"(\d+) responses", out).group(1)) for out, _ in outs]
    return consumer, responses


def test_two_workers_fetch_every_page_once_and_one_consumer_stores_each_once(redis_url, data_dir, tmp_path):
    server, url = serve_in_thread(generate=DOCS, delay=0.03)
    try:
        consumer, responses = round_of_two_workers(url, redis_url, data_dir, tmp_path / "r1.json")
        assert consumer.returncode == 0, consumer.stdout + consumer.stderr
        report = json.loads((tmp_path / "r1.json").read_text(encoding="utf-8"))
        assert report["sites"]["generated"]["new"] == DOCS and report["sites"]["generated"]["failed"] == 0

        gets = Counter(p for m, p, s in server.requests if m == "GET" and p.startswith("/gen/"))
        details = {p: n for p, n in gets.items() if "/t_" in p}
        assert len(details) == DOCS and set(details.values()) == {1}, "a detail page was fetched twice"
        assert all(n == 1 for p, n in gets.items() if "index" in p), "a list page was fetched twice"
        assert all(r > 1 for r in responses), f"both workers should share the work: {responses}"

        with Store.in_dir(data_dir) as store:
            assert store.count_documents() == DOCS
            news = [c for c in store.changes_since(0) if c[2] == "new"]
            assert len(news) == DOCS and len({c[1] for c in news}) == DOCS
        client = redis.Redis.from_url(redis_url)
        assert client.llen("policy:policy-generated:items") == 0
        assert not client.exists("policy:policy-generated:round"), "the last worker closes the round"

        # the next night: a new round, and nothing is fetched again
        mark = len(server.requests)
        consumer2, _ = round_of_two_workers(url, redis_url, data_dir, tmp_path / "r2.json")
        assert consumer2.returncode == 0, consumer2.stderr
        r2 = json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))["sites"]["generated"]
        assert r2["new"] == 0 and r2["changed"] == 0 and r2["pages"] == 0
        assert not [p for m, p, s in server.requests[mark:] if "/t_" in p]
        assert [p for m, p, s in server.requests[mark:] if p == "/gen/index.html"] == ["/gen/index.html"]
    finally:
        server.shutdown()
        server.server_close()


def test_unreachable_redis_is_a_one_line_error(data_dir):
    result = run_policy("crawl", "mirror", "--redis", f"redis://127.0.0.1:{free_port()}/0", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot reach Redis at redis://127.0.0.1:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_processes_opening_a_new_store_at_once_do_not_collide(tmp_path):
    """Workers and the consumer may create the store together: each migration step runs once."""
    code = "import sys; from corpus.store import Store; Store.in_dir(sys.argv[1]).close(); print('ok')"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path / "data")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 and out.strip() == "ok" for p, (out, _) in zip(procs, outs, strict=True)), (
        outs
    )
