"""General rules the real pages taught (issue 12), each on a short verbatim excerpt.

The pages themselves are scored in test_real.py; these tests pin one rule
each, so a regression names the rule it broke.
"""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.text import drop_contents

NOTICE_BODY = "现将《阿坝州政务数据资源管理暂行办法》印发你们，请认真遵照执行。\n"


def test_a_captures_citation_code_and_link_are_not_the_title():
    text = (
        "    【法宝引证码】 CLI.12.4792728\n"
        "原文链接：https://www.pkulaw.com/lar/f06f932a9e36c48114c6518ada114f88bdfb.html\n"
        "阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知\n"
        "阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知\n"
        "阿府办发〔2021〕21号\n"
        "各县（市）人民政府、州级各部门、卧龙特别行政区，各有关单位：\n" + NOTICE_BODY
    )
    doc = clean(text)
    assert (
        doc.title == "阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知"
    )  # printed twice, read once
    assert doc.doc_number == "阿府办发〔2021〕21号"
    assert doc.issuer == "阿坝州人民政府办公室"


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


def test_a_table_of_contents_is_dropped_and_the_chapters_stay():
    lines = ["中华人民共和国反垄断法", "目 录", "第一章 总 则", "第二章 垄断协议", "第八章 附 则", "第一章 总 则",
             "第一条 为了预防和制止垄断行为，制定本法。", "第二章 垄断协议", "第十三条 禁止下列垄断协议："]  # fmt: skip
    assert drop_contents(lines) == [lines[0], *lines[5:]]
    # a run of chapters with no repeat below is the text's own outline
    assert drop_contents(lines[5:]) == lines[5:]


def test_a_markdown_contents_of_anchor_links_is_no_clause():
    text = (
        "# 中华人民共和国反垄断法\n\n（2007年8月30日第十届全国人民代表大会常务委员会第二十九次会议通过）\n\n"
        "***目  录***\n\n[第一章 总  则](#第一章-总--则)\n[第二章 垄断协议](#第二章-垄断协议)\n\n"
        "## 第一章 总  则\n\n第一条 为了预防和制止垄断行为，制定本法。\n\n## 第二章 垄断协议\n\n第十三条 禁止下列垄断协议：\n"
    )
    doc = clean(text)
    assert [c.path for c in doc.clauses if c.number] == [
        ["第一章"],
        ["第一章", "第一条"],
        ["第二章"],
        ["第二章", "第十三条"],
    ]
    assert doc.issuer == "全国人民代表大会常务委员会" and doc.signed == "2007-08-30"


def test_table_cells_on_lines_of_their_own_in_the_source_are_still_one_row():
    html = (
        "<html><body><table class='table_suoyin'>\n\t <tr>\n"
        "               <td><strong>索 引 号</strong></td>\n"
        "               <td>&nbsp;Whgs-16-02-010</td>\n"
        "               <td><strong>信息分类</strong></td>\n               <td>&nbsp;</td>\n     </tr>\n"
        "</table><div class='TRS_Editor'><p>第一条　为了促进社会主义市场经济健康发展，鼓励和保护公平竞争，"
        "制止不正当竞争行为，保护经营者和消费者的合法权益，制定本法。</p>"
        + "<p>第二条　经营者在生产经营活动中，应当遵循自愿、平等、公平、诚信的原则，遵守法律和商业道德。</p>"
        * 3
        + "</div></body></html>"
    )
    assert clean(html.encode()).index_no == "Whgs-16-02-010"


def test_a_red_header_with_joint_issuers_and_the_wenhao_above_the_title():
    text = (
        "发展改革委办公厅  文件\n税务总局办公厅\n 发改办财金规〔2019〕860号 \n关于加强个人所得税纳税信用建设的通知\n"
        "各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设牵头部门：\n"
        "为贯彻落实《中华人民共和国个人所得税法》及其实施条例，现就有关事项通知如下。\n一、总体要求\n"
        "开展个人所得税纳税信用建设，要坚持依法推进原则。\n"
    )
    doc = clean(text)
    assert doc.title == "关于加强个人所得税纳税信用建设的通知"
    assert doc.doc_number == "发改办财金规〔2019〕860号"
    assert doc.doc_type == "通知"


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


def test_pdf_lines_mend_letter_spacing_digit_gaps_single_characters_and_page_numbers():
    from cleaner.attachments import join_single_characters, unspace

    assert unspace("税 务 总 局 办 公 厅") == "税务总局办公厅"
    assert unspace("税务 总局 办 公厅 文件") == "税务总局办公厅文件"
    assert unspace("2019 年 1 月 1 日起全面施行") == "2019年1月1日起全面施行"
    assert unspace("发改办财金规〔2019〕860 号") == "发改办财金规〔2019〕860号"
    # a single space in running text or between a table's cells is a separator
    assert unspace("第一条 为了规范管理工作") == "第一条 为了规范管理工作"
    assert unspace("项目名称 企业投资项目") == "项目名称 企业投资项目"
    assert join_single_characters(["序", "号", "项目", "一"]) == ["序号", "项目", "一"]


def test_a_wrapped_cell_starting_with_an_enumeration_is_no_item():
    text = (
        "某某市医疗器械经营管理办法\n一、适用范围\n本办法适用于本市行政区域内经营下列产品的企业，包括第\n"
        "一、二类医疗器械的经营企业。\n二、管理要求\n企业应当建立进货查验记录制度。\n"
    )
    labels = [c.number for c in clean(text).clauses if c.number]
    assert labels == ["一、", "二、"]


def test_a_news_page_on_the_issuers_own_site_dates_the_document_a_newspaper_does_not():
    own = (
        "<html><body><h1>我省印发方案推动合芜蚌示范区建设</h1>"
        "<div class='news-meta'><span>来源：安徽省科学技术厅</span> <span>时间：2023-01-16</span></div>"
        "<div class='TRS_Editor'><p>近日，安徽省科技厅印发《关于加快推动合芜蚌国家科技成果转移转化示范区建设的实施方案"
        "(2022-2025年)》，明确了示范区建设的战略定位。</p><p>方案还提出12项重点任务。全文如下↓</p>"
        "<p>为加快实施创新驱动发展战略，推动合芜蚌国家科技成果转移转化示范区建设，制定本实施方案。</p>"
        "<p>一、总体要求</p><p>坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的二十大精神。</p>"
        "</div></body></html>"
    )
    doc = clean(own.encode())
    assert doc.title.startswith("关于加快推动合芜蚌") and doc.issuer == "安徽省科学技术厅"
    assert doc.published == "2023-01-16"
    paper = own.replace("来源：安徽省科学技术厅", "来源：安徽日报")
    assert clean(paper.encode()).published is None


def test_hidden_content_is_never_read():
    body = (
        "<p>一、支持企业研发</p><p>对研发投入超过500万元的企业，给予最高100万元奖励。</p>"
        "<p>二、支持人才引进</p><p>对引进的高层次人才，给予50万元安家补贴。</p>"
    )
    html = (
        "<html><body><h1>某某市关于支持科技创新的若干措施</h1><div class='TRS_Editor'>" + body + "</div>"
        "<div class='footer'>版权所有</div><div style='display: none'>" + body + "</div>"
        "<div hidden>" + body + "</div></body></html>"
    )
    doc = clean(html.encode())
    assert [c.number for c in doc.clauses if c.number] == ["一、", "二、"]
    assert sorted(a.yuan for c in doc.clauses for a in c.amounts) == [500000, 1000000, 5000000]
    # a page whose whole text is hidden until a script shows it is still read
    shown_by_script = html.replace("<div class='TRS_Editor'>" + body + "</div>", "")
    assert [c.number for c in clean(shown_by_script.encode()).clauses if c.number][:2] == ["一、", "二、"]


def test_a_disclosure_page_whose_body_is_only_its_attachment_is_a_document_with_a_warning():
    html = (
        "<html><body><div class='main'><table class='xxgk_table'>"
        "<tr><td>索 引 号：</td><td>11370100004188445K/2023-00123</td><td>发布机构：</td><td>某某市科学技术局</td></tr>"
        "<tr><td>文　　号：</td><td>某科字〔2023〕12号</td><td>成文日期：</td><td>2023-12-01</td></tr>"
        "<tr><td>标　　题：</td><td colspan='3'>关于公布2023年度高新技术企业名单的通知</td></tr></table>"
        "<div class='TRS_Editor'><p><a href='/upload/2023/P020231205.pdf'>关于公布2023年度高新技术企业名单的通知.pdf</a>"
        "</p></div></div></body></html>"
    )
    doc = clean(html.encode())
    assert (doc.title, doc.doc_number, doc.index_no) == (
        "关于公布2023年度高新技术企业名单的通知",
        "某科字〔2023〕12号",
        "11370100004188445K/2023-00123",
    )
    assert doc.attachments == ["/upload/2023/P020231205.pdf"]
    assert any("only an attachment" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "printed",
    [
        "<p style='text-align:center'>穗残联规字〔2019〕2 号</p>",  # its own centred line, an inner space
        "<p>【文号】穗残联规字〔2019〕2号</p>",  # behind a bracketed label
        "<p><span>穗残联规字</span><span>〔2019〕</span><span>2号</span></p>",  # split over spans
        "<p>（穗残联规字〔2019〕2号）</p>",
    ],
)
def test_a_wenhao_printed_between_the_title_and_the_body_element(printed):
    html = (
        "<html><body><div class='article'><h1>广州市残疾人联合会关于印发广州市残疾人就业补贴办法的通知</h1>"
        + printed
        + "<div class='content'><p>各区残联：</p>"
        + "<p>现将《广州市残疾人就业补贴办法》印发给你们，请认真贯彻执行。</p><p>一、补贴对象</p><p>本市户籍残疾人。</p>"
        * 3
        + "</div></div></body></html>"
    )
    assert clean(html.encode()).doc_number == "穗残联规字〔2019〕2号"


def test_a_year_in_square_brackets_stays_in_the_wenhao_cell():
    from cleaner.page import read_label_lines

    assert read_label_lines(["文号：穗残联规字[2019]2号 【打印】"]) == {"doc_number": "穗残联规字[2019]2号"}


def test_search_widget_words_and_a_law_sites_menu_are_never_the_title():
    body = "各区人民政府，市有关单位：\n现将《实施办法》印发给你们，请认真贯彻执行。\n一、总体要求\n坚持创新驱动。\n"
    title = "深圳市科技创新委员会关于印发深圳市科技计划管理实施办法的通知"
    assert clean("全文\n标题\n搜索\n" + title + "\n" + body).title == title
    law = (
        "首页\n法律法规\n司法解释\n地方法规\n中华人民共和国反垄断法\n"
        "（2007年8月30日第十届全国人民代表大会常务委员会第二十九次会议通过）\n第一条 为了预防和制止垄断行为，制定本法。\n"
    )
    doc = clean(law)
    assert (doc.title, doc.issuer) == ("中华人民共和国反垄断法", "全国人民代表大会常务委员会")


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


def test_adjacent_spans_of_an_info_bar_and_a_district_named_without_its_city():
    from cleaner.page import read_label_lines

    bar = "来源：南沙区发改局发布日期：2017-10-13【浏览字号：大中小】"
    assert read_label_lines([bar]) == {"issuer": "南沙区发改局", "published": "2017-10-13"}
    html = (
        "<html><body><h2>广州南沙新区(自贸片区)促进科技创新产业发展扶持办法</h2>"
        "<p class='ly'><span>来源：南沙区发改局</span><span>发布日期：2017-10-13</span></p><div class='TRS_Editor'>"
        + "<p>为落实有关精神，促进高新技术产业发展，推动南沙建成辐射珠三角的科技产业创新中心，制定本办法。</p>"
        * 3
        + "</div></body></html>"
    )
    doc = clean(html.encode())
    assert doc.published == "2017-10-13"
    assert (doc.region.province, doc.region.city, doc.region.county) == ("广东省", "广州市", "南沙区")


def test_the_content_after_a_list_of_attachment_names_is_numbered_afresh():
    text = (
        "广州南沙新区2017年度高新技术企业入统奖励申报指南\n十、办理流程\n1.企业申报。申请人登录系统申报。\n"
        "2.部门核查。区科技行政主管部门对申报材料进行核查。\n附件1.封面模板\n附件2.目录模板\n"
        "目录\n1. 2017年度高新技术企业入统奖励申请表\n2. 营业执照\n"
        "承诺书\n本单位承诺所提交的申报材料真实、准确、完整，如有虚假，愿意承担相应的法律责任。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths == [["十、"], ["十、", "1."], ["十、", "2."], ["1."], ["2."]]


def test_dates_broken_by_a_space_in_a_gazette():
    from cleaner.dates import is_date_line, parse_date

    assert parse_date("2015年1月2 3日") == "2015-01-23"
    assert parse_date("201 5年12月23日") == "2015-12-23"
    assert is_date_line("2015年1 2月23日")


def test_a_normative_document_platforms_basic_information_table():
    html = (
        "<html><body><div class='jbxx'><h3>基本信息</h3><table>"
        "<tr><th>统一编号</th><td>GDBZ-2019-0012</td><th>发布机关</th><td>广东省科学技术厅</td></tr>"
        "<tr><th>文　　号</th><td>粤科规范字〔2019〕1号</td><th>成文日期</th><td>2019-03-01</td></tr>"
        "<tr><th>公布日期</th><td>2019-03-05</td><th>实施日期</th><td>2019-04-01</td></tr></table></div>"
        "<div class='zw'><h1>广东省科学技术厅关于印发《广东省科技企业孵化器认定和管理办法》的通知</h1><p>各地级以上市科技局：</p>"
        + "<p>现将《广东省科技企业孵化器认定和管理办法》印发给你们，请遵照执行。</p><p>一、总体要求</p><p>坚持创新驱动。</p>"
        * 3
        + "</div></body></html>"
    )
    doc = clean(html.encode())
    assert (doc.issuer, doc.doc_number, doc.published, doc.signed) == (
        "广东省科学技术厅",
        "粤科规范字〔2019〕1号",
        "2019-03-05",
        "2019-03-01",
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


def test_an_item_after_a_tag_in_tortoise_shell_brackets_is_cut_in_run_on_text():
    text = (
        "为加快企业发展，制定本方案。一、主要任务（一）支持企业上规。对首次纳入规模以上统计的企业给予奖励。"
        "〔责任单位：市委组织部（市人才办）、市经济信息化局〕（二）支持竞相成长。鼓励企业快速发展，竞相成长。"
    )
    doc = clean(text)
    assert [c.path for c in doc.clauses if c.number] == [["一、"], ["一、", "（一）"], ["一、", "（二）"]]
    assert doc.clauses[2].departments == ["市委组织部（市人才办）", "市经济信息化局"]


def test_a_page_run_on_into_one_line_is_trimmed_never_dropped():
    body = "各区级科技型中小企业：现将有关事项通知如下。一、申报条件（一）在本区注册的企业。（二）研发投入不低于营业收入的3%。二、工作要求 请按时申报。"
    line = (
        "当前位置： 首页政务公开最新文件 "
        + body * 6
        + " 主办单位：某某区人民政府 版权所有 网站标识码3501000000"
    )
    doc = clean("某某区经济发展局关于组织开展高新技术企业认定工作的通知\n" + line + "\n")
    assert [c.number for c in doc.clauses if c.number][:4] == ["一、", "（一）", "（二）", "二、"]
    assert not any("版权所有" in c.text or "当前位置" in c.text for c in doc.clauses)


def test_full_width_digits_in_a_laws_adoption_lines():
    text = (
        "# 中华人民共和国劳动法\n１９９４年７月５日第八届全国人民代表大会常务委员会第八次会议通过\n\n"
        "１９９４年７月５日中华人民共和国主席令第二十八号公布\n\n自１９９５年１月１日起施行\n\n## 第一章　总  则\n\n"
        "　　第一条　为了保护劳动者的合法权益，制定本法。\n"
    )
    doc = clean(text)
    assert (doc.issuer, doc.signed, doc.published) == (
        "全国人民代表大会常务委员会",
        "1994-07-05",
        "1994-07-05",
    )
    assert [c.number for c in doc.clauses if c.number] == ["第一章", "第一条"]


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


LONG_PREAMBLE = (
    "为规范火灾事故调查处理，强化火灾事故查处力度，督促落实消防安全责任，结合我市实际，制定本细则。" * 20
)


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


NEA_MENU = "设为首页\n工作邮箱\n搜索\n首页\n机构概览\n动态要闻\n信息公开\n"
NEA_TOOLS = "来源：\nAa\n字体：\n小\n|\n中\n|\n大\n"
NEA_FOOTER = (
    "扫一扫在手机打开当前页\n网站地图\n联系我们\n地址: 杭州市黄龙路8号\n邮编:310007\n"
    "主办单位: 国家能源局浙江监管办公室\n京ICP备11044902号\n"
)


def test_a_web_page_saved_as_text_its_title_menu_tools_and_footer():
    text = (
        "关于做好电力市场化交易注册绑定有关工作的通知_国家能源局浙江监管办公室\n"
        + NEA_MENU
        + "关于做好电力市场化交易注册绑定有关工作的通知\n2018-10-29 10:04\n"
        + NEA_TOOLS
        + "省电力公司，各售电公司：\n为做好电力市场化交易注册绑定工作，现将有关事项通知如下：\n"
        "一、简化合同要求\n第二类电力用户参与市场交易，可不再签订三方合同。\n"
        "国家能源局浙江监管办公室\n2018年10月26日\n" + NEA_FOOTER
    )
    doc = clean(text.encode())
    assert doc.title == "关于做好电力市场化交易注册绑定有关工作的通知"
    assert doc.published == "2018-10-29" and doc.signed == "2018-10-26"
    assert doc.issuer == "国家能源局浙江监管办公室"
    assert [c.path for c in doc.clauses if c.number] == [["一、"]]


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


PINGTAN_HEADER = (
    "标题: 关于印发《平潭综合实验区促进金融业发展的实施办法》的通知（已废止）\n发布时间: 2015-06-23 09:43\n文号: \n"
    "发布机构: 中国平潭\n栏目: 区管委会文件\n==================== 正文 ====================\n"
)


def test_a_wenhao_glued_to_the_title_in_a_run_on_capture_and_the_sites_status_mark():
    body = "根据有关文件精神，为了进一步规范金融业奖补政策，促进我区金融业加快发展，制定本实施办法。" * 6
    text = (
        PINGTAN_HEADER
        + "当前位置： 首页政务公开 时间：2015-06-23 09:43 微信 微博 QQ空间 岚综管综〔2015〕130号"
        "平潭综合实验区管委会关于印发《平潭综合实验区促进金融业发展的实施办法》的通知区直各单位：《平潭综合实验区"
        "促进金融业发展的实施办法》已经区管委会研究通过，现印发给你们，请认真遵照执行。平潭综合实验区管委会2015年6月18日"
        "平潭综合实验区促进金融业发展的实施办法"
        + body
        + "（依据《暂行规定》（闽岚综实管综〔2013〕53号）执行。）"
    )
    doc = clean(text.encode())
    assert doc.doc_number == "岚综管综〔2015〕130号"
    assert doc.title == "关于印发《平潭综合实验区促进金融业发展的实施办法》的通知"
    assert any("已废止" in w for w in doc.warnings)


def test_a_wenhao_the_text_cites_in_brackets_is_not_the_documents():
    text = (
        PINGTAN_HEADER.replace(
            "关于印发《平潭综合实验区促进金融业发展的实施办法》的通知（已废止）",
            "平潭综合实验区经济发展局关于组织开展高新技术企业认定工作的通知",
        )
        + "各区级科技型中小企业：根据《福建省科学技术厅关于组织开展高新技术企业认定工作的通知》（闽科高〔2023〕4号），"
        "结合实验区实际，现将《通知》转发你们，请按照要求做好各项申报工作。"
        * 3
        + "附件：关于组织开展2023年度高新技术企业认定工作的通知（闽科高〔2023〕4号） 平潭综合实验区经济发展局2023年5月5日"
        "（联系人：高仁辉，联系电话：0591-23163108） 来源：平潭综合实验区经济发展局"
    )
    doc = clean(text.encode())
    assert doc.doc_number is None
    assert doc.signed == "2023-05-05"  # signed after its 附件 line's closing bracket


def test_an_item_that_is_a_bare_name_is_its_own_heading():
    text = "中华人民共和国劳动法\n第四十条　用人单位在下列节日期间应当依法安排劳动者休假：\n（一）元旦；\n（二）春节；\n（三）依法应当安排劳动者休假的其他休假节日。\n"
    heads = [c.heading for c in clean(text).clauses if c.number and len(c.path) == 2]
    assert heads[:2] == ["元旦", "春节"]


def test_a_word_exported_notice_under_a_cms_heading_that_prints_its_wenhao():
    html = (
        "<html><head><title>渝电大招〔2020〕7号--关于印发《重庆广播电视大学入学资格审核工作方案》的通知-远程教育中心</title></head>"
        "<body><div class='content'>"
        "<h1>渝电大招〔2020〕7号--关于印发《重庆广播电视大学入学资格审核工作方案》的通知</h1>"
        "<p>2020年08月21日 10:53 浏览： 次</p>"
        "<p class='MsoNormal'>重庆市合川广播电视大学-重庆广播电视大学文件</p>"
        "<p class='MsoNormal'>渝电大招〔2020〕7号</p>"
        "<p class='MsoNormal'>关于印发《重庆广播电视大学入学资格审核工作方案》的通知</p>"
        "<p class='MsoNormal'>各区县电大、电大分校、工作站：</p>"
        "<p class='MsoNormal'>现将学校入学资格审核方案印发给你们，并就有关事宜通知如下：</p>"
        "<p class='MsoNormal'>一、审核时间</p><p class='MsoNormal'>2020年9月16日17时前：新生数据平台上报。</p>"
        "<p class='MsoNormal'>二、联系方式</p><p class='MsoNormal'>联系人：陆军</p>"
        "<p class='MsoNormal'>重庆市合川广播电视大学-重庆广播电视大学</p><p class='MsoNormal'>2020年8月17日</p>"
        "<p class='MsoNormal'>重庆市合川广播电视大学-重庆广播电视大学2020年秋季</p>"
        "<p class='MsoNormal'>国家开放大学入学资格审核工作方案</p>"
        "<p class='MsoNormal'>为做好入学资格审核工作，结合我校实际情况，特制定本方案。</p>"
        "<p class='MsoNormal'>一、审核对象</p><p class='MsoNormal'>报读国家开放大学的新生。</p>"
        "</div></body></html>"
    )
    doc = clean(html.encode())
    assert doc.doc_number == "渝电大招〔2020〕7号"
    assert doc.published == "2020-08-21"
    assert doc.signed == "2020-08-17"  # the cover letter's signature, over the title of what it carries
    assert doc.issuer == "重庆市合川广播电视大学-重庆广播电视大学"  # a university issues its own documents


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


def test_a_disclosure_catalogues_generated_date_is_the_published_date_not_the_cms_render_time():
    html = (
        "<html><head><title>万载县2022年国民经济和社会发展统计公报</title>"
        "<meta name='PubDate' content='2023-08-16 10:33:59'></head><body>"
        "<dl><dd><label>索引号：</label><div>014742224A/2023-0043406</div></dd>"
        "<dd><label>生成日期：</label><div>2023-05-11</div></dd></dl>"
        "<h1>万载县2022年国民经济和社会发展统计公报</h1>"
        "<p>2022年，全县经济运行呈现稳中向好的良好态势。</p><p>一、综合</p>"
        "<p>全年实现生产总值262.6亿元，按可比价格计算，同比增长5.3％。</p>"
        "<p>二、农业</p><p>全年农业总产值41.6亿元，按可比价计算增长3.9%。</p>"
        "</body></html>"
    )
    doc = clean(html.encode())
    assert (doc.published, doc.signed) == ("2023-05-11", None)


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


def test_text_that_came_apart_at_every_inline_element_is_mended():
    frag = "\n".join(
        [
            "市工业和信息化局关于印发",
            "2021",
            "年春节期间电力需求响应实施细则的通知",
            "有关单位：",
            "现将《天津市",
            "2021",
            "年春节期间电力需求响应实施细则》印发给你们，请遵照执行。",
            "2021",
            "年",
            "2",
            "月",
            "2",
            "日",
            "（此件主动公开）",
            "天津市电力需求响应实施细则",
            "目",
            "录",
            "一、实施背景.................",
            "...................",
            "- 1 -",
            "二、实施方式.................",
            "- 2 -",
            "根据有关文件要求，特制订本实施细则。",
            "一、实施背景",
            "2018~2020",
            "年，我市连续在春节期间实施了需求响应试点。",
            "二、实施方式",
            "本次需求响应实施时间为",
            "2021",
            "年",
            "2",
            "月",
            "13",
            "日，规模为",
            "50",
            "万千瓦：",
            "（",
            "1",
            "）",
            "居民侧",
            "电动汽车用户无需满足响应容量要求。",
            "三、效果评估",
            "1",
            "．需求响应结束后，电力公司对负荷进行冻结。",
        ]
    )
    doc = clean(frag)
    assert doc.signed == "2021-02-02"  # a date alone above the closing lines
    numbered = [(c.path, c.text.split("\n")[0]) for c in doc.clauses if c.number]
    assert numbered == [
        (["一、"], "一、实施背景"),
        (["二、"], "二、实施方式"),
        (["二、", "（1）"], "（1）居民侧"),
        (["三、"], "三、效果评估"),
        (["三、", "1．"], "1．需求响应结束后，电力公司对负荷进行冻结。"),
    ]  # the contents list is dropped, its dot leaders and page numbers too
    assert "2021年2月13日，规模为50万千瓦：" in "\n".join(c.text for c in doc.clauses)


def test_an_annex_head_on_a_line_of_its_own_numbers_its_annex_afresh():
    text = (
        "先进制造业企业技改后奖补办事指南\n一、申请条件\n（一）企业申报当年须是区内规模以上工业企业；\n"
        "二、申请材料\n1.营业执照；\n2.项目建设情况报告（见附件2）。\n"
        "附件1\n承诺书\n一、对提交的各项申请材料的真实性负责。\n二、对相关奖励政策已知悉。\n"
        "附件2：\n项目建设情况报告\n1.申报单位的基本情况和财务状况。\n2.项目建设的背景、必要性和市场情况。\n"
    )
    paths = [c.path for c in clean(text).clauses if c.number]
    assert paths[-4:] == [["一、"], ["二、"], ["1."], ["2."]]  # annex 2's items are not under annex 1's 二、


def test_a_new_area_named_for_a_district_of_its_city_is_that_district():
    from corpus.gazetteer import locate

    assert locate("广州南沙新区（自贸片区）先进制造业企业技改后奖补办事指南") == (
        "广东省",
        "广州市",
        "南沙区",
    )
    assert locate("青岛西海岸新区管委会") == ("山东省", "青岛市", None)  # no 西海岸区: a new area of its own


def test_a_footer_word_inside_the_text_of_a_run_on_capture_is_no_footer():
    sections = "".join(
        f"{n}、第{n}部分安排各承办单位积极动员企业参赛，做好报名和推荐初审工作。" * 10 for n in "一二三四五"
    )
    line = (
        "当前位置： 首页 关于举办创新创业大赛的通知 各有关单位：现将有关事项通知如下："
        + sections
        + "六、现场评选评委由主办单位代表、各承办单位代表及专家代表组成。"
        + "七、大赛激励机制（一）奖金全省大赛共设奖金197万元。" * 40
        + "附件：1.组织方案 2. 省赛方案 平潭综合实验区经济发展局 2023年5月29日附件1 组织方案"
        + " 来源：平潭综合实验区经济发展局 主办单位：平潭综合实验区管委会 网站标识码3501000001"
    )
    doc = clean(line)
    text = "\n".join(c.text for c in doc.clauses)
    assert "七、大赛激励机制" in text and "网站标识码" not in text
    assert doc.signed == "2023-05-29"  # signed after the space a line break left behind the last 附件 name


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


def test_a_letter_is_a_letter_and_a_title_may_end_with_its_own_wenhao():
    html = (
        "<html><head><title>福建能源监管办关于征求《福建省电力市场交易规则(试行)》拟修订和补充条款意见的函（闽监能函〔2018〕148 号）"
        "</title></head><body><h1>福建能源监管办关于征求《福建省电力市场交易规则(试行)》拟修订和补充条款意见的函（闽监能函〔2018〕148 号）</h1>"
        "<p>各有关单位：现就交易规则修订征求意见，请于10月30日前提出意见。</p></body></html>"
    )
    doc = clean(html.encode())
    assert (doc.doc_number, doc.doc_type) == ("闽监能函〔2018〕148号", "其他")
    carried = clean(
        "平潭综合实验区农业农村局关于印发《2023年实际种粮农民一次性补贴发放工作实施方案》的函\n各乡镇：现将方案印发给你们。\n"
    )
    assert carried.doc_type == "方案"  # a 印发 letter carries a 方案


def test_a_signature_spaced_out_to_the_width_of_the_name_above_and_a_related_files_block():
    body = "一、切实加强电网规划统筹协调\n电网规划是电力规划的重要组成部分，应实现合理覆盖。\n"
    doc = clean(
        "关于加强和规范电网规划投资管理工作的通知\n各省发展改革委：\n"
        + body
        + "国家发展改革委\n国 家 能 源 局\n2020年5月28日\n相关附件\n国家能源局关于印发实施方案的通知.pdf\n"
    )
    assert (doc.issuer, doc.signed) == ("国家发展和改革委员会", "2020-05-28")
    assert "相关附件" not in "\n".join(c.text for c in doc.clauses if c.number)


def test_a_label_after_a_flattened_tables_wenhao_cell_opens_the_next_cell():
    row = "对入园企业给予房租补贴，按实际租金的百分之五十给予补助，最高不超过三年，具体以评审结果为准。"
    line = (
        "第一条 为支持台湾青年创业，制定本细则。第二条 扶持内容及申报条件 扶持内容申报条件（一）创业场所扶持"
        "1.根据入园创业项目的经营情况给予免租金扶持。 ——岚综管综〔2015〕146号① 2017年6月底前签订房屋租赁合同的企业。"
        "② 企业法人代表为台湾籍青年。2.经评估给予入园的组织机构免租金扶持。——岚综管综〔2015〕146号3.支持台湾地区行业公会设立分支机构。"
        + row
        * 20
    )
    paths = [c.path[-2:] for c in clean(line).clauses if c.number]
    assert ["1.", "①"] in paths and ["1.", "②"] in paths
    assert ["第二条", "3."] in paths or ["（一）", "3."] in paths  # after "…〔2015〕146号"


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


def test_a_capture_tools_header_is_read_and_a_label_glued_to_a_phone_number_is_a_label():
    body = (
        "各有关单位：现将有关事项通知如下：一、重点事项1.本次大赛采用区赛、省赛、国赛逐级遴选方式竞赛。"
        "二、组织机构及联系方式：1.主办单位平潭综合实验区经济发展局：0591-231631082.支持单位平潭综合实验区工商业联合会："
        "0591-231603633.承办单位厦门大学平潭研究院：0591-62535998 三、参赛条件"
        + "企业具有创新能力和高成长潜力。"
        * 50
    )
    text = (
        "标题: 平潭综合实验区经济发展局关于举办创新创业大赛的通知\n发布时间: 2023-05-29 08:26\n"
        "发布机构: 平潭综合实验区经济发展局\n原文链接: https://www.pingtan.gov.cn/t20230529_46900.htm\n"
        "==================== 正文 ====================\n" + body + "\n"
    )
    doc = clean(text)
    assert doc.title == "平潭综合实验区经济发展局关于举办创新创业大赛的通知"
    assert "原文链接" not in "\n".join(c.text for c in doc.clauses)
    paths = [c.path for c in doc.clauses if c.number]
    assert ["二、", "2."] in paths and ["二、", "3."] in paths


def test_an_orders_number_under_the_title_or_in_the_promulgation_line_and_its_signer():
    text = (
        "医疗保障基金使用监督管理举报处理暂行办法\n（国家医疗保障局令第 5 号）\n"
        "《医疗保障基金使用监督管理举报处理暂行办法》已经2022年1 月20日第4次局务会议审议通过，现予公布，自2022年3月1日起施行。\n"
        "局 长：胡静林\n2022年1月29日\n第一条 为规范举报处理工作，制定本办法。\n第二条 本办法自2022年3月1日起施行。\n"
    )
    doc = clean(text)
    assert doc.title == "医疗保障基金使用监督管理举报处理暂行办法"
    assert (doc.doc_number, doc.issuer, doc.signed) == (
        "国家医疗保障局令第5号",
        "国家医疗保障局",
        "2022-01-29",
    )
    law = clean(
        "医疗保障基金使用监督管理条例\n（2021年1月15日国务院令第735号公布，自2021年5月1日起施行）\n"
        "第一章 总则\n第一条 为了加强医疗保障基金使用监督管理，制定本条例。\n"
    )
    assert (law.doc_number, law.issuer, law.published) == ("国务院令第735号", "国务院", "2021-01-15")


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


def test_a_news_agencys_dateline_opens_a_repost_lead():
    text = (
        "新华社北京1月7日电 近日，中共中央办公厅、国务院办公厅印发了《关于推进城市安全发展的意见》，并发出通知，要求各地区各部门认真贯彻落实。\n"
        "《关于推进城市安全发展的意见》全文如下。\n随着我国城市化进程明显加快，城市安全问题日益突出。\n"
        "一、总体要求\n（一）指导思想。全面贯彻党的十九大精神。\n"
    )
    doc = clean(text)
    assert (doc.title, doc.issuer) == ("关于推进城市安全发展的意见", "中共中央办公厅")


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
