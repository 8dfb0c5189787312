"""General rules the real pages taught (issue 12) about a document's fields, each on a short verbatim excerpt.

Title, 文号, issuer, dates, region and type; who signed it is in
test_real_signature_rules.py, the body's text and outline (clauses, items,
chapters) in test_real_outline_rules.py and test_real_text_rules.py.  The pages themselves are scored in
test_real.py; these tests pin one rule each, so a regression names the rule
it broke.
"""

from __future__ import annotations

import pytest

from cleaner import clean

NOTICE_BODY = "现将《阿坝州政务数据资源管理暂行办法》印发你们，请认真遵照执行。\n"


NEA_MENU = "设为首页\n工作邮箱\n搜索\n首页\n机构概览\n动态要闻\n信息公开\n"


NEA_TOOLS = "来源：\nAa\n字体：\n小\n|\n中\n|\n大\n"


NEA_FOOTER = (
    "扫一扫在手机打开当前页\n网站地图\n联系我们\n地址: 杭州市黄龙路8号\n邮编:310007\n"
    "主办单位: 国家能源局浙江监管办公室\n京ICP备11044902号\n"
)


PINGTAN_HEADER = (
    "标题: 关于印发《平潭综合实验区促进金融业发展的实施办法》的通知（已废止）\n发布时间: 2015-06-23 09:43\n文号: \n"
    "发布机构: 中国平潭\n栏目: 区管委会文件\n==================== 正文 ====================\n"
)


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


def test_a_doc_number_set_in_pieces_above_the_addressee_is_the_documents():
    # 内蒙古 能源局 (a text node per line): 发布日期 / 来源 / 朗读, then "内能源新能发" / "〔" / "2" / "026" / "〕" / "1" / "号"
    text = (
        "内蒙古自治区能源局关于印发《内蒙古自治区单一电力用户绿电直连项目开发建设实施方案（试行）》的通知\n"
        "发布日期：2026-01-14 23:00\n来源：内蒙古自治区能源局\n朗读\n内能源新能发\n〔2026〕\n1号\n"
        "各盟市能源局、有关盟市发展改革委：\n按照有关要求，现印发你们，请认真执行。\n内蒙古自治区能源局\n2026年1月13日\n"
    )
    assert clean(text).doc_number == "内能源新能发〔2026〕1号"


def test_a_doc_number_glued_to_the_party_a_decision_is_addressed_to():
    # 平潭 行政处罚决定书 (a capture run on into one line)
    line = (
        "平潭综合实验区自然资源与生态环境局行政处罚决定书 时间：2023-08-08 09:31 微信 微博 QQ空间 "
        "闽岚环罚〔2022〕4号福建顺融水产养殖有限公司： 统一社会信用代码：91350128MA8UPNXC63 经查，你单位违法。"
    )
    assert clean(line).doc_number == "闽岚环罚〔2022〕4号"
    # a 文号 a sentence cites is never the document's
    assert (
        clean("关于开展工作的通知\n各单位：\n根据 闽政〔2020〕1号文件要求：开展工作。\n").doc_number is None
    )


def test_a_notice_handing_out_a_rule_is_that_rule_whose_type_is_other():
    # 国家能源局 关于印发《…注册规则》的通知: a 规则 is outside the type vocabulary, so 其他, not 通知
    from cleaner.metadata import doc_type_of

    assert doc_type_of("国家能源局关于印发《电力市场注册基本规则》的通知") == "其他"
    assert doc_type_of("关于印发《科技计划项目管理办法》的通知") == "办法"
    assert doc_type_of("关于做好2025年电力市场化交易工作的通知") == "通知"
