"""Cites and repeals from a document's text (cleaner/citations.py)."""

from pathlib import Path

from cleaner import clean
from cleaner.citations import find_citations, find_repeals
from corpus.model import Reference

FIXTURES = Path(__file__).parent / "fixtures"


def _clean(name: str):
    return clean((FIXTURES / name).read_bytes(), source=name)


def test_cited_number_in_opening_sentence_and_own_number_excluded():
    doc = _clean("cited_number_in_opening.txt")
    assert doc.doc_number == "临政办发〔2021〕6号"
    numbers = [r.doc_number for r in doc.cites]
    assert numbers == [
        "鲁政发〔2018〕5号",
        "国科发基［2017］289号",
        "鲁科字(2019)第７号",
        "临政办发〔2015〕18号",
    ]
    assert doc.cites[0].title == "山东省人民政府关于深化科技体制改革加快创新发展的实施意见"
    # the document carried by the 印发 wrapper is the document itself, not a citation
    assert all(r.title != "临沂市科技创新券管理办法" for r in doc.cites)
    assert doc.repeals == [Reference("临政办发〔2015〕18号", "临沂市科技创新券管理办法（试行）")]


def test_own_number_printed_only_under_the_title():
    doc = _clean("own_number_only_under_title.html")
    assert all("临科字" not in (r.doc_number or "") for r in doc.cites)
    assert doc.cites == [Reference("国科发火〔2016〕32号", "高新技术企业认定管理办法")]
    # even when the metadata did not give it, a 文号 alone under the title is ours
    text = "临科字〔2022〕58号\n各县区科技局：\n根据《高新技术企业认定管理办法》（国科发火〔2016〕32号），制定本办法。"
    assert [r.doc_number for r in find_citations(text)] == ["国科发火〔2016〕32号"]


def test_decree_numbers_and_bracket_forms():
    text = (
        "依据《江西省科学技术奖励办法》（江西省人民政府令第161号）和国务院第709号令，"
        "贯彻落实省政府办公厅印发的鲁政办发[2019]12号文件、鲁科字【2020】3号及赣科发（２０２１）第０２号。"
    )
    refs = find_citations(text)
    assert [r.doc_number for r in refs] == [
        "江西省人民政府令第161号",
        "国务院第709号令",
        "鲁政办发[2019]12号",
        "鲁科字【2020】3号",
        "赣科发（２０２１）第０２号",
    ]
    assert refs[0].title == "江西省科学技术奖励办法"


def test_abbreviations_and_newspapers_are_not_documents():
    text = "《方案》提出，到2025年建成10个基地。《实施意见》明确，据《科技日报》报道。"
    assert find_citations(text) == []


def test_same_document_named_twice_is_one_reference():
    text = (
        "根据《关于A的意见》精神。落实《关于A的意见》（临政发〔2020〕1号）要求。再次强调临政发〔2020〕1号。"
    )
    assert find_citations(text) == [Reference("临政发〔2020〕1号", "关于A的意见")]


def test_repeal_decision_listing_three_documents():
    doc = _clean("repeal_decision_three.txt")
    assert doc.repeals == [
        Reference("临政发〔2015〕3号", "临沂市人民政府关于加快科技服务业发展的实施意见"),
        Reference("临政办发〔2016〕21号", "临沂市科技型中小企业认定办法"),
        Reference("临政办字[2017]45号", "临沂市人民政府办公室关于印发临沂市科技创新券实施细则的通知"),
    ]
    assert doc.doc_number == "临政发〔2023〕2号"
    assert all(r.doc_number != doc.doc_number for r in doc.cites)
    assert doc.effective == "2023-01-10"


def test_repeal_phrases():
    text = (
        "本办法自2021年1月1日起施行，原《临沂市A办法》（临政办发〔2015〕18号）同时废止。\n"
        "《临沂市B细则》（临科发〔2016〕2号）、《临沂市C规定》停止执行。\n"
        "此前印发的《临沂市D意见》与本办法不一致的，以本办法为准。\n"
        "根据《临沂市E条例》，结合实际，制定本办法。\n"
        "有关规定与本办法不一致的，以本办法为准。"
    )
    refs = find_repeals(text)
    assert [r.title for r in refs] == ["临沂市A办法", "临沂市B细则", "临沂市C规定", "临沂市D意见"]
    assert refs[0].doc_number == "临政办发〔2015〕18号"


def test_repeal_named_in_the_title():
    refs = find_repeals(
        "经研究，决定予以废止。", own_title="关于废止《关于加快推进中试基地建设的意见》的通知"
    )
    assert refs == [Reference(title="关于加快推进中试基地建设的意见")]


def test_repeal_list_as_table_rows():
    text = (
        "现将废止的文件目录公布如下：\n序号 | 文件名称 | 文号\n"
        "1 | 关于A的通知 | 临科发〔2015〕1号\n2 | 关于B的办法 | 临科发〔2016〕2号\n本通知自印发之日起施行。"
    )
    assert find_repeals(text) == [
        Reference("临科发〔2015〕1号", "关于A的通知"),
        Reference("临科发〔2016〕2号", "关于B的办法"),
    ]


def test_repost_does_not_cite_the_document_it_carries():
    seed = Path("/work/shared/seeds/003_454fa1552c06ed2d.txt")
    site = Path(__file__).resolve().parents[2] / "corpus/sample/site/kjj/zcwj/202301/t20230116_3310.html"
    doc = clean(site.read_bytes(), source=str(site))
    assert doc.summary and doc.cites == []
    if seed.exists():
        assert clean(seed.read_bytes(), source=str(seed)).cites == []


def test_repealed_documents_after_the_verb():
    text = (
        "经研究，决定废止《关于加快推进中试基地建设的意见》（临科发〔2022〕5号）和《临沂市X办法》。\n"
        "废止后，中试基地备案按照《山东省中试基地建设管理办法》执行。\n"
        "现予以废止临科字〔2019〕8号文件。"
    )
    assert find_repeals(text) == [
        Reference("临科发〔2022〕5号", "关于加快推进中试基地建设的意见"),
        Reference(title="临沂市X办法"),
        Reference("临科字〔2019〕8号"),
    ]
