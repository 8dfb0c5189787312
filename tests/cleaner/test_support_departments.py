"""A grant's department read off the 责任单位 tag that closes its paragraph (real sentences of ga1 and pkulaw_anhui)."""

from __future__ import annotations

from cleaner import clean


def departments(text: str) -> list[tuple[str, str | None]]:
    doc = clean(text.encode("utf-8"), url="http://jxj.example.gov.cn/zcwj/2022/fangan.html")
    return [(g.amount.text, g.department) for c in doc.clauses if c.support for g in c.support.grants]


def test_the_tag_names_every_department_as_printed_up_to_its_first_comma():
    # ga1_guangan_gongga_peiyou_fangan.txt 三、（四） and 三、（一）: before, only the first name (市发展改革委)
    text = (
        "广安市制造业企业“贡嘎培优”行动方案\n三、支持措施\n"
        "（一）支持做大做强。对首次进入市级、省级“贡嘎培优”名单的企业，市级工业发展资金一次性分别给予30万元、50万元资金奖补。"
        "〔责任单位：市经济信息化局、市财政局，各县（市、区）人民政府，广安经开区、川渝高竹新区管委会具体组织实施。"
        "以下均需各县（市、区）人民政府，广安经开区、川渝高竹新区管委会组织实施，不再列出〕\n"
        "（四）支持技改创新。对企业研发投入占比首次实现翻倍的市级“贡嘎培优”企业，市级工业发展资金一次性给予100万元资金奖补。"
        "（责任单位：市发展改革委、市科技局、市经济信息化局、市财政局、市市场监管局、市税务局）\n"
    )
    assert departments(text) == [
        ("30万元", "市经济信息化局、市财政局"),
        ("50万元", "市经济信息化局、市财政局"),
        ("100万元", "市发展改革委、市科技局、市经济信息化局、市财政局、市市场监管局、市税务局"),
    ]


def test_each_paragraph_of_a_clause_takes_its_own_tag():
    # pkulaw_anhui_support_policy_zerenbumen.txt 三、: three paragraphs, three tags
    text = (
        "安徽省支持工业互联网发展若干政策\n三、支持工业互联网基础设施建设\n"
        "推动企业内外网改造升级。每年支持一批网络改造应用良好的企业，省级给予一次性奖补100万元。"
        "（责任单位：省经济和信息化厅、省财政厅）\n"
        "建设标识解析体系。对省内建成的标识解析二级节点项目省级按照不超过项目投资额30%的比例给予一次性奖补，最高300万元。"
        "（责任单位：省经济和信息化厅、省通信管理局、省财政厅）\n"
    )
    assert [d for _, d in departments(text)] == [
        "省经济和信息化厅、省财政厅",
        "省经济和信息化厅、省通信管理局、省财政厅",
    ]


def test_a_body_that_approves_it_in_the_sentence_still_comes_first():
    text = "南沙区扶持办法\n第三条 对获区科技行政主管部门认定的企业，给予20万元奖励。（责任单位：区财政局）\n"
    assert departments(text) == [("20万元", "区科技行政主管部门")]
