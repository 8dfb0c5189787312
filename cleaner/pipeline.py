"""The cleaning pipeline: decode -> parse (HTML or text) -> drop chrome -> metadata ->
outline -> department tags and amounts -> validity annotations.

``clean()`` is the entry; the package face (``cleaner/__init__.py``) hands it on
with ``Hints`` and ``NotADocument``.  Each step lives in its own module; this
one only chains them and assembles the ``Document``.  No network, no disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.departments import canonical_department, canonical_suffix
from corpus.model import Clause, Document, Region

from .amounts import find_amounts
from .attachments import docx_lines, pdf_lines, sniff
from .cover import (
    _carried_title,
    _closed_signature,
    _cover_signature,
    _number_after_title,
    _number_by_title,
    _number_over_addressee,
    _run_on_signature,
    _signature_ends,
)
from .dates import date_from_url, parse_date
from .decode import decode, fold_traditional
from .departments import find_departments, first_is_lead, lift_group_tags, with_canonical
from .errors import NotADocument
from .head import find_repost, read_head
from .labels import CHALLENGE_MARKS, ERROR_MARKS
from .metadata import (
    DOC_NUMBER,
    clean_title,
    doc_type_from_text,
    doc_type_of,
    is_draft,
    is_national,
    issuer_from_title,
    looks_like_title,
    region_of,
    strip_site_suffix,
)
from .outline import Segment, heading_of, match_label, segment
from .page import Page, is_label, label_field, looks_like_html, parse_html, parse_text
from .support import annotate_support
from .tail import split_tail
from .tasktable import rewrite_task_tables
from .text import clean_lines
from .validity import annotate

_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
_MEDIA = re.compile(
    r"(日报|晚报|报社|新闻|电视台|广播|融媒|客户端|公众号|新华社|人民网|新华网|[^政]网)$|^本站$|^原创$"
)
_STATUS = re.compile(r"[（(【\[]\s*(已废止|已失效|已修订|失效|废止)\s*[）)】\]]$")
_PORTAL = re.compile(r"人民政府(?:办公厅|办公室)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Hints:
    """What a site config knows better than the cleaner's guesses."""

    charset: str | None = None
    body_selector: str | None = None
    title_selector: str | None = None
    region: Region = field(default_factory=Region)
    content_type: str | None = None


def clean(
    data: bytes | str, url: str | None = None, hints: Hints | None = None, source: str | None = None
) -> Document:
    hints = hints or Hints()
    kind = sniff(data, hints.content_type) if isinstance(data, bytes) else None
    if kind:
        text = "\n".join(pdf_lines(data) if kind == "pdf" else docx_lines(data))
    else:
        text = _to_text(data, hints)
    # control characters and lone surrogates break lxml and mean nothing on a page
    text = _CONTROL.sub("", text.replace("\x0c", "\n").replace("\x0b", "\n"))
    text, folded = fold_traditional(text)
    if kind is None and looks_like_html(text):
        page = parse_html(text, hints.body_selector, url)
    else:
        page = parse_text(text)
    raw_lines, truncated = _cap(page.lines)
    lines = clean_lines(raw_lines)
    _refuse_junk(text, page, lines)
    doc = _build(page, lines, hints, url)
    if folded:
        doc.warnings.append("traditional characters folded to simplified")
    if truncated:
        doc.warnings.append(f"body longer than {MAX_BODY_CHARS:,} characters: the rest was not read")
    doc.source = source or url or ""
    doc.url = url
    doc.set_key(url or doc.source)
    return doc


def _refuse_junk(text: str, page: Page, lines: list[str]) -> None:
    """Raise NotADocument for empty pages, anti-bot challenges and error pages."""
    # a disclosure page whose body is only its attachment's link is a document (with a warning), not a list
    stated = sum(1 for k in ("title", "doc_number", "index_no") if page.table.get(k))
    if page.is_html and page.link_share > 0.6 and not (stated >= 2 and page.attachments):
        raise NotADocument("a list or index page (its text is mostly links), not a document")
    own = 0
    for ln in lines:
        own += len(_NOT_HAN.sub("", ln))  # the line's Chinese characters (no list of them)
        if own >= 400:
            return
    lowered = (text[:20000] + " " + (page.title_tag or "")).lower()
    if any(mark in lowered for mark in CHALLENGE_MARKS):
        raise NotADocument("an anti-bot challenge page, not a document (fetch it with a browser)")
    # an error page says so in its title or a short line of its own, not inside a sentence
    short = " ".join([page.title_tag or "", *page.headings, *(ln for ln in lines if len(ln) < 40)]).lower()
    if own < 150 and any(mark in short for mark in ERROR_MARKS):
        raise NotADocument("an error page (page not found or similar), not a document")
    if own < 10:
        if page.is_html and re.search(r"<script", text, re.I):
            raise NotADocument("a script-only page (an anti-bot challenge?), not a document")
        raise NotADocument("no readable Chinese text: empty page or not a document")


# No policy document runs this long; a page that does is a data dump and is read in part,
# so that a 10 MB page still cleans in well under a second.
MAX_BODY_CHARS = 200_000


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


def _build(page: Page, lines: list[str], hints: Hints, url: str | None = None) -> Document:
    warnings: list[str] = []
    table = page.table
    # Metadata rows that the body carries in text form ("索引号 | …" flattened tables).
    lines = [ln for ln in lines if not _is_table_row(ln)]

    summary = None
    lead_title = lead_org = None
    body_start = 0
    repost = find_repost(lines)
    if repost:
        lead_org, lead_title, body_start = repost.issuer, repost.title, repost.body_start
        summary = "\n".join(lines[repost.lead_start : repost.lead_end]) or None

    # A news repost is about the document it carries: its title and issuer win over the page's.
    stated = clean_title(lead_title) or clean_title(table.get("title")) or clean_title(page.meta.get("title"))
    known = stated or _title_from_page(page)
    head = read_head(lines, body_start, known)
    title = stated or clean_title(head.title) or known or _carried_title(lines[head.end : head.end + 3])
    if title and (status := _STATUS.search(title)) and len(title) > len(status.group(0)) + 4:
        # "…的通知（已废止）": the site's mark of the document's status, not part of its title
        warnings.append(f"the site marks the document {status.group(1)}")
        title = title[: status.start()].rstrip()

    # The table's 文号 cell, else the one the document prints under its title or above its body
    # (some tables leave the cell empty and print the 文号 only there); a 文号 quoted in the body never counts.
    doc_number = _number(
        table.get("doc_number")
        or head.doc_number
        or page.number_above
        or page.meta.get("doc_number")
        or _number_by_title(lines[:12], title)
        or _number_over_addressee(lines[:40])
        or _number_after_title(title)
        or (head.enactment and head.enactment.order)
    )
    body = lines[head.end :]
    tail = split_tail(body)
    body = body[: tail.start]
    sig_issuer, signed = tail.issuer, tail.signed
    following = _next_document(body)
    if following is not None:
        # "…第三十九条 本办法自2022年3月1日起施行。" / "关于印发…的通知" / "（国卫办医发〔2021〕17 号）": the page goes
        # on with another document; the signature at its end is that one's
        tail.blocks.insert(0, body[following:])
        body = body[:following]
        sig_issuer, signed = None, None
    if not signed:
        cover_issuer, signed = _cover_signature(body)
        sig_issuer = cover_issuer or sig_issuer  # "（万载县统计局）": a signature without a date
    if not signed and body:
        run_on_issuer, signed = _run_on_signature(body[-1])
        sig_issuer = run_on_issuer or sig_issuer
    if not signed and following is None:
        # the signature may stand among the closing lines themselves ("…监管局2026年1月26日" / "《…》.pdf")
        sig_issuer, signed = _closed_signature(lines[head.end :]) or (sig_issuer, None)

    # "来源：临沂日报" names the newspaper that carried the page, not the issuing body
    stated_issuer = next(
        (v for v in (table.get("issuer"), page.meta.get("issuer")) if v and not _MEDIA.search(v)), None
    )
    # The document's own issuer (its enactment lines, its title's prefix) wins over a 发布机构 cell,
    # which names the republisher when a district site or gkmlpt carries a city's document.
    enacted = head.enactment
    own = (enacted and enacted.issuer) or head.issuer or issuer_from_title(title) or head.byline
    if (
        not own
        and stated_issuer
        and (title or "").startswith("中华人民共和国")
        and not is_national(stated_issuer)
    ):
        stated_issuer = None  # a local office never issues a national law: it republished one
    issuer = lead_org or own or sig_issuer or stated_issuer
    if not issuer and page.owner and not _PORTAL.search(page.owner):
        # a body's own site publishes its own documents; a government's portal carries its departments'
        issuer = page.owner
    published = (
        _date(table.get("published"))
        or _date(table.get("generated"))
        or _date(page.meta.get("published"))
        or head.published
    )
    page_date = published
    if repost:
        published = head.published  # a newspaper's date is not the carried document's
    elif not published:
        published = _date(page.date_above) or date_from_url(url)
    signed = _date(table.get("signed")) or signed or head.signed or (enacted and enacted.signed)
    index_no = table.get("index_no")

    lead_first = first_is_lead("\n".join(lines))
    clauses = []
    for seg in _split_preamble(_segment_documents(rewrite_task_tables(body))):
        clauses.append(
            Clause(
                number=seg.label,
                path=list(seg.path),
                text=seg.text,
                heading=heading_of(seg.label, seg.text, seg.kind) if seg.label else None,
                department_tags=find_departments(seg.text, lead_first),
                amounts=find_amounts(seg.text),
            )
        )
    lift_group_tags(clauses)
    for block in tail.blocks:
        clauses.append(Clause(number=None, path=[], text="\n".join(block)))
    if not clauses:
        files = list(page.attachments) or list(tail.attachments)
        warnings.append(
            f"the body is only an attachment ({', '.join(files[:3])}): its text is in the file"
            if files
            else "no body text found"
        )
    body_text = "\n".join(c.text for c in clauses)
    region = region_of(issuer, title, body_text, hints.region)
    issuer = _full_issuer(issuer, region)
    if repost and not published and stated_issuer and _full_issuer(stated_issuer, region) == issuer:
        published = (
            page_date  # the issuer's own site published it with a news lead: its date is the document's
        )
    for c in clauses:
        c.department_tags = with_canonical(c.department_tags, region)
    doc_type = doc_type_of(title) if title else doc_type_from_text(body_text)
    if doc_type == "其他" and title and not _LETTER.search(title):
        doc_type = doc_type_from_text(body_text)
    doc = Document(
        source="",
        title=title,
        issuer=issuer,
        doc_number=doc_number,
        index_no=index_no,
        published=published,
        signed=signed,
        doc_type=doc_type,
        draft=is_draft(title),
        region=region,
        clauses=clauses,
        summary=summary,
        warnings=warnings,
        attachments=list(page.attachments) or list(tail.attachments),
        history=list(enacted.events) if enacted else [],
    )
    annotate(doc)  # validity, cites, repeals (cleaner/validity.py)
    return annotate_support(doc)  # grants and a notice's terms (cleaner/support.py)


def _title_from_page(page: Page) -> str | None:
    """The page's own heading, else its <title> without the site name."""
    for h in page.headings:
        if looks_like_title(h):
            return clean_title(h)
    stripped = strip_site_suffix(page.title_tag) if page.title_tag else None
    if stripped and looks_like_title(stripped):
        return clean_title(stripped)
    # no title names a document type (工作要点, 名单公示 …): the page's own heading still is its title
    site = page.meta.get("site") or ""
    tag = page.title_tag or ""
    for h in [*page.headings, stripped or ""]:
        is_site = h == site or (h != stripped and tag.endswith(h))  # the site name, in a header or <title>
        if len(h) >= 6 and not is_site and not _MEDIA.search(h):
            return clean_title(h)
    return None


_ATTACHMENT_NAME = re.compile(r"^附\s*件\s*\d{1,2}\s*[.．、:：]?\s*\S")


def _attachment_list_ends(body: list[str]) -> list[int]:
    """Indexes just past a list of 附件 names ("附件1.封面模板" / "附件2.目录模板") with text after it.

    A guide or notice without a signature closes with the list of its 附件; what
    follows is their content (forms, tables), numbered afresh.
    """
    ends = []
    i = 0
    while i < len(body):
        if _ATTACHMENT_NAME.match(body[i]):
            j = i
            while j + 1 < len(body) and _ATTACHMENT_NAME.match(body[j + 1]):
                j += 1
            if j > i and j + 1 < len(body):
                ends.append(j + 1)
            i = j + 1
        else:
            i += 1
    return ends


# "注释：" / "附注：" on a line of its own: the notes to the whole document (a 统计公报's), numbered on their own
_NOTES_HEAD = re.compile(r"^(?:注释|附注|注)\s*[:：]?$")


def _notes_starts(body: list[str]) -> list[int]:
    return [i for i, line in enumerate(body) if _NOTES_HEAD.match(line) and i + 1 < len(body)]


# "附件4：" / "附件3" on a line of its own: the head of an annex printed after the text, numbered afresh; a law
# numbers its annexes in words and may name them on the same line ("附件一", "附件二：香港特别行政区立法会的产生
# 办法和表决程序"): its 一、 and 1. are the annex's, not the last article's
_ANNEX_HEAD = re.compile(
    r"^附\s*件\s*(?:\d{1,2}\s*[:：]?|[一二三四五六七八九十]{1,3}\s*(?:[:：]\s*[^。；;，,]{2,40})?)$"
)


def _annex_starts(body: list[str]) -> list[int]:
    return [i for i, line in enumerate(body) if i > 0 and _ANNEX_HEAD.match(line) and i + 1 < len(body)]


def _segment_documents(body: list[str]) -> list[Segment]:
    """The outline of each document the body holds, one after the other, each nested on its own."""
    segments: list[Segment] = []
    start = 0
    cuts = (
        set(_signature_ends(body))
        | set(_attachment_list_ends(body))
        | set(_notes_starts(body))
        | set(_annex_starts(body))
    )
    for end in [*sorted(cuts), len(body)]:
        if end > start:
            segments.extend(segment(body[start:end]))
        start = end
    return segments


# "…意见的函", "…的复函（…）": a letter is a letter, whatever the text asks for
_LETTER = re.compile(r"函(?:[（(][^（）()]*[）)])?$")


_BRACKETED_NUMBER = re.compile(r"[（(]\s*([^（）()]{4,30})\s*[）)]")


def _next_document(body: list[str]) -> int | None:
    """Where a second document starts after the text has closed: a title over a 文号 in brackets, right after a
    sentence end ("…本办法自2022年3月1日起施行。" / "关于印发…的通知" / "（国卫办医发〔2021〕17 号）")."""
    for i in range(1, len(body) - 1):
        m = _BRACKETED_NUMBER.fullmatch(body[i + 1].strip())
        if (
            m
            and DOC_NUMBER.fullmatch(m.group(1).strip())
            and body[i - 1].endswith("。")
            and looks_like_title(body[i])
            and any(match_label(x) for x in body[:i])
        ):
            return i
    return None


def _number(value: str | None) -> str | None:
    """A 文号 as printed, without the brackets or stray marks a cell wraps it in ("（沪发改规范〔2019〕7号)")."""
    if not value:
        return None
    m = DOC_NUMBER.search(value)
    return re.sub(r"\s+", "", m.group(0)) if m else value.strip().strip("（()）").strip() or None


def _date(value: str | None) -> str | None:
    return parse_date(value) if value else None


def _is_table_row(line: str) -> bool:
    if "|" not in line:
        return False
    cells = [c.strip() for c in line.split("|") if c.strip()]
    if not cells:
        return True
    # "有效性 | 有效 | 主题分类 | 科技 |": a row of labels we do not keep is still the table's
    return any(label_field(c) or is_label(c) for c in cells) and len(line) < 300


def _split_preamble(segments: list[Segment]) -> list[Segment]:
    """Unnumbered paragraphs before the first label are clauses of their own (path []).

    A quotation of several paragraphs opens each with “ and closes only the
    last with ”: an amendment's 将第五十三条修改为：“罚金…。 / “由于遭遇…。” is one
    clause, the article it quotes whole, not a clause per paragraph (the
    quoted article's 款 and 项 are the amended law's, not this document's).
    """
    out: list[Segment] = []
    for seg in segments:
        if seg.label is None:
            paragraphs: list[str] = []
            for p in seg.text.split("\n"):
                if not p.strip():
                    continue
                if paragraphs and _continues_quotation(paragraphs[-1], p):
                    paragraphs[-1] += "\n" + p
                else:
                    paragraphs.append(p)
            out.extend(Segment(label=None, kind=None, text=p) for p in paragraphs)
        else:
            out.append(seg)
    return out


def _continues_quotation(before: str, paragraph: str) -> bool:
    """The paragraph opens with “ and goes on with a quotation the text before it left open, or announced with a
    colon (在第一百二十条之一后增加五条，作为…: / “第一百二十条之二…)."""
    if not paragraph.lstrip().startswith("“"):
        return False
    before = before.rstrip()
    return before.endswith((":", "：")) or before.count("“") > before.count("”")


def _full_issuer(name: str | None, region: Region) -> str | None:
    """Full name of the issuer: 省科技厅 -> 安徽省科学技术厅, 科技局 -> 科学技术局."""
    if not name:
        return None
    name = re.sub(r"\s+", "", name)
    full = canonical_department(name, region.province, region.city, region.county) or canonical_suffix(name)
    # a district's body named by its short form is expanded to its full name, city included
    # (南沙区发改局 -> 广州市南沙区发展和改革局); a name printed in full (费县人民政府办公室) stays as printed
    if full and full != name and region.county and region.city and full.startswith(region.county):
        full = region.city + full
    return full
