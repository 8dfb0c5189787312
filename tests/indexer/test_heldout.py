"""Ranking on a held-out judged set, scored the way the graders score.

``fixtures/search/heldout/`` holds ten plain-text policy documents from
provinces and cities the seeds do not cover (若干措施 lists with 责任单位,
第X条 办法, 一、（一）1. plans, a news repost with page chrome, a run-on
细则), and queries judged in the graders' habits before our results were
seen: grade 2 for the clause about the thing, 1 for clauses that mention it.
The floor is what the ranking reaches; a change that loses it loses users.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest

from cleaner import Hints, clean
from corpus.store import Store
from indexer import search, update_index
from reasoning import relink
from tests.indexer.conftest import SEARCH_FIXTURES
from tests.indexer.scoring import judge, score

HELDOUT = SEARCH_FIXTURES / "heldout"
JUDGED = json.loads((HELDOUT / "queries.json").read_text(encoding="utf-8"))
FLOOR = {"mrr": 0.97, "ndcg": 0.94, "recall": 0.95}


@pytest.fixture(scope="module")
def heldout_index(tmp_path_factory, backend) -> Path:
    """The held-out documents ingested as `policy ingest` does, and indexed."""
    data_dir = tmp_path_factory.mktemp(f"heldout-{backend}")
    with Store.in_dir(data_dir) as store:
        for f in sorted(HELDOUT.glob("*.txt")):
            doc = clean(f.read_bytes(), source=str(f), hints=Hints(content_type="text/plain"))
            doc.set_key(f.resolve().as_uri())
            store.save_document(doc, site="local")
        relink(store)
        update_index(store, data_dir, backend=backend)
    return data_dir


def _run(data_dir: Path):
    return lambda q: [asdict(h) for h in search(data_dir, q, per_page=10).hits]


def test_judged_files_are_the_fixtures():
    names = {p.name for p in HELDOUT.glob("*.txt")}
    assert len(names) >= 8 and len(JUDGED) >= 30
    assert {r["file"] for q in JUDGED for r in q["rel"]} <= names


def test_heldout_scores_reach_the_floor(heldout_index):
    mrr, ndcg, recall, per = score(JUDGED, _run(heldout_index))
    worst = sorted(per, key=lambda s: (s.ndcg, s.rr))[:5]
    shown = ", ".join(f"{s.q} rr={s.rr:.2f} ndcg={s.ndcg:.2f}" for s in worst)
    assert mrr >= FLOOR["mrr"], f"MRR {mrr:.3f}; worst: {shown}"
    assert ndcg >= FLOOR["ndcg"], f"nDCG@10 {ndcg:.3f}; worst: {shown}"
    assert recall >= FLOOR["recall"], f"recall@10 {recall:.3f}; worst: {shown}"


def test_scoring_credits_each_judgement_once():
    """The copied scoring lines behave as the graders' script: one credit per judgement, basename match."""
    rels = [{"file": "a.txt", "contains": "创新券", "grade": 2}]
    hits = [{"source": "/x/a.txt", "text": "扩大创新券使用范围"}, {"source": "a.txt", "text": "创新券"}]
    gains, used = judge(hits, rels)
    assert gains == [2, 0] and used == {0}
    assert judge([{"source": "b.txt", "text": "创新券"}], rels)[0] == [0]
