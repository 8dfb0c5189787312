"""The three page templates of the bundled site, cleaned."""

import pytest

from cleaner import NotADocument, clean
from tests.conftest import SAMPLE_DOCS


def page(name: str) -> bytes:
    return next(p for p in SAMPLE_DOCS if p.name == name).read_bytes()


def test_disclosure_table_page():
    doc = clean(page("t20200413_1043.html"), url="http://x/a.html")
    assert doc.title == "淄博市人民政府办公室关于加强科技创新平台建设加速新旧动能转换的意见"
    assert doc.issuer == "淄博市人民政府办公室"
    assert doc.doc_number == "淄政办字〔2020〕43号"
    assert (doc.published, doc.signed) == ("2020-04-13", "2020-04-10")
    assert doc.doc_type == "意见" and not doc.draft
    assert (doc.region.province, doc.region.city) == ("山东省", "淄博市")
    paths = [tuple(c.path) for c in doc.clauses if c.number]
    assert ("四、", "(一)", "1.") in paths
    tagged = next(c for c in doc.clauses if c.path == ["五、", "(四)"])
    assert "市工业和信息化局" in tagged.departments  # the tag broken over two lines is joined


def test_gbk_page_with_empty_doc_number_cell():
    raw = page("t20210929_2210.html")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    doc = clean(raw, url="http://x/b.html")
    assert doc.title == "临沂市“十四五”科技创新发展规划(征求意见稿)"
    assert doc.doc_number is None  # the empty 文号 cell does not take the next cell
    assert doc.index_no == "1585729837/kxjsj/2021-0000035"
    assert doc.draft and doc.doc_type == "规划"
    # the run-on paragraph is split at its inline labels, duplicate 十三、 kept as printed
    tops = [c.number for c in doc.clauses if c.level == 1]
    assert tops.count("十三、") == 2 and "十一、" not in tops


def test_trs_page_meta_tags():
    doc = clean(page("t20220518_1822.html"), url="http://x/c.html")
    assert doc.title == "关于加快推进中试基地建设的意见"
    assert doc.published == "2022-05-18"
    amounts = [a.yuan for c in doc.clauses for a in c.amounts]
    assert 500000 in amounts and 2000000 in amounts
    assert all("关闭窗口" not in c.text and "ICP" not in c.text for c in doc.clauses)


def test_news_repost_takes_the_carried_document():
    doc = clean(page("t20240612_4412.html"), url="http://x/d.html")
    assert doc.title == "深化产学研合作 提升科技成果转化质效专项行动方案"
    assert doc.issuer == "中共青岛市委科技委员会"
    assert doc.summary and "日前" in doc.summary
    assert doc.clauses[0].text.startswith("为深入实施创新驱动发展战略")


@pytest.mark.parametrize(
    "junk", [b"", b"   ", b"\x00\x01\x02\xff" * 100, b"<html><body><script>var a=1;</script></body></html>"]
)
def test_not_a_document(junk):
    with pytest.raises(NotADocument):
        clean(junk)
