"""An index over the bundled sample site plus the search fixtures, built once per backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import clean
from corpus.model import Document
from corpus.store import Store
from indexer import update_index
from reasoning import relink
from tests.conftest import FIXTURES, SAMPLE_DOCS, copy_data

SEARCH_FIXTURES = FIXTURES / "search"
BACKENDS = ["whoosh", "tantivy"]


def fixture_documents() -> list[Document]:
    return [
        Document.from_dict(json.loads(p.read_text()))
        for p in sorted(SEARCH_FIXTURES.glob("*.json"))
        if p.name != "judged_queries.json"
    ]


def fill_store(store: Store) -> None:
    for p in SAMPLE_DOCS:
        store.save_document(clean(p.read_bytes(), url=f"http://mirror/kjj/zcwj/{p.parent.name}/{p.name}"))
    for doc in fixture_documents():
        store.save_document(doc)
    relink(store)  # statuses and links now, not when the store closes after the index is built


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def indexed_in(tmp_path_factory):
    """``indexed_in(backend)``: a data dir with the store and a built index, built once a run per backend.

    A function rather than a parametrized fixture, so a test that compares the engines
    (test_backends) reads the same two dirs as the tests that take one ``backend``.
    """
    built: dict[str, Path] = {}

    def build(backend: str) -> Path:
        if backend not in built:
            data_dir = tmp_path_factory.mktemp(f"indexed-{backend}")
            with Store.in_dir(data_dir) as store:
                fill_store(store)
                update_index(store, data_dir, backend=backend)
            built[backend] = data_dir
        return built[backend]

    return build


@pytest.fixture(scope="session")
def indexed(indexed_in, backend):
    """A data dir with the store and a built index; tests only read it."""
    return indexed_in(backend)


@pytest.fixture
def indexed_copy(indexed, tmp_path):
    """A test's own copy of ``indexed`` (store and index), to change or damage."""
    return copy_data(indexed, tmp_path)
