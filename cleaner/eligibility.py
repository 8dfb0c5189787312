"""Conditions a company profile can check, read off conditions as printed (``Fact``).

Kinds: a qualification the company holds (高新技术企业, 科技型中小企业, 专精特新, 规上,
瞪羚, 独角兽 …), where it is registered (注册在本区, 落户本市, 区内: the document's own
place, full name), its age (成立满3年, 成立不超过5年), a threshold on a figure it reports
(营业收入达1000万元以上, 研发投入占比不低于3%, 从业人数100人以上, 纳税总额不低于500万元)
and its industry (批发业（行业代码51）).  What none of these reads stays only text:
the matcher calls it unknown.
"""

from __future__ import annotations

import re

from corpus.model import Fact, Region

from .amounts import amount_spans

QUALIFICATIONS = (  # (value, pattern): the names a profile's qualifications use
    ("高新技术企业", r"高新技术企业(?!培育|产品|有效期)|高企(?!培育)"),
    ("科技型中小企业", r"科技型中小企业"),
    ("专精特新", r"专精特新|小巨人"),
    ("规上", r"规模以上|规上"),
    ("瞪羚", r"瞪羚"),
    ("独角兽", r"独角兽"),
    ("新型研发机构", r"新型研发机构"),
    ("孵化器", r"孵化器"),
    ("众创空间", r"众创空间"),
    ("上市公司", r"上市公司"),
    ("单项冠军", r"单项冠军"),
    ("技术先进型服务企业", r"技术先进型服务企业"),
)
FIELDS = (  # (field, pattern of the measure named before the figure)
    ("rd_ratio", r"研发(?:投入|经费|费用|经费支出)?(?:占[^，。；]{0,8}(?:比|比例|比重))|研发投入强度"),
    ("rd_spend", r"研发(?:投入|经费|费用|支出)"),
    ("sales_growth", r"(?:销售额|零售额|营业收入)[^，。；]{0,6}(?:增长|增速)"),  # a growth before its measure
    ("retail_sales", r"零售额"),
    ("sales", r"销售额"),
    # what the applicant adds or pays a person is no level of the company's own (no profile key: unknown)
    ("new_revenue", r"新增(?:主营)?(?:业务)?(?:营业)?收入"),
    ("taxable_salary", r"应纳税工资薪金|工资薪金"),
    ("product_sales", r"产品(?:或服务)?[^，。；]{0,6}销售(?:收入|额)"),
    ("revenue", r"营业收入|主营业务收入|销售收入|营收|业务收入"),
    ("registered_capital", r"注册资本|实缴资本"),
    ("tax", r"(?<!应)纳税|税收|缴税"),  # 应纳税工资薪金 is a person's salary, not the tax a company paid
    ("employees", r"从业人员|职工|员工|从业人数|在职人数|人员规模"),
    ("hitech_output", r"高新技术产品[^，。；]{0,6}产值"),
    ("equipment_purchase", r"购置[^，。；]{0,8}设备"),
    ("project_investment", r"投资|投资额|设备购置"),
)
_LISTED = re.compile(r"(?:(?:国家|省|市|区|县)级)?“[^”“，。；]{1,12}”(?:企业|单位|机构)")
_STEP = re.compile(r"每(?:新上|新增|增加|多)[^，。；,;]{0,4}$")
# "符合我区重点产业发展方向", "围绕我区现阶段重点发展…产业": the district's policy, not where the applicant is
_POLICY_OF_PLACE = re.compile(
    r"(?:我|本)(?:区|市|县|省)(?:现阶段|当前)?(?:重点|产业|发展方向|发展需要|发展需求)"
)
_REGION_WORDS = re.compile(
    r"本区|我区|区内|本市|我市|市内|本县|我县|县内|本省|我省|省内|注册|落户|登记|范围内|辖区"
)
_AGE = re.compile(
    r"成立(?:时间)?(?P<op1>满|超过|不少于|不满|未满|不超过|少于|在)?\s*(?P<n>\d+)\s*(?:个)?(?:年|周年)(?P<op2>以上|以内|以下|及以上)?"
    r"|(?:注册|设立|成立)(?:时间)?不超过\s*(?P<n2>\d+)\s*年"
)
_COUNT = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>人|名|%|％|件)\s*(?P<after>以上|及以上|以下|及以下)?")
# "行业分类为批发业（…51）和零售业（…52）": the words that lead into a name are not part of it
_INDUSTRY_LEAD = re.compile(r"^(?:[\u4e00-\u9fff]*?(?:为|属于|是|：)|和|及|与|或|以及)")
_INDUSTRY = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,10}业)\s*[（(][^）)]{0,24}?(?P<code>\d{2})\s*[）)]")


# compiled once: the qualifications' patterns and their negations ((?:不含|除|非)…) ran through re's cache per text
_QUALIFIED = tuple(
    (value, re.compile(pattern), re.compile(rf"(?:不含|除|非)(?:{pattern})"))
    for value, pattern in QUALIFICATIONS
)
_FIELD_PATTERNS = tuple((name, re.compile(pattern)) for name, pattern in FIELDS)
_SHORT_OF = re.compile(r"不满|未满|不超过|少于|以内|以下")
_IN_COUNTY = re.compile(r"本区|我区|区内")
_IN_COUNTY_2 = re.compile(r"本县|我县|县内")
_IN_CITY = re.compile(r"本市|我市|市内")
_IN_PROVINCE = re.compile(r"本省|我省|省内")
_PART_END = re.compile(r"[，。；,;]")
_AT_LEAST = re.compile(r"不低于|不少于|以上|超过|达到|突破")
_AT_MOST = re.compile(r"不超过|不高于|低于|以下|以内|少于")
_GROWTH = re.compile(r"增速|增幅|增长(?:率)?(?:达到|达|超过)")


def read_facts(texts: list[str], region: Region, case: str | None = None) -> list[Fact]:
    """The checkable facts of a grant's beneficiary and conditions (each text as printed).

    ``case``: the words that pick this grant's case of a 分别 enumeration (its ``applies_to``).
    """
    out: list[Fact] = []
    seen: set[tuple] = set()
    for text in texts:
        for fact in _facts_of(text, region, case):
            key = (fact.kind, fact.value, fact.field, fact.op, fact.years)
            if key not in seen:
                seen.add(key)
                out.append(fact)
    return out


def _facts_of(text: str, region: Region, case: str | None = None) -> list[Fact]:
    facts: list[Fact] = []
    for value, pattern, negated in _QUALIFIED:
        if pattern.search(text) and not negated.search(text):
            facts.append(Fact("qualification", text, value=value))
    if not facts:
        # a list the applicant is on, named in quotes (市级“贡嘎培优”企业, “皖企登云”企业): held as printed
        for m in _LISTED.finditer(text):
            facts.append(Fact("qualification", text, value=m.group(0)))
    place = _place(text, region)
    if place:
        facts.append(Fact("region", text, value=place))
    facts += _thresholds(text, case)
    m = _AGE.search(text)
    if m:
        if m.group("n2"):
            facts.append(Fact("age", text, op="<=", years=float(m.group("n2"))))
        else:
            word = (m.group("op1") or "") + (m.group("op2") or "")
            op = "<=" if _SHORT_OF.search(word) else ">="
            facts.append(Fact("age", text, op=op, years=float(m.group("n"))))
    for m in _INDUSTRY.finditer(text):
        name = _INDUSTRY_LEAD.sub("", m.group("name"))
        facts.append(Fact("industry", text, value=name, code=m.group("code")))
    return facts


def _place(text: str, region: Region) -> str | None:
    """The document's place when the text ties the applicant to it (注册在本区, 区内, 落户我市)."""
    text = _POLICY_OF_PLACE.sub("", text)
    named = _named_place(text, region)
    if named:
        return named
    if not _REGION_WORDS.search(text):
        return None
    if _IN_COUNTY.search(text) and region.county:
        return (region.city or "") + region.county
    if _IN_COUNTY_2.search(text) and region.county:
        return (region.city or "") + region.county
    if _IN_CITY.search(text) and region.city:
        return region.city
    if _IN_PROVINCE.search(text) and region.province:
        return region.province
    for name in (region.county, region.city, region.province):
        if name and name.rstrip("市区县省") in text:
            return ((region.city or "") + name) if name == region.county else name
    return None


def _named_place(text: str, region: Region) -> str | None:
    """The document's own place named after 在/留在/迁到 where the applicant settles, works or turns its
    results (在南沙区单独设立, 留在南沙工作, 在广安市转化); where it holds an event (在南沙区举办…) is no place of its."""
    city = re.escape(region.city or "")
    for name in (region.county, region.city):
        if not name:
            continue
        short = name.rstrip("市区县")
        within = f"(?:{city})?" if name == region.county and city else ""  # 在广州市南沙区: the county
        if len(short) >= 2 and re.search(
            rf"(?:在|迁到|迁入|落户){within}(?:{re.escape(name)}|{re.escape(short)})"
            r"[\u4e00-\u9fff]{0,4}?(?:注册|设立|成立|落户|工作|转化|经营|纳税|登记)",
            text,
        ):
            return ((region.city or "") + name) if name == region.county else name
    return None


# a band of a measure (实缴注册资本500万(含)至5000万元): at least the first, less than the second
_BAND = re.compile(
    r"(?P<a>\d+(?:\.\d+)?)\s*(?P<au>万|亿)?元?\s*[（(]含[)）]\s*(?:至|到|—|－|-|~|～)\s*"
    r"(?P<b>\d+(?:\.\d+)?)\s*(?P<bu>万|亿)元"
)
_UNIT = {"万": 1e4, "亿": 1e8, None: 1.0}


def _thresholds(text: str, case: str | None = None) -> list[Fact]:
    out = []
    for m in _BAND.finditer(text):
        field = _field(text[max(0, m.start() - 30) : m.start()])
        if field:
            low = float(m.group("a")) * _UNIT[m.group("au") or m.group("bu")]
            high = float(m.group("b")) * _UNIT[m.group("bu")]
            out += [
                (m.start(), m.end(), Fact("threshold", text, value=low, field=field, op=">=")),
                (m.start(), m.end(), Fact("threshold", text, value=high, field=field, op="<")),
            ]
    banded = [(m.start(), m.end()) for m in _BAND.finditer(text)]
    for s in amount_spans(text):
        if any(a <= s.start < b for a, b in banded):
            continue
        if s.amount.kind != "threshold" or s.amount.yuan is None or s.amount.text.startswith("每"):
            continue  # 每新上一个5亿元级台阶: a step the grant is paid for, no level asked
        before = text[max(0, s.start - 30) : s.start]
        field = _field(before)
        if field:
            out.append(
                (
                    s.start,
                    s.end,
                    Fact(
                        "threshold",
                        text,
                        value=float(s.amount.yuan),
                        field=field,
                        op=_op(text[max(0, s.start - 30) : s.end], text[s.end : s.end + 8]),
                    ),
                )
            )
    for m in _COUNT.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()]
        field = _field(before)
        unit = m.group("unit")
        if field == "employees" and unit in "人名":
            out.append(
                (
                    m.start(),
                    m.end(),
                    Fact(
                        "threshold",
                        text,
                        value=float(m.group("n")),
                        field=field,
                        op=_op(before, m.group("after") or ""),
                    ),
                )
            )
        elif field in ("rd_ratio", "sales_growth") and unit in "%％":
            value = round(float(m.group("n")) / 100, 6)
            out.append(
                (
                    m.start(),
                    m.end(),
                    Fact("threshold", text, value=value, field=field, op=_op(before, m.group("after") or "")),
                )
            )
    return _one_case(text, out, case)


def _one_case(text: str, found: list[tuple[int, int, Fact]], case: str | None) -> list[Fact]:
    """One value of an enumeration of figures for one measure: the grant's case, else its entry level.

    "营业收入首次突破100亿元、50亿元的…分别给予200万元、100万元": the 200万元 grant asks 100亿元, named by
    its case; "年度销售额同比增长达到10%、16%、22%、28%以上的，分别按照…" is one grant in tiers whose entry
    is 10%.  Values apart (若为工业类企业…不超过4亿元；若为其他类型企业…不超过1亿元) each stay.
    """
    found = sorted(found, key=lambda t: t[0])
    keep = [True] * len(found)
    wanted = _figures(case) if case else set()
    i = 0
    while i < len(found):
        j = i
        while (
            j + 1 < len(found)
            and (found[j + 1][2].field, found[j + 1][2].op) == (found[i][2].field, found[i][2].op)
            and _enumerated(text[found[j][1] : found[j + 1][0]], wanted)
        ):
            j += 1
        if j > i:
            run = list(range(i, j + 1))
            picked = [k for k in run if found[k][2].value in wanted]
            if not picked:
                values = [found[k][2].value for k in run]
                best = min(values) if found[i][2].op in (">=", ">") else max(values)
                picked = [next(k for k in run if found[k][2].value == best)]
            for k in run:
                keep[k] = k in picked
        i = j + 1
    return [f for (_, _, f), k in zip(found, keep, strict=True) if k]


def _enumerated(between: str, wanted: set[float]) -> bool:
    """Two figures of one enumeration: only 、 between them, or, for a case, one 、-separated phrase each."""
    if re.fullmatch(r"\s*(?:以上|及以上)?\s*[、和或]\s*", between):
        return True
    return bool(wanted) and "、" in between and not re.search(r"[，。；,;]", between)


def _figures(case: str) -> set[float]:
    """The figures a case word prints (100亿元, 20%): what its thresholds must equal."""
    out = {float(s.amount.yuan) for s in amount_spans(case) if s.amount.yuan is not None}
    for m in _COUNT.finditer(case):
        if m.group("unit") in "%％":
            out.add(round(float(m.group("n")) / 100, 6))
        elif m.group("unit") in "人名":
            out.add(float(m.group("n")))
    return out


def _field(before: str) -> str | None:
    """The measure a figure is a threshold of, read off its phrase; none for a step (营业收入每新上一个
    5亿元级台阶) or the growth of a level (研发投入占比增速达到20%: no 研发投入占比 of 20%)."""
    part = _PART_END.split(before)[-1]
    if _STEP.search(part):
        return None
    for name, pattern in _FIELD_PATTERNS:
        if pattern.search(part):
            if name != "sales_growth" and _GROWTH.search(part):
                return None
            return name
    return None


def _op(before: str, after: str) -> str:
    near = before[-16:] + "|" + after[:6]
    if _AT_LEAST.search(near.replace("不超过", "")):
        return ">="
    if _AT_MOST.search(near):
        return "<="
    return ">="
