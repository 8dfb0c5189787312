"""A damaged index: searches say so in one line, and the next `policy index` rebuilds it from the store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus.store import Store
from indexer import IndexDamaged, search, update_index
from indexer.build import STATE_FILE, current_generation, index_dir
from policy.cli import cli
from search_web import create_app

# A file and a place in it where damage stops every search (Whoosh's table of contents and the
# head of its segment, which the QA repro hit as "[Errno 22] Invalid argument"; tantivy's meta
# and the stored payloads every hit reads).
SEARCH_BREAKERS = {
    "whoosh": [("_MAIN_*.toc", 0.5), ("*.seg", 0.0)],
    "tantivy": [("meta.json", 0.5), ("*.store", 0.3)],
}
# The biggest data file: damage in its middle is silent for most searches.
BULK = {"whoosh": "*.seg", "tantivy": "*.store"}
QUERIES = ("补助", "中试基地", "揭榜挂帅")


@pytest.fixture
def built(indexed_copy) -> Path:
    """The sample site and the search fixtures, stored and indexed (a copy of ``indexed``)."""
    return indexed_copy


def damage(data_dir: Path, pattern: str, at: float) -> str:
    """Overwrite bytes inside one file of the live generation, as a disk fault would; returns its name."""
    path = sorted(current_generation(index_dir(data_dir)).glob(pattern), key=lambda p: p.stat().st_size)[-1]
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(int(size * at))
        fh.write(b"\xff" * max(64, size // 3))
    return path.name


def hits(data_dir: Path) -> list[list[str]]:
    return [[h.clause_id for h in search(data_dir, q, per_page=20).hits] for q in QUERIES]


def run(data_dir: Path, *args: str):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


@pytest.mark.parametrize("case", [0, 1])
def test_a_damaged_index_is_one_clear_error_everywhere_until_policy_index_rebuilds_it(
    built, backend, indexed, case
):
    pattern, at = SEARCH_BREAKERS[backend][case]
    name = damage(built, pattern, at)
    with pytest.raises(IndexDamaged, match=r"is damaged \(.+\): run `policy index --rebuild`"):
        search(built, "补助")
    r = run(built, "search", "补助")
    assert r.exit_code == 1 and r.output.count("\n") == 1
    assert r.output.startswith("error: the search index in ") and "policy index --rebuild" in r.output
    client = create_app(data_dir=built).test_client()
    page = client.get("/search", query_string={"q": "补助"})
    text = page.get_data(as_text=True)
    assert page.status_code == 503 and "检索索引已损坏" in text and "policy index --rebuild" in text
    assert "Traceback" not in text and str(built) not in text
    api = client.get("/api/search", query_string={"q": "补助"})
    assert api.status_code == 503 and "检索索引已损坏" in api.get_json()["error"]

    r = run(built, "index")  # incremental: nothing changed in the store, yet the damage is found
    assert r.exit_code == 0, r.output
    assert (
        r.output.startswith("index rebuilt:")
        and f"repaired: the index was damaged (g0001: {name}" in r.output
    )
    assert hits(built) == hits(indexed)
    assert run(built, "index").output.startswith("index updated: 0 documents")


def test_silent_damage_in_the_middle_of_a_segment_is_found_by_the_next_update(built, backend, indexed):
    name = damage(built, BULK[backend], 0.5)
    with Store.in_dir(built) as store:
        report = update_index(store, built)
        assert report.documents == store.count_documents()
    assert report.rebuilt and report.repaired == f"g0001: {name} changed on disk since it was written"
    assert hits(built) == hits(indexed)


def test_an_index_written_before_checksums_is_still_repaired_when_it_cannot_be_opened(
    built, backend, indexed
):
    state_path = current_generation(index_dir(built)) / STATE_FILE
    state = json.loads(state_path.read_text())
    del state["files"]
    state_path.write_text(json.dumps(state))
    damage(built, SEARCH_BREAKERS[backend][0][0], 0.5)
    with Store.in_dir(built) as store:
        report = update_index(store, built)
    assert report.rebuilt and report.repaired.startswith("g0001: ")
    assert hits(built) == hits(indexed)


def test_a_fault_of_ours_on_an_intact_index_is_not_blamed_on_the_disk(built, backend, monkeypatch):
    """Only files that differ from their recorded checksums make a failing search 'damaged'."""
    from indexer.build import open_index

    engine = type(open_index(built))

    def broken(self, *args, **kwargs):
        raise KeyError("a bug in our own code")

    monkeypatch.setattr(engine, "search", broken)
    with pytest.raises(KeyError, match="a bug in our own code"):
        search(built, "补助")
