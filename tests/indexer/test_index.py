"""Building and updating the index: incremental changes, rebuilds, and writers that never trip readers."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from corpus.store import Store
from indexer import IndexError_, search, update_index
from indexer.build import index_dir, index_state, writer_lock
from reasoning import relink
from tests.conftest import ROOT
from tests.indexer.conftest import fill_store, fixture_documents


@pytest.fixture
def store_dir(indexed_copy):
    """The sample site and the search fixtures, stored and indexed (a copy of ``indexed``)."""
    return indexed_copy


def test_changed_document_replaces_its_clauses_and_removed_ones_go(store_dir, backend):
    doc = next(d for d in fixture_documents() if "jinan" in d.source)
    assert search(store_dir, '"变相提高收费"').total == 1
    doc.clauses[2].text = doc.clauses[2].text.replace("变相提高收费", "擅自加收中试熟化费")
    with Store.in_dir(store_dir) as store:
        store.save_document(doc)
        relink(store)
        report = update_index(store, store_dir)
    assert (report.documents, report.rebuilt) == (1, False)
    assert search(store_dir, '"变相提高收费"').total == 0
    assert search(store_dir, '"擅自加收中试熟化费"').total == 1
    with Store.in_dir(store_dir) as store:
        store.delete_document(doc.id)
        relink(store)
        report = update_index(store, store_dir)
    assert report.removed == 1
    assert search(store_dir, "创新券", per_page=100).hits
    assert all(h.doc_id != doc.id for h in search(store_dir, "创新券", per_page=100).hits)
    assert index_state(store_dir)["backend"] == backend


def test_nothing_changed_is_a_no_op_and_rebuild_starts_over(store_dir, backend):
    with Store.in_dir(store_dir) as store:
        assert update_index(store, store_dir).documents == 0
        before = search(store_dir, "中试基地").total
        report = update_index(store, store_dir, rebuild=True)
        assert report.rebuilt and report.documents == store.count_documents()
    assert search(store_dir, "中试基地").total == before
    generations = [p for p in index_dir(store_dir).iterdir() if p.is_dir()]
    assert len(generations) <= 2  # the live one and the one it replaced


def test_a_busy_writer_gives_a_clear_error_after_the_wait(store_dir):
    with writer_lock(index_dir(store_dir), timeout=1), Store.in_dir(store_dir) as store:
        with pytest.raises(IndexError_, match="another `policy index`"):
            update_index(store, store_dir, rebuild=True, lock_timeout=0.3)


def test_two_index_runs_and_searches_during_the_writes(store_dir, backend):
    """Two `policy index --rebuild` at once both succeed; searches meanwhile never fail or see half an index."""
    expected = search(store_dir, "中试基地").total
    env = {"POLICY_DATA_DIR": str(store_dir)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "policy", "index", "--rebuild"],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    seen, errors = [], []

    def keep_searching():
        while any(p.poll() is None for p in procs):
            try:
                seen.append(search(store_dir, "中试基地").total)
            except Exception as e:  # noqa: BLE001 - any error is the failure this test looks for
                errors.append(repr(e))
            time.sleep(0.05)  # leave the writers most of the two cores

    reader = threading.Thread(target=keep_searching)
    reader.start()
    outputs = [p.communicate(timeout=120) for p in procs]
    reader.join()
    for p, (out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
        assert "Traceback" not in err and "LockError" not in err
        assert "index rebuilt" in out
    assert not errors
    assert seen and set(seen) == {expected}


def test_auto_picks_the_backend_by_the_store_size(tmp_path, monkeypatch):
    import indexer.build as build

    data_dir = tmp_path / "data"
    with Store.in_dir(data_dir) as store:
        fill_store(store)
        n = store.count_clauses()
        monkeypatch.setattr(build, "AUTO_TANTIVY_FROM", n + 1)
        assert update_index(store, data_dir, backend="auto").backend == "whoosh"
        assert update_index(store, data_dir).backend == "whoosh"  # an index keeps its engine
        monkeypatch.setattr(build, "AUTO_TANTIVY_FROM", n)
        report = update_index(store, data_dir, backend="auto")
    assert (report.backend, report.rebuilt) == ("tantivy", True)
    assert search(data_dir, "中试基地").backend == "tantivy"
