"""DOCX items numbered by Word's list feature keep their labels: the outline is rebuilt from numbering.xml."""

import io

import docx
from docx.oxml import parse_xml

from cleaner import clean

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ABSTRACT = f"""<w:abstractNum {W_NS} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered(paragraph, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>'))


def _docx() -> bytes:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    first_num.addprevious(parse_xml(ABSTRACT))  # abstract definitions come before the list instances
    numbering.append(parse_xml(NUM))
    d.add_paragraph("苏州市科学技术局关于加快科技企业培育的实施意见")
    d.add_paragraph("苏科发〔2023〕8号")
    d.add_paragraph("为加快培育科技企业，制定本意见。")
    for ilvl, text in [
        (0, "总体目标"),
        (0, "重点任务"),
        (1, "支持企业研发。对研发投入大的企业给予最高50万元补助。（责任单位：市科技局）"),
        (2, "首次认定的高新技术企业，给予20万元奖励。"),
        (2, "重新认定的高新技术企业，给予10万元奖励。"),
        (1, "支持平台建设。（责任单位：市科技局、市财政局）"),
        (0, "保障措施"),
    ]:
        _numbered(d.add_paragraph(text), ilvl)
    d.add_paragraph("四、附则")  # a label typed by hand stays as typed
    d.add_paragraph("本意见自印发之日起施行。")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_word_list_numbering_becomes_the_printed_labels():
    doc = clean(_docx())
    paths = [c.path for c in doc.clauses if c.path]
    assert paths == [
        ["一、"],
        ["二、"],
        ["二、", "（一）"],
        ["二、", "（一）", "1."],
        ["二、", "（一）", "2."],
        ["二、", "（二）"],
        ["三、"],
        ["四、"],
    ]
    by_path = {"/".join(c.path): c for c in doc.clauses if c.path}
    assert by_path["二、/（一）"].heading == "支持企业研发"
    assert [d.name for d in by_path["二、/（二）"].department_tags] == ["市科技局", "市财政局"]


def test_style_numbering_counts_too():
    d = docx.Document()
    d.add_paragraph("关于支持科技创新的若干措施")
    for text in ("支持研发投入。给予奖励。", "支持平台建设。给予补助。"):
        d.add_paragraph(text, style="List Number")
    out = io.BytesIO()
    d.save(out)
    paths = [c.path for c in clean(out.getvalue()).clauses if c.path]
    assert paths == [["1."], ["2."]]
