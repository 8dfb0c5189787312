"""The one query API: ``search(query, filters, page) -> Results``.

The CLI, the web pages and the JSON API all call this function; none of them
builds an engine query of its own.  The backend (Whoosh or tantivy) finds and
scores candidates; what users see on the first page — phrases checked
verbatim, the rerank, snippets, collapse — is done here, the same for both.
"""

from __future__ import annotations

import math
import time
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from corpus.gazetteer import closest_regions, region_known, tables
from reasoning.status import STATUSES

from .aliases import canonical
from .analysis import squash
from .backend import Criteria, Found
from .build import index_dir, live_lexicon, open_index, reading
from .entries import query_haystack
from .facets import count_facets, draft_facet
from .pages import collapse_documents, first_pages
from .query import QueryError, QueryPlan, loosened, parse_query, plan_query, reading_notes, split_runs
from .ranking import dedupe
from .snippets import snippet

MAX_PER_PAGE = 100
MAX_PAGE = 50  # deep pages cost more than anyone reads; filters narrow better
SORTS = ("relevance", "date", "amount")
DRAFTS = ("include", "exclude", "only")
RERANK_DEPTH = 50  # relevance order of the first pages is refined over this many candidates
SUBSET_DEPTH = 20  # candidates taken from each "every word but one" query
PHRASE_CANDIDATES = 3000  # clauses checked verbatim for a quoted phrase
EXACT_TOTAL_UP_TO = 500  # up to this many matches, all are fetched so that the total is exact

__all__ = ["Filters", "Hit", "Results", "QueryError", "search"]


@dataclass(frozen=True)
class Filters:
    region: str | None = None  # a province, city or county, full or short name (临沂市, 临沂)
    issuer: str | None = None
    department: str | None = None  # any spelling: 市科技局, 科学技术局, 临沂市科学技术局
    doc_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    min_yuan: float | None = None
    drafts: str = "include"  # include | exclude | only
    status: str | None = None  # in_force, expired, repealed, …; several comma-separated
    validity: str = "all"  # all | in_force (in force or unknown) | strict (known in force)

    def criteria(self) -> Criteria:
        """The filters in the index's spelling; a value that cannot be read is a QueryError."""
        if self.drafts not in DRAFTS:
            raise QueryError(f"drafts 只能是 {', '.join(DRAFTS)}")
        if self.year_from and self.year_to and self.year_from > self.year_to:
            raise QueryError(f"年份范围有误：{self.year_from} 晚于 {self.year_to}")
        if self.min_yuan is not None and self.min_yuan < 0:
            raise QueryError("最低金额不能为负数")
        return Criteria(
            regions=_region_names(self.region) if self.region else (),
            issuer=canonical(self.issuer) if self.issuer else None,
            department=canonical(self.department) if self.department else None,
            doc_type=self.doc_type.strip() if self.doc_type else None,
            year_from=self.year_from,
            year_to=self.year_to,
            min_yuan=self.min_yuan,
            drafts=self.drafts,
            statuses=_validity(_statuses(self.status), self.validity),
        )


def _statuses(value: str | None) -> tuple[str, ...]:
    names = tuple(s.strip() for s in (value or "").replace("，", ",").split(",") if s.strip())
    unknown = [s for s in names if s not in STATUSES]
    if unknown:
        raise QueryError(f"未知的状态 {unknown[0]!r}，可选：{', '.join(STATUSES)}")
    return names


# --in-force keeps what applies or has no dates; --strict only what is known to apply.
VALIDITY = {"all": (), "in_force": ("in_force", "unknown"), "strict": ("in_force",)}


def _validity(statuses: tuple[str, ...], validity: str) -> tuple[str, ...]:
    if validity not in VALIDITY:
        raise QueryError(f"validity 只能是 {', '.join(VALIDITY)}")
    keep = VALIDITY[validity]
    if not keep:
        return statuses
    return tuple(s for s in statuses if s in keep) or (keep if not statuses else ("-",))


def _region_names(value: str) -> tuple[str, ...]:
    """A region as the index spells it: 临沂 -> 临沂市, 山东 -> 山东省; unknown names as given."""
    value = value.strip()
    provinces, cities = tables()
    names = [value]
    if value in provinces:
        names.append(provinces[value])
    if value in cities:
        names.append(cities[value][0])
    return tuple(dict.fromkeys(names))


@dataclass
class Hit:
    doc_id: str
    clause_id: str
    source: str
    url: str | None
    title: str | None
    issuer: str | None
    doc_number: str | None
    doc_type: str | None
    draft: bool
    published: str | None
    region: dict
    path: list[str]
    heading: str | None
    text: str
    departments: list[str]
    department_tags: list[dict]
    amounts: list[dict]
    score: float
    snippet: str  # HTML: escaped text with <mark> around matches
    status: dict | None = None  # does the document still apply: Store.status() when it was indexed
    expires: str | None = None  # the document's last day in force, when known
    sources: list[str] = field(
        default_factory=list
    )  # URLs of every copy of the document (reasoning/status.py)


@dataclass
class Results:
    query: str
    total: int
    hits: list[Hit]
    page: int = 1
    per_page: int = 10
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    fallback: bool = False  # no clause had every word; these match any
    notes: list[str] = field(default_factory=list)
    sort: str = "relevance"
    collapse: bool = False
    took_ms: float = 0.0
    backend: str = ""

    def to_dict(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "fallback": self.fallback,
            "notes": self.notes,
            "sort": self.sort,
            "collapse": self.collapse,
            "took_ms": self.took_ms,
            "facets": {k: [{"value": v, "count": n} for v, n in vals] for k, vals in self.facets.items()},
            "hits": [asdict(h) for h in self.hits],
        }


def search(
    data_dir: str | Path,
    query: str,
    filters: Filters | None = None,
    page: int = 1,
    per_page: int = 10,
    sort: str = "relevance",
    collapse: bool = False,
) -> Results:
    started = time.perf_counter()
    parsed = parse_query(query)
    if sort not in SORTS:
        raise QueryError(f"未知的排序方式 {sort!r}，可选：{', '.join(SORTS)}")
    try:
        page, per_page = int(page), int(per_page)
    except (TypeError, ValueError):
        raise QueryError("页码和每页条数须为整数") from None
    if page > MAX_PAGE:
        raise QueryError(f"最多翻到第 {MAX_PAGE} 页，请加筛选条件缩小范围")
    page = max(1, page)
    per_page = max(1, min(MAX_PER_PAGE, per_page))
    criteria = (filters or Filters()).criteria()
    results = Results(
        query=query,
        total=0,
        hits=[],
        page=page,
        per_page=per_page,
        notes=list(parsed.notes),
        sort=sort,
        collapse=collapse,
    )
    if parsed.empty:
        results.notes.append("请输入查询词")
        return results
    lexicon = live_lexicon(data_dir)
    plan = plan_query(parsed, lexicon=lexicon)
    if not (plan.terms or plan.doc_numbers):
        results.notes.append("查询词都是“的”“和”这样的常用字词，请换用实词")
        return results
    backend = open_index(data_dir)
    results.backend = backend.name
    want = page * per_page
    asked: dict[tuple[QueryPlan, bool], Found] = {}

    def run(plan: QueryPlan, any_term: bool, depth: int = 0, facets: bool = True, few: int = 0) -> Found:
        verbatim = any(t.verbatim for t in plan.terms)
        if (plan.phrases or verbatim) and not backend.exact_phrases:
            found = backend.search(
                plan,
                criteria,
                any_term=any_term,
                sort=sort,
                collapse=False,
                limit=PHRASE_CANDIDATES,
                facets=False,
            )
            if found.total > len(found.hits):
                results.notes.append(
                    f"短语只在最相关的 {len(found.hits)} 条候选中核对，结果可能不全；加上筛选条件可缩小范围"
                )
            return _keep_phrases(found, plan, collapse, any_term)
        if few and (plan, any_term) in asked:  # a subset's few best: the same on a second pass
            return asked[plan, any_term]
        depth = few or max(depth, want, RERANK_DEPTH if sort == "relevance" else 0)
        found = backend.search(
            plan, criteria, any_term=any_term, sort=sort, collapse=collapse, limit=depth, facets=facets
        )
        if few:
            asked[plan, any_term] = found
        return found

    # tantivy: one searcher, each engine query run once (asked for EXACT_TOTAL_UP_TO hits at least,
    # so fetching all of a few hundred matches costs no second run), each payload decoded once
    pinned = getattr(backend, "pinned", None)
    with (
        reading(index_dir(data_dir), confirm=True),
        pinned(prefetch=EXACT_TOTAL_UP_TO) if pinned else nullcontext(),
    ):  # damaged files: one IndexDamaged naming the fix
        notes = list(results.notes)
        runs = split_runs(parsed, lexicon)
        if runs and _printed(backend, plan_query(parsed, runs=False, lexicon=lexicon), runs, criteria):
            plan = plan_query(
                parsed, runs=False, lexicon=lexicon
            )  # copied from a clause (创业园区中试服务模式): one word
        # every match of any word fetched: the subsets' best are among them (not so for one best
        # clause per document, nor for a phrase an engine cannot check, filtered from its best few)
        every = sort == "relevance" and not collapse and not plan.phrases and backend.exact_phrases
        found = _candidates(plan, run, results, sort, every=every)
        verbatim = _wanting_verbatim(plan, found.hits) if sort == "relevance" else set()
        if verbatim and every and len(plan.terms) > 1 and found.total <= EXACT_TOTAL_UP_TO:
            # the subsets' best, perhaps left out, might print it: ask them after all
            results.notes, results.fallback = list(notes), False
            found = _candidates(plan, run, results, sort)
            verbatim = _wanting_verbatim(plan, found.hits)
        if verbatim:
            # a word cut otherwise in the text than in the query (五链融合 in 政策链五链融合):
            # look for it as printed, character by character, beside its tokens (finds a superset)
            plan = replace(plan, terms=tuple(replace(t, verbatim=t in verbatim) for t in plan.terms))
            results.notes, results.fallback = list(notes), False
            found = _candidates(plan, run, results, sort, every=every)
        loose = loosened(parsed) if found.total == 0 else None
        if loose is not None:
            # nothing holds the words as typed (加班不给加班费, 被狗咬了): their own words, any of them
            plan = plan_query(loose, lexicon=lexicon)
            results.notes, results.fallback = list(notes), False
            found = _candidates(plan, run, results, sort, every=every)
            if found.total:
                results.fallback = True
                results.notes = [*notes, "没有包含查询原词的条款，以下结果按其中的词语查找"]
        if len(found.hits) < found.total <= EXACT_TOTAL_UP_TO and not plan.phrases:
            # fetch them all, so that the total counts what dedupe and collapse leave
            results.notes, results.fallback = list(notes), False
            # the same matches, all of them: their facets are the first pass's
            again = _candidates(plan, run, results, sort, found.total, False, every=every)
            found = replace(again, facets=found.facets)
        weights = term_weights(backend, plan) if sort == "relevance" and len(plan.terms) > 1 else None
    region = (filters or Filters()).region
    if found.total == 0 and region and not region_known(region):
        raise QueryError(unknown_region(region))
    if sort == "relevance":  # exact for the pages up to this one; the set behind them exact too
        hits = first_pages(_named_in_titles(plan, found.hits), found.hits, weights, want, collapse)
    else:
        hits = dedupe(found.hits)
        hits = collapse_documents(hits) if collapse else hits
    # `total` is what the pages can show: a clause folded into its original is not counted.
    # Exact when every match was fetched; past EXACT_TOTAL_UP_TO, the folds seen so far are taken off.
    fetched = len(found.hits)
    results.total = len(hits) if fetched >= found.total else found.total - (fetched - len(hits))
    facets = found.facets
    if fetched >= found.total and not collapse and len(hits) < fetched:
        facets = count_facets(hits)  # a facet counts what clicking it shows, folded clauses aside
    results.facets = {**facets, **draft_facet(facets)}
    results.notes = [*reading_notes(plan), *results.notes]  # how the query was read, first
    for payload, score in hits[(page - 1) * per_page : want]:
        results.hits.append(_hit(payload, score, _needles(plan, payload["text"])))
    results.took_ms = round((time.perf_counter() - started) * 1000, 1)
    return results


def unknown_region(region: str) -> str:
    """What to tell someone whose region filter names no place (火星市) and found nothing."""
    close = closest_regions(region)
    hint = (
        f"最接近的是：{'、'.join(close)}" if close else "请填写省、市或区县的名称，如 山东省、临沂市、兰山区"
    )
    return f"未知的地区“{region.strip()}”，{hint}"


def _candidates(
    plan: QueryPlan,
    run,
    results: Results,
    sort: str,
    depth: int = 0,
    facets: bool = True,
    every: bool = False,
) -> Found:
    """The clauses holding every word; when they are fewer than the rerank looks at, those holding
    some of them too (ranked by how much of the query they hold), so a clause saying 支持 where the
    query says 扶持, or one that never names the query's city, is still found.
    ``depth``: how many of each to fetch at least; ``facets``: whether the engine counts them;
    ``every``: the caller fetches every match when they are few (EXACT_TOTAL_UP_TO), so the
    subsets' best are left out then (they are among them)."""
    found = run(plan, False, depth, facets)
    if (
        len(plan.terms) < 2
        or (found.total >= RERANK_DEPTH and found.total)
        or (found.total and sort != "relevance")
    ):
        return found
    more = run(plan, True, depth, facets)
    if not found.total:
        results.fallback = more.total > 0
        if results.fallback:
            results.notes.append("没有同时包含所有查询词的条款，以下结果包含其中部分词语")
    elif more.total > found.total:
        results.notes.append(f"同时包含所有查询词的条款有 {found.total} 条，其后是包含其中部分词语的条款")
    hits = list(found.hits)
    # the engine's best partial matches lean on the words it scores highest (a word of every
    # clause's title: 食品 in 食品安全法); the clauses holding all words but one each, and the
    # best of each word alone, are candidates too (建设工程 最低 保修期限: 保温工程的最低保修期限;
    # 食品 小作坊 摊贩 管理: 摊贩的管理办法)
    subsets = (
        [plan.terms[:i] + plan.terms[i + 1 :] for i in range(len(plan.terms))] if len(plan.terms) >= 3 else []
    )
    subsets += [(t,) for t in plan.terms if not t.scope]
    for terms in [] if every and more.total <= EXACT_TOTAL_UP_TO else subsets:
        hits += run(replace(plan, terms=terms), False, facets=False, few=SUBSET_DEPTH).hits
    seen: set[str] = set()
    merged = []
    for p, sc in hits + more.hits:
        if p["clause_id"] not in seen:
            seen.add(p["clause_id"])
            merged.append((p, sc))
    return Found(more.total, merged, more.facets)


# A word this long found nowhere as printed among the candidates is looked for character by character.
VERBATIM_MIN_CHARS = 3


def _printed(backend, whole: QueryPlan, runs: tuple[str, ...], criteria: Criteria) -> bool:
    """Some clause prints every run as typed: the user copied it from there, it is no sentence
    of separate words.  Asked of the clauses holding all the run's tokens (a few dozen at most)."""
    found = backend.search(
        whole, criteria, any_term=False, sort="relevance", collapse=False, limit=RERANK_DEPTH, facets=False
    )
    needles = [squash(r) for r in runs]
    return any(all(n in query_haystack(p) for n in needles) for p, _ in found.hits)


def _named_in_titles(plan: QueryPlan, hits: list[tuple[dict, float]]) -> QueryPlan:
    """The plan with a regulation's name no candidate's title holds read as a topic word: asking for
    the clauses of a document that is not there would only lower all of them alike."""
    named = [t for t in plan.terms if t.named]
    if not named:
        return plan
    titles = {squash(t) for t in {p.get("title") or "" for p, _ in hits}}
    absent = {t for t in named if not any(squash(t.text) in title for title in titles)}
    if not absent:
        return plan
    return replace(plan, terms=tuple(replace(t, named=False) if t in absent else t for t in plan.terms))


def _wanting_verbatim(plan: QueryPlan, hits: list[tuple[dict, float]]) -> set:
    """The query's words (3 characters or more) that no candidate prints in any of their forms."""
    out = set()
    for t in plan.terms:
        if t.phrase or t.scope or len(squash(t.text)) < VERBATIM_MIN_CHARS:
            continue
        names = {squash(n) for n, _ in t.names} | {squash(t.text)}
        # candidates' haystacks made as far as the first that prints it (most often the first)
        if not any(n in query_haystack(p) for p, _ in hits for n in names):
            out.add(t)
    return out


def term_weights(backend, plan: QueryPlan) -> tuple[float, ...]:
    """Each query word's weight: a rare word outweighs a common one.

    BM25's idf summed over the tokens one spelling requires (a word of several tokens, a law's
    name, is as specific as all of them together; the best spelling counts), then square-rooted
    so that no single word takes the whole query."""
    tokens = sorted({t for term in plan.terms for s in term.spellings for t in s.required})
    n, df = backend.doc_freqs(tokens)

    def idf(count: int) -> float:
        return math.log(1 + (n - count + 0.5) / (count + 0.5))

    return tuple(
        math.sqrt(max((sum(idf(df.get(t, 0)) for t in s.required) for s in term.spellings), default=0.0))
        for term in plan.terms
    )


def _keep_phrases(found: Found, plan: QueryPlan, collapse: bool, any_term: bool = False) -> Found:
    """Keep the candidates holding every phrase verbatim, and the query's words (every one, or
    any one when any will do) as printed or through their tokens: an engine without a bigram
    field finds a word sought as printed loosely.  Count their facets here."""
    needles = [squash(p) for p in plan.phrases]
    words = [t for t in plan.terms if not t.phrase] if any(t.verbatim for t in plan.terms) else []

    def holds(t, hay: str) -> bool:
        return (t.verbatim and squash(t.text) in hay) or any(
            all(k in hay for k in s.required) for s in t.spellings
        )

    def keep(p: dict) -> bool:
        hay = query_haystack(p)
        if not all(n in hay for n in needles):
            return False
        # a word may match through the context too: the section headings above, the year, the type
        hay += "|" + squash(
            "|".join([*(p.get("sections") or []), p.get("published") or "", p.get("doc_type") or ""])
        )
        return not words or (any if any_term else all)(holds(t, hay) for t in words)

    kept = [(p, s) for p, s in found.hits if keep(p)]
    total = len({p["doc_id"] for p, _ in kept}) if collapse else len(kept)
    return Found(total, kept, count_facets(kept))


def _needles(plan: QueryPlan, text: str) -> list[str]:
    """What to mark in this clause: each query word whole where the text holds it whole
    (创新券, not every 创新 beside it); its tokens only where it does not."""
    folded = squash(text)
    out = list(plan.phrases)
    for t in plan.terms:
        whole = [s.text for s in t.spellings if squash(s.text) in folded]
        if whole:
            out += whole
        else:
            out += [tok for s in t.spellings for tok in s.required + s.optional]
    return [n for n in out if len(n) > 1 or not n.isascii()]


def _hit(p: dict, score: float, needles: list[str]) -> Hit:
    return Hit(
        doc_id=p["doc_id"],
        clause_id=p["clause_id"],
        source=p["source"],
        url=p["url"],
        title=p["title"],
        issuer=p["issuer"],
        doc_number=p["doc_number"],
        doc_type=p.get("doc_type"),
        draft=bool(p.get("draft")),
        published=p["published"],
        region=p["region"],
        path=p["path"],
        heading=p["heading"],
        text=p["text"],
        departments=p["departments"],
        department_tags=p.get("department_tags") or [],
        amounts=p["amounts"],
        score=round(float(score), 4),
        snippet=snippet(p["text"], needles),
        status=p.get("status"),
        expires=p.get("expires"),
        sources=p.get("sources") or ([p["url"]] if p.get("url") else []),
    )
