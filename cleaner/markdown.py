"""Markdown captures of documents (law collections, wiki exports) read as plain lines.

Law collections and note-taking exports keep a document as Markdown: the
title as a ``#`` heading, chapters as ``##``, items as ``-`` list entries,
YAML front matter and ``<!-- -->`` comments for their own bookkeeping.  The
marks are the collection's, not the document's: "- （一）…" is item （一）,
"## 第一章　总则" is the chapter, and the front matter is no text at all.
"""

from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_MARK = re.compile(r"^\s{0,8}[-*+]\s+(?=\S)")  # "1." and "1)" are the document\'s own labels
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n.*?\n---\s*(?:\n|\Z)", re.S)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*\)")
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def looks_like_markdown(text: str) -> bool:
    """A text whose first line is a ``#`` heading, or that opens with front matter or has several headings."""
    head = text[:4000]
    if _FRONT_MATTER.match(head):
        return True
    first = next((ln for ln in head.splitlines() if ln.strip()), "")
    if re.match(r"^#{1,3}\s+\S", first):
        return True
    return len(re.findall(r"(?m)^#{1,6}\s+\S", head)) >= 2


def markdown_lines(text: str) -> tuple[list[str], list[str]]:
    """(lines without Markdown marks, the headings in order: the first is the document's title)."""
    text = _COMMENT.sub("\n", _FRONT_MATTER.sub("", text, count=1))
    lines: list[str] = []
    headings: list[str] = []
    for raw in text.splitlines():
        if _RULE.match(raw) or _TABLE_RULE.match(raw):
            continue
        m = _HEADING.match(raw)
        if m:
            line = m.group(2)
            headings.append(_inline(line))
        else:
            line = _LIST_MARK.sub("", _QUOTE.sub("", raw), count=1)
        lines.append(_inline(line))
    return lines, headings


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    return _EMPHASIS.sub(r"\2", line)
