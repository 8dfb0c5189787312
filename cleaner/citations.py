"""Other documents a document names: the ones it cites and the ones it repeals.

Government documents cite by 《title》, by 文号 in any bracket form, or by
both ("根据《…》（鲁政发〔2018〕5号）精神"), and by decree number
(江西省人民政府令第161号).  They repeal in set phrases: "原《…》同时废止",
"…停止执行", "与本办法不一致的，以本办法为准", or a 废止决定 whose list of
documents each lose force.  The phrase tables are data; the functions walk
sentences.

A document's own 文号 is never a citation: neither the one the metadata gives
nor a 文号 printed alone on a line right under the title.
"""

from __future__ import annotations

import re

from corpus.keys import number_key, title_key
from corpus.model import Reference

_OPEN = "〔[［【(（"
_CLOSE = "〕]］】)）"
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMBER = rf"[\u4e00-\u9fa5]{{1,14}}\s*[{re.escape(_OPEN)}]\s*(?:19|20)\d{{2}}\s*[{re.escape(_CLOSE)}]\s*第?\s*\d{{1,5}}\s*号"
_DECREE = r"[\u4e00-\u9fa5]{2,18}?令\s*第\s*\d{1,5}\s*号|[\u4e00-\u9fa5]{2,18}?第\s*\d{1,5}\s*号令"
DOC_NUMBER = re.compile(rf"(?:{_NUMBER})|(?:{_DECREE})")
TITLE = re.compile(r"《([^《》\n]{2,120})》")
# A title followed by its 文号(s) in brackets: 《…》（鲁政发〔2018〕5号）.
_AFTER_TITLE = re.compile(  # used with .match(text, pos): anchored where the title ends
    rf"\s*[（(]\s*((?:{_NUMBER}|{_DECREE})(?:\s*[、，,和及]\s*(?:{_NUMBER}|{_DECREE}))*)\s*[）)]"
)
# Words that lead into a 文号 but are never part of its prefix: the prefix
# starts after the last of them ("省政府办公厅印发的鲁政办发〔2018〕5号" -> 鲁政办发…).
_LEADING_WORDS = re.compile(
    r"^.*(?:根据|依据|按照|参照|对照|贯彻|落实|执行|印发|转发|废止|详见|同时|文件|以及|强调|要求|明确|提出|指出"
    r"|参见|的|和|与|及|或|原|是|为|在|于|由|从|向|按|如)"
)
_PREFIX_MAX = 8  # 文号 prefixes are abbreviations: 鲁政办发, 国科发区, 工信部联科
# An abbreviation of the document's own title ("《方案》提出…") is no citation.
_ABBREVIATION = re.compile(
    r"^(?:实施|若干|行动|工作|专项|管理|暂行|试行|总体|发展)*"
    r"(?:意见|方案|规划|办法|通知|细则|措施|决定|条例|规定|指南|公告|政策|计划|纲要|规则|标准|实施意见)$"
)
_NOT_DOCUMENTS = re.compile(r"(?:日报|晚报|杂志|报$|网$|周刊|学报|新闻联播)")

REPEAL_WORDS = re.compile(
    r"(?:同时|予以|一并|宣布|决定)?(?:废止|失效|停止执行|不再执行|停止实施|不再实施)|以本[\u4e00-\u9fa5]{1,8}?为准"
)
# REPEAL_WORDS without its optional lead-in: a line holds one exactly when it holds this, which opens on
# a literal the regex engine can skip ahead to (the optional group made it try every character)
_HAS_REPEAL = re.compile(r"废止|失效|停止执行|不再执行|停止实施|不再实施|以本[\u4e00-\u9fa5]{1,8}?为准")
# A repeal phrase that introduces a list ("决定废止以下文件：", "废止的文件目录").
_LIST_INTRO = re.compile(r"(?:废止|失效|停止执行|不再执行)[^。]{0,30}(?:[:：]|如下|目录|清单)\s*$")
_LIST_ITEM = re.compile(
    r"^\s*(?:\d{1,3}\s*[.．、)）]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])?\s*"
)
_SENTENCE = re.compile(r"[^。；;！\n]+[。；;！]?")
_CHUNK = re.compile(r"[^，,：:]+[，,：:]?")
_OWN_AT_TOP = 3  # a 文号 alone on one of the first lines is the document's own


def find_citations(
    text: str, *, own_number: str | None = None, own_title: str | None = None
) -> list[Reference]:
    """Every other document the text names, in order of first mention, merged by 文号 or title."""
    own = _OwnKeys(own_number, own_title, text)
    refs: list[Reference] = []
    for line in text.split("\n"):
        refs += _references_in(line, own)
    return merge_references(refs)


def find_repeals(
    text: str, *, own_number: str | None = None, own_title: str | None = None
) -> list[Reference]:
    """The documents this one declares repealed, replaced or no longer in force."""
    own = _OwnKeys(own_number, own_title, text)
    refs: list[Reference] = []
    # "关于废止《…》的通知": the title says what is repealed.
    if own_title and re.search(r"废止|失效|停止执行", own_title):
        refs += [Reference(title=t) for t in TITLE.findall(own_title) if not _ABBREVIATION.match(t)]
    lines = [ln for ln in text.split("\n") if ln.strip()]
    in_list = False
    for line in lines:
        if not in_list and not _HAS_REPEAL.search(line):
            continue  # most lines repeal nothing: skip the sentence walk
        if in_list:
            if _is_header_row(line):
                continue
            item = _list_item(line, own)
            if item:
                refs.append(item)
                continue
            in_list = False
        for sentence in _SENTENCE.findall(line):
            if _LIST_INTRO.search(sentence.rstrip("。；;")):
                in_list = True
                # "决定废止以下3件文件：《A》、《B》" on one line: the rest is the list.
                refs += _references_in(sentence, own)
                continue
            refs += _repealed_in(sentence, own)
    return merge_references(refs)


class _OwnKeys:
    def __init__(self, number: str | None, title: str | None, text: str):
        self.numbers = {number_key(number)} if number else set()
        # A 文号 alone on a short line at the top: the document's own, printed under its title.
        for line in _first_lines(text, _OWN_AT_TOP):
            stripped = line.strip().strip("（）()[]【】 ")
            # a whole line that is a 文号 ends in 号 or 号令: any other line is not copied to be tried
            m = DOC_NUMBER.fullmatch(stripped.translate(_DIGITS)) if stripped.endswith(("号", "令")) else None
            if m:
                self.numbers.add(number_key(m.group(0)))
        self.title = title_key(title)

    def is_own(self, ref: Reference) -> bool:
        if ref.doc_number and number_key(ref.doc_number) in self.numbers:
            return True
        return bool(ref.title and not ref.doc_number and self.title and title_key(ref.title) == self.title)


def _first_lines(text: str, n: int) -> list[str]:
    """[ln for ln in text.split("\\n") if ln.strip()][:n], without splitting the whole body."""
    out: list[str] = []
    start = 0
    while len(out) < n and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            out.append(text[start:end])
        start = end + 1
    return out


def _references_in(text: str, own: _OwnKeys) -> list[Reference]:
    """References in reading order: 《title》 with the 文号 after it, and bare 文号."""
    if "《" not in text and "号" not in text:
        return []  # every title has 《, every 文号 and decree number ends in 号
    plain = text.translate(_DIGITS)
    out: list[Reference] = []
    taken: list[tuple[int, int]] = []
    for m in TITLE.finditer(plain):
        title = text[m.start(1) : m.end(1)].strip()
        after = _AFTER_TITLE.match(plain, m.end())  # no slicing: a long line stays linear
        numbers = []
        if after:
            base = after.start(1)
            numbers = [
                _number_text(text[base + n.start() : base + n.end()])
                for n in DOC_NUMBER.finditer(after.group(1))
            ]
        end = after.end() if after else m.end()
        taken.append((m.start(), end))
        if not _is_document_title(title):
            continue
        if numbers:
            out += [(m.start(), Reference(doc_number=n, title=title)) for n in numbers]
        else:
            out.append((m.start(), Reference(title=title)))
    # a 文号 ends in 号 and holds an opening bracket (_NUMBER) or 令 (_DECREE): without them, no scan
    may_number = "号" in plain and ("令" in plain or any(ch in plain for ch in _OPEN))
    for m in DOC_NUMBER.finditer(plain) if may_number else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append((m.start(), Reference(doc_number=_number_text(text[m.start() : m.end()]))))
    out.sort(key=lambda pair: pair[0])
    return [ref for _, ref in out if (ref.doc_number or ref.title) and not own.is_own(ref)]


def _number_text(raw: str) -> str:
    """The printed 文号 without the words that led into it ("根据鲁政发…" -> "鲁政发…")."""
    s = re.sub(r"\s+", "", raw)
    head = re.match(r"[\u4e00-\u9fa5]+", s)
    if head:
        cut = _LEADING_WORDS.match(head.group(0))
        if cut and len(head.group(0)) - cut.end() >= 1:
            s = s[cut.end() :]
        if not re.search(r"令\s*第|号令$", s):
            prefix = re.match(r"[\u4e00-\u9fa5]+", s).group(0)
            s = s[max(0, len(prefix) - _PREFIX_MAX) :]
    return s


def _is_document_title(title: str) -> bool:
    t = re.sub(r"\s+", "", title)
    if len(t) < 4 or _ABBREVIATION.match(t) or _NOT_DOCUMENTS.search(t):
        return False
    return True


def _repealed_in(sentence: str, own: _OwnKeys) -> list[Reference]:
    """The references a repeal phrase applies to: the comma clauses leading up to it."""
    if not REPEAL_WORDS.search(sentence):
        return []
    plain = sentence.translate(_DIGITS)
    out: list[Reference] = []
    for m in REPEAL_WORDS.finditer(plain):
        chunks = [(c.start(), c.end()) for c in _CHUNK.finditer(plain[: m.end()])]
        if not chunks:
            continue
        # The clause with the verb, then the clauses before it while they name documents.
        start = chunks[-1][0]
        found = _references_in(sentence[start : m.end()], own)
        for a, b in reversed(chunks[:-1]):
            piece = sentence[a:b]
            if re.match(r"\s*(?:根据|依据|按照|为|经)", piece):
                break
            refs = _references_in(piece, own)
            if not refs:
                break
            found = refs + found
            start = a
        # "决定废止《…》（…号）、《…》": the documents follow the verb.
        rest = plain[m.end() :]
        if re.match(
            r"(?:了|原|下列|以下)?\s*(?:《|[\u4e00-\u9fa5]{1,8}\s*[〔\[［【(（]\s*(?:19|20)\d{2})", rest
        ):
            stop = re.search(r"[。；;]", rest)
            found += _references_in(sentence[m.end() : m.end() + (stop.start() if stop else len(rest))], own)
        out += found
    return out


_HEADER_CELL = re.compile(r"序号|文件名称|名称|标题|文号|发文字号|发文机关|印发日期|成文日期|备注|废止理由")


def _is_header_row(line: str) -> bool:
    cells = [c.strip() for c in line.split("|") if c.strip()]
    return len(cells) > 1 and all(_HEADER_CELL.fullmatch(c) for c in cells)


def _list_item(line: str, own: _OwnKeys) -> Reference | None:
    """One entry of a repeal list: "1.临沂市人民政府关于…的通知（临政发〔2015〕3号）" or a table row."""
    cells = [c.strip() for c in line.split("|") if c.strip()]
    if len(cells) > 1:
        cells = [c for c in cells if not (re.fullmatch(r"\d{1,3}", c) or _HEADER_CELL.fullmatch(c))]
        line = " ".join(cells)
    body = _LIST_ITEM.sub("", line, count=1).strip().rstrip("；;。，,")
    refs = _references_in(body, own)
    if refs:
        if len(refs) == 1 and refs[0].title is None:
            # "关于…的通知（临政发〔2015〕3号）": the title is printed without 《》.
            m = DOC_NUMBER.search(body.translate(_DIGITS))
            title = body[: m.start()].strip().rstrip("（(［[【 ") if m else ""
            if m and len(title) >= 6:
                return Reference(doc_number=refs[0].doc_number, title=title)
        return refs[0]
    if 6 <= len(body) <= 90 and re.search(
        r"(?:意见|办法|通知|方案|规划|细则|措施|决定|规定|条例|指南|公告)$", body
    ):
        return Reference(title=body)
    return None


def merge_references(refs: list[Reference]) -> list[Reference]:
    """One reference per document: a 文号 and a title seen apart join when they belong together."""
    out: list[Reference] = []
    by_number: dict[str, int] = {}
    by_title: dict[str, int] = {}
    for ref in refs:
        nk, tk = number_key(ref.doc_number), title_key(ref.title)
        i = by_number.get(nk) if nk else None
        if i is None and tk and tk in by_title:
            j = by_title[tk]
            if not nk or not out[j].doc_number:
                i = j
        if i is None:
            out.append(ref)
            i = len(out) - 1
        else:
            old = out[i]
            out[i] = Reference(doc_number=old.doc_number or ref.doc_number, title=old.title or ref.title)
        if nk:
            by_number[nk] = i
        if tk:
            by_title.setdefault(tk, i)
    return out


__all__ = ["find_citations", "find_repeals", "merge_references"]
