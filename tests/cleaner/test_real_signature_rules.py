"""General rules the real pages taught (issue 12) about who signed a document, each on a short verbatim excerpt.

Signature blocks, cover letters and what they carry, bylines and datelines,
republished documents filed under their signer.  The other fields are in
test_real_rules.py, the body's text and outline in test_real_outline_rules.py.
"""

from __future__ import annotations

from cleaner import clean

NEA_MENU = "设为首页\n工作邮箱\n搜索\n首页\n机构概览\n动态要闻\n信息公开\n"


NEA_TOOLS = "来源：\nAa\n字体：\n小\n|\n中\n|\n大\n"


NEA_FOOTER = (
    "扫一扫在手机打开当前页\n网站地图\n联系我们\n地址: 杭州市黄龙路8号\n邮编:310007\n"
    "主办单位: 国家能源局浙江监管办公室\n京ICP备11044902号\n"
)


def test_a_national_law_republished_by_a_city_office_is_not_the_offices():
    html = (
        "<html><head><meta name='ArticleTitle' content='中华人民共和国反不正当竞争法'>"
        "<meta name='ContentSource' content='中华人民共和国反不正当竞争法'></head><body>"
        "<table><tr><td>发布机构</td><td>&nbsp;武汉市工商局</td><td>公开日期</td><td>&nbsp;2018-01-01</td></tr></table>"
        "<div class='TRS_Editor'>"
        + "<p>第一条　为了促进社会主义市场经济健康发展，鼓励和保护公平竞争，制止不正当竞争行为，制定本法。</p>"
        * 4
        + "</div></body></html>"
    )
    doc = clean(html.encode())
    assert doc.issuer is None
    assert doc.region.province is None and doc.region.city is None


def test_a_cover_letter_signed_with_a_date_alone():
    text = (
        "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知\n包府办发〔2022〕43号\n"
        "各旗、县、区人民政府，稀土高新区管委会，市直有关部门、单位：\n"
        "　　经市人民政府同意，将《包头市2022年数字政府建设考评办法》印发给你们，请认真抓好落实。\n"
        "2022年4月14日\n　　包头市2022年数字政府建设考评办法\n　　一、考评对象\n　　各旗县区人民政府。\n"
    )
    doc = clean(text)
    assert doc.signed == "2022-04-14"
    assert doc.issuer == "包头市人民政府办公室"


def test_a_capture_run_on_into_one_line_keeps_headings_signatures_and_its_type():
    text = (
        "各县（市、区）人民政府，市直各部门：《广安市招商引资政策二十条（试行）》已经六届市政府第10次常务会议审议通过，"
        "现印发给你们，请遵照执行。广安市人民政府2022年4月29日广安市招商引资政策二十条（试行）"
        "为坚定落实“四大战略”部署，制定本政策。一、总体要求（一）指导思想。以新发展理念为指导。"
        "（二）基本原则。坚持市场主导。二、支持措施1.项目投资奖励。对新引进项目给予奖励。2.加快一、二、三产业融合。"
        "支持企业融合发展。本政策自2022年6月1日起施行。"
    )
    doc = clean(text)
    assert (doc.issuer, doc.signed) == ("广安市人民政府", "2022-04-29")
    assert [c.path for c in doc.clauses if c.number] == [
        ["一、"],
        ["一、", "（一）"],
        ["一、", "（二）"],
        ["二、"],
        ["二、", "1."],
        ["二、", "2."],
    ]
    signed_at_the_end = "为加快推进林业经济发展，现就有关事项提出如下实施意见。一、总体要求坚持生态优先。本意见自2022年10月3日起施行。广安市人民政府2022年9月2日相关附件：意见.pdf"
    doc = clean(signed_at_the_end)
    assert (doc.issuer, doc.signed, doc.doc_type) == ("广安市人民政府", "2022-09-02", "意见")
    # a sentence that goes on after the date is no signature
    assert (
        clean(
            "各区科技局：现印发给你们，请遵照执行。市科技局2023年1月1日起施行新办法。一、总体要求坚持创新。"
        ).signed
        is None
    )


def test_a_district_site_republishing_a_city_document_files_it_under_the_signature():
    html = (
        "<html><body><table><tr><td>发布机构：</td><td>广州市南沙区人民政府办公室</td>"
        "<td>发布日期：</td><td>2021-06-10</td></tr></table>"
        "<div class='TRS_Editor'><p>关于加快科技创新的若干措施</p><p>各区人民政府，市政府各部门：</p>"
        + "<p>为加快建设科技创新强市，制定本措施。</p><p>一、支持企业研发</p><p>对企业研发投入给予补助。</p>"
        * 3
        + "<p>广州市人民政府办公厅</p><p>2021年6月1日</p></div></body></html>"
    )
    doc = clean(html.encode())
    assert doc.issuer == "广州市人民政府办公厅"
    assert (doc.region.city, doc.region.county) == ("广州市", None)


def test_a_capture_without_a_title_line_takes_the_title_its_cover_letter_issues():
    text = (
        "各县（市、区）人民政府，市级各部门：《广安市玄武岩纤维产品推广应用措施》已经六届市政府第28次常务会议审议通过，"
        "现印发给你们，请认真抓好贯彻落实。广安市人民政府办公室2023年2月25日广安市玄武岩纤维产品推广应用措施"
        "玄武岩新材料产业是广安市重点发展的战略性新兴产业。一、推广应用领域（一）交通领域。推广玄武岩纤维沥青路面。"
    )
    doc = clean(text)
    assert doc.title == "广安市玄武岩纤维产品推广应用措施"
    assert (doc.issuer, doc.signed, doc.doc_type) == ("广安市人民政府办公室", "2023-02-25", "措施")


def test_a_government_order_names_its_number_issuer_and_signature():
    text = (
        "广东省公共数据管理办法\n广东省人民政府令\n\n（第290号）\n"
        "　　《广东省公共数据管理办法》已经2021年9月22日十三届广东省人民政府第164次常务会议通过，现予公布，自2021年11月25日起施行。\n"
        "省长　马兴瑞\n\n\n2021年10月18日\n广东省公共数据管理办法\n第一章　总则\n　　第一条　为了规范公共数据采集、使用、管理，制定本办法。\n"
    )
    doc = clean(text)
    assert (doc.title, doc.doc_number, doc.issuer, doc.signed) == (
        "广东省公共数据管理办法",
        "广东省人民政府令第290号",
        "广东省人民政府",
        "2021-10-18",
    )


def test_a_page_whose_text_is_only_its_attachment_is_filed_under_the_agency_that_runs_the_site():
    text = (
        "关于转发《国家发展改革委 国家能源局关于印发<电力中长期交易基本规则（暂行）>的通知》的通知\n"
        + NEA_MENU
        + "关于转发《国家发展改革委 国家能源局关于印发\n<\n电力中长期交易基本规则（暂行）>的通知》的通知\n"
        "2017-02-22 11:47\n" + NEA_TOOLS + "附件：\n" + NEA_FOOTER
    )
    doc = clean(text.encode())
    assert (
        doc.title
        == "关于转发《国家发展改革委 国家能源局关于印发<电力中长期交易基本规则（暂行）>的通知》的通知"
    )
    assert doc.published == "2017-02-22"
    assert doc.doc_type == "通知"  # a 转发 notice is the forwarding body's 通知
    assert doc.issuer == "国家能源局浙江监管办公室"  # not "Aa", the font tool under an empty 来源


def test_a_byline_under_the_title_signs_a_report_and_a_bracketed_name_closes_one():
    body = "一、综合\n初步核算，全年实现地区生产总值3473.12亿元，同比增长5.3%。\n二、农业\n全年农业总产值613.22亿元。\n"
    doc = clean(
        "江西省2022年国民经济和社会发展统计公报\n江西省统计局 国家统计局江西调查总队\n（2023年3月28日）\n"
        + body
    )
    assert (doc.issuer, doc.signed) == ("江西省统计局", "2023-03-28")
    assert [c.path for c in doc.clauses if c.number] == [["一、"], ["二、"]]
    month = clean(
        "万载县2022年国民经济和社会发展统计公报\n万载县统计局 国家统计局万载调查队\n（2023年5月）\n" + body
    )
    assert (month.issuer, month.signed) == ("万载县统计局", None)  # a month names no day
    closed = clean("万载县2015年国民经济和社会发展统计公报\n" + body + "（万载县统计局）\n")
    assert closed.issuer == "万载县统计局"
    assert "万载县统计局" not in closed.clauses[-2].text


def test_a_record_without_a_title_line_takes_the_title_its_cover_letter_hands_out():
    text = (
        "各县（市、区）人民政府，市直各部门：为进一步激发市场活力，现将《广安市激发市场活力推动经济持续回升和提质增效的若干政策措施》"
        "印发给你们，请结合以下要求一并抓好贯彻落实。一、加大政策宣传。各地各有关部门要多渠道加大政策宣传。"
        "二、及时兑付资金。各地要按政策规定足额落实资金，确保激励资金直达快享和政策实效。"
        "广安市人民政府办公室2023年11月13日（本文有删减）广安市激发市场活力推动经济持续回升和提质增效的若干政策措施"
        "为落实市委经济工作部署，结合实际，制定以下政策措施。一、支持企业扩大生产。对企业给予奖励。"
    )
    doc = clean(text)
    assert doc.title == "广安市激发市场活力推动经济持续回升和提质增效的若干政策措施"
    assert (doc.issuer, doc.signed) == ("广安市人民政府办公室", "2023-11-13")


def test_a_signature_spaced_out_to_the_width_of_the_name_above_and_a_related_files_block():
    body = "一、切实加强电网规划统筹协调\n电网规划是电力规划的重要组成部分，应实现合理覆盖。\n"
    doc = clean(
        "关于加强和规范电网规划投资管理工作的通知\n各省发展改革委：\n"
        + body
        + "国家发展改革委\n国 家 能 源 局\n2020年5月28日\n相关附件\n国家能源局关于印发实施方案的通知.pdf\n"
    )
    assert (doc.issuer, doc.signed) == ("国家发展和改革委员会", "2020-05-28")
    assert "相关附件" not in "\n".join(c.text for c in doc.clauses if c.number)


def test_a_line_or_two_of_furniture_under_a_signature_block_is_not_the_end_of_the_text():
    text = (
        "关于开展智能监管改革试点的通知\n（医保办函〔2025〕40 号）\n各省医疗保障局：\n一、工作意义\n推进智能监管落地应用。\n"
        "二、工作要求\n请各省级医保局按要求报送试点地区。\n国家医疗保障局办公室\n2025年4月23日\n"
        "国家医保局 国家卫生健康委 国家药监局关于建立\n"
    )
    doc = clean(text)
    assert (doc.issuer, doc.signed, doc.doc_number) == (
        "国家医疗保障局办公室",
        "2025-04-23",
        "医保办函〔2025〕40号",
    )


def test_a_signature_under_the_next_document_on_the_page_is_that_ones():
    text = (
        "医疗机构检查检验结果互认管理办法\n第一章 总则\n第一条 为进一步提高医疗资源利用率，制定本办法。\n"
        "第二条 本办法自2022年3月1日起施行。\n关于印发长期处方管理规范（试行）的通知\n（国卫办医发〔2021〕17 号）\n"
        "各省、自治区、直辖市卫生健康委：\n为规范长期处方管理，现将规范印发给你们，请遵照执行。\n"
        "国家卫生健康委办公厅\n国家医保局办公室\n2021年8月10日\n"
    )
    doc = clean(text)
    assert (doc.issuer, doc.signed) == (None, None)
    assert [c.path for c in doc.clauses if c.number] == [
        ["第一章"],
        ["第一章", "第一条"],
        ["第一章", "第二条"],
    ]
    assert any("长期处方" in c.text and not c.number for c in doc.clauses)  # kept, as a block of its own


def test_a_run_on_signature_of_joint_issuers_glued_to_its_date():
    from cleaner.pipeline import _run_on_signature

    line = "附件：1.奖励申请表2.承诺书 平潭综合实验区经济发展局 平潭综合实验区财政金融局2023年6月28日 附件1 奖励申请表"
    assert _run_on_signature(line) == ("平潭综合实验区经济发展局", "2023-06-28")


def test_a_news_agencys_dateline_opens_a_repost_lead():
    text = (
        "新华社北京1月7日电 近日，中共中央办公厅、国务院办公厅印发了《关于推进城市安全发展的意见》，并发出通知，要求各地区各部门认真贯彻落实。\n"
        "《关于推进城市安全发展的意见》全文如下。\n随着我国城市化进程明显加快，城市安全问题日益突出。\n"
        "一、总体要求\n（一）指导思想。全面贯彻党的十九大精神。\n"
    )
    doc = clean(text)
    assert (doc.title, doc.issuer) == ("关于推进城市安全发展的意见", "中共中央办公厅")


def test_a_signature_the_closing_lines_follow_signs_the_text():
    # 广东 发改委 申报通知: "广东省发展改革委" / "2025年9月29日" / "相关附件："
    text = (
        "广东省发展改革委关于申报新能源可持续发展价格结算机制存量项目的通知\n各地级以上市发展改革局：\n"
        "一、申报范围\n已全容量并网的新能源项目。\n二、工作要求\n请按时报送。\n"
        "附件：1.承诺函\n2.项目清单\n广东省发展改革委\n2025年9月29日\n相关附件：\n附件1.承诺函.doc\n"
    )
    assert clean(text).signed == "2025-09-29"


def test_a_date_alone_above_the_contact_line_signs_a_cover_note():
    # 天津 工信局 通知: its 附件 list, then the date alone, then （联系人：…）
    text = (
        "市工业和信息化局关于做好天津市2025年电力市场化交易工作的通知\n各有关市场主体：\n"
        "一、天津地区2025年电力市场化直接交易电量总规模暂定为345亿千瓦时。\n二、交易各方要严格遵守规则。\n"
        "附件：\n1．天津市电力中长期交易工作方案\n2．天津市绿电交易工作方案\n2024年11月11日\n"
        "（联系人：市工业和信息化局电力处 梁弢联系电话：83608082）\n附件1\n天津市电力中长期交易工作方案\n"
        "一、总体要求\n坚持市场化方向。\n二、交易安排\n按月组织交易。\n"
    )
    assert clean(text).signed == "2024-11-11"


def test_a_body_glued_to_its_date_above_the_attachment_files_signs_the_text():
    # 国家能源局华中监管局 征求意见 notice: "国家能源局华中监管局2026年1月26日" / "《…》.pdf" / site footer
    text = (
        "国家能源局华中监管局关于公开征求《湖北省电力中长期市场实施细则（征求意见稿）》意见的通知\n"
        "现予公告，向社会公开征求意见。\n感谢您的参与和支持！\n附件：湖北省电力中长期市场实施细则（征求意见稿）\n"
        "国家能源局华中监管局2026年1月26日\n《湖北省电力中长期市场实施细则（征求意见稿）》.pdf\n主办单位：国家能源局华中监管局\n"
    )
    assert clean(text).signed == "2026-01-26"


def test_a_site_name_before_the_page_title_is_not_the_title():
    # 广东 NFCMS page title: "站点名 - 标题"
    from cleaner.metadata import clean_title

    assert (
        clean_title(
            "广东省发展和改革委员会 - 广东省能源局 国家能源局南方监管局关于印发《广东电力市场常态化开展年度交易实施方案》的通知"
        )
        == "广东省能源局 国家能源局南方监管局关于印发《广东电力市场常态化开展年度交易实施方案》的通知"
    )
    assert clean_title("关于2022-2025年科技计划的通知") == "关于2022-2025年科技计划的通知"


def test_joint_issuers_on_lines_of_their_own_are_filed_under_the_first():
    # 重庆 经信委 规范性文件: five bodies sign, a line each, the date after the last
    text = (
        "重庆市经济和信息化委员会等5部门关于印发《重庆市制造业技术改造贷款贴息实施细则》的通知\n各区县（自治县）有关部门：\n"
        "现将《重庆市制造业技术改造贷款贴息实施细则》印发给你们，请遵照执行。\n"
        "重庆市经济和信息化委员会\n重庆市财政局\n中共重庆市委金融委员会办公室\n国家金融监督管理总局重庆监管局\n"
        "重庆市商务委员会\n2025年6月30日\n（此件公开发布）\n"
    )
    assert clean(text).issuer == "重庆市经济和信息化委员会"
    # …and so in a cover letter above the document it carries
    text = (
        "关于印发《关于办理医保骗保刑事案件若干问题的指导意见》的通知\n各省、自治区、直辖市高级人民法院：\n"
        "现将《关于办理医保骗保刑事案件若干问题的指导意见》印发给你们，请认真贯彻执行。\n"
        "最高人民法院\n最高人民检察院\n公安部\n2024年7月1日\n附件\n关于办理医保骗保刑事案件若干问题的指导意见\n"
        "一、总体要求\n依法惩治医保骗保犯罪。\n二、罪名适用\n依法适用诈骗罪。\n"
    )
    assert clean(text).issuer == "最高人民法院"
