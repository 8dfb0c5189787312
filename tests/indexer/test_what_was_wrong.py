"""An empty query or an unknown region says what was wrong (and the closest regions), never a silent 0."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from indexer import search
from indexer.query import QueryError
from indexer.search import Filters
from policy.cli import cli


def run(data_dir, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args])


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_query_is_an_error_with_an_example(indexed, query):
    r = run(indexed, "search", query)
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "请输入" in lines[0]
    assert "policy search 中试基地" in lines[0]


def test_an_unknown_region_names_the_closest_regions(indexed):
    with pytest.raises(QueryError, match="未知的地区“火星市”") as e:
        search(indexed, "孵化器", Filters(region="火星市"))
    assert "最接近的" in str(e.value)
    with pytest.raises(QueryError, match="临沂市"):
        search(indexed, "孵化器", Filters(region="临沂县"))
    r = run(indexed, "search", "孵化器", "--region", "火星市")
    assert (
        r.exit_code == 1
        and r.output.startswith("error: 未知的地区“火星市”")
        and len(r.output.splitlines()) == 1
    )


def test_a_known_region_without_hits_is_no_error(indexed):
    assert search(indexed, "孵化器", Filters(region="临沂")).total > 0
    assert search(indexed, "孵化器", Filters(region="拉萨市")).total == 0
    assert search(indexed, "孵化器", Filters(region="兰山区")).total >= 0


def test_the_support_finder_names_an_unknown_region_too(indexed):
    from corpus.store import Store
    from search_web.support import SupportQuery, find_support

    with Store.in_dir(indexed) as store:
        for keywords in (None, "补助"):  # from the store, and through the index
            with pytest.raises(QueryError, match="未知的地区“火星市”"):
                find_support(indexed, store, SupportQuery(keywords=keywords, region="火星市"))
        assert find_support(indexed, store, SupportQuery(region="临沂市")).total > 0
