"""A full disk loses no document for good: what was listed but not stored is fetched by the next run.

Two real ways to fill the disk, both run:
- ``tmpfs``: the data directory on a 16 MB tmpfs mounted for the test, nearly filled by a ballast
  file; when the first "not stored" is logged the ballast goes, so room comes back while the run
  goes on (another program freeing space, a log rotated), the way the fault was met.  Where this
  process may not mount (not root), the cap below is used instead.
- ``max_page_count``: the store capped with SQLite's max_page_count (POLICY_STORE_MAX_MB), which
  refuses every write that would grow the file with the same "database or disk is full".
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading

import pytest

from corpus.store import Store
from crawler.mirror import serve_in_thread
from tests.conftest import ROOT

DOCS = 100  # five list pages of twenty


def _mount(path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    return done.returncode == 0


def update(data_dir, url, report, env=None, on_full=None):
    """`policy update --site generated`; ``on_full`` is called at the first "not stored" it logs."""
    import os

    full_env = {**os.environ, "POLICY_DATA_DIR": str(data_dir), "POLICY_GENERATED_URL": url, **(env or {})}
    args = [sys.executable, "-m", "policy", "update", "--site", "generated", "--report", str(report)]
    child = subprocess.Popen(
        args, cwd=ROOT, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    out: list[str] = []
    reader = threading.Thread(target=lambda: out.append(child.stdout.read()), daemon=True)
    reader.start()
    err = []
    for line in child.stderr:
        err.append(line)
        if on_full is not None and "not stored" in line:
            on_full()
            on_full = None
    child.wait(timeout=180)
    reader.join(timeout=10)
    return child.returncode, "".join(out), "".join(err)


@pytest.fixture(params=["tmpfs", "max_page_count"])
def full_disk(request, tmp_path):
    """(data dir, env for the first run, what to call when the disk first fills)."""
    disk = tmp_path / "disk"
    if request.param == "tmpfs" and _mount(disk, "16m"):
        ballast = disk / "ballast"
        ballast.write_bytes(b"\0" * (13 << 20))
        yield disk / "data", {}, ballast.unlink
        subprocess.run(["umount", "-l", str(disk)], check=False)
    else:
        yield disk / "data", {"POLICY_STORE_MAX_MB": "3"}, None


def test_pages_not_stored_on_a_full_disk_are_fetched_by_the_next_run(full_disk, tmp_path):
    data_dir, cap, free_room = full_disk
    server, url = serve_in_thread(generate=DOCS)
    try:
        code, out, err = update(data_dir, url, tmp_path / "r1.json", cap, free_room)
        assert code == 1, out + err
        assert "database or disk is full" in err and "Traceback" not in err
        with Store.in_dir(data_dir) as store:
            stored = store.count_documents()
        assert 0 < stored < DOCS, "the disk filled part way through"
        first = json.loads((tmp_path / "r1.json").read_text(encoding="utf-8"))["sites"]["generated"]
        assert first["new"] == stored and first["failed"] > 0

        code, out, err = update(data_dir, url, tmp_path / "r2.json")  # with room
        assert code == 0, out + err
        second = json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))["sites"]["generated"]
        with Store.in_dir(data_dir) as store:
            assert store.count_documents() == DOCS, out
        assert second["new"] == DOCS - stored and second["pending"] == 0 and second["failed"] == 0
    finally:
        server.shutdown()
        server.server_close()
