"""How a grant's conditions are read off the ways 办法/若干政策/申报通知 print them (one rule each)."""

from __future__ import annotations

from cleaner import clean
from cleaner.beneficiary import read_applicant


def grants(text: str) -> list:
    doc = clean(text.encode("utf-8"), url="http://kjj.example.gov.cn/zcwj/2024/notice.html")
    return [g for c in doc.clauses if c.support for g in c.support.grants]


def at(sentence: str, amount: str) -> int:
    return sentence.index(amount)


def test_a_second_grant_in_a_sentence_has_the_conditions_printed_after_the_first():
    s = "后备上市企业于全国中小企业股份转让系统挂牌的给予150万元奖励，成功进入创新层的，额外给予200万元奖励"
    assert read_applicant(s, at(s, "200万元")).conditions == ["成功进入创新层"]
    s = "首次成功在新三板挂牌的，最高补助100万元，进入创新层的最高再补助200万元"
    assert read_applicant(s, at(s, "200万元")).conditions == ["进入创新层"]


def test_what_a_heading_before_a_colon_says_is_not_the_applicants():
    s = "对发明专利申请大户给予奖励：对上一年度发明专利申请30件以上的单位给予奖励性资助3万元"
    found = read_applicant(s, at(s, "3万元"))
    assert found.beneficiary == "单位" and found.conditions == ["上一年度发明专利申请30件以上"]


def test_the_deed_a_support_call_names_is_a_condition():
    s = "支持工业企业和平台服务商开展工业互联网网络安全分类分级工作，省级按照不超过项目投资额50%的比例给予一次性奖补"
    assert "开展工业互联网网络安全分类分级工作" in read_applicant(s, at(s, "50%")).conditions
    s = "鼓励创新成果在本市转化，按不超过投资额10%的比例，给予最高500万元奖补"
    assert read_applicant(s, at(s, "500万元")).conditions == ["创新成果在本市转化"]


def test_a_support_call_followed_by_its_test_asks_the_test_only():
    # gold-disputes.md, DECIDED by goldref: the call states the aim; the 对…的 test after it is the condition
    # (pkulaw_anhui_support_policy_zerenbumen.txt 二、, ga1 三、（四）, g06 十二、 before: the deed too)
    s = "支持企业对照国家标准开展评估工作，对评估等级在3A、4A、5A级的企业，省级分别给予一次性奖补50万元、100万元、150万元"
    assert read_applicant(s, at(s, "50万元")).conditions == ["评估等级在3A、4A、5A级"]
    s = (
        "鼓励市级“贡嘎培优”企业开展关键技术攻关和产品创新，每年对年度研发经费支出占营业收入增速排名在全市前3的，"
        "且企业研发投入占比增速达到20%以上的市级“贡嘎培优”企业，市级工业发展资金一次性给予50万元资金奖补"
    )
    assert "开展关键技术攻关和产品创新" not in read_applicant(s, at(s, "50万元")).conditions


def test_conditions_that_ask_nothing_are_dropped():
    s = "对符合条件的国际海员给予个人贡献奖励，奖励金最高为其个人经济贡献的100%"
    assert read_applicant(s, at(s, "100%")).conditions == []
    s = "两项奖励总额最高为其个人经济贡献的100%"
    assert read_applicant(s, at(s, "100%")).conditions == []
    s = "对引进的博士后科研人员，每人给予一次性科研经费10万元"
    assert read_applicant(s, at(s, "10万元")).conditions == []


def test_a_bracketed_period_binds_the_grant():
    s = "对新落户本区的国家高新技术企业，自落户后连续5年（在高新技术企业有效期内），给予其经济贡献95%的奖励"
    assert "在高新技术企业有效期内" in read_applicant(s, at(s, "95%")).conditions


def test_a_deed_object_followed_by_another_deed_is_asked_too():
    s = "对入选省级以上高水平创新团队，并实施省级以上重点研发计划项目的，每个项目给予创新团队最高50万元资助"
    conds = read_applicant(s, at(s, "50万元")).conditions
    assert "入选省级以上高水平创新团队" in conds and "实施省级以上重点研发计划项目" in conds


PAGE = """关于印发本区总部经济扶持办法的通知

第一条 【落户奖】
（一）对符合本办法条件新落户及认定的总部型企业，根据企业实缴注册资本给予落户奖励。
1.对内资企业：
（1）实缴注册资本500万元（含）至5000万元的，奖励300万元；
（2）实缴注册资本20亿元（含）以上，奖励2000万元。
第二条 对投资2000万元以上建设智能化工厂、投资500万元以上建设智能化车间的工业企业，分别最高给予500万元、300万元支持。
"""


def test_an_item_under_a_list_heading_keeps_the_headings_conditions_and_its_own_measure():
    found = grants(PAGE)
    first, second = found[0], found[1]
    assert first.beneficiary == "总部型企业" and "内资企业" in first.conditions
    assert first.conditions[-1] == "实缴注册资本500万元（含）至5000万元"
    assert "实缴注册资本20亿元（含）以上" in second.conditions  # a measure without 的 is a condition too


def test_each_case_of_a_fenbie_enumeration_keeps_its_own_measure():
    found = [g for g in grants(PAGE) if g.beneficiary == "工业企业"]
    assert [g.conditions for g in found] == [
        ["投资2000万元以上建设智能化工厂"],
        ["投资500万元以上建设智能化车间"],
    ]


def test_a_status_named_before_the_payee_is_a_condition_of_the_payee():
    s = "对省级数字化车间、智能工厂，省级分别给予企业一次性奖补50万元、100万元"
    found = read_applicant(s, at(s, "50万元"))
    assert found.beneficiary == "企业" and found.conditions == ["省级数字化车间、智能工厂"]


def test_a_trailing_aside_is_not_part_of_the_condition_and_its_comma_splits_nothing():
    s = "对新落户的总部型企业，其本部在我区租用自用办公用房的（不包括附属和配套用房，下同），按每月每平方米最高50元的标准予以场地补贴"
    assert "本部在我区租用自用办公用房" in read_applicant(s, at(s, "50元")).conditions


def test_who_recognised_the_applicant_and_a_money_measure_qualify_it():
    s = "对有关政府部门认定的重点实验室、工程中心等创新平台，分别给予300万元、200万元一次性资金配套"
    assert read_applicant(s, at(s, "300万元")).conditions == ["有关政府部门认定"]
    s = "对营业收入每新上一个5亿元级台阶的市级企业，一次性给予20万元资金奖补"
    assert read_applicant(s, at(s, "20万元")).conditions == ["营业收入每新上一个5亿元级台阶"]


def test_the_payee_named_after_the_verb_is_the_beneficiary():
    s = "对新创建甲级、乙级民宿的，由属地政府分别给予业主一次性奖励50万元、30万元"
    found = read_applicant(s, at(s, "50万元"))
    assert found.beneficiary == "业主" and found.conditions == ["新创建甲级、乙级民宿"]


def test_a_supported_list_is_the_whole_list():
    s = "支持工业企业和平台服务商开展工业互联网网络安全分类分级工作，省级按照不超过项目投资额50%的比例给予一次性奖补"
    assert read_applicant(s, at(s, "50%")).beneficiary == "工业企业和平台服务商"
    s = "支持一批5G和工业互联网典型场景、标识解析应用、优秀解决方案，省级给予一次性奖补100万元"
    assert (
        read_applicant(s, at(s, "100万元")).beneficiary
        == "5G和工业互联网典型场景、标识解析应用、优秀解决方案"
    )


def test_what_an_applicant_did_in_a_year_is_a_condition_not_its_name():
    s = "对市级重点企业年度实施节能改造达到节能量1000吨标准煤以上的，一次性给予15万元资金奖补"
    found = read_applicant(s, at(s, "15万元"))
    assert found.beneficiary == "市级重点企业" and found.conditions == [
        "年度实施节能改造达到节能量1000吨标准煤以上"
    ]


def test_qi_points_back_to_the_applicant_named_before():
    s = "对其上一年度实施产业化项目并实际完成投资1000万元及以上的，省级按项目关键设备购置额的10%给予奖补"
    found = read_applicant(s, at(s, "10%"))
    assert found.beneficiary is None and found.conditions == [
        "上一年度实施产业化项目并实际完成投资1000万元及以上"
    ]


def test_an_aside_that_lists_members_is_not_the_beneficiarys_head():
    s = "对符合条件的企业高级管理人才（包括董事长、总经理或相当层级职务的人员），给予高管人才奖励10万元"
    assert read_applicant(s, at(s, "10万元")).beneficiary == "企业高级管理人才"


def test_the_call_names_the_applicant_when_the_object_is_a_deed():
    s = "鼓励人才中介组织引进和引荐人才，对成功引进两院院士的，给予最高50万元奖励"
    found = read_applicant(s, at(s, "50万元"))
    assert found.beneficiary == "人才中介组织" and "成功引进两院院士" in found.conditions


def test_bing_and_qie_join_two_conditions_unless_the_second_asks_nothing():
    s = "落户三年内纳入本区规模以上企业统计且在高新技术企业有效期内的，再给予20万元奖励"
    assert read_applicant(s, at(s, "20万元")).conditions == [
        "落户三年内纳入本区规模以上企业统计",
        "在高新技术企业有效期内",
    ]
    s = "对工作成绩突出并符合相关条件的博士后工作站，每年最高给予30万元工作经费支持"
    assert read_applicant(s, at(s, "30万元")).conditions == ["工作成绩突出并符合相关条件"]


NOTICE = """关于印发本市招商引资若干政策的通知

一、适用范围
本政策适用于新引进外来投资，且工商注册和税收解缴关系在本市的企业。
二、支持措施
（一）对符合条件的传统产业数字化、智能化技术改造项目，以及符合国家绿色化技术改造要求的项目，按不超过固定资产投资额度5%的比例，给予最高1000万元奖补。
"""


def test_a_funded_project_is_a_condition_as_printed_with_its_alternatives():
    found = grants(NOTICE)
    assert (
        found
        and "符合条件的传统产业数字化、智能化技术改造项目，以及符合国家绿色化技术改造要求的项目"
        in found[0].conditions
    )


GUIDE = """专利质押融资贴息办事指南

一、申请条件
1.申报单位工商注册地在本区范围内，具有独立法人资格。
二、奖励标准
按申报单位申请当笔贷款基准利率的100%给予贴息补助，贴息金额不超过50万元。
"""


def test_a_guide_that_names_its_applicant_only_in_passing_still_says_whose_grant():
    found = grants(GUIDE)
    assert found and found[0].beneficiary == "申报单位"


def test_a_persons_taxable_salary_is_no_tax_a_company_paid():
    from cleaner.eligibility import read_facts
    from corpus.model import Region

    salary = read_facts(["年度应纳税工资薪金30万元以上"], Region())
    assert not [f for f in salary if f.kind == "threshold" and f.field == "tax"]
    paid = read_facts(["上一年度在我区纳税总额不低于1000万元"], Region())
    assert [(f.field, f.op, f.value) for f in paid if f.kind == "threshold"] == [("tax", ">=", 10_000_000)]


def test_who_the_applicant_newly_is_is_no_test():
    # g06_nansha_rencai_ruogan_cuoshi.html 四、 (gold-disputes.md, DECIDED by goldref: the beneficiary's own words)
    s = "对新引进落户工作的全日制本科及以上学历、学士及以上学位人才发放住房补贴，其中本科生2万元，硕士研究生4万元，博士研究生6万元"
    assert read_applicant(s, at(s, "2万元")).conditions == []


def test_where_and_why_an_applicant_was_founded_are_tests():
    # g01_nansha_keji_fuchi_banfa.html 六、第三十二条 and pkulaw_anhui_support_policy_zerenbumen.txt 三、
    s = (
        "对依法在区内注册成立的以推动知识产权发展为目的的协会、促进会、联盟等社会组织，"
        "经区知识产权行政主管部门审核后，一次性给予10万元扶持"
    )
    found = read_applicant(s, at(s, "10万元"))
    assert found.beneficiary == "协会、促进会、联盟等社会组织"
    assert found.conditions[:2] == ["依法在区内注册成立", "以推动知识产权发展为目的"]
    s = "对省内建成的标识解析二级节点项目省级按照不超过项目投资额30%的比例给予一次性奖补，最高300万元"
    assert read_applicant(s, at(s, "30%")).conditions == ["省内建成"]


def test_a_contract_signed_besides_is_a_test_of_its_own():
    # g06 四、: 出站后留在南沙工作并签订3年以上劳动合同的
    s = (
        "对引进的博士后科研人员，每人给予一次性科研经费10万元和每年8万元的生活补助，"
        "出站后留在南沙工作并签订3年以上劳动合同的，给予20万元安家补贴"
    )
    assert read_applicant(s, at(s, "20万元")).conditions == ["出站后留在南沙工作", "签订3年以上劳动合同"]


def test_what_the_applicants_do_after_they_are_named_is_a_test():
    # ga3_guangan_zhaoshang_ershitiao.txt 二、（一）6.
    s = (
        "对在我市新注册设立的外资企业和现有外商投资企业增资扩股、扩大生产规模，"
        "外商直接投资（FDI）到位资金在500万美元及以上1000万美元以下的，最高奖励20万元"
    )
    found = read_applicant(s, at(s, "20万元"))
    assert found.beneficiary == "在我市新注册设立的外资企业和现有外商投资企业"
    assert found.conditions == [
        "增资扩股、扩大生产规模",
        "外商直接投资（FDI）到位资金在500万美元及以上1000万美元以下",
    ]


def test_a_tier_printed_as_its_own_sentence_keeps_what_the_first_tier_asked():
    # ga3 二、（一）6.: the second and third tiers ask the 增资扩股 of the first as well
    text = (
        "外贸奖励\n6.外商投资奖励。对在我市新注册设立的外资企业和现有外商投资企业增资扩股、扩大生产规模，"
        "外商直接投资（FDI）到位资金在500万美元及以上1000万美元以下的，最高奖励20万元；"
        "外商直接投资（FDI）到位资金在1000万美元及以上2000万美元以下的，最高奖励50万元。\n"
    )
    got = [g.conditions for g in grants(text)]
    assert got == [
        ["增资扩股、扩大生产规模", "外商直接投资（FDI）到位资金在500万美元及以上1000万美元以下"],
        ["增资扩股、扩大生产规模", "外商直接投资（FDI）到位资金在1000万美元及以上2000万美元以下"],
    ]


def test_settling_somewhere_is_a_test_settling_newly_is_who_one_is():
    # ga5_guangan_keji_chuangxin_ruogan.txt 六、23. and g01 一、第一条
    s = "对带技术、项目、资金落户广安的领军型创业团队，最高给予300万元创新创业扶持启动资金支持"
    assert read_applicant(s, at(s, "300万元")).conditions == ["带技术、项目、资金落户广安"]
    s = "对新落户本区的国家高新技术企业，给予50万元落户奖励"
    assert read_applicant(s, at(s, "50万元")).conditions == []


def test_a_period_with_its_aside_and_what_the_applicant_has_are_tests():
    # g01_nansha_keji_fuchi_banfa.html 三、第八条 and 四、第十九条
    s = (
        "对国家科研机构、境内外知名高校或世界著名科学家在南沙区单独设立的，主要从事科学研究、技术研发、成果转化等活动，"
        "具有职能定位综合化、研发模式集成化、运营模式柔性化等新特征的新型研发机构，在建设期内(一般不超过5年)，"
        "采取前资助、后补助和股权投资方式，分期合计投入最高1亿元的建设运行费"
    )
    assert "在建设期内(一般不超过5年)" in read_applicant(s, at(s, "最高1亿元")).conditions
    s = (
        "对新建成并投入使用的公共技术研发平台、知识产权服务平台等，有健全的内部管理制度、严格的财务管理制度，"
        "满足具体运营内容相关规定的要求，按其为企业提供科技服务业务实际获得收入的5%给予奖励，最高不超过100万元"
    )
    assert read_applicant(s, at(s, "5%")).conditions[:2] == [
        "有健全的内部管理制度、严格的财务管理制度",
        "满足具体运营内容相关规定的要求",
    ]


def test_what_a_clause_funds_is_a_test_and_each_payee_its_applicant():
    # g01 六、第二十六条: before, the beneficiary was 专利申请授权进行资助
    s = "对专利申请授权进行资助，每个单位或个人年资助总额不超过300万元"
    found = read_applicant(s, at(s, "300万元"))
    assert (found.beneficiary, found.conditions) == ("单位或个人", ["专利申请授权"])


def test_an_award_set_up_or_conferred_is_the_test_and_what_the_holder_is_describes_it():
    # g06_nansha_rencai_ruogan_cuoshi.html 八、: before, no beneficiary and no condition for the first grant,
    # and 具有突出专长或技能 (what the person is) as the second's only condition
    s = "设立“南沙专才奖”、“南沙工匠奖”，给予每人2万元奖励"
    found = read_applicant(s, at(s, "2万元"))
    assert (found.beneficiary, found.conditions) == (
        "“南沙专才奖”、“南沙工匠奖”获得者",
        ["“南沙专才奖”、“南沙工匠奖”"],
    )
    s = "对具有突出专长或技能的人才颁发“南沙金牌专才奖”、“南沙金牌工匠奖”，给予最高100万元奖励"
    found = read_applicant(s, at(s, "最高100万元"))
    assert found.beneficiary == "具有突出专长或技能的人才"
    assert found.conditions == ["颁发“南沙金牌专才奖”、“南沙金牌工匠奖”"]


def test_a_period_from_a_date_and_what_must_happen_within_it_are_one_condition():
    # g07_nansha_zongbu_fuchi_banfa.html 第四条 and ga3_guangan_zhaoshang_ershitiao.txt 二、（一）5.
    s = "经认定的总部企业，自认定之日起，其首次被评为世界企业500强的，给予一次性2000万元的资金奖励"
    assert read_applicant(s, at(s, "2000万元")).conditions == ["自认定之日起，其首次被评为世界企业500强"]
    s = (
        "招引项目（绿色化工产业项目除外）自投产年度起5年内，平均年度经济贡献达到1000万元以上的，"
        "可按照年货物物流运输费用总额的5%给予企业补贴"
    )
    assert read_applicant(s, at(s, "5%")).conditions == [
        "招引项目（绿色化工产业项目除外）自投产年度起5年内，平均年度经济贡献达到1000万元以上"
    ]


def test_the_payer_before_the_verb_is_no_part_of_the_applicant():
    # pkulaw_anhui_support_policy_zerenbumen.txt 一、 and 三、: before, 工业互联网平台省级 / 二级节点项目省级
    s = "对行业、区域、专业型工业互联网平台省级给予奖补，最高1000万元"
    assert read_applicant(s, at(s, "最高1000万元")).beneficiary == "行业、区域、专业型工业互联网平台"
    s = "对省内建成的标识解析二级节点项目省级按照不超过项目投资额30%的比例给予一次性奖补，最高300万元"
    assert read_applicant(s, at(s, "30%")).beneficiary == "标识解析二级节点项目"
