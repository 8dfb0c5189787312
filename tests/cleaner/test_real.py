"""The real set: pages nobody on the project wrote, gold written by another hand (issue 12).

Like trafilatura's evaluation gate, the scores must stay above a floor: each
batch has its own, a little under what the cleaner scores on it.  A new batch
lands without breaking main; the listing test then asks for its floors.  The
binaries (real PDFs, not committed) are scored by `policy bench clean --real`.
"""

from __future__ import annotations

import pytest

from policy.bench.realscore import score_all
from policy.bench.realset import batch_names, load
from policy.bench.scoring import summarize

# Every batch of the real set, each with floors a little under what the cleaner scores on it
# (issue 12, cleaner2: batches 1-5 and grants at fields 1.000, outline 0.993, overall 0.997).
FLOORS: dict[str, dict[str, float]] = {
    "batch1.json": {"fields": 0.99, "outline": 0.99, "departments": 0.99, "overall": 0.99},
    "batch2.json": {"fields": 0.99, "outline": 0.97, "overall": 0.98},
    "batch3.json": {"fields": 0.99, "outline": 0.97, "departments": 0.99, "overall": 0.96},
    "batch4.json": {"fields": 0.99, "outline": 0.97, "departments": 0.99, "overall": 0.94},
    "batch5.json": {"fields": 0.99, "outline": 0.98, "departments": 0.99, "overall": 0.97},
    "grants_batch1.json": {"fields": 0.99, "outline": 0.97, "overall": 0.96},
    "grants_batch2.json": {"fields": 0.99, "outline": 0.98, "overall": 0.98},
    "grants_batch3.json": {"fields": 0.99, "outline": 0.99, "departments": 0.99, "overall": 0.99},
    # held out (realpages3): gold written before the cleaner ran on it; first run fields 0.860, outline 0.962,
    # departments 1.000, overall 0.956
    # (cleaner2, after the rules it taught: fields 0.995, outline 0.993, overall 0.997)
    "batch6.json": {"fields": 0.98, "outline": 0.98, "departments": 0.99, "overall": 0.98},
}
# the whole set (105 text and HTML pages) after cleaner2: fields 0.999, outline 0.994, overall 0.997
TOTAL_FLOORS = {"fields": 0.98, "outline": 0.98, "departments": 0.99, "overall": 0.98}
BATCHES = list(FLOORS)
# Held-out batches: gold written before the cleaner ran on them, scored by `policy bench clean --real` only
# (their first-run figure is the generalisation measure of issue 12, so no floor here until the rule writer
# has taught the cleaner what they show; then the batch moves to FLOORS).
# batch7 (25 pages, by batch7): first-run figures in /work/notes/batch7.md
HELD_OUT = {"batch7.json"}
PAGE_FLOOR = 0.5  # no page's fields or outline below this


@pytest.fixture(scope="module")
def results():
    return score_all(BATCHES, binaries=False)


def test_every_batch_of_the_real_set_is_listed_and_there(results):
    assert set(batch_names()) == set(FLOORS) | HELD_OUT
    assert not HELD_OUT & set(FLOORS)
    assert len(results) >= 80
    assert all(r.entry.path.exists() for r in results)


@pytest.mark.parametrize("batch", BATCHES)
def test_each_batch_stays_above_its_floors(results, batch):
    rows = [r for r in results if r.entry.batch == batch]
    means = summarize([r.scores for r in rows])
    low = {k: round(means.get(k, 0), 3) for k, floor in FLOORS[batch].items() if means.get(k, 0) < floor}
    assert not low, (
        f"{batch} below the floor: {low}; per page: {[(r.entry.gold['file'], r.scores) for r in rows]}"
    )


def test_the_whole_real_set_stays_above_its_floors(results):
    means = summarize([r.scores for r in results])
    low = {k: round(means[k], 3) for k in TOTAL_FLOORS if means.get(k, 0) < TOTAL_FLOORS[k]}
    assert not low, f"below the floor: {low}"


def test_no_real_page_is_refused_or_collapses(results):
    bad = [
        (r.entry.gold["file"], r.error or r.scores)
        for r in results
        if r.error or any((r.scores.get(k) or 1) < PAGE_FLOOR for k in ("fields", "outline"))
    ]
    assert not bad


def test_no_real_page_is_pathologically_slow(results):
    # the bench holds pages to 1 s; the test leaves room for a busy shared machine
    slow = [(r.entry.gold["file"], round(r.seconds, 2)) for r in results if r.seconds > 3.0]
    assert not slow


def test_held_out_batches_have_their_pages():
    for batch in HELD_OUT:
        entries = load([batch], binaries=False)
        assert entries, batch
        assert all(e.path.exists() for e in entries)
