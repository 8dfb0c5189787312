"""One language per line on the command line, and `policy show` names both of its dates."""

from __future__ import annotations

import re

import pytest

from tests.conftest import copy_data, run_policy

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"\b(?:clauses?|match(?:es)?|note|repealed|expired|superseded|draft|in_force)\b")


@pytest.fixture(scope="module")
def sample_data(sample_indexed, tmp_path_factory):
    """The sample pages ingested and indexed (conftest), a copy of this module's own."""
    return copy_data(sample_indexed, tmp_path_factory.mktemp("language"))


def test_search_lines_speak_one_language(sample_data):
    one = run_policy("search", "技术经纪人信用积分制", data_dir=sample_data)
    assert one.returncode == 0, one.stderr
    assert one.stdout.splitlines()[0] == "1 clause matches '技术经纪人信用积分制'"
    many = run_policy("search", "中试基地", "--limit", "50", data_dir=sample_data)
    head, *hits = many.stdout.splitlines()
    assert re.fullmatch(r"\d+ clauses match '中试基地'", head)
    marked = [line for line in hits if "［已废止］" in line]
    assert marked, "a repealed document's hits say so, in Chinese"
    for line in hits:
        if _HAN.search(line):
            assert not _LATIN_WORD.search(line), line
    fallback = run_policy("search", "中试基地", "火星探测器", data_dir=sample_data)
    for line in fallback.stderr.splitlines():
        assert not (line.startswith("note:") and _HAN.search(line)), line


def test_show_names_the_day_of_the_status_and_the_day_it_is_judged_on(sample_data):
    shown = run_policy("show", "临科发[2022]3号", "--as-of", "2026-12-03", data_dir=sample_data)
    assert shown.returncode == 0, shown.stderr
    status = next(line for line in shown.stdout.splitlines() if line.startswith("status: "))
    # the 十四五 plan's period ends 2025-12-31: expired since the next day, judged on 2026-12-03
    assert status == "status: expired since 2026-01-01 (as of 2026-12-03; rule title_period)"
    repealed = run_policy("search", "中试基地", "--json", "--limit", "50", data_dir=sample_data)
    import json

    hit = next(
        h for h in json.loads(repealed.stdout)["hits"] if (h["status"] or {}).get("status") == "repealed"
    )
    shown = run_policy("show", hit["doc_id"], "--as-of", "2026-12-03", data_dir=sample_data)
    status = next(line for line in shown.stdout.splitlines() if line.startswith("status: "))
    # the 废止 notice was signed 2025-03-10 and takes effect 自印发之日起 (published 2025-03-12)
    assert status == "status: repealed since 2025-03-10 (as of 2026-12-03; rule repealed_by)"
