"""A killed `policy update` resumes where it stopped: nothing fetched twice, every document stored once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from corpus.store import Store
from crawler.mirror import serve_in_thread
from tests.conftest import run_policy

DOCS = 150


def stored_documents(data_dir) -> int:
    path = data_dir / "policy.sqlite3"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_killed_update_resumes_without_refetching(data_dir):
    server, url = serve_in_thread(generate=DOCS)
    env = {**os.environ, "POLICY_DATA_DIR": str(data_dir), "POLICY_GENERATED_URL": url}
    try:
        run1 = subprocess.Popen(
            [sys.executable, "-m", "policy", "update", "--site", "generated"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its process group: the cleaning pool goes down with it
        )
        deadline = time.monotonic() + 60
        while stored_documents(data_dir) < 45 and time.monotonic() < deadline and run1.poll() is None:
            time.sleep(0.05)
        # the whole run, as a crash or the OOM killer takes it: a SIGKILL of the command alone left its
        # forkserver and two cleaning workers waiting on a queue nobody writes to, for good
        os.killpg(run1.pid, signal.SIGKILL)
        run1.wait()
        done_before = stored_documents(data_dir)
        assert 45 <= done_before < DOCS, "the run should be cut off half-way"

        with Store.in_dir(data_dir) as store:
            finished = {u for u, st in store.url_states("generated").items() if st.last_status == "ok"}
        sites = run_policy("sites", "--json", data_dir=data_dir)
        row = next(r for r in map(json.loads, sites.stdout.splitlines()) if r["name"] == "generated")
        assert row["last_started"] and not row["last_finished"]

        mark = len(server.requests)
        run2 = run_policy(
            "update", "--site", "generated", data_dir=data_dir, env={"POLICY_GENERATED_URL": url}
        )
        assert run2.returncode == 0, run2.stdout + run2.stderr
        refetched = {url + p for m, p, s in server.requests[mark:] if "/t_" in p} & finished
        assert not refetched, f"{len(refetched)} pages the killed run had stored were fetched again"
        with Store.in_dir(data_dir) as store:
            assert store.count_documents() == DOCS
            news = [c for c in store.changes_since(0) if c[2] == "new"]
            assert len(news) == DOCS and len({c[1] for c in news}) == DOCS
            assert store.site_states()["generated"]["finished_at"]
    finally:
        server.shutdown()
        server.server_close()
