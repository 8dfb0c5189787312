"""Folding: the one comparable form of text every part of the index agrees on.

A low module (stdlib only) so the analyzer, the department aliases and the
query planner can all fold without importing each other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded if len(folded) == 1 else ch


# CJK ideographs (U+3400-9FFF) and Hangul syllables never change under NFKC; skipping them halves import time.
_RANGES = ((0, 0x3400), (0xA000, 0xAC00), (0xD7B0, 0x10000))
_FOLD = {c: v for a, b in _RANGES for c in range(a, b) if (v := _fold_char(chr(c))) != chr(c)}


def fold(text: str) -> str:
    """Full-width and half-width forms compare equal (（一） and (一), ５０ and 50), case too.

    Character by character, never changing the length, so offsets stay those
    of the stored text and highlights land on the right characters.
    """
    return _FOLDABLE.sub(_fold_run, text) if text else ""


# Only runs of characters that fold are translated: str.translate looks every character of a
# clause up in the table (most are ideographs it leaves alone), three times slower on its texts.
def _char_class(codes: list[int]) -> str:
    """A regex character class of these code points, consecutive ones as ranges (compiles fast)."""
    runs: list[list[int]] = []
    for c in codes:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)


_FOLDABLE = re.compile(f"[{_char_class(sorted(_FOLD))}]+")
_SPACES = re.compile(r"\s+")


def _fold_run(m: re.Match) -> str:
    return m.group().translate(_FOLD)


def squash(text: str) -> str:
    """Folded, without white space: the form verbatim matches (phrases, snippets) compare."""
    return _SPACES.sub("", fold(text))


@lru_cache(maxsize=16384)
def folded(text: str) -> str:
    """``fold`` remembered: the rerank (its sentences) and dedupe (its key) fold each candidate's text."""
    return fold(text)


def unspaced(text: str) -> str:
    """Without white space: ``squash`` of a text already folded."""
    return _SPACES.sub("", text)
