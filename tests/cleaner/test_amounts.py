"""Money amounts: units, enumerations, Chinese numerals and the kind of each amount."""

import pytest

from cleaner.amounts import find_amounts


def amounts(text):
    return [(a.yuan, a.kind) for a in find_amounts(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("分别给予200万元、100万元一次性奖励", [(2000000, "fixed"), (1000000, "fixed")]),
        ("分别给予200、100万元奖励", [(2000000, "fixed"), (1000000, "fixed")]),
        ("给予最高50万元的补助", [(500000, "cap")]),
        ("每家企业每年最高不超过20万元", [(200000, "cap")]),
        ("按每平方米100元给予补贴", [(100, "per_unit")]),
        ("按3000元/人给予补贴", [(3000, "per_unit")]),
        ("设立总规模10亿元的引导基金", [(1000000000, "total")]),
        ("全市技术合同成交额达到100亿元", [(10000000000, "target")]),
        ("对年营业收入首次突破1亿元的企业", [(100000000, "target")]),
        ("给予一次性奖励五十万元", [(500000, "fixed")]),
        ("最高不超过一百万元", [(1000000, "cap")]),
        ("奖励1,000万元", [(10000000, "fixed")]),
        ("提供1.5亿元贷款", [(150000000, "fixed")]),
        ("给予不低于1亿元支持", [(100000000, "fixed")]),
        ("研发投入不低于1000万元的企业", [(10000000, "target")]),
    ],
)
def test_amounts(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize(
    "text", ["推动多元化投入", "一元化管理", "元器件产业", "提高2.56个百分点", "2022-2025年"]
)
def test_not_money(text):
    assert amounts(text) == []


def test_amount_text_keeps_its_cap_word():
    assert find_amounts("给予最高50万元补助")[0].text == "最高50万元"


def test_wan_without_yuan_after_a_money_word():
    assert amounts("给予一次性奖励50万，最高不超过100万") == [(500000, "fixed"), (1000000, "cap")]
    assert amounts("孵化面积达到260万平方米，匹配5万名专家，资助5万家企业") == []


def test_wan_yi_is_a_trillion_not_ten_thousand():
    from cleaner.amounts import find_amounts

    got = [
        (a.yuan, a.kind)
        for a in find_amounts("科技企业营业收入达到5万亿元，对首次认定的企业给予10万元奖励。")
    ]
    assert got == [(5_000_000_000_000, "target"), (100_000, "fixed")]


def test_an_approximate_amount_is_still_an_amount():
    from cleaner.amounts import find_amounts

    got = [
        a.yuan
        for a in find_amounts("研发投入达到500余万元的平台，年收入2000多万元，余额100元，推动多元化投入。")
    ]
    assert got == [5_000_000, 20_000_000, 100]
