"""A page, HTML or plain text, reduced to what the later steps read.

``Page`` holds the metadata the page states outright (meta tags, the
disclosure table, the <title>) and the body as text lines.  Everything after
this step works on lines, so plain-text captures and HTML share one path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from .labels import BODY_SELECTORS, CHROME_CLASS_HINTS, CHROME_TAGS, FIELD_LABELS, META_NAMES, OTHER_LABELS

BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "ul",
    "ol",
    "dd",
    "dt",
    "dl",
    "blockquote",
    "pre",
    "center",
    "hr",
    "tbody",
    "thead",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LABEL_TO_FIELD = {
    re.sub(r"\s+", "", label): name for name, labels in FIELD_LABELS.items() for label in labels
}
_ANY_LABEL = set(_LABEL_TO_FIELD) | set(OTHER_LABELS)


def is_label(cell: str) -> bool:
    return re.sub(r"[\s:：]+", "", cell) in _ANY_LABEL


@dataclass
class Page:
    lines: list[str]
    meta: dict[str, str] = field(default_factory=dict)  # field name -> value from <meta>
    table: dict[str, str | None] = field(default_factory=dict)  # field name -> value from a label table
    title_tag: str | None = None
    headings: list[str] = field(default_factory=list)
    is_html: bool = False


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return any(
        tag in head for tag in ("<html", "<!doctype", "<body", "<head", "<div", "<p>", "<meta", "<table")
    )


def parse_text(text: str) -> Page:
    lines = text.splitlines()
    table: dict[str, str | None] = {}
    for line in lines[:40]:
        if "|" in line:
            _read_cells([c.strip() for c in line.split("|")], table)
    return Page(lines=lines, table=table)


def parse_html(text: str, body_selector: str | None = None) -> Page:
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return parse_text(re.sub(r"<[^>]+>", "\n", text))
    meta = _meta_fields(root)
    title_tag = _clean_space(root.findtext(".//title") or "") or None
    for bad in root.xpath("//script|//style|//noscript|//comment()"):
        _drop(bad)
    table = _table_fields(root)
    headings = [_clean_space(h.text_content()) for h in root.xpath("//h1|//h2|//h3")]
    headings = [h for h in headings if h]
    body = _select_body(root, body_selector)
    return Page(
        lines=_text_lines(body),
        meta=meta,
        table=table,
        title_tag=title_tag,
        headings=headings,
        is_html=True,
    )


def _meta_fields(root) -> dict[str, str]:
    found: dict[str, str] = {}
    by_name = {}
    for m in root.xpath("//meta[@content]"):
        key = (m.get("name") or m.get("property") or "").strip()
        if key:
            by_name.setdefault(key.lower(), m.get("content").strip())
    for name, keys in META_NAMES.items():
        for key in keys:
            value = by_name.get(key.lower())
            if value:
                found[name] = value
                break
    return found


def _read_cells(cells: list[str], table: dict[str, str | None]) -> None:
    """Pair label cells with the cell after them; a label followed by a label has no value."""
    cells = [c for c in cells if c is not None]
    for i, cell in enumerate(cells):
        label = re.sub(r"[\s:：]+", "", cell)
        name = _LABEL_TO_FIELD.get(label)
        if not name:
            # "索引号：1585729837/..." in one cell
            m = re.match(r"^\s*([^:：]{1,6})\s*[:：]\s*(.+)$", cell)
            if m and _LABEL_TO_FIELD.get(re.sub(r"\s+", "", m.group(1))):
                table.setdefault(_LABEL_TO_FIELD[re.sub(r"\s+", "", m.group(1))], m.group(2).strip())
            continue
        nxt = cells[i + 1].strip() if i + 1 < len(cells) else ""
        if not nxt or is_label(nxt):
            table.setdefault(name, None)
        else:
            table.setdefault(name, nxt)


def _table_fields(root) -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for row in root.xpath("//tr"):
        cells = [_clean_space(td.text_content()) for td in row.xpath("./td|./th")]
        _read_cells(cells, table)
    # <li><span>索引号：</span>xxx</li> and <p>发布日期：2021-09-29</p> layouts
    for el in root.xpath("//li|//p|//span|//div[not(*)]"):
        txt = _clean_space(el.text_content())
        if 2 < len(txt) < 80 and re.search(r"[:：]", txt):
            _read_cells([txt], table)
    return table


def _is_chrome(el) -> bool:
    if not isinstance(el.tag, str):
        return False
    if el.tag in CHROME_TAGS:
        return True
    marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
    return any(re.search(rf"(^|[\s_-]){hint}($|[\s_-])", marks) for hint in CHROME_CLASS_HINTS)


def _select_body(root, selector: str | None):
    if selector:
        found = root.cssselect(selector)
        if found:
            return found[0]
    for sel in BODY_SELECTORS:
        try:
            found = root.cssselect(sel)
        except Exception:  # noqa: BLE001 - a selector lxml cannot compile is simply skipped
            continue
        for el in found:
            if len(_CJK.findall(el.text_content())) > 200:
                return _strip_chrome(el)
    body = root.find("body")
    if body is None:
        body = root
    return _densest(_strip_chrome(body))


def _strip_chrome(el):
    for bad in list(el.iter()):
        if bad is not el and _is_chrome(bad) and bad.getparent() is not None:
            _drop(bad)
    return el


def _drop(el) -> None:
    """Remove an element but keep its tail text (lxml's drop_tree)."""
    if el.getparent() is None:
        return
    try:
        el.drop_tree()
    except AttributeError:  # comments and processing instructions
        parent = el.getparent()
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)


def _score(el) -> int:
    text = len(_CJK.findall(el.text_content()))
    links = sum(len(_CJK.findall(a.text_content())) for a in el.iter("a"))
    return text - 3 * links


def _densest(body):
    """The smallest container that still holds most of the page's prose."""
    best = body
    best_score = _score(body)
    while True:
        children = [
            c
            for c in best
            if isinstance(c.tag, str)
            and c.tag in ("div", "td", "article", "section", "table", "tbody", "tr", "main")
        ]
        scored = sorted(((_score(c), c) for c in children), key=lambda x: -x[0])
        if scored and scored[0][0] >= 0.8 * best_score and scored[0][0] > 0:
            best_score, best = scored[0]
            continue
        return best


def _clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u3000", " ")).strip()


def _text_lines(el) -> list[str]:
    for node in el.iter():
        if isinstance(node.tag, str) and node.tag in BLOCK_TAGS:
            node.tail = "\n" + (node.tail or "")
            if node.tag in ("br", "hr"):
                continue
            node.text = "\n" + (node.text or "")
        elif isinstance(node.tag, str) and node.tag in ("td", "th"):
            node.tail = " | " + (node.tail or "")
    return el.text_content().splitlines()
