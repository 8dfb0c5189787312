"""A notice's cover letter: who signed it and when, what it carries, the 文号 printed with or before the title.

A 印发 notice signs its cover letter above the document it carries; a
capture run on into one line keeps that signature inline, glued to the
carried title.  These read it whatever the layout, so the pipeline can
file the document under its signer.
"""

from __future__ import annotations

import re

from .dates import is_date_line, parse_date
from .metadata import (
    DOC_NUMBER,
    looks_like_title,
)
from .outline import match_label
from .tail import is_closing_line, is_org_line


def _signature_ends(body: list[str]) -> list[int]:
    """Indexes just past each signature block inside the body (issuing body's line, then a date line).

    A signature ends a document: what follows is the document a 印发 notice
    carries, or the content of its 附件 (a task table, a list), whose
    numbering starts afresh.
    """
    return [
        i + 1
        for i in range(1, len(body) - 1)
        if len(body[i]) <= 20 and is_date_line(body[i]) and is_org_line(body[i - 1])
    ]


def _number_after_title(title: str | None) -> str | None:
    """ "…意见的函（闽监能函〔2018〕148 号）": a title printed with its own 文号 in brackets at its end."""
    m = re.search(r"[（(]\s*([^（）()]{4,30})\s*[）)]$", title or "")
    found = m and DOC_NUMBER.fullmatch(m.group(1).strip())
    return re.sub(r"\s+", "", found.group(0)) if found else None


def _number_over_addressee(lines: list[str]) -> str | None:
    """A 文号 on a line of its own right above the addressee ("内能源新能发〔2026〕1号" / "各盟市能源局…："): the
    document's own, wherever the page's furniture (发布日期, 来源, 朗读) put the title above it."""
    for i, line in enumerate(lines[:-1]):
        core = re.sub(r"\s+", "", line)
        if len(core) <= 30 and DOC_NUMBER.fullmatch(core) and re.search(r"[:：]$", lines[i + 1].strip()):
            return core
    # "…QQ空间 闽岚环罚〔2022〕4号福建顺融水产养殖有限公司：": a 决定书 prints its number glued to the party it is
    # addressed to, where a run-on capture lost the line break between them
    for line in lines:
        for m in DOC_NUMBER.finditer(line, 0, 800):
            # (set apart from what comes before it, as a header's line is; a 文号 a sentence cites runs on into
            # 文件/要求/规定…, never into a party's name)
            if line[max(0, m.start() - 1) : m.start()] in ("", " ", "\u3000") and _ADDRESSEE.match(
                line, m.end()
            ):
                return re.sub(r"\s+", "", m.group(0))
    return None


_ADDRESSEE = re.compile(
    r"(?![^：:]{0,40}(?:文件|要求|规定|精神|通知|意见|办法|决定|批复))[\u4e00-\u9fff（）()]{2,40}[:：]"
)


def _number_by_title(lines: list[str], title: str | None) -> str | None:
    """A 文号 printed right before the title in a capture run on into one line.

    "…QQ空间 岚综管综〔2015〕130号平潭综合实验区管委会关于印发《…》的通知区直各单位，…":
    the red header's 文号 sits over the title; with the line breaks gone it is
    glued to it (the title may open with its issuer's name).
    """
    core = re.sub(r"\s+", "", title or "")[:20]
    if len(core) < 8:
        return None
    for line in lines:
        if len(line) < 200 or line.find("号", 0, 600) < 0:
            continue  # (a 文号 ends in 号: without one in the first 600 characters, no scan)
        for m in DOC_NUMBER.finditer(line, 0, 600):
            if line[max(0, m.start() - 1) : m.start()] in ("（", "(", "》"):
                continue  # "（闽科高〔2023〕4号）": a document the text cites
            after = re.sub(r"\s+", "", line[m.end() : m.end() + 100])
            if core in after[: len(core) + 25]:
                return re.sub(r"\s+", "", m.group(0))
    return None


def _cover_signature(body: list[str]) -> tuple[str | None, str | None]:
    """A 印发 notice signs its cover letter above the document it carries.

    A notice with its 附件 printed after the signature is signed in the
    middle of the page too: the signature right before a "附件" line.
    """
    for i in _signature_ends(body):
        # followed by the 附件 or by the title of the document it carries (maybe over two lines)
        if re.match(r"^(?:相关)?附\s*件", body[i]) or any(
            looks_like_title("".join(body[i : i + k])) for k in (1, 2) if i + k <= len(body)
        ):
            return _first_signer(body, i - 1), parse_date(body[i - 1])
    closed = _closed_signature(body)
    if closed is not None:
        return closed
    for i, line in enumerate(body[:40]):
        if match_label(line):
            break
        if is_date_line(line) and i > 0 and is_org_line(body[i - 1]):
            return _first_signer(body, i), parse_date(line)
        # a government order is signed by its head: "省长　马兴瑞" / "2021年10月18日"
        if is_date_line(line) and i > 0 and _SIGNER.fullmatch(body[i - 1]):
            return None, parse_date(line)
        # a signature of a date alone, between the cover letter and the title of what it carries
        if (
            is_date_line(line)
            and i > 0
            and body[i - 1].endswith("。")
            and i + 1 < len(body)
            and (looks_like_title(body[i + 1]) or is_closing_line(body[i + 1]))
        ):
            # …or above its closing lines ("（联系人：…）", "（此件主动公开）") with the 附件 after them
            return None, parse_date(line)
        # a run-on capture keeps the signature inline: "…认真贯彻落实。 湖北省科学技术厅 2023年2月20日 …"
        m = (
            _INLINE_SIGNATURE.search(line, 0, 3000)
            or _COVER_SIGNATURE.search(line, 0, 3000)
            or _CLOSED_SIGNATURE.search(line, 0, 3000)
            or _signature_before_carried(line[:3000])
        )
        if m and is_org_line(m.group("org")):
            # joint issuers ("…党工委 …管委会") are filed under the first, as on lines of their own
            return m.group("org").split()[0], parse_date(m.group("date"))
    return None, None


# "国家能源局华中监管局2026年1月26日": the issuing body glued to its date on a line of their own
_GLUED_ORG_DATE = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{4,30}?)\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
)


def _first_signer(body: list[str], date_at: int) -> str:
    """Joint issuers sign on lines of their own above the date (最高人民法院 / 最高人民检察院 / 公安部 / date): the
    document is filed under the first, as the title names it first."""
    j = date_at - 1
    while j - 1 >= 0 and date_at - j < 8 and is_org_line(body[j - 1]):
        j -= 1
    return body[j].split()[0]


def _closed_signature(body: list[str]) -> tuple[str | None, str | None] | None:
    """A date line the closing lines follow ("（联系人：…）", "（此件主动公开）", "附件1", "相关附件：") signs the text,
    after its issuing body or alone (a cover note signed with a date, under 特此通知。 or its 附件 list);
    so does an issuing body glued to its date, with the attachments' files or the site's footer after it."""
    for i in range(len(body) - 1):
        line = body[i].strip()
        if len(line) > 40:
            continue
        nxt = body[i + 1].strip()
        closes = is_closing_line(nxt) or bool(re.match(r"^(?:相关)?附\s*件", nxt))
        if len(line) <= 20 and is_date_line(line) and closes:
            org = _first_signer(body, i) if i > 0 and is_org_line(body[i - 1]) else None
            return org, parse_date(line)
        m = _GLUED_ORG_DATE.fullmatch(line)
        if (
            m
            and is_org_line(m.group("org"))
            and (closes or re.search(r"\.(?:pdf|docx?|xlsx?|wps|zip)$", nxt))
        ):
            return m.group("org"), parse_date(m.group("date"))
    return None


_INLINE_SIGNATURE = re.compile(
    r"[。！]\s*(?P<org>[\u4e00-\u9fff]{4,40})\s+"
    r"(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)(?:\s|$)"
)


def _signature_before_carried(text: str) -> re.Match[str] | None:
    """ "…《广安市促进返乡下乡创业实施方案》…现印发你们，请结合实际，抓好贯彻落实。广安市人民政府办公室2019年2月19日
    广安市促进返乡下乡创业实施方案…": the cover letter's signature, right before the title of what it carries."""
    m = _CARRIED.search(text)
    carried = m and (m.group(1) or m.group(2))
    if not carried:
        return None
    return re.search(
        r"[。！]\s*(?P<org>[\u4e00-\u9fff]{4,40}?)\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*"
        + re.escape(carried),
        text,
    )


# "…政策实效。广安市人民政府办公室2023年11月13日（本文有删减）广安市…措施": a signature the closing mark follows
_CLOSED_SIGNATURE = re.compile(
    r"[。！]\s*(?P<org>[\u4e00-\u9fff]{4,40}?)\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)"
    r"(?=\s*[（(](?:本文有删减|此件))"
)


_SIGNER = re.compile(
    r"(?:[省市区县州盟局厅署部]\s*长|主\s*席|总\s*理|主\s*任)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}"
)  # "省长　马兴瑞", "局 长：胡静林"


_CARRIED = re.compile(
    r"《([^《》]{4,80})》(?:已经[^。]{0,60}?)?[，,]?现(?:予)?(?:印发|转发)"
    r"|现将《([^《》]{4,80})》(?:予以)?(?:印发|转发)给"  # "现将《…措施》印发给你们"
)


def _carried_title(first_lines: list[str]) -> str | None:
    """A capture with no title line: the document its cover letter 印发s, when the text prints that title again.

    "…《广安市玄武岩纤维产品推广应用措施》已经…审议通过，现印发给你们…2023年2月25日广安市玄武岩纤维产品推广应用措施…"
    """
    text = "\n".join(first_lines)[:4000]
    m = _CARRIED.search(text)
    carried = m and (m.group(1) or m.group(2))
    if not carried or not looks_like_title(carried):
        return None
    return carried if text.find(carried, m.end()) > 0 else None


def _run_on_signature(line: str) -> tuple[str | None, str | None]:
    """The signature of a capture run on into one line: "…有效期至2025年12月31日。广安市人民政府2022年9月2日相关附件：…"."""
    found = None
    for m in _RUN_ON_SIGNATURE.finditer(line, max(0, len(line) - 3000)):
        if is_org_line(m.group("org")):
            found = m
    return (found.group("org").split()[0], parse_date(found.group("date"))) if found else (None, None)


# "…现印发给你们，请认真贯彻落实。广安市人民政府2022年4月29日广安市招商引资政策二十条…": with no spaces,
# the cover letter's signature runs into the carried title; a sentence goes on after its date (起施行, 印发)
_COVER_SIGNATURE = re.compile(
    r"(?:印发给你们|转发给你们|请认真贯彻落实|请认真贯彻执行|请遵照执行|请认真遵照执行|请认真组织实施|请抓好落实)[^。]{0,20}。\s*"
    r"(?P<org>[\u4e00-\u9fff][\u4e00-\u9fff ]{3,60}?)\s*"  # joint issuers: "…党工委 …管委会"
    r"(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
    r"(?![起前至到开印发以之])"
)


# after the date: the end, a space, or what follows a signature (附件, 抄送, 此件公开发布) — never 起施行
# (before it, a sentence end, or the bracket closing a 附件 line and the space its line break left, or the
# space a line break left after the last 附件 name: "…2. 省赛方案 平潭综合实验区经济发展局 2023年5月29日附件1")
_RUN_ON_SIGNATURE = re.compile(
    r"(?:[。！]\s*|[）)]\s*|(?<=[\u4e00-\u9fff])\s+(?=[^\s]{4,40}(?:\s[^\s]{4,40}){0,3}\s*\d))"
    r"(?P<org>[\u4e00-\u9fff]{4,40}?(?:\s[\u4e00-\u9fff]{4,40}?){0,3})\s*"  # joint issuers: "…局 …局2023年6月28日"
    r"(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)"
    r"(?=\s|$|相关附件|附件|[（(]此件|抄送|[（(]联系)"
)
