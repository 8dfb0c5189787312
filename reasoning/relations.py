"""Linking: which stored documents cite, repeal, extend, repost or copy which, and which draft became which final.

``link`` is a pure function of the set of documents' facts (``corpus.facts``):
the same links for any order the documents came in.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from corpus.facts import _SKETCH, Facts, Link, Mention, text_similarity
from corpus.keys import number_key, title_key, title_similarity

DUPLICATE_TEXT = 0.7  # estimated Jaccard of 5-grams: the same text under other chrome
SAME_BODY = 0.9  # the same body with nothing else to go by (no title, 文号 or date in common)
SAME_BODY_DAYS = 90  # copies of one document appear within weeks of each other, not a year
_BODY_BANDS = 8  # consecutive pairs of the sketch's smallest hashes used as candidate keys
DRAFT_TITLE_SAME_ISSUER = 0.8
DRAFT_TITLE_OTHER_ISSUER = 0.9
REPOST_TITLE = 0.9


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

    def resolve(m: Mention, src: str, *, dated: bool = False) -> str | None:
        """The document a mention names; with ``dated``, only one that existed when ``src`` was written."""
        nk, tk = number_key(m.doc_number), title_key(m.title)

        def named(ids: list[str]) -> list[str]:
            return [
                d for d in ids if canon[d] != canon[src] and not (dated and _came_after(facts[d], facts[src]))
            ]

        found = named(by_number.get(nk, [])) if nk else []
        if not found and tk:
            found = named(by_title.get(tk, []))
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
                dst = resolve(m, doc_id, dated=True)
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


def _came_after(target: Facts, citing: Facts) -> bool:
    """True when ``target`` first appeared after ``citing`` was signed and published: a document of
    2022-01-20 cannot cite, repeal or extend one of 2022-05-18, whatever their titles share (yearly
    notices and re-issued 意见 keep their names).  Undated documents are given the benefit of the doubt.
    """
    appeared = min((d for d in (target.signed, target.published) if d), default=None)
    written = max((d for d in (citing.signed, citing.published) if d), default=None)
    return bool(appeared and written and appeared > written)


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
        for key in _body_keys(f):
            groups.setdefault(("s", key), []).append(d)
    for (kind, _), members in sorted(groups.items()):
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                ra, rb = find(a), find(b)
                # two already in one cluster need no comparing: n copies cost n comparisons, not n²/2
                if ra != rb and _same_document(
                    facts[a], facts[b], by_number=kind == "n", by_body=kind == "s"
                ):
                    parent[max(ra, rb)] = min(ra, rb)
    clusters: dict[str, list[str]] = {}
    for d in facts:
        clusters.setdefault(find(d), []).append(d)
    canon = {}
    for members in clusters.values():
        # the copy that carries the document's names stands for it: a text capture of the body
        # (no title, no date) must not hide the page it was taken from
        head = min(
            members,
            key=lambda d: (not facts[d].title, facts[d].published or "9999", facts[d].signed or "9999", d),
        )
        for d in members:
            canon[d] = head
    return canon


def _body_keys(f: Facts) -> list[tuple[int, int]]:
    """Candidate keys for "the same body": consecutive pairs of the sketch's smallest hashes.

    Pairs, not single hashes (one common 5-gram would gather half the store); consecutive
    pairs, so a copy whose extra line adds one smaller hash still shares the pair after it.
    Only a text long enough to fill its sketch: short texts share too much by chance.
    """
    if len(f.sketch) < _SKETCH:
        return []
    return [(f.sketch[i], f.sketch[i + 1]) for i in range(_BODY_BANDS)]


def _same_document(a: Facts, b: Facts, *, by_number: bool, by_body: bool = False) -> bool:
    if a.draft != b.draft:
        return False
    if a.number_key and b.number_key and a.number_key != b.number_key:
        return False
    if a.signed and b.signed and a.signed != b.signed:
        return False
    if _names(a, b) or _names(b, a):
        return False  # a new version that repeals or cites the old one is not its copy
    if by_body:
        # the same body is the same document, whatever a copy lacks (a text capture has no title)
        if a.issuer and b.issuer and a.issuer != b.issuer:
            return False
        if _days_apart(a.published, b.published) > SAME_BODY_DAYS:
            return False  # next year's notice with this year's wording is another document
        return text_similarity(a.sketch, b.sketch) >= SAME_BODY
    if by_number:
        return not (a.title and b.title) or title_similarity(a.title, b.title, 0.6) >= 0.6
    if a.issuer and b.issuer and a.issuer != b.issuer:
        return False
    return text_similarity(a.sketch, b.sketch) >= DUPLICATE_TEXT


def _days_apart(a: str | None, b: str | None) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) if a and b else 0
    except ValueError:
        return 0


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
