import json
import sqlite3

import pytest

from corpus.migrations import STEPS
from corpus.model import Amount, Clause, Department, Document, Region
from corpus.store import Store, StoreError


def make_doc(text="（一）支持中试基地建设，最高50万元。", title="关于支持中试基地建设的意见") -> Document:
    return Document(
        source="x.html",
        url="http://example.gov.cn/a.html",
        title=title,
        region=Region(province="山东省", city="临沂市"),
        clauses=[
            Clause(number=None, path=[], text="为促进成果转化，制定本意见。"),
            Clause(
                number="（一）",
                path=["（一）"],
                text=text,
                heading="支持中试基地建设",
                department_tags=[Department("市科技局")],
                amounts=[Amount("最高50万元", 500000, "cap")],
            ),
        ],
    )


def test_new_store_has_schema_version_and_wal(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    assert store.schema_version == len(STEPS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_store_from_newer_program_is_refused(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {len(STEPS) + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer than this program"):
        Store(path)


def test_garbage_file_is_a_clear_error(tmp_path):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        Store(path)


def test_pages_keep_versions_and_skip_identical_bodies(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        first = store.save_page("http://a/1", b"<p>one</p>")
        same = store.save_page("http://a/1", b"<p>one</p>")
        second = store.save_page("http://a/1", b"<p>two</p>")
        assert (first.new, first.version) == (True, 1)
        assert (same.changed, same.version) == (False, 1)
        assert (second.changed, second.version) == (True, 2)
        bodies = [p.body for p in store.page_versions("http://a/1")]
        assert bodies == [b"<p>one</p>", b"<p>two</p>"]
        # compressed on disk, readable as plain tables
        raw = store.db.execute("SELECT body, size FROM pages WHERE version=1").fetchone()
        assert raw["size"] == len(b"<p>one</p>") and raw["body"] != b"<p>one</p>"


def test_document_new_changed_unchanged_and_clauses_replaced(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        assert store.save_document(make_doc()) == "new"
        assert store.save_document(make_doc()) == "unchanged"
        assert store.save_document(make_doc(text="（一）支持中试基地，最高80万元。")) == "changed"
        assert store.count_documents() == 1
        assert store.count_clauses() == 2
        doc = store.document(make_doc().id)
        assert doc.clauses[1].text == "（一）支持中试基地，最高80万元。"
        assert [a for _, _, a in store.changes_since(0)] == ["new", "changed"]
        row = store.db.execute("SELECT departments, max_yuan FROM clauses WHERE number='（一）'").fetchone()
        assert json.loads(row["departments"]) == ["市科技局"] and row["max_yuan"] == 500000


def test_failed_write_rolls_back_and_loses_nothing(tmp_path):
    with Store(tmp_path / "s.sqlite3") as store:
        store.save_document(make_doc())
        broken = make_doc(text="改动")
        broken.clauses[1].id = broken.clauses[0].id  # duplicate primary key: the insert fails midway
        with pytest.raises(sqlite3.IntegrityError):
            store.save_document(broken)
        doc = store.document(make_doc().id)
        assert doc is not None and doc.clauses[1].text.startswith("（一）支持中试基地建设")
        assert store.count_clauses() == 2


def test_document_json_round_trip():
    doc = make_doc()
    again = Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
    assert again.to_dict() == doc.to_dict()
    d = doc.to_dict()
    for key in (
        "source",
        "url",
        "title",
        "issuer",
        "doc_number",
        "index_no",
        "published",
        "signed",
        "doc_type",
        "draft",
        "region",
        "clauses",
    ):
        assert key in d
    c = d["clauses"][1]
    assert c["level"] == 1 and c["departments"] == ["市科技局"]
    assert c["amounts"] == [{"text": "最高50万元", "yuan": 500000, "kind": "cap"}]
    assert c["id"].startswith(doc.id)
