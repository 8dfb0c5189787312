"""Shared fixtures: the bundled sample site, a live mirror on a free port, a data dir."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.mirror import make_server, serve_in_thread, site_root

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_DOCS = sorted(site_root().glob("kjj/zcwj/20*/*.html"))


@pytest.fixture(scope="session", autouse=True)
def dictionary_cache(tmp_path_factory):
    """The jieba dictionary cache for this run: built by the first command, loaded by every later one.

    Every `policy` subprocess that cuts text loads it; ~/.cache keeps one dictionary, keyed by the
    path of the venv's jieba, so two checkouts testing at once (or a test run beside a search)
    evicted each other's and most commands of a run rebuilt it (0.8 s each, several minutes a run).
    A folder of the run's own (0700, as the cache asks) also keeps the tests out of the user's home.
    """
    folder = tmp_path_factory.mktemp("xdg-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def sample_ingested(tmp_path_factory) -> Path:
    """The sample pages through `policy ingest`, once a run: tests copy it (``copy_data``), never change it."""
    data_dir = tmp_path_factory.mktemp("sample-ingested") / "data"
    ingest = run_policy("ingest", *map(str, SAMPLE_DOCS), data_dir=data_dir)
    assert ingest.returncode == 0, ingest.stderr
    return data_dir


@pytest.fixture(scope="session")
def sample_indexed(sample_ingested, tmp_path_factory) -> Path:
    """The ingested sample pages, then `policy index`, once a run: tests copy it, never change it."""
    data_dir = copy_data(sample_ingested, tmp_path_factory.mktemp("sample-indexed"))
    index = run_policy("index", data_dir=data_dir)
    assert index.returncode == 0, index.stderr
    return data_dir


def copy_data(data_dir: Path, into: Path) -> Path:
    """A test's own copy of a shared data dir (store and index), as ``into``/data."""
    return Path(shutil.copytree(data_dir, into / "data"))


@pytest.fixture(scope="session")
def mirror_url():
    """The bundled sample site over real HTTP on 127.0.0.1 (a free port)."""
    server = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def mirror_crawled(mirror_url, tmp_path_factory):
    """`policy crawl mirror` into a fresh store, once a run: (data dir, the command's result).

    Tests read the result and copy the data dir (``copy_data``) before they change it.
    """
    data_dir = tmp_path_factory.mktemp("mirror-crawled") / "data"
    crawl = run_policy("crawl", "mirror", data_dir=data_dir, env={"POLICY_MIRROR_URL": mirror_url})
    return data_dir, crawl


@dataclass
class Nights:
    """Two `policy update --site mirror --report …` runs on one fresh store, as two nights run them."""

    root: Path  # the run's own copy of the sample site, served at ``url``
    server: object  # its mirror server: ``server.requests`` lists what each night fetched
    url: str
    data_dir: Path  # the store and index after the second night: copy it (``copy_data``) to change it
    first_night: Path  # a copy of the store and index as the first night left them
    runs: list  # (the command's result, its --report or None), a night each
    night_2_fetched: list[str]  # the paths the second night asked for (GET)


@pytest.fixture(scope="session")
def mirror_nights(tmp_path_factory):
    """The nightly update of the mirror, twice, once a run (``Nights``); tests read it or copy it.

    The site is a copy of the mirror's so that a test may change a page for a third night on a copy
    of the store; it puts the page back when it is done.
    """
    tmp = tmp_path_factory.mktemp("mirror-nights")
    root = Path(shutil.copytree(site_root(), tmp / "site"))
    server, url = serve_in_thread(root)
    data_dir = tmp / "data"
    runs, marks = [], []
    for n in (1, 2):
        marks.append(len(server.requests))
        report = tmp / f"r{n}.json"
        result = run_policy(
            "update",
            "--site",
            "mirror",
            "--report",
            str(report),
            data_dir=data_dir,
            env={"POLICY_MIRROR_URL": url},
        )
        runs.append((result, json.loads(report.read_text(encoding="utf-8")) if report.exists() else None))
        if n == 1:
            first_night = Path(shutil.copytree(data_dir, tmp / "after-night-1"))
    night_2 = [path for method, path, _ in server.requests[marks[1] :] if method == "GET"]
    yield Nights(root, server, url, data_dir, first_night, runs, night_2)
    server.shutdown()
    server.server_close()


def run_policy(*args: str, data_dir: Path | None = None, env: dict | None = None, timeout: int = 180):
    """Run the real `policy` command in a subprocess (Twisted's reactor runs once per process)."""
    full_env = dict(os.environ)
    if data_dir is not None:
        full_env["POLICY_DATA_DIR"] = str(data_dir)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "policy", *args], capture_output=True, text=True, env=full_env, timeout=timeout
    )
