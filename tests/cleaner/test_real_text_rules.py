"""General rules the real pages taught (issue 12) about a page's text before it is read, each on a short verbatim excerpt.

Mending: PDF letter spacing, text come apart at inline elements, hidden
content, contents lists, table cells on lines of their own, a page run on
into one line.  The outline read from that text is in
test_real_outline_rules.py.
"""

from __future__ import annotations

from cleaner import clean
from cleaner.text import drop_contents


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


def test_a_label_alone_on_its_line_opens_the_clause_its_next_line_heads():
    # 四川 发改委 实施方案 (a text node per line): "三、" / "推动新能源上网电价全面由市场形成"
    text = (
        "四川省深化新能源上网电价市场化改革实施方案\n一、总体目标\n坚持市场化改革方向。\n二、基本原则\n坚持深化改革。\n"
        "三、\n推动新能源上网电价全面由市场形成\n（一）推动新能源上网电量参与市场交易。\n"
        "新能源项目上网电量原则上全部进入电力市场。\n（二）建立健全支持新能源高质量发展的制度机制。\n"
    )
    clauses = [c for c in clean(text).clauses if c.number]
    assert ["/".join(c.path) for c in clauses] == ["一、", "二、", "三、", "三、/（一）", "三、/（二）"]
    assert clauses[2].heading == "推动新能源上网电价全面由市场形成"


def test_a_part_named_inside_a_sentence_opens_nothing():
    # 内蒙古 能源局 申报大纲: "项目申报书分为三部分。" / "第一部分" / "为项目实施方案。"
    text = (
        "内蒙古自治区单一电力用户绿电直连项目申报大纲\n一、申报书主要内容\n项目申报书分为三部分。\n第一部分\n"
        "为项目实施方案。\n第二部分\n为项目可行性研究报告。\n二、项目申报名称\n项目名称应规范。\n"
    )
    paths = ["/".join(c.path) for c in clean(text).clauses if c.number]
    assert paths == ["一、", "二、"]
