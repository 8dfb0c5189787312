"""Who a grant is for and on what conditions, read off its sentence as printed.

Real grant sentences name the applicant in a few shapes:

- 对X，…给予 / 对X的，给予 (the object of 对, with its modifiers: 新落户本区的国家高新技术企业);
- 支持X开展… / 鼓励X实施… ;
- X…的，给予 (the applicant first: 后备上市企业于…上市的，分阶段合计给予500万元奖励);
- 给予X最高500万元安家补贴.

What qualifies the applicant becomes a condition when it is one a reader must
meet (首次进入…名单, 年度主营业务收入达到200万元以上, 获得…支持, 经认定,
在建设期内), not when it only says who it is (新落户本区, 本区新认定).  A modifier
that measures (an amount, 以上) is a condition and the beneficiary is the head noun
alone.  A sentence that names nobody inherits the applicant of the sentence before
it (the clause's lead), and a case word alone (对国家级的给予…) picks a case of the
lead's applicant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PART = re.compile(r"[，,：:]")
_GRANT_VERB = re.compile(
    r"给予|予以|一次性|分别|按照|按|奖励|补助|补贴|资助|奖补|配套|贴息|可享受|享受|安排|发放|提供|跟进投资|可为|准予"
)
# modifiers a reader must meet (not just words saying who the applicant is)
_CONDITION_WORDS = re.compile(
    r"获得|获批|获|进入|首次|成功|创建|实施|开展|通过|取得|达到|达|入选|购置|投资|纳入|评定|评估|认定为|确定为|"
    r"享受|未享受|主办|承办|举办|引进|引荐|建设|参与|主导|制定|结合|符合|围绕|从事|批准|挂牌|以上|以下|"
    r"不低于|不少于|超过|突破|翻倍|增长|增速|上市|挂牌|发生|研发|带动|新增|保持|升级|评为|被评|列入|拥有|认证|"
    r"新建(?!成|$)|新创建|(?:部门|机构|政府)认定|注册成立|(?<!新)建成|为目|(?<!新)落户"
)
_ACTS_AFTER = re.compile(
    r"(?:企业|机构|单位|公司)(?=(?:增资|扩大|扩产|实施|开展|新建|购置|引进|研发|建设)[\u4e00-\u9fff])"
)
_FUNDED_DEED = re.compile(
    r"^(?P<what>[^，。；的]{2,20}?)(?:进行|给予|予以)(?:资助|奖励|补助|补贴|扶持|奖补)$"
)
_EACH_APPLICANT = re.compile(r"每(?:个|家|名)(?P<b>[^，。；\d]{1,8}?(?:单位|企业|个人|机构))")
_AWARD_SET = re.compile(r"^(?:设立|设置)(?P<award>[^，。；]{2,40}奖”?)$")
_SINCE = re.compile(r"自[^，,。；]{1,16}?起(?:\d+年内)?$")


def _join_since(parts: list[str]) -> list[str]:
    """自认定之日起，其首次被评为…的 / …自投产年度起5年内，平均年度经济贡献达到…的: the period and what must
    happen within it are one condition, printed with its comma."""
    out: list[str] = []
    for p in parts:
        if out and _SINCE.search(out[-1]):
            out[-1] = out[-1] + "，" + p
        else:
            out.append(p)
    return out


_NEWLY = re.compile(r"新(?:引进|落户|设立|注册|认定|入驻)")
_MEASURE = re.compile(r"\d|以上|以下|不低于|不少于|超过|达到|突破")
_CASE_ONLY = re.compile(r"^(?:国家级|省级|市级|区级|县级|国家|省|市|区|县)的?$")
_OBJECT_START = re.compile(r"^(?:对于|对|凡|支持|鼓励|奖励|给予)")
_ENTITY = re.compile(
    r"(?:企业|机构|单位|平台|中心|人才|团队|项目|园区|基地|孵化器|众创空间|基金|公司|组织|协会|促进会|联盟|政府|管委会|"
    r"个人|专家|人员|工作站|流动站|实验室|创新中心|服务商|供应商|主体|合作社|农户|饭店|民宿|景区|院所|高校|医院|学校|"
    r"大户|集群|场景|节点|工厂|车间|生产线|联合体|高管|合伙人|海员|获得者|业主|投资者|研究院)"
)
_SPLIT_AND = re.compile(
    r"(?<=[^合吞兼归])并(?=在|于|经|取得|获得|通过|已|投入|落户|符合|签订|签署|缴纳)|且(?=在|于|经|已|通过|获得|取得)"
)


def _split_and(text: str) -> list[str]:
    """Two conditions joined by 并/且 (…企业统计且在…有效期内, 已落户…并符合上述条件), each trimmed;
    a piece that asks nothing of its own (并符合相关条件) stays with the one before, as printed."""
    cuts = [m.start() for m in _SPLIT_AND.finditer(text)]
    spans = list(zip([0, *[c + 1 for c in cuts]], [*cuts, len(text)], strict=True))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _EMPTY_CONDITION.search(_trim(text[a:b])):
            out[-1] = (out[-1][0], b)  # …突出并符合相关条件: one condition
        else:
            out.append((a, b))
    return [_trim(text[a:b]) for a, b in out if _trim(text[a:b])]


_TRIM = re.compile(
    r"^(?:对于|对|凡|并|且|其|同时)|(?:(?<!为目)的|后|之后|以后|时)$"
)  # 以…为目的 keeps its 的
_SKIP_PART = re.compile(
    r"^(?:在享受|按照|按|根据|依据|以|采取|采用|其中|原则上|同时|此外|另外|经费构成|包括|每年|连续|分阶段|由|市级|省级|区级|县级|"
    r"视|参照|结合|围绕.*(?:产业|发展)$)"
)
# a measure the applicant must reach (实缴注册资本20亿元(含)以上, 营业收入达到1亿元): a condition with or without 的
_THRESHOLD_PART = re.compile(
    r"\d[^，,]*(?:以上|以下|不低于|不少于)$|(?:达到|超过|不低于|不少于|突破)[^，,]*\d[^，,]*(?:元|人|件|%|％|项)"
)
# the payee a sentence names after its verb (…分别给予业主一次性奖励, 给予企业一次性奖补)
_PAYEE = re.compile(
    r"给予(?:每家|每个|该)?(?P<b>企业|单位|业主|[^，。；\d的]{0,8}?(?:公司|团队|机构))(?=一次性|最高|不超过|\d|[奖补资配])"
)
_DEED_VERB = re.compile(r"实施|开展|对照|建设|入驻|租赁|参与|参加|开发|引进|引荐|组建|申报|设立")
_MONEY = re.compile(r"\d[\d.]*\s*(?:万|亿)?元")
_DEED_FIRST = re.compile(r"^(?:实施|开展|新建|新创建|创建|入选|获批|承担|牵头|新引进)")
_DEED_PART = re.compile(r"^(?:与|已|被|为|向|对照|对其|开展|实施|建设|建成|完成|全部)")
_CONDITION_PART = re.compile(
    r"^(?:经|获|通过|在.*(?:内|期间|后)(?:[（(][^（）()]*[)）])?$|满足|符合|具有|有(?!关|效|权)|须|需|取得|达到|实际|当年|上一年度|年度)"
    r"|^.{2,}(?:竣工|投产|投用|验收|到位|建成|运营|实施|完成)(?:后|之后|以后)(?:且.+)?$"
)
# a phrase that says when the grant is due (项目竣工投产后且达到协议约定条件): a condition even first
_AFTER_DONE = re.compile(r"^.{2,}(?:竣工|投产|投用|验收|到位|建成|运营|实施|完成)(?:后|之后|以后)(?:且.+)?$")


@dataclass
class Applicant:
    beneficiary: str | None = None
    conditions: list[str] = field(default_factory=list)
    case: str | None = None  # 对国家级的给予…: the case word, the applicant being the lead's
    from_parent: bool = False  # a clause's lead taken from the list heading above it
    phrase: str | None = None  # the object as printed (对X，以及Y: X，以及Y), for a funded thing


def read_applicant(sentence: str, at: int | None = None) -> Applicant:
    """The beneficiary and conditions a granting sentence prints before its verb (or its amount at ``at``)."""
    found = _read_applicant(sentence, at)
    # (在高新技术企业有效期内) in brackets before the grant: a period the grant is bound to
    if "（" in sentence or "(" in sentence:  # (_WITHIN opens on a bracket: no second _lead without one)
        found.conditions += [m.group(1) for m in _WITHIN.finditer(_lead(sentence, at))]
    found.conditions = list(dict.fromkeys(c for c in found.conditions if not _EMPTY_CONDITION.search(c)))
    if found.beneficiary:
        # 对行业、区域、专业型工业互联网平台省级给予奖补: the payer before the verb is no part of the applicant
        found.beneficiary = _PAYER_AFTER.sub("", found.beneficiary) or found.beneficiary
    return found


_PAYER_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])(?<![、和及与])(?:省|市|区|县)级(?:财政)?$")


_WITHIN = re.compile(r"[（(](在[^（）()]{2,24}(?:期内|期间))[)）]")
# what reads like a condition but asks nothing: a bare verb (引进), 符合条件 alone (the conditions
# are printed elsewhere), or words about the amount itself (两项奖励总额最高为其个人经济贡献)
_EMPTY_CONDITION = re.compile(
    r"^.{0,2}$|^(?:国家级|省级|市级|区级|县级)$|^(?:符合|满足)(?:相关|有关|申报|上述)?(?:条件|规定|要求)$|(?:奖励|补助|补贴|资助|扶持)(?:资金)?(?:总额|金额)|最高为"
)


def _read_applicant(sentence: str, at: int | None = None) -> Applicant:
    lead = _lead(sentence, at)
    parts = [_no_aside(_LABEL.sub("", p).strip()) for p in _split_parts(lead)]
    # 每年对…的企业: how often is no part of whom
    parts = [_HOW_OFTEN.sub("", p) for p in parts if p]
    parts = _join_since(parts)
    found = Applicant()
    obj_at = _object_part(parts)
    if obj_at is not None:
        obj = _object_of(parts[obj_at])
        funded = _FUNDED_DEED.match(obj)
        if funded and not _ENTITY.search(funded.group("what")):
            # 对专利申请授权进行资助，每个单位或个人年资助总额不超过300万元: what is funded, then who gets it
            found.conditions.append(funded.group("what"))
            each = _EACH_APPLICANT.search(sentence)
            found.beneficiary = each.group("b") if each else None
            return found
        conferred = re.search(r"(?:颁发|授予)[^，。；,;]+", parts[obj_at])
        if conferred and parts[obj_at].startswith(("对", "凡")):
            found.conditions.append(
                conferred.group(0)
            )  # 对…的人才颁发“南沙金牌专才奖”: the award is the test
        if _CASE_ONLY.match(obj):
            found.case = obj.rstrip("的")
        elif obj.startswith("其") and obj.endswith("的"):
            # 对其上一年度实施…的: 其 points back to the applicant named before; this is what it must do
            found.conditions += [c for c in (_trim(obj[1:]),) if c]
            for part in parts[obj_at + 1 :]:
                found.conditions += _condition_part(part, after_object=True)
            return found
        else:
            for part in parts[:obj_at]:
                if obj_at and part.endswith("的"):
                    found.conditions += _condition_part(part)
            rest = parts[obj_at + 1 :]
            found.phrase = _OBJECT_START.sub("", parts[obj_at]).strip()
            while rest and _OR_ALSO.match(rest[0]):
                found.phrase += "，" + rest.pop(0)  # 对…改造项目，以及…要求的项目: one object
            deed = bool(_DEED_FIRST.match(obj)) and not obj.endswith("的")
            if (
                obj.endswith("的")
                or deed
                or not (_ENDS_ON_ENTITY.search(obj) or _ENTITY_FIRST_RE.match(obj) or "的" in obj)
            ):
                # 对X设立的，主要从事…，具有…的新型研发机构，…: the 的-phrases qualify a head named later
                for j, part in enumerate(rest):
                    head = _head_after_de(part)
                    if head:
                        mods = [obj] + rest[:j] + [part[: part.rfind("的")]]
                        found.beneficiary = head
                        for m in mods:
                            if _CONDITION_WORDS.search(m) or m is obj:
                                found.conditions += _split_and(m)
                        rest = rest[j + 1 :]
                        break
            if found.beneficiary is None:
                b, conds = _split_object(obj)
                found.beneficiary = b
                found.conditions += conds
                if deed and any(p.startswith(("并", "且")) for p in rest) and obj not in found.conditions:
                    # 对入选…创新团队，并实施…项目的: what the applicant did is asked as much as what follows
                    found.conditions.append(obj)
            activity = _supported_activity(parts[obj_at], obj)
            if activity:
                found.conditions.append(activity)
            tested = bool(re.match(r"^(?:对于|对|凡)", parts[obj_at]))
            for part in parts[:obj_at]:
                # 支持企业对照…开展评估工作，对评估等级在…的企业，给予…: the call states the policy's aim and
                # the 对…的 test after it is what an applicant is checked on; without a test the deed is paid for
                if _CALL.match(part):
                    called = _object_of(part)
                    earlier = _supported_activity(part, called)
                    if earlier and not tested:
                        found.conditions.insert(0, earlier)
                    if (
                        found.beneficiary
                        and found.beneficiary.endswith("的")
                        and _ENDS_ON_ENTITY.search(called)
                    ):
                        # 鼓励人才中介组织引进人才，对成功引进…的: the deed is a condition of whom the call names
                        found.conditions.append(_trim(found.beneficiary))
                        found.beneficiary = called
            for part in rest:
                found.conditions += _condition_part(part, after_object=True)
            paid = _PAYEE.search(sentence)
            if (
                paid
                and found.beneficiary
                and not found.case
                and (
                    (found.beneficiary.endswith("的") or paid.group("b") in ("企业", "单位", "业主"))
                    and not found.beneficiary.endswith(paid.group("b"))
                    or _DEED_FIRST.match(found.beneficiary)  # 对入选…创新团队…给予创新团队
                )
            ):
                # 对省级数字化车间、智能工厂，省级分别给予企业…: the object is a status the payee must hold
                found.conditions.insert(0, found.beneficiary.rstrip("的"))
                found.beneficiary = paid.group("b")
            return found
    award = _AWARD_SET.match(parts[0]) if parts else None
    if award:
        # 设立“南沙专才奖”、“南沙工匠奖”，给予每人2万元奖励: paid to whoever wins the award
        found.conditions.append(award.group("award"))
        found.beneficiary = award.group("award") + "获得者"
        return found
    for i, part in enumerate(parts):
        if i == 0 and _CALL.match(part) and not _ENTITY.search(part):
            found.conditions.append(_trim(part[2:]))  # 支持创新成果在广安转化: what must happen, nobody named
        elif i or part.endswith("的") or _THRESHOLD_PART.search(part) or _AFTER_DONE.search(part):
            found.conditions += _condition_part(part)
    given = _GIVEN.search(sentence)
    if given and _ENTITY.search(given.group("b")):
        found.beneficiary = given.group("b")
    return found


# …办公用房的(不包括附属用房，下同); …高级管理人才(包括董事长、…的人员)
_ASIDE_END = re.compile(r"(?:(?<=的)\s*[（(]|[（(](?=包括|含|不含|不包括|以下简称|下同))[^（）()]*[)）]$")


def _no_aside(part: str) -> str:
    """The part without its closing aside (_ASIDE_END, which needs a bracket: most parts have none)."""
    return _ASIDE_END.sub("", part) if "（" in part or "(" in part else part


def _split_parts(lead: str) -> list[str]:
    """The lead's phrases at commas and colons, but not inside brackets (…(不包括附属和配套用房,下同))."""
    if "（" not in lead and "(" not in lead:
        return _PART.split(lead)  # no bracket: every comma and colon splits (the walk below gives the same)
    out, depth, start = [], 0, 0
    for i, ch in enumerate(lead):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and _PART.match(ch):
            out.append(lead[start:i])
            start = i + 1
    out.append(lead[start:])
    return out


def _object_part(parts: list[str]) -> int | None:
    """Which phrase names the applicant: 对X first, then 支持X/鼓励X, then a first phrase ending on an applicant."""
    for i, part in enumerate(parts):
        if _TO_OBJECT.match(part) and _object_of(part):
            return i
    for i, part in enumerate(parts):
        if _CALL.match(part) and _ENTITY.search(_object_of(part)):
            return i
    for i, part in enumerate(parts):
        m = _PROVIDER.search(part)
        if m and _ENTITY.search(m.group("b")):
            return i
    if parts and not _SKIP_PART.match(parts[0]):
        obj = _object_of(parts[0])
        if _ENTITY_FIRST_RE.match(obj) or (_ENDS_ON_ENTITY.search(obj) and not obj.endswith("的")):
            return 0
    return None


_FIRST_ENTITIES = (
    r"(?:企业|机构|单位|平台|中心|人才|团队|园区|基地|孵化器|众创空间|基金|公司|组织|政府|管委会|个人|总部)"
)
_ENTITY_FIRST = (
    r"^(?:[^，。；的]{0,16}?"
    + _FIRST_ENTITIES
    + r"|[^，。；的]{0,40}?"
    + _FIRST_ENTITIES
    + r"[（(][^（）()]{2,60}[)）])"
    r"(?P<verb>(?:上一?年度|年度|当年)(?=实施|开展|新增|购置|投资)|新引进|于|在|获得|获批|实施|开展|主办|承办|举办|围绕|进入|通过|取得|购置|投资|租用|新建|提供|引进|成功|首次|被|"
    r"入驻|租赁|发生|研发|拥有|带动|升级|申请|申报)"
)
_APPLICANT = re.compile(
    r"(?:企业|机构|单位|平台|中心|人才|团队|园区|基地|孵化器|众创空间|基金|公司|组织|协会|促进会|联盟|政府|管委会|"
    r"个人|专家|人员|工作站|流动站|实验室|服务商|供应商|主体|合作社|农户|饭店|民宿|景区|院所|高校|医院|学校|大户|"
    r"联合体|高管|合伙人|海员|获得者|业主|投资者|研究院|总部|项目)$"
)
_ENDS_ON_ENTITY = _APPLICANT
_THINGS = re.compile(r"(?:项目|产品|服务|支出|成果|用地|土地|厂房|资金|奖励|补助)$")
_LABEL = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、)")
# The patterns below ran through re's cache on every call (some built by string concatenation each
# time, then hashed): compiled once here, the same patterns.
_ENTITY_FIRST_RE = re.compile(_ENTITY_FIRST)
_HOW_OFTEN = re.compile(r"^(?:每年度?|当年|同时)(?=对|凡)")
_OR_ALSO = re.compile(r"^(?:以及|及|或者|或)")
_CALL = re.compile(r"^(?:支持|鼓励)")
_TO_OBJECT = re.compile(r"^(?:对于|对|凡)")
_GIVEN = re.compile(
    r"(?:^|[，,])\s*(?:可)?(?:为|给予|向)(?:每家|每个|每名)?(?P<b>[^，。；]{2,40}?)(?:最高|一次性|提供|颁发|发放|\d)"
)
_PROVIDER = re.compile(r"(?:可)?为(?:每家|每个)?(?P<b>[^，。；]{2,30}?)提供")
_BATCH = re.compile(r"^(?:(?:建设|培育|打造)?一批|各类|有条件的)")
_DE_HEAD = re.compile(r"^[^，。；]{2,40}?的(?P<head>[^，。；的]{0,12}?" + _ENTITY.pattern + ")")
_ENTITY_THEN_DEED = re.compile(
    r"[^，,]*?" + _ENTITY.pattern + r"(?=" + _DEED_VERB.pattern + r"|[和及与、]|$)"
)
_LISTED = re.compile(r"(?:[和及与、][^，,]{0,14}" + _ENTITY.pattern + ")+等?")
_AND = re.compile(r"[和及与、]")
_PAY_VERB = re.compile(r"(?:给予|予以|按照|一次性|分别|颁发|发放)")
_LISTED_LEAD = re.compile(r"^(?:[和及与、][^，,]{0,12}" + _ENTITY.pattern + ")+")
_ACTIVITY = re.compile(r"(?:实施|开展|对照|建设|入驻|租赁|参与|参加|开发|引进|组建|申报|设立|在)")
_HEADING_GRANTS = re.compile(r"(?:给予|予以|奖励|补助|资助|支持)[^，,]{0,6}$")
_VERBS = (
    r"(?:一次性|分别|再|额外)?(?:给予|予以)|按(?:照)?[^，。；]{0,40}[%％]|按(?:照)?每"
    r"|最高(?:再|额外)?(?:补助|奖励|资助|补贴)"
)
_GRANT_AT = re.compile(_VERBS)
_GRANT_OR_CAP = re.compile(_VERBS + r"|(?:最高|不超过)\s*\d")
_DID = re.compile(r"(?:于|在|获得|获批|实施|开展|通过|首次|成功|被|以|围绕)")
_DE_SPLIT = re.compile(r"的(?=[^的]*[\u4e00-\u9fff])")
_YEARS_RUNNING = re.compile(r"(?:后)?连续\d+年$")


def _object_of(part: str) -> str:
    provider = _PROVIDER.search(part)
    if provider and not part.startswith(("对", "凡")):
        return provider.group("b")
    obj = _OBJECT_START.sub("", part).strip()
    if part.startswith(("支持", "鼓励")):
        obj = _BATCH.sub("", obj)
        de = _DE_HEAD.match(obj)
        if de and "的" not in obj[: de.start("head") - 1][-2:]:
            return obj[: de.end()]  # 支持一批纳入…资源池的企业: the applicant with what qualifies it
        # the applicant ends where its deed or list goes on (人才中介组织引进…, not 人才)
        m = _ENTITY_THEN_DEED.match(obj)
        m = m or _ENTITY.search(obj)
        if m:
            end = m.end()
            listed = _LISTED.match(obj[end:])
            if listed:  # 支持工业企业和平台服务商开展…: every applicant of the list
                end += listed.end()
            elif _AND.match(obj[end:]) and not _DEED_VERB.search(obj[end:]):
                end = len(obj)  # 支持一批5G和工业互联网典型场景、标识解析应用…: a list of things to fund
            obj = obj[:end]  # 鼓励市级“贡嘎培优”企业快速发展: the applicant, not what it should do
    else:
        obj = _PAY_VERB.split(obj)[0]
    return obj.strip()


def _supported_activity(part: str, obj: str) -> str | None:
    """支持企业开展…工作 / 鼓励企业实施…改造: what the applicant must do to get the grant."""
    if not _CALL.match(part) or not obj or obj not in part:
        return None
    rest = part[part.find(obj) + len(obj) :].strip(" ，,。；;、")  # not _trim: 对照 is no 对X
    rest = _LISTED_LEAD.sub("", rest)  # …企业和平台服务商开展
    if len(rest) >= 4 and _ACTIVITY.match(rest):
        return rest
    return None


def _head_after_de(part: str) -> str | None:
    """The applicant a phrase ends on after its last 的 (…等新特征的新型研发机构 -> 新型研发机构)."""
    if "的" not in part or part.endswith("的"):
        return None
    head = part[part.rfind("的") + 1 :]
    return head if _ENTITY.search(head) and len(head) <= 30 else None


def _lead(sentence: str, at: int | None) -> str:
    """The sentence up to what grants (给予, 按…的30%, the amount itself): the rest says what is paid."""
    cut = len(sentence) if at is None else at
    start = 0
    if at is not None:
        # a second grant in one sentence (…给予150万元奖励，成功进入创新层的，额外给予200万元奖励):
        # its applicant and conditions are printed after the first grant, not at the sentence's start
        for m in _EARLIER_GRANT.finditer(sentence[:at]):
            start = m.end()
        # 对发明专利申请大户给予奖励：对上一年度…的单位给予…: what precedes a colon is the heading
        colon = max(sentence.rfind("：", 0, at), sentence.rfind(":", 0, at))
        if colon > start and _HEADING_GRANTS.search(sentence[:colon]):
            start = colon + 1
    m = (_GRANT_AT if at is not None else _GRANT_OR_CAP).search(sentence[start:])
    if m:
        cut = min(cut, start + m.start())
    return sentence[start:cut]


_EARLIER_GRANT = re.compile(
    r"(?:给予|予以|奖励|补助|补贴|资助|配套)[^，,。；]*?\d[\d.]*\s*(?:万|亿)?元[^，,。；]*[，,]"
)


def _split_object(obj: str) -> tuple[str | None, list[str]]:
    """(beneficiary, conditions) of an object phrase: "年度…达到200万元以上的知识产权服务机构"."""
    obj = obj.strip()
    if not obj:
        return None, []
    head = obj.rsplit("的", 1)[1] if "的" in obj and not obj.endswith("的") else ""
    first = _ENTITY_FIRST_RE.match(obj)
    if first and not (head and _APPLICANT.search(head) and not _THINGS.search(head)):
        # 区内机构获得的…奖励, 新型研发机构主办…的论坛: the applicant, then what it did
        cut = first.start("verb")
        return obj[:cut], _split_and(obj[cut:])
    if obj.endswith("的"):  # 对首次创建为高新技术企业的: a condition that names the applicant
        core = obj[:-1]
        return obj, _split_and(core) if _CONDITION_WORDS.search(core) else []
    if "的" not in obj:
        # the applicant first, then what it did: 后备上市企业于国内主板…上市
        m = _ENTITY.search(obj)
        if m and m.end() < len(obj) and _DID.match(obj[m.end() :]):
            return obj[: m.end()], [_trim(obj[m.end() :])]
        return obj, []
    mods, head = obj.rsplit("的", 1)
    conds = []
    acting = ([None] + list(_ACTS_AFTER.finditer(head)))[-1]  # the last applicant word a deed follows
    if acting:
        # …的外资企业和现有外商投资企业增资扩股、扩大生产规模: the applicants, then what they do
        conds.append(_trim(head[acting.end() :]))
        head = head[: acting.end()]
        obj = mods + "的" + head
    for piece in _DE_SPLIT.split(mods):
        piece = _trim(piece)
        if _NEWLY.match(piece):
            continue  # 新引进落户工作的…人才: who the applicant is (the beneficiary's own words), not a test
        if piece and (_CONDITION_WORDS.search(piece) or _MONEY.search(piece)):
            conds += _split_and(piece)
    if conds[1 if acting else 0 :] and head:
        return head, conds  # what the applicant must have done is a condition; the applicant is the head noun
    return obj, conds


def _condition_part(part: str, after_object: bool = False) -> list[str]:
    """A phrase between the applicant and the verb that is a condition (…投资的, 经认定, 在建设期内);
    after the applicant is named, a phrase of what it did (与…共建联合实验室) is one too."""
    if _SKIP_PART.match(part):
        return []
    if (
        part.endswith("的")
        or _CONDITION_PART.match(part)
        or _THRESHOLD_PART.search(part)
        or (after_object and _DEED_PART.match(part))
    ):
        core = _YEARS_RUNNING.sub("", part)
        return _split_and(core)
    return []


def _trim(text: str) -> str:
    text = text.strip(" ，,。；;、")
    prev = None
    while prev != text:
        prev = text
        text = _TRIM.sub("", text).strip(" ，,。；;、")
    return text
