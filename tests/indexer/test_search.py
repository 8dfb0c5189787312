import pytest

from cleaner import clean
from corpus.store import Store
from indexer import Filters, QueryError, search, update_index
from tests.conftest import SAMPLE_DOCS


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("data")
    with Store.in_dir(data_dir) as store:
        for p in SAMPLE_DOCS:
            store.save_document(clean(p.read_bytes(), url=f"http://mirror/{p.name}"))
        update_index(store, data_dir)
    return data_dir


def test_all_words_must_match(indexed):
    r = search(indexed, "中试基地 补助")
    assert r.total >= 1 and not r.fallback
    assert all("中试" in h.text and "补助" in h.text for h in r.hits)


def test_falls_back_to_any_word_and_says_so(indexed):
    r = search(indexed, "中试基地 量子引力")
    assert r.fallback and r.total > 0 and r.notes


def test_exclusion_and_phrase(indexed):
    with_both = search(indexed, "孵化器", per_page=100)
    without = search(indexed, "孵化器 -众创空间", per_page=100)
    assert without.total < with_both.total
    assert all("众创空间" not in h.text for h in without.hits)
    phrase = search(indexed, '"揭榜挂帅"', per_page=100)
    assert phrase.total >= 4 and all("揭榜挂帅" in h.text for h in phrase.hits)


def test_filters_and_facets(indexed):
    r = search(indexed, "科技", Filters(region="临沂市"), per_page=100)
    assert r.total > 0 and all(h.region["city"] == "临沂市" for h in r.hits)
    cities = dict(search(indexed, "科技").facets["city"])
    assert cities.get("临沂市", 0) > 0 and cities.get("淄博市", 0) > 0
    drafts = search(indexed, "科技", Filters(drafts="exclude"), per_page=100)
    assert all(not h.draft for h in drafts.hits)


def test_snippets_are_escaped_with_marks(indexed):
    r = search(indexed, "揭榜挂帅")
    assert "<mark" in r.hits[0].snippet


def test_region_of_the_document_finds_clauses_that_never_name_it(indexed):
    r = search(indexed, "淄博 院士工作站")
    assert r.total > 0 and not r.fallback
    assert "院士工作站" in r.hits[0].text


@pytest.mark.parametrize("q", ["x" * 500, " ".join(f"w{i}" for i in range(100))])
def test_bad_queries_are_clear_errors(indexed, q):
    with pytest.raises(QueryError):
        search(indexed, q)


def test_odd_syntax_never_raises(indexed):
    for q in ['"unclosed', "a AND (b", "***", "-", "中试*基地?", "：（）"]:
        search(indexed, q)
