"""Other wordings of a query word: abbreviations and near-synonyms of policy language, as data.

Policy texts say one thing several ways: 研发 and 研究开发, 科技人员 and
科研人员, 扶持 and 支持.  A query typed one way should reach clauses written
another, but a clause printing the word as typed says more: each wording
carries a factor below 1 (``query.Spelling.factor``), so the rerank puts it
after the word itself.

- ``dict/abbreviations.txt``: ``full short`` pairs, candidates mined from the
  corpus (``policy bench wording``: "（以下简称…）" definitions and
  character-dropping abbreviations such as 研究开发 -> 研发) and kept by hand.
- ``dict/near_synonyms.txt``: groups of words used for one another in policy
  texts (扶持 支持 资助), written by hand.
- ``dict/everyday_words.txt``: how people say a thing, then how laws and
  policies say it (酒驾 -> 饮酒后驾驶, 老板 -> 用人单位), one way only: a query
  in the texts' own wording is never widened to everyday words.

A listed form is replaced only where it is one of the word's own tokens
(研发 in 研发费用), never across a token boundary (高企 in 提高企业).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from corpus.gazetteer import tables

from .analysis import cut, fold

ABBREVIATION_FACTOR = 0.8
NEAR_SYNONYM_FACTOR = 0.6
EVERYDAY_FACTOR = 0.7


def dict_lines(name: str) -> list[list[str]]:
    """The folded words of each line of a word list in ``indexer/dict/`` (# lines are comments)."""
    text = (resources.files("indexer") / "dict" / name).read_text(encoding="utf-8")
    return [
        [fold(w) for w in line.split()]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[tuple[str, float], ...]]:
    """Every listed form -> its other forms with their factors."""
    out: dict[str, dict[str, float]] = {}

    def add(a: str, b: str, factor: float) -> None:
        if a != b:
            row = out.setdefault(a, {})
            row[b] = max(row.get(b, 0.0), factor)

    for words in dict_lines("abbreviations.txt"):
        if len(words) >= 2:
            full, *shorts = words
            for short in shorts:
                add(full, short, ABBREVIATION_FACTOR)
                add(short, full, ABBREVIATION_FACTOR)
    for group in dict_lines("near_synonyms.txt"):
        for a in group:
            for b in group:
                add(a, b, NEAR_SYNONYM_FACTOR)
    for everyday, *formal in dict_lines("everyday_words.txt"):
        for f in formal:
            add(everyday, f, EVERYDAY_FACTOR)
    return {k: tuple(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))) for k, v in out.items()}


def other_wordings(word: str) -> list[tuple[str, float]]:
    """The word with its longest listed part said another way, each with its factor.

    A part counts where it starts and ends on the word's token boundaries
    (研究开发 in 研究开发费用: 研究|开发|费用), never inside a token (高企 in 提高|企业).
    """
    folded = fold(word)
    table = _table()
    toks = cut(folded)
    starts = {0} | {s for _, s, _ in toks}
    ends = {len(folded)} | {e for _, _, e in toks}
    best: tuple[int, int] | None = None
    for form in _forms():
        at = folded.find(form)
        while at >= 0:
            end = at + len(form)
            if at in starts and end in ends and (best is None or end - at > best[1] - best[0]):
                best = (at, end)
            at = folded.find(form, at + 1)
    if best is None:
        return []
    start, end = best
    return [(folded[:start] + other + folded[end:], factor) for other, factor in table[folded[start:end]]]


@lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """The everyday words of ``dict/everyday_words.txt`` (酒驾, 孩子, 假货)."""
    return frozenset(w[0] for w in dict_lines("everyday_words.txt") if len(w) > 1)


@lru_cache(maxsize=1)
def _forms() -> tuple[str, ...]:
    return tuple(sorted(_table(), key=len, reverse=True))


def is_scope(word: str) -> bool:
    """A province or city, full or short (山东, 山东省, 临沂, 临沂市), or a year (2023): it names
    which documents the user wants, not what they are about."""
    provinces, cities = tables()
    w = fold(word)
    return w in provinces or w in cities or (len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"))
