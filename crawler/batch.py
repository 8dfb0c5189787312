"""Store writes gathered into batches: one transaction per so many outcomes or per second.

A commit per page is most of what SQLite spends on a crawl's small writes;
one per batch keeps the guarantees: each outcome runs under its own
savepoint, so one that fails is undone alone, reported, and the rest of the
batch commits; a run killed before a commit loses only that batch, whose
URLs have no state written either, so the next run fetches them again.
Nothing committed is ever lost and nothing is left half-written.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from corpus.store import Store

# schedule(seconds, fn) -> a handle with cancel(): Twisted's reactor.callLater in a crawl
Scheduler = Callable[[float, Callable[[], None]], Any]
# checkpoint() -> restore(): puts the run's figures back as they were, for writes that were undone
Checkpoint = Callable[[], Callable[[], None]]


class WriteBatch:
    def __init__(
        self,
        store: Store,
        on_error: Callable[[object, Exception], None],
        *,
        size: int = 50,
        seconds: float = 1.0,
        schedule: Scheduler | None = None,
        checkpoint: Checkpoint | None = None,
    ):
        self.store = store
        self.on_error = on_error  # (the outcome, the error) for a write that was undone
        self.size = max(1, size)
        self.seconds = seconds
        self.schedule = schedule
        # a write counts what it stores (new, changed, its new_documents entry) as it goes; when
        # the store then undoes it, the count is taken back, so a report never names what is not stored
        self.checkpoint = checkpoint or (lambda: lambda: None)
        self.pending: list[tuple[object, Callable[[], None]]] = []
        self.timer = None
        self.first_at = 0.0
        self.busy = 0.0  # seconds spent writing, all batches together

    def add(self, outcome: object, write: Callable[[], None]) -> None:
        """Queue one outcome's writes; committed with the batch, at the latest ``seconds`` from now."""
        if not self.pending:
            self.first_at = time.monotonic()
            if self.schedule is not None:
                self.timer = self.schedule(self.seconds, self.flush)
        self.pending.append((outcome, write))
        if len(self.pending) >= self.size or time.monotonic() - self.first_at >= self.seconds:
            self.flush()

    def flush(self) -> None:
        """Commit what is pending: every write under its own savepoint, all in one transaction."""
        if self.timer is not None:
            if getattr(self.timer, "active", lambda: True)():
                self.timer.cancel()
            self.timer = None
        writes, self.pending = self.pending, []
        if not writes:
            return
        db = self.store.db
        started = time.perf_counter()
        restore_batch = self.checkpoint()
        try:
            db.execute("BEGIN IMMEDIATE")
            for outcome, write in writes:
                restore_outcome = self.checkpoint()
                db.execute("SAVEPOINT outcome")
                try:
                    write()
                except Exception as e:
                    if not db.in_transaction:
                        raise  # SQLite gave up the whole transaction (disk full, I/O error)
                    db.execute("ROLLBACK TO outcome")
                    db.execute("RELEASE outcome")
                    restore_outcome()
                    self.on_error(outcome, e)
                else:
                    db.execute("RELEASE outcome")
            db.execute("COMMIT")
        except Exception as e:
            if db.in_transaction:
                db.execute("ROLLBACK")
            restore_batch()
            for outcome, _ in writes:  # none of them was committed: fetched again next run
                self.on_error(outcome, e)
        finally:
            self.busy += time.perf_counter() - started
