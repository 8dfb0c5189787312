"""List pages: the entries they hold (link, title, date), read with a site's selectors.

A pure function over HTML: the spider decides what to fetch from what this returns.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from parsel import Selector
from parsel.csstranslator import HTMLTranslator

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


_CSS = HTMLTranslator()


def _matches(selector: Selector, css: str, window: int) -> Iterator[Selector]:
    """What ``selector.css(css)`` matches, in document order, ``window`` nodes at a time.

    ``css()`` would wrap every one of 100,000 matches in a Selector before the first is read;
    an XPath position range makes only the nodes a window needs.
    """
    xpath = _CSS.css_to_xpath(css)
    start = 0
    while True:
        found = selector.xpath(f"({xpath})[position() > {start} and position() <= {start + window}]")
        yield from found
        if len(found) < window:
            return
        start += window


@dataclass(frozen=True)
class ListRead:
    """A list page's entries, at most ``rules.max_entries`` of them; ``cut`` when the page held more."""

    entries: list[ListEntry]
    cut: bool = False


def read_list(selector: Selector, page_url: str, rules: ListRules) -> ListRead:
    """Entries in page order; duplicates (the same canonical URL twice) are kept once.

    Reading stops at ``rules.max_entries`` distinct entries: the rest of a huge page is never
    resolved, so its cost is the parse alone.
    """
    entries: dict[str, ListEntry] = {}
    limit = rules.max_entries
    if rules.item:
        for item in _matches(selector, rules.item, limit + 1):
            href = item.css(rules.links).get()
            url = resolve_link(page_url, href) if href else None
            if not url or url in entries:
                continue
            if len(entries) == limit:
                return ListRead(list(entries.values()), cut=True)
            title = _text(item, rules.titles) or _text(item, "a::attr(title)") or _text(item, "a::text")
            entries[url] = ListEntry(url=url, title=title, date=parse_date(_text(item, rules.dates)))
    else:
        for href in (m.get() for m in _matches(selector, rules.links, limit + 1)):
            url = resolve_link(page_url, href)
            if url and url not in entries:
                if len(entries) == limit:
                    return ListRead(list(entries.values()), cut=True)
                entries[url] = ListEntry(url=url)
    return ListRead(list(entries.values()))
