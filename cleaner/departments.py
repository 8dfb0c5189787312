"""Responsible departments from 责任单位 / 牵头单位 / 配合单位 tags.

Action plans close each task with a bracket naming who does it:
"（责任单位：市科技局、市财政局）" or "（牵头单位：市科技局；配合单位：市财政局）".
The tag belongs to the clause it closes.
"""

from __future__ import annotations

import re

from corpus.model import Department

from .labels import DEPARTMENT_TAGS

_TAG_WORDS = "|".join(sorted(DEPARTMENT_TAGS, key=len, reverse=True))
_BRACKETED = re.compile(rf"[（(]\s*((?:{_TAG_WORDS})\s*[:：][^（）()]*)[）)]")
_LINE = re.compile(rf"^\s*((?:{_TAG_WORDS})\s*[:：].+)$", re.M)
_PART = re.compile(rf"({_TAG_WORDS})\s*[:：]\s*([^；;]*)")
_SPLIT = re.compile(r"[、，,；;/]|\s+")


def find_departments(text: str) -> list[Department]:
    found: list[Department] = []
    spans = [m.group(1) for m in _BRACKETED.finditer(text)]
    if not spans:
        spans = [m.group(1) for m in _LINE.finditer(text)]
    for span in spans:
        for part in _PART.finditer(span):
            role = DEPARTMENT_TAGS[part.group(1)]
            for name in _SPLIT.split(part.group(2)):
                name = name.strip().strip("。.").removesuffix("等")
                if len(name) >= 2 and not any(d.name == name and d.role == role for d in found):
                    found.append(Department(name=name, role=role))
    return found
