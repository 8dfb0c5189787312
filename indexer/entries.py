"""One index entry per clause, carrying its document's fields.

Backend-neutral: the Whoosh and tantivy writers both index these.  A clause
is found through its document too (title, issuer, 文号, region, draft flag,
department names), so 淄博 院士工作站 finds a 淄博 clause that never names 淄博.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from corpus.model import Document, Region

from .aliases import canonical, department_keys, full_name
from .analysis import cut, cut_repeated
from .doc_numbers import doc_number_key
from .folding import fold, folded, unspaced
from .lexicon import definitions

DRAFT_WORDS = "征求意见稿 草案 意见稿"
_PLACE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "区", "县")


@dataclass(frozen=True)
class Entry:
    clause_id: str
    doc_id: str
    title: str  # searched, weighs more
    heading: str  # searched, weighs more
    text: str  # searched
    context: tuple[
        str, ...
    ]  # searched: issuer, 文号, region, type, draft words; section headings; departments
    issuer: str  # filter key (canonical spelling)
    province: str
    city: str
    county: str
    doc_type: str
    departments: tuple[str, ...]  # filter keys: every spelling a filter may use
    department_names: tuple[str, ...]  # facet values: one full name per department
    draft: bool
    published: str
    year: int | None
    max_yuan: float | None
    ord: int
    doc_number: str  # 文号 key
    payload: dict  # what a hit shows, stored
    status: str = (
        ""  # in_force, expired, repealed, draft, superseded, … (reasoning/status.py), "" when unknown
    )


def short_place(name: str) -> str:
    """临沂市 -> 临沂, 山东省 -> 山东: how users name a place in a query."""
    for suffix in _PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def region_names(region: Region) -> list[str]:
    names = [n for n in (region.province, region.city, region.county) if n]
    return names + [s for s in (short_place(n) for n in names) if s not in names]


def text_and_heading_tokens(text: str, heading: str | None) -> tuple[list[str], list[str]]:
    """The clause's tokens and its heading's.  The heading opens the text, so its tokens are
    the text's own within that span: one jieba pass, not two."""
    toks = cut(text)
    if not heading:
        return [w for w, _, _ in toks], []
    at = text.find(heading)
    if at < 0:
        return [w for w, _, _ in toks], [w for w, _, _ in cut(heading)]
    end = at + len(heading)
    return [w for w, _, _ in toks], [w for w, s, e in toks if s >= at and e <= end]


def context_tokens(e: Entry) -> list[str]:
    """The context's tokens; its parts recur across clauses and documents, so each is cut once."""
    return [w for part in e.context for w in cut_repeated(part)]


@lru_cache(maxsize=32768)
def squashed(text: str) -> str:
    """``squash`` remembered: the candidates' texts and their documents' names come back query
    after query (the rerank and dedupe read each one several times)."""
    return unspaced(folded(text))


# A payload read from an index may carry its text's derived forms, written when it was indexed
# (tantivy_backend): the squashed text and the rerank's sentences; the rerank and dedupe read them
# instead of deriving them again for every query.
TEXT_KEY = "_squashed"
SENTENCES_KEY = "_sentences"
FACETS_KEY = "_facets"  # facets.facet_values


def text_key(payload: dict) -> str:
    """The clause's text squashed (what dedupe and phrases compare), as stored or derived now."""
    key = payload.get(TEXT_KEY)
    return key if key is not None else squashed(payload.get("text") or "")


def phrase_haystack(payload: dict) -> str:
    """Where a quoted phrase may occur verbatim: the clause and its document's names, squashed, '|' between."""
    region = payload.get("region") or {}
    parts = [payload.get("heading"), payload.get("title"), payload.get("issuer")]
    parts += [payload.get("doc_number")] + [region.get(k) for k in ("province", "city", "county")]
    parts += [t.get("name") for t in payload.get("department_tags") or []]
    parts += payload.get("defined") or []
    text = [text_key(payload)] if payload.get("text") else []
    return "|".join(text + [squashed(x) for x in parts if x])


HAYSTACK_KEY = "_haystack"


def query_haystack(payload: dict) -> str:
    """``phrase_haystack`` of a payload a query has read, kept in it: a query asks it of every
    candidate for its verbatim words, then again in the rerank.  Never of an entry being indexed
    (the key would be stored)."""
    hay = payload.get(HAYSTACK_KEY)
    if hay is None:
        hay = payload[HAYSTACK_KEY] = phrase_haystack(payload)
    return hay


def bigrams(squashed: str) -> list[str]:
    """Character bigrams: what the verbatim field holds, and how a phrase or a word as printed is sought."""
    return [squashed[i : i + 2] for i in range(len(squashed) - 1)]


def document_definitions(doc: Document) -> dict[str, str]:
    """The short forms the document defines (节约能源（以下简称节能）) -> the full names, the first
    definition of each (``lexicon.definitions``)."""
    out: dict[str, str] = {}
    for c in doc.clauses:
        if "称" in c.text:
            for full, short in definitions(c.text):
                out.setdefault(short, full)
    return out


def defined_in(defined: dict[str, str], text: str) -> list[str]:
    """The full names of the document's short forms this clause prints without them: a clause
    saying 孵化器 in a document that defined 科技企业孵化器（以下简称孵化器） is about the latter,
    and is found by it (the names join its context and what its words are checked against)."""
    if not defined:
        return []
    t = fold(text)
    return [full for short, full in defined.items() if short in t and full not in t]


def clause_entries(doc: Document, status: dict | None = None, copies: dict | None = None) -> Iterator[Entry]:
    """The index entries of one document: one per clause with any text.

    ``status`` is the store's verdict on whether the document still applies
    (``Store.status``); hits show it and the status filter reads it.
    ``copies`` (``Store.standing``): a copy of another document has no entries
    of its own; that one's hits list every copy's URL in ``sources``.
    """
    if copies and copies.get("duplicate_of"):
        return
    region = doc.region
    draft_words = DRAFT_WORDS if doc.draft else ""
    date = doc.published or doc.signed
    year = int(date[:4]) if date and date[:4].isdigit() else None
    # the year too: users type "2022 揭榜挂帅" for a document of 2022 whose clauses never say 2022
    doc_context = " ".join(
        str(x)
        for x in (doc.issuer, doc.doc_number, *region_names(region), doc.doc_type, draft_words, year)
        if x
    )
    issuer_key = canonical(doc.issuer) if doc.issuer else ""
    region_dict = {"province": region.province, "city": region.city, "county": region.county}
    headings: dict[tuple[str, ...], str] = {}  # path -> heading of the latest clause there
    defined = document_definitions(doc)
    for i, c in enumerate(doc.clauses):
        if c.heading:
            headings[tuple(c.path)] = c.heading
        if not c.text.strip():
            continue
        # The headings above the clause: the items under "一、申报条件" are found by 申报条件.
        sections = [h for k in range(1, len(c.path)) if (h := headings.get(tuple(c.path[:k])))]
        keys: set[str] = set()
        names: list[str] = []
        printed: list[str] = []
        for d in c.department_tags:
            keys |= department_keys(d.name, region, d.canonical)
            full = full_name(d.name, region, d.canonical)
            if full:
                names.append(full)
            printed += [d.name] + ([d.canonical] if d.canonical else [])
        # money given: a threshold, a goal or a fund's size never sorts or filters a clause as a grant
        amounts = [a.yuan for a in c.amounts if a.yuan is not None and a.is_grant]
        stands_for = defined_in(defined, c.text)
        payload = {
            "doc_id": doc.id,
            "clause_id": c.id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "issuer": doc.issuer,
            "doc_number": doc.doc_number,
            "doc_type": doc.doc_type,
            "draft": doc.draft,
            "published": doc.published,
            "region": region_dict,
            "path": c.path,
            "heading": c.heading,
            "sections": sections,
            "text": c.text,
            "departments": c.departments,
            "department_tags": [
                {"name": d.name, "role": d.role, "canonical": d.canonical} for d in c.department_tags
            ],
            "amounts": [
                {"text": a.text, "yuan": a.yuan, "kind": a.kind, "rate": a.rate, "level": a.level}
                for a in c.amounts
            ],
            "status": status,
            "expires": (status or {}).get("expires") or doc.expires,
            "sources": (copies or {}).get("sources") or ([doc.url] if doc.url else []),
        }
        if stands_for:
            payload["defined"] = stands_for
        yield Entry(
            clause_id=c.id,
            doc_id=doc.id,
            title=doc.title or "",
            heading=c.heading or "",
            text=c.text,
            context=(doc_context, *sections, *dict.fromkeys(printed), *stands_for),
            issuer=issuer_key,
            province=region.province or "",
            city=region.city or "",
            county=region.county or "",
            doc_type=doc.doc_type or "",
            departments=tuple(sorted(keys)),
            department_names=tuple(dict.fromkeys(names)),
            draft=bool(doc.draft),
            published=doc.published or "",
            year=year,
            max_yuan=float(max(amounts)) if amounts else None,
            ord=i,
            doc_number=doc_number_key(doc.doc_number) or "",
            payload=payload,
            # a term the in-force filter can match; a draft never relinked is still a draft (as decide() says)
            status=(status or {}).get("status") or ("draft" if doc.draft else "unknown"),
        )
