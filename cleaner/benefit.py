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
    ("grant", r"资助|支持|扶持|经费|资金"),
)


def benefit_of(sentence: str, at: int) -> str:
    """The benefit of the grant whose amount stands at ``at`` in its sentence."""
    after = re.split(r"[，。；,;]", sentence[at:])[0]
    before = re.split(r"[。；;]", sentence[:at])[-1]
    for window in (after[:24], before[-16:], sentence):
        for kind, pattern in _KINDS:
            if re.search(pattern, window):
                return kind
    return "grant"
