"""jieba analysis for policy text: a policy dictionary, search-mode sub-tokens, NFKC folding.

The analyzer is a module-level class so Whoosh can pickle it into the index
schema and find it again when the index is opened by another process.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache
from importlib import resources

import jieba
from whoosh.analysis import Composable, LowercaseFilter, StopFilter, Token, Tokenizer

_LOCK = threading.Lock()
_READY = False
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.U)
STOP_WORDS = frozenset(
    "的 了 和 与 及 或 等 在 对 为 以 于 将 把 被 由 从 向 按 其 各 有 是 就 也 都 而 并 但 之 中 上 下 个 年 月 日 a an the of".split()
)


def tokenizer() -> jieba.Tokenizer:
    """jieba with our dictionary loaded once per process."""
    global _READY
    if not _READY:
        with _LOCK:
            if not _READY:
                jieba.setLogLevel(logging.WARNING)
                with resources.as_file(resources.files("indexer") / "dict" / "policy_words.txt") as path:
                    jieba.load_userdict(str(path))
                _READY = True
    return jieba.dt


def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded if len(folded) == 1 else ch


_FOLD = {c: _fold_char(chr(c)) for c in range(0x80, 0x10000) if _fold_char(chr(c)) != chr(c)}


def fold(text: str) -> str:
    """Full-width and half-width forms compare equal (（一） and (一), ５０ and 50).

    Character by character, so offsets stay those of the stored text and
    highlights land on the right characters.
    """
    return (text or "").translate(_FOLD).lower()


@lru_cache(maxsize=200_000)
def _cut(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(tokenizer().tokenize(text, mode="search"))


class PolicyTokenizer(Tokenizer):
    """jieba search mode: 中试基地 yields 中试, 基地 and 中试基地, so both short and long queries match."""

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        mode="",
        **kwargs,
    ):
        text = fold(value)
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for word, start, end in _cut(text) if len(text) < 2000 else tokenizer().tokenize(text, mode="search"):
            if not _WORD.search(word):
                continue
            t.original = t.text = word
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = pos
                pos += 1
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


def PolicyAnalyzer() -> Composable:  # noqa: N802 - reads like a class at the call site, as Whoosh's own
    return PolicyTokenizer() | LowercaseFilter() | StopFilter(stoplist=STOP_WORDS, minsize=1)


def tokens(text: str) -> list[str]:
    return [t.text for t in PolicyAnalyzer()(text)]
