"""The user's query string: plain words, "quoted phrases" and -exclusions.

Filters are parameters, never syntax, so a query is only these three; the
parser never raises on odd input, it drops what it cannot use and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_QUERY_CHARS = 200
MAX_TERMS = 24


class QueryError(ValueError):
    """A query that cannot be run; the message is for the user."""


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases)


_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "＂": '"', "「": '"', "」": '"', "『": '"', "』": '"', "－": "-", "\u3000": " "}
)
_JUNK = re.compile(r"[*?~^\\{}\[\]<>:：()（）+!|&;；，,。、]+")


def parse_query(q: str) -> ParsedQuery:
    q = (q or "").translate(_QUOTES).strip()
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"查询过长（{len(q)} 字），请少于 {MAX_QUERY_CHARS} 字")
    notes = []
    phrases = [p.strip() for p in re.findall(r'"([^"]+)"', q) if p.strip()]
    rest = re.sub(r'"[^"]*"?', " ", q)
    words, excluded = [], []
    for raw in rest.split():
        neg = raw.startswith("-") and len(raw) > 1
        cleaned = _JUNK.sub(" ", raw.lstrip("-")).strip()
        if cleaned != raw.lstrip("-"):
            notes.append(f"忽略了特殊符号：{raw}")
        for w in cleaned.split():
            (excluded if neg else words).append(w)
    if len(words) + len(phrases) + len(excluded) > MAX_TERMS:
        raise QueryError(f"查询词过多（超过 {MAX_TERMS} 个），请精简查询")
    return ParsedQuery(tuple(words), tuple(phrases), tuple(excluded), tuple(notes))
