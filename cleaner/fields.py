"""The metadata a page prints as label/value pairs: 发布机构：…, 文号 | …, <dt>索引号</dt><dd>…</dd>.

Whatever the markup (table rows, definition lists, div grids, info bars with
several pairs to a line), the page reaches this module as text lines; the
labels themselves are data in ``cleaner/labels.py``.  ``read_label_lines``
turns those lines into field name -> value.
"""

from __future__ import annotations

import re

from .labels import FIELD_LABELS, OTHER_LABELS
from .text import is_chrome

_LABEL_TO_FIELD = {
    re.sub(r"\s+", "", label): name for name, labels in FIELD_LABELS.items() for label in labels
}
_LABEL_NOISE = re.compile(r"[\s:：]+")  # compiled once: every line of a page is tried as a label
_ANY_LABEL = set(_LABEL_TO_FIELD) | {re.sub(r"\s+", "", x) for x in OTHER_LABELS}
# Metadata sits near the top of a page; a 10 MB data dump is not searched to its end for it.
_MAX_LABEL_LINES = 20_000
_ALL_LABELS = sorted({x for v in FIELD_LABELS.values() for x in v} | set(OTHER_LABELS), key=len, reverse=True)
# "发布时间：2022-05-18 来源：临沂市科学技术局 浏览次数：1024": every label:value pair in one string.
# A long label with its colon starts a pair even right after the value before it: adjacent <span>s
# ("来源：南沙区发改局" "发布日期：2017-10-13") run together with nothing between them.
_LONG_LABELS = sorted(
    {lb.replace(" ", "") for lb in _ALL_LABELS if len(lb.replace(" ", "")) >= 4}, key=len, reverse=True
)
_PAIR = re.compile(
    r"(?:^|(?<=[\s|｜】\]）)>])|(?=(?:"
    + "|".join(map(re.escape, _LONG_LABELS))
    + r")[:：]))("
    # 文　　号, 索 引 号: CMSs pad labels with spaces to line them up
    + "|".join(r"\s*".join(map(re.escape, lb.replace(" ", ""))) for lb in _ALL_LABELS)
    + r")\s*[:：]"
)
_WIDGET = re.compile(
    r"(?:全文|标题|正文|文号|搜索|检索|查询|高级搜索|高级检索|站内搜索|全文检索|请输入关键[词字].*|确定|提交)"
)
_ORG_TOKEN = re.compile(
    r"(?:局|厅|委|办|部|院|中心|政府|办公室|委员会|管委会|协会|联合会|公司|集团|银行|日报|报社|电视台|网|社|站|馆|会|处|所)$"
)


def is_label(cell: str) -> bool:
    return _LABEL_NOISE.sub("", cell) in _ANY_LABEL


def label_field(cell: str) -> str | None:
    return _LABEL_TO_FIELD.get(_LABEL_NOISE.sub("", cell))


def read_label_lines(lines: list[str]) -> dict[str, str | None]:
    """The metadata a page prints as label/value pairs, whatever the markup.

    Table rows arrive as "索引号 | xxx | 发布机构 | yyy" lines, <dt>/<dd> and
    div grids as a label line followed by its value line, <li><span> pairs and
    info bars as "label：value" text, several to a line.
    """
    table: dict[str, str | None] = {}
    # only short lines can hold labels; cleaning every line of a 10 MB page costs more than the rest
    lines = [" ".join(x.split()) for x in lines[:_MAX_LABEL_LINES] if len(x) < 400]
    lines = [x for x in lines if x and x != "|"]
    for i, line in enumerate(lines):
        if len(line) > 300:
            continue
        if "|" in line:
            read_cells([c.strip() for c in line.split("|")], table)
            continue
        name = label_field(line) if len(line) <= 12 else None
        if name:
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            # (an empty "来源：" cell is followed by the page's tools: "Aa" / "字体：" are no value)
            empty = is_label(nxt) or len(nxt) > 200 or _PAIR.match(nxt) or is_chrome(nxt)
            _set(table, name, None if empty else nxt)
        elif _may_pair(line) and _PAIR.search(line):
            read_pairs(line, table)
    return table


def read_cells(cells: list[str], table: dict[str, str | None]) -> None:
    """Pair label cells with the cell after them; a label followed by a label has no value."""
    cells = [c for c in cells if c is not None]
    for i, cell in enumerate(cells):
        name = label_field(cell)
        if not name:
            if _PAIR.search(cell):
                read_pairs(cell, table)
            continue
        nxt = cells[i + 1].strip() if i + 1 < len(cells) else ""
        _set(table, name, None if (not nxt or is_label(nxt)) else nxt)


def read_pairs(text: str, table: dict[str, str | None]) -> None:
    """Every "label：value" pair in a string; a value runs to the next label."""
    matches = list(_PAIR.finditer(text))
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        name = label_field(m.group(1))
        if name:
            _set(table, name, text[m.end() : end])


def _set(table: dict[str, str | None], name: str, value: str | None) -> None:
    """First real value wins; an empty cell ("文号" with nothing) is None until a real value shows up."""
    # an info bar runs on into its tools: "来源：市科技局 【大 中 小】 【打印】"
    # (a year in square brackets is a 文号's own: 穗残联规字[2019]2号)
    value = re.split(r"[【|｜]|\[(?!\s*(?:19|20)\d{2}\s*\])|\s[（(]?点击", value or "", maxsplit=1)[0]
    if name == "issuer":
        value = _leading_orgs(value)
    value = value.strip().strip("|｜").strip() or None
    if value and _WIDGET.fullmatch(value):
        value = None  # "标题" / "搜索": a search box's options, not a label with its value
    if table.get(name) is None:
        table[name] = value


def _leading_orgs(value: str) -> str:
    """ "临沂市科学技术局 临沂市财政局 浏览：12" -> the organisation names only."""
    tokens = value.split()
    keep = []
    for tok in tokens:
        if keep and not _ORG_TOKEN.search(tok):
            break
        keep.append(tok)
    return " ".join(keep)


def _may_pair(line: str) -> bool:
    """A cheap test before the big label regex: is some colon preceded by a known label?"""
    for colon in ("：", ":"):
        start = line.find(colon)
        while start > 0:
            before = line[max(0, start - 10) : start].replace(" ", "")
            if any(before[-k:] in _ANY_LABEL for k in range(2, min(len(before), 8) + 1)):
                return True
            start = line.find(colon, start + 1)
    return False
