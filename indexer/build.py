"""Build and update the index from the store, never from HTML.

The store's change log says which documents are new, changed or deleted
since the index last caught up; a changed document's clauses are replaced
as a whole, so no stale clause survives an edit.

Layout of ``DATA/index``: one folder per generation (``g0001`` …) and a
``CURRENT`` file naming the live one.  A rebuild writes a new generation and
swaps ``CURRENT`` in one rename, so a reader always opens a whole index; an
update commits into the live generation, which both engines let readers
share.  Writers take ``.lock`` in turn: a second ``policy index`` waits for
the first instead of failing, and gives up with a clear message after
``lock_timeout`` seconds.

A generation that cannot be read (a disk fault, a copy taken mid-write) is
damaged, never silently wrong: searches say so and name the fix, and an
update that finds the live generation damaged rebuilds it from the store
(see ``integrity``).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.store import DamagedDocument, Store

from .backend import Backend
from .entries import clause_entries
from .errors import IndexDamaged, IndexError_
from .integrity import describe, is_read_error, manifest, manifest_problem
from .lexicon import LexiconBuilder, lexicon_of, read_lexicon, write_lexicon
from .schema import SCHEMA_VERSION

INDEX_DIR = "index"
STATE_FILE = "policy_state.json"
CURRENT = "CURRENT"
LOCK_FILE = ".lock"
BACKENDS = ("whoosh", "tantivy")
DEFAULT_BACKEND = "whoosh"
# "auto" (the default for a new index) picks Whoosh below this many clauses and tantivy from it:
# `policy bench search` put Whoosh's p95 past 200 ms between 5,000 and 50,000 clauses on the shared
# two-core machine, tantivy's under 20 ms at 50,000.
AUTO_TANTIVY_FROM = 20_000
BACKEND_ENV = "POLICY_INDEX_BACKEND"


@contextmanager
def reading(root: Path, confirm: bool = False) -> Iterator[None]:
    """Turn an engine's failure to read its files into one IndexDamaged naming the fix.

    With ``confirm``, a failure is blamed on the files only when they no
    longer match the checksums their commit recorded, so a bug of ours is not
    passed off as a disk fault (and a user not sent on a needless rebuild).
    """
    try:
        yield
    except BaseException as e:
        if not is_read_error(e) or (confirm and _intact(root)):
            raise
        raise IndexDamaged(root, describe(e)) from e


def _intact(root: Path) -> bool:
    """Whether the live generation's files read back exactly as its commit wrote them."""
    gen = current_generation(root)
    recorded = _read_json(gen / STATE_FILE).get("files") if gen else None
    return bool(recorded) and manifest_problem(gen, recorded) is None


@dataclass(frozen=True)
class IndexReport:
    documents: int  # documents (re)indexed
    removed: int
    clauses: int
    rebuilt: bool
    backend: str = DEFAULT_BACKEND
    repaired: str = ""  # why the live generation was found damaged and rebuilt, when it was
    damaged: tuple[str, ...] = ()  # documents left out because their stored row cannot be read

    def notes(self) -> list[str]:
        """What an operator must read: the index was repaired, or documents were left out."""
        lines = []
        if self.repaired:
            lines.append(f"repaired: the index was damaged ({self.repaired}); rebuilt it from the store")
        if self.damaged:
            shown = ", ".join(self.damaged[:5]) + (
                f" and {len(self.damaged) - 5} more" if len(self.damaged) > 5 else ""
            )
            lines.append(
                f"warning: skipped {len(self.damaged)} damaged document row(s) in the store ({shown}): "
                "run `policy reclean` to clean them again from their stored pages"
            )
        return lines


def index_dir(data_dir: str | Path) -> Path:
    return Path(data_dir) / INDEX_DIR


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_text(text)
    tmp.replace(path)


def current_generation(root: Path) -> Path | None:
    try:
        name = (root / CURRENT).read_text().strip()
    except OSError:
        return None
    return root / name if name else None


def index_state(data_dir: str | Path) -> dict:
    """The live generation's state: schema version, last change applied, backend."""
    gen = current_generation(index_dir(data_dir))
    return _read_json(gen / STATE_FILE) if gen else {}


def _make_backend(name: str, path: Path, create: bool = False) -> Backend:
    if name == "tantivy":
        from .tantivy_backend import TantivyBackend

        return TantivyBackend(path, create=create)
    if name == "whoosh":
        from .whoosh_backend import WhooshBackend

        return WhooshBackend(path, create=create)
    raise IndexError_(f"unknown index backend {name!r}: choose one of {', '.join(BACKENDS)}")


_OPEN: dict[Path, Backend] = {}
_OPEN_LOCK = threading.Lock()


def open_index(data_dir: str | Path) -> Backend:
    """The live index, opened once per generation and process (the web app shares it across requests)."""
    root = index_dir(data_dir)
    gen = current_generation(root)
    state = _read_json(gen / STATE_FILE) if gen else {}
    if not gen or not state:
        raise IndexError_(f"no index in {root}: run `policy index` first")
    if state.get("schema") != SCHEMA_VERSION:
        raise IndexError_(f"the index in {root} is from another version: run `policy index --rebuild`")
    with _OPEN_LOCK:
        backend = _OPEN.get(gen)
        if backend is None:
            # Forget the replaced generation without closing it: another thread may be mid-search on it.
            for old in [p for p in _OPEN if p.parent == gen.parent]:
                _OPEN.pop(old)
            with reading(root):
                backend = _OPEN[gen] = _make_backend(state.get("backend", DEFAULT_BACKEND), gen)
        return backend


@contextmanager
def writer_lock(root: Path, timeout: float, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """One writer at a time, across processes; the others wait their turn."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / LOCK_FILE, "a+") as fh:
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexError_(
                        f"another `policy index` has been writing {root} for over {timeout:.0f} s; "
                        "try again when it has finished"
                    ) from None
                if not waited and on_wait:
                    on_wait()
                waited = True
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def update_index(
    store: Store,
    data_dir: str | Path,
    *,
    rebuild: bool = False,
    backend: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_wait: Callable[[], None] | None = None,
    lock_timeout: float = 600.0,
) -> IndexReport:
    """Bring the index up to the store's last change (or rebuild it from scratch).

    ``backend`` (whoosh, tantivy or auto; default: the live index's, else
    env POLICY_INDEX_BACKEND, else auto: by the store's size, see
    ``AUTO_TANTIVY_FROM``) chooses the engine; a different one than the live
    index's means a rebuild.
    """
    root = index_dir(data_dir)
    with writer_lock(root, lock_timeout, on_wait):
        gen = current_generation(root)
        state = _read_json(gen / STATE_FILE) if gen else {}
        name = backend or state.get("backend") or os.environ.get(BACKEND_ENV) or "auto"
        if name == "auto":
            name = "tantivy" if store.count_clauses() >= AUTO_TANTIVY_FROM else "whoosh"
        if name not in BACKENDS:
            raise IndexError_(f"unknown index backend {name!r}: choose one of {', '.join(BACKENDS)}")
        if rebuild or not gen or state.get("schema") != SCHEMA_VERSION or state.get("backend") != name:
            return _rebuild(store, root, name, progress)
        try:
            _check(gen, state)
            return _update(store, gen, state, progress)
        except IndexDamaged as e:
            return replace(_rebuild(store, root, name, progress), repaired=f"{gen.name}: {e.detail}")


def _check(gen: Path, state: dict) -> None:
    """Raise IndexDamaged unless the generation opens, answers, and its files match their checksums."""
    problem = manifest_problem(gen, state.get("files") or {})
    if problem:
        raise IndexDamaged(gen.parent, problem)
    with reading(gen.parent):
        backend = _make_backend(state["backend"], gen)
        try:
            backend.doc_count()
        finally:
            backend.close()


def _update(store: Store, gen: Path, state: dict, progress) -> IndexReport:
    name = state["backend"]
    changes = store.changes_since(int(state.get("seq", 0)))
    if not changes:
        if read_lexicon(gen) is None:  # an index written before lexicons were: mine it now
            write_lexicon(gen, _lexicon_to_update(store, gen).lexicon())
            _write_atomic(gen / STATE_FILE, json.dumps({**state, "files": manifest(gen, STATE_FILE)}))
        return IndexReport(0, 0, 0, rebuilt=False, backend=name)
    latest: dict[str, str] = {}
    for _, doc_id, action in changes:
        latest[doc_id] = action
    documents = removed = clauses = 0
    damaged: list[str] = []
    lexicon = _lexicon_to_update(store, gen)
    with reading(gen.parent):
        backend = _make_backend(name, gen)
        writer = backend.writer()
    try:
        for n, (doc_id, action) in enumerate(latest.items(), 1):
            try:
                doc = store.document(doc_id) if action != "deleted" else None
            except DamagedDocument as e:  # keep the clauses it had until a reclean restores it
                damaged.append(e.doc_id)
                continue
            writer.delete_document(doc_id)
            lexicon.remove_document(doc_id)
            if doc is None:
                removed += 1
            else:
                documents += 1
                for entry in clause_entries(doc, store.status(doc_id), store.standing(doc_id)):
                    writer.add(entry)
                    lexicon.add(entry.doc_id, entry.text)
                    clauses += 1
            if progress:
                progress(n, len(latest))
        writer.commit()
        write_lexicon(gen, lexicon.lexicon())
    except BaseException as e:
        writer.cancel()
        if is_read_error(e):  # deleting a changed document's clauses reads the live segments
            raise IndexDamaged(gen.parent, describe(e)) from e
        raise
    finally:
        backend.close()
    _write_atomic(
        gen / STATE_FILE,
        json.dumps({**state, "seq": changes[-1][0], "files": manifest(gen, STATE_FILE)}),
    )
    return IndexReport(documents, removed, clauses, rebuilt=False, backend=name, damaged=tuple(damaged))


def _lexicon_to_update(store: Store, gen: Path) -> LexiconBuilder:
    """The live generation's lexicon to add the changes to; mined from the whole store when the
    generation has none (written before lexicons were), so the update leaves a complete one."""
    live = read_lexicon(gen)
    if live is not None:
        return LexiconBuilder(live)
    builder = LexiconBuilder()
    for doc in store.documents(on_damaged=lambda e: None):
        for entry in clause_entries(doc, store.status(doc.id), store.standing(doc.id)):
            builder.add(entry.doc_id, entry.text)
    return builder


def live_lexicon(data_dir: str | Path):
    """The live generation's lexicon (``lexicon``), None when it has none."""
    return lexicon_of(current_generation(index_dir(data_dir)))


def _next_generation(root: Path) -> Path:
    numbers = [int(p.name[1:]) for p in root.glob("g[0-9]*") if p.name[1:].isdigit()]
    return root / f"g{max(numbers, default=0) + 1:04d}"


def _rebuild(store: Store, root: Path, name: str, progress) -> IndexReport:
    """Build a new generation beside the live one and swap it in, so readers never see a half-built index."""
    seq = store.last_change()
    live = current_generation(root)
    gen = _next_generation(root)
    backend = _make_backend(name, gen, create=True)
    writer = backend.writer(bulk=True)
    total = store.count_documents()
    documents = clauses = 0
    damaged: list[str] = []
    lexicon = LexiconBuilder()
    try:
        for doc in store.documents(on_damaged=lambda e: damaged.append(e.doc_id)):
            for entry in clause_entries(doc, store.status(doc.id), store.standing(doc.id)):
                writer.add(entry)
                lexicon.add(entry.doc_id, entry.text)
                clauses += 1
            documents += 1
            if progress:
                progress(documents, total)
        writer.commit()
        write_lexicon(gen, lexicon.lexicon())
    except BaseException:
        writer.cancel()
        backend.close()
        shutil.rmtree(gen, ignore_errors=True)
        raise
    backend.close()
    state = {"schema": SCHEMA_VERSION, "seq": seq, "backend": name, "files": manifest(gen, STATE_FILE)}
    _write_atomic(gen / STATE_FILE, json.dumps(state))
    _write_atomic(root / CURRENT, gen.name)
    # Keep the generation just replaced: a reader may still be searching it.
    for old in root.iterdir():
        if old.is_dir() and old not in (gen, live):
            shutil.rmtree(old, ignore_errors=True)
    for stale in root.glob(CURRENT + ".tmp*"):
        stale.unlink(missing_ok=True)
    return IndexReport(documents, 0, clauses, rebuilt=True, backend=name, damaged=tuple(damaged))
