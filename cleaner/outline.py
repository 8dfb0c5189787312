"""The clause outline: 第X章 / 第X条 / 一、 / （一） / 1. / （1） / ①, nested as printed.

Chinese official documents do not fix which label sits under which; each
document sets its own order by the order labels first appear (一、 then
（一） then 1. is usual, but a plan may put 1. straight under 一、).  So the
nesting is a stack of label kinds: a kind already on the stack closes
everything below it, a new kind opens a level.

The source's numbering mistakes (two （三） in a row, 十一 skipped) are kept as
printed: labels are read, never renumbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbering import RANK, UNIT_AFTER, is_enumeration, label_value, match_label
from .runon import split_inline

__all__ = ["Segment", "heading_of", "label_value", "match_label", "segment"]

_CONTENTS_ENTRY = re.compile(r"(?:…{2,}|\.{6,}|·{6,})\s*(?:\d{1,3}|[xX]{1,3})?\s*$")
_NOTES_END = re.compile(r"(?:(?:备注|附注)\s*[:：]?|(?<![\u4e00-\u9fff])注\s*[:：])\s*$")
_HEAD_END = re.compile(r"[。！？]|\s{1,}|：(?=.)|…|\.{2,}|·{2,}")  # "承诺书……………3": a contents line's leaders


@dataclass
class Segment:
    """A stretch of body text that starts with a label (or none, for the preamble)."""

    label: str | None
    kind: str | None
    text: str
    path: tuple[str, ...] = ()


def segment(lines: list[str]) -> list[Segment]:
    """Split body lines into labelled segments, finding labels inline in run-on lines."""
    segments: list[Segment] = []
    last: dict[str, int] = {}
    stack: list[tuple[str, str]] = []  # (kind, label) from the top level down
    # the last number of each kind, never reset: "一、…（一）…二、…（二）…" numbers its items across sections
    ever: dict[str, int] = {}

    def top_is_heading() -> bool:
        """The top label of the stack is a heading of its own line ("一、促进高新技术企业发展")."""
        top = next((seg for seg in reversed(segments) if seg.path == tuple(lb for _, lb in stack[:1])), None)
        return top is not None and "\n" not in top.text.strip() and len(top.text.strip()) <= 30

    def open_segment(kind: str, label: str, text: str) -> None:
        value = label_value(label)
        kinds = [k for k, _ in stack]
        cut = kinds.index(kind) if kind in kinds else None
        if value == 1 and kind not in RANK and segments and _NOTES_END.search(segments[-1].text[-12:]):
            # "…每半年审核一次。备注 1.“申请条件”中的…": a table's notes sit right under the article that
            # holds the table, not under the table's last item
            ranked = [i for i, k in enumerate(kinds) if k in RANK]
            cut = ranked[-1] + 1 if ranked else 0
        if cut is None and kinds and segments and _CONTENTS_ENTRY.search(segments[-1].text.split("\n", 1)[0]):
            # "7. 开户许可证……………xx" then "一、对提交的…": an entry of a contents list holds nothing; what
            # follows it under a new kind of label is its sibling (the annex the list names), not its item
            cut = len(kinds) - 1
        if kind in RANK:
            # 章 > 节 > 条 whatever order they first appear in: a 节 closes the 条 above it
            # an 一、 heading above the first 第X章/第X条 is a chapter of its own ("一、促进高新技术企业发展"
            # then 第一条…): only labels below a ranked one are closed
            below = [
                i
                for i, k in enumerate(kinds)
                if (k in RANK and RANK[k] >= RANK[kind])
                or (k not in RANK and not (i == 0 and top_is_heading()))
            ]
            cut = below[0] if below else None
        if cut is not None:
            for k in kinds[cut + 1 :]:
                last.pop(k, None)
            del stack[cut:]
        stack.append((kind, label))
        if value is not None:
            last[kind] = value
            ever[kind] = value
        segments.append(Segment(label=label, kind=kind, text=text, path=tuple(lb for _, lb in stack)))

    attachment_next: tuple[str, int] | None = None  # the label the next name of a 附件 list would carry
    # where unlabelled text goes: the last segment opened, unless a paragraph after a closed list of items
    # went back to the clause that opened the list (its next 款)
    home: Segment | None = None
    lifted: tuple[Segment, int] | None = (
        None  # the item the paragraphs were lifted from, where they start in home
    )
    for line in lines:
        pieces = split_inline(line, last, ever)
        for piece_no, piece in enumerate(pieces):
            found = match_label(piece)
            listed = found is not None and attachment_next == (found[0], label_value(found[1]))
            attachment_next = _attachment_list_next(piece, found if listed else None)
            if listed and segments:
                segments[-1].text += ("\n" if piece_no == 0 else " ") + piece
            elif found and found[0] == "arabic_close" and segments and _open_bracket(segments[-1].text):
                # "（一）…申请表（附件" / "1）；": a number closing the bracket the line above left open is
                # the wrapped end of that line, not item 1）
                segments[-1].text += piece
            elif found and (piece_no > 0 or _line_label_ok(found, piece, last)):
                if home is not None and lifted is not None and _goes_on(lifted[0], found):
                    # "（一）…。" / a paragraph / "（二）…": the list goes on, so the paragraph was its item's after all
                    item, start = lifted
                    item.text += home.text[start:]
                    home.text = home.text[:start]
                open_segment(found[0], found[1], piece)
                home = lifted = None
            elif piece_no == 0 and _DIVISION.match(piece) and any(k in RANK for k, _ in stack):
                # "附则" over the last article, without a 第X章: a heading of its own, not the end of the article
                # above it (the articles under it keep their numbering)
                segments.append(Segment(label=None, kind=None, text=piece))
                home = None
            elif segments and piece_no == 0:
                if home is None and (owner := _list_owner(segments, piece)) is not None:
                    home, lifted = owner, (segments[-1], len(owner.text))
                (home or segments[-1]).text += "\n" + piece
            elif segments:
                (home or segments[-1]).text += " " + piece
            else:
                segments.append(Segment(label=None, kind=None, text=piece))
    return segments


# a law's division named without a number, on a line of its own
_DIVISION = re.compile(r"^(?:附\s*则|总\s*则|分\s*则)$")
# what follows an article's number when a sentence cites it rather than opens it (an amendment whose 一、 was lost:
# 第一百六十二条后增加一条 / 第十条修改为 / 第五条第二款修改为 / 第三十一条的决定》)
_CITING = re.compile(r"(?:[后中]增加|修改为|改为|的(?:决定|规定)|第[一二三四五六七八九十\d]+[款项])")
# an item that opens with a caption of its own ("（一）研发补助。对…"): a heading over paragraphs, not a 项
_CAPTION = re.compile(r"^[^，,。；;：:、（）()\s]{2,15}。\s*\S")
# "前款所列…", "有前款第三项行为的", "依照前两款规定": a paragraph citing the 款 before it is the article's
_CITES_PARAGRAPH = re.compile(r"^[^，,。；;：:]{0,12}前[两二三四五六]?款")
_ITEM_KINDS = frozenset({"cn", "paren_cn", "arabic", "paren_arabic", "arabic_close", "circled"})


def _goes_on(item: Segment, found: tuple[str, str]) -> bool:
    """The label found is the next one of the item's list (（二） after （一）)."""
    value = label_value(item.label or "")
    return found[0] == item.kind and value is not None and label_value(found[1]) == value + 1


def _list_owner(segments: list[Segment], paragraph: str) -> Segment | None:
    """The article whose list of items a new paragraph closes, or None when it goes on the last item.

    A law's article (条) is made of paragraphs (款); a 款 may end in a colon and
    list its items (项: （一）…；（二）…。), each one paragraph, and an item may
    list 目 (1. 2.).  Only the article has paragraphs: one after the last item
    of its list, once the list has closed with a full stop, is the article's
    next 款 ("中国人民银行为执行货币政策，可以…"), not more of the last item; so is
    a paragraph that cites the 款 before it ("有前款第三项行为的，…", "前款所列…"),
    wherever it stands.  Items that already hold paragraphs of their own, or
    open with a caption ("（一）研发补助。对…"), are sections of a plan, whose
    paragraphs stay with them.
    """
    item = segments[-1]
    if item.kind not in _ITEM_KINDS or len(item.path) < 2:
        return None
    article = next(
        (
            item.path[: n + 1]
            for n, label in enumerate(item.path)
            if (m := match_label(label)) and m[0] == "article"
        ),
        None,
    )
    if article is None:
        return None  # a plan's 一、…：（一）…。 then a paragraph: no 款 to go back to
    cites = _CITES_PARAGRAPH.match(paragraph) is not None
    if (
        not cites
        and (
            "\n" in item.text.strip()
            or not item.text.rstrip().endswith(
                ("。", "！", "？")
            )  # "（三）…；" then a wrapped line: the list goes on
            or _CAPTION.match(item.text[len(item.label or "") :].strip())
        )
    ):
        return None
    parent = item.path[:-1]
    siblings = 0
    for i in range(len(segments) - 2, max(-1, len(segments) - 400), -1):
        seg = segments[i]
        if seg.path == parent:
            break
        if len(seg.path) == len(item.path) and seg.path[:-1] == parent:
            if "\n" in seg.text.strip() and not cites:
                return None  # a sibling item holds paragraphs of its own
            siblings += 1
        if len(seg.path) < len(parent):
            return None
    else:
        return None
    if not siblings and not cites:
        return None  # "（一）企业申报。" then its paragraph: a list of one item is no list, but a heading
    if not cites and not re.search(r"[：:]$", seg.text.rstrip()):
        return None  # only a list its article (or item) opens with a colon
    return next((s for s in reversed(segments[: i + 1]) if s.path == article), None)


# "附件：1.封面" / "附件：" at the end of a run-on piece: a list of the 附件's names follows
_ATTACHMENT_LIST = re.compile(r"附\s*件\s*[:：]\s*(?:(\d{1,2})\s*[.．、]\s*\S.*)?$")


def _open_bracket(text: str) -> bool:
    """The text ends inside a bracket it opened ("…申请表（附件")."""
    tail = text[-40:]
    return tail.rfind("（") > tail.rfind("）") or tail.rfind("(") > tail.rfind(")")


def _attachment_list_next(piece: str, listed: tuple[str, str] | None) -> tuple[str, int] | None:
    """The label of the next attachment name, while a list of 附件 names goes on.

    "附件：1.申请表 2.承诺书" names the files a notice carries; its numbers are
    never clauses, on lines of their own or run on.
    """
    if listed is not None:
        return listed[0], (label_value(listed[1]) or 0) + 1
    m = _ATTACHMENT_LIST.search(piece)
    if not m:
        return None
    return "arabic", int(m.group(1)) + 1 if m.group(1) else 1


def _line_label_ok(found: tuple[str, str], line: str, last: dict[str, int] | None = None) -> bool:
    kind, label = found
    rest = line[len(label) :]
    # "5 万元" is a figure, unless a full-stop number goes on with its list ("6.电信业务…" / "7.万元GDP能耗…");
    # a figure is never printed with a full stop after it, while "3）个百分点" may close an aside
    follows = (
        kind == "arabic"
        and last is not None
        and last.get(kind) is not None
        and label_value(label) == last[kind] + 1
    )
    if kind in ("arabic", "arabic_close") and UNIT_AFTER.match(rest) and not follows:
        return False
    if is_enumeration(kind, rest):
        return False
    if kind == "article" and _CITING.match(rest):
        return False  # "第一百六十二条后增加一条，作为…": an amendment cites the article it changes
    # "第一条" alone on its line, its text on the next: some pages set the label apart
    return bool(rest.strip()) or kind in RANK


def heading_of(label: str, text: str, kind: str | None = None) -> str | None:
    """The short title a clause opens with, or None when it opens with a plain sentence.

    一、主要目标 / （一）统筹规划，分步实施。注重… / 第一章　总　则 have one;
    an article (第一条　为了…) has one only in brackets (第一条【立法目的】), and
    an item that is one sentence (（二）研发投入不低于营业收入的2.5%；) has none.
    """
    first_line = text.split("\n", 1)[0]
    rest = first_line[len(label) :].strip()
    if not rest:
        return None
    if kind in ("volume", "subvolume", "part", "chapter", "section"):
        head = re.sub(r"\s+", "", rest)
        return head if len(head) <= 40 else None
    if kind == "article":
        m = re.match(r"^[【\[（(]([^】\]）)]{2,20})[】\]）)]", rest)
        if m:
            return m.group(0)  # as printed: 【落户奖】
        # "第十八条　特别奖。成果在省内外…": a caption of a few characters closed by a full stop
        m = re.match(r"^([^，,。；;：:、（）()\s\d]{2,6})。(?=\S)", rest)
        return m.group(1) if m else None
    if kind == "circled":
        # a circled item is one condition or one case ("③建筑业：从业人员20人及以上…；"): its text up to its end
        head = re.split(r"[。；;]", rest, maxsplit=1)[0].strip()
        return head if 2 <= len(head) <= 60 else None
    m = _HEAD_END.search(rest)
    head = (rest[: m.start()] if m else rest).strip().rstrip("：:")
    more = (rest[m.end() :].strip() if m else "") or "\n" in text
    if m is None or not more:
        # the whole clause is one line: a title only when it reads like one (no full stop, short)
        if len(head) > 40 or (
            re.search(r"[。；;，,]$", rest) and (len(head) > 20 or re.search(r"[，,]", head))
        ):
            return None
        # one item of a list (…不合格的；, …事故的。): a title never ends in a semicolon or in 的,
        # but an item that is a bare name ("（一）书证；", "（二）春节；") is its own heading
        bare = re.sub(r"[；;。，,、]$", "", rest)
        if len(bare) <= 6 and not re.search(r"[的，,；;。：:、（）()]", bare) and bare != rest:
            return bare
        if re.search(r"(?:[；;]|的[。；;]?)$", rest):
            return None
    # "对新认定的企业，给予奖励10万元" opens with a sentence, not a title
    if head.startswith(("对", "按", "凡")) or "给予" in head:
        return None
    if 2 <= len(head) <= 60:
        return head
    return None
