"""Shared fixtures: the bundled sample site, a live mirror on a free port, a data dir."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from crawler.mirror import make_server, site_root

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_DOCS = sorted(site_root().glob("kjj/zcwj/20*/*.html"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def mirror_url():
    """The bundled sample site over real HTTP on 127.0.0.1 (a free port)."""
    server = make_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
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
