"""policy reclean: the stored raw pages are cleaned again, nothing is fetched."""

import json
import re
import sqlite3
from pathlib import Path

from corpus.store import Store
from tests.conftest import copy_data, run_policy


def test_reclean_repairs_documents_from_stored_pages_without_the_network(sample_indexed, tmp_path):
    data_dir = copy_data(sample_indexed, tmp_path)  # the sample pages ingested and indexed (conftest)
    with Store.in_dir(data_dir) as store:
        # not a repost or a copy: search shows those under their original, so the phrase below would
        # find the original's clause.  Chosen by file name, not by id: ids follow the files' paths, so the
        # first id differs from one checkout to another (and with it whether the phrase below cuts a word)
        copies = {
            r[0]
            for r in store.db.execute(
                "SELECT src FROM relations WHERE kind IN ('repost_of', 'duplicate_of') AND dst IS NOT NULL"
            )
        }
        doc = min((d for d in store.documents() if d.id not in copies), key=lambda d: Path(d.source).name)
        before = store.count_documents()
    # an older cleaner's output: a wrong title and no clauses (only the stored JSON is damaged)
    db = sqlite3.connect(data_dir / "policy.sqlite3")
    data = json.loads(db.execute("SELECT data FROM documents WHERE id=?", (doc.id,)).fetchone()[0])
    data["title"], data["clauses"] = "旧版本清洗的标题", []
    db.execute(
        "UPDATE documents SET data=?, title=?, content_hash='old' WHERE id=?",
        (json.dumps(data, ensure_ascii=False), data["title"], doc.id),
    )
    db.commit()
    db.close()

    r = run_policy("reclean", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    assert "1 changed" in r.stdout and "0 new" in r.stdout and "0 failed" in r.stdout
    with Store.in_dir(data_dir) as store:
        again = store.document(doc.id)
        assert store.count_documents() == before  # same ids: nothing duplicated
    assert again.title == doc.title and len(again.clauses) == len(doc.clauses)
    # the index followed: the repaired document's clauses are searchable again
    # a phrase of whole words (up to the first comma): a phrase cut mid-word (…发展战 of 发展战略)
    # is not found through the index's words, and which clause comes first depends on the checkout path
    phrase = next(
        seg
        for c in doc.clauses[1:]
        for seg in [re.split(r"[，,。；;：:、（(]", c.text)[0]]
        if 6 <= len(seg) <= 30
    )
    hit = run_policy("search", f'"{phrase}"', "--json", "--limit", "50", data_dir=data_dir)
    assert any(h["doc_id"] == doc.id for h in json.loads(hit.stdout)["hits"])


def test_reclean_of_an_empty_store_says_so(data_dir):
    r = run_policy("reclean", "--no-index", data_dir=data_dir)
    assert r.returncode == 0 and "0 changed" in r.stdout
