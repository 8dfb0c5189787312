"""The graders' scoring, copied from ``shared/eval/score_search.py`` (CI has no shared folder).

A hit is relevant to a judgement when the basename of its source equals the
judgement's ``file`` and the judgement's ``contains`` text occurs in the hit's
text (both after NFKC, white space removed); each judgement is credited once,
graded 1 or 2.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from dataclasses import dataclass


def norm(s: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))


def judge(hits: list[dict], rels: list[dict], k: int = 10) -> tuple[list[int], set[int]]:
    used: set[int] = set()
    gains = []
    for h in hits[:k]:
        src = os.path.basename(str(h.get("source") or h.get("url") or ""))
        text = norm(h.get("text"))
        g = 0
        for i, r in enumerate(rels):
            if i not in used and r["file"] == src and norm(r["contains"]) in text:
                used.add(i)
                g = max(g, r["grade"])
        gains.append(g)
    return gains, used


def metrics(gains: list[int], rels: list[dict], k: int = 10) -> tuple[float, float]:
    rr = next((1.0 / (i + 1) for i, g in enumerate(gains) if g > 0), 0.0)
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((r["grade"] for r in rels), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return rr, (dcg / idcg if idcg else 0.0)


@dataclass(frozen=True)
class QueryScore:
    q: str
    rr: float
    ndcg: float
    recall: float


def score(judged: list[dict], run) -> tuple[float, float, float, list[QueryScore]]:
    """(MRR@10, nDCG@10, recall@10, per query) of ``run(q) -> list of hit dicts`` over a judged set."""
    per = []
    for q in judged:
        gains, used = judge(run(q["q"]), q["rel"])
        rr, ndcg = metrics(gains, q["rel"])
        per.append(QueryScore(q["q"], rr, ndcg, len(used) / len(q["rel"])))
    n = len(per) or 1
    return (
        sum(s.rr for s in per) / n,
        sum(s.ndcg for s in per) / n,
        sum(s.recall for s in per) / n,
        per,
    )
