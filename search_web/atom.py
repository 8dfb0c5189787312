"""Atom 1.0 (RFC 4287) documents, written with ElementTree so every text is escaped by the writer."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Entry:
    id: str  # a permanent IRI: the entry's page on this site
    title: str
    updated: str  # RFC 3339
    link: str
    summary: str = ""
    published: str | None = None
    source_link: str | None = None  # the government page, as rel=related
    categories: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    updated: str
    self_link: str
    html_link: str
    entries: list[Entry]
    subtitle: str = ""
    author: str = "科技政策检索"


def rfc3339(stamp: str | None, fallback: str) -> str:
    """2021-09-29 -> 2021-09-29T00:00:00Z; a full stamp passes; nothing -> fallback."""
    if not stamp:
        return fallback
    if len(stamp) == 10:
        return stamp + "T00:00:00Z"
    return stamp


def render(feed: Feed) -> bytes:
    ET.register_namespace("", ATOM_NS)
    root = ET.Element(_q("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _text(root, "id", feed.id)
    _text(root, "title", feed.title)
    if feed.subtitle:
        _text(root, "subtitle", feed.subtitle)
    _text(root, "updated", feed.updated)
    ET.SubElement(root, _q("link"), {"rel": "self", "type": "application/atom+xml", "href": feed.self_link})
    ET.SubElement(root, _q("link"), {"rel": "alternate", "type": "text/html", "href": feed.html_link})
    author = ET.SubElement(root, _q("author"))
    _text(author, "name", feed.author)
    _text(root, "generator", "policy-harvester")
    for e in feed.entries:
        el = ET.SubElement(root, _q("entry"))
        _text(el, "id", e.id)
        _text(el, "title", e.title)
        _text(el, "updated", e.updated)
        if e.published:
            _text(el, "published", e.published)
        ET.SubElement(el, _q("link"), {"rel": "alternate", "type": "text/html", "href": e.link})
        if e.source_link:
            ET.SubElement(el, _q("link"), {"rel": "related", "type": "text/html", "href": e.source_link})
        for c in e.categories:
            ET.SubElement(el, _q("category"), {"term": _xml_safe(c)})
        if e.summary:
            _text(el, "summary", e.summary)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        root, encoding="utf-8", xml_declaration=False
    )


def _q(tag: str) -> str:
    return f"{{{ATOM_NS}}}{tag}"


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    el = ET.SubElement(parent, _q(tag))
    el.text = _xml_safe(text)
    return el


def _xml_safe(text: str) -> str:
    """Drop the control characters XML 1.0 cannot hold (crawled text sometimes has them)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and ord(ch) not in (0xFFFE, 0xFFFF))
