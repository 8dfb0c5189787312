"""The user's query string: plain words, "quoted phrases", -exclusions and 文号.

Filters are parameters, never syntax, so a query is only these; the parser
never raises on odd input, it drops what it cannot use and says so.  The
plan turns each word into the tokens the index holds: its spellings
(department aliases), and per spelling the tokens required and the ones that
only add score.  Both backends run the same plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .aliases import law_names, variants
from .analysis import STOP_WORDS, fold, key_tokens, tokenizer, word_tokens
from .doc_numbers import find_doc_numbers
from .errors import QueryError
from .lexicon import Lexicon
from .wording import everyday_words, is_scope, other_wordings

MAX_QUERY_CHARS = 200
MAX_TERMS = 24
MAX_TOKENS = 40  # tokens of all spellings of all words: the cost bound of one query
PHRASE_TOKENS = 6  # a quoted phrase is checked verbatim; these of its tokens only find candidates
# A sub-token (创新 of 创新券) is everywhere; counting it as much as the word itself
# ranks clauses that say 创新 often above the ones about 创新券.
SUB_TOKEN_WEIGHT = 0.25
# Another spelling of the same name (科技局 for 科学技术局, 高企 for 高新技术企业): curated
# equivalents, as good as the word typed; other wordings (``wording``) weigh less.
ALIAS_FACTOR = 1.0
# The laws' name of a bureau's field (教育行政部门 for 教育局, ``aliases.law_names``): the same
# body at every level, though not this city's, so a little below the name as typed.
LAW_NAME_FACTOR = 0.8
# A question typed as one run of characters (老板拖欠工资怎么办) is read as its words: the
# question and function words that only make it a sentence are dropped (they are in no answer).
SENTENCE_CHARS = 6
QUESTION_WORDS = frozenset(
    "怎么 怎么办 怎样 如何 什么 哪些 哪个 哪里 多久 多少 多长 几 几倍 几年 谁 是否 要不要 能不能 可不可以 可以 "
    "不能 不可以 不要 吗 呢 吧 啊 后 前 去 来 要 会 能 该 应该 需要 办 做 算 有没有 还 就 才".split()
)
# The words that ask (who, how, how many): a word of any length holding one (谁负责, 怎么算, 几倍)
# is read without it; what only asks is in no answer, and a clause answers with 责任, not 谁.
INTERROGATIVES = frozenset(
    "怎么 怎么办 怎样 如何 什么 哪些 哪个 哪里 多久 多少 多长 几 几倍 几年 谁 是否 要不要 能不能 可不可以 有没有 吗 呢".split()
)
# Characters that only make a spoken question a sentence (不, 给, 我, 这): never a word of it
# on their own.  Other single characters of a question (狗, 咬) are its words when it has too
# few of two characters or more (被狗咬了谁负责 -> 狗, 咬, 负责).
FUNCTION_CHARS = frozenset(
    "不 没 给 让 叫 着 过 吧 啊 呀 嘛 哦 我 你 他 她 它 咱 这 那 很 太 都 又 再 还 才 也 啥 咋 么 得 地 们".split()
)
TITLE_ENDINGS = (
    "法",
    "条例",
    "办法",
    "规定",
    "细则",
    "意见",
    "通知",
    "决定",
    "方案",
    "措施",
    "规划",
    "规则",
    "指南",
)


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
    doc_numbers: tuple[str, ...] = ()  # 文号 keys (doc_numbers.doc_number_key)

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases or self.doc_numbers)


@dataclass(frozen=True)
class Spelling:
    """One way of writing a word: all of ``required`` must match, ``optional`` add score."""

    text: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()  # the tokens that carry the score; sub-tokens only make it match
    # How much a clause printing this spelling says about the word: 1 for the word as typed,
    # less for another name of it (an alias, an abbreviation, a near-synonym).
    factor: float = 1.0

    def weight(self, token: str) -> float:
        return 1.0 if token in self.keys or not self.keys else SUB_TOKEN_WEIGHT


@dataclass(frozen=True)
class Term:
    """A query word (or phrase) and its spellings; any spelling matches."""

    text: str
    spellings: tuple[Spelling, ...]
    phrase: bool = False
    scope: bool = (
        False  # a place (临沂, 山东省) or a year (2023): it asks for those documents, it is no topic
    )
    verbatim: bool = False  # also match the word as printed, character by character (see search.py)
    # a regulation's name (促进科技成果转化法, 创新券管理办法): it asks for that document's clauses, like
    # a place word; search() clears it when no candidate's title holds it
    named: bool = False
    # Every written form the rerank looks for, with its factor, the word as typed first; it keeps
    # the forms dropped from ``spellings`` (they find nothing more, but say where the word stands).
    names: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class QueryPlan:
    terms: tuple[Term, ...]
    excluded: tuple[Term, ...] = ()
    phrases: tuple[str, ...] = ()  # checked verbatim on the clause and its document
    doc_numbers: tuple[str, ...] = ()
    # the words typed as a sentence and the words they were read as (加班不给加班费 -> 加班, 加班费),
    # so that search() can say how it read them
    readings: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def all_tokens(self) -> list[str]:
        return [t for term in self.terms for s in term.spellings for t in s.required + s.optional]


_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "＂": '"', "「": '"', "」": '"', "『": '"', "』": '"', "－": "-", "\u3000": " "}
)
_JUNK = re.compile(r"[*?~^\\{}\[\]<>:：()（）+!|&;；，,。、]+")


def parse_query(q: str) -> ParsedQuery:
    q = (q or "").translate(_QUOTES).strip()
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"查询过长（{len(q)} 字），请少于 {MAX_QUERY_CHARS} 字")
    notes = []
    numbers = []
    for printed, key in find_doc_numbers(q):
        numbers.append(key)
        q = q.replace(printed, " ", 1)
    if q.count('"') % 2:
        # an unpaired quote ("中试基地) quotes nothing: read the words around it as plain words
        cut = q.rfind('"')
        q = q[:cut] + " " + q[cut + 1 :]
        notes.append("忽略了未配对的引号")
    phrases = [p.strip() for p in re.findall(r'"([^"]+)"', q) if p.strip()]
    rest = re.sub(r'"[^"]*"', " ", q)
    words, excluded = [], []
    for raw in rest.split():
        neg = raw.startswith("-") and len(raw) > 1
        cleaned = _JUNK.sub(" ", raw.lstrip("-")).strip()
        if cleaned != raw.lstrip("-"):
            notes.append(f"忽略了特殊符号：{raw}")
        for w in cleaned.split():
            (excluded if neg else words).append(w)
    if len(words) + len(phrases) + len(excluded) + len(numbers) > MAX_TERMS:
        raise QueryError(f"查询词过多（超过 {MAX_TERMS} 个），请精简查询")
    return ParsedQuery(
        tuple(dict.fromkeys(words)),
        tuple(dict.fromkeys(phrases)),
        tuple(dict.fromkeys(excluded)),
        tuple(notes),
        tuple(dict.fromkeys(numbers)),
    )


def _term(
    text: str, phrase: bool = False, wordings: bool = True, lexicon: Lexicon | None = None
) -> Term | None:
    forms = [(text, 1.0)] if phrase else spellings_of(text, wordings, lexicon)
    spellings = []
    for v, factor in forms:
        req, opt = word_tokens(v)
        if phrase and len(req) > PHRASE_TOKENS:
            # A pasted sentence: its ends may be cut differently inside the clause, and the
            # verbatim check does the rest, so its longest inner tokens suffice to find it.
            inner = req[1:-1]
            req, opt = tuple(sorted(inner, key=len, reverse=True)[:PHRASE_TOKENS]), ()
        if req:
            spellings.append(Spelling(v, req, opt, key_tokens(v), factor))
    # A spelling requiring all of another's tokens and more finds nothing the other misses
    # (发展和改革委员会 beside 发展改革委): dropping it saves the engine a costly intersection.
    kept = [
        s
        for i, s in enumerate(spellings)
        if not any(
            set(o.required) < set(s.required) or (j < i and set(o.required) == set(s.required))
            for j, o in enumerate(spellings)
        )
    ]
    if not kept:
        return None
    names = tuple((s.text, s.factor) for s in spellings)
    scope = not phrase and is_scope(text)
    return Term(
        text, tuple(kept), phrase, scope=scope, names=names, named=not (phrase or scope) and is_named(text)
    )


def is_named(word: str) -> bool:
    """A regulation's name, as people type it: 专利法, 工伤保险条例, 创新券管理办法 (a law of three
    characters or more, another kind of document of four or more)."""
    w = fold(word)
    return (len(w) >= 3 and w.endswith(("法", "条例"))) or (len(w) >= 4 and w.endswith(TITLE_ENDINGS))


def spellings_of(word: str, wordings: bool = True, lexicon: Lexicon | None = None) -> list[tuple[str, float]]:
    """The word as typed (factor 1), its aliases and synonyms, then its other wordings (``wording``),
    then those the corpus gives (``lexicon``: names it defines, long forms of a rare abbreviation)."""
    out = {v: (1.0 if i == 0 else ALIAS_FACTOR) for i, v in enumerate(variants(word))}
    for v, factor in other_wordings(word) if wordings else ():
        out.setdefault(v, factor)
    for v in law_names(word) if wordings else ():
        out.setdefault(v, LAW_NAME_FACTOR)
    if wordings and lexicon is not None and not is_scope(word):
        for v, factor in lexicon.wordings(word):
            out.setdefault(v, factor)
    return list(out.items())


def _size(terms: list[Term], excluded: list[Term]) -> int:
    return sum(len(s.required) + len(s.optional) for t in terms for s in t.spellings) + sum(
        len(s.required) for t in excluded for s in t.spellings
    )


def sentence_words(word: str, runs: bool = True) -> list[str]:
    """The words of a query word that is a sentence: six characters or more, not a title (…法,
    …办法), and two words of two characters or more (加班不给加班费 -> 加班, 加班费), or a
    question whose other words are single characters (被狗咬了谁负责 -> 狗, 咬, 负责); or a shorter word holding a word that asks (谁负责 -> 负责, 几倍 -> nothing) or an
    everyday word (买到假货 -> 买到, 假货: ``wording.everyday_words``).
    [word] otherwise.

    离职后多久不能去竞争对手公司 -> 离职, 竞争对手, 公司; 科技企业孵化器 and 促进科技成果转化法 stay.
    ``runs=False``: a run that asks nothing stays whole (大企业拖欠小企业货款); search() reads it so
    when a clause prints it as typed (``split_runs``)."""
    folded = fold(word)
    if folded.endswith(TITLE_ENDINGS):
        return [word]
    if len(folded) < SENTENCE_CHARS:
        toks = _sentence_tokens(folded)
        # 买到假货 is 买到 and 假货, each said otherwise in the texts (购买, 假冒/欺诈)
        everyday = (
            len(toks) > 1 and folded not in everyday_words() and any(t in everyday_words() for t in toks)
        )
        if not (everyday or any(t in INTERROGATIVES for t in toks)):
            return [word]
        return _content_words(toks)
    toks = _sentence_tokens(folded)
    asked = any(map(_filler, toks))
    words = _content_words(toks)
    if len(words) < 2 and asked:
        words = _content_words(toks, single=True)
    if len(words) < 2 or not (asked or runs):
        return [word]
    return list(dict.fromkeys(words))


def _sentence_tokens(folded: str) -> list[str]:
    """jieba's words of a query word; of a spoken question, without the new words jieba guesses
    (its HMM glues a question or function character to its neighbour: 费能 of 申请费能报销吗, 太吵,
    店要), so that they fall apart into the dictionary's words and single characters."""
    toks = [t for t in tokenizer().lcut(folded) if t.strip()]
    if any(map(_filler, toks)):
        toks = [t for t in tokenizer().lcut(folded, HMM=False) if t.strip()]
    return toks


def _filler(token: str) -> bool:
    """A question, stop or function word: what makes a sentence of a query, not what it asks for."""
    return token in QUESTION_WORDS or token in STOP_WORDS or token in FUNCTION_CHARS


def _content_words(toks: list[str], single: bool = False) -> list[str]:
    """The tokens that say what a sentence is about: no question or function words; words of two
    characters or more, one-character everyday words (赔, 罚: ``wording.everyday_words``), and
    with ``single`` the other one-character words a question has besides (狗)."""
    return [
        t
        for t in toks
        if not _filler(t) and (len(t) >= 2 or t in everyday_words() or (single and "\u4e00" <= t <= "\u9fff"))
    ]


def loosened(parsed: ParsedQuery) -> ParsedQuery | None:
    """The query with each word read as its own words (加班不给加班费 -> 加班, 加班费; 被狗咬了 -> 狗, 咬):
    what search() asks when the query as typed finds nothing, so that a question in a user's own
    words finds the clauses holding some of them rather than nothing.  None when no word splits."""
    words: list[str] = []
    for w in parsed.words:
        toks = [t for t in tokenizer().lcut(fold(w), HMM=False) if t.strip()]
        parts = _content_words(toks) if len(toks) > 1 else []
        if len(toks) > 1 and len(parts) < 2:
            parts = _content_words(toks, single=True)
        words += parts or [w]
    words = list(dict.fromkeys(words))
    if words == list(parsed.words) or not words or len(words) > MAX_TERMS:
        return None
    return replace(parsed, words=tuple(words))


# A run the corpus prints in this many clauses is one of its phrases (解除劳动合同, 生态环境主管部门):
# a term, not a sentence, whatever other words the query has.
PHRASE_DF = 3


def _a_phrase(word: str, lexicon: Lexicon | None) -> bool:
    return lexicon is not None and lexicon.df(word) >= PHRASE_DF


def split_runs(parsed: ParsedQuery, lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """The words typed as one run that asks nothing and are read as their words (大企业拖欠小企业货款);
    never a phrase of the corpus (``lexicon``)."""
    return tuple(
        w
        for w in parsed.words
        if not _a_phrase(w, lexicon) and sentence_words(w) != sentence_words(w, runs=False)
    )


def plan_query(parsed: ParsedQuery, runs: bool = True, lexicon: Lexicon | None = None) -> QueryPlan:
    """The engine's plan of the query; ``runs=False`` keeps the runs of ``split_runs`` whole;
    ``lexicon``: the index's (``build.live_lexicon``), whose wordings the words reach too."""
    read = {word: sentence_words(word, runs and not _a_phrase(word, lexicon)) for word in parsed.words}
    readings = tuple((word, tuple(ws)) for word, ws in read.items() if ws != [word])
    parsed = replace(parsed, words=tuple(dict.fromkeys(w for ws in read.values() for w in ws)))
    phrases = [t for t in (_term(p, phrase=True) for p in parsed.phrases) if t]
    terms = [t for t in (_term(w, lexicon=lexicon) for w in parsed.words) if t] + phrases
    # an exclusion removes what names the word, never what only means something like it
    excluded = [t for t in (_term(w, wordings=False) for w in parsed.excluded) if t]
    if _size(terms, excluded) > MAX_TOKENS and lexicon is not None:
        # the corpus's wordings go first: the kept lists are reviewed, the mined ones are not
        terms = [t for t in (_term(w) for w in parsed.words) if t] + phrases
    if _size(terms, excluded) > MAX_TOKENS:
        # other wordings are a help, not the query: the words as typed (and their aliases) come first
        terms = [t for t in (_term(w, wordings=False) for w in parsed.words) if t] + phrases
    n = _size(terms, excluded)
    if n > MAX_TOKENS:
        raise QueryError(f"查询过于复杂（{n} 个词元，上限 {MAX_TOKENS}），请精简查询；查找原句请给它加上引号")
    return QueryPlan(tuple(terms), tuple(excluded), parsed.phrases, parsed.doc_numbers, readings)


def reading_notes(plan: QueryPlan) -> list[str]:
    """What to tell the user about the words typed as a sentence: how they were read."""
    return [
        f"“{word}”按其中的词语查找：{'、'.join(words)}" if words else f"“{word}”只是提问用语，未作为查询词"
        for word, words in plan.readings
    ]
