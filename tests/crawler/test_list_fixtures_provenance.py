"""The real list pages under tests/fixtures/crawler/lists are well formed and accounted for.

Every saved page has a hand-written expectation beside it and a PROVENANCE.md row naming
its repository, path and commit; every expectation has the shape the offline checks read.
(Whether the crawler reads the pages right is checked by the crawler's own tests.)
"""

import json
import re
from pathlib import Path

import pytest

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "crawler" / "lists"
PAGE_SUFFIXES = (".html", ".json", ".xml", ".jsonp")
FAMILIES = {"trs", "hanweb", "gkmlpt", "govcn", "jsp", "other"}


def _pages():
    return sorted(
        p for p in LISTS.iterdir() if p.suffix in PAGE_SUFFIXES and not p.name.endswith(".expected.json")
    )


def _provenance_rows():
    rows = {}
    for line in (LISTS / "PROVENANCE.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and any(cells[0].endswith(s) for s in PAGE_SUFFIXES):
            rows[cells[0]] = cells
    return rows


def test_there_are_real_list_pages():
    assert len(_pages()) >= 7


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_page_has_expectation_and_provenance(page):
    expected_path = page.with_name(page.stem + ".expected.json")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert set(expected) == {"family", "url", "entries", "next_pages", "notes"}
    assert expected["family"] in FAMILIES
    assert page.name.startswith(expected["family"] + "_")
    assert re.match(r"https?://", expected["url"])
    for entry in expected["entries"]:
        assert set(entry) == {"title", "url", "date"}
        assert entry["title"].strip()
        assert re.match(r"https?://", entry["url"])
        assert entry["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"])
    for nxt in expected["next_pages"]:
        if isinstance(nxt, dict):
            assert set(nxt) == {"method", "url", "params"}
            assert re.match(r"https?://", nxt["url"])
        else:
            assert re.match(r"https?://", nxt)
    row = _provenance_rows().get(page.name)
    assert row is not None, f"{page.name} has no PROVENANCE.md row"
    _file, repo, path, commit = row[:4]
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", repo)
    assert path
    assert re.fullmatch(r"[0-9a-f]{40}", commit)
    assert page.read_bytes(), "saved page is empty"


def test_no_expectation_without_a_page():
    for expected_path in LISTS.glob("*.expected.json"):
        stem = expected_path.name[: -len(".expected.json")]
        assert any((LISTS / (stem + s)).exists() for s in PAGE_SUFFIXES), expected_path.name
