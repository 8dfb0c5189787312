"""Grants paid as a share of something: 按项目设备购置额的10%给予奖补，最高500万元.

A percentage is a grant ratio only when a grant verb stands in its phrase
(给予, 奖励, 补助, 配套, 贴息 …, before or after it) and the phrase does not
measure the applicant (增长达到10%, 研发投入占比, 占股比例不超过20%, 担保费率,
超过15%部分).  Its ``rate`` is the share (0.1), its ``yuan`` the cap printed
after it in the same clause (最高500万元, 单个项目最高配套额度为500万元), which
then belongs to the ratio and is no grant of its own.  "1:1配套" is a ratio too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.model import Amount

from .amount_span import AmountSpan

# "\d(?<![\d.]\d)" is "(?<![\d.])\d" with the digit first, so that the engine skips ahead to digits
# instead of trying a match at every character (same matches)
_PERCENT = re.compile(r"(?P<rate>\d(?<![\d.]\d)\d*(?:\.\d+)?)\s*[%％]")
_PROPORTION = re.compile(
    r"(?P<a>\d(?<![\d.]\d)\d*(?:\.\d+)?)\s*[:：]\s*(?P<b>\d+(?:\.\d+)?)(?=\s*(?:的)?(?:比例)?(?:给予|予以|进行)?\s*(?:资金)?(?:配套|匹配))"
)
_VERB = re.compile(r"给予|予以|奖励|补助|补贴|资助|配套|贴息|奖补|补偿|资金支持|支持(?!金额)|扣除")
# "按设备投资的5%，市级工业发展资金给予最高300万元": the verb opens the next phrase (after its payer)
_NEXT_PART_GRANTS = re.compile(
    r"^\s*(?:给予|予以|准予|奖励|补助|对[^，。；,;]{0,24}给予|[^，。；,;]{0,12}(?:给予|予以))"
)
# The phrase measures the applicant or the deal, not money paid.
_NOT_A_GRANT = re.compile(
    r"占股|股比|股权比例|持股|费率|增长|增速|达到|达|占比|比重|覆盖率|(?<!不)超过|提高|下降|降低|减少|"
    r"出让|底价|地价|最低价|面积|容积率|税率|利率(?:为|不)"
)
_PART_END = re.compile(r"[，。；,;：:]")
_PART_MARKS = "，。；,;：:"  # _PART_END's characters
_BASE_START = re.compile(r"(?:按照其|按照|按其|按|给予其|给予|为其|为)")
_A_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*[%％]")
_OPENS_GRANT = re.compile(r"\s*(?:对|凡|支持|鼓励)")
_CAP_REACH = 90  # characters after a ratio within which its cap is printed


def find_ratios(text: str, money: list[AmountSpan]) -> list[AmountSpan]:
    """The money spans with the grant ratios of the text added, each ratio holding the cap printed after it."""
    ratios: list[AmountSpan] = []
    # a ratio prints % or a colon: a test of `in` skips the scans of most clauses
    for m in _PERCENT.finditer(text) if ("%" in text or "％" in text) else ():
        if _is_grant_ratio(text, m.start(), m.end()):
            rate = round(float(m.group("rate")) / 100, 6)
            ratios.append(
                AmountSpan(
                    m.start(), m.end(), Amount(_ratio_text(text, m.start(), m.end()), None, "ratio", rate)
                )
            )
    for m in _PROPORTION.finditer(text) if (":" in text or "：" in text) else ():
        a, b = float(m.group("a")), float(m.group("b"))
        if a:
            ratios.append(AmountSpan(m.start(), m.end(), Amount(m.group(0), None, "ratio", round(b / a, 6))))
    if not ratios:
        return list(money)
    money = list(money)
    absorbed: set[int] = set()
    with_caps = []
    for r in ratios:
        cap = _cap_after(text, r, money)
        if cap is not None:
            absorbed.add(cap)
            r = replace(r, amount=replace(r.amount, yuan=money[cap].amount.yuan))
        with_caps.append(r)
    money = [replace(s, absorbed=True) if i in absorbed else s for i, s in enumerate(money)]
    return money + with_caps


def _is_grant_ratio(text: str, start: int, end: int) -> bool:
    part_start = _part_start(text, start)
    before = text[part_start:start]
    stop = _PART_END.search(text, end)
    part_end = stop.start() if stop else len(text)
    after = text[end:part_end]
    if _NOT_A_GRANT.search(before):
        return False
    if _VERB.search(before) or _VERB.search(after):
        return True
    if stop and stop.group(0) in "，,":
        nxt = _PART_END.search(text, stop.end())
        following = text[stop.end() : nxt.start() if nxt else len(text)]
        return bool(_NEXT_PART_GRANTS.match(following) and _VERB.search(following))
    return False


def _part_start(text: str, at: int) -> int:
    """Just past the last _PART_END mark before ``at`` (0 if none): one rfind per mark, no scan from 0."""
    return max(text.rfind(mark, 0, at) for mark in _PART_MARKS) + 1


def _ratio_text(text: str, start: int, end: int) -> str:
    """The share as printed with what it is a share of: "项目设备购置额的10%"."""
    part_start = _part_start(text, start)
    before = _A_PERCENT.split(text[part_start:start])[0]  # 10%、20%: the base of the first
    base_at = 0
    for m in _BASE_START.finditer(before):
        base_at = m.end()
    return (before[base_at:] + text[start:end]).strip()


def _cap_after(text: str, ratio: AmountSpan, money: list[AmountSpan]) -> int | None:
    """The index of the cap printed after a ratio (no other grant amount in between), if any."""
    for i, s in enumerate(money):
        if s.start < ratio.end:
            continue
        if s.start - ratio.end > _CAP_REACH:
            return None
        kind = s.amount.kind
        if kind == "cap":
            between = text[ratio.end : s.start]
            # a cap in the next sentence is the ratio's (单个项目最高配套额度为500万元), unless that
            # sentence opens another grant (对…给予最高100万元) or a semicolon closed the case
            if "；" in between or ";" in between or between.count("。") > 1:
                return None
            if "。" in between and _OPENS_GRANT.match(between.split("。", 1)[1]):
                return None
            return i
        if kind in ("fixed", "per_unit", "floor"):
            return None
    return None
