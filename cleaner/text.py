"""Line-level clean-up shared by HTML and plain text: chrome lines, white space, broken lines."""

from __future__ import annotations

import re

from .labels import CHROME_LINE_PATTERNS

_CHROME = [re.compile(p) for p in CHROME_LINE_PATTERNS]
_SPACE = re.compile(r"[ \t\xa0\u3000\u2002\u2003\u200b]+")


def normalize_line(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


def is_chrome(line: str) -> bool:
    return any(p.search(line) for p in _CHROME)


_TOOL_BAR = re.compile(r"(【[^】]{1,12}】\s*)+\|?")


def clean_lines(raw: list[str]) -> list[str]:
    lines = []
    for line in raw:
        line = normalize_line(line)
        if line.count("|") == 1 and line.endswith("|"):
            line = line[:-1].rstrip()  # the last line of a layout-table cell
        if len(line) > 300:
            line = trim_run_on(line)  # a whole page run on into one line is trimmed, never dropped
        elif not line or is_chrome(line):
            continue
        # "【关闭窗口】 【字体: 大 中 小】 【打印本文】 |" and similar bars of bracketed tools
        if _TOOL_BAR.fullmatch(line):
            continue
        lines.append(line)
    # a capture tool's header ("标题: …" / "原文链接: …" / "==== 正文 ====") is read as the page's table;
    # the body starts under its separator
    sep = next((i for i, ln in enumerate(lines[:30]) if _BODY_SEPARATOR.fullmatch(ln)), None)
    if sep is not None:
        lines = lines[sep + 1 :]
    return drop_contents(join_broken(join_lone_labels(join_fragments(lines))))


def join_lone_labels(lines: list[str]) -> list[str]:
    """ "三、" / "推动新能源上网电价全面由市场形成": a label alone on its line opens the clause whose heading is the
    next line (pages that set the label in an element of its own: <span>三、</span>, a text node per line)."""
    out: list[str] = []
    for line in lines:
        if out and _LABEL_ONLY.fullmatch(out[-1]) and not _LABEL_ONLY.match(line):
            out[-1] += line
        elif out and _number_goes_on(out[-1], line):
            out[-1] += line  # "京发改" / "〔2026〕" / "341号": a 文号 set in elements of its own
        elif out and _PART_ONLY.fullmatch(out[-1]) and _SENTENCE_GOES_ON.match(line):
            out[-1] += line  # "分为三部分。" / "第一部分" / "为项目实施方案。": a part named in a sentence
        else:
            out.append(line)
    return out


_BODY_SEPARATOR = re.compile(r"[=＝\-—]{3,}\s*正\s*文\s*[=＝\-—]{3,}")


_CONTENTS = re.compile(r"目录|目次")
_PART = re.compile(r"^第[一二三四五六七八九十百千零〇\d]+[编章节]")


def drop_contents(lines: list[str]) -> list[str]:
    """Drop a table of contents: a 目录 line, or a run of 第X章 lines, whose first entry is printed again below.

    Laws print their chapters as a contents list before the text ("目  录",
    "第一章 总  则", "第二章 …", then "第一章 总  则" again over the first
    article); the list's entries are no clauses.
    """
    for i, line in enumerate(lines[:200]):
        titled = "目" in line and bool(_CONTENTS.fullmatch(_key(line)))  # 目录 / 目次 hold 目
        if not (titled or _PART.match(line)):
            continue
        start = i + 1 if titled else i
        if start >= len(lines):
            return lines
        first = _key(lines[start])
        for j in range(start + 1, min(len(lines), start + 120)):
            entry = lines[j - 1]
            if len(entry) > 60 or entry.endswith(("。", "；")) or (not titled and not _PART.match(entry)):
                # a preamble between a 目录 and the first heading it lists ("根据…，特制订本实施细则。" / "一、实施背景")
                if titled and j - 1 - start >= 2 and any(_key(x) == first for x in lines[j : j + 12]):
                    return lines[:i] + lines[j - 1 :]
                break
            if _key(lines[j]) == first:
                if j - start >= 2:
                    return lines[:i] + lines[j:]
                break
        if not titled:
            return lines  # the first 第X章 is the text's own
    return lines


def _key(line: str) -> str:
    return _KEY_NOISE.sub("", line)


_KEY_NOISE = re.compile(r"[\s\u3000*]+")


_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置)\s*[:：]\s*\S+\s*")
_FOOTER = re.compile(
    r"主办单位|主办[:：]|网站标识码|ICP备|公网安备|版权所有|技术支持[:：]|扫一扫|上一篇[:：]|下一篇[:：]|【关闭窗口】|打印本页"
)


def trim_run_on(line: str) -> str:
    """A page captured as one line: its breadcrumb cut from the front, its footer from the back.

    The chrome patterns drop a line that holds 版权所有 or starts with 当前位置; a
    capture that ran the whole page into one line holds both, and its body in between.
    """
    line = _BREADCRUMB.sub("", line, count=1)
    for m in _FOOTER.finditer(line, len(line) // 2):
        # "评委由主办单位代表…组成": a footer word inside the text is no footer; the footer closes the line
        # or holds the site's registration marks
        if len(line) - m.start() <= 800 or _FOOTER_SURE.search(line, m.start(), m.start() + 300):
            return line[: m.start()].rstrip()
    return line


_FOOTER_SURE = re.compile(r"网站标识码|ICP备|公网安备|版权所有")


def _unclosed(line: str) -> int:
    """Brackets left open at the end of the line (counted, not walked: lines run to 16,000 characters)."""
    opens = line.count("（") + line.count("(")
    if not opens:
        return 0
    return max(0, opens - line.count("）") - line.count(")"))


def join_broken(lines: list[str]) -> list[str]:
    """Join a line cut by a page break or a stray newline to its continuation.

    The sure sign is a bracket left open ("（责任单位：市工业" / "和信息化局）"):
    real clauses close their brackets on the same line.
    """
    out: list[str] = []
    pending = 0
    for line in lines:
        if out and pending > 0 and len(line) < 400:
            out[-1] = out[-1] + line
        else:
            out.append(line)
        pending = _unclosed(out[-1]) if len(out[-1]) < 4000 else 0
    return out


# Text extracted node by node (every <span> a line): numbers, dates and labels come apart from their sentence
# ("本次需求响应实施时间为" / "2021" / "年" / "2" / "月" / "13" / "日至"; "1" / "．需求响应结束后…").
_BARE_NUMBER = re.compile(r"\d+(?:[.:~\-–]\d+)*[%％]?")
_CONTINUES = re.compile(r"^[年月日号时%％万亿元千个倍度家人次．.、，,。；;）)〕》”/~至]")
_LABEL_ONLY = re.compile(
    r"[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}[、．]"
)
_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节条]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])"
    r"[^。，,；;：:！？]{0,20}$"
)
_NUMBER_HEAD = re.compile(r"[\u4e00-\u9fa5]{1,12}")
_NUMBER_YEAR = re.compile(r"[〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）](?:\s*第?\d{1,4}\s*号)?")
_NUMBER_TAIL = re.compile(r"第?\d{1,4}\s*号")


def _number_goes_on(prev: str, line: str) -> bool:
    """A 文号's prefix, bracketed year and number on lines of their own: the next piece of the same 文号."""
    if _NUMBER_HEAD.fullmatch(prev) and not re.search(
        r"(?:通知|意见|办法|方案|决定|公告|通告|规定|细则)$", prev
    ):
        return bool(_NUMBER_YEAR.fullmatch(line))
    return bool(re.search(r"[\u4e00-\u9fa5][〔［\[【(（]\s*(?:19|20)\d{2}\s*[〕］\]】)）]$", prev)) and bool(
        _NUMBER_TAIL.fullmatch(line)
    )


_PART_ONLY = re.compile(r"第[一二三四五六七八九十\d]{1,3}部分")
_SENTENCE_GOES_ON = re.compile(r"(?:为|是|包括|主要|应当?|由|即|共|指)")
_LEADERS = re.compile(r"[.…·．]{3,}")
_PAGE_NO = re.compile(r"[-—－]\s*\d{1,3}\s*[-—－]")


def join_fragments(lines: list[str]) -> list[str]:
    """Mend a page whose text came apart at every inline element: a number, a unit, a label alone on a line
    belong to the sentence around them.

    Only pages that show the break again and again are mended (a bare number line followed by a line that
    goes on with its unit), so that table cells and page numbers of other pages stay as they are.  The
    contents list's dot leaders and page numbers (…………, - 1 -) are dropped there, and runs of one-character
    lines ("目" / "录") are one line.
    """
    pairs = sum(
        1 for a, b in zip(lines, lines[1:], strict=False) if _BARE_NUMBER.fullmatch(a) and _CONTINUES.match(b)
    )
    if pairs < 5:
        return lines
    out: list[str] = []
    glue_next = False
    for line in lines:
        if _LEADERS.fullmatch(line) or _PAGE_NO.fullmatch(line):
            continue
        line = _LEADERS.sub("", line).rstrip() if _LEADERS.search(line[-3:]) else line
        prev = out[-1] if out else ""
        bare = bool(_BARE_NUMBER.fullmatch(line))
        single = len(line) == 1 and "\u4e00" <= line <= "\u9fff"
        if out and (
            (glue_next and not _HEADING.match(line))
            or (_CONTINUES.match(line) and not prev.endswith(("。", "！", "？")))
            or (bare and not prev.endswith(("。", "！", "？", "；", "：")) and not _HEADING.match(prev))
            or (single and len(prev) == 1)
        ):
            out[-1] = prev + line
        else:
            out.append(line)
        glue_next = bare or bool(_LABEL_ONLY.fullmatch(out[-1]))
    return out
