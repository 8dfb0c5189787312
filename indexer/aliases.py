"""Department aliases: 科技局 and 科学技术局 name the same body.

Queries, tags and filters print departments in many forms: the full name
(临沂市科学技术局), the short one (市科技局), the colloquial one (发改委).  The
table is the corpus's (``corpus.departments``, shared with the cleaner); this
module turns a name into its other spellings (for queries) and into keys
(for the department filter and facet), so any spelling finds the others.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from corpus.departments import DEPARTMENT_ALIASES, alias_groups, canonical_department, canonical_suffix
from corpus.model import Region

from .folding import fold

# Short forms jieba would cut apart (人社局 -> 人/社局) go into its dictionary.
SHORT_NAME_MAX = 5


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    """Every spelling -> its group: the corpus's department aliases and our policy synonyms."""
    groups = {fold(k): tuple(fold(v) for v in vs) for k, vs in alias_groups().items()}
    text = (resources.files("indexer") / "dict" / "synonyms.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        names = tuple(fold(n) for n in line.split())
        if line.startswith("#") or len(names) < 2:
            continue
        for n in names:
            groups[n] = tuple(dict.fromkeys(groups.get(n, ()) + names))
    return groups


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(_groups(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


def short_names() -> list[str]:
    return [n for n in alias_groups() if len(n) <= SHORT_NAME_MAX]


def variants(word: str) -> list[str]:
    """The word with its department name (or policy term) in every spelling, the word itself first.

    Only the first (longest) department name in the word is varied, so a
    query word never fans out into more than one group's worth of spellings.
    """
    folded = fold(word)
    m = _pattern().search(folded)
    if not m:
        return [word]
    out = [word]
    for alt in _groups()[m.group(0)]:
        v = folded[: m.start()] + alt + folded[m.end() :]
        if v not in out and v != folded:
            out.append(v)
    return out


# A bureau's name is its field and its kind of body: 教育局, 科学技术厅, 卫生健康委员会, 教育部.
BUREAU_SUFFIXES = ("委员会", "局", "厅", "部", "委")
_LEVEL = re.compile(r"^(自治区|省|市|县|区|州)")
# How laws name the body of a field at every level: 县级以上人民政府教育行政部门, 财政部门.
LAW_FORMS = ("部门", "行政部门", "主管部门", "行政主管部门")
ORGAN_FIELDS = frozenset({"公安", "税务", "审计", "国家安全"})  # …机关: 税务机关, 公安机关


@lru_cache(maxsize=1)
def _department_groups() -> dict[str, tuple[str, ...]]:
    """Every department spelling -> its group, the full name first."""
    return {fold(k): tuple(map(fold, vs)) for k, vs in alias_groups().items()}


@lru_cache(maxsize=1)
def _older_fields() -> dict[str, tuple[str, ...]]:
    text = (resources.files("indexer") / "dict" / "law_departments.txt").read_text(encoding="utf-8")
    rows = [[fold(n) for n in line.split()] for line in text.splitlines() if not line.startswith("#")]
    return {names[0]: tuple(names[1:]) for names in rows if len(names) > 1}


def law_names(word: str) -> list[str]:
    """How laws name the department a bureau's name stands for: 教育局 -> 教育行政部门, 税务局 ->
    税务机关, 人社局 -> 人力资源社会保障行政部门, 劳动行政部门.  Laws name no city's bureau: they
    give the duty to "the X department of the people's government at or above county level", so a
    user asking what the 教育局 must do asks about the clauses of 教育行政部门.  [] for a word that
    is no department's name."""
    folded = fold(word)
    groups = _department_groups()
    bare = folded if folded in groups else _LEVEL.sub("", folded)  # 市场监管局 is no 市 + 场监管局
    if bare not in groups:
        return []
    name = groups[bare][0]  # the full name: its field as laws print it (人社局 -> 人力资源和社会保障)
    suffix = next((s for s in BUREAU_SUFFIXES if name.endswith(s)), "")
    field = name[: -len(suffix)] if suffix else ""
    if len(field) < 2:
        return []
    bare_field = field.replace("和", "")
    fields = [field, bare_field, *_older_fields().get(field, ()), *_older_fields().get(bare_field, ())]
    out: list[str] = []
    for field in dict.fromkeys(f for f in fields if len(f) >= 2):
        out += [field + form for form in LAW_FORMS]
        if field in ORGAN_FIELDS:
            out.append(field + "机关")
    return [n for n in dict.fromkeys(out) if n != bare]


def canonical(name: str) -> str:
    """The name with a short form at its end in full: 市科技局 -> 市科学技术局, 临沂市科技局 -> 临沂市科学技术局."""
    return canonical_suffix(fold(name))


def _core(full: str) -> str | None:
    """The department itself without its place: 临沂市科学技术局 -> 科学技术局."""
    for suffix in _suffixes():
        if full.endswith(suffix) and len(full) > len(suffix):
            return suffix
    return None


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(
        sorted(
            (c for c, _ in DEPARTMENT_ALIASES if len(c) > 4 or c.endswith(("局", "厅", "委"))),
            key=len,
            reverse=True,
        )
    )


_NOT_ONE = re.compile(r"^(各|有关|相关|其他|其它)")


def full_name(name: str, region: Region, canonical_name: str | None = None) -> str | None:
    """The one name a department is counted under in facets: 市科技局 in a 临沂 document -> 临沂市科学技术局.

    None for a tag that names no one department (各县区, 有关部门).
    """
    if canonical_name:
        return canonical(canonical_name)
    if _NOT_ONE.match(name):
        return None
    return canonical_department(name, region.province, region.city, region.county) or canonical(name)


def department_keys(name: str, region: Region, canonical_name: str | None = None) -> set[str]:
    """Every key a department filter may name this department by (see ``canonical``)."""
    full = full_name(name, region, canonical_name)
    keys = {fold(name), canonical(name), full}
    core = _core(full) if full else None
    if core:
        keys.add(core)
    return {k for k in keys if k}
