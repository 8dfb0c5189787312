"""The corpus's own wording, mined at index build: definitions and character-dropping abbreviations.

The law excerpts are articles quoted verbatim from LawRefBook/Laws (read with the search
tool's read_file): 经济法/节约能源法.md at d7dff8469fd023ff2455d74c99ff1cb93189bdbb and
行政法规/生产安全事故应急条例.md at 1c4e99741f9baed554a05f9f9e0b974b2c604a0e, 经济法/进出口商品检验法.md
at 3cd6e86b80f0fac5478dc34216c80e8c0a82b9f0.  The 广安
市长奖 办法 is the cleaner's real fixture (tests/fixtures/cleaner/real/PROVENANCE.md).
"""

from __future__ import annotations

import json

import pytest

from cleaner import clean
from corpus.store import Store
from indexer import search, update_index
from indexer.build import current_generation, index_dir, index_state, live_lexicon
from indexer.entries import clause_entries, defined_in, document_definitions
from indexer.lexicon import (
    ABBREVIATION_FACTOR,
    DEFINED_FACTOR,
    LEXICON_FILE,
    Lexicon,
    LexiconBuilder,
    abbreviates,
    defined_names,
    definitions,
)
from indexer.query import parse_query, plan_query
from tests.conftest import FIXTURES

ENERGY = """# 中华人民共和国节约能源法

1997年11月1日 第八届全国人民代表大会常务委员会第二十八次会议通过

<!-- INFO END -->

第三条 本法所称节约能源（以下简称节能），是指加强用能管理，采取技术上可行、经济上合理以及环境和社会可以承受的措施，从能源生产到消费的各个环节，降低消耗、减少损失和污染物排放、制止浪费，有效、合理地利用能源。

第六条 国家实行节能目标责任制和节能考核评价制度，将节能目标完成情况作为对地方人民政府及其负责人考核评价的内容。

第二十六条 用能单位应当定期开展节能教育和岗位节能培训。
"""

EMERGENCY = """# 生产安全事故应急条例

2019年2月17日 中华人民共和国国务院令第708号公布

<!-- INFO END -->

第三条 县级以上人民政府应急管理部门和其他对有关行业、领域的安全生产工作实施监督管理的部门(以下统称负有安全生产监督管理职责的部门)在各自职责范围内，做好有关行业、领域的生产安全事故应急工作。

第十条 易燃易爆物品、危险化学品等危险物品的生产、经营、储存、运输单位，矿山、金属冶炼、城市轨道交通运营、建筑施工单位，以及宾馆、商场、娱乐场所、旅游景区等人员密集场所经营单位，应当建立应急救援队伍；其中，小型企业或者微型企业等规模较小的生产经营单位，可以不建立应急救援队伍，但应当指定兼职的应急救援人员，并且可以与邻近的应急救援队伍签订应急救援协议。

第十四条 下列单位应当建立应急值班制度，配备应急值班人员：

规模较大、危险性较高的易燃易爆物品、危险化学品等危险物品的生产、经营、储存、运输单位应当成立应急处置技术组，实行24小时应急值班。

第三十四条 储存、使用易燃易爆物品、危险化学品等危险物品的科研机构、学校、医院等单位的安全事故应急工作，参照本条例有关规定执行。
"""

INSPECTION = """# 中华人民共和国进出口商品检验法

1989年2月21日 第七届全国人民代表大会常务委员会第六次会议通过

<!-- INFO END -->

第二条 国务院设立进出口商品检验部门（以下简称国家商检部门），主管全国进出口商品检验工作。国家商检部门设在各地的进出口商品检验机构（以下简称商检机构）管理所辖地区的进出口商品检验工作。

第五条 列入目录的进出口商品，由商检机构实施检验。

第十七条 为出口危险货物生产包装容器的企业，必须申请商检机构进行包装容器的性能鉴定。生产出口危险货物的企业，必须申请商检机构进行包装容器的使用鉴定。使用未经鉴定合格的包装容器的危险货物，不准出口。

第十八条 对装运出口易腐烂变质食品的船舱和集装箱，承运人或者装箱单位必须在装货前申请检验。未经检验合格的，不准装运。
"""

GUANGAN = FIXTURES / "cleaner" / "real" / "record_guangan_shizhangjiang_banfa_chapters_annex_list.txt"


def test_a_definition_pairs_the_short_form_with_the_words_it_stands_for():
    assert definitions(ENERGY) == [("节约能源", "节能")]
    # 统称 gathers several things under one name: no abbreviation of any of them
    assert definitions(EMERGENCY) == []
    pairs = definitions(GUANGAN.read_text(encoding="utf-8"))
    assert ("科技创新市长奖", "市长奖") in pairs
    assert ("市长奖评审推荐工作组", "市长奖推荐工作组") in pairs
    # a run of words that long is a clause's words, not a name (LawRefBook/Laws at 3cd6e86b,
    # 行政法规/危险化学品安全管理条例.md, 第五十五条)
    assert (
        definitions(
            "对通过内河运输本条例第五十四条规定以外的危险化学品(以下简称通过内河运输危险化学品)实行分类管理"
        )
        == []
    )
    # a title in 《》 is taken whole, its 文号 in the bracket aside
    assert definitions(
        "根据《国家科技成果转化引导基金管理暂行办法》（财教〔2014〕1号，以下简称《暂行办法》）"
    ) == [("国家科技成果转化引导基金管理暂行办法", "暂行办法")]


def test_a_short_form_names_one_thing_across_the_corpus_only_when_its_definitions_agree():
    names = defined_names(
        [
            ("节约能源", "节能"),
            ("节约能源", "节能"),
            ("国务院证券监督管理机构", "委员会"),
            ("市场监督管理委员会", "委员会"),
        ]
        + [("科技企业孵化器", "孵化器")]
    )
    assert names["节能"] == ("节约能源",) and names["节约能源"] == ("节能",)
    assert "委员会" not in names  # two documents, two things
    assert "孵化器" not in names  # held whole by its full name: elsewhere it names other things too


def test_character_dropping_abbreviations_follow_the_words_of_the_long_form():
    assert abbreviates("危化品", "危险化学品")
    assert abbreviates("研发", "研究开发")
    assert abbreviates("高企", "高新技术企业")
    assert not abbreviates("研发", "研究开发费用")  # 费用 is more than 研发 says
    assert not abbreviates("金融办", "金融机构办理")  # 融 begins no word of it
    assert not abbreviates("节能", "节能目标")  # holds it whole: nothing to add
    assert abbreviates("研发费用", "研究开发费用")  # 费用 shared whole, 研发 of 研究开发


def test_a_name_the_corpus_prints_rarely_reaches_its_abbreviation_of_three_characters_or_more():
    lexicon = Lexicon(
        clauses=1000, vocabulary={"研发费用": 12, "研究开发费用": 1, "设置": 300, "设备购置": 2}
    )
    assert lexicon.abbreviations("研究开发费用") == ["研发费用"]
    assert ("研发费用", ABBREVIATION_FACTOR) in lexicon.wordings("研究开发费用")
    assert lexicon.abbreviations("设备购置") == []  # 设置 is a word of its own
    assert lexicon.abbreviations("研发费用") == []  # the short form reaches no shorter one


def _lexicon(*texts: str) -> Lexicon:
    builder = LexiconBuilder()
    for i, text in enumerate(texts):
        for para in text.split("\n\n"):
            builder.add(f"d{i}", para)
    return builder.lexicon()


def test_a_rare_query_word_reaches_the_frequent_words_it_abbreviates():
    lexicon = _lexicon(EMERGENCY, ENERGY)
    assert lexicon.df("危险化学品") == 3 and lexicon.df("危化品") == 0
    assert lexicon.abbreviated("危化品") == ["危险化学品"]
    assert ("危险化学品", ABBREVIATION_FACTOR) in lexicon.wordings("危化品")
    assert ("节约能源", DEFINED_FACTOR) in lexicon.wordings("节能")
    assert ("节能", DEFINED_FACTOR) in lexicon.wordings("节约能源")
    # a run of words the corpus prints (应急 救援) is a phrase, never an abbreviation
    assert lexicon.abbreviated("应急救援") == []


def test_the_plan_weighs_a_mined_wording_below_the_word_as_typed():
    lexicon = _lexicon(EMERGENCY, ENERGY)
    plan = plan_query(parse_query("危化品 储存"), lexicon=lexicon)
    names = dict(plan.terms[0].names)
    assert names["危化品"] == 1.0 and names["危险化学品"] == ABBREVIATION_FACTOR
    assert dict(plan_query(parse_query("危化品 储存")).terms[0].names) == {"危化品": 1.0}
    # an exclusion removes what names the word, never its other wordings
    excluded = plan_query(parse_query("储存 -危化品"), lexicon=lexicon).excluded[0]
    assert [s.text for s in excluded.spellings] == ["危化品"]


def test_a_clause_printing_a_short_form_its_document_defines_carries_the_full_name():
    doc = clean(INSPECTION.encode(), source="laws:经济法/进出口商品检验法.md")
    assert document_definitions(doc) == {"商检机构": "商品检验机构"}
    entries = {e.payload["path"][-1]: e for e in clause_entries(doc)}
    assert entries["第十七条"].payload["defined"] == ["商品检验机构"]
    assert "商品检验机构" in entries["第十七条"].context
    assert "defined" not in entries["第二条"].payload  # prints the full name itself
    assert "defined" not in entries["第十八条"].payload  # no short form of its document
    assert defined_in({"节能": "节约能源"}, "节约能源（以下简称节能）") == []


@pytest.fixture
def laws_dir(tmp_path, backend):
    data = tmp_path / "data"
    with Store.in_dir(data) as store:
        store.save_document(clean(ENERGY.encode(), source="laws:经济法/节约能源法.md"))
        store.save_document(clean(EMERGENCY.encode(), source="laws:行政法规/生产安全事故应急条例.md"))
        store.save_document(clean(INSPECTION.encode(), source="laws:经济法/进出口商品检验法.md"))
        update_index(store, data, backend=backend)
    return data


def test_the_index_finds_a_clause_through_the_corpus_wording(laws_dir):
    hits = search(laws_dir, "危化品 储存").hits
    assert hits and all("危险化学品" in h.text for h in hits[:3])
    texts = [h.text for h in search(laws_dir, "节约能源 培训").hits]
    assert texts[0].startswith("第二十六条")  # says 节能, defined in the law's 第三条
    texts = [h.text for h in search(laws_dir, "商品检验机构 包装容器").hits]
    assert texts[0].startswith("第十七条")  # says 商检机构, defined in the law's 第二条


def test_the_lexicon_lives_with_its_generation_and_follows_updates(laws_dir):
    gen = current_generation(index_dir(laws_dir))
    assert LEXICON_FILE in index_state(laws_dir)["files"]  # checked like the engine's files
    guangan = clean(GUANGAN.read_bytes(), source="fixture:guangan")
    with Store.in_dir(laws_dir) as store:
        store.save_document(guangan)
        assert update_index(store, laws_dir).rebuilt is False
        assert live_lexicon(laws_dir).names_of("市长奖推荐工作组") == ["市长奖评审推荐工作组"]
        store.delete_document(guangan.id)
        update_index(store, laws_dir)
    assert live_lexicon(laws_dir).names_of("市长奖推荐工作组") == []
    # an index written before lexicons: searched without one, and the next update mines it
    (gen / LEXICON_FILE).unlink()
    state = json.loads((gen / "policy_state.json").read_text())
    state["files"].pop(LEXICON_FILE)
    (gen / "policy_state.json").write_text(json.dumps(state))
    assert live_lexicon(laws_dir) is None
    assert search(laws_dir, "危险化学品 储存").hits
    with Store.in_dir(laws_dir) as store:
        update_index(store, laws_dir)
    assert live_lexicon(laws_dir).abbreviated("危化品") == ["危险化学品"]


def test_the_search_for_long_forms_is_bounded(monkeypatch):
    import indexer.lexicon as lexicon_module

    # a thousand phrases holding 国…资…委 in order, none of them (say) its long form
    vocabulary = {f"国{chr(0x4E00 + i)}资{chr(0x4E00 + i + 1)}委": 50 for i in range(0, 2000, 2)}
    calls = []
    monkeypatch.setattr(lexicon_module, "abbreviates", lambda short, long: calls.append(long) and False)
    lexicon = Lexicon(clauses=100_000, vocabulary={**vocabulary, "国资委": 1})
    assert lexicon.wordings("国资委") == []
    assert 0 < len(calls) <= lexicon_module.MAX_TRIED
    tried = len(calls)
    lexicon.wordings("国资委")  # remembered: no second search
    assert len(calls) == tried
