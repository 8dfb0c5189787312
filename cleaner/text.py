"""Line-level clean-up shared by HTML and plain text: chrome lines, white space, broken lines."""

from __future__ import annotations

import re

from .labels import CHROME_LINE_PATTERNS

_CHROME = [re.compile(p) for p in CHROME_LINE_PATTERNS]
_SPACE = re.compile(r"[ \t\xa0\u3000\u2002\u2003\u200b]+")


def normalize_line(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


def is_chrome(line: str) -> bool:
    return any(p.search(line) for p in _CHROME)


def clean_lines(raw: list[str]) -> list[str]:
    lines = []
    for line in raw:
        line = normalize_line(line)
        if line.count("|") == 1 and line.endswith("|"):
            line = line[:-1].rstrip()  # the last line of a layout-table cell
        if not line or is_chrome(line):
            continue
        # "【关闭窗口】 【字体: 大 中 小】 【打印本文】 |" and similar bars of bracketed tools
        if re.fullmatch(r"(【[^】]{1,12}】\s*)+\|?", line):
            continue
        lines.append(line)
    return join_broken(lines)


def _unclosed(line: str) -> int:
    """Brackets left open at the end of the line (counted, not walked: lines run to 16,000 characters)."""
    opens = line.count("（") + line.count("(")
    if not opens:
        return 0
    return max(0, opens - line.count("）") - line.count(")"))


def join_broken(lines: list[str]) -> list[str]:
    """Join a line cut by a page break or a stray newline to its continuation.

    The sure sign is a bracket left open ("（责任单位：市工业" / "和信息化局）"):
    real clauses close their brackets on the same line.
    """
    out: list[str] = []
    pending = 0
    for line in lines:
        if out and pending > 0 and len(line) < 400:
            out[-1] = out[-1] + line
        else:
            out.append(line)
        pending = _unclosed(out[-1]) if len(out[-1]) < 4000 else 0
    return out
