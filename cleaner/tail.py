"""The lines below a document's body: 附件 list, signature, 成文日期, 此件公开发布, 抄送.

Official documents close the same way (GB/T 9704): the 附件说明, the issuing
body's name, the date it was signed, then "（此件公开发布）", and on printed
copies 抄送 and 印发 lines.  None of it belongs to the last clause, and the
附件 list's "1." "2." are not outline items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import is_date_line, parse_date

_ORG_END = re.compile(
    r"(人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|科学技术局|科学技术厅|局|厅|委|办|部|院|中心|政府|管委会|"
    r"协会|联合会|总工会|科协|银行|分行|支行|海关|集团|公司|团市委|团省委|党组|大学|学院|学校|调查队|调查总队|执法总队|执法支队|执法大队)$"
)
_CLOSING = re.compile(
    r"^(?:[（(]此件[^）)]{0,12}[）)]|[（(]?联系人[:：].*|[（(]?联系电话[:：].*|抄送[:：].*|抄报[:：].*|"
    r".{2,40}\d{4}年\d{1,2}月\d{1,2}日印发|[（(]本文有删减[）)])$"
)
_ATTACHMENT_HEAD = re.compile(
    r"^(?:相关)?附\s*件(?:下载)?\s*(?:[:：]|\d{1,2}(?:[:：．.、\s]|$)|[一二三四五六七八九十]{1,2}[:：、\s]|$)"
)
_SITE_FOOTER = re.compile(r"^(?:地址|通讯地址|邮编|邮政编码|主办单位|主办|承办单位|承办)\s*[:：]")
_BRACKETED_ORG = re.compile(r"[（(]([^（）()\s、，,]{2,30})[）)]")
_ITEM = re.compile(r"^(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])\s*")


@dataclass
class Tail:
    start: int  # lines[start:] are the tail
    issuer: str | None = None
    signed: str | None = None
    attachments: list[str] = field(default_factory=list)
    blocks: list[list[str]] = field(
        default_factory=list
    )  # tail lines grouped: attachments, signature, closing


def is_closing_line(line: str) -> bool:
    """ "（此件公开发布）", "（联系人：…）", "抄送：…": the lines that close an official document."""
    return bool(_CLOSING.match(line.strip()))


def is_org_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 60 or re.search(r"[。，,；;：:]", s):
        return False
    parts = s.split()
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        parts = ["".join(parts)]  # a name spaced out to the width of the one above it: "国 家 能 源 局"
    return all(_ORG_END.search(part) for part in parts)


def split_tail(lines: list[str]) -> Tail:
    """Find where the closing lines start; read the signature and the 附件 list from them."""
    k = len(lines)
    tail = Tail(start=k)
    blocks: list[list[str]] = []
    while k > 0 and _SITE_FOOTER.match(lines[k - 1].strip()) and len(lines[k - 1]) < 80:
        k -= 1  # the site's address and owner under a page saved as text: not the document's
    for extra in (1, 2):
        # "国家医疗保障局办公室" / "2025年10月14日" / "国家医疗保障局": a line or two of the page's furniture (its
        # owner, the start of the next document's title) under a signature block
        rest = [ln.strip() for ln in lines[k - extra : k]] if k - extra >= 2 else []
        if (
            rest
            and all(
                len(x) <= 40
                and not re.search(r"[。；;，,：:]", x)
                and not _is_date(x)
                and not _CLOSING.match(x)
                for x in rest
            )
            and _is_date(lines[k - extra - 1].strip())
            and is_org_line(lines[k - extra - 2])
        ):
            k -= extra
            break
    while k > 0:
        line = lines[k - 1].strip()
        if _CLOSING.match(line):
            blocks.insert(0, [line])
            k -= 1
            continue
        bracketed = _BRACKETED_ORG.fullmatch(line)
        if bracketed and is_org_line(bracketed.group(1)) and tail.issuer is None and not blocks:
            # "（万载县统计局）" closing a 公报 or a report: its issuer, signed without a date
            tail.issuer = bracketed.group(1)
            blocks.insert(0, [line])
            k -= 1
            continue
        if _is_date(line) and k - 1 >= 0:
            orgs = []
            j = k - 1
            while (
                j - 1 >= 0 and len(orgs) < 8 and is_org_line(lines[j - 1])
            ):  # (five joint issuers, a line each)
                orgs.insert(0, lines[j - 1].strip())
                j -= 1
            if tail.signed is None:
                tail.signed = parse_date(line)
                tail.issuer = orgs[0].split()[0] if orgs else None
            blocks.insert(0, [*orgs, line])
            k = j
            continue
        start = _attachment_block(lines, k)
        if start is not None:
            block = [ln.strip() for ln in lines[start:k]]
            tail.attachments = _attachment_names(block) + tail.attachments
            blocks.insert(0, block)
            k = start
            continue
        break
    tail.start = k
    tail.blocks = blocks
    return tail


def _is_date(line: str) -> bool:
    return is_date_line(line) or bool(
        re.fullmatch(r"[（(]?.{0,4}(?:19|20)\d{2}年\d{1,2}月\d{1,2}日[）)]?", line)
    )


def _attachment_block(lines: list[str], end: int) -> int | None:
    """Start of a 附件 list that ends just before ``end``: "附件：1.xxx" then short item lines."""
    for start in range(end - 1, max(-1, end - 16), -1):
        line = lines[start].strip()
        if _ATTACHMENT_HEAD.match(line):
            items = [ln.strip() for ln in lines[start + 1 : end]]
            # table rows ("1 | 任务 | 责任单位 |") are the attachment's content printed here, not a list of names
            if any("|" in x for x in items):
                return None
            if all(len(x) <= 80 and not x.endswith(("。", "；")) for x in items) and len(line) <= 120:
                return start
            return None
        if len(line) > 80 or line.endswith("。"):
            return None
    return None


def _attachment_names(block: list[str]) -> list[str]:
    names = []
    for i, line in enumerate(block):
        if i == 0:
            line = _ATTACHMENT_HEAD.sub("", line).strip()
        line = _ITEM.sub("", line).strip()
        if line:
            names.append(line)
    return names
