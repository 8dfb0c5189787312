"""Laws and regulations: adoption, promulgation and amendment lines give issuer, dates and history.

The excerpts are a few lines quoted verbatim from real texts (LawRefBook/Laws'
national folders, 3cd6e86b), then a short article so the document has a
body.  The whole corpus is checked by `policy bench laws` (make corpus-check),
never by the tests.
"""

from __future__ import annotations

import re

import pytest

from cleaner import clean
from cleaner.enactment import is_enactment_line, read_enactment
from cleaner.metadata import looks_like_title
from tests.conftest import run_policy

ARTICLE = "第一条 为了规范管理工作，根据有关法律，制定本条例。\n第二条 本条例自发布之日起施行。\n"


def _lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


def test_an_approval_then_a_ministry_order_makes_the_ministry_the_issuer():
    rec = read_enactment(_lines("1993年8月29日 国务院批准\n1993年9月15日 国家民族事务委员会令第2号发布\n"), 0)
    assert rec.issuer == "国家民族事务委员会"
    assert (rec.published, rec.signed) == ("1993-09-15", "1993-09-15")
    assert [(e.action, e.body) for e in rec.events] == [("批准", "国务院"), ("发布", "国家民族事务委员会")]


def test_a_bracketed_provincial_adoption_and_amendment_on_one_line():
    line = (
        "（2015年9月25日浙江省第十二届人民代表大会常务委员会第二十二次会议通过　"
        "根据2017年9月30日浙江省第十二届人民代表大会常务委员会第四十四次会议"
        "《关于修改〈浙江省水资源管理条例〉等七件地方性法规的决定》修正）"
    )
    assert is_enactment_line(line)
    rec = read_enactment([line], 0)
    assert rec.issuer == "浙江省人民代表大会常务委员会"
    assert rec.signed == rec.published == "2015-09-25"
    assert [(e.date, e.action) for e in rec.events] == [("2015-09-25", "通过"), ("2017-09-30", "修正")]


def test_a_session_adopts_an_order_promulgates_and_a_date_puts_it_in_force():
    rec = read_enactment(
        _lines(
            "2005年1月5日 国务院第76次常务会议通过\n2005年1月10日 中华人民共和国国务院令第431号公布\n2005年5月1日 施行\n"
        ),
        0,
    )
    assert rec.issuer == "国务院"
    assert (rec.signed, rec.published, rec.effective) == ("2005-01-05", "2005-01-10", "2005-05-01")


def test_joint_issuers_one_a_line_are_one_event_filed_under_the_first():
    text = "1990年2月20日 国务院批准\n1990年3月12日 国家教育委员会令第8号\n国家体育运动委员会令第11号发布\n"
    rec = read_enactment(_lines(text), 0)
    assert rec.issuer == "国家教育委员会" and rec.end == 3
    text = "1988年12月17日 中华人民共和国国务院\n中央军事委员会令第22号发布\n"
    assert read_enactment(_lines(text), 0).issuer == "国务院"


def test_an_amendment_named_by_its_decision_and_two_sessions_acting_together():
    text = (
        "1999年12月25日 第九届全国人民代表大会常务委员会第十三次会议通过的《中华人民共和国刑法修正案》\n"
        "2010年7月21日 国务院第120次常务会议\n2010年3月29日 中央军事委员会常务会议修订\n"
    )
    rec = read_enactment(_lines(text), 0)
    assert rec.end == 3
    assert [(e.action, e.body) for e in rec.events] == [
        ("修正", "全国人民代表大会常务委员会"),
        ("修订", "中央军事委员会"),
    ]


def test_a_sentence_is_not_an_enactment_line():
    assert not is_enactment_line("2015年9月25日，省政府召开常务会议，研究部署科技创新工作。")
    assert read_enactment(["第一条 为了规范管理工作，制定本条例。"], 0) is None


@pytest.mark.parametrize(
    "title", ["信访条例", "民法典", "中华人民共和国立法法", "中华人民共和国刑法修正案（十一）"]
)
def test_law_titles_and_short_regulation_titles_are_titles(title):
    assert looks_like_title(title)


@pytest.mark.parametrize("line", ["应当依法", "实施方案", "具体办法"])
def test_sentences_and_bare_type_words_are_not_titles(line):
    assert not looks_like_title(line)


def test_a_regulation_with_its_history_under_the_title():
    text = (
        "不动产登记暂行条例\n"
        "（2014年11月24日中华人民共和国国务院令第656号公布　"
        "根据2019年3月24日《国务院关于修改部分行政法规的决定》修订）\n" + ARTICLE
    )
    doc = clean(text.encode())
    assert doc.title == "不动产登记暂行条例"
    assert doc.issuer == "国务院"
    assert doc.published == "2014-11-24"
    assert [(e.date, e.action) for e in doc.history] == [("2014-11-24", "公布"), ("2019-03-24", "修订")]
    assert [c.number for c in doc.clauses] == ["第一条", "第二条"]  # the history is no clause
    assert doc.to_dict()["history"][1]["body"] == "国务院"


def test_a_markdown_law_reads_its_heading_as_title_and_its_marks_away():
    text = (
        "# 中华人民共和国刑法修正案（五）\n\n本修正案自公布之日起实行\n\n"
        "2005年2月28日 第十届全国人民代表大会常务委员会第十四次会议通过\n\n<!-- INFO END -->\n\n"
        "## 第一章　总则\n\n第一条 为了规范管理工作，根据有关法律，制定本法。\n\n"
        "- （一）明知是伪造的信用卡而持有、运输的；\n\n- （二）非法持有他人信用卡，数量较大的；\n"
    )
    doc = clean(text.encode())
    assert doc.title == "中华人民共和国刑法修正案（五）"
    assert doc.issuer == "全国人民代表大会常务委员会"
    assert doc.signed == "2005-02-28"
    assert [c.path for c in doc.clauses if c.number] == [
        ["第一章"],
        ["第一章", "第一条"],
        ["第一章", "第一条", "（一）"],
        ["第一章", "第一条", "（二）"],
    ]
    assert not any("INFO" in c.text or c.text.startswith(("#", "-")) for c in doc.clauses)


def test_front_matter_alone_is_not_a_document():
    from cleaner import NotADocument

    with pytest.raises(NotADocument):
        clean(b"---\nbookCollapseSection: true\n---\n")


def test_bench_laws_counts_what_a_folder_of_laws_lacks(tmp_path):
    (tmp_path / "a.md").write_text(
        "# 信访条例\n\n2005年1月5日 国务院第76次常务会议通过\n\n2005年1月10日 中华人民共和国国务院令第431号公布\n\n"
        + ARTICLE,
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "# 保障中小企业款项支付条例\n\n<!-- INFO END -->\n\n" + ARTICLE, encoding="utf-8"
    )
    (tmp_path / "_index.md").write_text("---\nbookCollapseSection: true\n---\n", encoding="utf-8")
    r = run_policy("bench", "laws", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "3 files, 2 documents, 1 not documents" in r.stdout
    assert "issuer" in r.stdout and "1/2 ok (50.0%)" in r.stdout
    assert "fails: " + str(tmp_path / "b.md") in r.stdout
    assert re.search(r"first body line kept +2/2 ok", r.stdout)
    assert re.search(r"item holding a paragraph +0 in +0", r.stdout)
    r = run_policy("bench", "laws", env={"POLICY_LAWS_DIR": str(tmp_path / "missing")})
    assert r.returncode == 1 and "POLICY_LAWS_DIR" in r.stderr


@pytest.mark.parametrize(
    "article",
    [
        "第十六条 港澳同胞回乡证由持证人保存，有效期十年，在有效期内可以多次使用。",
        "第一百零三条 健康证明的项目、格式由海关总署统一规定，有效期为12个月。",
        "第十条 知识产权海关保护备案自海关总署准予备案之日起生效，有效期为10年。",
    ],
)
def test_a_certificates_validity_inside_an_article_is_not_the_documents(article):
    from cleaner.validity import find_validity

    v = find_validity(article + "\n第二十条 本办法自公布之日起施行。", published="1986-12-25")
    assert (v.effective, v.expires) == ("1986-12-25", None)
    assert (
        find_validity("第十条 本办法自印发之日起施行，有效期5年。", signed="2020-01-01").expires
        == "2024-12-31"
    )


def test_the_outline_shape_counts_what_breaks_a_laws_build():
    from policy.bench.law_shape import SYMPTOMS, symptoms

    doc = clean(
        "# 某某条例\n\n2005年1月5日 国务院第76次常务会议通过\n\n<!-- INFO END -->\n\n"
        "第一条 为了规范管理工作，制定本条例。\n\n第三条 有下列情形之一的，责令改正：\n\n"
        "（一）未按规定备案；\n\n（二）未按规定报告；\n\n有前款行为的，处以罚款。\n\n第三条 本条例自发布之日起施行。\n"
    )
    counts, examples = symptoms(doc)
    assert set(counts) <= set(SYMPTOMS)
    assert counts["article numbering break"] == 2  # 第一条 -> 第三条, 第三条 -> 第三条
    assert counts["ranked path repeated"] == 1 and examples["ranked path repeated"] == ["第三条"]
    assert counts["item holding a paragraph"] == 0  # 有前款… is the article's 款
    assert doc.clauses[1].text.endswith("\n有前款行为的，处以罚款。")
