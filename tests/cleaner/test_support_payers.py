"""Who pays a grant (amount ``level``) and a figureless grant's share: real sentences of the support gold.

Each sentence below is quoted from a page of tests/fixtures/cleaner/real/ (the file named
beside it) and was read wrong before its rule.
"""

from __future__ import annotations

import pytest

from cleaner.amounts import find_amounts
from cleaner.grants import find_grants


@pytest.mark.parametrize(
    "text, levels",
    [
        # ga1 三、（一）: two adverbs between the fund and its verb (一次性分别 / 分别一次性)
        (
            "对首次进入市级、省级“贡嘎培优”名单的企业，市级工业发展资金一次性分别给予30万元、50万元资金奖补；",
            ["city", "city"],
        ),
        # ga4 五、（十二）: the same after 由属地政府
        (
            "（十二）对新创建五星级、四星级旅游饭店的，由属地政府分别一次性给予200万元、100万元奖励",
            ["county", "county"],
        ),
        # ga1 三、（四）: the share printed just before its payer is paid by it
        (
            "鼓励实施技术改造，对市级“贡嘎培优”企业实施的设备投资2000万元以上的技术改造项目，"
            "按设备投资的5%，市级工业发展资金给予最高不超300万元资金奖补",
            ["city"],
        ),
    ],
)
def test_the_payer_reaches_every_amount_it_pays(text, levels):
    assert [a.level for a in find_amounts(text) if a.is_grant] == levels


def test_a_share_before_a_rank_is_still_not_paid_by_the_rank():
    # the rule above needs a payer: a rank inside the share's own phrase is none
    assert [a.level for a in find_amounts("按省级支持金额的50%、最高50万元给予配套奖励")] == [None]


@pytest.mark.parametrize(
    "text, level",
    [
        # g07 第九条: a figureless grant still says who pays
        ("对享受广州市总部扶持政策并落户我区的总部型企业，区给予配套奖励。", "county"),
        # ga3 二、（一）8.: the budget it is paid from
        (
            "对推动市级及以上重大项目招引和落地建设成效显著的县（市、区）政府、园区管委会，"
            "由市政府根据年度招商引资考核结果，在市级财政预算的招商资金中给予奖补。",
            "city",
        ),
    ],
)
def test_a_grant_without_a_figure_keeps_its_payer(text, level):
    (grant,) = find_grants(text)
    assert grant.amount is not None
    assert (grant.amount.yuan, grant.amount.kind, grant.amount.level) == (None, None, level)


@pytest.mark.parametrize(
    "text, share, level",
    [
        # ga3 二、（一）1.
        (
            "引进项目竣工投产后且达到协议约定条件，按不超过实际投资额的一定比例给予补贴。",
            "不超过实际投资额的一定比例",
            None,
        ),
        # ga4 三、（七）
        (
            "（七）对文化和旅游领域新建的核心项目，固定资产投资总额达到5000万元及以上的，对其实际固定资产投资国内贷款部分，"
            "由属地政府按贷款市场报价利率（LPR）计算利息金额的一定比例给予贴息补助。",
            "利息金额的一定比例",
            "county",
        ),
    ],
)
def test_a_share_named_without_its_figure_is_a_ratio(text, share, level):
    (grant,) = find_grants(text)
    assert grant.amount is not None
    assert (grant.amount.text, grant.amount.kind, grant.amount.rate, grant.amount.level) == (
        share,
        "ratio",
        None,
        level,
    )


def test_a_figureless_grant_naming_no_payer_or_share_has_no_amount():
    # g06 九、-like wording: nothing about money is printed, so nothing is made up
    (grant,) = find_grants("对引进的高层次人才，给予一定额度的补助。")
    assert grant.amount is None


# -- the kind of a grant amount ------------------------------------------------------


def test_a_sum_paid_in_stages_is_fixed_not_a_pot():
    # g01 五、第二十四条(一): ANNOTATION.md "分阶段合计 is still fixed; total is a pot shared by many"
    got = find_amounts("(一)后备上市企业于国内主板、创业板、中小板或境外上市的，分阶段合计给予500万元奖励。")
    assert [(a.yuan, a.kind) for a in got] == [(5000000, "fixed")]
    # a budget stays a pot
    assert [a.kind for a in find_amounts("每年安排5000万元专项资金")] == ["total"]


@pytest.mark.parametrize(
    "text, kinds",
    [
        # ga1 三、（三）: 20万元 for each new 5亿元 step; the next grant of the sentence group is fixed
        (
            "推动企业跨越式发展，对营业收入每新上一个5亿元级台阶（绿色化工类企业每新上一个10亿元级台阶）的"
            "市级“贡嘎培优”企业，市级工业发展资金一次性给予20万元资金奖补；对营业收入在2021年基础上首次实现翻倍的"
            "市级“贡嘎培优”企业，市级工业发展资金一次性给予100万元资金奖补",
            ["threshold", "threshold", "per_unit", "fixed"],
        ),
        # capture_pingtan_jinrong_banfa_docno_in_body
        (
            "自发文之日起，金融机构贷款投向由政府融资的实验区重点项目的年度贷款余额每增加5亿元，给予5万元奖励",
            ["threshold", "per_unit"],
        ),
    ],
)
def test_a_grant_paid_for_each_step_is_per_unit(text, kinds):
    assert [a.kind for a in find_amounts(text)] == kinds


def test_a_row_of_an_application_form_grants_nothing():
    # g02_nansha_gaoqi_rutong_guide.txt: the 申请表 printed after the materials list
    text = (
        "7. 开户许可证………………………………………………………xx\n2017年度高新技术企业入统奖励申请表\n单位名称\n"
        "入统年度 2017 年\n申请高新技术企业入统奖励 20万元\n申请单位意见\n负责人（签名）： （单位盖章）\n"
    )
    assert find_grants(text) == []
    # the guide's own grant sentence still grants
    assert len(find_grants("四、奖励标准\n对符合条件的申报单位，一次性给予20万元入统奖励。")) == 1
