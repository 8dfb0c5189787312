"""How documents name each other, and the keys that match a name to a document.

A 文号 is printed in many ways (鲁政发〔2018〕5号, 鲁政发[2018]5号,
鲁政发（２０１８）第5号) and a title too (《…》, the 关于印发…的通知
wrapper, a year range in brackets, the draft mark).  Every comparison goes
through the keys below, so one rule decides what "the same document" means
for the cleaner, the store and the index.
"""

from __future__ import annotations

import heapq
import json
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache

from .model import Document, Reference

DRAFT_MARKS = (
    "征求意见稿",
    "意见征求稿",
    "意见征集稿",
    "公开征求意见稿",
    "草案",
    "送审稿",
    "讨论稿",
    "修订稿",
)

_OPEN = "〔[［【(（〈<｛{"
_CLOSE = "〕]］】)）〉>｝}"
_NUMBER_PARTS = re.compile(
    rf"^(?P<prefix>[\u4e00-\u9fa5A-Za-z]{{1,20}}?)\s*[{re.escape(_OPEN)}]?\s*(?P<year>(?:19|20)\d{{2}})\s*(?:年)?\s*[{re.escape(_CLOSE)}]?\s*第?\s*0*(?P<n>\d{{1,5}})\s*号$"
)
_DECREE_PARTS = re.compile(r"^(?P<prefix>[\u4e00-\u9fa5]{1,20}?令)\s*第?\s*0*(?P<n>\d{1,5})\s*号$")
_DECREE_SUFFIX = re.compile(r"^(?P<prefix>[\u4e00-\u9fa5]{1,20}?)第\s*0*(?P<n>\d{1,5})\s*号令$")
_YEAR_SUFFIX = re.compile(
    r"[(（]\s*(?:(?:19|20)\d{2}\s*(?:年)?\s*(?:[-—–~～至到、]+\s*(?:19|20)?\d{2,4}\s*年?)?(?:版|年度)?)\s*[)）]"
)
_DRAFT_SUFFIX = re.compile(r"[(（【\[]\s*(?:" + "|".join(DRAFT_MARKS) + r")\s*[)）】\]]")
_WRAPPER = re.compile(r"^(?:.{0,40}?)(?:关于)?(?:印发|颁布|发布|公布)(?P<inner>.+?)的(?:通知|决定|公告)$")
_PUNCT = re.compile(r"[^\w]|_")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=65536)
def number_key(doc_number: str | None) -> str | None:
    """A 文号 in one canonical form: 鲁政发〔2018〕5号, 江西省人民政府令161号.

    Bracket forms, full-width digits, 第 and leading zeros never make two
    numbers differ.
    """
    if not doc_number:
        return None
    s = re.sub(r"\s+", "", nfkc(doc_number)).strip("()（）[]")
    m = _NUMBER_PARTS.match(s)
    if m:
        return f"{m.group('prefix')}〔{m.group('year')}〕{int(m.group('n'))}号"
    m = _DECREE_PARTS.match(s) or _DECREE_SUFFIX.match(s)
    if m:
        prefix = m.group("prefix")
        return f"{prefix if prefix.endswith('令') else prefix + '令'}{int(m.group('n'))}号"
    return s or None


def strip_draft_mark(title: str) -> str:
    """ "…规划(征求意见稿)" -> "…规划"; a draft mark anywhere else is dropped too."""
    t = _DRAFT_SUFFIX.sub("", title)
    for mark in DRAFT_MARKS:
        t = t.replace(mark, "")
    return t.strip()


def core_title(title: str | None) -> str | None:
    """The title of what a document carries, without its wrappers.

    "临沂市人民政府关于印发《临沂市X办法（2021-2025年）》的通知" and
    "《X办法》" both become "临沂市X办法"; the 关于 and issuer in front
    of a plain title are dropped ("淄博市人民政府办公室关于加强…的意见" ->
    "加强…的意见") because other sites print the title without them.
    """
    if not title:
        return None
    t = re.sub(r"\s+", "", nfkc(title))
    t = strip_draft_mark(t)
    m = _WRAPPER.match(t)
    if m and len(m.group("inner")) >= 4:
        t = m.group("inner")
    t = t.strip('《》<>"“”「」『』')
    t = re.sub(r"^《(.+)》$", r"\1", t)
    t = t.replace("《", "").replace("》", "")
    t = _YEAR_SUFFIX.sub("", t)
    m = re.match(r"^.{0,30}?关于(?=.{4})", t)
    if m:
        t = t[m.end() :]
    return t.strip() or None


@lru_cache(maxsize=65536)
def title_key(title: str | None) -> str | None:
    """``core_title`` without punctuation, quotes or 的: the exact-match key of a title."""
    core = core_title(title)
    if not core:
        return None
    key = _PUNCT.sub("", core).replace("的", "")
    return key or None


@lru_cache(maxsize=65536)
def title_similarity(a: str | None, b: str | None, need: float = 0.0) -> float:
    """0..1, how alike two titles are once normalised (small wording changes stay high).

    Below ``need`` the answer is 0.0: two upper bounds of difflib's ratio
    (the lengths, then the characters the titles share) rule out most pairs
    of a province's titles before the costly alignment, which made matching
    250 drafts against 1,750 finals five times faster.
    """
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 1.0
    size = len(ka) + len(kb)
    if 2 * min(len(ka), len(kb)) / size < need:
        return 0.0
    if 2 * sum((_chars(ka) & _chars(kb)).values()) / size < need:
        return 0.0
    from difflib import SequenceMatcher

    return SequenceMatcher(None, ka, kb, autojunk=False).ratio()


@lru_cache(maxsize=65536)
def _chars(key: str) -> Counter:
    return Counter(key)


# -- what the store keeps of each document to link it ---------------------------

RELATION_KINDS = ("cites", "repeals", "draft_of", "repost_of", "duplicate_of", "extends")
# The other end of each relation, as the document page names it.
INVERSE = {
    "cites": "cited_by",
    "repeals": "repealed_by",
    "draft_of": "final_of",
    "repost_of": "reposts",
    "duplicate_of": "duplicates",
    "extends": "extended_by",  # "《…》有效期延长至2025年12月31日"
}
_SHINGLE = 5
_SKETCH = 96  # bottom-k sketch size: Jaccard of two texts within about ±0.1


@dataclass(frozen=True)
class Mention:
    """A printed reference to another document, with the sentence that makes it."""

    doc_number: str | None
    title: str | None
    sentence: str | None = None
    until: str | None = None  # for an extension: the new last day

    @property
    def key(self) -> str:
        """What identifies the mention: its 文号 key, else its title key."""
        return number_key(self.doc_number) or ("title:" + (title_key(self.title) or ""))


@dataclass(frozen=True)
class Facts:
    """The little of a document that linking and status need (kept in ``doc_facts``)."""

    doc_id: str
    url: str | None
    title: str | None
    doc_number: str | None
    issuer: str | None
    province: str | None
    city: str | None
    county: str | None
    draft: bool
    repost: bool  # a news article carrying the document named by ``title``
    published: str | None
    signed: str | None
    effective: str | None
    expires: str | None
    validity_text: str | None
    cites: tuple[Mention, ...] = ()
    repeals: tuple[Mention, ...] = ()
    sketch: tuple[int, ...] = ()
    extends: tuple[Mention, ...] = ()  # other documents whose validity this one extends

    @property
    def number_key(self) -> str | None:
        return number_key(self.doc_number)

    @property
    def title_key(self) -> str | None:
        return title_key(self.title)

    @property
    def issued(self) -> str | None:
        """When the document itself took effect or appeared: what dates its acts."""
        return self.effective or self.signed or self.published

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Facts:
        d = json.loads(text)
        d["cites"] = tuple(Mention(**m) for m in d.get("cites") or [])
        d["repeals"] = tuple(Mention(**m) for m in d.get("repeals") or [])
        d["sketch"] = tuple(d.get("sketch") or [])
        d["extends"] = tuple(Mention(**m) for m in d.get("extends") or [])
        return cls(**d)


def facts_of(doc: Document) -> Facts:
    text = doc.body_text
    return Facts(
        doc_id=doc.id,
        url=doc.url,
        title=doc.title,
        doc_number=doc.doc_number,
        issuer=doc.issuer,
        province=doc.region.province,
        city=doc.region.city,
        county=doc.region.county,
        draft=bool(doc.draft),
        repost=bool(doc.summary),
        published=doc.published,
        signed=doc.signed,
        effective=doc.effective,
        expires=doc.expires,
        validity_text=doc.validity_text,
        cites=tuple(_mention(r, text) for r in doc.cites),
        repeals=tuple(_mention(r, text, doc.title) for r in doc.repeals),
        sketch=text_sketch(text),
        extends=tuple(extensions(doc.cites, text)),
    )


_EXTENDED = re.compile(r"有效期(?:限)?(?:延长|延续|顺延)(?:至|到)(?P<date>[^，,。；;]{5,16})")
_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_YEAR_END = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:底|末)")


def extensions(cites: list[Reference], text: str) -> list[Mention]:
    """Cited documents whose validity the text extends: "《…》（…号）有效期延长至2025年12月31日"."""
    out = []
    for sentence in re.split(r"[。；;\n]", text):
        m = _EXTENDED.search(sentence)
        if not m:
            continue
        until = _end_date(nfkc(m.group("date")))
        if not until:
            continue
        before = sentence[: m.start()]
        for ref in cites:
            if (ref.doc_number and ref.doc_number in before) or (ref.title and ref.title in before):
                out.append(Mention(ref.doc_number, ref.title, sentence.strip() + "。", until))
    return out


def _end_date(printed: str) -> str | None:
    import calendar
    from datetime import date

    m = _FULL_DATE.match(printed.strip())
    try:
        if m:
            y, mo = int(m.group(1)), int(m.group(2))
            d = int(m.group(3)) if m.group(3) else calendar.monthrange(y, mo)[1]
            return date(y, mo, d).isoformat()
        m = _YEAR_END.match(printed.strip())
        return f"{m.group(1)}-12-31" if m else None
    except ValueError:
        return None


def _mention(ref: Reference, text: str, title: str | None = None) -> Mention:
    return Mention(
        ref.doc_number, ref.title, _sentence_naming(ref, text) or _sentence_naming(ref, title or "")
    )


_LIST_LABEL = re.compile(
    r"^\s*(?:\d{1,3}\s*[.．、)）]|[（(]\d{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳])"
)


def _sentence_naming(ref: Reference, text: str) -> str | None:
    """The sentence that names ``ref``; an entry of a list comes with the line that opens the list."""
    for needle in (ref.doc_number, ref.title):
        if needle and needle in text:
            i = text.index(needle)
            start = max(text.rfind(c, 0, i) for c in "。；\n") + 1
            ends = [e for e in (text.find(c, i) for c in "。；\n") if e >= 0]
            end = min(ends) + 1 if ends else len(text)
            said = text[start:end].strip()
            if _LIST_LABEL.match(said):
                lines = text[:start].rstrip("\n").split("\n")
                intro = next((ln for ln in reversed(lines) if ln.rstrip().endswith(("：", ":"))), None)
                if intro:
                    said = intro.strip().split("。")[-1] + said
            return said or None
    return None


def text_sketch(text: str) -> tuple[int, ...]:
    """A bottom-k sketch of the text's character 5-grams (punctuation and spaces ignored)."""
    plain = _PUNCT.sub("", nfkc(text))
    if len(plain) < _SHINGLE:
        return ()
    # Encoded once; each 5-gram is then a 10-byte slice (no encode per gram: 1.8x faster,
    # and this runs for every saved document).
    data = plain.encode("utf-16-le", "surrogatepass")
    width = 2 * _SHINGLE
    hashes = {zlib.crc32(data[i : i + width]) for i in range(0, len(data) - width + 1, 2)}
    return tuple(heapq.nsmallest(_SKETCH, hashes))


def text_similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two texts from their sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:_SKETCH]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


# -- linking: a pure function of the set of documents ---------------------------

DUPLICATE_TEXT = 0.7  # estimated Jaccard of 5-grams: the same text under other chrome
DRAFT_TITLE_SAME_ISSUER = 0.8
DRAFT_TITLE_OTHER_ISSUER = 0.9
REPOST_TITLE = 0.9


@dataclass(frozen=True)
class Link:
    """One relation from ``src``; ``dst`` is None while the named document is not stored."""

    src: str
    kind: str
    dst: str | None
    doc_number: str | None
    title: str | None
    sentence: str | None
    key: str
    ord: int = 0  # position among the document's mentions of this kind, as printed
    until: str | None = None  # extends: the new last day of the named document


def link(all_facts: Iterable[Facts]) -> list[Link]:
    """Every relation between the given documents, the same for any order they came in.

    Ties are broken by dates and ids, never by arrival, so a store that
    received the documents in another order links them the same way.
    """
    facts = {f.doc_id: f for f in all_facts}
    canon = _duplicate_clusters(facts)
    by_number: dict[str, list[str]] = {}
    by_title: dict[str, list[str]] = {}
    for doc_id in sorted(facts):
        f = facts[doc_id]
        if f.number_key:
            by_number.setdefault(f.number_key, []).append(doc_id)
        if f.title_key:
            by_title.setdefault(f.title_key, []).append(doc_id)

    def resolve(m: Mention, src: str) -> str | None:
        nk, tk = number_key(m.doc_number), title_key(m.title)
        found = [d for d in by_number.get(nk, []) if canon[d] != canon[src]] if nk else []
        if not found and tk:
            found = [d for d in by_title.get(tk, []) if canon[d] != canon[src]]
        if not found:
            return None
        best = min(found, key=lambda d: (facts[d].repost, facts[d].draft, canon[d] != d, d))
        return canon[best]

    # Finals and originals are looked for among documents of the same province only.
    by_province: dict[str | None, list[str]] = {}
    for doc_id in sorted(facts):
        f = facts[doc_id]
        if not f.draft and not f.repost:
            by_province.setdefault(f.province, []).append(doc_id)

    links: list[Link] = []
    for doc_id in sorted(facts):
        f = facts[doc_id]
        for kind, mentions in (("cites", f.cites), ("repeals", f.repeals), ("extends", f.extends)):
            seen = set()
            for m in mentions:
                if m.key in seen:
                    continue
                seen.add(m.key)
                dst = resolve(m, doc_id)
                links.append(
                    Link(doc_id, kind, dst, m.doc_number, m.title, m.sentence, m.key, len(seen), m.until)
                )
        if f.repost:
            links.append(_repost_link(f, facts, canon, resolve, by_province.get(f.province, [])))
        if f.draft and not f.repost:
            final = _final_version(f, facts, canon, by_province.get(f.province, []))
            if final:
                g = facts[final]
                links.append(Link(doc_id, "draft_of", final, g.doc_number, g.title, None, final))
        if canon[doc_id] != doc_id:
            c = facts[canon[doc_id]]
            links.append(Link(doc_id, "duplicate_of", c.doc_id, c.doc_number, c.title, None, c.doc_id))
    return links


def _duplicate_clusters(facts: dict[str, Facts]) -> dict[str, str]:
    """doc id -> the id that stands for its cluster of copies (the earliest published)."""
    parent = {d: d for d in facts}

    def find(d: str) -> str:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    groups: dict[tuple[str, str], list[str]] = {}
    for d in sorted(facts):
        f = facts[d]
        if f.repost:
            continue  # a news article carrying a document is a repost, not a copy
        if f.number_key:
            groups.setdefault(("n", f.number_key), []).append(d)
        if f.title_key:
            groups.setdefault(("t", f.title_key), []).append(d)
    for (kind, _), members in sorted(groups.items()):
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                ra, rb = find(a), find(b)
                # two already in one cluster need no comparing: n copies cost n comparisons, not n²/2
                if ra != rb and _same_document(facts[a], facts[b], by_number=kind == "n"):
                    parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[str, list[str]] = {}
    for d in facts:
        clusters.setdefault(find(d), []).append(d)
    canon = {}
    for members in clusters.values():
        head = min(members, key=lambda d: (facts[d].published or "9999", facts[d].signed or "9999", d))
        for d in members:
            canon[d] = head
    return canon


def _same_document(a: Facts, b: Facts, *, by_number: bool) -> bool:
    if a.draft != b.draft:
        return False
    if a.number_key and b.number_key and a.number_key != b.number_key:
        return False
    if a.signed and b.signed and a.signed != b.signed:
        return False
    if _names(a, b) or _names(b, a):
        return False  # a new version that repeals or cites the old one is not its copy
    if by_number:
        return not (a.title and b.title) or title_similarity(a.title, b.title, 0.6) >= 0.6
    if a.issuer and b.issuer and a.issuer != b.issuer:
        return False
    return text_similarity(a.sketch, b.sketch) >= DUPLICATE_TEXT


def _names(a: Facts, b: Facts) -> bool:
    keys = {k for k in (b.number_key, b.title_key and "title:" + b.title_key) if k}
    return any(m.key in keys for m in a.repeals + a.cites)


def _same_region(a: Facts, b: Facts) -> bool:
    if a.city and b.city:
        return a.city == b.city
    return bool(a.province and a.province == b.province) or not (a.province or b.province)


def _final_version(
    draft: Facts, facts: dict[str, Facts], canon: dict[str, str], near: list[str]
) -> str | None:
    """The later non-draft of the same region whose title is the draft's less its mark."""
    best = None
    for d in near:
        g = facts[d]
        if g.draft or g.repost or not _same_region(draft, g):
            continue
        when_draft, when_final = draft.published or draft.signed, g.published or g.signed
        if when_draft and when_final and when_final < when_draft:
            continue
        same_issuer = not (draft.issuer and g.issuer) or draft.issuer == g.issuer
        need = DRAFT_TITLE_SAME_ISSUER if same_issuer else DRAFT_TITLE_OTHER_ISSUER
        sim = title_similarity(draft.title, g.title, need)
        if sim < need:
            continue
        rank = (-sim, when_final or "9999", d)
        if best is None or rank < best[0]:
            best = (rank, d)
    return canon[best[1]] if best else None


def _repost_link(
    f: Facts, facts: dict[str, Facts], canon: dict[str, str], resolve, nearby: list[str]
) -> Link:
    m = Mention(f.doc_number, f.title)
    dst = resolve(m, f.doc_id)
    if dst and facts[dst].repost:
        dst = None
    if dst is None:
        near = [
            (title_similarity(f.title, facts[d].title, REPOST_TITLE), d)
            for d in nearby
            if canon[d] != canon[f.doc_id] and _same_region(f, facts[d])
        ]
        near = [(s, d) for s, d in near if s >= REPOST_TITLE]
        if near:
            dst = canon[max(near, key=lambda sd: (sd[0], sd[1]))[1]]
    return Link(f.doc_id, "repost_of", dst, f.doc_number, f.title, None, m.key)
