"""Rules of the real set (issue 12) for captures and texts run on into long lines: articles, chapters and items
glued to what comes before them."""

from __future__ import annotations

from cleaner import clean


def test_an_article_whose_text_opens_with_its_first_item_on_its_own_line():
    text = (
        "南沙区总部企业认定实施细则\n第一章 总则\n第一条 为促进总部经济发展，制定本细则。\n第二章 扶持措施\n第五条 （一）对新落户的总部型企业给予落户奖励：\n"
        "1.对内资企业，按实缴注册资本给予奖励。\n（二）对新认定的总部企业给予奖励。\n第六条 申请落户奖的企业应当自认定当年起提出申请。\n"
    )
    paths = ["/".join(c.path) for c in clean(text).clauses if c.number]
    assert paths[3:7] == [
        "第二章/第五条",
        "第二章/第五条/（一）",
        "第二章/第五条/（一）/1.",
        "第二章/第五条/（二）",
    ]


def test_a_chapter_heading_that_lists_runs_into_its_first_article():
    body = "评奖工作坚持公平、公正的原则，按照有关规定组织实施，确保评审结果经得起检验。" * 20
    line = (
        "第一章　总则第一条　为繁荣发展哲学社会科学，制定本办法。"
        + body
        + "第四章　成果申报、评奖及奖励第十九条　申报社会科学优秀成果奖的公民或组织，按下列程序办理："
        "（一）市级单位作者向所在社科学会申报；（二）各县社科工作者向所在县社科联申报。"
    )
    paths = ["/".join(c.path) for c in clean(line).clauses if c.number]
    assert "第四章/第十九条" in paths and "第四章/第十九条/（一）" in paths


def test_a_title_running_into_its_first_article_set_apart_by_a_space():
    body = "生产经营单位应当建立健全事故隐患排查治理制度，落实主体责任，及时发现并消除事故隐患。" * 12
    line = (
        "各县（市、区）人民政府：《广安市生产安全事故隐患排查治理监督管理办法》已经市政府常务会议审议通过，现印发给你们，请认真贯彻执行。"
        "广安市人民政府办公室2023年12月13日广安市生产安全事故隐患排查治理监督管理办法第一条　为强化生产经营单位安全生产主体责任，制定本办法。"
        "第二条　本办法适用于本市行政区域。" + body + "第三条　符合办法第一条第（二）款规定的，从其规定。"
    )
    numbered = [c.number for c in clean(line).clauses if c.number]
    assert numbered == ["第一条", "第二条", "第三条"]  # 办法第一条第（二）款 cites one


def test_a_circled_label_that_goes_on_with_its_sequence_after_a_formula():
    rule = (
        "公交企业质量考核按照年度考核办法执行，考核结果作为财政补贴核定的重要依据，由交通部门负责组织实施。"
        * 20
    )
    line = (
        "一、总则"
        + rule
        + "二、质量考核绩效核定方法为：①质量考核成绩低于85分的，按以下公式核定：绩效=（成绩-85）×补贴×0.2%"
        "②质量考核成绩达到85分且不超过90分的，绩效为零。③质量考核成绩达到90分的，按公式核定。符合上述①、②条的，不再重复核定。"
    )
    paths = ["/".join(c.path) for c in clean(line).clauses if c.number]
    assert paths[-3:] == ["二、/①", "二、/②", "二、/③"]  # ①、②条 cites two


def test_a_section_list_starting_again_glued_to_its_formula():
    # 平潭 公交补贴办法 (capture): （三）'s list opens at 1 glued to the formula that heads it, after （二）'s 1.-13.,
    # and its 2 follows a formula's bracket
    rule = (
        "公交企业运营成本经审计后核定，按照规定的项目和标准列入成本费用，由财政部门负责审核并予以公示。" * 20
    )
    line = (
        "二、补贴核定（一）"
        + rule
        + "（二）成本费用构成1.人工成本按实际发生核定。2.燃料费按实际发生核定。3.维修费按实际发生核定。"
        "（三）公交客运收入构成核定公交客运收入=核定主营业务收入+其他业务收入+其他收入1．主营业务收入指公交企业的公交业务收入。"
        "规制主营业务收入=（最近两年主营业务收入总和/最近两年核定运营车辆数总和）×考核年度核定运营车辆数式中："
        "核定运营车辆数=Σ（运营车辆数×运营天数/年度总天数）2.其他业务收入包括租赁收入、广告收入等。3.其他收入按实际核定。"
    )
    paths = ["/".join(c.path) for c in clean(line).clauses if c.number]
    assert paths[-4:] == ["二、/（三）", "二、/（三）/1．", "二、/（三）/2.", "二、/（三）/3."]


def test_a_number_glued_to_a_word_with_no_list_after_it_is_no_label():
    rule = "项目资金实行专款专用，按照有关规定使用和管理，任何单位和个人不得截留、挤占或者挪用。" * 20
    line = (
        "一、资金管理"
        + rule
        + "二、补助标准对企业给予补助，补助资金共计分1．5批拨付到位。三、其他事项按规定执行。"
    )
    paths = ["/".join(c.path) for c in clean(line).clauses if c.number]
    assert paths == ["一、", "二、", "三、"]


def test_codes_are_no_labels_and_a_circled_label_before_a_word_of_age_is_one():
    # 平潭 台湾创业园 细则 (flattened table): A1、A2…类人才 names codes; "① 年龄在18—40周岁" is a condition
    rule = (
        "符合条件的企业可申请人才补贴，补贴标准按学历确定，补贴期限至2017年12月底，由园区统一审核后拨付。"
        * 10
    )
    line = (
        "第六条 扶持内容 （一）创业人才扶持 1.签订房屋租赁合同的用人单位可申请人才补贴："
        + rule
        + "注：选择享受本项补贴的，不可重复享受本细则第六条第14、15项生活津贴和租房补贴。 ① 年龄在18—40周岁，在园区工作时间满2个月的正式员工。"
        "② 用人单位正常运营满3个月，不存在重大违约行为。第七条 附则（一）本细则中的A1、A2、A3、B1、B2、B3类人才系"
        "闽岚综实管综〔2014〕59号文对人才的界定。A1类为中国科学院、中国工程院院士；A2类为国家有突出贡献中青年专家。第八条 本细则自发布之日起执行。"
    )
    paths = ["/".join(c.path) for c in clean(line).clauses if c.number]
    assert paths[-6:] == [
        "第六条/（一）/1.",
        "第六条/（一）/1./①",
        "第六条/（一）/1./②",
        "第七条",
        "第七条/（一）",
        "第八条",
    ]


def test_a_full_stop_number_going_on_with_its_list_before_a_unit_word():
    # 平潭 水价补贴办法: "…适时进行调整。3.年售水总量由供水企业提供…"
    rule = "单位供水成本需通过物价部门根据相关规定组织测算确认，并适时进行调整，测算结果报区管委会备案。" * 20
    line = (
        "第五条 水价补贴测算办法注:1."
        + rule
        + "2.实际供水价格的确定须以相关规定为依据，适时进行调整。3.年售水总量由供水企业提供相关台账。4.最终补贴值需通过财政部门核算。"
    )
    paths = ["/".join(c.path) for c in clean(line).clauses if c.number]
    assert paths[-3:] == ["第五条/2.", "第五条/3.", "第五条/4."]
