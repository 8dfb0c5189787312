"""Golden tests: one fixture per page template or trap, its expectations in NAME.expected.json.

Fixtures reproduce the structures of real government CMSs (TRS, Hanweb,
政府信息公开 tables, li/span pairs, dl/dt/dd, div grids, news reposts) in the
encodings they come in.  An expectation file names only the fields that
matter for its fixture:

  fields        scalar fields, compared exactly (title, issuer, doc_number, ...)
  region        {"province", "city", "county"}
  outline       every numbered clause path, in order
  headings      {"path joined by /": heading}
  departments   {"path joined by /": [[name, role, canonical], ...]}
  amounts       [[yuan, kind], ...] over the whole document, in order
  attachments   exact list
  summary_has   a phrase of the news lead
  absent        phrases that must appear in no clause (page chrome)
  present       phrases that must appear in some clause
  warnings      true when the document must carry warnings
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Hints, clean
from corpus.model import Region

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "cleaner"
CASES = sorted(FIXTURES.rglob("*.expected.json"))


def _fixture(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    return next(p for p in expected.parent.glob(stem + ".*") if not p.name.endswith(".expected.json"))


@pytest.mark.parametrize("expected", CASES, ids=[p.name.removesuffix(".expected.json") for p in CASES])
def test_fixture(expected: Path):
    want = json.loads(expected.read_text(encoding="utf-8"))
    path = _fixture(expected)
    hints = Hints(**{k: v for k, v in want.get("hints", {}).items() if k != "region"})
    if "region" in want.get("hints", {}):
        hints = Hints(region=Region(**want["hints"]["region"]))
    doc = clean(path.read_bytes(), url=want.get("url"), hints=hints, source=path.name)
    got = doc.to_dict()
    for key, value in want.get("fields", {}).items():
        assert got[key] == value, key
    if "region" in want:
        assert got["region"] == {"province": None, "city": None, "county": None} | want["region"]
    numbered = [c for c in doc.clauses if c.number]
    if "outline" in want:
        assert [c.path for c in numbered] == want["outline"]
    by_path = {"/".join(c.path): c for c in numbered}
    for key, heading in want.get("headings", {}).items():
        assert by_path[key].heading == heading, key
    for key, tags in want.get("departments", {}).items():
        assert [[d.name, d.role, d.canonical] for d in by_path[key].department_tags] == tags, key
    if "amounts" in want:
        assert [[a.yuan, a.kind] for c in doc.clauses for a in c.amounts] == want["amounts"]
    if "attachments" in want:
        assert doc.attachments == want["attachments"]
    if "summary_has" in want:
        assert doc.summary and want["summary_has"] in doc.summary
    text = doc.body_text
    for phrase in want.get("absent", []):
        assert phrase not in text, phrase
    for phrase in want.get("present", []):
        assert phrase in text, phrase
    if "warnings" in want:
        assert bool(doc.warnings) == want["warnings"], doc.warnings
