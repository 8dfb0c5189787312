"""A clause's label: the kinds of numbering Chinese official documents use, and the value of each.

第X编 > 第X分编 > 第X部分 > 第X章 > 第X节 > 第X条 are ranked (a code such as 民法典 or 刑法 is
divided into 编, 民法典's 编 into 分编, and chapters start again at 第一章 in each); 一、 / （一） /
1. / （1） / 1） / ① nest in the order a document first uses them (``cleaner/outline.py``).
An article added by an amendment between two others is 第X条之一 (之二 …): its label is the
whole of it, its value X's.
"""

from __future__ import annotations

import re

from .numerals import cn_to_int

CN_DIGITS = "零〇一二三四五六七八九十百千"
_CN = f"[{CN_DIGITS}]+"
# kind -> regex for a label at the start of a segment
LABEL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 第一部分 总体要求: plans and programmes put their 一、 items under parts
    # ("项目申报书分为三部分。第一部分为项目实施方案": a part named inside a sentence opens nothing)
    # 第二编 物权 / 第一分编 通则: set apart from their names as headings are (第二编规定的… cites one)
    ("volume", re.compile(rf"^第(?:{_CN}|\d+)编(?=[\s\u3000]|$)")),
    ("subvolume", re.compile(rf"^第(?:{_CN}|\d+)分编(?=[\s\u3000]|$)")),
    ("part", re.compile(rf"^第(?:{_CN}|\d+)部分(?!\s*(?:为|是|包括|主要|应当?|由|即|共|指))")),
    ("chapter", re.compile(rf"^第(?:{_CN}|\d+)章")),
    ("section", re.compile(rf"^第(?:{_CN}|\d+)节")),
    # 第十七条之一 (an article an amendment put after 第十七条); 笫 is 第 mistyped, as printed in some texts
    ("article", re.compile(rf"^[第笫](?:{_CN}|\d+)条(?:之[一二三四五六七八九十]{{1,3}})?")),
    ("cn", re.compile(r"^[一二三四五六七八九十百]{1,4}[、．.﹒](?![\d])")),
    ("paren_cn", re.compile(r"^[（(][一二三四五六七八九十百]{1,4}[）)]")),
    # "1.5亿元" is a number, "1.2022年底前……" is item 1 about a year
    ("arabic", re.compile(r"^\d{1,2}(?:[、．﹒]|\.(?!\d)|\.(?=(?:19|20)\d{2}年))(?![%％])")),
    ("paren_arabic", re.compile(r"^[（(]\d{1,2}[）)](?![\d])")),
    ("arabic_close", re.compile(r"^\d{1,2}[）)](?![\d%％])")),
    ("circled", re.compile(r"^[①-⑳]")),
]
# patterns compiled once (label_value runs for every label)
_NOT_NUMERAL = re.compile(r"部分|分编|之[一二三四五六七八九十]+$|[第笫编章节条、．.﹒（）()\s]")
_LISTED_NUMERALS = re.compile(r"^[二三四五六七八九十]{1,2}(?:[、类级等档批期产]|$)")
RANK = {"volume": -3, "subvolume": -2, "part": -1, "chapter": 0, "section": 1, "article": 2}
# "3 个月", "5 万元": a number and its unit, not a label ("1.年度销售额…" is item 1 about a year's sales)
# ("1.个人消费者…", "2.个体工商户…": 个人 and 个体 are words, not the classifier)
# ("1.年龄在…", "① 年龄在18—40周岁": 年龄 is a word too; a circled label is never a figure)
UNIT_AFTER = re.compile(r"^\s*(?:[%％万亿元月日]|个(?![人体])|年(?![度龄]))")


def label_value(label: str) -> int | None:
    if label and "①" <= label[0] <= "⑳":
        return ord(label[0]) - ord("①") + 1
    core = _NOT_NUMERAL.sub("", label)
    return cn_to_int(core) if core else None


# LABEL_PATTERNS as one alternation of named groups in their order (the first that matches wins, as in the
# loop): one call, not ten; used while the patterns have no groups or flags of their own
_ANY_LABEL = re.compile("|".join(f"(?P<{kind}>{p.pattern})" for kind, p in LABEL_PATTERNS))
_ONE_PASS = all(p.groups == 0 and p.flags == re.UNICODE for _, p in LABEL_PATTERNS)


def match_label(text: str) -> tuple[str, str] | None:
    if _ONE_PASS:
        m = _ANY_LABEL.match(text)
        return (m.lastgroup, m.group(0)) if m else None
    return next(((kind, m.group(0)) for kind, p in LABEL_PATTERNS if (m := p.match(text))), None)


def is_enumeration(kind: str, rest: str) -> bool:
    """ "一、二类医疗器械", "一、二、三产业": numerals listed in a sentence (or a wrapped table cell), not item 一、."""
    return kind == "cn" and bool(_LISTED_NUMERALS.match(rest))
