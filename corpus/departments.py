"""Government department names: every printed short form and its canonical full name, as data.

One department is printed many ways: 市科技局, 市科学技术局, 临沂市科学技术局.
The cleaner uses this table to give each 责任单位 tag a canonical full name in
the document's region; the indexer can use ``alias_groups()`` for query
synonyms (科学技术局 finds 科技局).  Stdlib only: both sides import it.

A row is (canonical suffix, printed aliases).  Suffixes are matched at the end
of a name after its region prefix (市, 省, 县, 区, or a full place name), so
"市发展改革委" -> "发展和改革委员会" and "临沂市科技局" -> "临沂市科学技术局".
"""

from __future__ import annotations

import re
from functools import lru_cache

# (canonical suffix, aliases).  Order does not matter: the longest alias wins.
DEPARTMENT_ALIASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("科学技术局", ("科技局",)),
    ("科学技术厅", ("科技厅",)),
    ("科学技术委员会", ("科委", "科技委")),
    ("科学技术部", ("科技部",)),
    ("发展和改革委员会", ("发改委", "发展改革委", "发展和改革委", "发展改革委员会")),
    ("发展和改革局", ("发改局", "发展改革局")),
    ("工业和信息化局", ("工信局", "工业信息化局", "工业和信息局")),
    ("工业和信息化厅", ("工信厅", "工业信息化厅")),
    ("工业和信息化部", ("工信部", "工业信息化部")),
    ("经济和信息化局", ("经信局", "经济信息化局")),
    ("经济和信息化委员会", ("经信委", "经济信息化委")),
    ("经济和信息化厅", ("经信厅", "经济信息化厅")),
    ("人力资源和社会保障局", ("人社局", "人力资源社会保障局", "人力资源和社保局")),
    ("人力资源和社会保障厅", ("人社厅", "人力资源社会保障厅")),
    ("人力资源和社会保障部", ("人社部", "人力资源社会保障部")),
    ("市场监督管理局", ("市场监管局",)),
    ("财政局", ()),
    ("财政厅", ()),
    ("教育局", ()),
    ("教育厅", ()),
    ("教育和体育局", ("教体局", "教育体育局")),
    ("农业农村局", ("农业局",)),
    ("农业农村厅", ("农业厅",)),
    ("住房和城乡建设局", ("住建局", "住房城乡建设局", "住房城乡建局")),
    ("住房和城乡建设厅", ("住建厅", "住房城乡建设厅")),
    ("卫生健康委员会", ("卫健委", "卫生健康委", "卫生和健康委员会")),
    ("卫生健康局", ("卫健局",)),
    ("生态环境局", ("环保局", "环境保护局")),
    ("生态环境厅", ("环保厅",)),
    ("自然资源和规划局", ("自然资源规划局", "自规局")),
    ("自然资源局", ()),
    ("商务局", ()),
    ("商务厅", ()),
    ("地方金融监督管理局", ("地方金融监管局", "金融监管局", "金融局")),
    ("国有资产监督管理委员会", ("国资委",)),
    ("行政审批服务局", ("审批服务局", "行政审批局")),
    ("应急管理局", ("应急局",)),
    ("应急管理厅", ("应急厅",)),
    ("大数据局", ("大数据管理局",)),
    ("知识产权局", ("知识产权管理局",)),
    ("文化和旅游局", ("文旅局", "文化旅游局")),
    ("文化和旅游厅", ("文旅厅", "文化旅游厅")),
    ("交通运输局", ("交通局",)),
    ("交通运输厅", ("交通厅",)),
    ("水利局", ()),
    ("水务局", ()),
    ("民政局", ()),
    ("司法局", ()),
    ("公安局", ()),
    ("审计局", ()),
    ("统计局", ()),
    ("医疗保障局", ("医保局",)),
    ("退役军人事务局", ("退役军人局",)),
    ("外事办公室", ("外办",)),
    ("投资促进局", ("投促局",)),
    ("科学技术协会", ("科协",)),
    ("工商业联合会", ("工商联",)),
    ("税务局", ()),
    ("人民政府办公室", ("政府办公室", "政府办")),
    ("人民政府办公厅", ("政府办公厅",)),
    ("人民政府", ("政府",)),
    ("机构编制委员会办公室", ("编办", "编委办")),
    ("台湾事务办公室", ("台办",)),
    ("城市管理局", ("城管局", "城市管理行政执法局")),
    ("乡村振兴局", ()),
    ("广播电视局", ("广电局",)),
    ("体育局", ()),
    ("林业和草原局", ("林草局",)),
    ("林业局", ()),
    ("能源局", ()),
    ("海洋发展局", ("海洋局",)),
    ("信访局", ()),
    ("高新技术产业开发区管理委员会", ("高新区管委会", "高新区管理委员会")),
    ("经济技术开发区管理委员会", ("经开区管委会", "经济开发区管委会", "经济技术开发区管委会")),
    ("管理委员会", ("管委会",)),
)

# Departments run from above: their full name is not "<region><suffix>".
VERTICAL = {"税务局": "国家税务总局{region}税务局"}

# Prefixes that stand for the document's own region, by administrative level.
_LEVEL_PREFIX = {
    "省": "province",
    "自治区": "province",
    "市": "city",
    "州": "city",
    "县": "county",
    "区": "county",
}
# Party organs: 市委组织部 is 中共临沂市委组织部.
_PARTY = re.compile(r"^(省|市|县|区|州)委(?!员)(.+)$")
_NOT_A_DEPARTMENT = re.compile(r"^(各|有关|相关|其他|其它)|等有关|等部门$|^.{0,2}$")


@lru_cache(maxsize=1)
def _alias_index() -> tuple[tuple[str, str], ...]:
    """(printed form, canonical suffix), longest printed form first."""
    pairs = []
    for canonical, aliases in DEPARTMENT_ALIASES:
        pairs.append((canonical, canonical))
        pairs += [(a, canonical) for a in aliases]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def _suffix_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    index = _alias_index()
    return re.compile("(?:" + "|".join(re.escape(p) for p, _ in index) + ")$"), dict(index)


def canonical_suffix(name: str) -> str:
    """Replace a short form at the end of a name by its full form: 市发展改革委 -> 市发展和改革委员会."""
    name = re.sub(r"\s+", "", name or "")
    pattern, full = _suffix_pattern()
    m = pattern.search(name)
    return name[: m.start()] + full[m.group(0)] if m else name


# Bodies every level has besides its departments: a signature or addressee line names them too.
_BODY_ENDINGS = ("人民政府", "办公厅", "办公室", "委员会", "管委会", "各部门", "各有关单位", "有关单位")


def names_a_body(name: str) -> bool:
    """The name ends as a government body's does (临沂市科学技术局, 市财政局, 市政府办公室):
    what a signature, addressee or 抄送 line is made of."""
    name = re.sub(r"\s+", "", name or "")
    if not 2 <= len(name) <= 30:
        return False
    return name.endswith(_BODY_ENDINGS) or bool(_suffix_pattern()[0].search(name))


@lru_cache(maxsize=4096)
def canonical_department(
    name: str, province: str | None = None, city: str | None = None, county: str | None = None
) -> str | None:
    """The full name of a department in a region: 市科技局 (临沂) -> 临沂市科学技术局.

    None when the name is not one department ("各有关部门", "各县区") or when its
    region prefix (市, 省, 县) cannot be resolved from the region given.
    """
    name = re.sub(r"\s+", "", name or "").strip("。.，,；;")
    if not name or _NOT_A_DEPARTMENT.search(name):
        return None
    # a county's bodies carry their city too: 临沂市兰山区科学技术局
    full_county = f"{city or ''}{county}" if county and city and not county.startswith(city) else county
    region = {"province": province, "city": city, "county": full_county}
    m = _PARTY.match(name)
    if m:
        place = region.get(_LEVEL_PREFIX[m.group(1)])
        if not place:
            return None
        return f"中共{place}委{canonical_suffix(m.group(2))}"
    for prefix in ("自治区", "省", "市", "州", "县", "区"):
        if name in _whole_names():  # 市场监管局 is a name of its own, not 市 + 场监管局
            break
        if name.startswith(prefix) and len(name) > len(prefix) + 1:
            place = region.get(_LEVEL_PREFIX[prefix])
            if not place:
                return None
            return _with_region(place, canonical_suffix(name[len(prefix) :]))
    # already carries its place ("临沂市科技局", "山东省科技厅") or names a national body
    return canonical_suffix(name)


@lru_cache(maxsize=1)
def _whole_names() -> frozenset[str]:
    return frozenset(p for p, _ in _alias_index())


def _with_region(place: str, suffix: str) -> str:
    template = VERTICAL.get(suffix)
    return template.format(region=place) if template else place + suffix


@lru_cache(maxsize=1)
def alias_groups() -> dict[str, tuple[str, ...]]:
    """Every printed form -> all forms of the same department (itself included), for query synonyms."""
    groups: dict[str, tuple[str, ...]] = {}
    for canonical, aliases in DEPARTMENT_ALIASES:
        forms = (canonical, *aliases)
        for form in forms:
            groups[form] = tuple(dict.fromkeys(groups.get(form, ()) + forms))
    return groups
