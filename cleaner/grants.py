"""Which sentences of a clause grant money or a benefit, and how many grants each holds.

A clause is cut into sentences (。；); each grant amount of ``amount_spans``
(a cap, a fixed sum, a per-unit rate, a floor, a ratio with its cap) belongs to
its sentence.  Within a sentence the amounts are grouped as a reader would:

- "国家级、省级、市级分别给予300万元、200万元、50万元" is one grant per case,
  each with the word that picks it (``applies_to``);
- a cap that limits what came before (每年最高不超过200万元, 单个企业累计不超过
  1000万元, 年资助总额不超过300万元 after its per-unit rates) is no grant of its own;
- rates per person or per unit printed as a list (博士每人8万元、硕士每人5万元) and an
  increment (每增加30件，增加资助3万元) stay with the grant they rate.

A sentence that grants with no figure (给予一定额度的补助, 区给予配套奖励, 可安排入住
人才公寓) is a grant with no amount.  Clauses that only point elsewhere (详见本办法第九条),
set a fund's size or describe procedure are not grants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.model import Amount

from .amount_span import AmountSpan
from .amounts import amount_spans
from .payers import payer_levels

_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?\n]?")
_LIMIT = re.compile(
    r"(?:每年|年度|全年|每家|每个|单个|单笔|单一|单项|累计|总额|合计|同一|一家|每户|每项|每人每年|最高配套额度|两项奖励|"
    r"补贴金额|资助金额|奖励金额|补助金额|贴息金额|额度)"
)
_POINTER = re.compile(r"详见本(?:办法|细则|政策|措施|方案)?第")
_INCREMENT = re.compile(r"每(?:增加|新增|多)[^，。；]{0,12}[，,]?\s*(?:增加|追加|再)?(?:资助|奖励|补助)?\s*$")
# a grant with no figure printed: the verb and the benefit, in a sentence that names who gets it
_NO_FIGURE = re.compile(
    r"(?:给予|予以)(?:[^，。；]{0,14})(?:奖励|补助|补贴|资助|资金支持|贴息|奖补)"
    r"|(?:可|予以)?安排入住人才公寓|发放[^，。；]{0,10}卡|享受[^，。；]{0,12}贴息"
)


def _without_optional_opening(pattern: re.Pattern[str], opening: str) -> re.Pattern[str]:
    """The pattern with an optional group that opens one of its top-level alternatives left out.

    Whether a text holds a match never depends on such a group, but the regex engine, given an
    alternative that opens on nothing required, tries every character of the text; without it, it
    skips ahead to the characters the alternatives open with.  Any other shape: the pattern as it is.
    """
    at = pattern.pattern.find("|" + opening)
    prefix = pattern.pattern[:at]
    if at < 0 or prefix.count("(") != prefix.count(")") or "\\" in prefix:
        return pattern
    return re.compile(prefix + "|" + pattern.pattern[at + 1 + len(opening) :], pattern.flags)


# whether a clause holds a figureless grant anywhere (find_grants' first test, on every clause)
_ANY_NO_FIGURE = _without_optional_opening(_NO_FIGURE, "(?:可|予以)?")
_NOT_GRANTING = re.compile(
    r"一事一议|一企一策|另行制定|另行研究|研究确定|按规定|按有关规定|相关规定|结合实际|根据地方实际|相应|叠加|视情|适当"
)
# "按不超过实际投资额的一定比例给予补贴": a share named without its figure
_SOME_SHARE = re.compile(r"(?P<base>[^，。；,;]{0,40}?)一定比例")
_SHARE_OPENS = re.compile(r"按照|按|计算")
# compiled once (re.search with a pattern string looks it up in re's cache on every call)
_SUM = re.compile(r"总额|累计|合计")
_LIST_HEAD = re.compile(r"[：:]\s*$|以下|如下")
_VARIANT = re.compile(r"\s*(?:其中|同时|此外|另外)")
_OPENS_GRANT = re.compile(r"[，,；;]\s*(?:对|凡|另|再|额外)|给予|奖励|补助|资助")
_TIER_LIST = re.compile(r"\d+(?:\.\d+)?\s*[%％](?:\s*、\s*\d+(?:\.\d+)?\s*[%％])+")
_GRANTS = re.compile(r"对|给予|奖励|补助|资助|补贴|支持|配套")
_PART_END = re.compile(r"[，。；,;：:]")
_ITEM_SEP = re.compile(r"[、和及与或]")
_CASE_LIST = re.compile(r"(?P<items>[^，。；、:：]{1,24}(?:[、和及与或][^，。；、:：]{1,24})+)")


@dataclass
class GrantSpan:
    """A grant found in a clause: its sentence (start, end in the clause text) and its amount."""

    sentence_start: int
    sentence_end: int
    amount: Amount | None
    at: int  # where the amount (or the granting verb) stands
    applies_to: str | None = None
    extra: list[Amount] = field(default_factory=list)  # amounts that belong to this grant (its caps, tiers)


def sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def find_grants(text: str, lead_in: bool = False) -> list[GrantSpan]:
    """The grants of one clause's text, in order.

    ``lead_in``: the clause introduces items that carry the amounts (根据实缴注册资本给予落户奖励：
    1.… 2.…), so a sentence of its own that grants with no figure is their heading, not a grant.
    """
    if _POINTER.search(text) and len(text) < 200:
        return []  # "(二)最高3000万元科研条件建设补助：…详见本办法第九条、第十条": a breakdown, not a grant
    spans = [s for s in amount_spans(text) if not s.absorbed and s.amount.is_grant]
    if not spans and not _ANY_NO_FIGURE.search(text):
        return []  # no figure and no figureless grant anywhere: no sentence of it can grant
    out: list[GrantSpan] = []
    overall: GrantSpan | None = None  # 年资助总额不超过300万元：其中…1000元/件: the rates under a total
    for start, end in sentences(text):
        if _in_form(text, start):
            continue  # 申请表 … 申请高新技术企业入统奖励 20万元: a form's cell asks, it grants nothing
        inside = [s for s in spans if start <= s.start < end]
        sentence = text[start:end]
        if not inside:
            m = _NO_FIGURE.search(sentence)
            if (
                m
                and not spans
                and not lead_in
                and not _NOT_GRANTING.search(sentence)
                and not _leads_a_list(sentence)
            ):
                out.append(GrantSpan(start, end, _no_figure_amount(sentence, m.start()), start + m.start()))
            continue
        if overall is not None and all(s.amount.kind == "per_unit" for s in inside):
            overall.extra += [s.amount for s in inside]
            continue
        found = _group(text, start, end, inside, out)
        if not out and found and found[0].amount and found[0].amount.kind == "cap":
            phrase = _phrase_before(text, start, inside[0].end)
            if _SUM.search(phrase):
                overall = found[0]
                for g in found[1:]:
                    if g.amount and g.amount.kind == "per_unit":
                        overall.extra.append(g.amount)
                found = [g for g in found if g is overall or not (g.amount and g.amount.kind == "per_unit")]
        out += found
    return out


def _no_figure_amount(sentence: str, verb: int) -> Amount | None:
    """A grant printed without a figure still names its share (按…的一定比例: kind ratio) or its payer.

    "由属地政府按照实际固定资产投资总额的一定比例给予补贴", "区给予配套奖励",
    "在市级财政预算的招商资金中给予奖补": the amount has no value but says what and who pays.
    """
    level = next((lv for lo, hi, lv in payer_levels(sentence) if lo <= verb < hi), None)
    share = _SOME_SHARE.search(sentence)
    if share:
        base = share.group("base")
        opens = [m.end() for m in _SHARE_OPENS.finditer(base)]
        text = base[opens[-1] :] if opens else "" if re.search(r"[按照]$", base) else base
        return Amount(text.strip() + "一定比例", None, "ratio", level=level)
    if level:
        return Amount("", None, None, level=level)
    return None


_FORM_TITLE = re.compile(r"(?:^|\n)[^\n。；]{0,40}(?:申请|申报|登记|审核|汇总)(?:表|书)\s*\n")


def _in_form(text: str, at: int) -> bool:
    """The line at ``at`` is a row of an application form printed in the clause (a title line ending in
    申请表/申报表, then rows with no sentence of their own before it)."""
    ends = [m.end() for m in _FORM_TITLE.finditer(text, 0, at)]
    return bool(ends) and "。" not in text[ends[-1] : at]


def _leads_a_list(sentence: str) -> bool:
    """按以下标准给予奖励： / 其中… / 可选择按照…: the heading of items, or a variant of a grant."""
    return bool(_LIST_HEAD.search(sentence) or _VARIANT.match(sentence)) or ("可选择" in sentence)


def _group(
    text: str, start: int, end: int, inside: list[AmountSpan], before: list[GrantSpan]
) -> list[GrantSpan]:
    sentence = text[start:end]
    if "分别" in sentence and all(s.amount.kind == "ratio" for s in inside) and _tiers(text, start, inside):
        # 增长达到10%、16%、22%、28%以上的，分别按照…的10%、20%、30%、40%予以奖励: one grant in tiers
        top = max(inside, key=lambda s: s.amount.rate or 0)
        return [
            GrantSpan(
                start, end, top.amount, inside[0].start, extra=[s.amount for s in inside if s is not top]
            )
        ]
    cases = _cases(text, start, inside)
    grants: list[GrantSpan] = []
    for i, s in enumerate(inside):
        phrase = _phrase_before(text, max(start, inside[i - 1].end if i else start), s.end)
        previous = grants[-1] if grants else (before[-1] if before and _continues(sentence) else None)
        if previous is not None and not cases:
            gap = text[inside[i - 1].end : s.start] if i else ""
            if s.amount.kind == "cap" and (
                (_LIMIT.search(phrase) and "分别" not in phrase)
                or (
                    i
                    and previous.amount
                    and previous.amount.kind in ("per_unit", "ratio")
                    and not _new_subject(_phrase_before(gap, 0, len(gap)) + phrase)
                )
            ):
                previous.extra.append(s.amount)
                continue
            if (
                i
                and previous.amount
                and previous.amount.kind == s.amount.kind
                and s.amount.kind in ("per_unit", "ratio")
                and "、" in gap[:16]
                and "分别" not in sentence
            ):
                previous.extra.append(s.amount)  # 博士每人8万元、硕士每人5万元 / 前3年每年100%、后2年每年50%
                continue
            if _INCREMENT.search(text[max(start, s.start - 30) : s.start]):
                previous.extra.append(s.amount)
                continue
        grants.append(GrantSpan(start, end, s.amount, s.start, cases[i] if cases else None))
    return grants


def _new_subject(gap: str) -> bool:
    """Between two amounts, words that open another grant (对…, 另给予…) rather than limit the first."""
    return bool(_OPENS_GRANT.search(gap))


def _tiers(text: str, start: int, inside: list[AmountSpan]) -> bool:
    lead = text[start : inside[0].start]
    return bool(_TIER_LIST.search(lead))


def _continues(sentence: str) -> bool:
    """A sentence that only limits the grant before it (每个研发机构每年最高不超过300万元)."""
    return not _GRANTS.search(sentence.split("最高")[0].split("不超过")[0])


def _phrase_before(text: str, lo: int, at: int) -> str:
    piece = text[lo:at]
    return _PART_END.split(piece)[-1] if piece else ""


def _cases(text: str, start: int, inside: list[AmountSpan]) -> list[str] | None:
    """The words that pick each amount of a 分别 enumeration (国家级、省级、市级), when they count as many."""
    if len(inside) < 2:
        return None
    lead = text[start : inside[0].start]
    if "分别" not in lead:
        return None
    n = len(inside)
    best = None
    for m in _CASE_LIST.finditer(lead.replace("分别", "，")):
        items = [i.strip() for i in _ITEM_SEP.split(m.group("items")) if i.strip()]
        if len(items) == n:
            best = items
    return best
