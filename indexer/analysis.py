"""jieba analysis for policy text: a policy dictionary, search-mode sub-tokens (folding is ``folding``).

The analyzer is a module-level class so Whoosh can pickle it into the index
schema and find it again when the index is opened by another process.
"""

from __future__ import annotations

import io
import logging
import re
import threading
from functools import lru_cache
from importlib import resources

from whoosh.analysis import Composable, Token, Tokenizer

from .aliases import short_names
from .dictionary_cache import dictionary_key, jieba, load_or_build
from .folding import fold, squash  # noqa: F401 - squash too is still imported from here

# jieba itself is imported (the quick way) in dictionary_cache, folding in folding: both are
# low modules, so the alias table and the dictionary cache never import this one.


_LOCK = threading.Lock()
_READY = False
_WORD = re.compile(r"[\w\u4e00-\u9fff]", re.U)
STOP_WORDS = frozenset(
    "的 了 和 与 及 或 等 在 对 为 以 于 将 把 被 由 从 向 按 其 各 有 是 就 也 都 而 并 但 之 中 上 下 个 年 月 日 a an the of".split()
)


def tokenizer() -> jieba.Tokenizer:
    """jieba with our dictionary (policy words, department short names) loaded once per process."""
    global _READY
    if not _READY:
        with _LOCK:
            if not _READY:
                jieba.setLogLevel(logging.WARNING)
                words = (resources.files("indexer") / "dict" / "policy_words.txt").read_bytes()
                names = short_names()

                def build() -> None:
                    jieba.load_userdict(io.BytesIO(words))
                    for name in names:
                        jieba.add_word(name, 20000)

                load_or_build(jieba.dt, dictionary_key(words.decode("utf-8"), "\n".join(names)), build)
                _READY = True
    return jieba.dt


def cut(text: str) -> list[tuple[str, int, int]]:
    """Search-mode tokens of folded text as (token, start, end), stop words and punctuation dropped.

    The last text's tokens are kept: the index build cuts each clause for the engine and then
    for the lexicon (``lexicon.words_and_phrases``), and jieba is most of the build's time."""
    global _LAST
    last_text, last_tokens = _LAST
    if text == last_text:
        return list(last_tokens)
    tokens = _cut(fold(text))
    _LAST = (text, tuple(tokens))
    return tokens


_LAST: tuple[str, tuple[tuple[str, int, int], ...]] = ("", ())


def cut_repeated(text: str) -> list[str]:
    """Tokens of a string that recurs (a title, an issuer, a department name): cut once per process."""
    return list(_repeated(fold(text))) if len(text) < 300 else [w for w, _, _ in _cut(fold(text))]


def _cut(text: str) -> list[tuple[str, int, int]]:
    return [
        (w, s, e)
        for w, s, e in tokenizer().tokenize(text, mode="search")
        if w not in STOP_WORDS and _WORD.search(w)
    ]


@lru_cache(maxsize=50_000)
def _repeated(text: str) -> tuple[str, ...]:
    return tuple(w for w, _, _ in _cut(text))


def tokens(text: str) -> list[str]:
    return [w for w, _, _ in cut(text)]


def key_tokens(word: str) -> tuple[str, ...]:
    """The word's tokens in jieba's precise mode: the units a reader sees (新型研发机构, not 研发)."""
    return tuple(w for w in tokenizer().lcut(fold(word)) if w not in STOP_WORDS and _WORD.search(w))


def word_tokens(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(required, optional) tokens of one query word.

    jieba's search mode cuts 风险补偿金 into 风险/补偿/补偿金/风险补偿金 but never
    yields the 4-character 风险补偿, so requiring a word's longest token would
    miss clauses holding it inside a longer compound.  The smallest tokens are
    required instead, plus, for any character they leave uncovered (券 in
    创新券), the shortest token covering it; the rest only add score.
    """
    toks = list(dict.fromkeys(cut(word)))
    if not toks:
        return (), ()
    minimal = [
        t
        for t in toks
        if not any(o is not t and t[1] <= o[1] and o[2] <= t[2] and o[1:] != t[1:] for o in toks)
    ]
    covered = {i for _, s, e in minimal for i in range(s, e)}
    text = fold(word)
    stops = {
        i for w, s, e in tokenizer().tokenize(text, mode="search") for i in range(s, e) if w in STOP_WORDS
    }
    required = list(minimal)
    for i, ch in enumerate(text):
        if i in covered or i in stops or not _WORD.match(ch):
            continue
        spans = [t for t in toks if t[1] <= i < t[2]]
        if spans:
            best = min(spans, key=lambda t: t[2] - t[1])
            required.append(best)
            covered.update(range(best[1], best[2]))
    req = tuple(dict.fromkeys(t[0] for t in required))
    opt = tuple(w for w in dict.fromkeys(t[0] for t in toks) if w not in req)
    return req, opt


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
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos
        for word, start, end in cut(value):
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
    return PolicyTokenizer()
