"""Incremental updates add segments; a segment may lack whole columns (no document in it has a year)."""

import pytest

from corpus.model import Amount, Clause, Document, Region
from corpus.store import Store
from indexer import Filters, search, update_index
from tests.indexer.conftest import BACKENDS


def _doc(n: int, published: str | None, word: str) -> Document:
    return Document(
        source=f"d{n}.html",
        url=f"http://example.gov.cn/{n}.html",
        title=f"关于支持{word}的通知",
        published=published,
        region=Region(province="山东省", city="临沂市"),
        clauses=[
            Clause(
                number="一、",
                path=["一、"],
                text=f"一、支持{word}建设，最高给予50万元补助。",
                amounts=[Amount("最高50万元", 500000, "cap")] if published else [],
            )
        ],
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_update_with_undated_documents_keeps_columns_aligned(tmp_path, backend):
    with Store.in_dir(tmp_path) as store:
        store.save_document(_doc(1, "2021-03-01", "中试基地"))
        store.save_document(_doc(2, "2023-05-01", "孵化器"))
        update_index(store, tmp_path, backend=backend, rebuild=True)
        # a second segment whose only document has neither a year nor an amount
        store.save_document(_doc(3, None, "概念验证中心"))
        update_index(store, tmp_path)

    new = search(tmp_path, "概念验证中心")
    assert new.total == 1 and new.hits[0].url.endswith("/3.html")
    by_year = search(tmp_path, "支持", Filters(year_from=2023, year_to=2023), per_page=10)
    assert [h.url for h in by_year.hits] == ["http://example.gov.cn/2.html"]
    years = dict(search(tmp_path, "支持").facets["year"])
    assert years == {"2021": 1, "2023": 1}
    rich = search(tmp_path, "支持", Filters(min_yuan=100000), per_page=10)
    assert sorted(h.url for h in rich.hits) == [
        "http://example.gov.cn/1.html",
        "http://example.gov.cn/2.html",
    ]
