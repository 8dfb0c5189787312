"""The Whoosh schema: one entry per clause, carrying its document's fields."""

from __future__ import annotations

from whoosh.fields import BOOLEAN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import PolicyAnalyzer

SCHEMA_VERSION = 1


def make_schema() -> Schema:
    analyzer = PolicyAnalyzer()
    return Schema(
        clause_id=ID(stored=True, unique=True),
        doc_id=ID(stored=True),
        # searched text; title and heading weigh more than the body
        title=TEXT(analyzer=analyzer, field_boost=2.0),
        heading=TEXT(analyzer=analyzer, field_boost=1.5),
        text=TEXT(analyzer=analyzer, stored=True, chars=True),
        # the document's other names for the clause: issuer, 文号, region, type, draft, departments
        context=TEXT(analyzer=analyzer, field_boost=0.5),
        # filters and facets
        issuer=ID(stored=True),
        province=ID(stored=True),
        city=ID(stored=True),
        county=ID(stored=True),
        doc_type=ID(stored=True),
        department=KEYWORD(commas=True, scorable=False),
        draft=BOOLEAN(stored=True),
        published=ID(stored=True, sortable=True),
        year=NUMERIC(int, stored=True),
        max_yuan=NUMERIC(float, stored=True, sortable=True),
        ord=NUMERIC(int, stored=True),
        payload=STORED(),
    )
