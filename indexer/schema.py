"""The Whoosh schema: one entry per clause (``entries.Entry``), carrying its document's fields.

All searched text goes into one field, ``body``, with a weight per token by
where it came from (heading, title, text, context): one posting list per
query token instead of four, which is most of Whoosh's query time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.system import pack_uint

from .analysis import PolicyAnalyzer

SCHEMA_VERSION = 9

# Searched parts and their weights: the clause's heading and its document's
# title say what it is about; the context (issuer, 文号, region, departments)
# finds it but says little about its relevance.  Whoosh's BM25F wants
# weights of 1 or more, so the smallest is 1.
FIELD_BOOSTS = {"title": 1.5, "heading": 2.0, "text": 1.0, "context": 0.4}
SEARCH_FIELDS = tuple(FIELD_BOOSTS)
WHOOSH_WEIGHTS = {name: boost / FIELD_BOOSTS["context"] for name, boost in FIELD_BOOSTS.items()}


class WeightedTokens(TEXT):
    """A text field indexed from ready tokens: ``{token: (frequency, weight)}``, no analysis at write time."""

    def index(self, value, **kwargs) -> Iterable[tuple[bytes, int, float, bytes]]:
        if isinstance(value, str):  # a plain string (queries never come here; tests might)
            yield from super().index(value, **kwargs)
            return
        for token, (freq, weight) in value.items():
            yield token.encode("utf-8"), freq, weight, pack_uint(freq)


def weigh(parts: Iterable[tuple[Iterable[str], float]]) -> dict[str, tuple[int, float]]:
    """Tokens from several parts, each part with its weight, as WeightedTokens wants them."""
    freq: dict[str, int] = defaultdict(int)
    weight: dict[str, float] = defaultdict(float)
    for tokens, w in parts:
        for t in tokens:
            freq[t] += 1
            weight[t] += w
    return {t: (freq[t], weight[t]) for t in freq}


def make_schema() -> Schema:
    return Schema(
        clause_id=ID(stored=True, unique=True),
        doc_id=ID(stored=True, sortable=True),
        body=WeightedTokens(analyzer=PolicyAnalyzer(), phrase=False),
        # the clause text's own tokens, once each: how many clauses say a word (a query word's idf),
        # counted the same as tantivy's text field
        terms=KEYWORD(scorable=False),
        # filters and facets (facets and ranges read the columns, see whoosh_backend.Columns)
        issuer=ID(sortable=True),
        province=ID(sortable=True),
        city=ID(sortable=True),
        county=ID(sortable=True),
        doc_type=ID(sortable=True),
        status=ID(sortable=True),
        department=KEYWORD(commas=True, scorable=False),
        department_name=KEYWORD(commas=True, scorable=False),
        department_names=ID(sortable=True),  # the same joined by commas: a column for facets
        doc_number=ID(),
        draft=BOOLEAN(),
        published=ID(sortable=True),
        year=NUMERIC(int, sortable=True),
        max_yuan=NUMERIC(float, sortable=True),
        ord=NUMERIC(int, sortable=True),
        payload=STORED(),
    )
