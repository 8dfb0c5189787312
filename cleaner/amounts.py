"""Money amounts: 元 / 万元 / 亿元, caps, per-unit rates and enumerations.

"分别给予200万元、100万元" is two amounts; "200、100万元" too, the unit
printed once for both.
"""

from __future__ import annotations

import re

from corpus.model import Amount

_UNITS = {
    "": 1,
    "千": 1_000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
}
_NUM = r"\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"(?P<nums>{_NUM}(?:\s*[、和或至\-~—－]\s*{_NUM})*)\s*(?P<unit>千万|百万|十万|万|亿|千)?\s*元(?!器|件|素|旦|宵|首|老|气)"
)
_CAP = ("最高", "不超过", "上限", "最多", "封顶", "至多", "不高于")
_TARGET = (
    "达到",
    "不低于",
    "不少于",
    "达",
    "突破",
    "超过",
    "以上",
    "规模",
    "成交额",
    "产值",
    "营业收入",
    "营收",
    "增加值",
    "年收入",
)
_TOTAL = (
    "总额",
    "总计",
    "合计",
    "总投资",
    "总规模",
    "资金池",
    "累计",
    "共计",
    "安排资金",
    "统筹资金",
    "设立",
)


def _kind(before: str, after: str) -> str:
    window = before[-12:]
    # a cap per year or per firm ("每家企业每年最高不超过20万元") is still a cap
    if any(w in window for w in _CAP):
        return "cap"
    if re.search(r"每[^，。；,;]{0,8}$", window) or after.startswith(("/", "每")):
        return "per_unit"
    if any(w in window for w in _TOTAL):
        return "total"
    if any(w in window for w in _TARGET) or after.startswith("以上"):
        return "target"
    return "fixed"


def find_amounts(text: str) -> list[Amount]:
    found: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        factor = _UNITS[m.group("unit") or ""]
        numbers = re.findall(_NUM, m.group("nums"))
        before = text[max(0, m.start() - 16) : m.start()]
        after = text[m.end() : m.end() + 4]
        kind = _kind(before, after)
        start = m.start()
        prefix = re.search(r"(最高|不超过|上限|最多|不低于|每[^\d，。；,;]{0,6})$", before)
        if prefix:
            start -= len(prefix.group(0))
        label = text[start : m.end()]
        if len(numbers) == 1:
            found.append(Amount(text=label, yuan=float(numbers[0]) * factor, kind=kind))
            continue
        for n in numbers:
            found.append(Amount(text=label, yuan=float(n) * factor, kind=kind))
    for a in found:
        if a.yuan is not None and a.yuan == int(a.yuan):
            object.__setattr__(a, "yuan", int(a.yuan))
    return found
