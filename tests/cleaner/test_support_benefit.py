"""What kind of benefit a grant gives, read off real sentences of the support gold (one rule each)."""

from __future__ import annotations

import pytest

from cleaner.benefit import benefit_of


def kind(sentence: str, amount: str) -> str:
    return benefit_of(sentence, sentence.index(amount))


def test_funds_named_right_before_the_amount_are_a_grant():
    # g06_nansha_rencai_ruogan_cuoshi.html 四、: the 生活补助 after it belongs to the next amount
    s = "对引进的博士后科研人员，每人给予一次性科研经费10万元和每年8万元的生活补助"
    assert (kind(s, "10万元"), kind(s, "8万元")) == ("grant", "subsidy")


def test_the_word_after_an_enumeration_of_amounts_names_each_of_them():
    # ga1_guangan_gongga_peiyou_fangan.txt 三、（二）: the first amount's own window reached only 资金
    s = (
        "对首次进入“中国企业500强”“中国民营企业500强”“中国制造业企业500强”“四川企业100强”的市级“贡嘎培优”企业，"
        "市级工业发展资金分别一次性给予800万元、600万元、400万元、200万元资金奖补"
    )
    assert [kind(s, a) for a in ("800万元", "600万元", "200万元")] == ["reward"] * 3


@pytest.mark.parametrize(
    "sentence, amount, benefit",
    [
        # g01_nansha_keji_fuchi_banfa.html 三、第八条: what the money is of, not the modes listed before it
        (
            "在建设期内(一般不超过5年)，采取前资助、后补助和股权投资方式，分期合计投入最高1亿元的建设运行费，经费构成包括：",
            "最高1亿元",
            "grant",
        ),
        # an equity stake named after its amount stays other
        ("最高给予3000万元的股权投资支持", "3000万元", "other"),
    ],
)
def test_the_noun_after_the_amount_names_it(sentence, amount, benefit):
    assert kind(sentence, amount) == benefit
