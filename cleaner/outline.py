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

from .numerals import cn_to_int

CN_DIGITS = "零〇一二三四五六七八九十百千"
_CN = f"[{CN_DIGITS}]+"

# kind -> regex for a label at the start of a segment
LABEL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 第一部分 总体要求: plans and programmes put their 一、 items under parts
    ("part", re.compile(rf"^第(?:{_CN}|\d+)部分")),
    ("chapter", re.compile(rf"^第(?:{_CN}|\d+)章")),
    ("section", re.compile(rf"^第(?:{_CN}|\d+)节")),
    ("article", re.compile(rf"^第(?:{_CN}|\d+)条")),
    ("cn", re.compile(r"^[一二三四五六七八九十百]{1,4}[、．.﹒](?![\d])")),
    ("paren_cn", re.compile(r"^[（(][一二三四五六七八九十百]{1,4}[）)]")),
    # "1.5亿元" is a number, "1.2022年底前……" is item 1 about a year
    ("arabic", re.compile(r"^\d{1,2}(?:[、．﹒]|\.(?!\d)|\.(?=(?:19|20)\d{2}年))(?![%％])")),
    ("paren_arabic", re.compile(r"^[（(]\d{1,2}[）)](?![\d])")),
    ("arabic_close", re.compile(r"^\d{1,2}[）)](?![\d%％])")),
    ("circled", re.compile(r"^[①-⑳]")),
]

# The labels a run-on line may carry inline.
_LABEL_ALTERNATIVES = (
    r"(第(?:[零〇一二三四五六七八九十百千]+|\d+)(?:[章节条]|部分)|[一二三四五六七八九十百]{1,4}、|[（(][一二三四五六七八九十百]{1,4}[）)]"
    r"|\d{1,2}(?:[.．、﹒](?!\d)|\.(?=(?:19|20)\d{2}年))|[（(]\d{1,2}[）)]|\d{1,2}[）)]|[①-⑳])"
)
# Where a label may start inside a run-on line: after a sentence end or a space.
_INLINE = re.compile(r"(?:(?<=[。！？\s])|(?<=[。！？]”)|(?<=[）)〕]))" + _LABEL_ALTERNATIVES)
_INLINE_ANY = re.compile(_LABEL_ALTERNATIVES)
# _INLINE_ANY and _INLINE taking a label's first character first, then checking it (and what precedes it)
# by looking behind: the same matches, but the engine skips ahead to such a character instead of trying
# every alternative at every character of a long line
_CHECKED = (
    r"(?:(?<=第)(?:[零〇一二三四五六七八九十百千]+|\d+)(?:[章节条]|部分)|(?<=[一二三四五六七八九十百])[一二三四五六七八九十百]{0,3}、"
    r"|(?<=[（(])[一二三四五六七八九十百]{1,4}[）)]|(?<=\d)\d?(?:[.．、﹒](?!\d)|\.(?=(?:19|20)\d{2}年))"
    r"|(?<=[（(])\d{1,2}[）)]|(?<=\d)\d?[）)]|(?<=[①-⑳]))"
)
_INLINE_STARTS = re.compile(r"([第一二三四五六七八九十百（(\d①-⑳]" + _CHECKED + ")")
_INLINE_AFTER = re.compile(
    r"([第一二三四五六七八九十百（(\d①-⑳](?:(?<=[。！？\s][\s\S])|(?<=[。！？]”[\s\S])|(?<=[）)〕][\s\S]))"
    + _CHECKED
    + ")"
)
# patterns compiled once (label_value runs for every label)
_NOT_NUMERAL = re.compile(r"部分|[第章节条、．.﹒（）()\s]")
_LISTED_NUMERALS = re.compile(r"^[二三四五六七八九十]{1,2}(?:[、类级等档批期产]|$)")
_GLUED_ONE = re.compile(r"1\s*([、．.])(?=[\u4e00-\u9fff])")
_SENTENCE_END = re.compile(r"[。；;]")
_RANK = {"part": -1, "chapter": 0, "section": 1, "article": 2}
# "第五条 （一）对符合…": an article whose text opens with its first item on the article's own line
_ARTICLE_THEN_ITEM = re.compile(
    r"^第(?:[零〇一二三四五六七八九十百千]+|\d+)条[\s\u3000]+(?=[（(][一1][）)]|一、)"
)
_CHAPTER_THEN_ARTICLE = re.compile(
    r"^第(?:[零〇一二三四五六七八九十百千]+|\d+)[章节]\s*[^\s第]{1,20}\s+第(?:[零〇一二三四五六七八九十百千]+|\d+)条"
)
# "…可以仲裁。第三条 【消极适用范围】…", "…制定仲裁规则。第三章 仲裁协议": an article or a chapter glued to the
# sentence before it, set apart from its text by a space or a bracketed caption as labels are (a citation,
# "第三条规定的…", runs on into its sentence)
_GLUED_RANKED = re.compile(
    r"[。！？]\s*第(?:[零〇一二三四五六七八九十百千]+|\d+)[章节条](?:[\s\u3000]+\S|【)"
)
# ("0(?<!\d0)" is "(?<!\d)0" with the 0 first, so that the engine skips ahead to a 0)
_PHONE_THEN_LABEL = re.compile(r"0(?<!\d0)\d{2,3}-\d{7,8}(\d[.．、][\u4e00-\u9fff])")
_NOTES_END = re.compile(r"(?:(?:备注|附注)\s*[:：]?|(?<![\u4e00-\u9fff])注\s*[:：])\s*$")
_WENHAO_BEFORE = re.compile(r"[〔\[](?:19|20)\d{2}[〕\]]\s*\d{1,4}\s*号$")
# "〔责任单位：市委组织部（市人才办）、市经济信息化局〕": a tag in tortoise-shell brackets may hold parentheses
# "责任单位：区经济发展局、农业农村局10.支持…": an unbracketed tag's names run into the next item
# (a name may hold a short bracket of its own: 行政审批局（智慧岛中心）)
_TAG_OPEN = re.compile(
    r"(?:责任单位|牵头单位|责任部门|牵头部门|配合单位)[:：](?:[^。；;：:（(）)〕]|[（(][^（()）]{1,20}[）)]){1,150}$"
)
_TAG_BEFORE = re.compile(
    r"(?:[。！？][）)〕]|(?:单位|部门|牵头|配合|负责)[^（）()]{0,120}[）)]|(?:单位|部门|牵头|配合|负责)[^〔〕]{0,200}〕)$"
)
# "3 个月", "5 万元": a number and its unit, not a label ("1.年度销售额…" is item 1 about a year's sales)
# ("1.个人消费者…", "2.个体工商户…": 个人 and 个体 are words, not the classifier)
_UNIT_AFTER = re.compile(r"^\s*(?:[%％万亿元月日]|个(?![人体])|年(?!度))")
_HEAD_END = re.compile(r"[。！？]|\s{1,}|：(?=.)|…|\.{2,}|·{2,}")  # "承诺书……………3": a contents line's leaders


@dataclass
class Segment:
    """A stretch of body text that starts with a label (or none, for the preamble)."""

    label: str | None
    kind: str | None
    text: str
    path: tuple[str, ...] = ()


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


def _plausible_inline(kind: str, value: int | None, last: dict[str, int]) -> bool:
    """Inline labels need a sequence to believe them: 1 to open, or close to the last number.

    Run-on text has no newlines to tell a label from "包括1.xx、2.xx" inside a
    sentence; a number that continues the sequence of its kind is a label.
    """
    if kind in _RANK:
        return True
    if value is None:
        return False
    prev = last.get(kind)
    if prev is None:
        return value == 1
    return value == 1 or prev <= value <= prev + 2


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
        if value == 1 and kind not in _RANK and segments and _NOTES_END.search(segments[-1].text[-12:]):
            # "…每半年审核一次。备注 1.“申请条件”中的…": a table's notes sit right under the article that
            # holds the table, not under the table's last item
            ranked = [i for i, k in enumerate(kinds) if k in _RANK]
            cut = ranked[-1] + 1 if ranked else 0
        if kind in _RANK:
            # 章 > 节 > 条 whatever order they first appear in: a 节 closes the 条 above it
            # an 一、 heading above the first 第X章/第X条 is a chapter of its own ("一、促进高新技术企业发展"
            # then 第一条…): only labels below a ranked one are closed
            below = [
                i
                for i, k in enumerate(kinds)
                if (k in _RANK and _RANK[k] >= _RANK[kind])
                or (k not in _RANK and not (i == 0 and top_is_heading()))
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
    for line in lines:
        pieces = _split_inline(line, last, ever)
        for piece_no, piece in enumerate(pieces):
            found = match_label(piece)
            listed = found is not None and attachment_next == (found[0], label_value(found[1]))
            attachment_next = _attachment_list_next(piece, found if listed else None)
            if listed and segments:
                segments[-1].text += ("\n" if piece_no == 0 else " ") + piece
            elif found and (piece_no > 0 or _line_label_ok(found, piece, last)):
                open_segment(found[0], found[1], piece)
            elif segments and piece_no == 0:
                segments[-1].text += "\n" + piece
            elif segments:
                segments[-1].text += " " + piece
            else:
                segments.append(Segment(label=None, kind=None, text=piece))
    return segments


# a line this long is a capture run on into one line (a paragraph seldom runs past a few hundred characters)
_RUN_ON = 800
# "附件：1.封面" / "附件：" at the end of a run-on piece: a list of the 附件's names follows
_ATTACHMENT_LIST = re.compile(r"附\s*件\s*[:：]\s*(?:(\d{1,2})\s*[.．、]\s*\S.*)?$")


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
    if kind in ("arabic", "arabic_close") and _UNIT_AFTER.match(rest) and not follows:
        return False
    if _enumeration(kind, rest):
        return False
    # "第一条" alone on its line, its text on the next: some pages set the label apart
    return bool(rest.strip()) or kind in ("part", "chapter", "section", "article")


def _enumeration(kind: str, rest: str) -> bool:
    """ "一、二类医疗器械", "一、二、三产业": numerals listed in a sentence (or a wrapped table cell), not item 一、."""
    return kind == "cn" and bool(_LISTED_NUMERALS.match(rest))


# (本办法第一条, 该条例第一章 cite an article; a title is never 本办法)
_TITLE_END = re.compile(
    r"(?<![本该其此])(?:办法|细则|规定|条例|规则|措施|方案|意见|政策)(?:[（(][^（）()]{1,10}[）)])?$"
)


def _after_title(line: str, pos: int) -> bool:
    """ "…广安主城区建筑垃圾管理办法第一章　总则第一条…": a run-on capture's title runs into its first chapter."""
    found = match_label(line[pos:])
    # 第一条 after 办法 is as often a citation (符合办法第一条第(二)款), unless a space sets it apart as a
    # label is set apart ("…挂牌督办管理办法第一条　为贯彻…")
    spaced = found is not None and line[pos + len(found[1]) : pos + len(found[1]) + 1] in (" ", "\u3000")
    return (
        found is not None
        and (found[0] == "chapter" or (found[0] == "article" and spaced))
        and label_value(found[1]) == 1
        and bool(_TITLE_END.search(line, max(0, pos - 12), pos))
    )


def _after_heading(line: str, starts: list[int], pos: int) -> bool:
    """ "一、总体要求（一）指导思想。": a label right after the short heading of the label before it.

    Run-on captures lose the line break after a heading; the text between
    the last label and this one is then a few words with no punctuation.
    """
    if not starts:
        return False
    start = starts[-1]
    found = match_label(line[start:])
    new = match_label(line[pos:])
    if not found or not new:
        return False
    # an article's caption is a word or two ("第七条 附则（一）…"); what follows an article label is
    # otherwise its text, and a 第X条 in it cites another article ("第七十八条 违反本法第二十条规定")
    limit = 25
    if found[0] == "article":
        if new[0] in _RANK:
            return False
        limit = 6
    elif (new[0] == "article") != (found[0] in ("chapter", "section")):
        return False
    heading = line[start + len(found[1]) : pos]
    # (a heading may quote a name: 实施重点企业“百企扶持”计划; a chapter's may list: 成果申报、评奖及奖励)
    marks = (
        r"[。，,；;：:！？]"
        if found[0] in ("chapter", "section") and new[0] == "article"
        else r"[。，,；;：:！？、]"
    )
    return 1 <= len(heading.strip()) <= limit and not re.search(marks, heading)


def _glued_sequence(line: str) -> list[int]:
    """ "1、内科专业2、外科专业3、妇产科专业": a list printed on one line with nothing between its items; the line
    opens with 1 and every next number follows a name, in order, in the same form (where each item starts)."""
    m = _GLUED_ONE.match(line)
    if not m:
        return []
    mark = re.escape(m.group(1))
    cuts, pos = [], m.end()
    for n in range(2, 100):
        nxt = re.compile(rf"(?<=[\u4e00-\u9fff）)])\s*{n}\s*{mark}(?=\s*[\u4e00-\u9fff])").search(line, pos)
        if not nxt or re.search(rf"(?<!\d){n + 1}\s*{mark}", line[pos : nxt.start()]):
            break
        cuts.append(nxt.start() + len(nxt.group(0)) - len(nxt.group(0).lstrip()))
        pos = nxt.end()
    # every number up to the last one found; the text after 1 holds no sentence end of its own
    return cuts if cuts and not _SENTENCE_END.search(line[: cuts[0]]) else []


def _split_inline(line: str, last: dict[str, int], ever: dict[str, int] | None = None) -> list[str]:
    """Cut a long line at the labels it carries inline (seed-style run-on text).

    A chapter with its first article on the same line ("第七章　安全保障　　第三十八条 …") is cut
    however short the line.
    """
    opening = _ARTICLE_THEN_ITEM.match(line)
    if opening:
        return [
            line[: opening.end()].strip(),
            *_split_inline(line[opening.end() :], {**last, "article": 0}, ever),
        ]
    glued = _glued_sequence(line)
    if glued:
        return [line[a:b].strip() for a, b in zip([0, *glued], [*glued, len(line)], strict=True)]
    if len(line) < 60 and not _CHAPTER_THEN_ARTICLE.match(line) and not _GLUED_RANKED.search(line):
        return [line]
    cuts = []
    seen = dict(last)
    running = dict(ever or {})
    run_on = len(line) >= _RUN_ON
    first = match_label(line)
    if first:
        v = label_value(first[1])
        if v is not None:
            seen[first[0]] = v
            running[first[0]] = v
    starts = [0] if first else []  # where the labels accepted so far begin
    # where each number of each kind stands after a sentence end: a 1 glued to a table's header
    # ("…申请条件(一）…105号文扶持内容及申请条件1.进口运费补贴。") opens a list its 2 goes on with
    second: dict[str, int] = {}
    if run_on:
        for p in _INLINE_AFTER.finditer(line):
            got = match_label(line[p.start() :])
            if got and label_value(got[1]) == 2:
                second.setdefault(got[0], p.start())
    # "…经济发展局：0591-231631082.支持单位…": an item's number glued to the phone number before it
    glued = {p.start(1) for p in _PHONE_THEN_LABEL.finditer(line)} if run_on else set()
    candidates = [m.start() for m in _INLINE_STARTS.finditer(line)]
    for start in sorted(set(candidates) | glued):
        m = _INLINE_ANY.match(line, start)
        if m is None or m.start() == 0:
            continue
        plain = (
            (start in glued and label_value(m.group(0)) == seen.get("arabic", 0) + 1)
            or bool(_INLINE.match(line, m.start()))
            or _after_heading(line, starts, m.start())
            or _after_title(line, m.start())
        )
        if not plain and second:
            got = match_label(line[m.start() :])
            plain = bool(
                got
                and got[0] not in _RANK
                and label_value(got[1]) == 1
                and second.get(got[0], -1) > m.start()
                and not re.search(r"[第条款项]$", line[max(0, m.start() - 1) : m.start()])
            )
        if not plain and run_on:
            # "…核定公交客运收入（二）纳入公交运营成本项目…", "…其他业务奖励三、年度补贴…": a Chinese
            # numeral label that goes on with its sequence is one, glued to the text before it or not
            got = match_label(line[m.start() :])
            # ("…×0.2%②质量考核成绩达到85分…": so is a circled one, unless it is cited: ①、②条)
            plain = bool(
                got
                and got[0] in ("cn", "paren_cn", "circled")
                and seen.get(got[0])
                and label_value(got[1]) == seen[got[0]] + 1
                and not re.search(r"[第条款项、和及或与至述]$", line[max(0, m.start() - 1) : m.start()])
                and not (
                    got[0] == "circled" and re.match(r"[、和及或至条项]", line[m.start() + 1 : m.start() + 2])
                )
            )
        if not plain and run_on and _WENHAO_BEFORE.search(line, max(0, m.start() - 20), m.start()):
            # "…免租金扶持。 ——岚综管综〔2015〕146号① 2017年6月底前…", "…146号15.入园就业的…": a flattened
            # table's cell that names the policy's 文号 ends before the next cell's label
            got = match_label(line[m.start() :])
            plain = bool(
                got
                and got[0] in ("circled", "arabic")
                and (label_value(got[1]) or 0) <= seen.get(got[0], 0) + 1
            )
        after_tag = not plain and bool(_TAG_OPEN.search(line, max(0, m.start() - 160), m.start()))
        # "…根据等级确定：（一）较大火灾…；（二）一般火灾…；": a list run on after a colon and its semicolons,
        # in a capture that lost its line breaks; where a page keeps them, a list inside a paragraph
        # ("主要包括：1.工业机器人；2.增材制造装备。") is part of its sentence
        in_list = run_on and not plain and not after_tag and line[m.start() - 1] in "：:；;"
        if not plain and not after_tag and not in_list:
            continue
        found = match_label(line[m.start() :])
        if not found:
            continue
        # after a bracket only when the bracket closed a sentence or a 责任单位 tag:
        # "…（责任单位：市科技局）（二）…" is a new item, "(AGV)1.5亿元" is not
        kind, label = found
        # ("…项目（含残疾人运动项目）（二）奖励对象：": a bracketed label that goes on with its sequence is one too)
        if (
            line[m.start() - 1] in "）)〕"
            and not _TAG_BEFORE.search(line, 0, m.start())
            and not (kind == "paren_cn" and label_value(label) == seen.get(kind, 0) + 1 and seen.get(kind))
        ):
            continue
        rest = line[m.start() + len(label) :]
        if not rest.strip() or _UNIT_AFTER.match(rest) or _enumeration(kind, rest):
            continue
        value = label_value(label)
        across = value is not None and value == running.get(kind, -1) + 1 and value > 1
        if not _plausible_inline(kind, value, seen) and not (
            across and _after_heading(line, starts, m.start())
        ):
            continue  # (an item right after its section's short heading may go on with the last section's numbers)
        if after_tag and (value is None or value != seen.get(kind, 0) + 1):
            continue  # right after a tag's names only the next number of its sequence is believed
        if in_list and (
            kind in _RANK
            or value is None
            or value != (1 if line[m.start() - 1] in "：:" else seen.get(kind, 0) + 1)
        ):
            continue  # a colon opens a list at 1, a semicolon goes on with the next number
        if value is not None:
            seen[kind] = value
            running[kind] = value
        cuts.append(m.start())
        starts.append(m.start())
    if not cuts:
        return [line]
    pieces = []
    prev = 0
    for c in cuts:
        pieces.append(line[prev:c].strip())
        prev = c
    pieces.append(line[prev:].strip())
    return [p for p in pieces if p]


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
    if kind in ("part", "chapter", "section"):
        head = re.sub(r"\s+", "", rest)
        return head if len(head) <= 40 else None
    if kind == "article":
        m = re.match(r"^[【\[（(]([^】\]）)]{2,20})[】\]）)]", rest)
        return m.group(0) if m else None  # as printed: 【落户奖】
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
