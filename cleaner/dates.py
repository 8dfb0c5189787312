"""Dates as printed on government pages, to YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

from .numerals import cn_to_int, digit_string

_NUMERIC = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)")
_CHINESE = re.compile(
    r"([〇○零O一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None) -> str | None:
    """The first date in the text, or None."""
    for iso, _ in iter_dates(text or ""):
        return iso
    return None


# Gazettes and OCR break a number with a space ("2015年1月2 3日"): the space moves behind the number,
# so the text keeps its length and spans still point where they did.
_BROKEN_NUMBER = re.compile(r"(\d)[ \u3000](\d{1,3})(?=[年月日号])")


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _mend(text: str) -> str:
    """Full-width digits read as ASCII (１９９４年７月５日) and broken numbers joined, the length kept."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    return _BROKEN_NUMBER.sub(r"\1\2 ", text) if " " in text or "\u3000" in text else text


def iter_dates(text: str):
    """Yield (iso, match span start) for every readable date, in order."""
    text = _mend(text)
    found = []
    for m in _NUMERIC.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
    for m in _CHINESE.finditer(text):
        y = digit_string(m.group(1))
        iso = _iso(y, cn_to_int(m.group(2)) or 0, cn_to_int(m.group(3)) or 0) if y else None
        if iso:
            found.append((m.start(), iso))
    for start, iso in sorted(found):
        yield iso, start


# what a date line can open with: _NUMERIC's 19/20 (ASCII or full width, which _mend reads as ASCII) or a
# _CHINESE numeral; _mend never changes the first character, so any other line is no date line
_DATE_LINE_FIRST = frozenset("12１２〇○零O一二三四五六七八九")


def is_date_line(line: str) -> bool:
    s = line.strip()
    if s[:1] not in _DATE_LINE_FIRST:
        return False  # most lines: no copy of a long paragraph to mend
    s = _mend(s)
    return bool(_NUMERIC.fullmatch(s) or _CHINESE.fullmatch(s))


_URL_DATES = (
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_"),  # TRS: /202109/t20210929_2210.html
    re.compile(r"/art/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),  # Hanweb: /art/2021/9/29/art_1_1.html
    re.compile(r"/((?:19|20)\d{2})-(\d{2})/(\d{2})/"),  # gov.cn: /2021-09/29/content_1.htm
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),  # /20210929/
)


def date_from_url(url: str | None) -> str | None:
    """The publication date a CMS writes into its article URLs, or None."""
    for pattern in _URL_DATES:
        m = pattern.search(url or "")
        if m:
            iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                return iso
    return None
