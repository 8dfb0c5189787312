"""The lines above a document's body: news lead, title, 文号, date line, addressees.

Government pages print the same head in many ways: the title broken over two
or three lines (the issuer on the first), the 文号 in brackets under it, a
"时间：" line from the CMS, the addressees ("各区县人民政府，……：").  News
reposts put a lead paragraph first and the carried document after
"全文如下" or a second copy of its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.gazetteer import find_places

from .dates import parse_date
from .enactment import Record, is_enactment_line, read_enactment
from .metadata import find_doc_number, looks_like_title
from .outline import match_label
from .page import is_label, label_field
from .tail import is_org_line

_LEAD = re.compile(
    # a news lead may open with its byline: "本报讯（记者 王强）日前，…", "记者从市科技局获悉，近日，…"
    # or a news agency's dateline: "新华社北京1月7日电 近日，…"
    r"^(?:(?:本报讯|本网讯|讯)(?:[（(][^）)]{0,20}[）)])?\s*|[^，,。《》]{2,30}?获悉[，,]\s*"
    r"|[^，,。《》\s]{2,12}?\d{1,2}月\d{1,2}日电\s*)?"
    r"(?:近日|日前|近期|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月\d{1,2}日)?[，,]?"
    r"(?P<org>[^，,。《》]{2,30}?)(?:正式|联合|近日|日前|近期)?(?:印发|发布|出台|公布|制定|修订)了?《(?P<title>[^》]{4,90})》"
)
_FULL_TEXT = re.compile(
    r"((?:以下为|下附|附)?(?:文件|政策)?(?:全文|原文)(?:内容)?如下|(?:以下为|下附|附)(?:文件|政策)?(?:全文|原文))[：:↓]?"
)
_HEAD_META = re.compile(r"^(?:发布)?(?:时间|日期)\s*[:：]\s*(.+)$")
_ADDRESSEES = re.compile(r"^[^。]{2,200}[:：]$")
_LABELLED = re.compile(
    r"^(?:第[零〇一二三四五六七八九十百千\d]+[章节条]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
)
_OPENERS = ("根据", "为", "按照", "经", "现将", "近年来", "当前")


@dataclass(frozen=True)
class Repost:
    """A news article carrying a document."""

    issuer: str
    title: str
    body_start: int  # first line of the carried document
    lead_end: int  # lines[lead_start:lead_end] are the news lead (the summary)
    lead_start: int = 0


@dataclass
class Head:
    end: int
    title: str | None = None
    doc_number: str | None = None
    published: str | None = None
    enactment: Record | None = None  # a law's adoption/promulgation/amendment lines
    issuer: str | None = None  # the body whose 令 the head prints ("广东省人民政府令" / "（第290号）")
    # a byline under the title: the issuers' names, then the date in 年月日 on a line of its own
    # ("宜春市统计局 国家统计局宜春调查队" / "（2023年4月12日）"), as 公报 and reports are signed
    byline: str | None = None
    signed: str | None = None


def _key(s: str) -> str:
    return _SPACES.sub("", s)


_SPACES = re.compile(r"[\s\u3000]+")


def find_repost(lines: list[str]) -> Repost | None:
    for i, line in enumerate(lines[:8]):
        m = _LEAD.search(line)
        if not m or not looks_like_title(m.group("title")):
            continue
        # "深圳市科技创新局关于印发《……办法》的通知" is the notice's own title, not a news lead
        if "关于" in m.group("org") or re.search(r"的(?:通知|决定|公告|通告|批复|函)$", line):
            continue
        title = m.group("title")
        key = _key(title)
        for j in range(i + 1, min(len(lines), 80)):
            if _key(lines[j]) == key or (_key(lines[j]).startswith(key) and len(lines[j]) < len(title) + 12):
                return Repost(_first_org(m.group("org")), title, j + 1, j, i)
            if _FULL_TEXT.search(lines[j]) and len(lines[j]) < 200:
                # a line that only says "以下为文件全文：" is no part of the lead
                rest = _FULL_TEXT.sub("", lines[j])
                lead_end = j + 1 if len(re.findall(r"[\u4e00-\u9fff]", rest)) > 8 else j
                return Repost(_first_org(m.group("org")), title, j + 1, lead_end, i)
        return None
    return None


def _first_org(orgs: str) -> str:
    """ "省科技厅、省财政厅联合" -> "省科技厅": a joint issue is filed under the body that leads it."""
    return re.split(r"[、和与及]|会同|联合", orgs.strip())[0].strip()


def read_head(lines: list[str], start: int, known_title: str | None = None) -> Head:
    """Consume the lines above the body: title (maybe over 2-4 lines), 文号, date, addressees.

    Stops at the first line that is none of these: the body's opening
    sentence ("为……，制定本意见。") is never a title because it ends with 。.
    """
    head = Head(end=start)
    i = start
    red = False
    known = _key(known_title or "")
    while i < len(lines) and i < start + 14:
        line = lines[i]
        if head.title is None and head.doc_number is None and _PAGE_FURNITURE.search(line):
            i = head.end = i + 1  # "原文链接：https://…", "【法宝引证码】 CLI.12.4792728" above the title
            continue
        if (
            head.doc_number is None
            and (red or _is_red_header(lines, i))
            and is_org_line(re.sub(r"\s*文\s*件$", "", line) or "-")
        ):
            red = True  # "发展改革委办公厅" / "税务总局办公厅  文件": the red header of an official document
            i = head.end = i + 1
            continue
        order = _ORDER.fullmatch(line)
        number = _ORDER_NUMBER.fullmatch(lines[i + 1]) if order and i + 1 < len(lines) else None
        if order and number and is_org_line(order.group("org")):
            # a government order: "广东省人民政府令" / "（第290号）" is the 文号 and names the issuer
            head.doc_number = head.doc_number or f"{order.group('org')}令第{number.group(1)}号"
            head.issuer = head.issuer or order.group("org")
            i = head.end = i + 2
            continue
        whole = _ORDER_LINE.fullmatch(line)
        if whole and head.doc_number is None:
            # "（中华人民共和国主席令第 31 号）" under a law's title: the order that promulgated it
            head.doc_number = f"{whole.group('org')}第{whole.group('n')}号"
            org = whole.group("org")[:-1]
            if is_org_line(org):
                head.issuer = (
                    head.issuer or org
                )  # "（国家医疗保障局令第 5 号）"; a 主席令 names no issuing body
            i = head.end = i + 1
            continue
        if is_enactment_line(line) and (record := read_enactment(lines, i)):
            head.enactment = head.enactment or record
            head.published = head.published or record.published
            i = head.end = record.end
            continue
        if head.title and len(_key(line)) >= 8 and _key(head.title).endswith(_key(line)):
            # the title again, under the red header, after a CMS heading that printed it with its 文号
            # ("渝电大招〔2020〕7号--关于印发…的通知")
            i = head.end = i + 1
            continue
        if (
            head.title
            and head.byline is None
            and i + 1 < len(lines)
            and (signed := _byline(line, lines[i + 1]))
        ):
            head.byline = line.split()[0]
            head.signed = signed if signed != "month" else None
            i = head.end = i + 2
            continue
        used = _known_title_lines(lines, i, known) if known else 0
        title, used2 = (None, 0) if used else _title_at(lines, i)
        if not used and head.title is None and head.doc_number is None and _is_site_header(lines, i, known):
            i += 1  # the site's own name printed above the document ("南京市人民政府", "网站首页")
        elif used:
            head.title = head.title or known_title
            i += used
        elif (
            title
            and (head.doc_number is None or head.title is None)
            and not line.startswith(_OPENERS)
            # "第一章 一般规定" right under a law's adoption line opens its body, it is not a second title line
            and not (head.title and _LABELLED.match(line))
        ):
            head.title = head.title or title
            i += used2
        elif (m := _HEAD_META.match(line)) and parse_date(m.group(1)):
            head.published = head.published or parse_date(m.group(1))
            i += 1
        elif _BARE_DATE.fullmatch(line):
            # a bare date under (or, on a CMS info bar with its view counter, above) the title
            head.published = head.published or parse_date(line)
            i += 1
        elif _is_meta_line(line):
            i += 1  # the page's metadata printed as "文号：…" lines (read into the table already)
        elif len(line) < 40 and find_doc_number([line]):
            head.doc_number = head.doc_number or find_doc_number([line])
            i += 1
        elif label_field(line) and len(line) <= 12:
            i += 2  # a <dt>/<dd> or div-grid label with its value on the next line
        elif (
            _ADDRESSEES.match(line)
            and len(line) < 200
            and ("各" in line or "、" in line or "，" in line)
            # "为了惩治…，对刑法作如下补充修改：", "…作为第一百七十七条之一：“有下列情形之一的…：": a sentence
            # announcing what follows, or quoting, not the names it is sent to
            and not (line.startswith(_OPENERS) or "如下" in line or "“" in line)
            # "第一条 …按照以下规定处理：": a clause that opens the body with a list
            and not _LABELLED.match(line)
        ):
            i += 1
            head.end = i
            break
        else:
            break
        head.end = i
    return head


_BARE_DATE = re.compile(
    r"[（(]?(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[）)]?"
    r"(?:\s+(?:浏览|点击|阅读|访问)(?:次数|量)?\s*[:：]?\s*\d*\s*次?)?"  # "2020年08月21日 10:53 浏览： 次"
)
# the date of a byline: in 年月日 (a CMS prints its own dates in digits and dashes), maybe in brackets,
# maybe only the month ("（2023年5月）")
_BYLINE_DATE = re.compile(r"[（(]?((?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?)[）)]?")


def _byline(line: str, nxt: str) -> str | None:
    """The date of a byline (issuers' names over a date) as YYYY-MM-DD, "month" if it names no day, else None."""
    m = _BYLINE_DATE.fullmatch(nxt.strip())
    if not m or not is_org_line(line):
        return None
    return parse_date(m.group(1)) if m.group(1).endswith("日") else "month"


_ORDER = re.compile(r"(?P<org>[\u4e00-\u9fff]{2,30}?)\s*令")
_ORDER_LINE = re.compile(
    r"[（(]\s*(?P<org>[\u4e00-\u9fff]{2,30}?令)\s*第\s*(?P<n>\d{1,4}|[一二三四五六七八九十百零〇]{1,6})\s*号\s*[）)]"
)
_ORDER_NUMBER = re.compile(r"[（(]?\s*第\s*(\d{1,4})\s*号\s*[）)]?")


def _is_red_header(lines: list[str], i: int) -> bool:
    """ "发展改革委办公厅" / "税务总局办公厅文件": issuers' names, the last one ending in 文件."""
    for line in lines[i : i + 5]:
        m = re.fullmatch(r"(?P<orgs>.{2,80}?)\s*文\s*件", line.strip())
        if m and is_org_line(m.group("orgs")):
            return True
        if not is_org_line(line):
            return False
    return False


def _is_site_header(lines: list[str], i: int, known: str) -> bool:
    """A short name line (the site or its owner) with the document's title right under it.

    Text captures keep the page header: "苏州市人民政府" then the title, which
    may itself start with the same name.  A title broken after its issuer
    ("青岛市人民政府" / "关于印发……的通知") goes on with 关于, not with a
    title of its own.
    """
    line = lines[i]
    if len(line) > 40 or _SENTENCE_MARKS.search(line) or looks_like_title(line) or _TITLE_HEAD.search(line):
        return False
    if find_doc_number([line]):
        return False  # a 文号 above the title (red-header documents print it there) is the document's
    org = is_org_line(line) and "|" not in line  # may be the first line of its own title
    if (org or _SITE_NAME.search(line)) and len(line) <= 24:
        for j in range(i + 1, min(len(lines), i + 3)):
            nxt = lines[j]
            if known and _known_title_lines(lines, j, known):
                return True
            if _self_contained_title(nxt):
                return True
            # the title repeats the header's name and runs over several lines ("广州市科学技术局关于印发……" / "……的通知")
            if nxt.startswith(line) and _title_at(lines, j)[0]:
                return True
    # any other furniture of the page ("首页 | 机构概况 | 政务公开", "站内搜索", "无障碍 | 长者模式")
    # above a title that names its own issuer, with nothing but furniture in between
    for j in range(i + 1, min(len(lines), i + 6)):
        nxt = lines[j]
        if (known and _known_title_lines(lines, j, known)) or _self_contained_title(nxt):
            return True
        # "关于……的意见" under a name line is that name's title ("青岛市人民政府" / "关于印发……")
        if not org and nxt.startswith("关于") and looks_like_title(nxt):
            return True
        # a menu of short words ("首页" / "法律法规" / "司法解释") over a law's or a document's title
        if not org and len(line) <= 8 and not re.search(r"\d", line) and looks_like_title(nxt):
            return True
        if len(nxt) > 40 or _SENTENCE_MARKS.search(nxt):
            return False
    return False


# A link or a database's citation code printed above a capture's title: the capture's, not the document's.
_PAGE_FURNITURE = re.compile(
    r"^\S{0,10}\s*(?:https?://|www\.)\S+$|^[【\[]?[\u4e00-\u9fff]{2,8}[】\]]?\s*[:：]?\s*[A-Za-z][A-Za-z0-9._\-/]{3,}$"
)
_SENTENCE_MARKS = re.compile(r"[。，,；;：:！？《》]")
# the first line of a title broken in two: "深圳市科技创新局关于印发" / "深圳市……办法的通知"
_TITLE_HEAD = re.compile(r"关于|(?:印发|转发|公布|发布)$")
_SITE_NAME = re.compile(r"(?:网|网站|门户|首页|政务公开|信息公开|日报|晚报)$")


def _self_contained_title(line: str) -> bool:
    """A whole title on one line, naming its own place or issuer ("南京市人民政府办公厅关于……的通知")."""
    if not looks_like_title(line) or line.startswith("关于"):
        return False
    return bool(find_places(line[:4])) or bool(re.match(r"^.{2,30}?(?:关于|印发)", line))


def _is_meta_line(line: str) -> bool:
    """ "索引号：…", "发布机构：…": metadata a CMS printed above the text."""
    m = re.match(r"^([^:：]{1,8})\s*[:：]", line)
    return bool(m) and is_label(m.group(1)) and len(line) < 200


def _known_title_lines(lines: list[str], i: int, known: str) -> int:
    """How many lines from i spell the known title (printed over up to four lines), or 0."""
    joined = ""
    for k in range(4):
        if i + k >= len(lines):
            return 0
        joined += _key(lines[i + k])
        if joined == known or _strip_brackets(joined) == _strip_brackets(known):
            return k + 1
        if not known.startswith(joined):
            return 0
    return 0


def _strip_brackets(s: str) -> str:
    return re.sub(r"[（(][^（）()]*[）)]", "", s)


def _title_at(lines: list[str], i: int) -> tuple[str | None, int]:
    """A title starting at line i, possibly broken over up to four short lines; the longest reading wins.

    "青岛市人民政府 / 关于印发……实施方案 / （2022-2025年）的通知": stopping at the
    first line that reads like a title would cut the 通知 off.
    """
    if (
        _is_meta_line(lines[i])
        or (len(lines[i]) < 40 and find_doc_number([lines[i]]))
        or is_enactment_line(lines[i])
    ):
        return None, 0
    best: tuple[str | None, int] = (lines[i], 1) if looks_like_title(lines[i]) else (None, 0)
    joined = lines[i]
    for k in range(1, 4):
        prev = lines[i + k - 1]
        if i + k >= len(lines) or len(prev) > 40 or prev.endswith(("。", "；", "：", ":")):
            break
        nxt = lines[i + k]
        if _key(nxt) == _key(joined):
            break  # the title printed twice (a capture's header, then the document's own)
        if (
            k == 1
            and not looks_like_title(lines[i])
            and not _TITLE_HEAD.search(lines[i])
            and (
                _self_contained_title(nxt)
                or nxt.startswith(lines[i])
                or _SITE_NAME.search(lines[i])  # a site's name is never a title's first line
                or "|" in lines[i]
            )
        ):
            break  # "网站首页" / "湖北省科学技术厅" over a title of its own: a header, not its first line
        if (
            len(nxt) > 40
            or match_label(nxt)  # "一、总体要求" opens the body, however short
            or _ORDER_LINE.fullmatch(nxt)  # "（国家医疗保障局令第 5 号）" under the title is its 文号
            or find_doc_number([nxt])
            or nxt.endswith(("。", "；", "：", ":"))
            or _is_meta_line(nxt)
            or is_enactment_line(nxt)  # "（2015年9月25日……通过）" under a title is its history
        ):
            break
        joined += nxt
        if looks_like_title(joined) and ("关于" in joined[:40] or best[0] is not None or k == 1):
            best = (joined, k + 1)
    return best
