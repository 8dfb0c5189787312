"""Real saved list pages (tests/fixtures/crawler/lists): add-site drafts a config, check-site reads the page with it.

The expectations were written by hand by someone who does not change the
rules.  The floor is a count of fixtures read right (entries F1 ≥ 0.95 and
the next page right), raised as the crawler learns: new fixtures never lower
it, so a batch of harder pages lands without waiting for the crawler.
``policy bench lists`` prints the per-fixture figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.listscore import fixtures, request_key, score_added, score_family
from crawler.urls import canonical_url
from tests.conftest import FIXTURES, run_policy

LISTS = FIXTURES / "crawler" / "lists"
ALL = fixtures(LISTS)
# fixtures read right through add-site → check-site, at least (measured: see notes/crawler.md)
FLOOR_ADDED = 10
FLOOR_FAMILY = 10


def test_there_are_real_fixtures_to_read():
    assert len(ALL) >= 7 and all(fx.expected.get("url") for fx in ALL)


@pytest.fixture(scope="module")
def scores():
    return {fx.name: (score_added(fx), score_family(fx)) for fx in ALL}


def test_add_site_then_check_site_reads_real_pages_right(scores):
    right = sorted(name for name, (added, _) in scores.items() if added.ok)
    assert len(right) >= FLOOR_ADDED, {n: a.as_json() for n, (a, _) in scores.items() if not a.ok}


def test_the_family_alone_reads_real_pages_right(scores):
    right = sorted(name for name, (_, family) in scores.items() if family.ok)
    assert len(right) >= FLOOR_FAMILY, {n: f.as_json() for n, (_, f) in scores.items() if not f.ok}


def test_the_commands_on_a_real_page(tmp_path):
    fx = next(f for f in ALL if f.expected.get("entries") and f.expected.get("next_pages"))
    sites = tmp_path / "sites"
    added = run_policy(
        "add-site",
        fx.url,
        "--list-file",
        str(fx.page),
        "--name",
        "real",
        env={"POLICY_SITES_DIR": str(sites)},
    )
    assert added.returncode == 0, added.stderr
    assert f"family {fx.expected['family']} (recognised)" in added.stdout
    checked = run_policy(
        "check-site", "real", "--list-file", str(fx.page), "--json", env={"POLICY_SITES_DIR": str(sites)}
    )
    assert checked.returncode == 0, checked.stderr
    out = json.loads(checked.stdout)
    assert [canonical_url(e["url"]) for e in out["entries"]] == [
        canonical_url(e["url"]) for e in fx.expected["entries"]
    ]
    # titles keep the source's characters, white space collapsed (the project's contract)
    assert [e["title"] for e in out["entries"]] == [
        " ".join(e["title"].split()) for e in fx.expected["entries"]
    ]
    assert {request_key(r) for r in out["next_requests"]} == {
        request_key(r) for r in fx.expected["next_pages"]
    }


def test_scores_count_what_they_say():
    fx = ALL[0]
    from crawler.config import parse_site
    from crawler.families import ListRead
    from crawler.listing import ListEntry
    from crawler.listscore import score

    site = parse_site({"name": "x", "base_url": fx.url, "start_urls": [fx.url]}, Path("x.toml"))
    half = fx.expected["entries"][: len(fx.expected["entries"]) // 2]
    read = ListRead(
        entries=[ListEntry(e["url"], e["title"], e["date"]) for e in half] + [ListEntry("http://x.gov.cn/1")]
    )
    s = score(fx, site, read)
    assert s.matched == len(half) and s.found == len(half) + 1 and s.extra == ["http://x.gov.cn/1"]
    assert s.recall == pytest.approx(len(half) / len(fx.expected["entries"]))
    assert not s.ok


def test_bench_lists_sums_up_every_fixture():
    result = run_policy("bench", "lists", str(LISTS))
    assert result.returncode == 0, result.stderr
    *rows, summary = result.stdout.strip().splitlines()
    assert len(rows) == len(ALL) and all(" F1 " in r for r in rows)
    families = sorted({fx.expected["family"] for fx in ALL})
    entries = sum(len(fx.expected["entries"]) for fx in ALL)
    assert summary.startswith(f"{len(ALL)} fixtures ({len(families)} families: {', '.join(families)})")
    # titles and dates are counted among the matched entries, which cannot exceed the expected ones
    titles = summary.split("titles ")[1].split(",")[0]
    assert int(titles.split("/")[1]) <= entries
