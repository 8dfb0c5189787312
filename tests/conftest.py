"""Shared fixtures: the bundled sample site, a live mirror on a free port, a data dir."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from crawler.mirror import make_server, site_root

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


def run_policy(*args: str, data_dir: Path | None = None, env: dict | None = None, timeout: int = 180):
    """Run the real `policy` command in a subprocess (Twisted's reactor runs once per process)."""
    full_env = dict(os.environ)
    if data_dir is not None:
        full_env["POLICY_DATA_DIR"] = str(data_dir)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "policy", *args], capture_output=True, text=True, env=full_env, timeout=timeout
    )
