"""Money amounts: units, enumerations, Chinese numerals, the kind of each amount and who pays it."""

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
        ("对年营业收入首次突破1亿元的企业", [(100000000, "threshold")]),
        ("给予一次性奖励五十万元", [(500000, "fixed")]),
        ("最高不超过一百万元", [(1000000, "cap")]),
        ("奖励1,000万元", [(10000000, "fixed")]),
        ("提供1.5亿元贷款", [(150000000, "fixed")]),
        ("给予不低于1亿元支持", [(100000000, "floor")]),
        ("研发投入不低于1000万元的企业", [(10000000, "threshold")]),
        ("到2025年，全市林产加工业产值达到40亿元以上", [(4000000000, "target")]),
        ("上年度营业收入不超过4亿元", [(400000000, "threshold")]),
        ("在我区纳税总额超过1000万元(含)的，奖励300万元", [(10000000, "threshold"), (3000000, "fixed")]),
        (
            "实缴注册资本5000万元(含)至1亿元的，奖励600万元",
            [(50000000, "threshold"), (100000000, "threshold"), (6000000, "fixed")],
        ),
        (
            "对购置智能化设施设备30万元以上的工业企业，给予5万元至30万元奖励",
            [(300000, "threshold"), (50000, "min"), (300000, "cap")],
        ),
        ("年资助总额不超过300万元", [(3000000, "cap")]),
        ("每家给予50万元落户奖励", [(500000, "fixed")]),
        ("每年给予30万元维权援助服务费用资助", [(300000, "fixed")]),
        ("按每平方米每月最高40元给予补贴", [(40, "per_unit")]),
        ("按博士学位人员每人8万元、硕士学位人员每人5万元的标准", [(80000, "per_unit"), (50000, "per_unit")]),
        ("按20万元/家的标准给予奖励", [(200000, "per_unit")]),
        ("填报《5000万元及以上固定资产投资项目情况表》", [(50000000, "threshold")]),
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
    assert got == [(5_000_000_000_000, "threshold"), (100_000, "fixed")]


def test_an_approximate_amount_is_still_an_amount():
    from cleaner.amounts import find_amounts

    got = [
        a.yuan
        for a in find_amounts("研发投入达到500余万元的平台，年收入2000多万元，余额100元，推动多元化投入。")
    ]
    assert got == [5_000_000, 20_000_000, 100]


def ratios(text):
    return [(a.rate, a.yuan, a.kind) for a in find_amounts(text) if a.kind == "ratio"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("省级按照项目设备购置额的10%给予奖补，最高500万元。", [(0.1, 5000000, "ratio")]),
        ("给予其对我区经济贡献95%的奖励", [(0.95, None, "ratio")]),
        (
            "对国家级的给予100%的资金配套，最高500万元;对省级的给予70%的资金配套，最高300万元",
            [(1.0, 5000000, "ratio"), (0.7, 3000000, "ratio")],
        ),
        # the cap in the next sentence is still the ratio's
        (
            "分别给予70%、50%配套。原则上单个项目最高配套额度为500万元",
            [(0.7, 5000000, "ratio"), (0.5, 5000000, "ratio")],
        ),
        (
            "按其获得的创投基金投资额的50%，给予该创新创业公司最高不超过100万元的一次性资助",
            [(0.5, 1000000, "ratio")],
        ),
        ("按照国家资金支持标准给予1：1配套资金", [(1.0, None, "ratio")]),
        ("市级按1:0.2配套", [(0.2, None, "ratio")]),
    ],
)
def test_ratio_grants(text, expected):
    assert ratios(text) == expected


def test_a_ratio_takes_its_cap_so_the_cap_is_no_grant_of_its_own():
    got = [
        (a.kind, a.yuan) for a in find_amounts("按设备投资的5%，市级工业发展资金给予最高不超300万元资金奖补")
    ]
    assert got == [("ratio", 3000000)]


@pytest.mark.parametrize(
    "text",
    [
        "年度销售额同比增长达到10%、16%、22%、28%以上的",
        "最高给予3000万元、占股比例不超过20%、年限不超过8年的股权投资支持",
        "收取的担保费率原则上不超过0.8%",
        "到2025年，全市森林覆盖率达到32%",
        "外籍人才可选择按照超过15%部分税负差额给予奖励",
        "在确定土地出让底价时可按不低于所在地土地等别相对应全国工业用地出让最低价标准的70%执行",
    ],
)
def test_a_percentage_that_measures_is_no_ratio_grant(text):
    assert ratios(text) == []


@pytest.mark.parametrize(
    "text, levels",
    [
        ("对跨行业跨领域工业互联网平台省级给予奖补，最高3000万元", ["province"]),
        ("对评定为省级现代林业园区的，市财政一次性奖励200万元", ["city"]),
        ("对首次进入市级、省级名单的企业，市级工业发展资金分别给予30万元、50万元奖励", ["city", "city"]),
        ("对新认定为四川省文化旅游产业优秀龙头企业的，由属地政府一次性给予200万元奖励", ["county"]),
        ("中央财政给予100万元补助", ["national"]),
        # a rank is not a payer
        ("国家级、省级、市级分别给予300万元、200万元、50万元", [None, None, None]),
        ("对国家级的给予最高500万元配套", [None]),
        ("按省级支持金额的50%、最高50万元给予配套奖励", [None]),
    ],
)
def test_level_is_who_pays(text, levels):
    assert [a.level for a in find_amounts(text) if a.is_grant] == levels


def test_thresholds_targets_and_totals_never_carry_a_payer():
    got = find_amounts("对市级营业收入达到5亿元的企业，市财政给予20万元奖励")
    assert [(a.kind, a.level) for a in got] == [("threshold", None), ("fixed", "city")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # real sentences (平潭 创业园 细则/意见, 广安 若干政策, 南沙 总部 办法): both ends of a range are amounts,
        # the grant is up to its cap, the lower end is its ``min``
        ("经评审给予5-20万元创业资金扶持", [(50000, "min"), (200000, "cap")]),
        ("分别给予每月1000-10000元生活津贴", [(1000, "min"), (10000, "cap")]),
        ("分别给予每月500元至2000元的租房补贴，期限不超过三年", [(500, "min"), (2000, "cap")]),
        ("分别给予5 –50万元安家补助", [(50000, "min"), (500000, "cap")]),
        ("一次性给予20万元至50万元的创业投资扶持", [(200000, "min"), (500000, "cap")]),
        ("给予1000元至1万元奖励", [(1000, "min"), (10000, "cap")]),
        ("给予5万—20万元补助", [(50000, "min"), (200000, "cap")]),
        # the first end printed with 万 but no 元: the 元 of the second serves both
        (
            "(1)实缴注册资本500万(含)至5000万元的，奖励300万元;",
            [(5000000, "threshold"), (50000000, "threshold"), (3000000, "fixed")],
        ),
        ("纯餐饮企业年度营业收入在1000—2000万元（含）", [(10000000, "threshold"), (20000000, "threshold")]),
    ],
)
def test_a_range_gives_both_ends(text, expected):
    assert amounts(text) == expected


def test_the_lower_end_of_a_range_is_no_grant_of_its_own():
    from cleaner.grants import find_grants

    low, high = find_amounts("经评审给予5-20万元创业资金扶持")
    assert (low.is_grant, high.is_grant) == (False, True)
    grants = find_grants("经评审给予5-20万元创业资金扶持。")
    assert [(g.amount.yuan, g.amount.kind) for g in grants] == [(200000, "cap")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # 宜春 统计公报 2022: a round figure after a word of approximation is that figure
        ("营业收入超千亿元的开发区10个", [100_000_000_000]),
        (
            "全年为市场主体办理新增减税退税缓税（费）近千亿元，其中留抵退税444.4亿元",
            [100_000_000_000, 44_440_000_000],
        ),
        ("年销售收入突破百亿元的企业", [10_000_000_000]),
        # an order of size with no figure is none
        ("千万元以上项目", []),
        ("投资数百亿元", []),
    ],
)
def test_a_round_figure_after_a_word_of_approximation(text, expected):
    assert [a.yuan for a in find_amounts(text)] == expected


def test_a_sum_in_capital_numerals_is_an_amount():
    # 平潭 行政处罚决定书: "罚款人民币叁仟叁佰元整"
    assert [a.yuan for a in find_amounts("对你单位作出如下处罚：罚款人民币叁仟叁佰元整。")] == [3300]
    assert [a.yuan for a in find_amounts("罚款壹万伍仟元")] == [15000]
