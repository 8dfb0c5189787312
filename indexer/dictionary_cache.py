"""jieba's prefix dictionary with our words in it, kept as a pickle so a command starts in a fraction of a second.

Every `policy search` is a new process, and jieba spends most of its start
loading its 500,000-entry prefix dictionary from a marshal file (about
0.7 s here) and then adding our policy words.  The same dictionary, words
added, loads from a pickle about five times faster.  The cache is keyed by
everything that shapes the dictionary (jieba's version and dictionary file,
our word lists), so an upgrade or a new policy word builds a fresh one.

A pickle runs code when loaded, so the cache lives in a directory only this
user can write (``$XDG_CACHE_HOME/policy-harvester``, else
``~/.cache/policy-harvester``), never in the shared temporary directory;
anything unexpected there means the cache is skipped, never trusted.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def _import_jieba():
    """jieba, imported without pkg_resources.

    jieba reads its data files through pkg_resources when it can import it,
    which costs 0.15 s of every command's start (and a deprecation warning);
    without it jieba opens the same files by path.  Hiding the module for the
    length of jieba's import changes nothing else.
    """
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()


_PROTOCOL = 5


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policy-harvester"


def dictionary_key(*parts: str) -> str:
    """A digest of jieba's own dictionary and our word lists: what the built dictionary depends on."""
    h = hashlib.sha256(f"jieba {jieba.__version__}".encode())
    default = Path(jieba.__file__).with_name("dict.txt")
    try:
        st = default.stat()
        h.update(f"{default}:{st.st_size}:{st.st_mtime_ns}".encode())
    except OSError:
        pass
    for part in parts:
        h.update(b"\0" + part.encode("utf-8"))
    return h.hexdigest()[:24]


def _private(folder: Path) -> bool:
    """Only this user can write the folder (a pickle someone else could plant is never loaded)."""
    try:
        st = folder.stat()
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load_or_build(tokenizer: jieba.Tokenizer, key: str, build: Callable[[], None]) -> bool:
    """Fill ``tokenizer`` from the cache for ``key``, or run ``build`` and cache its result.

    Returns whether the cache was used.  Any failure to read or write the
    cache falls back to ``build``: the cache only ever saves time.  (A word
    added with frequency 0 would also need jieba's forced split replayed; our
    lists give every word a frequency.)
    """
    folder = cache_dir()
    path = folder / f"jieba-{key}.pickle"
    if _private(folder) and path.is_file():
        try:
            with open(path, "rb") as fh:
                freq, total, tags = pickle.load(fh)
            tokenizer.FREQ, tokenizer.total = freq, total
            tokenizer.user_word_tag_tab.update(tags)
            tokenizer.initialized = True
            return True
        except Exception:  # a truncated or foreign file: rebuild it below
            pass
    build()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(folder):
            return False
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((tokenizer.FREQ, tokenizer.total, dict(tokenizer.user_word_tag_tab)), fh, _PROTOCOL)
        os.replace(tmp, path)
        for old in folder.glob("jieba-*.pickle"):  # one dictionary per version is enough
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return False
