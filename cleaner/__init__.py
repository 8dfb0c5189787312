"""Pure extraction: page bytes or text (+ URL, site hints) -> ``Document``.

``clean()`` is the whole public face.  It is a chain of plain steps, each in
its own module: decode -> parse (HTML or text) -> drop chrome -> metadata ->
outline -> department tags and amounts.  No network, no disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.model import Clause, Document, Region

from .amounts import find_amounts
from .dates import parse_date
from .decode import decode
from .departments import find_departments, first_is_lead, with_canonical
from .metadata import (
    clean_title,
    doc_type_from_text,
    doc_type_of,
    find_doc_number,
    is_draft,
    issuer_from_title,
    looks_like_title,
    region_of,
    signature,
    strip_site_suffix,
)
from .outline import Segment, heading_of, segment
from .page import Page, label_field, looks_like_html, parse_html, parse_text
from .text import clean_lines
from .validity import annotate

__all__ = ["clean", "Hints", "NotADocument"]


class NotADocument(ValueError):
    """The input is not a policy document at all (binary junk, empty, a challenge page)."""


@dataclass(frozen=True)
class Hints:
    """What a site config knows better than the cleaner's guesses."""

    charset: str | None = None
    body_selector: str | None = None
    title_selector: str | None = None
    region: Region = field(default_factory=Region)
    content_type: str | None = None


_LEAD = re.compile(
    r"^(?:近日|日前|近期|\d{1,2}月\d{1,2}日)?[，,]?(?P<org>[^，,。《》]{2,30}?)(?:正式|联合)?(?:印发|发布|出台|公布|制定)了?《(?P<title>[^》]{4,90})》"
)
_HEAD_META = re.compile(r"^(?:发布)?(?:时间|日期)\s*[:：]\s*(.+)$")
_ADDRESSEES = re.compile(r"^[^。]{2,200}[:：]$")


def clean(
    data: bytes | str, url: str | None = None, hints: Hints | None = None, source: str | None = None
) -> Document:
    hints = hints or Hints()
    text = _to_text(data, hints)
    page = parse_html(text, hints.body_selector, url) if looks_like_html(text) else parse_text(text)
    raw_lines, truncated = _cap(page.lines)
    lines = clean_lines(raw_lines)
    if sum(len(re.findall(r"[\u4e00-\u9fff]", ln)) for ln in lines) < 10:
        if page.is_html and re.search(r"<script", text, re.I):
            raise NotADocument("a script-only page (an anti-bot challenge?), not a document")
        raise NotADocument("no readable Chinese text: empty page or not a document")
    doc = _build(page, lines, hints)
    if truncated:
        doc.warnings.append(f"body longer than {MAX_BODY_CHARS:,} characters: the rest was not read")
    doc.source = source or url or ""
    doc.url = url
    doc.set_key(url or doc.source)
    return doc


# No policy document runs this long; a page that does is a data dump and is read in part,
# so that a 10 MB page still cleans in well under a second.
MAX_BODY_CHARS = 400_000


def _cap(lines: list[str]) -> tuple[list[str], bool]:
    total = 0
    for i, line in enumerate(lines):
        total += len(line) + 1
        if total > MAX_BODY_CHARS:
            return lines[:i], True
    return lines, False


def _to_text(data: bytes | str, hints: Hints) -> str:
    if isinstance(data, str):
        return data
    if not data or not data.strip():
        raise NotADocument("empty input")
    sample = data[:4096]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotADocument("binary data, not a text or HTML page")
    text, _ = decode(data, hints.charset)
    bad = text[:20000].count("\ufffd")
    if bad > 200 and bad > len(text[:20000]) * 0.05:
        raise NotADocument("undecodable bytes, not a text or HTML page")
    return text


def _build(page: Page, lines: list[str], hints: Hints) -> Document:
    warnings: list[str] = []
    table = page.table
    # Metadata rows that the body carries in text form ("索引号 | …" flattened tables).
    lines = [ln for ln in lines if not _is_table_row(ln)]

    summary = None
    lead_title = lead_org = None
    body_start = 0
    repost = _find_repost(lines)
    if repost:
        lead_org, lead_title, body_start, lead_len = repost
        summary = "\n".join(lines[:lead_len]) or None
    head = _read_head(lines, body_start)
    body_start = head.end

    # A news repost is about the document it carries: its title and issuer win over the page's.
    title = clean_title(lead_title) or clean_title(table.get("title")) or clean_title(page.meta.get("title"))
    title = title or clean_title(head.title)
    if not title:
        for h in page.headings:
            if looks_like_title(h):
                title = clean_title(h)
                break
    if not title and page.title_tag:
        t = strip_site_suffix(page.title_tag)
        if looks_like_title(t):
            title = clean_title(t)

    # An empty 文号 cell in the disclosure table means "no 文号": never look further.
    doc_number = table.get("doc_number") if "doc_number" in table else head.doc_number
    body = lines[body_start:]

    sig_issuer, signed = signature(body)
    if signed:
        # the signature block is not part of the last clause
        tail = 2 if sig_issuer else 1
        sig_lines, body = body[-tail:], body[:-tail]
    else:
        sig_lines = []

    issuer = (
        lead_org or table.get("issuer") or page.meta.get("issuer") or issuer_from_title(title) or sig_issuer
    )
    issuer = _full_issuer(issuer)
    published = _date(table.get("published")) or _date(page.meta.get("published")) or head.published
    signed = _date(table.get("signed")) or signed
    index_no = table.get("index_no")

    lead_first = first_is_lead("\n".join(lines))
    clauses = []
    for seg in _split_preamble(segment(body)):
        clauses.append(
            Clause(
                number=seg.label,
                path=list(seg.path),
                text=seg.text,
                heading=heading_of(seg.label, seg.text) if seg.label else None,
                department_tags=find_departments(seg.text, lead_first),
                amounts=find_amounts(seg.text),
            )
        )
    if sig_lines:
        clauses.append(Clause(number=None, path=[], text="\n".join(sig_lines)))
    if not clauses:
        warnings.append("no body text found")
    body_text = "\n".join(c.text for c in clauses)
    region = region_of(issuer, title, body_text, hints.region)
    for c in clauses:
        c.department_tags = with_canonical(c.department_tags, region)
    doc = Document(
        source="",
        title=title,
        issuer=issuer,
        doc_number=doc_number,
        index_no=index_no,
        published=published,
        signed=signed,
        doc_type=doc_type_of(title) if title else doc_type_from_text(body_text),
        draft=is_draft(title),
        region=region,
        attachments=list(page.attachments),
        clauses=clauses,
        summary=summary,
        warnings=warnings,
    )
    return annotate(doc)  # validity, cites, repeals (cleaner/validity.py)


def _date(value: str | None) -> str | None:
    return parse_date(value) if value else None


def _is_table_row(line: str) -> bool:
    if "|" not in line:
        return False
    cells = [c.strip() for c in line.split("|") if c.strip()]
    if not cells:
        return True
    return any(label_field(c) for c in cells) and len(line) < 300


def _find_repost(lines: list[str]):
    """A news article carrying a document: (issuer, title, first body line, lead length) or None."""
    for i, line in enumerate(lines[:4]):
        m = _LEAD.search(line)
        if not m or not looks_like_title(m.group("title")):
            continue
        title = m.group("title")
        key = re.sub(r"\s+", "", title)
        for j in range(i + 1, min(len(lines), 60)):
            if re.sub(r"\s+", "", lines[j]) == key:
                return m.group("org").strip(), title, j + 1, j
            if "全文如下" in lines[j] or "原文如下" in lines[j]:
                return m.group("org").strip(), title, j + 1, j + 1
        return None
    return None


@dataclass
class _Head:
    end: int
    title: str | None = None
    doc_number: str | None = None
    published: str | None = None


def _read_head(lines: list[str], start: int) -> _Head:
    """Consume the lines above the body: title (maybe over 2-3 lines), 文号, date, addressees.

    Stops at the first line that is none of these: the body's opening
    sentence ("为……，制定本意见。") is never a title because it ends with 。.
    """
    head = _Head(end=start)
    i = start
    while i < len(lines) and i < start + 12:
        line = lines[i]
        title, used = _title_at(lines, i)
        if title and head.doc_number is None and not line.startswith(("根据", "为", "按照")):
            head.title = head.title or title
            i += used
        elif (m := _HEAD_META.match(line)) and parse_date(m.group(1)):
            head.published = head.published or parse_date(m.group(1))
            i += 1
        elif len(line) < 40 and find_doc_number([line]):
            head.doc_number = head.doc_number or find_doc_number([line])
            i += 1
        elif _ADDRESSEES.match(line) and len(line) < 200 and ("各" in line or "、" in line):
            i += 1
            break
        else:
            break
        head.end = i
    head.end = i if i > head.end else head.end
    return head


def _title_at(lines: list[str], i: int) -> tuple[str | None, int]:
    """A title starting at line i, possibly broken over up to three short lines."""
    if looks_like_title(lines[i]):
        return lines[i], 1
    joined = lines[i]
    for k in range(1, 3):
        prev = lines[i + k - 1]
        if i + k >= len(lines) or len(prev) > 40 or prev.endswith(("。", "；", "：")):
            break
        joined += lines[i + k]
        if looks_like_title(joined) and joined.startswith("关于"):
            return joined, k + 1
    return None, 0


def _split_preamble(segments: list[Segment]) -> list[Segment]:
    """Unnumbered paragraphs before the first label are clauses of their own (path [])."""
    out: list[Segment] = []
    for seg in segments:
        if seg.label is None:
            out.extend(Segment(label=None, kind=None, text=p) for p in seg.text.split("\n") if p.strip())
        else:
            out.append(seg)
    return out


_ISSUER_ALIASES = (
    ("科技厅", "科学技术厅"),
    ("科技局", "科学技术局"),
    ("发改委", "发展和改革委员会"),
    ("工信厅", "工业和信息化厅"),
    ("工信局", "工业和信息化局"),
)


def _full_issuer(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"\s+", "", name)
    for short, full in _ISSUER_ALIASES:
        if name.endswith(short):
            return name[: -len(short)] + full
    return name
