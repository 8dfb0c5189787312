"""Money amounts: 元 / 万元 / 亿元, what kind of money each is, and who pays it.

"分别给予200万元、100万元" is two amounts; "200、100万元" too, the unit
printed once for both.  Each amount gets a kind, read from the words of its
own phrase:

- grants: ``cap`` (最高/不超过), ``fixed``, ``per_unit`` (每平方米40元, 20万元/家,
  按每人8万元的标准), ``floor`` (给予不低于1亿元), ``ratio`` (按投资额的30%给予补助,
  ``rate`` 0.3, ``yuan`` the cap printed with it: ``cleaner/ratios.py``);
- never grants: ``total`` (a fund's size, a yearly budget), ``threshold`` (a
  condition on the applicant: 营业收入达1000万元以上的企业, 纳税总额不低于500万元),
  ``target`` (a goal: 到2025年产值达到40亿元) and ``min``, the lower end of a grant
  printed as a range (给予5万元至30万元奖励, 每月1000-10000元: ``min`` 50000 then ``cap``
  300000): the range is one grant up to its cap, and both its ends are amounts.

``level`` is who pays, when the sentence says so (省级给予, 市财政一次性奖励,
由属地政府给予, 区给予配套): ``cleaner/payers.py``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.model import Amount

from .amount_span import AmountSpan
from .payers import payer_levels
from .ratios import find_ratios

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
# what joins a range's two ends: 至/到 or a dash of any width (5-20万元, 5 –50万元, 1000—2000万元)
_TO = r"[至到\-~～—–－]"
# _NUM after its first digit: each pattern below opens on a digit (or a numeral) and only then looks
# behind it, "\d(?<![\d.]\d)" for "(?<![\d.])\d", so that the regex engine skips ahead to the next digit
# instead of trying a match at every character (three times faster on a clause, same matches)
_NUM_REST = r"(?:\d{0,2}(?:[,，]\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_NUM_RE = re.compile(_NUM)
_TO_RE = re.compile(_TO)
_AMOUNT = re.compile(
    # the look-behind starts a match only where a number starts: a long digit run costs O(n), not O(n²)
    rf"(?P<nums>\d(?<![\d.,，]\d){_NUM_REST}(?:\s*(?:[、和或]|{_TO})\s*{_NUM})*)\s*(?:余|多)?\s*(?P<unit>千万|百万|十万|万亿|万|亿|千)?\s*元(?!器|件|素|旦|宵|首|老|气)"
)
_CN_AMOUNT = re.compile(
    r"(?P<cn>[一二两三四五六七八九十](?<![零〇一二两三四五六七八九十百千点][一二两三四五六七八九十])"
    r"[零〇一二两三四五六七八九十百千]*(?:点[零一二三四五六七八九]+)?)"
    r"\s*(?P<unit>千万|百万|十万|万亿|万|亿)?元(?!器|件|素|旦|宵|首|老|气|化|论|钱)"
)
# "罚款人民币叁仟叁佰元整": sums written in capital numerals (大写, as on fines, contracts and receipts)
_CAPITAL_AMOUNT = re.compile(
    r"(?P<cn>[壹贰叁肆伍陆柒捌玖拾][零壹贰叁肆伍陆柒捌玖拾佰仟万亿]*)(?P<unit>万|亿)?元(?:整|正)?"
)
_BARE_WAN = re.compile(
    r"(\d(?<![\d.,，]\d)\d*(?:\.\d+)?)\s*(万亿|万|亿)(?!\s*元|[\d.亿])"
    r"(?![\u4e00-\u9fff]{0,3}(?:平方|人|名|户|家|个|台|套|吨|千瓦|亩|次|项|件|册|株|头|辆|张|份|字|条|座|米|公里|kW))"
)
# a round figure after a word of approximation (超千亿元, 近千亿元, 上百万元, 逾千万元) is that figure, as 500余万元
# is 500万元; without one (千万元以上项目, 数百亿元) it names an order of size, no figure
_ROUND = re.compile(
    r"(?P<n>[百千])(?<=[近超逾过破达上][百千])(?P<unit>万亿|万|亿)元(?!器|件|素|旦|宵|首|老|气)"
)
# a range's first end printed with its unit but not its 元 (500万(含)至5000万元): the 元 of the second serves both
_RANGE_HEAD = re.compile(
    rf"(\d(?<![\d.,，]\d)\d*(?:\.\d+)?)\s*(万|亿)\s*(?:[(（]含[)）])?\s*{_TO}\s*(?=\d+(?:\.\d+)?\s*(?:万|亿)?\s*元)"
)
_CAPITAL_DIGIT = re.compile(r"[壹贰叁肆伍陆柒捌玖]")
_MONEY_VERB = re.compile(r"(奖励|补助|资助|补贴|奖补|扶持资金|支持资金|资金|给予|最高|不超过|一次性)\s*$")
_CAP = ("最高", "不超过", "不超", "上限", "最多", "封顶", "至多", "不高于", "以内")
_TOTAL = (
    "总计",
    "合计",
    "总投资",
    "总规模",
    "资金池",
    "共计",
    "累计",
    "安排",
    "统筹资金",
    "设立",
    "规模",
)
# What an applicant has or reaches (its revenue, its tax, its investment): an amount measuring
# one of these is a condition, not money paid, unless a grant verb stands between them.
_MEASURES = re.compile(
    r"营业收入|主营业务收入|销售收入|销售额|零售额|营收|收入|产值|纳税|税收|缴税|投资|注册资本|研发投入|研发经费|"
    r"研发费用|研发支出|经济贡献|工资薪金|薪酬|年薪|担保金额|贷款额|融资额|融资|成交额|增加值|资产|出口额|进出口额|"
    r"利润|交易额|合同额|设备|产品|贸易额|营业额"
)
_GRANT_VERB = re.compile(r"给予|奖励|补助|资助|补贴|奖补|配套|贴息|扶持|予以|支持")
_GOAL = re.compile(
    r"力争|目标|到20\d\d年|20\d\d年(?:底|末)?前|预计|预期|全市|全省|全区|全县|全国|总产值|综合产值"
)
_AT_LEAST_AFTER = re.compile(r"^\s*(?:[(（]含[)）])?\s*(?:及|或)?\s*(?:以上|以下|以内|及以上|及以下|级台阶)")
_FLOOR = re.compile(r"(?:给予|奖励|补助|资助|补贴|扶持|支持|安排)\s*(?:不低于|不少于)\s*$")
_FLOOR_AFTER = re.compile(r"^[^，。；,;]{0,4}(?:的)?(?:奖励|补助|资助|补贴|扶持|支持|资金支持|奖补)")
_PER_UNIT_BEFORE = re.compile(
    r"每(?:平方米|平米|㎡|米|千米|公里|件|项|吨|千瓦|兆瓦|台|套|亩|小时|机时|学时|课时|人次|床|辆|标准箱|TEU)"
    r"|每(?:人|户|名)每(?:月|年|天|日)"
    r"|按[^，。；,;]{0,24}每(?:人|家|个|名|户|件|项|所|座)[^，。；,;\d]{0,6}$"
    r"|每(?:新|增加|新增)[^，。；,;]{0,12}"
)
# the sum paid to one applicant, in stages: the total word stands right before the grant verb
_SUM_PAID = re.compile(
    r"^[^总规模池设立安排统筹]*(?:合计|累计|共计|总计)\s*(?:给予|奖励|补助|资助|奖补)[^，。；,;]*$"
)
# a grant paid per step the applicant climbs: 每新上一个…台阶 / 每增加5亿元 in its sentence, no money between
_EACH_STEP = re.compile(r"每(?:新上|新增|增加|多)[^。；]*?[，,][^元。；]*$")
_PART = re.compile(r"[，。；,;：:]")
_DIGIT = re.compile(r"\d")
_SENTENCE_MARKS = "。；;!\n！？?"  # a sentence ends at any of these
# compiled once (re.search with a pattern string looks it up in re's cache on every call)
_LABEL_PREFIX = re.compile(r"(最高|不超过|上限|最多|不低于|不少于|每[^\d，。；,;]{0,6})$")
_RANGE_GAP = re.compile(rf"\s*(?:[(（]含[)）])?\s*(?:{_TO}|以上)\s*")
_AT_LEAST = re.compile(r"(?:不低于|不少于)\s*$")
_TOTAL_SUM = re.compile(r"总额(?!度)")
_REACHES = re.compile(r"(?:达到|达|突破|超过|不低于|不少于)\s*$")


def find_amounts(text: str) -> list[Amount]:
    """Every money amount in a clause's text, in order, with its value in yuan, kind, rate and payer."""
    return [s.amount for s in amount_spans(text) if not s.absorbed]


def amount_spans(text: str) -> list[AmountSpan]:
    """Money amounts and grant ratios of a text, in order of position (absorbed caps included)."""
    if "元" not in text and not _DIGIT.search(text):
        # every amount prints 元 or a digit (50万, 30%, 1:1): most clauses hold neither, skip them
        return []
    money = _money_spans(text)
    spans = find_ratios(text, money)
    levels = payer_levels(text) if spans else []
    out = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        level = _level_at(levels, s.start)
        if level and s.amount.kind not in ("threshold", "target", "total"):
            s = replace(s, amount=replace(s.amount, level=level))
        out.append(s)
    return out


def _level_at(levels: list[tuple[int, int, str]], at: int) -> str | None:
    for start, end, level in levels:
        if start <= at < end:
            return level
    return None


def _money_spans(text: str) -> list[AmountSpan]:
    hits: list[tuple[int, int, list[float]]] = []
    # each scan needs a character the text may not hold (元; 万/亿): a test of `in` skips the scan
    has_yuan = "元" in text
    for m in _AMOUNT.finditer(text) if has_yuan else ():
        factor = _UNITS[m.group("unit") or ""]
        numbers = [float(n.replace(",", "").replace("，", "")) for n in _NUM_RE.findall(m.group("nums"))]
        hits.append((m.start(), m.end(), [n * factor for n in numbers]))
    for m in _CN_AMOUNT.finditer(text) if has_yuan else ():
        if not (m.group("unit") or "百" in m.group("cn") or "千" in m.group("cn")):
            continue  # "一元化", "三元催化": a bare numeral before 元 is rarely money
        value = _cn_number(m.group("cn"))
        if value is not None:
            hits.append((m.start(), m.end(), [value * _UNITS[m.group("unit") or ""]]))
    for m in _ROUND.finditer(text) if has_yuan and ("百" in text or "千" in text) else ():
        hits.append((m.start(), m.end(), [(100 if m.group("n") == "百" else 1000) * _UNITS[m.group("unit")]]))
    for m in _CAPITAL_AMOUNT.finditer(text) if has_yuan and _CAPITAL_DIGIT.search(text) else ():
        value = _cn_number(m.group("cn"))
        if value is not None:
            hits.append((m.start(), m.end(), [value * _UNITS[m.group("unit") or ""]]))
    for m in _BARE_WAN.finditer(text) if ("万" in text or "亿" in text) else ():
        # "奖励50万" (元 left out): money only right after a word that gives money
        if _MONEY_VERB.search(text, max(0, m.start() - 8), m.start()):
            hits.append((m.start(), m.end(), [float(m.group(1)) * _UNITS[m.group(2)]]))
    for m in _RANGE_HEAD.finditer(text) if has_yuan and ("万" in text or "亿" in text) else ():
        if not any(h[0] == m.start() for h in hits):
            # the hit ends at its unit: _join_ranges reads "(含)至" between it and the second end
            hits.append((m.start(), m.end(2), [float(m.group(1)) * _UNITS[m.group(2)]]))
    hits = _join_ranges(sorted(hits), text)
    found: list[AmountSpan] = []
    for start, end, values in hits:
        kind = amount_kind(text, start, end)
        before = text[max(0, start - 16) : start]
        prefix = _LABEL_PREFIX.search(before)
        label_start = start - (len(prefix.group(0)) if prefix else 0)
        label = text[label_start:end]
        kinds = [kind] * len(values)
        if len(values) == 2 and kind in ("cap", "fixed") and _TO_RE.search(text[start:end]):
            kinds = ["min", "cap"]  # "给予5万元至30万元奖励": one grant up to the upper end, from the lower
        for value, k in zip(values, kinds, strict=True):
            yuan = int(value) if value == int(value) else value
            found.append(AmountSpan(label_start, end, Amount(text=label, yuan=yuan, kind=k)))
    return found


def _join_ranges(hits: list[tuple[int, int, list[float]]], text: str) -> list[tuple[int, int, list[float]]]:
    """ "5万元至30万元", "500万元以上1000万元及以下": two amounts printed as one range stay one."""
    out: list[tuple[int, int, list[float]]] = []
    for start, end, values in hits:
        if out and len(out[-1][2]) == 1 and len(values) == 1:
            gap = text[out[-1][1] : start]
            if _RANGE_GAP.fullmatch(gap):
                prev = out.pop()
                out.append((prev[0], end, prev[2] + values))
                continue
        out.append((start, end, values))
    return out


def amount_kind(text: str, start: int, end: int) -> str:
    """The kind of the money amount text[start:end], from the words of its own phrase and sentence."""
    before = text[max(0, start - 24) : start]
    after = text[end : end + 8]
    # the words that qualify an amount stand in its own phrase: "达到5000万元以上的机构，给予10万元"
    phrase = _PART.split(before)[-1]
    # just past the last sentence end before the amount (rfind per mark: the clause is not scanned from 0)
    sentence_start = max(text.rfind(mark, 0, start) for mark in _SENTENCE_MARKS) + 1
    sentence = text[sentence_start:start]
    # a form's or a document's name (《5000万元及以上固定资产投资项目情况表》) names a bracket, pays nothing
    if text.rfind("《", 0, start) > text.rfind("》", 0, start):
        return "threshold"
    measure = _last_measure(phrase)
    if measure is not None and not _GRANT_VERB.search(phrase[measure:]):
        return "target" if _GOAL.search(sentence) else "threshold"
    if _AT_LEAST_AFTER.match(after):
        if not _GRANT_VERB.search(phrase):
            return "target" if _GOAL.search(sentence) else "threshold"
    if _PER_UNIT_BEFORE.search(phrase) or after.startswith(("/", "每")):
        return "per_unit"
    if _FLOOR.search(phrase) or (_AT_LEAST.search(phrase) and _FLOOR_AFTER.match(after)):
        return "floor"
    # a cap per year or per firm ("每家企业每年最高不超过20万元", "年资助总额不超过300万元") is still a cap
    if any(w in phrase for w in _CAP):
        return "cap"
    # "每年安排5000万元专项资金" is a yearly budget, not a rate; "分阶段合计给予500万元奖励" is
    # the sum one applicant gets, no pot
    if (any(w in phrase for w in _TOTAL) or _TOTAL_SUM.search(phrase)) and not _SUM_PAID.search(phrase):
        return "total"
    if _REACHES.search(phrase):
        return "target" if _GOAL.search(sentence) else "threshold"
    if _EACH_STEP.search(sentence):
        return "per_unit"  # "对营业收入每新上一个5亿元级台阶的企业，…给予20万元": paid for each step
    return "fixed"


def _last_measure(phrase: str) -> int | None:
    """Where the last measured quantity (营业收入, 纳税, 投资 …) of the phrase ends, if any."""
    found = None
    for m in _MEASURES.finditer(phrase):
        found = m.end()
    return found


def _cn_number(numeral: str) -> float | None:
    """ "五十" -> 50, "一千五百" -> 1500, "三点五" -> 3.5 (cn2an, the maintained converter)."""
    import cn2an

    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, TypeError):
        return None
