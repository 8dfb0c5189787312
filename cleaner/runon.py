"""Labels printed inline: a capture or a record run on into one long line keeps its labels in the text.

Run-on text has no line breaks to tell a label from a number inside a
sentence; a label is believed where the page sets it apart (after a sentence
end, a space, a closing bracket) or where it goes on with its sequence.
"""

from __future__ import annotations

import re

from .numbering import RANK, UNIT_AFTER, is_enumeration, label_value, match_label

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
_GLUED_ONE = re.compile(r"1\s*([、．.])(?=[\u4e00-\u9fff])")
_SENTENCE_END = re.compile(r"[。；;]")
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
# "依照本条例第二章", "该法第三十条", "《中华人民共和国刑法》第一百二十条": a ranked label right after the name of a law
# or regulation is a citation of it
_CITED_BY = re.compile(r"(?:[本该此](?:法|法律|条例|办法|规定|细则|规则|决定|编|章|节)|[》〉>])$")
_CODE_BEFORE = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ](?=\d)")
# ("0(?<!\d0)" is "(?<!\d)0" with the 0 first, so that the engine skips ahead to a 0)
_PHONE_THEN_LABEL = re.compile(r"0(?<!\d0)\d{2,3}-\d{7,8}(\d[.．、][\u4e00-\u9fff])")
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


def _plausible_inline(kind: str, value: int | None, last: dict[str, int]) -> bool:
    """Inline labels need a sequence to believe them: 1 to open, or close to the last number.

    Run-on text has no newlines to tell a label from "包括1.xx、2.xx" inside a
    sentence; a number that continues the sequence of its kind is a label.
    """
    if kind in RANK:
        return True
    if value is None:
        return False
    prev = last.get(kind)
    if prev is None:
        return value == 1
    return value == 1 or prev <= value <= prev + 2


# a line this long is a capture run on into one line (a paragraph seldom runs past a few hundred characters)
_RUN_ON = 800
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
        if new[0] in RANK:
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


def split_inline(line: str, last: dict[str, int], ever: dict[str, int] | None = None) -> list[str]:
    """Cut a long line at the labels it carries inline (seed-style run-on text).

    A chapter with its first article on the same line ("第七章　安全保障　　第三十八条 …") is cut
    however short the line.
    """
    opening = _ARTICLE_THEN_ITEM.match(line)
    if opening:
        return [
            line[: opening.end()].strip(),
            *split_inline(line[opening.end() :], {**last, "article": 0}, ever),
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
    # (a section's list may start again at 1 glued to the section's formula: "…+其他收入1．主营业务收入…2.其他…")
    second: dict[str, list[int]] = {}
    first_ones: dict[str, list[int]] = {}
    if run_on:
        for p in _INLINE_AFTER.finditer(line):
            got = match_label(line[p.start() :])
            if got and label_value(got[1]) in (1, 2):
                (second if label_value(got[1]) == 2 else first_ones).setdefault(got[0], []).append(p.start())
    # "…经济发展局：0591-231631082.支持单位…": an item's number glued to the phone number before it
    glued = {p.start(1) for p in _PHONE_THEN_LABEL.finditer(line)} if run_on else set()
    candidates = [m.start() for m in _INLINE_STARTS.finditer(line)]
    for start in sorted(set(candidates) | glued):
        m = _INLINE_ANY.match(line, start)
        if m is None or m.start() == 0 or _CODE_BEFORE.match(line, m.start() - 1):
            continue  # ("A1、A2、A3、B1类人才", "G20、5G": a number right after a Latin letter is part of a code)
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
                and got[0] not in RANK
                and label_value(got[1]) == 1
                and got[0] in second
                and (
                    second[got[0]][0] > m.start()
                    or (
                        re.fullmatch(r"1[.．]", got[1]) is not None
                        and _opens_before_its_two(m.start(), second[got[0]], first_ones.get(got[0], []))
                    )
                )
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
        # ("…项目（含残疾人运动项目）（二）奖励对象：": a bracketed label that goes on with its sequence is one too,
        # and so is a number after a formula's bracket: "…=Σ（运营车辆数×运营天数/年度总天数）2.其他业务收入")
        if (
            line[m.start() - 1] in "）)〕"
            and not _TAG_BEFORE.search(line, 0, m.start())
            and not (kind == "paren_cn" and label_value(label) == seen.get(kind, 0) + 1 and seen.get(kind))
            and not (kind == "arabic" and label_value(label) == seen.get(kind, 0) + 1 and seen.get(kind))
        ):
            continue
        rest = line[m.start() + len(label) :]
        # ("…适时进行调整。3.年售水总量由…": a full-stop number that goes on with its list is a label before a
        # unit word too; a figure is never printed with a full stop after it)
        goes_on = kind == "arabic" and label[-1] in ".．" and label_value(label) == seen.get(kind, -1) + 1
        if not rest.strip() or (kind != "circled" and not goes_on and UNIT_AFTER.match(rest)):
            continue
        if is_enumeration(kind, rest):
            continue
        value = label_value(label)
        across = value is not None and value == running.get(kind, -1) + 1 and value > 1
        if not _plausible_inline(kind, value, seen) and not (
            across and _after_heading(line, starts, m.start())
        ):
            continue  # (an item right after its section's short heading may go on with the last section's numbers)
        if kind in RANK and _CITED_BY.search(line, max(0, m.start() - 8), m.start()):
            continue  # "（四）依照本条例第二章的规定…": 本条例's chapter is cited, not opened
        if kind == "article" and not run_on and value is not None and value <= seen.get(kind, 0):
            # "第四十五条 本法第三十九条…规定的行政处罚，由…决定。第四十三条规定的行政处罚，由…": on a line of
            # its own, an article after a sentence end that does not go on with the numbering cites one
            continue
        if after_tag and (value is None or value != seen.get(kind, 0) + 1):
            continue  # right after a tag's names only the next number of its sequence is believed
        if in_list and (
            kind in RANK
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


def _opens_before_its_two(at: int, twos: list[int], ones: list[int]) -> bool:
    """A 1 at ``at`` opens a list when a 2 of its kind follows with no other 1 of that kind in between."""
    nxt = next((t for t in twos if t > at), None)
    return nxt is not None and not any(at < o < nxt for o in ones)
