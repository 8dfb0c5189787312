"""Lines with no sentence of their own: what a page prints around its clauses.

A signature (临沂市科学技术局 2023年5月8日), an addressee or 抄送 line, the title
again on a cover line, an entry of a table of contents (申请表……………01) or a
row of a form (企业性质 □国有 □民营) is stored as a clause like any other, and
it holds the words of the query as often as a clause does: a department word
in a signature says who signed, not who acts.  The rerank lowers such a line's
whole score (``ranking.BARE_LINE_FACTOR``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.departments import names_a_body

from .folding import folded

BARE_NAMES_MAX_CHARS = 60
_TOC_ENTRY = re.compile(r"(…{2,}|\.{4,}|·{4,}|-{4,})\s*(\d+|[xX]{1,3})?\s*$")
_SENTENCE_MARKS = re.compile(r"[，。；：,;:！？!?]")
_SPACED_NAME = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff](?: |$))")  # 国 家 能 源 局
FORM_CELL_CHARS = 12
_DATE = re.compile(
    r"\d{2,4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?|[〇零○一二三四五六七八九十]{2,4}年[一二三四五六七八九十]{1,2}月([一二三四五六七八九十]{1,3}日)?"
)
_NAMES_HEAD = re.compile(r"^(抄送|主送|印发|发送|报送)[:：]")
_NAMES_SPLIT = re.compile(r"[，,、；;：:\s]+")
LABEL = re.compile(
    r"^(第[一二三四五六七八九十百零〇两\d]+[条章节款]|[（(][一二三四五六七八九十百\d]+[）)]"
    r"|[一二三四五六七八九十百]+[、是]|\d+[.．、](?!\d))"
)
SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def is_bare_line(text: str, title: str = "") -> bool:
    """A signature, addressee or 抄送 line, a cover line repeating the title, a table of
    contents' entry or a form's row: no sentence of its own."""
    if not text or len(text) > BARE_NAMES_MAX_CHARS * 3 or _surely_a_sentence(text):
        return False
    text = folded(text).strip()
    if _TOC_ENTRY.search(text):
        return True
    flat = SPACE.sub("", text)
    title = SPACE.sub("", folded(title or ""))
    if (
        len(flat) >= 6
        and title
        and (flat in _cover_names(title) or (title in flat and len(flat) <= len(title) + 6))
    ):
        return True
    cells = text.split()
    if (
        len(cells) >= 3
        and all(len(c) <= FORM_CELL_CHARS for c in cells)
        and not _SENTENCE_MARKS.search(text)
        and not LABEL.match(flat)
        and not all(len(c) == 1 for c in cells)
    ):
        return True
    return is_bare_names(text)


_LEADERS = ("…", "...", "··", "--")
_BODY_ENDS = frozenset("局厅委会室办府门位部署处心院关行司")


def _surely_a_sentence(raw: str) -> bool:
    """Most clauses, told apart cheaply (the rerank asks of every candidate): a sentence mark and no
    dot leader, and a part between the marks that ends as no body's name does (…的, …元)."""
    if any(leader in raw for leader in _LEADERS) or not _SENTENCE_MARKS.search(raw):
        return False
    parts = _NAMES_SPLIT.split(_DATE.sub(" ", _NAMES_HEAD.sub("", raw.strip())).strip("。.；; "))
    return any(p and p[-1] not in _BODY_ENDS for p in parts)


_PRINTED_NAME = re.compile(r"《([^》]+)》|印发(.+?)的通知")


def _cover_names(title: str) -> set[str]:
    """What a cover line prints: the title, or the name of the document it issues (《…》, 印发…的通知)."""
    return {title} | {(a or b).strip("《》") for a, b in _PRINTED_NAME.findall(title)}


def is_bare_names(text: str) -> bool:
    """A signature, an addressee or a 抄送 line: names of bodies and dates, no sentence."""
    lines = [_SPACED_NAME.sub("", line.strip()) for line in folded(text or "").splitlines()]
    rest = _NAMES_HEAD.sub("", _DATE.sub(" ", " ".join(lines).strip()))
    if len(rest) > BARE_NAMES_MAX_CHARS * 2:
        return False
    parts = [n for n in _NAMES_SPLIT.split(rest.strip("。.；; ")) if n]
    return sum(map(len, parts)) <= BARE_NAMES_MAX_CHARS and all(names_a_body(n) for n in parts)
