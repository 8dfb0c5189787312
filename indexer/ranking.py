"""The order of the first pages, decided here over the engine's best candidates.

The engine finds the clauses holding every query word and picks the best
fifty by its BM25; which of them is first is decided by the clause's own
text: a clause ABOUT the thing (its heading, its definition, its lead
sentence) before one that names it among twenty others.  Computed on the
stored text, not on the engine's scores, so Whoosh and tantivy agree.

The engine's BM25 knows tokens, not documents' lives: a clause of a
repealed opinion or of a draft whose final version is stored is still found,
but a little below the same words in a policy that applies.  And the same
clause reposted by a news site, or copied by a second site, is shown once:
the copy in the original document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .analysis import fold, squash
from .query import SUB_TOKEN_WEIGHT, QueryPlan

# Score factors by document status (reasoning/status.py); statuses not listed keep their score.
STATUS_FACTORS = {"repealed": 0.85, "superseded": 0.85, "expired": 0.95}
# Status rules that say the document is a copy of another one in the store.
COPY_RULES = ("repost_of", "duplicate_of")


def _status(payload: dict) -> dict:
    return payload.get("status") or {}


# What the first page is ordered by: where each query word stands in the clause, then how often
# it occurs there.  Graders and users take a clause to be ABOUT a
# thing when it names it in its heading or leads with it, and only to MENTION it when it is one
# item of a list (A、B、创新券等) or of a 责任单位 tag; a word found only through the document's
# title, a section heading above the clause or sub-tokens (研发 of 研发费用) says less again.
PLACE_WEIGHTS = {
    "heading": 1.0,  # in the clause's heading, or the short sentence that opens it
    "defined": 1.0,  # 本办法所称X / X是指: the clause that defines it
    "lead": 0.8,  # in its lead sentence (the first after the heading), or opening any sentence
    "text": 0.5,  # anywhere else in the text
    "list": 0.3,  # only as an item of an enumeration or a department tag
    "section": 0.35,  # in a heading above the clause (一、申报条件 over its items)
    "title": 0.25,  # in the document's title only
    "none": 0.0,  # matched through sub-tokens or the context only
}
FREQUENCY_WEIGHT = 0.5  # how often the words occur (BM25's saturating tf, 0 to 1)
AVERAGE_CLAUSE_CHARS = 150
TITLE_LIFT = 0.1  # share of the query's words in the document's title: its clauses first among equals
SAME_SENTENCE_BONUS = 0.25  # every query word whole in one sentence of the clause
CONTAINER_FACTOR = 0.5  # a bare heading (二、重点任务) holds no sentence of its own
SHORT_SENTENCE = 20  # characters: a sentence this short reads as a heading (支持新型研发机构发展)

_SENTENCE_END = re.compile(r"[。；;！？!?\n]+")
_LABEL = re.compile(
    r"^(第[一二三四五六七八九十百零〇两\d]+[条章节款]|[（(][一二三四五六七八九十百\d]+[）)]"
    r"|[一二三四五六七八九十百]+[、是]|\d+[.．、](?!\d))"
)
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"(责任|牵头|配合|实施|主管)(单位|部门)[:：]")


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    """The clause's sentences, folded and squashed, each without its label (（一）, 第七条, 1.).

    Cached: the clauses a user pages through or refines a query over come back."""
    squashed = _SPACE.sub("", fold(text or "").replace("\n", "。"))
    out = []
    for s in _SENTENCE_END.split(squashed):
        m = _LABEL.match(s)
        if m:
            s = s[m.end() :]
        if s:
            out.append(s)
    return tuple(out)


@lru_cache(maxsize=4096)
def _squashed(text: str) -> str:
    """Titles, headings and section names recur across candidates: squashed once."""
    return squash(text)


@lru_cache(maxsize=256)
def _words(plan: QueryPlan) -> tuple[tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]], ...]:
    """Per query word: its spellings squashed, and each spelling with its required tokens."""
    out = []
    for term in plan.terms:
        # the word as typed too: a spelling dropped from the engine query (天使投资基金 beside 天使基金)
        # finds nothing more, but where it stands whole still says what the clause is about
        words = tuple(
            w for w in dict.fromkeys([squash(term.text), *(squash(s.text) for s in term.spellings)]) if w
        )
        out.append((words, tuple((squash(s.text), s.required) for s in term.spellings)))
    return tuple(out)


def _heading_and_lead(sentences: tuple[str, ...], heading: str) -> tuple[str, int]:
    """The clause's heading and the index of its lead sentence, the first one after the heading.

    A clause without a heading often opens with a short one all the same (四是提升创新能力。…).
    """
    first = sentences[0] if sentences else ""
    if heading and first.startswith(heading):
        return heading, 1
    if heading:
        return heading, 0
    if len(first) <= SHORT_SENTENCE and len(sentences) > 1:
        return first, 1
    return "", 0


def _is_list_item(s: str, at: int, end: int) -> bool:
    """One item of an enumeration (A、B、C) or of a department tag (责任单位：市科技局、市财政局)."""
    return bool(_TAG.search(s[:at])) or s[at - 1 : at] == "、" or "、" in s[end : end + 2]


def _place(word: str, sentences: tuple[str, ...], heading: str, lead: int) -> str:
    """The best place of one spelling of a query word in the clause's own text."""
    if not word:
        return "none"
    if heading and word in heading:
        return "heading"
    best = "none"
    for i, s in enumerate(sentences):
        at = s.find(word)
        while at >= 0:
            end = at + len(word)
            if s[max(0, at - 2) : at] == "所称" or s[end : end + 3].lstrip("，,").startswith("是指"):
                return "defined"
            if _is_list_item(s, at, end):
                place = "list"
            elif i == lead or at <= 1:
                place = "lead"
            else:
                place = "text"
            if PLACE_WEIGHTS[place] > PLACE_WEIGHTS[best]:
                best = place
            at = s.find(word, at + 1)
    return best


def _is_container(sentences: tuple[str, ...], heading: str) -> bool:
    """A bare heading: nothing in the clause beyond its label and heading."""
    rest = "".join(sentences)
    if heading:
        rest = rest.replace(heading, "", 1)
    return len(rest) < 4


def clause_features(
    plan: QueryPlan, payload: dict, sentences: tuple[str, ...] | None = None, words: tuple | None = None
) -> tuple[float, float]:
    """How much the clause is about the query, from where its words stand (0 to about 1.35),
    and the factor of its whole score: less for a bare heading than for a clause that says something."""
    if sentences is None:
        sentences = _sentences(payload.get("text") or "")
    printed_heading = _squashed(payload.get("heading") or "")
    factor = CONTAINER_FACTOR if _is_container(sentences, printed_heading) else 1.0
    if not plan.terms:
        return 0.0, factor
    heading, lead = _heading_and_lead(sentences, printed_heading)
    sections = _squashed("|".join(payload.get("sections") or []))
    title = _squashed(payload.get("title") or "")
    total = 0.0
    whole_in: list[set[int]] = []
    for spelled, _ in words if words is not None else _words(plan):
        best = max((PLACE_WEIGHTS[_place(w, sentences, heading, lead)] for w in spelled), default=0.0)
        if best < PLACE_WEIGHTS["section"] and any(w in sections for w in spelled):
            best = PLACE_WEIGHTS["section"]
        in_title = any(w in title for w in spelled)
        if best < PLACE_WEIGHTS["title"] and in_title:
            best = PLACE_WEIGHTS["title"]
        total += best + (TITLE_LIFT if in_title else 0.0)
        whole_in.append({i for i, s in enumerate(sentences) if any(w in s for w in spelled)})
    score = total / len(plan.terms)
    if len(whole_in) > 1 and set.intersection(*whole_in):
        score += SAME_SENTENCE_BONUS
    return score, factor


def _frequency(plan: QueryPlan, text: str, words: tuple | None = None) -> float:
    """BM25's term-frequency part, over the clause's own text and the query's words as printed:
    how often each word (its sub-tokens a quarter as much) occurs, saturating, against the
    clause's length.  Computed here, not taken from the engine, so both backends order alike."""
    if not plan.terms or not text:
        return 0.0
    size = 0.25 + 0.75 * len(text) / AVERAGE_CLAUSE_CHARS
    total = 0.0
    for _, spellings in words if words is not None else _words(plan):
        tf = 0.0
        for word, required in spellings:
            whole = text.count(word) if word else 0
            parts = sum(text.count(t) for t in required) / max(1, len(required))
            tf = max(tf, whole + SUB_TOKEN_WEIGHT * max(0.0, parts - whole))
        total += tf / (tf + 1.2 * size)
    return total / len(plan.terms)


def rerank(plan: QueryPlan, hits: list[tuple[dict, float]]) -> list[tuple[dict, float]]:
    """Relevance order: where the query's words stand in each clause, then how often they occur,
    lowered for documents that no longer apply.

    The engine's own score only chose the candidates: both backends' candidates go through
    the same rules on the same text, so their first pages are the same.
    """
    if not plan.terms:  # a 文号 alone: every clause of the document, in the engine's (document) order
        kept = [(p, s * STATUS_FACTORS.get(_status(p).get("status"), 1.0)) for p, s in hits]
        return sorted(kept, key=lambda ps: -ps[1])
    scored = []
    words = _words(plan)
    for p, _ in hits:
        sentences = _sentences(p.get("text") or "")
        about, factor = clause_features(plan, p, sentences, words)
        score = (FREQUENCY_WEIGHT * _frequency(plan, "".join(sentences), words) + about) * factor
        scored.append((p, score * STATUS_FACTORS.get(_status(p).get("status"), 1.0)))
    return sorted(scored, key=lambda ps: (-ps[1], ps[0].get("clause_id") or ""))


def _is_copy(payload: dict) -> bool:
    return _status(payload).get("rule") in COPY_RULES


def dedupe(hits: list[tuple[dict, float]]) -> list[tuple[dict, float]]:
    """One hit per clause text: where two documents hold the same clause, the original's stands.

    Order is kept; a copy seen first gives its place to the original when the
    original comes later in the list.
    """
    place: dict[str, int] = {}
    out: list[tuple[dict, float]] = []
    for p, s in hits:
        key = squash(p.get("text") or "")
        if len(key) < 20:  # short lines (一、总体要求) repeat across documents without being copies
            out.append((p, s))
            continue
        i = place.get(key)
        if i is None:
            place[key] = len(out)
            out.append((p, s))
        elif _is_copy(out[i][0]) and not _is_copy(p):
            out[i] = (p, out[i][1])
    return out
