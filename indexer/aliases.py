"""Department aliases: 科技局 and 科学技术局 name the same body.

Queries, tags and filters print departments in many forms: the full name
(临沂市科学技术局), the short one (市科技局), the colloquial one (发改委).  The
table of groups is data (``dict/department_aliases.txt``); this module turns a
name into its other spellings (for queries) and into normalised keys (for
the department filter and facet), so any spelling finds the others.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from corpus.model import Region

from .analysis import fold

_LEVEL_PREFIX = re.compile(r"^(省|市|区|县|州|自治区|自治州|盟)")


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, tuple[str, ...]], re.Pattern[str]]:
    """variant -> its group (full name first), and a pattern finding any variant, longest first."""
    text = (resources.files("indexer") / "dict" / "department_aliases.txt").read_text(encoding="utf-8")
    groups: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        names = tuple(dict.fromkeys(fold(n) for n in line.split()))
        if line.startswith("#") or len(names) < 2:
            continue
        for name in names:
            groups.setdefault(name, names)
    pattern = re.compile("|".join(re.escape(n) for n in sorted(groups, key=len, reverse=True)))
    return groups, pattern


def variants(word: str) -> list[str]:
    """The word with its department name in every spelling, the word itself first.

    Only the first (longest) department name in the word is varied, so a
    query word never fans out into more than one group's worth of spellings.
    """
    groups, pattern = _groups()
    folded = fold(word)
    m = pattern.search(folded)
    if not m:
        return [word]
    out = [word]
    for alt in groups[m.group(0)]:
        v = folded[: m.start()] + alt + folded[m.end() :]
        if v not in out and v != folded:
            out.append(v)
    return out


def canonical(name: str) -> str:
    """The name with its department part in the group's full spelling: 市科技局 -> 市科学技术局."""
    groups, pattern = _groups()
    folded = re.sub(r"\s+", "", fold(name))
    return pattern.sub(lambda m: groups[m.group(0)][0], folded, count=1)


def regional(name: str, region: Region) -> str:
    """The full name of a department printed with a bare level (市科技局 in a 临沂 document)."""
    full = canonical(name)
    m = _LEVEL_PREFIX.match(full)
    if not m:
        return full
    place = {"省": region.province, "自治区": region.province}.get(m.group(1))
    if m.group(1) in ("市", "州", "自治州", "盟"):
        place = region.city
    elif m.group(1) in ("区", "县"):
        place = region.county
    return place + full[m.end() :] if place and place.endswith(m.group(1)) else full


def department_keys(name: str, region: Region, canonical_name: str | None = None) -> set[str]:
    """Every key a department filter may name this department by."""
    full = canonical(name)
    keys = {fold(name), full, regional(name, region)}
    bare = full
    for place in (region.county, region.city, region.province):
        if place and bare.startswith(place):
            bare = bare[len(place) :]
    bare = _LEVEL_PREFIX.sub("", bare)
    if len(bare) >= 2:
        keys.add(bare)
    if canonical_name:
        keys.add(canonical(canonical_name))
    return {k for k in keys if k}
