"""Telling a damaged index generation from a healthy one.

The store is the source of truth, so a damaged index never loses anything: it
only has to be noticed.  Two things notice it:

- a failure of the engine reading its own files.  Damaged bytes surface as
  whatever the decoder trips on: OSError (Whoosh seeking to an offset read
  from the damaged bytes), UnicodeDecodeError, zlib.error, UnpicklingError,
  tantivy's ValueError, even a tantivy panic, which pyo3 raises as a
  BaseException;
- a checksum: most of a Whoosh segment is stored payloads that a search
  reads only for its top hits, so a flipped byte there reads back silently
  wrong.  Each commit records the size and CRC-32 of the generation's files,
  and ``policy index`` checks them before it writes.  Engine files never
  change once written (a commit adds new ones and drops old ones), so a
  difference is damage.
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

from corpus.store import StoreError

from .errors import IndexError_, QueryError

# Files that legitimately change after a commit, or hold no index data.
_UNCHECKED = ("MAIN_WRITELOCK", ".tantivy-writer.lock", ".tantivy-meta.lock", ".managed.json")
_CHUNK = 1 << 20


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def _checked(path: Path, state_file: str) -> bool:
    return path.is_file() and path.name not in _UNCHECKED and not path.name.startswith(state_file)


def manifest(gen: Path, state_file: str) -> dict[str, list[int]]:
    """Size and CRC-32 of every data file of a generation, as a commit left them."""
    return {p.name: [p.stat().st_size, _crc(p)] for p in sorted(gen.iterdir()) if _checked(p, state_file)}


def manifest_problem(gen: Path, recorded: dict[str, list[int]]) -> str | None:
    """The first recorded file that no longer reads back as written, or None.

    A recorded file that is gone is left to the engine's own open: tantivy
    removes files a merge made obsolete only later, so absence alone is no
    damage.
    """
    for name, (size, crc) in sorted(recorded.items()):
        path = gen / name
        try:
            actual = path.stat().st_size
            if actual != size:
                return f"{name} is {actual} bytes, {size} when written"
            if _crc(path) != crc:
                return f"{name} changed on disk since it was written"
        except FileNotFoundError:
            continue
    return None


def is_read_error(e: BaseException) -> bool:
    """Whether an exception raised while an engine opens or reads its files means they are damaged.

    Our own errors, the store's, a permission problem and Ctrl-C keep their own meaning.
    """
    if isinstance(e, IndexError_ | QueryError | StoreError | sqlite3.Error | PermissionError):
        return False
    return isinstance(e, Exception) or type(e).__name__ == "PanicException"


def describe(e: BaseException) -> str:
    """The exception as a short single line (tantivy's messages run over several)."""
    text = " ".join(str(e).split())
    text = text if len(text) <= 120 else text[:117] + "…"
    return f"{type(e).__name__}: {text}" if text else type(e).__name__
