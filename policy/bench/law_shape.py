"""The shape of a law's clause outline: structural symptoms counted on one cleaned document.

Search finds clauses, so a clause cut wrong is found wrong.  A law is built
as 编 > 分编 > 章 > 节 > 条 (article) > 款 (its paragraphs) > 项 （一） > 目 1.;
each symptom below is a way an outline can break that build, measurable on
any corpus without gold: a rule change should lower the counts and raise
none.  Pure: a Document in, counts and examples out.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from cleaner.numbering import RANK, label_value, match_label
from corpus.model import Document

ITEM_KINDS = frozenset({"cn", "paren_cn", "arabic", "paren_arabic", "arabic_close", "circled"})
_ARTICLE = re.compile(r"^[第笫]([零〇一二三四五六七八九十百千\d]+)条(?:之([一二三四五六七八九十]+))?")
# a 编/章/节 heading on a line inside a clause's text: a level the outline did not open
_HEADING_INSIDE = re.compile(
    r"\n[\s\u3000]*第[零〇一二三四五六七八九十百千\d]+(?:分?编|章|节)(?:[\s\u3000]|$)"
)

_ANNEX = re.compile(r"^附\s*件")
_DIVISION = re.compile(r"^(?:附\s*则|总\s*则|分\s*则)$")

SYMPTOMS = {
    "item holding a paragraph": "the last item (项/目) of an article's list holding a paragraph: a 款 glued to it",
    "quotation cut from its opening": "a paragraph opening with “ split from the quotation it goes on with",
    "clause without a path after the outline began": "unlabelled text cut off after the first label",
    "empty clause": "a label with no text of its own",
    "ranked path repeated": "a 章/节/条 path printed twice",
    "article numbering break": "an article whose number does not go on from the one before (之一 and a restart at 1 do)",
    "heading inside a clause": "a 编/章/节 heading line (or 附则, 总则 alone) glued into a clause's text",
}


def _kind(label: str | None) -> str | None:
    found = match_label(label) if label else None
    return found[0] if found else None


def _article_key(label: str) -> tuple[int, int] | None:
    m = _ARTICLE.match(label)
    if not m:
        return None
    main, sub = label_value(label), m.group(2)
    return (main or 0, (label_value(sub) or 0) if sub else 0)


def _next_sibling(item, nxt) -> bool:
    """``nxt`` goes on with ``item``'s list: a paragraph between two items may be the first one's."""
    return (
        nxt is not None
        and nxt.path[:-1] == item.path[:-1]
        and len(nxt.path) == len(item.path)
        and _kind(nxt.number) == _kind(item.number)
    )


def symptoms(doc: Document) -> tuple[Counter[str], dict[str, list[str]]]:
    """Each symptom's count in ``doc``, and a few examples of each (clause paths or text)."""
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}

    def note(key: str, example: str) -> None:
        counts[key] += 1
        examples.setdefault(key, []).append(example)

    clauses = doc.clauses
    began = False
    seen: set[tuple[str, ...]] = set()
    articles: list[tuple[tuple[int, int], str]] = []
    for i, c in enumerate(clauses):
        where = "/".join(c.path) or c.text[:30]
        if i and c.text.lstrip().startswith("“"):
            before = clauses[i - 1].text.rstrip()
            if before.count("“") > before.count("”") or before.endswith((":", "：")):
                note("quotation cut from its opening", where)
        if not c.path:
            if _ANNEX.match(c.text):
                began = False  # an annex's head and the lines before its first label are its own
            elif began and not _DIVISION.match(c.text):
                note("clause without a path after the outline began", where)
            continue
        began = True
        kind = _kind(c.number)
        if not re.sub(r"[\s\u3000：:。，、]", "", c.text[len(c.number or "") :]):
            note("empty clause", where)
        if (
            kind in ITEM_KINDS
            and "\n" in c.text.strip()
            and any(_kind(p) == "article" for p in c.path)
            and not _next_sibling(c, clauses[i + 1] if i + 1 < len(clauses) else None)
        ):
            note("item holding a paragraph", where)
        if _HEADING_INSIDE.search(c.text) or any(_DIVISION.match(line) for line in c.text.split("\n")[1:]):
            note("heading inside a clause", where)
        path = tuple(c.path)
        if kind in RANK and path in seen:
            note("ranked path repeated", where)
        seen.add(path)
        if kind == "article" and (key := _article_key(c.number or "")) is not None:
            articles.append((key, c.number or ""))
    for (a, label_a), (b, label_b) in pairwise(articles):
        goes_on = b == (a[0], a[1] + 1) or b == (a[0] + 1, 0) or b == (1, 0)
        if not goes_on:
            note("article numbering break", f"{label_a} -> {label_b}")
    return counts, examples
