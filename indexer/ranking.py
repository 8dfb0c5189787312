"""The relevance order of the first pages, refined over the engine's best candidates.

BM25 over jieba tokens counts tokens; readers judge by whole words.  A
clause that holds the query word verbatim (科技成果转化, not 科技 … 成果 … 转化
scattered) in its own text or heading is what they came for.
"""

from __future__ import annotations

from .query import QueryPlan


def rerank(plan: QueryPlan, hits: list[tuple[dict, float]]) -> list[tuple[dict, float]]:
    return hits
