"""The facts a company profile can check, read off real conditions of the support gold (one rule each)."""

from __future__ import annotations

import pytest

from cleaner.eligibility import read_facts
from corpus.model import Region

NANSHA = Region(province="广东省", city="广州市", county="南沙区")
GUANGAN = Region(province="四川省", city="广安市")


def thresholds(text: str, case: str | None = None) -> list[tuple[str, str, float]]:
    return [(f.field, f.op, f.value) for f in read_facts([text], Region(), case) if f.kind == "threshold"]


def test_a_list_named_in_quotes_is_a_qualification_as_printed():
    # ga1_guangan_gongga_peiyou_fangan.txt 三、（二）…（八）: 27 grants of the gold ask it
    facts = read_facts(["市级“贡嘎培优”企业"], GUANGAN)
    assert [(f.kind, f.value) for f in facts] == [("qualification", "市级“贡嘎培优”企业")]
    # a known qualification keeps its own name
    assert [f.value for f in read_facts(["新认定的专精特新“小巨人”企业"], GUANGAN)] == ["专精特新"]


@pytest.mark.parametrize(
    "case, value",
    [
        # ga1 三、（三）: 对营业收入首次突破100亿元、50亿元的…分别一次性给予200万元、100万元
        ("对营业收入首次突破100亿元", 1e10),
        ("50亿元的市级“贡嘎培优”企业", 5e9),
    ],
)
def test_a_case_of_an_enumeration_asks_its_own_figure(case, value):
    assert thresholds("营业收入首次突破100亿元、50亿元", case) == [("revenue", ">=", value)]


def test_a_case_phrase_of_an_enumeration_asks_its_own_figure():
    # ga5_guangan_keji_chuangxin_ruogan.txt 五、21.
    text = "投资2000万元以上建设智能化工厂、投资500万元以上建设智能化车间、投资300万元以上建设智能化生产线"
    assert thresholds(text, "投资500万元以上建设智能化车间") == [("project_investment", ">=", 5e6)]


def test_tiers_of_one_grant_ask_their_entry_level():
    # g05_nansha_neimao_gongxian_guide.txt 四、1. and 四、2. (the growth of 零售额 was read as no fact at all)
    assert thresholds("年度销售额同比增长达到10%、16%、22%、28%以上") == [("sales_growth", ">=", 0.1)]
    assert thresholds("年度零售额同比增长达到10%、20%、30%、40%以上") == [("sales_growth", ">=", 0.1)]


def test_values_set_apart_for_different_applicants_each_stay():
    # g03_nansha_zhuanli_zhiya_tiexi_guide.txt 四、
    text = "申报单位若为工业类企业，上年度营业收入不超过4亿元；若为其他类型企业，上年度营业收入不超过1亿元"
    assert thresholds(text) == [("revenue", "<=", 4e8), ("revenue", "<=", 1e8)]


def test_a_growth_or_a_step_is_no_level_of_the_measure():
    # ga1 三、（四） and 三、（三）
    assert thresholds("企业研发投入占比增速达到20%以上") == []
    assert thresholds("营业收入每新上一个5亿元级台阶（绿色化工类企业每新上一个10亿元级台阶）") == []


def test_an_industry_is_named_without_the_words_that_lead_into_it():
    # g05 三、申请条件
    text = "行业分类为批发业（国民经济行业大类代码〔以下简称行业代码〕51）和零售业（行业代码52）、住宿业（行业代码61）和餐饮业（行业代码62）"
    got = [(f.value, f.code) for f in read_facts([text], NANSHA) if f.kind == "industry"]
    assert got == [("批发业", "51"), ("零售业", "52"), ("住宿业", "61"), ("餐饮业", "62")]


@pytest.mark.parametrize(
    "text, region, place",
    [
        ("出站后留在南沙工作并签订3年以上劳动合同的", NANSHA, "广州市南沙区"),  # g06 四、
        ("支持创新成果在广安市转化", GUANGAN, "广安市"),  # ga1 三、（四）
        (
            "符合我区重点产业发展方向的高端领军人才“团队+项目”",
            NANSHA,
            None,
        ),  # g06 九、: the district's policy
    ],
)
def test_the_place_an_applicant_works_in_or_not(text, region, place):
    got = [f.value for f in read_facts([text], region) if f.kind == "region"]
    assert got == ([place] if place else [])


def test_a_county_named_with_its_city_is_the_county():
    # g05_nansha_neimao_gongxian_guide.txt 申请条件: 在广州市南沙区 is 南沙区, not the whole city
    got = [f.value for f in read_facts(["工商注册地、税务征管关系及统计关系在广州市南沙区范围内"], NANSHA)]
    assert got == ["广州市南沙区"]


@pytest.mark.parametrize(
    "text, field",
    [
        (
            "带动新增主营业务收入2000万元以上",
            "new_revenue",
        ),  # ga3 二、（一）3.: what it adds, not its revenue
        ("年度应纳税工资薪金30万元以上", "taxable_salary"),  # g06 二、: a person's salary
        (
            "该产品或服务上年度销售收入不低于1000万元",
            "product_sales",
        ),  # ga3 二、（一）3.: one product's sales
        ("购置智能化设施设备30万元以上", "equipment_purchase"),  # ga5 五、20.: before, no fact at all
    ],
)
def test_a_measure_that_is_not_the_company_level_has_a_field_of_its_own(text, field):
    assert [f for f, _, _ in thresholds(text)] == [field]


@pytest.mark.parametrize(
    "text, place",
    [
        ("在南沙区单独设立", "广州市南沙区"),  # g01 三、第八条
        ("在南沙区举办国际性或全国性专业领域创业大赛", None),  # g01 三、第十五条: an event held there
    ],
)
def test_a_place_the_applicant_settles_in_not_one_it_holds_an_event_in(text, place):
    got = [f.value for f in read_facts([text], NANSHA) if f.kind == "region"]
    assert got == ([place] if place else [])
