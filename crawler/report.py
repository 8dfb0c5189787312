"""The nightly report: per-site figures and the new documents, as JSON and as a summary."""

from __future__ import annotations

import re

from .stats import CrawlStats

# Crawled text is untrusted: no terminal escape sequences or control characters reach the screen.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str | None) -> str:
    return _CONTROL.sub("", text or "")


def build_report(stats: dict[str, CrawlStats]) -> dict:
    """{"sites": {NAME: {requests, pages, new, changed, unchanged, failed, blocked}}, "new_documents": [...]}"""
    return {
        "sites": {name: st.as_report() for name, st in stats.items()},
        "new_documents": [
            {key: d.get(key) for key in ("url", "title", "issuer", "published")}
            for st in stats.values()
            for d in st.new_documents
        ],
    }


def summary_lines(stats: dict[str, CrawlStats], *, max_errors: int = 5) -> list[str]:
    """One line per site, then a few errors per site and the new titles: one screen."""
    lines = [st.summary() for st in stats.values()]
    total_new = sum(st.new for st in stats.values())
    total_changed = sum(st.changed for st in stats.values())
    lines.append(f"total: {total_new} new, {total_changed} changed documents")
    for st in stats.values():
        for err in st.errors[:max_errors]:
            lines.append(f"  {st.site} failed: {printable(err)}")
        if len(st.errors) > max_errors:
            lines.append(f"  {st.site}: … and {len(st.errors) - max_errors} more failures")
    new_docs = [d for st in stats.values() for d in st.new_documents]
    for d in new_docs[:10]:
        title = printable(d.get("title") or d.get("url"))
        lines.append(f"  new: {d.get('published') or '----------'} {title}")
    if len(new_docs) > 10:
        lines.append(f"  … and {len(new_docs) - 10} more new documents")
    return lines
