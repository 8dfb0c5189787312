"""A judged query set and its measures: MRR@10, nDCG@10 and unjudged hits.

The judge (a helper who never tunes the ranking) writes two files in one
folder (``tests/fixtures/search/real/``):

- ``queries.json``: ``[{"id": "q01", "query": "…", "need": "…", "class": "topic"}, …]``
  (``class`` optional: topic, region, named, synonym, department, multi, exclusion, phrase, concept …)
- ``judgements.json``: ``{"q01": {"<clause id>": 2, …}, …}``, grades 0 (not related),
  1 (related: mentions it, partly answers) and 2 (the clause that answers the need).

Hits nobody judged count as 0 and are reported, so a measure on a set with
many unjudged hits is read with care (pool them and judge them).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

K = 10


@dataclass(frozen=True)
class Query:
    id: str
    query: str
    need: str = ""
    kind: str = ""  # the judge's class of the query (topic, region, synonym …)


@dataclass(frozen=True)
class Score:
    rr: float  # 1 / rank of the first hit graded 1 or 2
    rr2: float  # 1 / rank of the first hit graded 2
    ndcg: float
    unjudged: int  # hits in the top K nobody graded


def load_queries(folder: Path) -> list[Query]:
    rows = json.loads((folder / "queries.json").read_text(encoding="utf-8"))
    return [Query(str(r["id"]), r["query"], r.get("need", ""), r.get("class", "")) for r in rows]


def load_judgements(folder: Path) -> dict[str, dict[str, int]]:
    path = folder / "judgements.json"
    if not path.exists():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {str(q): {str(c): int(g) for c, g in grades.items()} for q, grades in raw.items()}


def score(ranked: list[str], grades: dict[str, int], k: int = K) -> Score:
    """One query's measures over its ranked clause ids; the ideal order is every judged grade, best first."""
    gains = [grades.get(c, 0) for c in ranked[:k]]
    rr = next((1.0 / (i + 1) for i, g in enumerate(gains) if g >= 1), 0.0)
    rr2 = next((1.0 / (i + 1) for i, g in enumerate(gains) if g >= 2), 0.0)
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    unjudged = sum(1 for c in ranked[:k] if c not in grades)
    return Score(rr, rr2, dcg / idcg if idcg else 0.0, unjudged)


def mean(scores: list[Score]) -> Score:
    n = len(scores) or 1
    return Score(
        sum(s.rr for s in scores) / n,
        sum(s.rr2 for s in scores) / n,
        sum(s.ndcg for s in scores) / n,
        sum(s.unjudged for s in scores),
    )
