"""Store writes in batches: one commit for many pages, yet each page atomic and nothing committed lost."""

from __future__ import annotations

import sqlite3

from cleaner import Hints
from corpus.store import Store, content_hash
from crawler.batch import WriteBatch
from crawler.cleanpool import prepare_page
from crawler.items import Failed, Fetched
from crawler.sink import StoreSink
from crawler.stats import CrawlStats
from tests.conftest import SAMPLE_DOCS


def fetched(n: int) -> Fetched:
    body = SAMPLE_DOCS[n % len(SAMPLE_DOCS)].read_bytes()
    url = f"http://mirror.test/kjj/zcwj/{n}.html"
    return Fetched(url, "s", "detail", 200, url, body, {"ETag": f'"{n}"'}, "text/html; charset=utf-8")


def committed(path) -> tuple[int, int, int]:
    """(pages, documents, url states) as another connection sees them: only what was committed."""
    with sqlite3.connect(path) as db:
        return tuple(
            db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("pages", "documents", "url_state")
        )


def test_a_batch_commits_at_its_size_and_a_failed_write_is_undone_alone(data_dir):
    stats = {"s": CrawlStats(site="s")}
    errors = []
    with Store.in_dir(data_dir) as store:
        sink = StoreSink(store, {}, stats)
        batch = WriteBatch(
            store,
            lambda outcome, e: errors.append((outcome, e)),
            size=4,
            seconds=3600,
            checkpoint=sink.checkpoint,
        )

        def write(n: int) -> None:
            item = fetched(n)
            prepared = prepare_page(item.body, item.final_url, Hints(charset="utf-8"))
            batch.add(item, lambda: sink.write_fetched(item, prepared, content_hash(item.body)))

        def broken() -> None:
            sink.write_fetched(fetched(99), prepare_page(b"<p>x</p>", "http://x/", Hints()), "d")
            raise sqlite3.IntegrityError("the disk said no")

        write(0)
        write(1)
        batch.add(fetched(99), broken)
        assert committed(store.path) == (0, 0, 0), "nothing is visible before the batch commits"
        write(2)  # the fourth outcome: the batch commits
        assert committed(store.path) == (3, 3, 3), "the failed write's page was rolled back, the others kept"
        assert [type(e) for _, e in errors] == [sqlite3.IntegrityError]
        assert errors[0][0].url.endswith("/99.html")

        write(3)
        assert committed(store.path)[0] == 3
        batch.flush()
        assert committed(store.path) == (4, 4, 4)
    assert stats["s"].new == 4 and len(stats["s"].new_documents) == 4
    # the undone write's own figures went back with it; the fetch itself still counts
    assert stats["s"].failed == 0 and not any("/99.html" in e for e in stats["s"].errors)
    assert stats["s"].pages == 5


def unsized_batch(store: Store, sink: StoreSink, errors: list) -> WriteBatch:
    """A batch that commits only when flushed, recording each undone outcome in ``errors``."""
    return WriteBatch(
        store, lambda outcome, e: errors.append(outcome), size=10, seconds=3600, checkpoint=sink.checkpoint
    )


def add_fetched(batch: WriteBatch, sink: StoreSink, item: Fetched) -> Fetched:
    ready = prepare_page(item.body, item.url, Hints(charset="utf-8"))
    batch.add(item, lambda: sink.write_fetched(item, ready, content_hash(item.body)))
    return item


def test_a_batch_that_cannot_commit_reports_every_outcome_and_keeps_what_was_committed(data_dir):
    errors = []
    with Store.in_dir(data_dir) as store:
        stats = {"s": CrawlStats(site="s")}
        sink = StoreSink(store, {}, stats)
        batch = unsized_batch(store, sink, errors)
        first = add_fetched(batch, sink, fetched(0))
        batch.flush()
        assert committed(store.path) == (1, 1, 1)

        # another writer holds the lock past the busy timeout: the whole batch fails to begin
        store.db.execute("PRAGMA busy_timeout = 50")
        other = sqlite3.connect(store.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        failed = Failed("http://mirror.test/gone.html", "s", "detail", "HTTP 500", 500)
        batch.add(failed, lambda: sink.write(failed))
        second = add_fetched(batch, sink, fetched(1))
        batch.flush()
        other.execute("ROLLBACK")
        other.close()
        assert errors == [failed, second]
        assert committed(store.path) == (1, 1, 1), "a failed batch never removes what was stored"
        assert not store.db.in_transaction
    # the report names only the document that was stored
    assert stats["s"].new == 1 and [d["url"] for d in stats["s"].new_documents] == [first.final_url]
    assert stats["s"].failed == 0  # what the batch counted went back; the pipeline's on_error counts it once


def test_a_batch_sqlite_gives_up_on_takes_back_every_figure_it_counted(data_dir):
    """Disk full or an I/O error mid-batch: SQLite rolls the whole transaction back by itself."""
    errors = []
    stats = {"s": CrawlStats(site="s")}
    with Store.in_dir(data_dir) as store:
        sink = StoreSink(store, {}, stats)
        batch = unsized_batch(store, sink, errors)
        items = [add_fetched(batch, sink, fetched(n)) for n in (0, 1)]

        def disk_full() -> None:
            store.db.execute("ROLLBACK")  # what SQLite does to the transaction on SQLITE_FULL
            raise sqlite3.OperationalError("database or disk is full")

        batch.add("third", disk_full)
        batch.flush()
        assert errors == [*items, "third"]
        assert committed(store.path) == (0, 0, 0) and not store.db.in_transaction
    assert stats["s"].new == 0 and stats["s"].new_documents == []  # no report of a document not stored
    assert stats["s"].pages == 2  # the pages were fetched all the same
