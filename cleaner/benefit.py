"""What kind of benefit a grant gives, from the words beside its amount (奖励 reward, 补助 subsidy,
资助 grant, 贴息 interest subsidy, 券 voucher, 税 tax, 股权投资/信用贷款/人才公寓 other)."""

from __future__ import annotations

import re

_KINDS = (
    ("interest_subsidy", r"贴息"),
    ("voucher", r"券"),
    ("other", r"股权投资|跟进投资|信用贷款|人才公寓|人才卡|免租|场租减免|优先入学"),
    ("tax", r"扣除|减免|免征|减征|退税|所得税|税收优惠"),
    ("reward", r"奖励|奖补|奖金|[^补]奖"),
    ("subsidy", r"补助|补贴|配套|补偿|安家费|生活费"),
    ("grant", r"资助|支持|扶持|经费|资金|运行费|建设费"),
)


# funds named right before their amount: "给予一次性科研经费10万元和每年8万元的生活补助"
_NAMED_BEFORE = re.compile(r"经费$")
_BEFORE_FILLER = re.compile(r"(?:最高|不超过|不低于|每人|每年|每户|每家|一次性|共|合计)+$")
# the amounts of an enumeration this one heads: "给予800万元、600万元、400万元、200万元资金奖补"
_AMOUNT_LIST = re.compile(r"^(?:[^、，。；,;]{0,12}?元\s*[、和及与]\s*)+")


# compiled once (re.search with a pattern string looks it up in re's cache on every call)
_KIND_PATTERNS = tuple((kind, re.compile(pattern)) for kind, pattern in _KINDS)
_ITEM_END = re.compile(r"[，。；,;、]")
_PART_END = re.compile(r"[，。；,;]")
_SENTENCE_END = re.compile(r"[。；;]")


def benefit_of(sentence: str, at: int) -> str:
    """The benefit of the grant whose amount stands at ``at`` in its sentence.

    Funds named right before the amount make it a grant (科研经费10万元, even when 生活补助 follows);
    else the words after the amount and its enumeration (…200万元资金奖补, …1亿元的建设运行费), then
    the words before it, then the sentence.
    """
    tail = _BEFORE_FILLER.sub("", _ITEM_END.split(sentence[:at])[-1])
    named = _NAMED_BEFORE.search(tail)
    if named:
        return "grant"
    after = _PART_END.split(sentence[at:])[0]
    listed = _AMOUNT_LIST.match(after)
    if listed:
        after = after[listed.end() :]
    before = _SENTENCE_END.split(sentence[:at])[-1]
    for window in (after[:24], before[-16:], sentence):
        for kind, pattern in _KIND_PATTERNS:
            if pattern.search(window):
                return kind
    return "grant"
