"""Department tags: every printed form, roles, canonical full names in the document's region."""

import pytest

from cleaner.departments import find_departments, first_is_lead, with_canonical
from corpus.departments import alias_groups, canonical_department, canonical_suffix
from corpus.model import Region

LINYI = Region(province="山东省", city="临沂市")


def names(text, **kw):
    return [(d.name, d.role) for d in find_departments(text, **kw)]


def test_bracketed_tag_split_one_name_each():
    text = "建设中试基地。（责任单位：市科技局、市工业和信息化局、市大数据局）"
    assert names(text) == [
        ("市科技局", "responsible"),
        ("市工业和信息化局", "responsible"),
        ("市大数据局", "responsible"),
    ]


def test_lead_and_support_tags():
    text = "推进平台建设。（牵头单位：市发展改革委；配合单位：市科技局、市财政局）"
    assert names(text) == [("市发展改革委", "lead"), ("市科技局", "support"), ("市财政局", "support")]


def test_role_words_after_names_without_tag_word():
    text = "完善政策体系。（市科技局牵头，市财政局、市人力资源社会保障局配合）"
    assert names(text) == [("市科技局", "lead"), ("市财政局", "support"), ("市人力资源社会保障局", "support")]


def test_division_of_duties_form():
    assert names("加强督导。（科技部、财政部按职责分工负责）") == [
        ("科技部", "responsible"),
        ("财政部", "responsible"),
    ]


def test_plain_brackets_are_not_departments():
    assert names("建设众创空间、孵化器、加速器（以下简称孵化器）。") == []
    assert names("到2025年（含）完成，参与企业不少于10家。") == []


def test_first_listed_leads_when_the_document_says_so():
    doc = "各项任务（责任单位排在第一位的为牵头单位）\n（一）xx。（责任单位：市科技局、市财政局）"
    assert first_is_lead(doc)
    assert names("（责任单位：市科技局、市财政局）", lead_first=True) == [
        ("市科技局", "lead"),
        ("市财政局", "support"),
    ]


def test_tag_on_its_own_line_and_nested_role_bracket():
    text = "1.建设科技大市场。\n责任单位：市科技局（牵头）、市财政局"
    assert names(text) == [("市科技局", "lead"), ("市财政局", "responsible")]


def test_etc_is_dropped_from_names():
    assert names("（责任单位：市科技局、市财政局等）") == [
        ("市科技局", "responsible"),
        ("市财政局", "responsible"),
    ]


@pytest.mark.parametrize(
    "printed, canonical",
    [
        ("市科技局", "临沂市科学技术局"),
        ("市发展改革委", "临沂市发展和改革委员会"),
        ("市工业和信息化局", "临沂市工业和信息化局"),
        ("市人力资源社会保障局", "临沂市人力资源和社会保障局"),
        ("市市场监管局", "临沂市市场监督管理局"),
        ("市委组织部", "中共临沂市委组织部"),
        ("省科技厅", "山东省科学技术厅"),
        ("市税务局", "国家税务总局临沂市税务局"),
        ("各有关部门", None),
        ("各县区", None),
    ],
)
def test_canonical_names_in_region(printed, canonical):
    assert canonical_department(printed, "山东省", "临沂市") == canonical


def test_canonical_without_region_keeps_full_names_only():
    assert canonical_department("市科技局", "山东省", None) is None
    assert canonical_department("淄博市科技局") == "淄博市科学技术局"
    assert canonical_suffix("市场监管局") == "市场监督管理局"


def test_with_canonical_fills_the_tags():
    tags = with_canonical(find_departments("（责任单位：市科技局、各县区）"), LINYI)
    assert [(d.name, d.canonical) for d in tags] == [("市科技局", "临沂市科学技术局"), ("各县区", None)]


def test_alias_groups_for_query_synonyms():
    group = alias_groups()["科技局"]
    assert "科学技术局" in group and "科技局" in group
    assert set(alias_groups()["发改委"]) >= {"发展改革委", "发展和改革委员会"}


def _tags(text: str) -> dict[str, list[str]]:
    from cleaner import clean

    return {
        "/".join(c.path): [d.name for d in c.department_tags] for c in clean(text.encode()).clauses if c.path
    }


def test_a_tag_line_after_sub_items_closes_the_item_that_holds_them():
    got = _tags(
        "关于加快培育创新型企业的若干措施\n1.支持科技型中小企业成长。对首次入库的企业给予3万元奖励。\n责任单位：市科技局\n"
        "2.加大高新技术企业培育力度。\n（1）对首次认定的高新技术企业，给予30万元奖励。\n（2）对整体迁入的高新技术企业，给予50万元奖励。\n"
        "责任单位：市科技局、市财政局\n"
    )
    assert got["1."] == ["市科技局"]
    assert got["2."] == ["市科技局", "市财政局"]
    assert got["2./（1）"] == [] and got["2./（2）"] == []


def test_the_paragraph_after_a_colon_list_closes_the_item_that_opened_it():
    got = _tags(
        "成都市中试行动方案\n一、重点行动\n1.布局建设中试平台。围绕以下领域布局：\n①电子信息领域，建设中试线；\n②生物医药领域，建设中试平台。\n"
        "对认定的市级中试平台，给予一次性奖励300万元。（牵头单位：市经信局；配合单位：市科技局）\n"
        "2.开放共享中试资源。对开放服务的平台给予奖励。（牵头单位：市科技局）\n"
    )
    assert got["一、/1."] == ["市经信局", "市科技局"]
    assert got["一、/1./②"] == []
    assert got["一、/2."] == ["市科技局"]


def test_sub_items_that_each_close_with_their_own_tag_keep_them():
    got = _tags(
        "若干措施\n一、重点任务\n（一）建设平台。支持建设平台。\n责任单位：市科技局\n"
        "（二）培育企业。支持企业发展。\n责任单位：市工信局\n"
    )
    assert got["一、/（一）"] == ["市科技局"]
    assert got["一、/（二）"] == ["市工信局"]
    assert got["一、"] == []


def test_a_name_with_brackets_of_its_own_is_one_name():
    from cleaner.departments import find_departments

    got = find_departments(
        "建立培育库。（牵头单位：市科技局；责任单位：各县（市、区）人民政府，各开发（度假）区管委会）"
    )
    assert [(d.name, d.role) for d in got] == [
        ("市科技局", "lead"),
        ("各县（市、区）人民政府", "responsible"),
        ("各开发（度假）区管委会", "responsible"),
    ]


def test_a_tag_word_with_the_tasks_verb_inside_it():
    # an assessment annex: the deadline before the tag is no name, 牵头考核单位 leads
    text = "完善热线系统。（6月底完成，牵头考核单位：市政府办公室、市公安局）"
    assert names(text) == [("市政府办公室", "lead"), ("市公安局", "lead")]


def test_names_that_share_duties_are_read_without_the_role_phrase():
    text = "用好原产地规则。（合肥海关牵头，省贸促会、省商务厅按职责分工配合）"
    assert names(text) == [("合肥海关", "lead"), ("省贸促会", "support"), ("省商务厅", "support")]


def test_a_note_after_the_last_name_is_not_part_of_it():
    text = "〔责任单位：市经济信息化局，广安经开区、川渝高竹新区管委会具体组织实施。以下均需组织实施〕"
    assert [n for n, _ in names(text)] == ["市经济信息化局", "广安经开区", "川渝高竹新区管委会"]


def test_a_label_with_a_latin_mark_glued_in_front_ends_the_list():
    assert [
        n for n, _ in names("加强党的领导。责任单位：区党工委党群工作部、经济发展局H5解读：https://q.example")
    ] == [
        "区党工委党群工作部",
        "经济发展局",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "责任单位：（公章）　",  # a form's blank for the stamp
        "提请区科技项目评审领导小组（必要时邀请相关职能部门参与）审定。",  # an aside naming nobody
    ],
)
def test_a_blank_or_an_aside_names_no_department(text):
    assert names(text) == []
