"""List pages: the entries they hold (link, title, date), read with a site's selectors.

A pure function over HTML: the spider decides what to fetch from what this returns.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from parsel import Selector
from parsel.csstranslator import HTMLTranslator

from cleaner.dates import iter_dates, parse_date

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

    def as_json(self) -> dict:
        return {"title": self.title, "url": self.url, "date": self.date}


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


def split_selector(query: str) -> list[str]:
    """The parts of a selector group (``a.x, li > a``), commas inside brackets or quotes kept."""
    parts, depth, quote, start = [], 0, "", 0
    for i, ch in enumerate(query):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(query[start:i].strip())
            start = i + 1
    parts.append(query[start:].strip())
    return [p for p in parts if p]


_HREF_SUFFIX = re.compile(r"::attr\(\s*href\s*\)\s*$")


def link_elements_query(links: str) -> str | None:
    """``a.tit::attr(href), a::attr(href)`` → ``a.tit, a``: the link elements themselves, or None."""
    parts = split_selector(links)
    elements = [_HREF_SUFFIX.sub("", p) for p in parts]
    if any(e == p or "::" in e for e, p in zip(elements, parts, strict=True)):
        return None
    return ", ".join(elements)


_ELLIPSIS = ("…", "...", "..", "。。。", "⋯")
_EDGE_DATE = re.compile(
    r"^\s*[\[【(（]?\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[\]】)）]?\s*"
    r"|\s*[\[【(（]?\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*[\]】)）]?\s*$"
)


def clean_text(text: str | None) -> str:
    return " ".join((text or "").split())


def best_title(text: str | None, attr: str | None) -> str | None:
    """The whole title of a link: its text, unless a ``title`` attribute holds more of it.

    Lists cut long titles to fit a line ("关于印发…的通…") and keep the whole
    title in the attribute; others put a tooltip there ("点击查看"), so the
    attribute wins only when it is longer and the text reads as its start.
    """
    text = _EDGE_DATE.sub("", clean_text(text)).strip()
    attr = clean_text(attr)
    if not attr:
        return text or None
    if not text:
        return attr
    stem = text
    for mark in _ELLIPSIS:
        stem = stem.removesuffix(mark)
    stem = stem.strip()
    if len(attr) > len(stem) and (attr.startswith(stem[: max(4, len(stem) - 2)]) or stem in attr):
        return attr
    return text


def _date_outside(item: Selector, link: Selector | None) -> str | None:
    """The first date printed in the entry outside its link's text (then inside it)."""
    whole = clean_text(" ".join(item.xpath(".//text()[not(ancestor::script)]").getall()))
    inner = clean_text(" ".join(link.xpath(".//text()").getall())) if link is not None else ""
    rest = whole.replace(inner, " ", 1) if inner else whole
    for iso, _ in iter_dates(rest):
        return iso
    return parse_date(inner) if inner else None


def read_item(item: Selector, page_url: str, rules: ListRules) -> ListEntry | None:
    """One entry from one list item, or None when it holds no usable link."""
    elements = link_elements_query(rules.links)
    link = item.css(elements)[0] if elements and item.css(elements) else None
    href = link.attrib.get("href") if link is not None else item.css(rules.links).get()
    url = resolve_link(page_url, href) if href else None
    if not url:
        return None
    if rules.titles:
        title = _text(item, rules.titles)
    elif link is not None:
        title = best_title(" ".join(link.xpath(".//text()").getall()), link.attrib.get("title"))
    else:
        title = best_title(_text(item, "a ::text"), _text(item, "a::attr(title)"))
    if rules.dates:
        day = parse_date(_text(item, rules.dates))
    else:
        day = _date_outside(item, link)
    return ListEntry(url=url, title=title or None, date=day)


@dataclass(frozen=True)
class ListEntries:
    """A list page's entries, at most ``rules.max_entries`` of them; ``cut`` when the page held more."""

    entries: list[ListEntry]
    cut: bool = False


def read_list(selector: Selector, page_url: str, rules: ListRules) -> ListEntries:
    """Entries in page order; duplicates (the same canonical URL twice) are kept once.

    Reading stops at ``rules.max_entries`` distinct entries: the rest of a huge page is never
    resolved, so its cost is the parse alone.
    """
    entries: dict[str, ListEntry] = {}
    limit = rules.max_entries
    if rules.item:
        for item in _matches(selector, rules.item, limit + 1):
            entry = read_item(item, page_url, rules)
            if entry is None or entry.url in entries:
                continue
            if len(entries) == limit:
                return ListEntries(list(entries.values()), cut=True)
            entries[entry.url] = entry
    else:
        for href in (m.get() for m in _matches(selector, rules.links, limit + 1)):
            url = resolve_link(page_url, href)
            if url and url not in entries:
                if len(entries) == limit:
                    return ListEntries(list(entries.values()), cut=True)
                entries[url] = ListEntry(url=url)
    return ListEntries(list(entries.values()))
