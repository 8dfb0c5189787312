"""The corpus's own wording, mined when the index is built: definitions and a vocabulary.

Hand-kept word lists (``dict/``) fit the queries they were written from; a
corpus nobody here has read says things its own way.  Two general habits of
Chinese legal and policy texts let the index learn that way from the texts:

- **Definitions.**  A text names a thing once in full and gives the short
  form it uses from then on: 国务院科学技术行政部门（以下简称科技部门）,
  《国家中长期科学和技术发展规划纲要》（以下简称《纲要》）, 以下称X, 下称X,
  （简称X）.  Per document, the pairs say what that document's short forms stand
  for; across the corpus, a short form that names one full name wherever it is
  defined is another name of it (``names_of``).
- **Character-dropping abbreviations.**  危化品 is 危险化学品, 研发 研究开发, 高企
  高新技术企业: each character of the short form begins or ends a word of the
  long one, in order, the first characters agree, and the long form ends in the
  short form's last word.  The vocabulary (words and 2-3-word phrases with the
  number of clauses printing them) lets a query word that is rare or absent in
  the corpus reach the frequent words it abbreviates (``abbreviated``).

The table is written beside the engine's files by ``policy index`` (one file
per generation, ``LEXICON_FILE``, versioned).  An incremental update replaces
a changed document's definitions and adds its words to the vocabulary (counts
of replaced text are not taken back: a rebuild recounts them exactly).  A
generation without the file (an index written before it existed) is searched
without it, and the next ``policy index`` mines it from the store.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from .analysis import STOP_WORDS, cut, tokenizer, word_tokens
from .folding import fold

LEXICON_FILE = "lexicon.json"
LEXICON_VERSION = 1
MAX_FULL_CHARS = 16  # a full name read from running text, not from a 《title》, is at most this long
MIN_DF = 3  # a word or phrase printed in fewer clauses is not kept (nor reached by an abbreviation)
PHRASE_WORDS = 3  # phrases of up to this many adjacent words
PHRASE_CHARS = 10
# While counting, the phrases printed once are dropped whenever there are this many
# distinct ones: memory stays bounded on a million clauses (a phrase printed again later
# starts over, so a rare phrase may be undercounted; frequent ones are not).
PRUNE_AT = 2_000_000
# A query word printed in fewer clauses than this (or this share of them) is rare: its
# abbreviated long forms are sought.  A word the corpus prints often is its own wording.
RARE_DF = 20
RARE_SHARE = 0.0002
MAX_ABBREVIATED = 2  # long (short) forms one query word reaches, the most printed first
MAX_LONG_CHARS = 10  # a longer query word is no name the corpus abbreviates
MAX_SHORT_CHARS = 6  # the longest abbreviation sought for one
SCAN_LIMIT = 5000  # vocabulary entries with the query word's first character looked at, most printed first
MAX_TRIED = 150  # of those holding its characters in order, the most printed tried (each costs a jieba cut)
LONG_PER_SHORT = 4  # a long form is at most this many times as long as the short one (高企: 高新技术企业)
MEMO_WORDS = 10_000  # query words whose wordings are remembered
ABBREVIATION_FACTOR = 0.7  # a mined abbreviation's long form: below the word as typed, below a kept one
DEFINED_FACTOR = 0.8  # a name the corpus defines for the word (（以下简称…）): as good as a kept abbreviation
# A short form names one thing across the corpus when at least this share of its definitions agree
# (本法, 委员会, 主管部门 stand for something else in every document).
DEFINED_AGREEMENT = 0.6

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+$")
_OPEN = '“"「『《'
_CLOSE = '”"」』》'
# （以下简称X） （简称X） （以下称X） （下称X）, or in running text ，以下简称X， 以下称为X：
# the short form, quoted or not.  简称 alone in running text (简称“两个责任”) defines nothing here.
_QUOTED = rf"[{_OPEN}]?([\u4e00-\u9fff]{{2,12}})[{_CLOSE}]?"
_DEFINED = re.compile(
    rf"[（(](?:(?:以下|下文|下)?简称|(?:以下|下文|下)称)(?:为)?[:：]?{_QUOTED}[）)]"
    rf"|(?:以下|下文)(?:简称|称)(?:为)?[:：]?{_QUOTED}(?=[，,。；;：:）)])"
)
_RUN_BEFORE = re.compile(r"[\u4e00-\u9fff]+$")
# a title, perhaps with its 文号 in the bracket the definition closes: 《…暂行规定》（财综〔2013〕53号，以下简称《暂行规定》）
_TITLE_BEFORE = re.compile(r"《([^《》]{2,60})》(?:[（(][^（）()《》]{0,30})?$")


def is_subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


def definitions(text: str) -> list[tuple[str, str]]:
    """(full, short) pairs the text defines, full names trimmed to where they begin.

    国务院科学技术行政部门（以下简称科技部门） -> (科学技术行政部门, 科技部门): the full name
    is the shortest run of whole words before the definition that starts with the short
    form's first character and holds its characters in order; a title in 《》 is taken whole."""
    text = fold(text)
    out = []
    for m in _DEFINED.finditer(text):
        head = text[max(0, m.start() - 60) : m.start()].rstrip("，,")
        short = m.group(1) or m.group(2)
        full = _full_before(head, short)
        if full and full != short and len(full) > len(short):
            out.append((full, short))
    return out


def _full_before(head: str, short: str) -> str | None:
    title = _TITLE_BEFORE.search(head)
    if title:
        inner = fold(title.group(1))
        return inner if inner[:1] == short[:1] or is_subsequence(short, inner) else None
    run = _RUN_BEFORE.search(head)
    if not run:
        return None
    before = run.group(0)
    if before.endswith(short):
        # 科技企业孵化器（以下简称孵化器）: the short form is the name's last word; the words
        # qualifying it, up to two, are the rest of the name
        words = tokenizer().lcut(before[: -len(short)])
        kept = []
        for w in reversed(words):
            if w in STOP_WORDS or len(kept) == 2:
                break
            kept.insert(0, w)
        return "".join(kept) + short if kept else None
    starts = sorted({s for _, s, _ in tokenizer().tokenize(before, mode="search")}, reverse=True)
    for i in starts:
        tail = before[i:]
        if len(tail) > len(short) and tail[0] == short[0] and is_subsequence(short, tail):
            # longer, it is a clause's words, not a name (通过内河运输本条例第五十四条规定以外的危险化学品)
            return tail if len(tail) <= MAX_FULL_CHARS else None
    return None


def words_and_phrases(text: str) -> set[str]:
    """The words (two characters or more) and the 2-3-word phrases a clause prints, Chinese only.

    The words are jieba's (precise mode), read off the search-mode tokens the engine indexes
    (``analysis.cut``: each word follows the shorter words inside it), so the build cuts each
    clause once; a stop word or a mark between two words ends a phrase."""
    words: list[tuple[str, int, int]] = []
    for tok in cut(text):
        while words and tok[1] <= words[-1][1] and words[-1][2] <= tok[2]:
            words.pop()  # a shorter word inside this one
        words.append(tok)
    out: set[str] = set()
    for i, (w, _, end) in enumerate(words):
        if not _HAN_WORD.match(w):
            continue
        if len(w) >= 2:
            out.add(w)
        phrase = w
        for nxt, start, nend in words[i + 1 : i + PHRASE_WORDS]:
            if start != end or not _HAN_WORD.match(nxt):
                break
            phrase += nxt
            end = nend
            if len(phrase) > PHRASE_CHARS:
                break
            out.add(phrase)
    return out


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with characters dropped, as Chinese abbreviations are made.

    In order, each character of the short form begins a word of the long one (jieba's
    search-mode words: 危险/化学/化学品 for 危险化学品), the last one begins or ends the
    word the long form ends in: 危化品, 研发 (研究开发), 高企 (高新技术企业), never 研发 for
    研究开发费用 nor 金融办 for 金融机构办理; a last word shared whole (费用 of 研发费用 and
    研究开发费用) is set aside first.  A long form holding the short one whole adds nothing
    and is no match."""
    if _drops_characters(short, long):
        return True
    # a last word shared whole: 研发费用 is 研究开发费用, 科技人员 科学技术人员
    for _, start, _ in tokenizer().tokenize(long, mode="search"):
        tail = long[start:]
        if start >= 2 and short.endswith(tail) and len(short) - len(tail) >= 2:
            if _drops_characters(short[: -len(tail)], long[:start]):
                return True
    return False


def _drops_characters(short: str, long: str) -> bool:
    if len(long) <= len(short) or long[0] != short[0] or short in long or not is_subsequence(short, long):
        return False

    spans = [(s, e) for _, s, e in tokenizer().tokenize(long, mode="search")]
    starts = {s for s, _ in spans}
    # the words the long form ends in, itself aside: the short form's last character stands in one
    last = [(s, e) for s, e in spans if e == len(long) and s > 0]

    def place(i: int, pos: int) -> bool:
        if i == len(short):
            return True
        for q in range(pos, len(long)):
            if long[q] != short[i]:
                continue
            if i < len(short) - 1 and q not in starts:  # 危(险)化(学)品, not 金融(机构)办(理)
                continue
            if i == len(short) - 1 and not any(s <= q and (q == s or q + 1 == e) for s, e in last):
                continue
            if place(i + 1, q + 1):
                return True
        return False

    return place(0, 0)


@dataclass
class Lexicon:
    """What the corpus says about its own wording (see the module's docstring)."""

    clauses: int = 0
    vocabulary: dict[str, int] = field(default_factory=dict)  # word or phrase -> clauses printing it
    documents: dict[str, list[list[str]]] = field(default_factory=dict)  # doc id -> [[full, short], ...]

    # -- query time ---------------------------------------------------------

    def df(self, word: str) -> int:
        return self.vocabulary.get(fold(word), 0)

    def is_rare(self, word: str) -> bool:
        return self.df(word) < max(RARE_DF, int(self.clauses * RARE_SHARE))

    def abbreviated(self, word: str) -> list[str]:
        """The frequent words and phrases a rare query word abbreviates (危化品 -> 危险化学品), most printed first."""
        w = fold(word)
        if len(w) < 2 or not _HAN_WORD.match(w) or not self.is_rare(w) or self._known_words(w):
            return []
        out = []
        tried = 0
        for long, _ in self._by_first().get(w[0], ())[:SCAN_LIMIT]:
            if not len(w) < len(long) <= LONG_PER_SHORT * len(w) or not is_subsequence(w, long):
                continue
            tried += 1
            if abbreviates(w, long):
                out.append(long)
            if len(out) >= MAX_ABBREVIATED or tried >= MAX_TRIED:
                break
        return out

    def abbreviations(self, word: str) -> list[str]:
        """The corpus's abbreviations (three characters or more) of a query word it prints rarely,
        or less than half as often as the short form (研究开发费用 -> 研发费用), most printed first."""
        w = fold(word)
        if not 3 <= len(w) <= MAX_LONG_CHARS or not _HAN_WORD.match(w):
            return []
        df = self.df(w)
        floor = MIN_DF if self.is_rare(w) else 2 * df
        found: dict[str, int] = {}
        # two characters picked from a name are mostly a word of their own (设置 of 设备购置):
        # only a definition makes one an abbreviation (节约能源（以下简称节能）)
        for k in range(2, min(MAX_SHORT_CHARS, len(w) - 1)):
            for rest in combinations(range(1, len(w)), k):
                short = w[0] + "".join(w[i] for i in rest)
                n = self.vocabulary.get(short, 0)
                if n >= floor and n > df and short not in found and abbreviates(short, w):
                    found[short] = n
        return sorted(found, key=lambda s: (-found[s], s))[:MAX_ABBREVIATED]

    def _known_words(self, word: str) -> bool:
        """Whether the word is a run of words the corpus prints often (工商登记, 拖欠工资): a
        phrase, not an abbreviation, however rarely it is printed as typed."""
        toks = word_tokens(word)[0]
        return len(toks) > 1 and all(len(t) >= 2 and not self.is_rare(t) for t in toks)

    def names_of(self, word: str) -> list[str]:
        """The other names the corpus defines for the word: its full name when it is a short form
        defined as one thing, its short forms when it is that full name."""
        return list(self._defined().get(fold(word), ()))

    def wordings(self, word: str) -> list[tuple[str, float]]:
        """The word's other wordings the corpus itself gives, each with its factor (remembered:
        the same words come back query after query)."""
        memo = self.__dict__.setdefault("_wordings", {})
        found = memo.get(word)
        if found is None:  # threads of the web app may race here: each computes the same answer
            out = {n: DEFINED_FACTOR for n in self.names_of(word)}
            for other in self.abbreviated(word) or self.abbreviations(word):
                out.setdefault(other, ABBREVIATION_FACTOR)
            found = tuple(out.items())
            if len(memo) >= MEMO_WORDS:
                memo.clear()
            memo[word] = found
        return list(found)

    def _by_first(self) -> dict[str, list[tuple[str, int]]]:
        cached = self.__dict__.get("_first")
        if cached is None:
            cached = {}
            for w, n in sorted(self.vocabulary.items(), key=lambda kv: (-kv[1], kv[0])):
                if n >= MIN_DF and len(w) >= 3:
                    cached.setdefault(w[0], []).append((w, n))
            self.__dict__["_first"] = cached
        return cached

    def _defined(self) -> dict[str, tuple[str, ...]]:
        cached = self.__dict__.get("_names")
        if cached is None:
            cached = defined_names(pair for pairs in self.documents.values() for pair in pairs)
            self.__dict__["_names"] = cached
        return cached

    # -- build time ---------------------------------------------------------

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": LEXICON_VERSION,
                "clauses": self.clauses,
                "documents": self.documents,
                "vocabulary": {w: n for w, n in self.vocabulary.items() if n >= MIN_DF},
            },
            ensure_ascii=False,
            separators=(",", ":"),
            sort_keys=True,
        )


def defined_names(pairs: Iterable[list[str] | tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Each short form defined as one thing across the corpus -> that full name, and the full
    name -> its short forms.  A short form held whole by its full name (孵化器 of 科技企业孵化器)
    is left to its documents: elsewhere it names other things too."""
    by_short: dict[str, Counter] = {}
    for full, short in pairs:
        by_short.setdefault(short, Counter())[full] += 1
    out: dict[str, dict[str, None]] = {}
    for short, fulls in by_short.items():
        full, n = fulls.most_common(1)[0]
        if short in full or n < DEFINED_AGREEMENT * sum(fulls.values()):
            continue
        out.setdefault(short, {})[full] = None
        out.setdefault(full, {})[short] = None
    return {k: tuple(v) for k, v in out.items()}


class LexiconBuilder:
    """Counts a lexicon clause by clause while the index is written."""

    def __init__(self, base: Lexicon | None = None) -> None:
        base = base or Lexicon()
        self.clauses = base.clauses
        self.counts: Counter = Counter(base.vocabulary)
        self.documents = {k: list(v) for k, v in base.documents.items()}

    def remove_document(self, doc_id: str) -> None:
        self.documents.pop(doc_id, None)

    def add(self, doc_id: str, text: str) -> None:
        self.clauses += 1
        self.counts.update(words_and_phrases(text))
        pairs = definitions(text)
        if pairs:
            kept = self.documents.setdefault(doc_id, [])
            kept += [[f, s] for f, s in pairs if [f, s] not in kept]
        if len(self.counts) > PRUNE_AT:
            self.counts = Counter({w: n for w, n in self.counts.items() if n > 1})

    def lexicon(self) -> Lexicon:
        return Lexicon(self.clauses, dict(self.counts), self.documents)


def write_lexicon(gen: Path, lexicon: Lexicon) -> None:
    path = gen / LEXICON_FILE
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_text(lexicon.to_json(), encoding="utf-8")
    tmp.replace(path)


def read_lexicon(gen: Path) -> Lexicon | None:
    """The generation's lexicon, or None when it has none (or one of another version)."""
    try:
        raw = json.loads((gen / LEXICON_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("version") != LEXICON_VERSION:
        return None
    return Lexicon(
        int(raw.get("clauses") or 0), dict(raw.get("vocabulary") or {}), dict(raw.get("documents") or {})
    )


@lru_cache(maxsize=4)
def cached_lexicon(gen: Path, stamp: tuple[int, int]) -> Lexicon | None:
    """``read_lexicon`` once per generation and file version (``stamp``: its mtime and size)."""
    return read_lexicon(gen)


def lexicon_of(gen: Path | None) -> Lexicon | None:
    """The live generation's lexicon, read once and again only when the file changes."""
    if gen is None:
        return None
    try:
        st = (gen / LEXICON_FILE).stat()
    except OSError:
        return None
    return cached_lexicon(gen, (st.st_mtime_ns, st.st_size))
