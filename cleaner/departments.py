"""Responsible departments from 责任单位 / 牵头单位 / 配合单位 tags, with their role.

Action plans close each task with a bracket naming who does it, in a few
printed forms:

    （责任单位：市科技局、市财政局）
    （牵头单位：市科技局；配合单位：市财政局）
    （责任单位：市科技局牵头，市财政局配合）      (role words after the names)
    （市发展改革委牵头，市科技局、市财政局配合）    (no tag word at all)
    （科技部、财政部按职责分工负责）
    责任单位：市科技局                            (a line of its own)
    （6月底完成，牵头考核单位：市公安局）           (the task's verb inside the tag word)
    （合肥海关牵头，省贸促会按职责分工配合）

A form's blank (责任单位：（公章）) and an aside naming nobody in particular
(（必要时邀请相关职能部门参与）) are not tags.

The tag belongs to the clause it closes.  Names are kept as printed; the
canonical full name (市科技局 in a 临沂 document -> 临沂市科学技术局) is added
once the document's region is known (``with_canonical``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from corpus.departments import canonical_department
from corpus.model import Department, Region

from .labels import DEPARTMENT_ORG_ENDINGS, DEPARTMENT_TAGS, FIRST_IS_LEAD

_TAG_WORDS = "|".join(sorted(DEPARTMENT_TAGS, key=len, reverse=True))
# an assessment annex prints the task's verb inside the tag word: 牵头考核单位, 责任落实单位
_TAG_VERB = re.compile(r"^(牵头|责任|主责|配合|参与|协办|协同)(?:考核|落实|实施|推进|督办)(单位|部门)$")
_TAG = re.compile(
    rf"({_TAG_WORDS}|(?:牵头|责任|主责|配合|参与|协办|协同)(?:考核|落实|实施|推进|督办)(?:单位|部门))\s*[:：]\s*"
)
_ROLE_WORDS = re.compile(
    r"(牵头|负总责|主责|(?:按职责分工)?配合|参与|协助|协同|按职责分工负责|分工负责|按职责负责|负责"
    r"|(?:具体)?(?:组织|负责)实施)$"
)
_ROLE_OF_WORD = {
    "牵头": "lead",
    "负总责": "lead",
    "主责": "lead",
    "配合": "support",
    "参与": "support",
    "协助": "support",
    "协同": "support",
    "按职责分工配合": "support",
}
_STOPS = re.compile(r"[（(【［\[〔）)】］\]〕。\n]")
# another label ends the list, with any Latin mark glued in front of it (…经济发展局H5解读：https…)
_OTHER_LABEL = re.compile(r"[；;，,。\s]*[A-Za-z0-9]*[\u4e00-\u9fff]{2,6}[:：]")
# a form's blank for a stamp or signature (责任单位：（公章）) names nobody
_PLACEHOLDER = re.compile(r"^[（(【\[][^）)】\]]*[）)】\]]$")
# a bracket with no tag word that names no unit in particular is an aside: （必要时邀请相关职能部门参与）
_GENERIC = re.compile(r"(相关|有关)(职能|业务)?(部门|单位)$")
_SPLIT = re.compile(r"[、，,/]|\s+")
_BRACKET = re.compile(r"[（(]([^（）()]{2,200})[）)]")
_ORG_END = re.compile(rf"(?:{'|'.join(DEPARTMENT_ORG_ENDINGS)})(?:等)?$")
_FIRST_IS_LEAD = re.compile("|".join(FIRST_IS_LEAD))
_LEAD_WORD = "牵头" if all(p.endswith("牵头") and not p.startswith("|") for p in FIRST_IS_LEAD) else ""
try:  # the longest match the phrases allow (re's own parser; without it each search starts at 0)
    from re._parser import parse as _parse

    _LEAD_WIDTH: int | None = _parse(_FIRST_IS_LEAD.pattern).getwidth()[1]
    _LEAD_WIDTH = _LEAD_WIDTH if _LEAD_WIDTH < 10_000 else None
except (ImportError, AttributeError):  # pragma: no cover - other Pythons
    _LEAD_WIDTH = None


def first_is_lead(text: str) -> bool:
    """Does the document say the first unit named in a 责任单位 list leads?"""
    # the phrases open on an optional word, so the regex engine would try every character of the document:
    # each ends in _LEAD_WORD, so a match ends at one of its occurrences and starts within _LEAD_WIDTH of it
    if not _LEAD_WORD:
        return bool(_FIRST_IS_LEAD.search(text))
    at = text.find(_LEAD_WORD)
    while at >= 0:
        end = at + len(_LEAD_WORD)
        if _FIRST_IS_LEAD.search(text, max(0, end - _LEAD_WIDTH) if _LEAD_WIDTH else 0, end):
            return True
        at = text.find(_LEAD_WORD, at + 1)
    return False


def find_departments(text: str, lead_first: bool = False) -> list[Department]:
    """Every department named in the tags of a clause's text, in order, one name each."""
    found: list[Department] = []
    spans = list(_tag_spans(text))
    if not spans:
        spans = [(None, body) for body in _untagged_spans(text)]
    for tag, value in spans:
        _read_value(tag, value, found, lead_first)
    return found


def with_canonical(tags: list[Department], region: Region) -> list[Department]:
    return [
        replace(d, canonical=canonical_department(d.name, region.province, region.city, region.county))
        for d in tags
    ]


def _tag_spans(text: str):
    """(tag word, value) for each "责任单位：..." up to its closing bracket or the line's end."""
    if ":" not in text and "：" not in text:
        return  # every tag is followed by a colon
    for m in _TAG.finditer(text):
        # a list of departments never runs past a few hundred characters
        limit = min(len(text), m.end() + 400)
        end = limit
        depth = 0
        for stop in _STOPS.finditer(text, m.end(), limit):
            ch = stop.group(0)
            if ch in "（(【［[〔":
                depth += 1
            elif ch in "）)】］]〕" and depth:
                depth -= 1
            else:  # a closing bracket at depth 0, or the sentence or line ends
                end = stop.start()
                break
        value = text[m.end() : end]
        # "（牵头单位：A；配合单位：B）": the next tag starts a span of its own
        nxt = _TAG.search(value)
        if nxt:
            value = value[: nxt.start()]
        # "责任单位：市科技局；完成时限：2022年底": another label ends the list
        other = _OTHER_LABEL.search(value)
        if other:
            value = value[: other.start()]
        yield m.group(1), value


def _untagged_spans(text: str):
    """Brackets that are only department names and role words: （A牵头，B、C配合）."""
    for m in _BRACKET.finditer(text):
        body = m.group(1).strip()
        groups = [g for g in re.split(r"[，,；;]", body) if g.strip()]
        if not groups or not any(_ROLE_WORDS.search(g.strip()) for g in groups):
            continue
        names = [n for g in groups for n in _SPLIT.split(_ROLE_WORDS.sub("", g.strip())) if n]
        if names and all(_ORG_END.search(n) and not _GENERIC.search(n) for n in names):
            yield body


def _split_outside_brackets(value: str, seps: str) -> list[str]:
    """Split at any of ``seps`` that is not inside brackets: "各县（市、区）人民政府" is one name."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(value):
        if ch in "（([【":
            depth += 1
        elif ch in "）)]】" and depth:
            depth -= 1
        elif ch in seps and depth == 0:
            parts.append(value[start:i])
            start = i + 1
    parts.append(value[start:])
    return [p for p in parts if p]


def _read_value(tag: str | None, value: str, found: list[Department], lead_first: bool) -> None:
    if tag and tag not in DEPARTMENT_TAGS:
        tag = _TAG_VERB.sub(r"\1\2", tag)
    default = DEPARTMENT_TAGS.get(tag or "", "responsible")
    names_in_order: list[tuple[str, str | None]] = []
    for group in _split_outside_brackets(value, "；;，,"):
        group = group.strip().strip("。.")
        explicit = None
        m = _ROLE_WORDS.search(group)
        if m:
            explicit = _ROLE_OF_WORD.get(m.group(1))
            group = group[: m.start()]
        for name in _split_outside_brackets(group, "、，,/ \t\u3000"):
            name = name.strip().strip("。.")
            inner = re.search(r"[（(](牵头|配合)[）)]$", name)
            role = explicit
            if inner:
                role = _ROLE_OF_WORD[inner.group(1)]
                name = name[: inner.start()]
            name = re.sub(r"等(?:有关)?(?:部门|单位)?$", "", name)
            if len(name) >= 2 and not _PLACEHOLDER.match(name):
                names_in_order.append((name, role))
    for i, (name, role) in enumerate(names_in_order):
        if role is None:
            role = default
            if default == "responsible" and lead_first and len(names_in_order) > 1:
                role = "lead" if i == 0 else "support"
        if not any(d.name == name for d in found):
            found.append(Department(name=name, role=role))


def lift_group_tags(clauses: list) -> None:
    """Give a tag that closes a list of sub-items to the item that holds the list.

        2.加大高新技术企业培育力度。
        （1）对首次认定的……给予30万元奖励。
        （2）对从外地整体迁入的……给予50万元奖励。
        责任单位：市科技局、市财政局

    The tag line lands in （2）'s text, but it closes item 2 as a whole, as the
    paragraph after a "…如下：①…②…③…" list does.  It is lifted when it sits on
    a line after the last sub-item's own (short) line, and neither the item nor
    any other of its sub-items carries a tag of its own.  Clauses are changed
    in place.
    """
    numbered = [c for c in clauses if c.path]
    for k, c in enumerate(numbered):
        if len(c.path) < 2 or not c.department_tags:
            continue
        parent_path = c.path[:-1]
        nxt = numbered[k + 1] if k + 1 < len(numbered) else None
        if nxt is not None and nxt.path[: len(c.path)] == c.path:
            continue  # c has sub-items of its own
        if nxt is not None and nxt.path[: len(parent_path)] == parent_path:
            continue  # not the last sub-item
        lines = c.text.split("\n")
        if len(lines) < 2 or len(lines[0]) > 150 or find_departments(lines[0]):
            continue  # the tag closes c's own paragraph
        parent = next((p for p in reversed(numbered[:k]) if p.path == parent_path), None)
        if parent is None or parent.department_tags:
            continue
        siblings = [
            s for s in numbered if s is not c and len(s.path) == len(c.path) and s.path[:-1] == parent_path
        ]
        if not siblings or any(s.department_tags for s in siblings):
            continue
        parent.department_tags, c.department_tags = c.department_tags, []
