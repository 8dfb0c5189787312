"""A damaged document row: every reader names it in one line, skips it, and `policy reclean` restores it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus.store import DamagedDocument, Store
from indexer import search
from indexer.build import index_state
from policy.cli import cli
from reasoning import relink
from search_web import create_app
from tests.conftest import copy_data

BROKEN = '{"id": "cut off mid-wri'


def run(data_dir: Path, *args: str):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


def damage_row(data_dir: Path, doc_id: str, data: str = BROKEN) -> None:
    db = sqlite3.connect(data_dir / "policy.sqlite3")
    db.execute("UPDATE documents SET data=? WHERE id=?", (data, doc_id))
    db.commit()
    db.close()


@pytest.fixture
def stored(sample_indexed, tmp_path) -> tuple[Path, list[str], str]:
    """The sample documents ingested and indexed; returns the data dir, every id, and the one to damage.

    A copy of the store `policy ingest` and `policy index` built once for the run (conftest).
    """
    data_dir = copy_data(sample_indexed, tmp_path)
    with Store.in_dir(data_dir) as store:
        ids = [d.id for d in store.documents()]
    return data_dir, ids, sorted(ids)[1]


def doc_ids_found(data_dir: Path, query: str) -> set[str]:
    return {h.doc_id for h in search(data_dir, query, per_page=100).hits}


@pytest.mark.parametrize(
    "data",
    [BROKEN, "null", '{"title": "a document with no id or clauses"}', '{"id": "x", "clauses": "oops"}'],
)
def test_the_store_names_the_damaged_row_and_reads_past_it_when_asked(stored, data):
    data_dir, ids, bad = stored
    damage_row(data_dir, bad, data)
    with Store.in_dir(data_dir) as store:
        with pytest.raises(
            DamagedDocument, match=rf"document {bad} is damaged in the store .*policy reclean"
        ):
            store.document(bad)
        with pytest.raises(DamagedDocument):
            list(store.documents())
        seen: list[str] = []
        rest = [d.id for d in store.documents(on_damaged=lambda e: seen.append(e.doc_id))]
        assert seen == [bad] and rest == [i for i in ids if i != bad]
        good = next(i for i in ids if i != bad)  # ids[0] is the damaged one when ingest crossed a second
        assert store.document(good).id == good


def test_export_writes_every_readable_document_then_fails(stored, tmp_path):
    data_dir, ids, bad = stored
    damage_row(data_dir, bad)
    out = tmp_path / "all.jsonl"
    r = run(data_dir, "export", "--format", "jsonl", "-o", str(out))
    assert r.exit_code == 1
    assert f"warning: skipped document {bad} is damaged" in r.stderr
    assert r.stderr.rstrip().endswith(f"error: 1 damaged document(s) left out: {bad}")
    assert "Traceback" not in r.output
    written = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == [i for i in ids if i != bad]
    csv = run(data_dir, "export", "--format", "csv", "-o", str(tmp_path / "all.csv"))
    assert csv.exit_code == 1 and bad in csv.stderr


def test_a_rebuild_leaves_the_damaged_document_out_and_says_so(stored):
    data_dir, ids, bad = stored
    with Store.in_dir(data_dir) as store:
        title = store.document(bad).title
    assert bad in doc_ids_found(data_dir, title)
    before = doc_ids_found(data_dir, "科技")
    damage_row(data_dir, bad)
    r = run(data_dir, "index", "--rebuild")
    assert r.exit_code == 1
    assert r.stdout.startswith(f"index rebuilt: {len(ids) - 1} documents")
    assert f"warning: skipped 1 damaged document row(s) in the store ({bad})" in r.stderr
    assert bad not in doc_ids_found(data_dir, title)
    assert doc_ids_found(data_dir, "科技") == before - {bad}


def test_an_incremental_update_keeps_the_last_good_clauses_of_a_damaged_document(stored):
    data_dir, ids, bad = stored
    with Store.in_dir(data_dir) as store:
        doc = store.document(bad)
        title = doc.title
        doc.summary = "一次更正"
        assert store.save_document(doc) == "changed"
        relink(store)  # as a command that saves does
    damage_row(data_dir, bad)
    with Store.in_dir(data_dir) as store:  # the relink may move a related document: it is re-indexed too
        others = {d for _, d, _ in store.changes_since(index_state(data_dir)["seq"]) if d != bad}
    r = run(data_dir, "index")
    assert r.exit_code == 1 and f"({bad})" in r.stderr
    assert r.stdout.startswith(f"index updated: {len(others)} documents")
    assert bad in doc_ids_found(data_dir, title)


def test_the_site_and_show_give_a_clean_error_for_the_damaged_document_only(stored):
    data_dir, ids, bad = stored
    damage_row(data_dir, bad)
    client = create_app(data_dir=data_dir).test_client()
    page = client.get(f"/doc/{bad}")
    text = page.get_data(as_text=True)
    assert page.status_code == 500 and "记录已损坏" in text and "policy reclean" in text
    assert "Traceback" not in text and "JSONDecodeError" not in text
    api = client.get(f"/api/doc/{bad}")
    assert api.status_code == 500 and "记录已损坏" in api.get_json()["error"]
    good = next(i for i in ids if i != bad)  # ids[0] is the damaged one when ingest crossed a second
    assert client.get(f"/doc/{good}").status_code == 200
    r = run(data_dir, "show", bad, "--json")
    assert r.exit_code == 1 and r.output.count("\n") == 1
    assert r.output.startswith(f"error: document {bad} is damaged")


def test_reclean_restores_the_damaged_document_from_its_stored_page(stored):
    data_dir, ids, bad = stored
    with Store.in_dir(data_dir) as store:
        before = store.document(bad)
    damage_row(data_dir, bad)
    r = run(data_dir, "reclean")
    assert r.exit_code == 0, r.output
    assert "1 changed" in r.output and "0 failed" in r.output
    with Store.in_dir(data_dir) as store:
        assert store.document(bad) == before
    assert run(data_dir, "export", "-o", str(data_dir / "x.jsonl")).exit_code == 0
