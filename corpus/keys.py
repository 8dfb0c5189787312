"""How a document is named, and the keys that match a name to a document.

A 文号 is printed in many ways (鲁政发〔2018〕5号, 鲁政发[2018]5号,
鲁政发（２０１８）第5号) and a title too (《…》, the 关于印发…的通知
wrapper, a year range in brackets, the draft mark).  Every comparison goes
through the keys below, so one rule decides what "the same document" means
for the cleaner, the store, the reasoning over documents and the index.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

DRAFT_MARKS = (
    "征求意见稿",
    "意见征求稿",
    "意见征集稿",
    "公开征求意见稿",
    "草案",
    "送审稿",
    "讨论稿",
    "修订稿",
)

_OPEN = "〔[［【(（〈<｛{"
_CLOSE = "〕]］】)）〉>｝}"
_NUMBER_PARTS = re.compile(
    rf"^(?P<prefix>[\u4e00-\u9fa5A-Za-z]{{1,20}}?)\s*[{re.escape(_OPEN)}]?\s*(?P<year>(?:19|20)\d{{2}})\s*(?:年)?\s*[{re.escape(_CLOSE)}]?\s*第?\s*0*(?P<n>\d{{1,5}})\s*号$"
)
_DECREE_PARTS = re.compile(r"^(?P<prefix>[\u4e00-\u9fa5]{1,20}?令)\s*第?\s*0*(?P<n>\d{1,5})\s*号$")
_DECREE_SUFFIX = re.compile(r"^(?P<prefix>[\u4e00-\u9fa5]{1,20}?)第\s*0*(?P<n>\d{1,5})\s*号令$")
_YEAR_SUFFIX = re.compile(
    r"[(（]\s*(?:(?:19|20)\d{2}\s*(?:年)?\s*(?:[-—–~～至到、]+\s*(?:19|20)?\d{2,4}\s*年?)?(?:版|年度)?)\s*[)）]"
)
_DRAFT_SUFFIX = re.compile(r"[(（【\[]\s*(?:" + "|".join(DRAFT_MARKS) + r")\s*[)）】\]]")
_WRAPPER = re.compile(r"^(?:.{0,40}?)(?:关于)?(?:印发|颁布|发布|公布)(?P<inner>.+?)的(?:通知|决定|公告)$")
_PUNCT = re.compile(r"[^\w]|_")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=65536)
def number_key(doc_number: str | None) -> str | None:
    """A 文号 in one canonical form: 鲁政发〔2018〕5号, 江西省人民政府令161号.

    Bracket forms, full-width digits, 第 and leading zeros never make two
    numbers differ.
    """
    if not doc_number:
        return None
    s = re.sub(r"\s+", "", nfkc(doc_number)).strip("()（）[]")
    m = _NUMBER_PARTS.match(s)
    if m:
        return f"{m.group('prefix')}〔{m.group('year')}〕{int(m.group('n'))}号"
    m = _DECREE_PARTS.match(s) or _DECREE_SUFFIX.match(s)
    if m:
        prefix = m.group("prefix")
        return f"{prefix if prefix.endswith('令') else prefix + '令'}{int(m.group('n'))}号"
    return s or None


def strip_draft_mark(title: str) -> str:
    """ "…规划(征求意见稿)" -> "…规划"; a draft mark anywhere else is dropped too."""
    t = _DRAFT_SUFFIX.sub("", title)
    for mark in DRAFT_MARKS:
        t = t.replace(mark, "")
    return t.strip()


def core_title(title: str | None) -> str | None:
    """The title of what a document carries, without its wrappers.

    "临沂市人民政府关于印发《临沂市X办法（2021-2025年）》的通知" and
    "《X办法》" both become "临沂市X办法"; the 关于 and issuer in front
    of a plain title are dropped ("淄博市人民政府办公室关于加强…的意见" ->
    "加强…的意见") because other sites print the title without them.
    """
    if not title:
        return None
    t = re.sub(r"\s+", "", nfkc(title))
    t = strip_draft_mark(t)
    m = _WRAPPER.match(t)
    if m and len(m.group("inner")) >= 4:
        t = m.group("inner")
    t = t.strip('《》<>"“”「」『』')
    t = re.sub(r"^《(.+)》$", r"\1", t)
    t = t.replace("《", "").replace("》", "")
    t = _YEAR_SUFFIX.sub("", t)
    m = re.match(r"^.{0,30}?关于(?=.{4})", t)
    if m:
        t = t[m.end() :]
    return t.strip() or None


@lru_cache(maxsize=65536)
def title_key(title: str | None) -> str | None:
    """``core_title`` without punctuation, quotes or 的: the exact-match key of a title."""
    core = core_title(title)
    if not core:
        return None
    key = _PUNCT.sub("", core).replace("的", "")
    return key or None


@lru_cache(maxsize=65536)
def title_similarity(a: str | None, b: str | None, need: float = 0.0) -> float:
    """0..1, how alike two titles are once normalised (small wording changes stay high).

    Below ``need`` the answer is 0.0: two upper bounds of difflib's ratio
    (the lengths, then the characters the titles share) rule out most pairs
    of a province's titles before the costly alignment, which made matching
    250 drafts against 1,750 finals five times faster.
    """
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    size = len(ka) + len(kb)
    if 2 * min(len(ka), len(kb)) / size < need:
        return 0.0
    if 2 * sum((_chars(ka) & _chars(kb)).values()) / size < need:
        return 0.0
    from difflib import SequenceMatcher

    return SequenceMatcher(None, ka, kb, autojunk=False).ratio()


@lru_cache(maxsize=65536)
def _chars(key: str) -> Counter:
    return Counter(key)
