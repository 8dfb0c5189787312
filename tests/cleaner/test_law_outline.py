"""The clause outline of laws and regulations: 条 (article) > 款 (its paragraphs) > 项 （一） > 目 1.

A 款 is a paragraph of its article, never a clause of its own: it goes in the
article's text.  The excerpts are quoted verbatim from LawRefBook/Laws at
commit 3cd6e86b80f0fac5478dc34216c80e8c0a82b9f0 (the national folders; the path
is given with each); `policy bench laws` counts the same shapes over the whole
corpus, never the tests.
"""

from __future__ import annotations

from cleaner import clean

ARTICLE_ONE = "第一条 为了规范管理工作，根据有关法律，制定本条例。\n\n"


def _law(title: str, body: str) -> dict[str, str]:
    doc = clean(
        f"# {title}\n\n2000年1月1日 国务院第十三次常务会议通过\n\n<!-- INFO END -->\n\n{ARTICLE_ONE}{body}"
    )
    assert doc.title == title
    return {"/".join(c.path): c.text for c in doc.clauses}


# 经济法/中国人民银行法.md, 第四条 and 第五条
PBOC = """第四条 中国人民银行履行下列职责：

（一）发布与履行其职责有关的命令和规章；

（二）依法制定和执行货币政策；

（三）发行人民币，管理人民币流通；

（四）监督管理银行间同业拆借市场和银行间债券市场；

（五）实施外汇管理，监督管理银行间外汇市场；

（六）监督管理黄金市场；

（七）持有、管理、经营国家外汇储备、黄金储备；

（八）经理国库；

（九）维护支付、清算系统的正常运行；

（十）指导、部署金融业反洗钱工作，负责反洗钱的资金监测；

（十一）负责金融业的统计、调查、分析和预测；

（十二）作为国家的中央银行，从事有关的国际金融活动；

（十三）国务院规定的其他职责。

中国人民银行为执行货币政策，可以依照本法第四章的有关规定从事金融业务活动。

第五条 中国人民银行就年度货币供应量、利率、汇率和国务院规定的其他重要事项作出的决定，报国务院批准后执行。
"""


def test_a_paragraph_after_the_closed_list_of_items_is_the_articles_next_paragraph():
    clauses = _law("中华人民共和国中国人民银行法", PBOC)
    assert clauses["第四条/（十三）"] == "（十三）国务院规定的其他职责。"
    assert clauses["第四条"] == (
        "第四条 中国人民银行履行下列职责：\n中国人民银行为执行货币政策，可以依照本法第四章的有关规定从事金融业务活动。"
    )
    assert clauses["第五条"].startswith("第五条 中国人民银行就年度货币供应量")


# 行政法规/特殊标志管理条例.md, 第八条: items holding a paragraph of their own, then a 款 citing 前款
SPECIAL_MARKS = """第八条 国务院工商行政管理部门收到申请后，按照以下规定处理：

(一)符合本条例有关规定，申请文件齐备无误的，自收到申请之日起15日内，发给特殊标志登记申请受理通知书，并在发出通知之日起2个月内，将特殊标志有关事项、图样和核准使用的商品和服务项目，在特殊标志登记簿上登记，发给特殊标志登记证书。

特殊标志经核准登记后，由国务院工商行政管理部门公告。

(二)申请文件不齐备或者有误的，自收到申请之日起10日内发给特殊标志登记申请补正通知书，并限其自收到通知之日起15日内予以补正；期满不补正或者补正仍不符合规定的，发给特殊标志登记申请不予受理通知书。

(三)违反本条例第四条规定的，自收到申请之日起15日内发给特殊标志登记申请驳回通知书。申请人对驳回通知不服的，可以自收到驳回通知之日起15日内，向国务院工商行政管理部门申请复议。

前款所列各类通知书，由国务院工商行政管理部门送达申请人或者其代理人。因故不能直接送交的，以国务院工商行政管理部门公告或者邮寄之日起的20日为送达日期。

第九条 特殊标志有效期为4年，自核准登记之日起计算。
"""


def test_a_paragraph_citing_the_paragraph_before_it_is_the_articles_even_after_items_with_paragraphs():
    clauses = _law("特殊标志管理条例", SPECIAL_MARKS)
    assert clauses["第八条/(一)"].endswith(
        "发给特殊标志登记证书。\n特殊标志经核准登记后，由国务院工商行政管理部门公告。"
    )
    assert clauses["第八条/(三)"].endswith("向国务院工商行政管理部门申请复议。")
    assert clauses["第八条"].endswith(
        "\n前款所列各类通知书，由国务院工商行政管理部门送达申请人或者其代理人。"
        "因故不能直接送交的，以国务院工商行政管理部门公告或者邮寄之日起的20日为送达日期。"
    )


# 行政法规/企业所得税法实施条例.md, 第八十六条: 目 (1．) under 项, then the article's last 款
ENTERPRISE_TAX = """第八十六条 企业所得税法第二十七条第(一)项规定的企业从事农、林、牧、渔业项目的所得，可以免征、减征企业所得税，是指：

(一)企业从事下列项目的所得，免征企业所得税：

1．蔬菜、谷物、薯类、油料、豆类、棉花、麻类、糖料、水果、坚果的种植；

2．农作物新品种的选育；

3．中药材的种植；

4．林木的培育和种植；

5．牲畜、家禽的饲养；

6．林产品的采集；

7．灌溉、农产品初加工、兽医、农技推广、农机作业和维修等农、林、牧、渔服务业项目；

8．远洋捕捞。

(二)企业从事下列项目的所得，减半征收企业所得税：

1．花卉、茶以及其他饮料作物和香料作物的种植；

2．海水养殖、内陆养殖。

企业从事国家限制和禁止发展的项目，不得享受本条规定的企业所得税优惠。

第八十七条 企业所得税法第二十七条第(二)项所称国家重点扶持的公共基础设施项目，是指《公共基础设施项目企业所得税优惠目录》规定的港口码头、机场、铁路、公路、城市公共交通、电力、水利等项目。
"""


def test_only_the_article_has_paragraphs_so_one_after_a_list_of_sub_items_goes_back_to_it():
    clauses = _law("中华人民共和国企业所得税法实施条例", ENTERPRISE_TAX)
    assert clauses["第八十六条/(二)/2．"] == "2．海水养殖、内陆养殖。"
    assert clauses["第八十六条/(二)"] == "(二)企业从事下列项目的所得，减半征收企业所得税："
    assert clauses["第八十六条"].endswith(
        "是指：\n企业从事国家限制和禁止发展的项目，不得享受本条规定的企业所得税优惠。"
    )


# tests/fixtures/cleaner/real/platform_nansha_zongbu_xize_chapters_sections.html (第二十八条, as the page
# prints it): items that are captions of steps keep the paragraphs under them
STEPS = """第二十八条 总部型企业与国际组织（机构）地区总部的认定与奖励评审工作按以下程序进行：
（一）企业申报。
企业向政策兑现窗口申请，并提交申报资料（需提供原件和复印件，核验原件，收取复印件，复印件须加盖企业印章）。
（二）部门审查。
对原已认定的总部型企业，由发改局负责企业申报材料真实性核查，形成拟拨付的奖励金额。
第二十九条 申报总部型企业认定、落户奖、经营贡献奖的企业，应提交以下材料：
"""


def test_a_step_that_is_a_caption_keeps_its_paragraph():
    clauses = _law("广州南沙新区（自贸片区）促进总部经济发展扶持办法实施细则", STEPS)
    assert clauses["第二十八条/（一）"].startswith("（一）企业申报。\n企业向政策兑现窗口申请")
    assert clauses["第二十八条/（二）"].startswith("（二）部门审查。\n对原已认定的总部型企业")
    assert "\n" not in clauses["第二十八条"]


# 民法商法/民法典.md, 第二百零四条 to 第二百零五条: a code's 编 and 分编 over its chapters
CIVIL_CODE = """第二百零四条 期间的计算方法依照本法的规定，但是法律另有规定或者当事人另有约定的除外。

## 第二编 物权

第一分编 通则

### 第一章 一般规定

第二百零五条 本编调整因物的归属和利用产生的民事关系。
"""


def test_a_codes_volume_and_sub_volume_are_levels_above_its_chapters():
    clauses = _law("中华人民共和国民法典", CIVIL_CODE)
    assert (
        clauses["第二百零四条"]
        == "第二百零四条 期间的计算方法依照本法的规定，但是法律另有规定或者当事人另有约定的除外。"
    )
    assert clauses["第二编"] == "第二编 物权"
    assert clauses["第二编/第一分编"] == "第一分编 通则"
    assert clauses["第二编/第一分编/第一章/第二百零五条"].startswith("第二百零五条 本编调整")
    doc = clean("# 中华人民共和国民法典\n\n" + ARTICLE_ONE + CIVIL_CODE)
    assert [c.heading for c in doc.clauses if c.number in ("第二编", "第一分编")] == ["物权", "通则"]


# 刑法/刑法.md, 第一百二十条 to 第一百二十条之二: articles an amendment added keep 之一, 之二 in their label
CRIMINAL_LAW = """第一百二十条 组织、领导恐怖活动组织的，处十年以上有期徒刑或者无期徒刑，并处没收财产；积极参加的，处三年以上十年以下有期徒刑，并处罚金；其他参加的，处三年以下有期徒刑、拘役、管制或者剥夺政治权利，可以并处罚金。

犯前款罪并实施杀人、爆炸、绑架等犯罪的，依照数罪并罚的规定处罚。

第一百二十条之一 资助恐怖活动组织、实施恐怖活动的个人的，或者资助恐怖活动培训的，处五年以下有期徒刑、拘役、管制或者剥夺政治权利，并处罚金；情节严重的，处五年以上有期徒刑，并处罚金或者没收财产。

为恐怖活动组织、实施恐怖活动或者恐怖活动培训招募、运送人员的，依照前款的规定处罚。

单位犯前两款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照第一款的规定处罚。

第一百二十条之二 有下列情形之一的，处五年以下有期徒刑、拘役、管制或者剥夺政治权利，并处罚金；情节严重的，处五年以上有期徒刑，并处罚金或者没收财产：

（一）为实施恐怖活动准备凶器、危险物品或者其他工具的；
"""


def test_an_article_added_after_another_is_its_own_clause_with_its_whole_label():
    clauses = _law("中华人民共和国刑法", CRIMINAL_LAW)
    assert [key for key in clauses if key.startswith("第一百二十条")] == [
        "第一百二十条",
        "第一百二十条之一",
        "第一百二十条之二",
        "第一百二十条之二/（一）",
    ]
    assert clauses["第一百二十条之一"].endswith("依照第一款的规定处罚。")


# 经济法/矿产资源法.md, 第四十四条 to 第四十六条: articles cited after a sentence end inside an article
MINERALS = """第四十四条 违反本法规定，采取破坏性的开采方法开采矿产资源的，处以罚款，可以吊销采矿许可证；造成矿产资源严重破坏的，依照刑法有关规定对直接责任人员追究刑事责任。

第四十五条 本法第三十九条、第四十条、第四十二条规定的行政处罚，由县级以上人民政府负责地质矿产管理工作的部门按照国务院地质矿产主管部门规定的权限决定。第四十三条规定的行政处罚，由县级以上人民政府工商行政管理部门决定。第四十四条规定的行政处罚，由省、自治区、直辖市人民政府地质矿产主管部门决定。给予吊销勘查许可证或者采矿许可证处罚的，须由原发证机关决定。

依照第三十九条、第四十条、第四十二条、第四十四条规定应当给予行政处罚而不给予行政处罚的，上级人民政府地质矿产主管部门有权责令改正或者直接给予行政处罚。

第四十六条 当事人对行政处罚决定不服地，可以依法申请复议，也可以依法直接向人民法院起诉。
"""


def test_an_article_cited_after_a_sentence_end_that_does_not_go_on_with_the_numbering_opens_nothing():
    clauses = _law("中华人民共和国矿产资源法", MINERALS)
    assert list(clauses)[-3:] == ["第四十四条", "第四十五条", "第四十六条"]
    assert "。第四十三条规定的行政处罚" in clauses["第四十五条"]


# 行政法规/城镇国有土地使用权出让和转让暂行条例.md, 第四十五条 (四): 本条例's chapter cited inside an item
LAND = """第四十五条 符合下列条件的，经市、县人民政府土地管理部门和房产管理部门批准，其划拨土地使用权和地上建筑物、其他附着物所有权可以转让、出租、抵押：

(一)土地使用者为公司、企业、其他经济组织和个人；

(二)领有国有土地使用证；

(三)具有地上建筑物、其他附着物合法的产权证明；

(四)依照本条例第二章的规定签订土地使用权出让合同，向当地市、县人民政府补交土地使用权出让金或者以转让、出租、抵押所获收益抵交土地使用权出让金。

转让、出租、抵押前款划拨土地使用权的，分别依照本条例第三章、第四章和第五章的规定办理。
"""


def test_a_chapter_named_after_this_regulation_is_cited_not_opened():
    clauses = _law("中华人民共和国城镇国有土地使用权出让和转让暂行条例", LAND)
    assert clauses["第四十五条/(四)"].startswith("(四)依照本条例第二章的规定签订")
    assert not any(key.startswith("第二章") for key in clauses)
    assert clauses["第四十五条"].endswith("分别依照本条例第三章、第四章和第五章的规定办理。")


# 刑法/刑法修正案9.md, the file's first 16 lines: an amendment quotes an article of several paragraphs, each
# opening with “ and only the last closing with ”
AMENDMENT = """# 中华人民共和国刑法修正案（九）

本修正案自2015年11月1日起实行

2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议通过

<!-- INFO END -->

在刑法第三十七条后增加一条，作为第三十七条之一:“因利用职业便利实施犯罪，或者实施违背职业要求的特定义务的犯罪被判处刑罚的，人民法院可以根据犯罪情况和预防再犯罪的需要，禁止其自刑罚执行完毕之日或者假释之日起从事相关职业，期限为三年至五年。

- “被禁止从事相关职业的人违反人民法院依照前款规定作出的决定的，由公安机关依法给予处罚；情节严重的，依照本法第三百一十三条的规定定罪处罚。

- “其他法律、行政法规对其从事相关职业另有禁止或者限制性规定的，从其规定。”

将刑法第五十条第一款修改为:“判处死刑缓期执行的，在死刑缓期执行期间，如果没有故意犯罪，二年期满以后，减为无期徒刑；如果确有重大立功表现，二年期满以后，减为二十五年有期徒刑；如果故意犯罪，情节恶劣的，报请最高人民法院核准后执行死刑；对于故意犯罪未执行死刑的，死刑缓期执行的期间重新计算，并报最高人民法院备案。”
"""


def test_an_amendment_quoting_an_article_of_several_paragraphs_is_one_clause():
    doc = clean(AMENDMENT)
    assert doc.title == "中华人民共和国刑法修正案（九）"
    assert (doc.issuer, doc.signed) == ("全国人民代表大会常务委员会", "2015-08-29")
    texts = [c.text for c in doc.clauses]
    assert len(texts) == 2
    assert texts[0].startswith("在刑法第三十七条后增加一条，作为第三十七条之一")
    assert texts[0].endswith("\n“其他法律、行政法规对其从事相关职业另有禁止或者限制性规定的，从其规定。”")
    assert texts[1].startswith("将刑法第五十条第一款修改为")


# 刑法/刑法修正案1.md, lines 1-13: an amendment item that lost its 一、 starts with the article it changes
FIRST_AMENDMENT = """# 中华人民共和国刑法修正案

本修正案自公布之日起实行

1999年12月25日 第九届全国人民代表大会常务委员会第十三次会议通过

<!-- INFO END -->

为了惩治破坏社会主义市场经济秩序的犯罪，保障社会主义现代化建设的顺利进行，对刑法作如下补充修改：

第一百六十二条后增加一条，作为第一百六十二条之一：“隐匿或者故意销毁依法应当保存的会计凭证、会计帐簿、财务会计报告，情节严重的，处五年以下有期徒刑或者拘役，并处或者单处二万元以上二十万元以下罚金。

- “单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照前款的规定处罚。”
"""


def test_an_article_cited_by_the_amendment_that_changes_it_is_no_label():
    doc = clean(FIRST_AMENDMENT)
    assert [c.path for c in doc.clauses] == [[], []]
    # (the sentence announcing the amendments is the document's first paragraph, not an addressee line)
    assert doc.clauses[0].text.endswith("对刑法作如下补充修改：")
    assert doc.clauses[1].text.startswith("第一百六十二条后增加一条")
    assert doc.clauses[1].text.endswith("依照前款的规定处罚。”")


# 刑法/刑法.md, lines 2429-2452 (第四百五十一条 to 附件一's first items): 附则 printed without a 第X章, then annexes
# numbered in words
ANNEXES = """第四百五十一条 本章所称战时，是指国家宣布进入战争状态、部队受领作战任务或者遭敌突然袭击时。

部队执行戒严任务或者处置突发性暴力事件时，以战时论。

## 附则

第四百五十二条 本法自1997年10月1日起施行。

列于本法附件一的全国人民代表大会常务委员会制定的条例、补充规定和决定，已纳入本法或者已不适用，自本法施行之日起，予以废止。

列于本法附件二的全国人民代表大会常务委员会制定的补充规定和决定予以保留。其中，有关行政处罚和行政措施的规定继续有效；有关刑事责任的规定已纳入本法，自本法施行之日起，适用本法规定。

## 附件一

全国人民代表大会常务委员会制定的下列条例、补充规定和决定，已纳入本法或者已不适用，自本法施行之日起，予以废止：

1．中华人民共和国惩治军人违反职责罪暂行条例

2．关于严惩严重破坏经济的罪犯的决定
"""


def test_a_division_without_a_number_and_annexes_numbered_in_words_stand_apart_from_the_last_article():
    doc = clean("# 中华人民共和国刑法\n\n" + ARTICLE_ONE + ANNEXES)
    by_text = {c.text: c.path for c in doc.clauses}
    assert by_text["附则"] == [] and by_text["附件一"] == []
    last = next(c for c in doc.clauses if c.number == "第四百五十一条")
    assert last.text.endswith("以战时论。")
    article = next(c for c in doc.clauses if c.number == "第四百五十二条")
    assert article.text.endswith("适用本法规定。")
    assert [c.path for c in doc.clauses if c.number and c.number.startswith("1")] == [["1．"]]


def test_a_first_article_that_opens_a_list_with_a_colon_is_no_addressee_line():
    doc = clean(
        "# 特殊标志管理条例\n\n1996年7月13日 中华人民共和国国务院令第202号发布\n\n<!-- INFO END -->\n\n"
        + SPECIAL_MARKS
    )
    assert [c.path for c in doc.clauses][:2] == [["第八条"], ["第八条", "(一)"]]
    assert doc.clauses[0].text.startswith("第八条 国务院工商行政管理部门收到申请后，按照以下规定处理：")


# 民法商法/海商法.md, 第一百九十九条: a paragraph between two items of one list is the item's before it
AVERAGE = """第一百九十九条 共同海损应当由受益方按照各自的分摊价值的比例分摊。

船舶、货物和运费的共同海损分摊价值，分别依照下列规定确定：

（一）船舶共同海损分摊价值，按照船舶在航程终止时的完好价值，减除不属于共同海损的损失金额计算，或者按照船舶在航程终止时的实际价值，加上共同海损牺牲的金额计算。

（二）货物共同海损分摊价值，按照货物在装船时的价值加保险费加运费，减除不属于共同海损的损失金额和承运人承担风险的运费计算。货物在抵达目的港以前售出的，按照出售净得金额，加上共同海损牺牲的金额计算。

旅客的行李和私人物品，不分摊共同海损。

（三）运费分摊价值，按照承运人承担风险并于航程终止时有权收取的运费，减除为取得该项运费而在共同海损事故发生后，为完成本航程所支付的营运费用，加上共同海损牺牲的金额计算。
"""


def test_a_paragraph_between_two_items_of_one_list_stays_with_the_item_before_it():
    clauses = _law("中华人民共和国海商法", AVERAGE)
    assert clauses["第一百九十九条/（二）"].endswith("\n旅客的行李和私人物品，不分摊共同海损。")
    assert clauses["第一百九十九条"].endswith("分别依照下列规定确定：")
    assert clauses["第一百九十九条/（三）"].startswith("（三）运费分摊价值")


# 刑法/刑法修正案5.md, lines 1-12: the body opens with an amendment that quotes (not an addressee line)
FIFTH_AMENDMENT = """# 中华人民共和国刑法修正案（五）

本修正案自公布之日起实行

2005年2月28日 第十届全国人民代表大会常务委员会第十四次会议通过

<!-- INFO END -->

在刑法第一百七十七条后增加一条，作为第一百七十七条之一：“有下列情形之一，妨害信用卡管理的，处三年以下有期徒刑或者拘役,并处或者单处一万元以上十万元以下罚金；数量巨大或者有其他严重情节的，处三年以上十年以下有期徒刑，并处二万元以上二十万元以下罚金：

- “（一）明知是伪造的信用卡而持有、运输的，或者明知是伪造的空白信用卡而持有、运输，数量较大的；

"""


def test_a_first_line_that_quotes_is_no_addressee_line():
    doc = clean(FIFTH_AMENDMENT)
    assert doc.clauses[0].text.startswith(
        "在刑法第一百七十七条后增加一条，作为第一百七十七条之一：“有下列情形之一"
    )
    assert "\n“（一）明知是伪造的信用卡而持有" in doc.clauses[0].text


# 民法商法/涉外民事关系法律适用法.md, lines 1-10: the first chapter right under the adoption line
CHOICE_OF_LAW = """# 中华人民共和国涉外民事关系法律适用法

2010年10月28日 第十一届全国人民代表大会常务委员会第十七次会议通过

<!-- INFO END -->

## 第一章 一般规定

第一条 为了明确涉外民事关系的法律适用，合理解决涉外民事争议，维护当事人的合法权益，制定本法。

"""


def test_the_first_chapter_under_the_adoption_line_is_no_second_title_line():
    doc = clean(CHOICE_OF_LAW)
    assert doc.title == "中华人民共和国涉外民事关系法律适用法"
    assert [c.path for c in doc.clauses][:2] == [["第一章"], ["第一章", "第一条"]]
