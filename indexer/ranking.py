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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .analysis import fold, squash
from .bare_lines import LABEL, SPACE, is_bare_line
from .entries import SENTENCES_KEY, query_haystack, squashed, text_key
from .folding import folded
from .query import SUB_TOKEN_WEIGHT, QueryPlan

# Score factors by document status (reasoning/status.py); statuses not listed keep their score.
STATUS_FACTORS = {"repealed": 0.85, "superseded": 0.85, "expired": 0.95}
DEDUPE_MIN_CHARS = 20  # a shorter text (一、总体要求) recurs across documents without being a copy
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
# How much of the query a clause holds, rare words weighing more: all the words first, but
# not all the words only (a clause missing a common word may still answer).
COVERAGE_WEIGHT = 1.0
EXPANDED_LIST_FACTOR = 0.5  # another name of a word, only as an item of a list: lower again
PARTS_PLACE = 0.3  # a word not printed whole, its own tokens in one sentence (离岗 … 创业)
SCOPE_NAMED = 0.9  # a place or year word: a clause of another place's (year's) document naming it
SCOPE_ELSEWHERE = 0.6  # … and one that does not name it at all
BARE_LINE_FACTOR = 0.3  # a line with no sentence of its own (bare_lines.py): the whole score

_SENTENCE_END = re.compile(r"[。；;！？!?\n]+")
_TAG = re.compile(r"(责任|牵头|配合|实施|主管)(单位|部门)[:：]")


@lru_cache(maxsize=8192)
def _sentences(text: str) -> tuple[str, ...]:
    """The clause's sentences, folded and squashed, each without its label (（一）, 第七条, 1.).

    Cached: the clauses a user pages through or refines a query over come back."""
    squashed = SPACE.sub("", folded(text or "").replace("\n", "。"))
    out = []
    for s in _SENTENCE_END.split(squashed):
        m = LABEL.match(s)
        if m:
            s = s[m.end() :]
        if s:
            out.append(s)
    return tuple(out)


# The derived forms an index stores with each payload (entries.SENTENCES_KEY, TEXT_KEY, FACETS_KEY)
# are read only when written under this version: bump it when _sentences, folding or what is stored
# changes (folding's table is Python's Unicode's).  2: with the facet values.
TEXT_FORMS_VERSION = f"2/{unicodedata.unidata_version}"


def text_forms(text: str) -> tuple[tuple[str, ...], str]:
    """What an index stores with a clause's payload: its sentences as the rerank reads them and its
    squashed text (dedupe's key), so that no query derives them again."""
    return _sentences(text), squashed(text)


def clause_sentences(payload: dict) -> tuple[str, ...]:
    stored = payload.get(SENTENCES_KEY)
    return stored if stored is not None else _sentences(payload.get("text") or "")


@lru_cache(maxsize=4096)
def _squashed(text: str) -> str:
    """Titles, headings and section names recur across candidates: squashed once."""
    return squash(text)


@dataclass(frozen=True)
class _Word:
    """One query word as the rerank reads it: its written forms squashed, with their factors."""

    names: tuple[tuple[str, float], ...]  # the word as typed first (factor 1), then its other forms
    spellings: tuple[
        tuple[str, tuple[str, ...], tuple[str, ...], float], ...
    ]  # (text, required, keys, factor)
    scope: bool
    parts: tuple[tuple[str, ...], ...] = ()  # each spelling's keys squashed, where it has several
    part_factors: tuple[tuple[tuple[str, ...], float], ...] = ()  # the same, with their spellings' factors
    named: bool = False  # a regulation's name (query.Term.named): its document's clauses first


@lru_cache(maxsize=256)
def _words(plan: QueryPlan) -> tuple[_Word, ...]:
    out = []
    for term in plan.terms:
        # the word as typed too: a spelling dropped from the engine query (天使投资基金 beside 天使基金)
        # finds nothing more, but where it stands whole still says what the clause is about
        names: dict[str, float] = {}
        for text, factor in [(term.text, 1.0), *term.names, *((s.text, s.factor) for s in term.spellings)]:
            w = squash(text)
            if w and names.get(w, -1.0) < factor:
                names[w] = factor
        spellings = tuple((squash(s.text), s.required, s.keys, s.factor) for s in term.spellings)
        several = [s for s in term.spellings if len(s.keys) > 1]
        parts = tuple(tuple(squash(k) for k in s.keys) for s in several)
        part_factors = tuple((keys, s.factor) for keys, s in zip(parts, several, strict=True))
        out.append(_Word(tuple(names.items()), spellings, term.scope, parts, part_factors, term.named))
    return tuple(out)


_SHAPE: list = [((), None, ((), (), ()))]  # the last query's (words, weights, shape): one entry


def _shape(
    words: tuple[_Word, ...], weights: tuple[float, ...] | None
) -> tuple[tuple[float, ...], tuple[bool, ...], tuple[_Word, ...]]:
    """Per query, not per clause: each word's weight, whether it is a topic (a place or year
    word is none, unless every word is one), and the topic words, those with the fewest forms
    first (looking for all of them in one sentence, a sentence lacking one is left soonest).
    Remembered for the query's words (the same tuple, ``_words``) without hashing them for
    every candidate."""
    last_words, last_weights, shape = _SHAPE[0]
    if last_words is words and last_weights == weights:
        return shape
    topics = tuple(not (w.scope or w.named) for w in words)
    topics = topics if any(topics) else (True,) * len(words)
    cheap_first = sorted((w for w, topic in zip(words, topics, strict=True) if topic), key=_forms)
    shape = tuple(_weights(words, weights)), topics, tuple(cheap_first)
    _SHAPE[0] = (words, weights, shape)
    return shape


def _forms(word: _Word) -> int:
    return len(word.names) + len(word.parts)


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


def _place(word: str, sentences: tuple[str, ...], heading: str, lead: int, text: str | None = None) -> str:
    """The best place of one spelling of a query word in the clause's own text.
    ``text``: the sentences joined; a word it lacks is in none of them (most other names are not)."""
    if not word:
        return "none"
    if heading and word in heading:
        return "heading"
    if text is not None and word not in text:
        return "none"
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


class Features(NamedTuple):  # a tuple: one is made per candidate
    about: float  # where the topic words stand (0 to about 1.35), weighted by their idf
    factor: float  # less for a bare heading than for a clause that says something
    coverage: float  # share of the query (idf-weighted) the clause holds anywhere, 0 to 1
    scope: float  # 1 in the place (year) a place (year) word names; less elsewhere


def _weights(words: tuple[_Word, ...], weights: tuple[float, ...] | None) -> list[float]:
    return list(weights) if weights and len(weights) == len(words) else [1.0] * len(words)


def _term_place(
    word: _Word,
    sentences: tuple[str, ...],
    heading: str,
    lead: int,
    sections: str,
    title: str,
    text: str | None = None,
) -> tuple[float, bool]:
    """The best place of any form of the word, times that form's factor; and whether the title holds it."""
    best = 0.0
    in_title = False
    for n, (name, factor) in enumerate(word.names):
        if text is not None and name not in text and not (heading and name in heading):
            w = 0.0  # _place's "none", without the call (most other names of a word are nowhere)
        else:
            place = _place(name, sentences, heading, lead, text)
            w = PLACE_WEIGHTS[place]
            if place == "list" and n > 0:
                # another name of the word standing in an enumeration (工会、共青团、科学技术协会…)
                w *= EXPANDED_LIST_FACTOR
        if w < PLACE_WEIGHTS["section"] and name in sections:
            w = PLACE_WEIGHTS["section"]
        if name in title:
            in_title = True
            w = max(w, PLACE_WEIGHTS["title"])
        if w * factor > best:
            best = w * factor
    if best == 0.0:
        best = _parts_place(word, sentences, text)
    return best, in_title


def _parts_place(word: _Word, sentences: tuple[str, ...], text: str | None = None) -> float:
    """A word not printed whole whose own tokens all stand in one sentence (离岗 … 创业 for 离岗创业).
    ``text``: the sentences joined; tokens it lacks are in no sentence."""
    best = 0.0
    for parts, factor in word.part_factors:
        if text is not None and not all(k in text for k in parts):
            continue
        if any(all(k in s for k in parts) for s in sentences):
            best = max(best, PARTS_PLACE * factor)
    return best


def _in_sentence(word: _Word, sentence: str) -> bool:
    """The sentence holds the word: whole, or all its own tokens (国家级、省级科技企业孵化器 for 国家级孵化器)."""
    return any(n in sentence for n, _ in word.names) or any(
        all(k in sentence for k in keys) for keys in word.parts
    )


def _covered(word: _Word, haystack: str) -> bool:
    """The clause or its document holds the word: whole, or every token one spelling requires."""
    return any(name in haystack for name, _ in word.names) or any(
        all(t in haystack for t in required) for _, required, _, _ in word.spellings
    )


def _scope_factor(word: _Word, payload: dict, text: str) -> float:
    """A place or year word asks for that place's (that year's) documents, a regulation's name
    for that regulation's clauses (and its implementing rules': 专利法 in 专利法实施细则): theirs
    first, then clauses that name it, then the rest."""
    typed = word.names[0][0]
    if word.named:
        if typed in _squashed(payload.get("title") or ""):
            return 1.0
    elif typed.isdigit():
        if str(payload.get("published") or "").startswith(typed):
            return 1.0
    else:
        region = payload.get("region") or {}
        names = [fold(n) for n in (region.get("province"), region.get("city"), region.get("county")) if n]
        if any(n.startswith(typed) or typed.startswith(n) for n in names):
            return 1.0
    if typed in text or typed in _squashed(payload.get("title") or ""):
        return SCOPE_NAMED
    return SCOPE_ELSEWHERE


def clause_features(
    plan: QueryPlan,
    payload: dict,
    sentences: tuple[str, ...] | None = None,
    words: tuple[_Word, ...] | None = None,
    weights: tuple[float, ...] | None = None,
) -> Features:
    """How much the clause is about the query, from where its words stand, weighted by their idf."""
    if sentences is None:
        sentences = clause_sentences(payload)
    printed_heading = _squashed(payload.get("heading") or "")
    factor = CONTAINER_FACTOR if _is_container(sentences, printed_heading) else 1.0
    if not plan.terms:
        return Features(0.0, factor, 1.0, 1.0)
    words = words if words is not None else _words(plan)
    ws, topics, topic_words = _shape(words, weights)
    heading, lead = _heading_and_lead(sentences, printed_heading)
    sections = _squashed("|".join(payload.get("sections") or []))
    title = _squashed(payload.get("title") or "")
    text = "".join(sentences)
    hay: list[str] = []

    def haystack() -> str:  # only for a word not found in the clause's own text (most are)
        if not hay:
            hay.append(
                "|".join(
                    (text, title, sections, query_haystack(payload), str(payload.get("published") or "")[:4])
                )
            )
        return hay[0]

    total = weight = covered = held = 0.0
    scope = 1.0
    for i, word in enumerate(words):
        if not topics[i]:
            factor_i = _scope_factor(word, payload, text)
            scope *= factor_i
            # a place, year or regulation counts in how much of the query the clause holds, not in
            # what it is about
            held += ws[i]
            covered += ws[i] * (1.0 if factor_i > SCOPE_ELSEWHERE else 0.0)
            continue
        best, in_title = _term_place(word, sentences, heading, lead, sections, title, text)
        total += ws[i] * (best + (TITLE_LIFT if in_title else 0.0))
        weight += ws[i]
        held += ws[i]
        if best > 0 or _covered(word, haystack()):
            covered += ws[i]
    about = total / weight if weight else 0.0
    if (
        len(topic_words) > 1
        and all(_in_sentence(w, text) for w in topic_words)  # what no sentence lacks, the text holds
        and any(all(_in_sentence(w, s) for w in topic_words) for s in sentences)
    ):
        about += SAME_SENTENCE_BONUS
    return Features(about, factor, covered / held if held else 1.0, scope)


def bare_factor(payload: dict, sentences: tuple[str, ...]) -> float:
    """BARE_LINE_FACTOR for a line with no sentence of its own (``bare_lines``), else 1.  Not one of
    the Features: it only lowers a score, so the first pages' bounds leave it out and only the
    candidates scored in full pay for it."""
    if len(sentences) <= 2 and is_bare_line(payload.get("text") or "", payload.get("title") or ""):
        return BARE_LINE_FACTOR
    return 1.0


def _frequency(
    plan: QueryPlan,
    text: str,
    words: tuple[_Word, ...] | None = None,
    weights: tuple[float, ...] | None = None,
) -> float:
    """BM25's term-frequency part, over the clause's own text and the query's words as printed:
    how often each topic word (its sub-tokens a quarter as much) occurs, saturating, against the
    clause's length, weighted by the words' idf.  Computed here, not taken from the engine, so
    both backends order alike."""
    if not plan.terms or not text:
        return 0.0
    words = words if words is not None else _words(plan)
    ws, topics, _ = _shape(words, weights)
    size = 0.25 + 0.75 * len(text) / AVERAGE_CLAUSE_CHARS
    total = weight = 0.0
    for i, word_i in enumerate(words):
        if not topics[i]:
            continue
        tf = 0.0
        for word, required, _, factor in word_i.spellings:
            whole = text.count(word) if word else 0
            parts = sum(map(text.count, required)) / max(1, len(required))
            tf = max(tf, factor * (whole + SUB_TOKEN_WEIGHT * max(0.0, parts - whole)))
        typed = word_i.names[0][0]
        tf = max(tf, float(text.count(typed)))
        total += ws[i] * tf / (tf + 1.2 * size)
        weight += ws[i]
    return total / weight if weight else 0.0


def rerank(
    plan: QueryPlan, hits: list[tuple[dict, float]], weights: tuple[float, ...] | None = None
) -> list[tuple[dict, float]]:
    """Relevance order: how much of the query each clause holds (rare words weighing more), where
    its words stand, then how often they occur, lowered for documents that no longer apply and,
    when the query names a place, for documents of other places.

    ``weights``: one per query word, its idf in the index (``search.term_weights``).  The
    engine's own score only chose the candidates: both backends' candidates go through the same
    rules on the same text, so their first pages are the same.
    """
    if not plan.terms:  # a 文号 alone: every clause of the document, in the engine's (document) order
        kept = [(p, s * STATUS_FACTORS.get(_status(p).get("status"), 1.0)) for p, s in hits]
        return sorted(kept, key=lambda ps: -ps[1])
    words = _words(plan)
    scored = []
    for p, _ in hits:
        sentences = clause_sentences(p)
        f = clause_features(plan, p, sentences, words, weights)
        fr = _frequency(plan, "".join(sentences), words, weights)
        lift = f.factor * STATUS_FACTORS.get(_status(p).get("status"), 1.0)
        scored.append((p, _score(fr, f, lift, bare_factor(p, sentences))))
    return sorted(scored, key=_order)


def _order(ps: tuple[dict, float]) -> tuple[float, str]:
    return -ps[1], ps[0].get("clause_id") or ""


def _score(frequency: float, f: Features, lift: float, bare: float = 1.0) -> float:
    """A clause's relevance from its frequency, features and status (``lift``: factor × status);
    ``bare``: ``bare_factor``."""
    score = FREQUENCY_WEIGHT * frequency + f.about
    score *= lift
    # how much of the query it holds comes first; the document's status only orders within that
    return (score + COVERAGE_WEIGHT * f.coverage) * f.scope * bare


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
        key = text_key(p)
        if len(key) < DEDUPE_MIN_CHARS:  # short lines (一、总体要求) recur without being copies
            out.append((p, s))
            continue
        i = place.get(key)
        if i is None:
            place[key] = len(out)
            out.append((p, s))
        elif _is_copy(out[i][0]) and not _is_copy(p):
            out[i] = (p, out[i][1])
    return out
