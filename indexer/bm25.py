"""A plain Okapi BM25 over jieba search-mode tokens: the baseline our ranking is measured against.

Nothing of ours beyond the tokenizer: no fields, aliases, rerank, phrases or
fallback, every query token a SHOULD clause (any word matches), scored with
the textbook formula (k1 1.2, b 0.75, idf log(1 + (N - n + 0.5) / (n + 0.5))).
It indexes the same clauses as the index (``clause_entries``), so the two
systems are compared on one clause set.  Pure Python: a bench tool, not a
serving path.
"""

from __future__ import annotations

import math
import pickle
import re
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import cut

K1 = 1.2
B = 0.75
_SYNTAX = re.compile(r'["“”]')


def query_tokens(query: str) -> list[str]:
    """The query's search-mode tokens; quotes are dropped and -words ignored (plain BM25 has no syntax)."""
    words = [w for w in _SYNTAX.sub(" ", query or "").split() if not (w.startswith("-") and len(w) > 1)]
    return [t for t, _, _ in cut(" ".join(words))]


@dataclass
class BM25:
    ids: list[str] = field(default_factory=list)  # clause ids, by position
    lengths: array = field(default_factory=lambda: array("I"))  # tokens per clause
    postings: dict[str, tuple[array, array]] = field(default_factory=dict)  # token -> (positions, tf)

    @classmethod
    def build(cls, clauses: Iterable[tuple[str, str]]) -> BM25:
        """From (clause id, text) pairs."""
        index = cls()
        grow: dict[str, tuple[array, array]] = {}
        for n, (clause_id, text) in enumerate(clauses):
            toks = [t for t, _, _ in cut(text)]
            index.ids.append(clause_id)
            index.lengths.append(len(toks))
            for tok, tf in Counter(toks).items():
                docs, tfs = grow.setdefault(tok, (array("I"), array("H")))
                docs.append(n)
                tfs.append(min(tf, 65535))
        index.postings = grow
        return index

    def save(self, path: Path) -> None:
        with open(path, "wb") as f:
            pickle.dump((self.ids, self.lengths, self.postings), f, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, path: Path) -> BM25:
        with open(path, "rb") as f:
            ids, lengths, postings = pickle.load(f)  # noqa: S301 - our own bench file, written by save()
        return cls(ids, lengths, postings)

    def idf(self, token: str) -> float:
        n = len(self.postings[token][0]) if token in self.postings else 0
        return math.log(1 + (len(self.ids) - n + 0.5) / (n + 0.5))

    def search(self, query: str, k: int = 10) -> list[tuple[str, float]]:
        """The k best (clause id, score); ties in clause id order, so a run is repeatable."""
        if not self.ids:
            return []
        avg = sum(self.lengths) / len(self.ids)
        scores: dict[int, float] = {}
        for tok, qtf in Counter(query_tokens(query)).items():
            if tok not in self.postings:
                continue
            docs, tfs = self.postings[tok]
            w = self.idf(tok) * qtf
            lengths = self.lengths
            for d, tf in zip(docs, tfs, strict=True):
                norm = K1 * (1 - B + B * lengths[d] / avg)
                scores[d] = scores.get(d, 0.0) + w * tf * (K1 + 1) / (tf + norm)
        best = sorted(scores.items(), key=lambda ds: (-ds[1], self.ids[ds[0]]))[:k]
        return [(self.ids[d], s) for d, s in best]
