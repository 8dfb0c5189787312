"""When a document takes effect and when it lapses, read from its own words.

Local policies state validity in a handful of set phrases, usually in the
last article: "本意见自2021年3月1日起施行，有效期3年", "自印发之日起实施",
"有效期至2025年12月31日", "试行两年", "有效期延长至…".  The phrases are
data (the tables below); ``find_validity`` walks the sentences of the body
and returns the dates with the sentence they came from.

Sentences about another document ("《…》自2019年1月1日起施行") are not
about this one: a match preceded by a 《title》 and no 本 is skipped.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from corpus.model import Document

from .numerals import cn_to_int, digit_string

# Full-width digits are common in Word-exported pages ("２０２１年"); matching
# runs on a copy with ASCII digits (same length, so spans map back).
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

_NUM = r"[0-9〇○零一二两三四五六七八九十]"
# A date as printed: 2021年3月1日, 2021年3月 (month only), 二〇二一年三月一日, 2021-03-01.
DATE = (
    rf"(?:{_NUM}{{4}}年{_NUM}{{1,3}}月(?:{_NUM}{{1,3}}[日号])?"
    r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
    rf"|{_NUM}{{4}}年(?:底|末|年底|年末))"
)
# The acts whose date counts as "印发之日": which date field stands for each.
_ISSUE_ACTS = {
    "印发": "signed",
    "签发": "signed",
    "下发": "signed",
    "发文": "signed",
    "印发实施": "signed",
    "发布": "published",
    "公布": "published",
    "颁布": "published",
    "公开发布": "published",
    "出台": "published",
}
_ACTS = "|".join(sorted(_ISSUE_ACTS, key=len, reverse=True))
_TAKE_EFFECT = r"(?:正式|开始)?(?:施行|执行|实施|生效|试行)"

EFFECTIVE_PATTERNS = [
    # 自2021年3月1日起施行 / 从2021年3月1日起执行 / 2021年3月1日起实施
    re.compile(rf"(?:自|从|于)?(?P<date>{DATE})(?:起|开始)(?:正式)?{_TAKE_EFFECT}"),
    # 自印发之日起施行 / 自发布之日起30日后施行 / 自公布之日起实施
    re.compile(
        rf"(?:自|从)(?:本[\u4e00-\u9fa5]{{0,6}}?)?(?P<act>{_ACTS})之日起(?:(?P<days>\d{{1,3}}|{_NUM}{{1,3}})日后)?{_TAKE_EFFECT}"
    ),
    # 有效期自2021年1月1日起 / 有效期为2021年1月1日至2023年12月31日
    re.compile(rf"有效期(?:限)?(?:为|是|：|:)?(?:自|从)?(?P<date>{DATE})(?:起|开始|至|到|—|-|~|－)"),
]
# Explicit end dates.
EXPIRES_PATTERNS = [
    # 有效期延长至2025年12月31日 (an extension wins over the original end)
    re.compile(rf"有效期(?:限)?(?:延长|延续|顺延)(?:至|到)(?P<date>{DATE})"),
    re.compile(rf"有效期(?:限)?(?:为|是|：|:)?(?:自|从)?(?:{DATE})(?:起)?(?:至|到|—|-|~|－)(?P<date>{DATE})"),
    re.compile(rf"有效期(?:限)?(?:为|是|：|:)?(?:截至|截止到|截止|至|到)(?P<date>{DATE})"),
    re.compile(rf"(?:执行|实施|试行)(?:期限?)?(?:至|到|截至|截止)(?P<date>{DATE})(?:止)?"),
    re.compile(
        rf"(?:执行|实施|试行)期限?为(?:{DATE}|{_NUM}{{4}}年)(?:至|到|—|-|~|－)(?P<date>{DATE}|{_NUM}{{4}}年)"
    ),
]
# A period counted from the effective date: 有效期3年 / 有效期为五年 / 试行两年 / 试行期2年.
PERIOD_PATTERN = re.compile(
    rf"(?:有效期(?:限)?|试行期(?:限)?|试行|执行期(?:限)?|实施期(?:限)?)(?:为|是|：|:)?(?P<n>\d{{1,2}}|{_NUM}{{1,3}})(?:个)?(?P<unit>年|月)"
)
# A period with its own start date: 有效期3年，自2022年1月1日起计算.
PERIOD_START = re.compile(rf"(?:自|从)(?P<date>{DATE})(?:起)?(?:计算|起算|算起)")

# The clause label in front of the closing article ("第五条 ", "六、") is not part of what it says.
_LABEL = re.compile(
    r"^(?:第[一二三四五六七八九十百千零〇\d]+条|[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*"
)
_SENTENCE = re.compile(r"[^。；;！\n]+[。；;！]?")
# Every pattern above needs one of these words: sentences without them are skipped unread.
_TRIGGER = re.compile(r"施行|执行|实施|生效|试行|有效期")
_OTHER_DOC = re.compile(r"》[^本]*$")
# "有效期" of the document itself opens a sentence or a comma clause, or follows
# 本意见/本办法; "认定有效期为三年" and "证书有效期至…" belong to something else.
_OWN_SUBJECT = re.compile(
    r"(?:^|[，,：:（(]|本[\u4e00-\u9fa5]{0,4}?"
    r"(?:意见|办法|通知|方案|规划|细则|措施|规定|决定|政策|文件|条例|指南|计划|公告|规则|标准)(?:的)?)\s*$"
)


@dataclass(frozen=True)
class Validity:
    """The dates a document gives for itself and the sentence(s) that say so."""

    effective: str | None = None
    expires: str | None = None
    text: str | None = None


def find_validity(text: str, *, signed: str | None = None, published: str | None = None) -> Validity:
    """Effective and expiry dates (YYYY-MM-DD) from the body text.

    ``signed`` and ``published`` stand in for "印发之日" / "发布之日": an act
    of issuing prefers the signed date, an act of publishing the published
    date, and either falls back to the other when the page prints only one.
    """
    effective = expires = None
    period: tuple[int, str] | None = None
    period_start: str | None = None
    used: list[str] = []
    extended = False
    for sentence in _sentences(text):
        plain = sentence.translate(_DIGITS)
        hit = False
        for pattern in EFFECTIVE_PATTERNS:
            for m in pattern.finditer(plain):
                if _about_other_document(plain, m.start()):
                    continue
                value = _effective_from(m, signed, published)
                if value:
                    # The last statement in the text is the document's own closing article.
                    effective = value
                    hit = True
                    break
            if hit:
                break
        for pattern in EXPIRES_PATTERNS:
            m = pattern.search(plain)
            if m and _own_statement(plain, m.start()):
                value = _date_of(m.group("date"), end=True)
                if value:
                    is_extension = pattern is EXPIRES_PATTERNS[0]
                    if is_extension or not extended:
                        expires = value
                        extended = extended or is_extension
                    hit = True
                    break
        m = PERIOD_PATTERN.search(plain)
        if m and _own_statement(plain, m.start()):
            n = cn_to_int(m.group("n"))
            if n:
                period = (n, m.group("unit"))
                start = PERIOD_START.search(plain, m.end()) or PERIOD_START.search(plain)
                if start:
                    period_start = _date_of(start.group("date"))
                hit = True
        if hit:
            said = _LABEL.sub("", sentence.strip())
            if said not in used:
                used.append(said)
    if period and not expires:
        base = period_start or effective or _issue_date("印发", signed, published)
        if base:
            expires = _add_period(base, *period)
            effective = effective or base
    return Validity(effective=effective, expires=expires, text="".join(used) or None)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.findall(text) if _TRIGGER.search(s)]


def _about_other_document(sentence: str, start: int) -> bool:
    """True when the phrase at ``start`` follows a cited 《title》 with no 本 in between."""
    return bool(_OTHER_DOC.search(sentence[:start]))


def _own_statement(sentence: str, start: int) -> bool:
    before = sentence[:start]
    if _about_other_document(sentence, start) or not _OWN_SUBJECT.search(before):
        return False
    # "港澳同胞回乡证由持证人保存，有效期十年": after a comma the period is the sentence subject's,
    # and a certificate, licence or filing named there is not the document
    head = re.split(r"[，,]", _LABEL.sub("", before.strip()), maxsplit=1)[0]
    return not (before.rstrip().endswith(("，", ",")) and not head.startswith("本") and _THING.search(head))


# What else has a 有效期 of its own in an article: certificates, licences, filings, qualifications.
_THING = re.compile(r"证|许可|执照|牌照|备案|资格|认定|登记|批准文件|批件|卡")


def _effective_from(m: re.Match[str], signed: str | None, published: str | None) -> str | None:
    groups = m.groupdict()
    if groups.get("date"):
        return _date_of(groups["date"])
    base = _issue_date(groups["act"], signed, published)
    if base and groups.get("days"):
        days = cn_to_int(groups["days"])
        if days:
            base = (date.fromisoformat(base) + timedelta(days=days)).isoformat()
    return base


def _issue_date(act: str, signed: str | None, published: str | None) -> str | None:
    if _ISSUE_ACTS.get(act, "signed") == "signed":
        return signed or published
    return published or signed


def _date_of(s: str, *, end: bool = False) -> str | None:
    """A printed date to ISO; a month alone means its first day (its last when ``end``)."""
    m = re.fullmatch(r"((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})", s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(rf"({_NUM}{{4}})年(?:底|末|年底|年末)?", s)
    if m:
        y = digit_string(m.group(1))
        return _iso(y, 12, 31) if y and end else (_iso(y, 1, 1) if y else None)
    m = re.fullmatch(rf"({_NUM}{{4}})年({_NUM}{{1,3}})月(?:({_NUM}{{1,3}})[日号])?", s)
    if not m:
        return None
    y, mo = digit_string(m.group(1)), cn_to_int(m.group(2))
    if not y or not mo or not 1 <= mo <= 12:
        return None
    if m.group(3):
        return _iso(y, mo, cn_to_int(m.group(3)) or 0)
    return _iso(y, mo, calendar.monthrange(y, mo)[1] if end else 1)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _add_period(start: str, n: int, unit: str) -> str:
    """The last day of a period of n years (or months) that begins on ``start``.

    "自2021年3月1日起施行，有效期3年" runs through 2024-02-29: a period
    ends the day before its anniversary.
    """
    d = date.fromisoformat(start)
    months = n * 12 if unit == "年" else n
    y, m = divmod(d.month - 1 + months, 12)
    y, m = d.year + y, m + 1
    day = min(d.day, calendar.monthrange(y, m)[1])
    return (date(y, m, day) - timedelta(days=1)).isoformat()


def annotate(doc: Document) -> Document:
    """Fill a cleaned document's validity and reference fields from its own text.

    This is the one hook ``cleaner.pipeline._build`` calls; it reads only the body
    (never the news lead of a repost, which talks about the document).
    """
    from .citations import find_citations, find_repeals, merge_references

    text = doc.body_text
    validity = find_validity(text, signed=doc.signed, published=doc.published)
    doc.effective, doc.expires, doc.validity_text = validity.effective, validity.expires, validity.text
    doc.repeals = find_repeals(text, own_number=doc.doc_number, own_title=doc.title)
    # A repealed document is also one the text names (and the repeal list often has the fuller title).
    doc.cites = merge_references(
        find_citations(text, own_number=doc.doc_number, own_title=doc.title) + doc.repeals
    )
    return doc
