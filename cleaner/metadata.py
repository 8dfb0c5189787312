"""Document metadata: title, issuer, 文号, 索引号, dates, type, draft flag, region.

Each field has an order of trust: what the page states in its disclosure
table or <meta> tags, then what the document prints (the title line, the
文号 under it, the signature block), then what can be inferred.
"""

from __future__ import annotations

import re

from corpus.gazetteer import MUNICIPALITIES, _county_pattern, counties, find_places, locate
from corpus.model import Region

from .dates import is_date_line, parse_date
from .labels import DOC_TYPE_SUFFIXES, DRAFT_MARKS

BRACKETS_OPEN = "〔[［【(（"
BRACKETS_CLOSE = "〕]］】)）"
DOC_NUMBER = re.compile(
    rf"[\u4e00-\u9fa5]{{1,12}}[{re.escape(BRACKETS_OPEN)}]\s*(?:19|20)\d{{2}}\s*[{re.escape(BRACKETS_CLOSE)}]\s*第?\d{{1,4}}\s*号"
)
_ORG_SUFFIX = re.compile(
    r"(人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|科学技术局|科学技术厅|科技局|科技厅|局|厅|委|办|部|院|中心|政府|"
    r"管委会|管理委员会|协会|联合会|领导小组)$"
)
_TITLE_PREFIX_NOISE = re.compile(r"^(【[^】]{1,8}】|\(\d{4}\)|（\d{4}）)+")
# "_临沂市人民政府", " - 政策文件 - 临沂市科学技术局", "|中国政府网": a separator, then a name with no digits
# or brackets ("（2022-2025年）" ends many titles and is no site name)
_SITE_SUFFIX = re.compile(
    r"(?:\s*[_|｜]+\s*|\s+[—\-–]+\s*|\s*[—–]{1,2}\s*|(?<=[\u4e00-\u9fff）)》])-)[^_|｜—\-–\d（）()【】]{2,30}$"
)


def strip_site_suffix(title: str) -> str:
    """ "…的意见_临沂市人民政府" -> "…的意见"."""
    prev = None
    while prev != title:
        prev = title
        m = _SITE_SUFFIX.search(title)
        if m and len(title) - len(m.group(0)) >= 6:
            title = title[: m.start()]
    return title.strip()


# "广东省发展和改革委员会 - 广东省能源局…的通知": a CMS's page title puts the site's name first, then " - "
_SITE_PREFIX = re.compile(r"^[^_|｜—\-–\d（）()【】《》\s]{2,30}\s+[-—–]{1,2}\s+(?=\S.{7})")


def clean_title(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    title = _TITLE_PREFIX_NOISE.sub("", title).strip()
    title = _SITE_PREFIX.sub("", title)
    return title or None


def doc_type_of(title: str | None) -> str:
    """The type a title names; "关于印发…方案的通知" is the 方案 it carries, "关于转发…" a 通知."""
    if not title:
        return "其他"
    t = _strip_trailing_brackets(re.sub(r"\s+", "", title))
    # a 转发 notice forwards another body's document: it is the forwarding body's 通知
    m = re.search(r"(?:印发|发布|公布)(?:《)?(.+?)(?:》)?的(?:通知|公告|通告|决定|函)$", t)
    if m:
        carried = _type_by_suffix(_strip_trailing_brackets(m.group(1)))
        # (a 规则, 章程 or 守则 it hands out has no type of the vocabulary: the notice is that document, 其他)
        if carried != "其他" or _NO_TYPE_RULES.search(_strip_trailing_brackets(m.group(1))):
            return carried
    return _type_by_suffix(t)


_NO_TYPE_RULES = re.compile(r"(?:规则|章程|守则)$")
_TRAILING_BRACKETS = re.compile(r"[（(【\[][^（）()【】\[\]]*[）)】\]]$")


def _strip_trailing_brackets(t: str) -> str:
    """ "(征求意见稿)", "（2022-2025年）", "【修订】" at the end name no type."""
    for _ in range(3):
        t = _TRAILING_BRACKETS.sub("", t.strip())
    return t


def _type_by_suffix(t: str) -> str:
    for suffix, kind in DOC_TYPE_SUFFIXES:
        if t.endswith(suffix):
            return kind
    for suffix, kind in DOC_TYPE_SUFFIXES:
        if suffix in t[-8:]:
            return kind
    return "其他"


def doc_type_from_text(text: str) -> str:
    """Without a title, the text names the type: "……，制定本意见。", "现就……提出如下实施意见",
    a cover letter's "《……若干政策》……现印发给你们", the closing "本意见自……起施行"."""
    types = r"(实施意见|意见|规划|实施方案|方案|办法|细则|若干措施|措施|若干政策|政策|规定|决定|指南)"
    found = [
        re.search(rf"(?:制定|制订|印发|出台)本{types}|(?:提出|制定)(?:如下|以下){types}", text[:3000]),
        re.search(r"《([^《》]{4,80})》(?:已经[^。]{0,60}?)?[，,]?现(?:予)?(?:印发|发布)", text[:1500]),
        re.search(rf"本{types}(?:自|从|由)[^。]{{0,30}}(?:施行|实施|执行|解释)", text[-3000:]),
    ]
    for m in found:
        kind = doc_type_of(next(g for g in m.groups() if g)) if m else "其他"
        if kind != "其他":  # "制定本政策" names no type; the cover letter's 《……若干政策》 does
            return kind
    return "其他"


def is_draft(*texts: str | None) -> bool:
    return any(mark in (t or "") for t in texts for mark in DRAFT_MARKS)


def looks_like_title(line: str) -> bool:
    s = line.strip()
    if not (3 <= len(s) <= 130) or s.endswith(("。", "；", "：", ":")):
        return False
    if len(s) < 6 and not _SHORT_TITLE.search(s):
        return False  # "实施方案" alone is a heading; "信访条例" is a whole title
    bare = _strip_trailing_brackets(s)
    return doc_type_of(s) != "其他" or bool(_LAW_TITLE.search(bare) or _REPORT_TITLE.search(bare))


# Reports a body publishes under its own name: …国民经济和社会发展统计公报, …公报 (type 其他, still a title).
_REPORT_TITLE = re.compile(r"[\u4e00-\u9fff]{4}公报$")


# Titles of laws and of the rules of bodies: 中华人民共和国刑法, 民法典, 刑法修正案（十一）, …议事规则, …的决议.
# A line ending in 依法/方法/办法 is a sentence or another type, not a law's name.
_LAW_TITLE = re.compile(
    r"(?:[\u4e00-\u9fff](?<![方办依合违非做用说看想执司守立])法|法典|修正案|决议|规则|守则|章程|纲要)$"
)
_SHORT_TITLE = re.compile(
    r"(?:条例|(?<![方办依合违非做用说看想执司守])法|法典|章程)(?:[（(][^）)]{1,8}[）)])?$"
)


def issuer_from_title(title: str | None) -> str | None:
    """ "淄博市人民政府办公室关于…的意见" -> "淄博市人民政府办公室"."""
    if not title:
        return None
    m = re.match(r"^([^《》<>〈〉]{2,40}?)关于", title)  # "……贯彻《国务院关于……》" names another body
    if m and _ORG_SUFFIX.search(m.group(1).strip()):
        # "临沂市科学技术局 临沂市财政局关于…": a joint issue is filed under the body named first
        first = re.split(r"[\s、，,]+", m.group(1).strip())[0]
        return first if _ORG_SUFFIX.search(first) else m.group(1).strip()
    return None


def find_doc_number(lines: list[str]) -> str | None:
    for line in lines:
        m = DOC_NUMBER.search(line)
        if m and len(line) < 40:
            return re.sub(r"\s+", "", m.group(0))  # "穗残联规字〔2019〕2 号": the space is the layout's
    return None


def signature(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, signed date) from the closing "机关名称 / 2020年4月10日" block."""
    tail = [ln.strip() for ln in lines[-6:] if ln.strip()]
    for i in range(len(tail) - 1, -1, -1):
        if is_date_line(tail[i]):
            signed = parse_date(tail[i])
            org = tail[i - 1] if i > 0 else None
            if org and len(org) <= 40 and _ORG_SUFFIX.search(org.split()[-1]) and "。" not in org:
                return org.split()[-1], signed
            return None, signed
    return None, None


# Bodies of the central state: their documents have no province or city, whichever site carries them.
_NATIONAL = re.compile(
    r"^(?:中华人民共和国|国务院|全国人民代表大会|全国人大|中共中央|中央|最高人民(?:法院|检察院)|国家(?!级))"
    r"|^(?![市省县区州])[\u4e00-\u9fff]{1,12}部(?:办公厅)?$|^海关总署|^中国人民银行(?:办公厅)?$"
)


def is_national(issuer: str | None) -> bool:
    return bool(issuer) and bool(_NATIONAL.search(issuer or ""))


def region_of(issuer: str | None, title: str | None, text: str, hint: Region | None = None) -> Region:
    """Region from the issuer, then the title, then the site's own region, then the text."""
    for source in (issuer, title):
        found = locate(source or "")
        if found:
            prov, city, county = found
            return Region(
                province=prov, city=city, county=county or (city and _county_of_city(city, issuer, ""))
            )
    if is_national(issuer) or (title or "").startswith("中华人民共和国"):
        return Region()  # a national law or a ministry's document, wherever a site republished it
    if hint and not hint.is_empty():
        return hint
    places = find_places(text[:20000])
    cities = [p for p in places if p[1]]
    if cities:
        counts: dict[tuple[str, str], int] = {}
        for prov, city, _ in cities:
            counts[(prov, city)] = counts.get((prov, city), 0) + 1
        (prov, city), n = max(counts.items(), key=lambda kv: kv[1])
        if n >= 2:
            county = _county_of_city(city, issuer, text[:20000])
            return Region(
                province=prov,
                city=city if city not in MUNICIPALITIES or city == prov else city,
                county=county,
            )
    return Region()


def _county_of_city(city: str, issuer: str | None, text: str) -> str | None:
    """A county of ``city`` that the issuer names ("南沙区发改局": 南沙区 alone is also 三沙's), or that the
    text names again and again with no other county of that city (a 办事指南 of 南沙's offices)."""
    hits: dict[str, int] = {}
    for m in _county_pattern().finditer(text):
        name = m.group(1)
        if any(c == city for c, _ in counties().get(name, ())):
            hits[name] = hits.get(name, 0) + 1
    own = _county_pattern().search(issuer or "")
    if own and own.group(1) in hits or own and any(c == city for c, _ in counties().get(own.group(1), ())):
        return own.group(1)
    if issuer is None and len(hits) == 1 and text:
        name, n = next(iter(hits.items()))
        return name if n >= 3 else None
    return None
