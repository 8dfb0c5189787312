"""General rules the real pages taught (issue 12) about a document's body, each on a short verbatim excerpt.

The outline: clauses, items, chapters, articles, annexes and notes.  The
text's mending is in test_real_text_rules.py, the fields (title, 文号,
issuer, dates) in test_real_rules.py, the signature in
test_real_signature_rules.py.
"""

from __future__ import annotations

from cleaner import clean

LONG_PREAMBLE = (
    "为规范火灾事故调查处理，强化火灾事故查处力度，督促落实消防安全责任，结合我市实际，制定本细则。" * 20
)


def test_a_chapter_with_its_first_article_on_one_line_is_two_clauses():
    text = (
        "阿坝州政务数据资源管理暂行办法\n"
        "　第七章　安全保障　　第三十八条 　数据提供部门负责本部门数据的安全管理。\n"
        "　第九章　附则　　第四十六条 　数据资源主管部门应当进行考核评估。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths == [["第七章"], ["第七章", "第三十八条"], ["第九章"], ["第九章", "第四十六条"]]


def test_small_full_stop_labels_are_arabic_labels():
    text = (
        "安徽省工业互联网创新发展行动计划\n二、行动步骤\n（一）网络体系强基行动。\n"
        "　　1﹒推进工业互联网外网建设。支持基础电信企业加强宽带网络基础设施建设。\n"
        "　　2﹒推进企业内网改造升级。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths[-2:] == [["二、", "（一）", "1﹒"], ["二、", "（一）", "2﹒"]]


def test_the_content_after_a_list_of_attachment_names_is_numbered_afresh():
    text = (
        "广州南沙新区2017年度高新技术企业入统奖励申报指南\n十、办理流程\n1.企业申报。申请人登录系统申报。\n"
        "2.部门核查。区科技行政主管部门对申报材料进行核查。\n附件1.封面模板\n附件2.目录模板\n"
        "目录\n1. 2017年度高新技术企业入统奖励申请表\n2. 营业执照\n"
        "承诺书\n本单位承诺所提交的申报材料真实、准确、完整，如有虚假，愿意承担相应的法律责任。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths == [["十、"], ["十、", "1."], ["十、", "2."], ["1."], ["2."]]


def test_an_item_after_a_tag_in_tortoise_shell_brackets_is_cut_in_run_on_text():
    text = (
        "为加快企业发展，制定本方案。一、主要任务（一）支持企业上规。对首次纳入规模以上统计的企业给予奖励。"
        "〔责任单位：市委组织部（市人才办）、市经济信息化局〕（二）支持竞相成长。鼓励企业快速发展，竞相成长。"
    )
    doc = clean(text)
    assert [c.path for c in doc.clauses if c.number] == [["一、"], ["一、", "（一）"], ["一、", "（二）"]]
    assert doc.clauses[2].departments == ["市委组织部（市人才办）", "市经济信息化局"]


def test_an_unbracketed_tag_runs_into_the_next_item_of_its_sequence():
    text = (
        "为推进民营经济高质量发展，制定如下措施。平潭综合实验区党工委 平潭综合实验区管委会2023年10月24日 "
        "一、促进公平竞争1.坚持同等待遇。落实准入负面清单制度。责任单位：区经济发展局、农业农村局2.支持乡村振兴。"
        "引导民营企业参与乡村建设。 责任单位：区农业农村局，区工商联二、强化要素支持3.拓宽融资渠道。创新政银企共建模式。"
        "责任单位：区财政金融局，中国人民银行平潭分行4.降低融资成本。落实贷款贴息政策。"
    )
    doc = clean(text)
    assert [c.path for c in doc.clauses if c.number] == [
        ["一、"],
        ["一、", "1."],
        ["一、", "2."],
        ["二、"],
        ["二、", "3."],
        ["二、", "4."],
    ]


def test_a_run_on_title_running_into_its_first_chapter():
    text = (
        "各县（市、区）人民政府：《广安主城区建筑垃圾管理办法》已经审议通过，现印发给你们，请认真组织实施。"
        "广安市人民政府办公室2022年11月21日广安主城区建筑垃圾管理办法第一章\u3000总则第一条\u3000为加强建筑垃圾管理，制定本办法。"
        "第二条\u3000本办法所称建筑垃圾，是指建设单位产生的弃土。对符合本办法第一条规定的单位给予支持。"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths == [["第一章"], ["第一章", "第一条"], ["第一章", "第二条"]]


def test_an_articles_short_caption_before_its_first_item_in_run_on_text():
    text = (
        "为支持台湾青年来岚创业，制定本实施意见。第六条 奖励办法（一）对示范团队给予奖励。"
        "第七条 附则（一）入驻创业园的企业可享受相关优惠政策。（二）本实施意见自发布之日起施行。"
        "第八条 违反本法第二十条规定的，依法处理。"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths == [
        ["第六条"],
        ["第六条", "（一）"],
        ["第七条"],
        ["第七条", "（一）"],
        ["第七条", "（二）"],
        ["第八条"],
    ]


def test_a_tag_whose_name_holds_a_bracket_still_runs_into_the_next_item():
    text = (
        "为加快平台经济发展，制定本措施。一、做大产业链积极引入平台项目。责任单位：区经发局、行政审批局（智慧岛中心），"
        "区金控集团二、强化平台经济发展支持（一）强化资本支持。引导国有资本注入平台经济项目，支持平台经济发展。"
        "责任单位：区金融办（二）强化政策支持。修订完善实施细则。"
    )
    doc = clean(text)
    assert [c.path for c in doc.clauses if c.number] == [
        ["一、"],
        ["二、"],
        ["二、", "（一）"],
        ["二、", "（二）"],
    ]
    assert [d.name for d in doc.clauses[-4].department_tags] == [
        "区经发局",
        "行政审批局（智慧岛中心）",
        "区金控集团",
    ]


def test_a_list_run_on_after_a_colon_in_a_capture_without_line_breaks():
    text = (
        "广安市火灾事故调查处理实施细则第一章　总　则第一条　"
        + LONG_PREAMBLE
        + "第二条　组织主体根据火灾事故等级确定："
        "（一）较大火灾事故由市人民政府依法负责组织调查处理；（二）一般火灾事故由县级人民政府负责组织调查处理；"
        "（三）其他一般火灾事故由消防救援机构负责调查处理。第三条　本细则自印发之日起施行。"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert ["第一章", "第二条", "（一）"] in paths and ["第一章", "第二条", "（三）"] in paths
    assert ["第一章", "第三条"] in paths


def test_a_bracketed_label_after_a_bracket_goes_on_with_its_sequence():
    text = (
        "平潭综合实验区体育竞赛奖励办法（试行） 一、奖励原则（一）重点奖励录取名次的运动员。（二）适当奖励保障人员。"
        "二、奖励的范围和对象（一）奖励范围：奥运、亚运、全运项目（含残疾人运动项目）（二）奖励对象：由我区输送的运动员。"
        "三、审批程序（一）体育竞赛奖励每年计发一次。"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert ["二、", "（二）"] in paths


def test_the_names_of_a_list_of_attachments_are_never_clauses():
    text = (
        "某某办事指南\n一、政策依据\n1.某某办法\n二、事后抽查\n（一）抽查。\n区工科信局对企业注册情况进行抽查。\n"
        "附件：1.封面\n2.申请表\n3.承诺书\n附件1\n封面\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths == [["一、"], ["一、", "1."], ["二、"], ["二、", "（一）"]]
    run_on = clean(
        "某某奖励办法 一、奖励对象（一）引进企业。（二）引进项目。二、本办法自印发之日起施行。 "
        "附件：1.“首接首招”招商确认单2. 年度招商奖励情况兑现汇总表 3. 年度个人招商奖励情况兑现明细表 来源：中国平潭"
    )
    assert [c.path for c in run_on.clauses if c.number][-1] == ["二、"]


def test_an_item_about_a_years_figures_is_an_item():
    text = "某某办事指南\n四、资助标准\n1.年度销售额3亿元以上的批发企业，予以奖励。\n2.年度零售额3000万元以上的零售企业，予以奖励。\n"
    assert [c.path for c in clean(text).clauses if c.number] == [["四、"], ["四、", "1."], ["四、", "2."]]


def test_articles_numbered_in_the_thousands_are_each_a_clause():
    text = (
        "中华人民共和国民法典\n第一章　基本规定\n第一条　为了保护民事主体的合法权益，制定本法。\n"
        "第三章　责任主体的特殊规定\n"
        "第一千一百八十八条　无民事行为能力人造成他人损害的，由监护人承担侵权责任。\n"
        "第一千一百八十九条　监护人将监护职责委托给他人的，监护人应当承担侵权责任。\n"
        "第一千二百零一条　受到第三人人身损害的，由第三人承担侵权责任。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths[-4:] == [
        ["第三章"],
        ["第三章", "第一千一百八十八条"],
        ["第三章", "第一千一百八十九条"],
        ["第三章", "第一千二百零一条"],
    ]


def test_a_first_item_glued_to_a_flattened_tables_header_opens_the_list_its_second_goes_on_with():
    filler = "对台湾籍商户给予直接租房补贴，按照交易市场承租面积补贴，试行一年。" * 24
    text = (
        "对台小额商品交易市场扶持措施实施细则 第一条 为促进市场繁荣，制定本细则。第五条 扶持内容及申请条件 "
        "扶持内容申请条件(一）105号文扶持内容及申请条件1.进口运费补贴。给予进口货物收货人运费补贴。"
        "2.二次装修补贴。按照实际经营面积给予补贴。" + filler + "3.会展补助。给予承办方一次性补助。"
        "（二）其他扶持内容4.电费补贴。补贴期限至2018年底。第六条 本细则自发布之日起执行。"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert ["第五条", "(一）", "1."] in paths and ["第五条", "(一）", "3."] in paths
    assert ["第五条", "（二）"] in paths


def test_a_chinese_numeral_label_that_goes_on_with_its_sequence_in_a_run_on_capture():
    formula = "核定财政补贴=核定公交运营成本-核定公交客运收入，按季度预拨、次年清算。" * 24
    text = (
        "平潭综合实验区城市公交财政补贴管理办法 一、补贴范围（一）本办法所称财政补贴是指本级财政预算安排的补贴。"
        "二、财政补贴核定方法（一）核定财政补贴"
        + formula
        + "核定公交客运收入（二）纳入公交运营成本项目人工费用。"
        "实发财政补贴=核定财政补贴+其他业务奖励三、年度补贴资金清算流程（一）企业申报。"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert ["二、", "（二）"] in paths and ["三、"] in paths and ["三、", "（一）"] in paths


def test_an_item_that_is_a_bare_name_is_its_own_heading():
    text = "中华人民共和国劳动法\n第四十条　用人单位在下列节日期间应当依法安排劳动者休假：\n（一）元旦；\n（二）春节；\n（三）依法应当安排劳动者休假的其他休假节日。\n"
    heads = [c.heading for c in clean(text).clauses if c.number and len(c.path) == 2]
    assert heads[:2] == ["元旦", "春节"]


def test_the_notes_after_a_reports_text_are_numbered_on_their_own():
    text = (
        "宜春市2022年国民经济和社会发展统计公报\n"
        "一、综合\n初步核算，全年实现地区生产总值3473.12亿元。\n"
        "二、资源和环境\n全年全社会能源消费总量1281.17万吨标准煤；万元GDP能耗0.37吨标准煤。\n"
        "注释：\n"
        "1.本公报中数据均为初步统计数。\n"
        "2.电信业务总量是指以货币形式表示的各类电信服务的总数量。\n"
        "3.万元GDP能耗按2020年不变价格计算。\n"
    )
    clauses = [c for c in clean(text).clauses if c.number]
    assert [c.path for c in clauses] == [["一、"], ["二、"], ["1."], ["2."], ["3."]]  # not items of 二、
    assert clauses[-1].text.startswith("3.万元GDP能耗")  # a figure's unit, but the list goes on


def test_a_number_before_a_unit_on_a_line_of_its_own_is_a_figure():
    text = "关于拨付补助资金的通知\n一、补助标准\n每家企业补助：\n5 万元，一次性拨付。\n二、拨付方式\n由财政局拨付。\n"
    assert [c.path for c in clean(text).clauses if c.number] == [["一、"], ["二、"]]


def test_a_laws_order_line_and_articles_and_chapters_glued_to_the_sentence_before():
    text = (
        "# 中华人民共和国仲裁法\n（中华人民共和国主席令第 31 号）\n"
        "(1994 年 8 月 31 日第八届全国人民代表大会常务委员会第九次会议通过)\n"
        "## 第一章 总 则\n第一条 【立法宗旨】为保证公正、及时地仲裁经济纠纷，制定本法。\n"
        "第二条 【积极适用范围】平等主体的公民、法人和其他组织之\n"
        "间发生的合同纠纷，可以仲裁。第三条 【消极适用范围】下列纠纷不能仲裁:\n"
        "（一）婚姻、收养、监护、扶养、继承纠纷；\n"
        "第四条 【仲裁规则】中国仲裁协会依照本法制定仲裁规则。第二章 仲裁协议\n"
        "第五条 【仲裁协议】仲裁协议包括合同中订立的仲裁条款。依照第四条规定的规则，第五条所称的协议应当书面订立。\n"
    )
    doc = clean(text)
    assert doc.doc_number == "中华人民共和国主席令第31号"
    assert (doc.published, doc.signed) == ("1994-08-31", "1994-08-31")
    assert [c.path for c in doc.clauses if c.number] == [
        ["第一章"],
        ["第一章", "第一条"],
        ["第一章", "第二条"],
        ["第一章", "第三条"],
        ["第一章", "第三条", "（一）"],
        ["第一章", "第四条"],
        ["第二章"],
        ["第二章", "第五条"],  # 第四条规定的… and 第五条所称… cite articles
    ]


def test_an_annex_head_on_a_line_of_its_own_numbers_its_annex_afresh():
    text = (
        "先进制造业企业技改后奖补办事指南\n一、申请条件\n（一）企业申报当年须是区内规模以上工业企业；\n"
        "二、申请材料\n1.营业执照；\n2.项目建设情况报告（见附件2）。\n"
        "附件1\n承诺书\n一、对提交的各项申请材料的真实性负责。\n二、对相关奖励政策已知悉。\n"
        "附件2：\n项目建设情况报告\n1.申报单位的基本情况和财务状况。\n2.项目建设的背景、必要性和市场情况。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths[-4:] == [["一、"], ["二、"], ["1."], ["2."]]  # annex 2's items are not under annex 1's 二、


def test_a_tables_notes_sit_under_the_article_that_holds_the_table():
    text = (
        "平潭对台小额商品交易市场扶持细则\n第五条 扶持内容及申请条件\n（一）场所扶持\n1.商铺三年内免租金扶持。\n"
        "（二）资金扶持\n2.经营生鲜冷冻水产品的商户，可享受电费补贴。注：按上述条件，每半年审核一次。\n备注：\n"
        "1.“申请条件”中的“正常运营”指：按商铺租赁合同约定如期开业。\n2.“申请条件”中的“正式员工”指：与用人单位签订劳动合同的员工。\n"
        "第六条 本细则自发布之日起执行。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths[-3:] == [["第五条", "1."], ["第五条", "2."], ["第六条"]]


def test_a_circled_items_heading_is_its_case_up_to_its_end():
    text = (
        "南沙区总部企业认定细则\n第二条 认定标准如下：\n1.年营业收入符合下列条件之一：\n"
        "①工业：营业收入2000万元及以上；\n②建筑业：营业收入5000万元及以上；\n"
    )
    heads = [c.heading for c in clean(text).clauses if c.number and c.number.startswith(("①", "②"))]
    assert heads == ["工业：营业收入2000万元及以上", "建筑业：营业收入5000万元及以上"]


def test_items_numbered_across_sections_after_a_short_heading_in_a_run_on_record():
    sentence = (
        "所需资金由市级财政和受益县（市、区）财政按规定比例承担，具体办法由市商务局会同市财政局另行制定。"
    )
    line = (
        "各区市县人民政府，市级各部门：现将有关措施印发给你们，请认真贯彻执行。"
        "一、实施重点企业“百企扶持”计划（一）在现代物流、电子商务领域遴选重点企业给予扶持。"
        + sentence
        * 4
        + ""
        "二、加快商贸服务业项目投资（二）凡符合商贸流通业发展规划要求的项目给予奖励。" + sentence * 4 + ""
        "三、培育骨干商贸服务企业（三）对当年新培育的限额商贸企业给予奖励。（四）对经省级认定的企业给予奖励。"
        + sentence
        * 4
    )
    paths = [c.path for c in clean(line).clauses if c.number]
    assert paths == [
        ["一、"],
        ["一、", "（一）"],
        ["二、"],
        ["二、", "（二）"],
        ["三、"],
        ["三、", "（三）"],
        ["三、", "（四）"],
    ]


def test_a_run_on_cover_letter_signed_right_before_the_title_it_carries_and_a_signature_after_a_tag():
    text = (
        "各区市县人民政府，市级有关部门：《广安市促进返乡下乡创业实施方案》已经五届市政府第32次常务会议审议通过，"
        "现印发你们，请结合实际，抓好贯彻落实。广安市人民政府办公室2019年2月19日广安市促进返乡下乡创业实施方案"
        "为全面落实返乡下乡创业政策，制定本方案。一、总体要求坚持市场主导。"
    )
    doc = clean(text)
    assert (doc.issuer, doc.signed) == ("广安市人民政府办公室", "2019-02-19")
    tagged = clean(
        "各区市县人民政府：现提出以下实施意见。一、工作目标到2017年底建成平台。二、加强宣传普及健康医疗大数据应用知识。"
        "（责任部门：市卫生计生委、市政府新闻办）广安市人民政府办公室2017年2月22日相关附件：二维码开始扫一扫"
    )
    assert (tagged.issuer, tagged.signed) == ("广安市人民政府办公室", "2017-02-22")


def test_an_item_about_individuals_is_an_item_not_a_count():
    text = (
        "关于开展汽车促消费活动的通知\n二、申报条件\n（一）企业条件\n1.注册地在平潭的汽车销售企业；\n"
        "（二）其他要求\n1.个人消费者于活动期内购买新车。\n2.个体工商户不参与本次活动。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths[-2:] == [["二、", "（二）", "1."], ["二、", "（二）", "2."]]


def test_a_list_printed_on_one_line_with_nothing_between_its_items():
    text = (
        "关于医师执业注册中执业范围的暂行规定\n一、医师执业范围\n（一）临床类别医师执业范围\n"
        "1、内科专业2、外科专业3、妇产科专业4、儿科专业\n（二）口腔类别医师执业范围\n1、口腔专业2、省级以上卫生行政部门规定的其他专业\n"
        "（三）其他\n1.按照要求报送2、3个项目的材料。\n"
    )
    paths = ["/".join(c.path) for c in clean(text).clauses if c.number]
    assert paths[2:6] == ["一、/（一）/1、", "一、/（一）/2、", "一、/（一）/3、", "一、/（一）/4、"]
    assert "一、/（二）/2、" in paths and "一、/（三）/2、" not in paths


def test_an_entry_of_a_contents_list_holds_nothing():
    # 南沙 高企入统 指南: the annex's contents list, then the 承诺书's 一、二、 (siblings of the list, not its items)
    text = (
        "2017年度高新技术企业入统奖励申报材料\n目录\n"
        "1. 2017年度高新技术企业入统奖励申请表………………………01\n"
        "2. 营业执照…………………………………………………………xx\n"
        "3. 承诺书……………………………………………………………xx\n"
        "承诺书\n"
        "一、对提交的各项申请材料的真实性、有效性负责，复印件与原件是一致的。\n"
        "二、承诺自获得奖励扶持后，10年内注册及办公地址不迁离南沙区。\n"
    )
    paths = ["/".join(c.path) for c in clean(text).clauses if c.number]
    assert paths == ["1.", "2.", "3.", "一、", "二、"]


def test_a_number_closing_the_bracket_before_it_is_no_item():
    # 平潭 增产增效 奖励 notice, run on into one line: "（附件1）；" names an annex, it opens no item 1）
    rule = "符合条件的企业于7月14日前将申报材料送至区经发局工信处，逾期不予受理，材料不全的不予受理。" * 20
    line = (
        "关于申报2023年二季度增产增效奖励的通知 一、申报条件" + rule + "二、申报材料 具体申报材料如下："
        "（一）2023年二季度增产增效申请表（附件1）；（二）通过联网直报系统打印的《工业产销总值及主要产品产量》；"
        "（三）承诺书（附件2）；（四）相关证明材料。三、其他事项 按规定执行。"
    )
    clauses = [c for c in clean(line).clauses if c.number]
    assert ["/".join(c.path) for c in clauses][-6:] == [
        "二、",
        "二、/（一）",
        "二、/（二）",
        "二、/（三）",
        "二、/（四）",
        "三、",
    ]
    assert clauses[-5].text.endswith("（附件1）；")


def test_an_article_caption_closed_by_a_full_stop_is_its_heading():
    # 广安 社科评奖办法: 第十八条　特别奖。成果在…
    text = (
        "广安市社会科学优秀成果评奖办法\n第一条　为繁荣发展哲学社会科学，制定本办法。\n"
        "第十八条　特别奖。成果在省内外具有重大影响，具有重要学术价值的成果，可授予特别奖。\n"
        "第十九条　本办法自发布之日起施行。\n"
    )
    heads = [c.heading for c in clean(text).clauses if c.number]
    assert heads == [None, "特别奖", None]
