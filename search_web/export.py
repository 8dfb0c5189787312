"""Rows for CSV and JSON exports: one row per clause, the same columns from the web and the CLI.

CSV is written as UTF-8 with a BOM so Excel opens Chinese text correctly,
and any cell that a spreadsheet would run as a formula (=, +, -, @) is
prefixed with an apostrophe: crawled text must not become a formula on a
researcher's machine.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, is_dataclass
from urllib.parse import quote

from corpus.model import Document

from .anchors import clause_anchor
from .labels import AMOUNT_KINDS, STATUS_LABELS
from .params import format_yuan

COLUMNS = (
    "doc_id",
    "clause_id",
    "title",
    "issuer",
    "doc_number",
    "published",
    "doc_type",
    "draft",
    "province",
    "city",
    "county",
    "path",
    "heading",
    "text",
    "departments",
    "amounts",
    "max_yuan",
    "url",
    "status",  # reasoning/status.py: in_force, expired, repealed, …
    "status_zh",  # the same in Chinese, as the site says it: 现行有效, 已废止, …
    "expires",
    "relations",  # repealed_by: 文号《title》; …
    "link",  # the clause on the site, absolute: the request's host on the web, --base-url from the CLI
)
BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def amounts_cell(amounts: list[dict]) -> str:
    """最高100万元（cap 最高）；…: each amount with its kind as a code and in Chinese."""
    return "；".join(f"{a.get('text')}（{_kind(a.get('kind'))}）" for a in amounts)


def _kind(kind: str | None) -> str:
    return f"{kind} {AMOUNT_KINDS[kind]}" if kind in AMOUNT_KINDS else kind or ""


def _status_zh(status: str | None) -> str | None:
    return STATUS_LABELS.get(status, status) if status else None


def site_link(base_url: str, doc_id: str, clause_id: str | None = None) -> str:
    """The absolute link of a document or clause on the site at ``base_url`` (as url_for writes it)."""
    link = f"{base_url.rstrip('/')}/doc/{quote(doc_id)}"
    if clause_id:
        link += "#" + quote(clause_anchor(clause_id), safe="%!#$&'()*+,/:;=?@")
    return link


def max_yuan(amounts: list[dict]) -> float | None:
    return max((a["yuan"] for a in amounts if a.get("yuan") is not None), default=None)


def hit_row(hit) -> dict:
    """A search hit (indexer.Hit or its dict) as one export row."""
    h = asdict(hit) if is_dataclass(hit) else hit
    region = h.get("region") or {}
    return {
        "doc_id": h["doc_id"],
        "clause_id": h["clause_id"],
        "title": h.get("title"),
        "issuer": h.get("issuer"),
        "doc_number": h.get("doc_number"),
        "published": h.get("published"),
        "doc_type": h.get("doc_type"),
        "draft": bool(h.get("draft")),
        "province": region.get("province"),
        "city": region.get("city"),
        "county": region.get("county"),
        "path": " › ".join(h.get("path") or []),
        "heading": h.get("heading"),
        "text": h.get("text"),
        "departments": "；".join(h.get("departments") or []),
        "amounts": amounts_cell(h.get("amounts") or []),
        "max_yuan": max_yuan(h.get("amounts") or []),
        "url": h.get("url"),
        "status": _status_of(h.get("status")),
        "status_zh": _status_zh(_status_of(h.get("status"))),
        "expires": h.get("expires") or (h.get("status") or {}).get("expires"),
    }


def _status_of(status: dict | None) -> str | None:
    return (status or {}).get("status")


def relations_cell(relations: dict | None) -> str:
    """ "repealed_by: 临政发〔2023〕2号《…》；cites: 《…》" from ``document_view()["relations"]``."""
    parts = []
    for kind, entries in (relations or {}).items():
        names = [
            " ".join(x for x in (e.get("doc_number"), e.get("title") and f"《{e['title']}》") if x)
            for e in entries
        ]
        if names:
            parts.append(f"{kind}: " + "、".join(n for n in names if n))
    return "；".join(parts)


def document_rows(
    doc: Document, view: dict | None = None, link: Callable[[str, str | None], str] | None = None
) -> Iterator[dict]:
    """Every clause of a stored document as export rows (the CLI's whole-store CSV).

    ``view`` (``reasoning.view.document_view``) adds the status and relations;
    ``link(doc_id, clause_id)`` the clause's absolute link on the site.
    """
    status = (view or {}).get("status") or {}
    relations = relations_cell((view or {}).get("relations"))
    for c in doc.clauses:
        amounts = [a.__dict__ for a in c.amounts]
        yield {
            "doc_id": doc.id,
            "clause_id": c.id,
            "title": doc.title,
            "issuer": doc.issuer,
            "doc_number": doc.doc_number,
            "published": doc.published,
            "doc_type": doc.doc_type,
            "draft": doc.draft,
            "province": doc.region.province,
            "city": doc.region.city,
            "county": doc.region.county,
            "path": " › ".join(c.path),
            "heading": c.heading,
            "text": c.text,
            "departments": "；".join(c.departments),
            "amounts": amounts_cell(amounts),
            "max_yuan": max_yuan(amounts),
            "url": doc.url,
            "status": status.get("status"),
            "status_zh": _status_zh(status.get("status")),
            "expires": status.get("expires") or doc.expires,
            "relations": relations,
            "link": link(doc.id, c.id) if link else None,
        }


def support_row(row) -> dict:
    """A support-finder row: the export columns plus the grant that ranked it."""
    out = hit_row({**asdict(row), "doc_type": None, "amounts": [asdict(g) for g in row.grants]})
    out.update(
        amount_text=row.top.text,
        amount_kind=row.top.kind,
        amount_kind_zh=AMOUNT_KINDS.get(row.top.kind, row.top.kind),
        amount=format_yuan(row.top.yuan),
    )
    return out


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value}"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def csv_lines(rows: Iterable[dict], columns: tuple[str, ...] = COLUMNS, bom: bool = True) -> Iterator[str]:
    """CSV text in chunks (a header first), for streaming a large export."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    yield (BOM if bom else "") + buf.getvalue()
    for row in rows:
        buf.seek(0)
        buf.truncate()
        writer.writerow([csv_cell(row.get(c)) for c in columns])
        yield buf.getvalue()
