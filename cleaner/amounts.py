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
    "万亿": 1_000_000_000_000,
}
_NUM = r"(?:\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_AMOUNT = re.compile(
    # (?<![\d.]) starts a match only where a number starts: a long digit run costs O(n), not O(n²)
    rf"(?<![\d.,，])(?P<nums>{_NUM}(?:\s*[、和或至\-~—－]\s*{_NUM})*)\s*(?:余|多)?\s*(?P<unit>千万|百万|十万|万亿|万|亿|千)?\s*元(?!器|件|素|旦|宵|首|老|气)"
)
_CN_AMOUNT = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千点])(?P<cn>[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*(?:点[零一二三四五六七八九]+)?)"
    r"\s*(?P<unit>千万|百万|十万|万亿|万|亿)?元(?!器|件|素|旦|宵|首|老|气|化|论|钱)"
)
_BARE_WAN = re.compile(
    r"(?<![\d.,，])(\d+(?:\.\d+)?)\s*(万亿|万|亿)(?!\s*元|[\d.亿])"
    r"(?![\u4e00-\u9fff]{0,3}(?:平方|人|名|户|家|个|台|套|吨|千瓦|亩|次|项|件|册|株|头|辆|张|份|字|条|座|米|公里|kW))"
)
_MONEY_VERB = re.compile(r"(奖励|补助|资助|补贴|奖补|扶持资金|支持资金|资金|给予|最高|不超过|一次性)\s*$")
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
    "安排",
    "统筹资金",
    "设立",
)


def _kind(before: str, after: str) -> str:
    # the words that qualify an amount stand in its own phrase: "达到5000万元以上的机构，给予10万元"
    window = re.split(r"[，。；,;：:]", before[-12:])[-1]
    # a cap per year or per firm ("每家企业每年最高不超过20万元") is still a cap
    if any(w in window for w in _CAP):
        return "cap"
    # "每年安排5000万元专项资金" is a yearly budget, not a rate
    if any(w in window for w in _TOTAL):
        return "total"
    if re.search(r"每[^，。；,;]{0,8}$", window) or after.startswith(("/", "每")):
        return "per_unit"
    # "给予不低于1亿元支持": a grant with a floor is still a grant, not a target to reach
    if re.search(r"(给予|奖励|补助|资助|补贴|扶持)\s*(不低于|不少于)\s*$", window):
        return "fixed"
    if any(w in window for w in _TARGET) or after.startswith("以上"):
        return "target"
    return "fixed"


def find_amounts(text: str) -> list[Amount]:
    """Every money amount in a clause's text, in order, with its value in yuan and its kind."""
    hits: list[tuple[int, int, list[float]]] = []
    for m in _AMOUNT.finditer(text):
        factor = _UNITS[m.group("unit") or ""]
        numbers = [float(n.replace(",", "").replace("，", "")) for n in re.findall(_NUM, m.group("nums"))]
        hits.append((m.start(), m.end(), [n * factor for n in numbers]))
    for m in _CN_AMOUNT.finditer(text):
        if not (m.group("unit") or re.search("[百千]", m.group("cn"))):
            continue  # "一元化", "三元催化": a bare numeral before 元 is rarely money
        value = _cn_number(m.group("cn"))
        if value is not None:
            hits.append((m.start(), m.end(), [value * _UNITS[m.group("unit") or ""]]))
    for m in _BARE_WAN.finditer(text):
        # "奖励50万" (元 left out): money only right after a word that gives money
        if _MONEY_VERB.search(text, max(0, m.start() - 8), m.start()):
            hits.append((m.start(), m.end(), [float(m.group(1)) * _UNITS[m.group(2)]]))
    found: list[Amount] = []
    for start, end, values in sorted(hits):
        before = text[max(0, start - 16) : start]
        kind = _kind(before, text[end : end + 4])
        prefix = re.search(r"(最高|不超过|上限|最多|不低于|每[^\d，。；,;]{0,6})$", before)
        label = text[start - (len(prefix.group(0)) if prefix else 0) : end]
        for value in values:
            yuan = int(value) if value == int(value) else value
            found.append(Amount(text=label, yuan=yuan, kind=kind))
    return found


def _cn_number(numeral: str) -> float | None:
    """ "五十" -> 50, "一千五百" -> 1500, "三点五" -> 3.5 (cn2an, the maintained converter)."""
    import cn2an

    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, TypeError):
        return None
