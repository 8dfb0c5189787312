"""The Whoosh schema: one entry per clause (``entries.Entry``), carrying its document's fields."""

from __future__ import annotations

from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import PolicyAnalyzer

SCHEMA_VERSION = 3

# Searched fields and their weights: the clause's own words first; its heading
# and its document's title say what it is about; the context (issuer, 文号,
# region, departments) finds it but says little about its relevance.
FIELD_BOOSTS = {"title": 1.5, "heading": 2.0, "text": 1.0, "context": 0.4}
SEARCH_FIELDS = tuple(FIELD_BOOSTS)


def make_schema() -> Schema:
    analyzer = PolicyAnalyzer()
    return Schema(
        clause_id=ID(stored=True, unique=True),
        doc_id=ID(stored=True, sortable=True),
        title=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["title"], phrase=False),
        heading=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["heading"], phrase=False),
        text=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["text"], phrase=False),
        context=TEXT(analyzer=analyzer, field_boost=FIELD_BOOSTS["context"], phrase=False),
        # filters and facets
        issuer=ID(sortable=True),
        province=ID(sortable=True),
        city=ID(sortable=True),
        county=ID(sortable=True),
        doc_type=ID(sortable=True),
        status=ID(sortable=True),
        department=KEYWORD(commas=True, scorable=False),
        department_name=KEYWORD(commas=True, scorable=False),
        doc_number=ID(),
        draft=BOOLEAN(),
        published=ID(sortable=True),
        year=NUMERIC(int, sortable=True),
        max_yuan=NUMERIC(float, sortable=True),
        ord=NUMERIC(int, sortable=True),
        payload=STORED(),
    )
