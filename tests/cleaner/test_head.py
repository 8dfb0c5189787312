"""The lines above the body: page headers, breadcrumbs, notice titles that look like news leads."""

from cleaner import clean


def test_site_name_above_a_title_of_its_own_is_not_part_of_it():
    text = (
        "南京市人民政府\n"
        "南京市人民政府办公厅关于印发南京市科技创新行动计划的通知\n"
        "宁政办发〔2023〕31号\n"
        "各区人民政府，市府各委办局：\n"
        "现将《南京市科技创新行动计划》印发给你们，请认真贯彻执行。\n"
        "一、主要目标\n到2025年，高新技术企业数量突破1.2万家。\n"
    )
    doc = clean(text.encode())
    assert doc.title == "南京市人民政府办公厅关于印发南京市科技创新行动计划的通知"
    assert doc.doc_number == "宁政办发〔2023〕31号"
    assert doc.issuer == "南京市人民政府办公厅"


def test_a_header_repeating_the_issuer_is_not_doubled():
    text = (
        "浙江省科学技术厅\n浙江省科学技术厅关于废止部分规范性文件的决定\n浙科发政〔2023〕21号\n"
        "各市、县（市、区）科技局：\n经研究，决定废止以下文件：\n1.《浙江省科技创新券管理办法》（浙科发政〔2019〕33号）\n"
        "本决定自公布之日起施行。\n浙江省科学技术厅\n二〇二三年十一月二十日\n"
    )
    doc = clean(text.encode())
    assert doc.title == "浙江省科学技术厅关于废止部分规范性文件的决定"
    assert doc.issuer == "浙江省科学技术厅"
    assert doc.doc_number == "浙科发政〔2023〕21号"
    assert doc.signed == "2023-11-20"


def test_a_title_broken_after_its_issuer_is_still_joined():
    text = (
        "青岛市人民政府\n关于印发青岛市科技创新实施方案的通知\n青政字〔2022〕5号\n"
        "各区、市人民政府：\n现将《青岛市科技创新实施方案》印发给你们。\n一、总体要求\n加快建设创新型城市。\n"
    )
    assert clean(text.encode()).title == "青岛市人民政府关于印发青岛市科技创新实施方案的通知"


def test_breadcrumb_without_home_is_chrome():
    text = (
        "湖北省科学技术厅\n信息公开 > 政策文件\n湖北省科技厅关于印发《湖北省科技企业培育实施方案》的通知\n"
        "鄂科技发〔2023〕9号\n各市、州科技局：\n现印发给你们。\n一、工作目标\n到2025年，科技型中小企业突破4万家。\n"
    )
    doc = clean(text.encode())
    assert doc.title == "湖北省科技厅关于印发《湖北省科技企业培育实施方案》的通知"
    assert not any("政策文件" in c.text and ">" in c.text for c in doc.clauses)


def test_a_notice_title_that_names_what_it_issues_is_not_a_news_lead():
    text = (
        "深圳市科技创新局关于印发《深圳市科技企业孵化载体管理办法》的通知\n"
        "发布日期：2022-06-15\n各有关单位：\n现予印发，请遵照执行。\n深圳市科技创新局\n2022年6月8日\n"
        "深圳市科技企业孵化载体管理办法\n第一条 为促进孵化载体发展，制定本办法。\n第二条 本办法自2022年7月1日起施行。\n"
    )
    doc = clean(text.encode())
    assert doc.issuer == "深圳市科技创新局"
    assert doc.published == "2022-06-15"
    assert doc.signed == "2022-06-08"
    assert doc.summary is None


def test_a_row_of_labels_we_do_not_keep_is_still_table_chrome():
    text = (
        "发文机关 | 潍坊市人民政府办公室 | 发文字号 | 潍政办字〔2023〕12号 |\n有效性 | 有效 | 主题分类 | 科技 |\n"
        "潍坊市人民政府办公室关于加快建设科技创新平台的实施意见\n各县市区人民政府：\n一、总体目标\n到2025年，创新平台达到300家。\n"
    )
    doc = clean(text.encode())
    assert not any("有效性" in c.text for c in doc.clauses)


def test_a_short_first_item_is_not_joined_to_the_title():
    doc = clean("成都市中试行动方案\n一、重点行动\n1.布局建设中试平台。支持建设。\n".encode())
    assert doc.title == "成都市中试行动方案"
    assert [c.path for c in doc.clauses if c.path] == [["一、"], ["一、", "1."]]


def test_a_run_on_cover_letter_still_signs_and_dates_the_notice():
    text = (
        "湖北省科技厅关于印发《湖北省科技企业梯次培育实施方案》的通知\n鄂科技发〔2023〕9号\n"
        "各市、州科技局，各有关单位： 为加快构建科技企业梯次培育体系，省科技厅制定了《湖北省科技企业梯次培育实施方案》，"
        "现印发给你们，请结合实际认真贯彻落实。 湖北省科学技术厅 2023年2月20日 湖北省科技企业梯次培育实施方案 "
        "为壮大科技企业群体，制定本方案。 一、工作目标 到2025年，全省高新技术企业突破3万家。 二、重点任务 （一）夯实基础。建立培育库。\n"
    )
    doc = clean(text.encode())
    assert doc.signed == "2023-02-20"
    assert doc.issuer == "湖北省科学技术厅"
    assert [c.path for c in doc.clauses if c.path] == [["一、"], ["二、"], ["二、", "（一）"]]


def test_a_header_above_a_title_broken_over_two_lines():
    text = (
        "广州市科学技术局\n广州市科学技术局关于印发广州市科技型中小企业\n技术创新专题管理办法的通知\n穗科规字〔2023〕2号\n"
        "各有关单位：\n现将办法印发给你们。\n第一条 为引导企业加大研发投入，制定本办法。\n"
    )
    doc = clean(text.encode())
    assert doc.title == "广州市科学技术局关于印发广州市科技型中小企业技术创新专题管理办法的通知"
    assert doc.issuer == "广州市科学技术局"


def test_a_news_lead_with_a_byline_and_a_joint_issue():
    text = (
        "厦门网\n厦门出台措施加快新型研发机构建设\n2023-11-02 来源：厦门日报\n"
        "本报讯 日前，厦门市科技局会同市财政局印发《厦门市加快新型研发机构建设若干措施》，提出具体举措。\n"
        "厦门市加快新型研发机构建设若干措施\n一、支持建设。对新认定的机构给予最高500万元补助。（责任单位：市科技局）\n"
    )
    doc = clean(text.encode())
    assert doc.title == "厦门市加快新型研发机构建设若干措施"
    assert doc.issuer == "厦门市科学技术局"
    assert doc.summary and "本报讯" in doc.summary
    assert [c.path for c in doc.clauses if c.path] == [["一、"]]


def test_a_development_zone_committee_is_an_issuer():
    doc = clean("成都高新区管委会关于支持科技创新的若干措施\n一、支持研发。给予奖励。\n".encode())
    assert doc.issuer == "成都高新技术产业开发区管理委员会"
    assert (doc.region.province, doc.region.city) == ("四川省", "成都市")


def test_an_attachment_printed_after_the_signature_is_a_document_of_its_own():
    text = (
        "太原市科学技术局关于做好2023年度科技创新重点工作的通知\n并科发〔2023〕5号\n各县（市、区）科技主管部门：\n"
        "一、提高思想认识\n切实抓好落实。\n二、抓好任务落实\n（一）细化工作措施。逐项明确。\n"
        "附件：2023年度科技创新重点工作任务分工表\n太原市科学技术局\n2023年2月10日\n附件\n"
        "2023年度科技创新重点工作任务分工表\n序号 | 工作任务 | 责任单位 | 完成时限 |\n"
        "1 | 新增高新技术企业200家 | 高新技术处 | 2023年12月 |\n2 | 建设中试基地5个 | 成果转化处、资源配置处 | 2023年11月 |\n"
    )
    doc = clean(text.encode())
    assert doc.signed == "2023-02-10"
    assert doc.issuer == "太原市科学技术局"
    tags = {"/".join(c.path): [d.name for d in c.department_tags] for c in doc.clauses if c.path}
    assert list(tags) == ["一、", "二、", "二、/（一）", "1.", "2."]
    assert tags["2."] == ["成果转化处", "资源配置处"]


def test_menu_bars_and_search_boxes_above_the_title_are_furniture():
    for furniture in (
        "首页 | 机构概况 | 政务公开 | 互动交流",
        "站内搜索\n无障碍 | 长者模式",
        "宁波市人民政府 门户网站",
    ):
        text = (
            furniture
            + "\n关于加快推进科技创新券使用的意见\n为规范管理，提出如下意见。\n一、总则\n规范管理。\n"
        )
        doc = clean(text.encode())
        assert doc.title == "关于加快推进科技创新券使用的意见", furniture
        assert [c.path for c in doc.clauses if c.path] == [["一、"]]
    named = "青岛市人民政府\n关于加快推进科技创新券使用的意见\n为规范管理，提出如下意见。\n"
    assert clean(named.encode()).title == "青岛市人民政府关于加快推进科技创新券使用的意见"


def test_a_title_broken_after_its_verb_is_joined_even_when_its_second_line_names_a_place():
    text = "深圳市科技创新局关于印发\n深圳市科技企业孵化载体管理办法的通知\n各有关单位：\n现予印发。\n第一条 为促进发展，制定本办法。\n"
    doc = clean(text.encode())
    assert doc.title == "深圳市科技创新局关于印发深圳市科技企业孵化载体管理办法的通知"
    assert doc.issuer == "深圳市科技创新局"
