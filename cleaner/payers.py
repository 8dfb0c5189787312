"""Who pays a grant, when the sentence says so: 省级给予, 市财政一次性奖励, 由属地政府给予, 区给予配套.

A level named as the rank of a platform, a project or an award (国家级、省级、市级分别
给予…, 对国家级的给予…, 省级支持金额的50%) is not a payer: the payer stands right
before the verb that gives the money, outside an enumeration.  The level holds
for the amounts after it, to the end of its sentence.
"""

from __future__ import annotations

import re

_LEVELS = {
    "中央": "national",
    "国家": "national",
    "省": "province",
    "市": "city",
    "区": "county",
    "县": "county",
}
_PAYER = re.compile(
    r"(?<![、\u4e00-\u9fff])(?:由)?(?P<who>中央|国家|省|市|区|县)"
    r"(?P<what>级|财政|政府|级财政|级政府|本级|级[\u4e00-\u9fff]{0,6}资金|[\u4e00-\u9fff]{0,6}资金)?"
    r"(?![、])\s*(?:一次性|分别|再|另行|均){0,2}\s*(?:给予|按照?|奖励|补助|奖补|配套|予以|安排)"
    r"|(?P<local>由?属地(?:政府|财政))\s*(?:一次性|分别|再){0,2}\s*(?:给予|按照?|奖励|补助|奖补|配套|予以)"
)
_AFTER_HAN = re.compile(
    r"(?P<who>省|市)(?P<what>级|财政|级[\u4e00-\u9fff]{0,6}资金)(?![、])\s*(?:一次性|分别|再|均){0,2}\s*(?:给予|按照?|奖补|配套|予以)"
)
# "在市级财政预算的招商资金中给予奖补", "从省级财政专项资金中安排": the budget a grant is paid from
_FUND = re.compile(
    r"(?:在|从)(?P<who>中央|国家|省|市|区|县)(?:级|本级)?财政[\u4e00-\u9fff]{0,14}?中\s*"
    r"(?:一次性|分别|再)?\s*(?:给予|安排|予以|列支)"
)
# "按设备投资的5%，市级工业发展资金给予…": the share printed just before its payer is paid by it
_SHARE_BEFORE = re.compile(r"按照?[^，。；,;]*[%％][^，。；,;]{0,4}[，,]\s*$")
_SENTENCE_END = re.compile(r"[。；;!\n！？?]")


def payer_levels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, level): from each payer to the end of its sentence."""
    found: list[tuple[int, str]] = []
    for m in _PAYER.finditer(text):
        if m.group("local"):
            found.append((m.start(), "county"))
        elif m.group("who") in ("区", "县") and m.group("what") is None and not _opens_part(text, m.start()):
            continue  # "园区给予" / "县区按" are not the district paying
        else:
            found.append((m.start(), _LEVELS[m.group("who")]))
    # "…工业互联网平台省级给予奖补": a level word right after a noun, with 级/财政 to say it pays
    for m in _AFTER_HAN.finditer(text):
        if (
            m.start() > 0
            and "\u4e00" <= text[m.start() - 1] <= "\u9fff"
            and text[m.start() - 1] not in "、的"
        ):
            found.append((m.start(), _LEVELS[m.group("who")]))
    for m in _FUND.finditer(text):
        found.append((m.start(), _LEVELS[m.group("who")]))
    spans = []
    for start, level in sorted(set(found)):
        share = _SHARE_BEFORE.search(text, _sentence_start(text, start), start)
        if share:
            start = share.start()
        stop = _SENTENCE_END.search(text, start)
        spans.append((start, stop.start() if stop else len(text), level))
    return spans


def _sentence_start(text: str, at: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    return ends[-1] if ends else 0


def _opens_part(text: str, at: int) -> bool:
    """The payer word opens its phrase: start of text or right after punctuation (，区给予配套奖励)."""
    return at == 0 or text[at - 1] in "，。；,;：:（( " or text[at - 1 : at + 1] == "由区"
