"""Task tables flattened to text, read back as the list of tasks they are.

Action plans often give their tasks as a table (重点任务分工表): 序号 | 重点任务 |
牵头单位 | 配合单位 | 完成时限.  A text capture or a DOCX flattens each row to
"1 | 建设…平台 | 市科技局 | 市财政局、市发改委 |".  Each row is a task like
"1.建设…平台。（牵头单位：…）" written out in prose, so it is rewritten as
exactly that line and the outline and 责任单位 steps read it like any other
item: its number becomes the item label, the department columns become the
tag bracket with the column's own word (牵头单位/配合单位/责任单位), any
other column (完成时限) follows as "header：value".
"""

from __future__ import annotations

import re

from .labels import DEPARTMENT_TAGS, TASK_TABLE_NUMBER_COLUMNS, TASK_TABLE_TEXT_COLUMNS

_NUMBER = re.compile(r"^\d{1,3}[.、．]?$")


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.strip().strip("|｜").split("|")]
    return [re.sub(r"\s+", "", c) if len(c) <= 12 else c for c in cells]


def _header(line: str) -> list[str] | None:
    """The column words of a task table's header row, or None when the line is not one."""
    if "|" not in line or len(line) > 200:
        return None
    cells = _cells(line)
    if len(cells) < 3:
        return None
    has_number = cells[0] in TASK_TABLE_NUMBER_COLUMNS
    has_text = any(c in TASK_TABLE_TEXT_COLUMNS for c in cells)
    has_departments = any(c in DEPARTMENT_TAGS for c in cells)
    return cells if has_number and has_text and has_departments else None


def _row_line(header: list[str], cells: list[str]) -> str | None:
    if len(cells) != len(header) or not _NUMBER.match(cells[0]):
        return None
    number = cells[0].rstrip(".、．")
    text = ""
    tags = []
    extra = []
    for name, value in zip(header[1:], cells[1:], strict=True):
        if not value:
            continue
        if name in TASK_TABLE_TEXT_COLUMNS and not text:
            text = value
        elif name in DEPARTMENT_TAGS:
            tags.append(f"{name}：{value}")
        else:
            extra.append(f"{name}：{value}")
    if not text:
        return None
    text = text if re.search(r"[。；;]$", text) else text + "。"
    bracket = "；".join(tags + extra)
    return f"{number}.{text}" + (f"（{bracket}）" if bracket else "")


def rewrite_task_tables(lines: list[str]) -> list[str]:
    """Lines with every flattened task-table row written as the numbered item it stands for."""
    out: list[str] = []
    header: list[str] | None = None
    for line in lines:
        found = _header(line)
        if found:
            header = found
            continue  # the header row only names the columns
        if header is not None and "|" in line:
            item = _row_line(header, _cells(line))
            if item:
                out.append(item)
                continue
        header = None if "|" not in line else header
        out.append(line)
    return out
