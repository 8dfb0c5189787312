"""Whoosh index of clauses with jieba analysis, and the one query API ``search()``."""

from .build import IndexDamaged, IndexError_, IndexReport, open_index, update_index
from .query import QueryError
from .search import Filters, Hit, Results, search

__all__ = [
    "Filters",
    "Hit",
    "IndexDamaged",
    "IndexError_",
    "IndexReport",
    "QueryError",
    "Results",
    "open_index",
    "search",
    "update_index",
]
