"""When applications open and close: 2018年集中受理申请时间为6月13日-7月4日, 申报截止时间为2024年5月31日,
请于2024年5月31日前提交.  A date printed without its year takes the year printed before it in
the same text, else the notice's own year (its 发布日期)."""

from __future__ import annotations

import re

_DATE = r"(?:(?P<{p}y>(?:19|20)\d{{2}})\s*年)?\s*(?P<{p}m>\d{{1,2}})\s*月\s*(?P<{p}d>\d{{1,2}})\s*日"
_RANGE = re.compile(_DATE.format(p="a") + r"[^，。；\d]{0,12}?(?:至|到|-|－|—|~|～)\s*" + _DATE.format(p="b"))
_UNTIL = re.compile(
    r"(?:截止|截至|截止日期|截止时间)[为是：:\s]*"
    + _DATE.format(p="b")
    + r"|(?:于|在)\s*"
    + _DATE.format(p="c")
    + r"\s*(?:\d{1,2}[:：]\d{2})?\s*(?:前|之前|以前)"
)
_ISO = re.compile(r"(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})")


def read_window(text: str, year: str | None) -> tuple[dict[str, str | None] | None, str | None]:
    """({"from", "to"} or None, deadline or None) printed in a 申报时间 text."""
    base = _year_before(text, len(text)) or year
    m = _RANGE.search(text)
    if m:
        y_from = m.group("ay") or _year_before(text, m.start()) or base
        start = _iso(y_from, m.group("am"), m.group("ad"))
        end = _iso(m.group("by") or y_from, m.group("bm"), m.group("bd"))
        return {"from": start, "to": end}, end
    m = _UNTIL.search(text)
    if m:
        p = "b" if m.group("bm") else "c"
        end = _iso(
            m.group(p + "y") or _year_before(text, m.start()) or base, m.group(p + "m"), m.group(p + "d")
        )
        return ({"from": None, "to": end} if end else None), end
    return None, None


def _year_before(text: str, at: int) -> str | None:
    years = re.findall(r"((?:19|20)\d{2})\s*年", text[:at])
    return years[-1] if years else None


def _iso(year: str | None, month: str, day: str) -> str | None:
    if not year:
        return None
    m, d = int(month), int(day)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{int(year):04d}-{m:02d}-{d:02d}"
