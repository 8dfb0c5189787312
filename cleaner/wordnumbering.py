"""Word's automatic list numbering, put back into the text of DOCX paragraphs.

A 公文 typed in Word often numbers its items with the list feature, not by
typing "一、" or "（一）": the label then lives in numbering.xml (a level's
format, e.g. chineseCounting, and its text, e.g. "%1、") and in a counter
Word keeps while rendering, so python-docx's ``paragraph.text`` has no label
and the outline would lose every level.  This module replays Word's
counters: per abstract list, a level's counter goes up with each paragraph
at that level and the deeper levels start again, a list instance may
override a level's start, and a paragraph gets its numbering from its own
``w:numPr`` or from its style's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"))
_ROMAN += ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class Level:
    fmt: str
    text: str
    start: int = 1


@dataclass
class Numbering:
    """Word list definitions and the counters of one pass over a document."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # abstractNumId -> ilvl -> Level
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    style_numpr: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """The label Word prints for the next paragraph of list ``num_id`` at level ``ilvl``."""
        abstract = self.nums.get(num_id)
        levels = self.levels.get(abstract or "")
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
                for deeper in [k for k in counters if k > lvl]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]

        def value(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            spec = levels.get(lvl)
            if spec is None:
                return ""
            n = counters.get(lvl, spec.start)
            return _format(n, spec.fmt)

        spec = levels[ilvl]
        if spec.fmt == "bullet":
            return ""  # a bullet is no label of the outline
        return re.sub(r"%(\d)", value, spec.text)


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting"):
        import cn2an

        return cn2an.an2cn(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(ord("①") + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) - ord("0") + ord("０")) for d in str(n))
    if fmt in ("upperLetter", "lowerLetter") and 1 <= n <= 26:
        letter = chr(ord("A") + n - 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        out = ""
        for value, numeral in _ROMAN:
            while n >= value:
                out += numeral
                n -= value
        return out if fmt == "upperRoman" else out.lower()
    if fmt == "none":
        return ""
    return str(n)


def read_numbering(document) -> Numbering:
    """The list definitions of a python-docx Document (empty when it has none)."""
    numbering = Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, AttributeError, NotImplementedError):
        root = None
    if root is not None:
        for abstract in root.iter(f"{W}abstractNum"):
            aid = abstract.get(f"{W}abstractNumId")
            levels = {}
            for lvl in abstract.iter(f"{W}lvl"):
                ilvl = int(lvl.get(f"{W}ilvl", "0"))
                fmt = _val(lvl, "numFmt") or "decimal"
                text = _val(lvl, "lvlText") or ""
                start = _val(lvl, "start")
                levels[ilvl] = Level(fmt=fmt, text=text, start=int(start) if start and start.isdigit() else 1)
            numbering.levels[aid] = levels
        for num in root.iter(f"{W}num"):
            nid = num.get(f"{W}numId")
            aid = _val(num, "abstractNumId")
            if nid and aid:
                numbering.nums[nid] = aid
            for override in num.iter(f"{W}lvlOverride"):
                start = _val(override, "startOverride")
                if start and start.isdigit():
                    ilvl = int(override.get(f"{W}ilvl", "0"))
                    numbering.overrides.setdefault(nid, {})[ilvl] = int(start)
    try:
        styles = document.styles.element
    except AttributeError:
        styles = None
    if styles is not None:
        for style in styles.iter(f"{W}style"):
            found = _numpr(style.find(f"{W}pPr"))
            if found:
                numbering.style_numpr[style.get(f"{W}styleId")] = found
    return numbering


def paragraph_label(p_element, numbering: Numbering) -> str:
    """The automatic label of a <w:p>, or "" when Word prints none."""
    if not numbering.levels:
        return ""
    ppr = p_element.find(f"{W}pPr")
    found = _numpr(ppr)
    if found is None and ppr is not None:
        style = _val(ppr, "pStyle")
        found = numbering.style_numpr.get(style or "")
    if not found or found[0] == "0":  # numId 0 switches numbering off
        return ""
    return numbering.label(*found)


def _numpr(ppr) -> tuple[str, int] | None:
    if ppr is None:
        return None
    numpr = ppr.find(f"{W}numPr")
    if numpr is None:
        return None
    nid = _val(numpr, "numId")
    ilvl = _val(numpr, "ilvl")
    return (nid, int(ilvl) if ilvl and ilvl.isdigit() else 0) if nid else None


def _val(el, tag: str) -> str | None:
    child = el.find(f"{W}{tag}")
    return child.get(f"{W}val") if child is not None else None
