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
    r"享受|未享受|主办|承办|举办|引进|引荐|建设|参与|主导|制定|结合|具有|符合|围绕|从事|批准|挂牌|以上|以下|"
    r"不低于|不少于|超过|突破|翻倍|增长|增速|上市|挂牌|发生|研发|带动|新增|保持|升级|评为|被评|列入|拥有|认证"
)
_MEASURE = re.compile(r"\d|以上|以下|不低于|不少于|超过|达到|突破")
_CASE_ONLY = re.compile(r"^(?:国家级|省级|市级|区级|县级|国家|省|市|区|县)的?$")
_OBJECT_START = re.compile(r"^(?:对于|对|凡|支持|鼓励|奖励|给予)")
_ENTITY = re.compile(
    r"(?:企业|机构|单位|平台|中心|人才|团队|项目|园区|基地|孵化器|众创空间|基金|公司|组织|协会|促进会|联盟|政府|管委会|"
    r"个人|专家|人员|工作站|流动站|实验室|创新中心|服务商|供应商|主体|合作社|农户|饭店|民宿|景区|院所|高校|医院|学校|"
    r"大户|集群|场景|节点|工厂|车间|生产线|联合体|高管|合伙人|海员|获得者|业主|投资者|研究院)"
)
_SPLIT_AND = re.compile(r"且|并且|(?<=[^合吞兼归])并(?=在|于|经|取得|获得|通过|已|投入|符合)")
_TRIM = re.compile(r"^(?:对于|对|凡|并|且|其|同时)|(?:的|后|之后|以后|时)$")
_SKIP_PART = re.compile(
    r"^(?:在享受|按照|按|根据|依据|以|采取|采用|其中|原则上|同时|此外|另外|经费构成|包括|每年|连续|分阶段|由|市级|省级|区级|县级|"
    r"视|参照|结合|围绕.*(?:产业|发展)$)"
)
_CONDITION_PART = re.compile(
    r"^(?:经|获|通过|在.*(?:内|期间|后)$|满足|符合|具有|须|需|取得|达到|实际|当年|上一年度|年度)"
)


@dataclass
class Applicant:
    beneficiary: str | None = None
    conditions: list[str] = field(default_factory=list)
    case: str | None = None  # 对国家级的给予…: the case word, the applicant being the lead's


def read_applicant(sentence: str, at: int | None = None) -> Applicant:
    """The beneficiary and conditions a granting sentence prints before its verb (or its amount at ``at``)."""
    lead = _lead(sentence, at)
    parts = [_LABEL.sub("", p).strip() for p in _PART.split(lead)]
    parts = [p for p in parts if p]
    found = Applicant()
    obj_at = _object_part(parts)
    if obj_at is not None:
        obj = _object_of(parts[obj_at])
        if _CASE_ONLY.match(obj):
            found.case = obj.rstrip("的")
        else:
            for part in parts[:obj_at]:
                if obj_at and part.endswith("的"):
                    found.conditions += _condition_part(part)
            rest = parts[obj_at + 1 :]
            if obj.endswith("的"):
                # 对X设立的，主要从事…，具有…的新型研发机构，…: the 的-phrases qualify a head named later
                for j, part in enumerate(rest):
                    head = _head_after_de(part)
                    if head:
                        mods = [obj] + rest[:j] + [part[: part.rfind("的")]]
                        found.beneficiary = head
                        for m in mods:
                            if _CONDITION_WORDS.search(m) or m is obj:
                                found.conditions += [_trim(c) for c in _SPLIT_AND.split(m) if _trim(c)]
                        rest = rest[j + 1 :]
                        break
            if found.beneficiary is None:
                b, conds = _split_object(obj)
                found.beneficiary = b
                found.conditions += conds
            for part in rest:
                found.conditions += _condition_part(part)
            return found
    for i, part in enumerate(parts):
        if i or part.endswith("的"):
            found.conditions += _condition_part(part)
    given = re.search(
        r"(?:^|[，,])\s*(?:可)?(?:为|给予|向)(?:每家|每个|每名)?(?P<b>[^，。；]{2,40}?)(?:最高|一次性|提供|颁发|发放|\d)",
        sentence,
    )
    if given and _ENTITY.search(given.group("b")):
        found.beneficiary = given.group("b")
    return found


def _object_part(parts: list[str]) -> int | None:
    """Which phrase names the applicant: 对X first, then 支持X/鼓励X, then a first phrase ending on an applicant."""
    for i, part in enumerate(parts):
        if re.match(r"^(?:对于|对|凡)", part) and _object_of(part):
            return i
    for i, part in enumerate(parts):
        if re.match(r"^(?:支持|鼓励)", part) and _ENTITY.search(_object_of(part)):
            return i
    for i, part in enumerate(parts):
        m = re.search(r"(?:可)?为(?:每家|每个)?(?P<b>[^，。；]{2,30}?)提供", part)
        if m and _ENTITY.search(m.group("b")):
            return i
    if parts and not _SKIP_PART.match(parts[0]):
        obj = _object_of(parts[0])
        if re.match(_ENTITY_FIRST, obj) or (_ENDS_ON_ENTITY.search(obj) and not obj.endswith("的")):
            return 0
    return None


_ENTITY_FIRST = (
    r"^[^，。；的]{0,16}?(?:企业|机构|单位|平台|中心|人才|团队|园区|基地|孵化器|众创空间|基金|公司|组织|政府|管委会|个人|总部)"
    r"(?P<verb>于|在|获得|获批|实施|开展|主办|承办|举办|围绕|进入|通过|取得|购置|投资|租用|新建|提供|引进|成功|首次|被|"
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


def _object_of(part: str) -> str:
    provider = re.search(r"(?:可)?为(?:每家|每个)?(?P<b>[^，。；]{2,30}?)提供", part)
    if provider and not part.startswith(("对", "凡")):
        return provider.group("b")
    obj = _OBJECT_START.sub("", part).strip()
    if part.startswith(("支持", "鼓励")):
        obj = re.sub(r"^(?:一批|各类|有条件的)", "", obj)
        m = _ENTITY.search(obj)
        obj = (
            obj[: m.end()] if m else obj
        )  # 鼓励市级“贡嘎培优”企业快速发展: the applicant, not what it should do
    else:
        obj = re.split(r"(?:给予|予以|按照|一次性|分别|颁发|发放)", obj)[0]
    return obj.strip()


def _head_after_de(part: str) -> str | None:
    """The applicant a phrase ends on after its last 的 (…等新特征的新型研发机构 -> 新型研发机构)."""
    if "的" not in part or part.endswith("的"):
        return None
    head = part[part.rfind("的") + 1 :]
    return head if _ENTITY.search(head) and len(head) <= 30 else None


def _lead(sentence: str, at: int | None) -> str:
    """The sentence up to what grants (给予, 按…的30%, the amount itself): the rest says what is paid."""
    cut = len(sentence) if at is None else at
    m = re.search(
        r"(?:一次性|分别|再|额外)?(?:给予|予以)|按(?:照)?[^，。；]{0,40}[%％]|(?:最高|不超过)\s*\d", sentence
    )
    if m:
        cut = min(cut, m.start())
    return sentence[:cut]


def _split_object(obj: str) -> tuple[str | None, list[str]]:
    """(beneficiary, conditions) of an object phrase: "年度…达到200万元以上的知识产权服务机构"."""
    obj = obj.strip()
    if not obj:
        return None, []
    head = obj.rsplit("的", 1)[1] if "的" in obj and not obj.endswith("的") else ""
    first = re.match(_ENTITY_FIRST, obj)
    if first and not (head and _APPLICANT.search(head) and not _THINGS.search(head)):
        # 区内机构获得的…奖励, 新型研发机构主办…的论坛: the applicant, then what it did
        cut = first.start("verb")
        return obj[:cut], [_trim(c) for c in _SPLIT_AND.split(obj[cut:]) if _trim(c)]
    if obj.endswith("的"):  # 对首次创建为高新技术企业的: a condition that names the applicant
        core = obj[:-1]
        return obj, [_trim(c) for c in _SPLIT_AND.split(core) if _trim(c)] if _CONDITION_WORDS.search(
            core
        ) else []
    if "的" not in obj:
        # the applicant first, then what it did: 后备上市企业于国内主板…上市
        m = _ENTITY.search(obj)
        if (
            m
            and m.end() < len(obj)
            and re.match(r"(?:于|在|获得|获批|实施|开展|通过|首次|成功|被|以|围绕)", obj[m.end() :])
        ):
            return obj[: m.end()], [_trim(obj[m.end() :])]
        return obj, []
    mods, head = obj.rsplit("的", 1)
    conds = []
    for piece in re.split(r"的(?=[^的]*[\u4e00-\u9fff])", mods):
        piece = _trim(piece)
        if piece and _CONDITION_WORDS.search(piece):
            conds += [_trim(c) for c in _SPLIT_AND.split(piece) if _trim(c)]
    if conds and head:
        return head, conds  # what the applicant must have done is a condition; the applicant is the head noun
    return obj, conds


def _condition_part(part: str) -> list[str]:
    """A phrase between the applicant and the verb that is a condition (…投资的, 经认定, 在建设期内)."""
    if _SKIP_PART.match(part):
        return []
    if part.endswith("的") or _CONDITION_PART.match(part):
        core = re.sub(r"(?:后)?连续\d+年$", "", part)
        return [_trim(c) for c in _SPLIT_AND.split(core) if _trim(c)]
    return []


def _trim(text: str) -> str:
    text = text.strip(" ，,。；;、")
    prev = None
    while prev != text:
        prev = text
        text = _TRIM.sub("", text).strip(" ，,。；;、")
    return text
