"""What the store keeps of each document to link it: its facts, and the links found between them.

``facts_of`` projects a ``Document`` onto the little that linking and
status need (title, 文号, dates, the documents it cites, repeals or extends,
a sketch of its text); the store saves them in ``doc_facts`` next to the
document.  ``Link`` is one relation as the ``relations`` table keeps it.
Deciding links and statuses from these is the ``reasoning`` package's job;
this module only describes the facts, so the store needs no reasoning.
"""

from __future__ import annotations

import heapq
import json
import re
import zlib
from dataclasses import asdict, dataclass

from .keys import _PUNCT, nfkc, number_key, title_key
from .model import Document, Reference

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
