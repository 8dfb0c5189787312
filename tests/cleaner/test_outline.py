"""The clause outline: labels, nesting, inline labels in run-on text, and the traps that are not labels."""

from cleaner import clean


def outline(text: str) -> list[list[str]]:
    return [c.path for c in clean(text.encode()).clauses if c.number]


RUNON = (
    "为加快智能制造发展，结合我市实际，制定本方案。 一、总体要求 到2025年，产业规模突破1.5亿元的企业达到100家，"
    "数字化研发设计工具普及率提高2.56个百分点，实施方案（2022-2025年）全面落实，推广自动导引运输车(AGV)1000台。"
    " 二、重点任务 （一）推广智能装备。重点支持以下领域：1.工业机器人；2.增材制造装备；3.智能检测装备。"
    "对企业购置智能装备的，给予补助。（责任单位：市工业和信息化局）（二）建设智能工厂。 1.2022年底前建成智能工厂30个。"
    " 2.推动企业上云，2022年9月30日前完成首批诊断。"
)


def test_runon_labels_are_found_inline_and_traps_are_not():
    assert outline(RUNON) == [
        ["一、"],
        ["二、"],
        ["二、", "（一）"],
        ["二、", "（二）"],
        ["二、", "（二）", "1."],
        ["二、", "（二）", "2."],
    ]


def test_list_items_inside_a_sentence_stay_in_it():
    text = "为推动科技创新，制定本方案。\n一、支持平台建设\n支持两类平台：（一）国家级平台；（二）省级平台；（三）市级平台，按规定给予支持，具体办法由市科技局另行制定。"
    paths = outline(text)
    assert paths == [["一、"]]


def test_numbering_mistakes_are_kept_as_printed():
    text = "为推动科技创新，制定本意见。\n一、总体要求\n（一）目标。\n（三）原则。\n（三）路径。\n三、保障\n"
    assert outline(text) == [["一、"], ["一、", "（一）"], ["一、", "（三）"], ["一、", "（三）"], ["三、"]]


def test_regulation_levels_chapter_section_article_item():
    text = (
        "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二节 申报\n第二条 申报单位应当符合下列条件：\n"
        "（一）依法登记；\n（二）信用良好。\n第三条 符合条件的，可以申报：\n1.企业；\n2.高校，其中：\n（1）本科院校；\n①公办；\n"
    )
    assert outline(text) == [
        ["第一章"],
        ["第一章", "第一条"],
        ["第一章", "第二节"],
        ["第一章", "第二节", "第二条"],
        ["第一章", "第二节", "第二条", "（一）"],
        ["第一章", "第二节", "第二条", "（二）"],
        ["第一章", "第二节", "第三条"],
        ["第一章", "第二节", "第三条", "1."],
        ["第一章", "第二节", "第三条", "2."],
        ["第一章", "第二节", "第三条", "2.", "（1）"],
        ["第一章", "第二节", "第三条", "2.", "（1）", "①"],
    ]


def test_dates_and_decimals_at_line_start_are_not_labels():
    text = "为推动科技创新，制定本方案。\n一、目标\n2.56个百分点的提升来自研发投入。\n1.5亿元用于平台建设。\n10月底前完成申报。\n"
    assert outline(text) == [["一、"]]


def test_headings():
    doc = clean(
        "为推动科技创新，制定本方案。\n一、主要目标\n（一）统筹规划，分步实施。注重顶层设计。\n第一条 为了规范管理，制定本办法。\n".encode()
    )
    heads = {tuple(c.path): c.heading for c in doc.clauses if c.number}
    assert heads[("一、",)] == "主要目标"
    assert heads[("一、", "（一）")] == "统筹规划，分步实施"
    # (an article after a heading-only 一、 sits under it: real 办法 use 一、 as their chapters)
    assert next(c.heading for c in doc.clauses if c.number == "第一条") is None


def test_a_list_item_ending_in_a_semicolon_has_no_heading():
    doc = clean(
        "为规范管理，制定本办法。\n第十条 有下列情形之一的，撤销认定：\n（一）提供虚假材料的；\n"
        "（二）连续两年绩效评价不合格的；\n（三）发生重大安全事故的。\n".encode()
    )
    items = [c for c in doc.clauses if c.path[:1] == ["第十条"] and len(c.path) == 2]
    assert [c.heading for c in items] == [None, None, None]
    titled = clean("为推动创新，制定本方案。\n一、保障措施\n（一）加强组织领导。\n".encode())
    assert titled.clauses[-1].heading == "加强组织领导"  # a title alone on its line, full stop and all


def test_number_with_closing_bracket_only():
    text = "为推动科技创新，制定本方案。\n一、重点任务\n1）建设平台，完善服务体系。\n2）培育企业，壮大创新主体。\n3）个百分点的说法不是条目。\n"
    assert outline(text) == [["一、"], ["一、", "1）"], ["一、", "2）"]]


def test_department_tag_in_square_brackets_and_other_labels_after_it():
    doc = clean(
        "为推动科技创新，制定本方案。\n一、重点任务\n（一）建设平台【责任单位：市科技局、市财政局】\n"
        "（二）培育企业。责任单位：市工业和信息化局；完成时限：2022年底\n".encode()
    )
    tags = {tuple(c.path): c.departments for c in doc.clauses if c.number}
    assert tags[("一、", "（一）")] == ["市科技局", "市财政局"]
    assert tags[("一、", "（二）")] == ["市工业和信息化局"]


def test_parts_are_a_level_above_their_items():
    text = (
        "西安市推进创新平台建设实施方案\n第一部分　总体要求\n一、指导思想\n坚持创新驱动。\n二、主要目标\n到2025年建成平台50个。\n"
        "第二部分　重点任务\n一、加快成果转化\n（一）建设概念验证中心。支持高校建设。\n二、壮大企业群体\n"
    )
    assert outline(text) == [
        ["第一部分"],
        ["第一部分", "一、"],
        ["第一部分", "二、"],
        ["第二部分"],
        ["第二部分", "一、"],
        ["第二部分", "一、", "（一）"],
        ["第二部分", "二、"],
    ]
    part = next(c for c in clean(text.encode()).clauses if c.path == ["第二部分"])
    assert part.heading == "重点任务"


def test_an_article_label_alone_on_its_line_opens_the_article():
    text = (
        "科技企业培育办法\n第一条\n为培育科技企业，制定本办法。\n第二条\n对首次认定的企业给予10万元奖励。\n"
    )
    assert outline(text) == [["第一条"], ["第二条"]]
