"""Page-level reading: markup quirks of real CMSs, body selection, chrome."""

from cleaner import Hints, clean

BODY = "".join(
    f"<p>（{n}）支持科技型企业加大研发投入，对符合条件的企业给予研发费用补助，推动创新资源向企业集聚。</p>"
    for n in "一二三四五"
)


def page(body: str, head: str = "") -> bytes:
    return f"<html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()


def test_xhtml_with_xml_declaration():
    data = (
        '<?xml version="1.0" encoding="utf-8"?>\n' + page(f"<div class='TRS_Editor'>{BODY}</div>").decode()
    ).encode()
    doc = clean(data)
    assert [c.number for c in doc.clauses] == ["（一）", "（二）", "（三）", "（四）", "（五）"]


def test_aspnet_form_wrapper_is_not_chrome():
    doc = clean(page(f"<form id='form1'><div class='nav'><a>首页</a></div><div>{BODY}</div></form>"))
    assert len(doc.clauses) == 5 and "首页" not in doc.body_text


def test_site_body_selector_wins_and_a_bad_one_is_ignored():
    html = page(
        f"<div id='a'>{BODY}</div><div id='b'><p>一、另一段文字，介绍本站的栏目设置和联系方式，欢迎各界人士提出意见建议。</p></div>"
    )
    assert clean(html, hints=Hints(body_selector="#b")).clauses[0].number == "一、"
    assert len(clean(html, hints=Hints(body_selector="div[[")).clauses) >= 5


def test_info_bar_pairs_and_title_suffix():
    html = page(
        "<h1>关于加快推进中试基地建设的意见</h1>"
        "<div class='info'>发布时间：2022-05-18 09:30 来源：市科技局 浏览次数：1024 【大 中 小】</div>"
        f"<div class='article'>{BODY}</div>",
        head="<title>关于加快推进中试基地建设的意见_临沂市科学技术局</title>",
    )
    doc = clean(html, hints=Hints())
    assert doc.title == "关于加快推进中试基地建设的意见"
    assert doc.published == "2022-05-18"
    assert doc.issuer == "市科学技术局"


def test_title_tag_site_suffix_is_removed():
    html = page(
        f"<div class='article'>{BODY}</div>",
        head="<title>临沂市科技创新券管理办法 - 政策文件 - 临沂市科学技术局</title>",
    )
    assert clean(html).title == "临沂市科技创新券管理办法"


def test_title_without_a_document_type_falls_back_to_the_heading():
    html = page(
        f"<div class='header'><h1>临沂市科学技术局</h1></div><h2>临沂市科学技术局2023年工作要点</h2><div class='article'>{BODY}</div>",
        head="<title>临沂市科学技术局2023年工作要点_临沂市科学技术局</title>",
    )
    assert clean(html).title == "临沂市科学技术局2023年工作要点"


def test_a_newspaper_source_is_not_the_issuer():
    html = page(
        "<h1>淄博市人民政府办公室关于加强科技创新平台建设的意见</h1><div class='info'>来源：淄博日报</div>"
        f"<div class='article'>{BODY}</div>"
    )
    assert clean(html).issuer == "淄博市人民政府办公室"


def test_joint_repost_is_filed_under_the_leading_body():
    text = (
        "近日，省科技厅、省财政厅联合印发《关于支持新型研发机构建设的若干措施》，明确了支持方向。\n全文如下：\n"
        + "一、支持方向\n（一）对新认定的省级新型研发机构，给予最高500万元支持。\n"
    )
    doc = clean(text.encode())
    assert doc.title == "关于支持新型研发机构建设的若干措施"
    assert doc.issuer.endswith("科学技术厅")


def test_published_from_the_cms_url_when_the_page_prints_no_date():
    html = page(f"<h1>关于加快推进中试基地建设的意见</h1><div class='article'>{BODY}</div>")
    assert (
        clean(html, url="http://kjj.linyi.gov.cn/kjj/zcwj/202205/t20220518_1822.html").published
        == "2022-05-18"
    )
    assert clean(html, url="http://www.weifang.gov.cn/art/2021/9/29/art_1_2.html").published == "2021-09-29"
    assert (
        clean(html, url="http://www.gov.cn/zhengce/content/2021-07/25/content_5627167.htm").published
        == "2021-07-25"
    )
    assert clean(html, url="http://example.gov.cn/a.html").published is None


def test_site_suffix_never_eats_a_year_range():
    html = page(
        f"<div class='article'>{BODY}</div>",
        head="<title>青岛市“十四五”智能制造发展实施方案（2022-2025年）_市政府文件_青岛市人民政府</title>",
    )
    assert clean(html).title == "青岛市“十四五”智能制造发展实施方案（2022-2025年）"


def test_a_bare_date_above_the_body_is_the_publication_date():
    html = page(
        f"<h1>关于加快推进中试基地建设的意见</h1><div class='date'>2022-05-18 09:30</div><div class='article'>{BODY}</div>"
    )
    assert clean(html).published == "2022-05-18"


def test_joint_title_prefix_gives_the_first_issuer():
    html = page(
        f"<h1>临沂市科学技术局 临沂市财政局关于组织申报科技项目的通知</h1><div class='article'>{BODY}</div>"
    )
    assert clean(html).issuer == "临沂市科学技术局"
