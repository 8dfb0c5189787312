"""List pages: the entries they hold (link, title, date), read with a site's selectors.

A pure function over HTML: the spider decides what to fetch from what this returns.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from parsel import Selector

from cleaner.dates import parse_date

from .config import ListRules
from .urls import resolve_link


@dataclass(frozen=True)
class ListEntry:
    url: str  # canonical, absolute
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD when the list shows one

    @property
    def signature(self) -> str | None:
        """What the list says about the entry; when it changes, the page is rechecked."""
        if not self.title and not self.date:
            return None
        return hashlib.sha1(f"{self.title or ''}\x1f{self.date or ''}".encode()).hexdigest()[:16]


def _text(sel: Selector, query: str | None) -> str | None:
    if not query:
        return None
    parts = [t.strip() for t in sel.css(query).getall()]
    text = " ".join(p for p in parts if p)
    return " ".join(text.split()) or None


def read_list(selector: Selector, page_url: str, rules: ListRules) -> list[ListEntry]:
    """Entries in page order; duplicates (the same canonical URL twice) are kept once."""
    entries: dict[str, ListEntry] = {}
    if rules.item:
        for item in selector.css(rules.item):
            href = item.css(rules.links).get()
            url = resolve_link(page_url, href) if href else None
            if not url or url in entries:
                continue
            title = _text(item, rules.titles) or _text(item, "a::attr(title)") or _text(item, "a::text")
            entries[url] = ListEntry(url=url, title=title, date=parse_date(_text(item, rules.dates)))
    else:
        for href in selector.css(rules.links).getall():
            url = resolve_link(page_url, href)
            if url and url not in entries:
                entries[url] = ListEntry(url=url)
    return list(entries.values())
