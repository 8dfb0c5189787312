"""Ranking by how much of the query a clause holds: rare words, places, other wordings, words as printed.

Issue 13's rules, each on a small index of its own (both backends) or on the
rerank alone: a clause missing a common query word is still found after those
holding all; a rare word outweighs a common one; a place word prefers that
place's documents; an abbreviation or near-synonym finds the other wording
below the word as typed; another name of a word that only stands in a list
ranks below a clause about it; a word cut differently in the text than in the
query is found as printed.
"""

from __future__ import annotations

import pytest

from corpus.model import Clause, Document, Region
from corpus.store import Store
from indexer import search, update_index
from indexer.query import parse_query, plan_query
from indexer.ranking import rerank
from indexer.wording import is_scope, other_wordings
from reasoning import relink


def _doc(
    key: str, title: str, texts: list[str], region: Region | None = None, published="2023-01-01"
) -> Document:
    doc = Document(
        source=f"fixture:{key}",
        url=f"http://example.gov.cn/{key}.html",
        title=title,
        issuer=None,
        published=published,
        region=region or Region(),
        clauses=[Clause(number=f"第{i + 1}条", path=[f"第{i + 1}条"], text=t) for i, t in enumerate(texts)],
    )
    doc.set_key(doc.url)
    return doc


FILLER = [f"第{i}项 本办法由有关部门负责解释，各单位应当认真执行并报告执行情况。" for i in range(40)]
DOCS = [
    _doc(
        "lianyun",
        "某市推进产业链协同发展的若干措施",
        [
            "推进创新链、产业链、资金链、人才链、政策链五链融合，打造协同创新生态。",
            "强化五链协同，推动产业融合发展。",
        ],
        Region("江苏省", "连云港市"),
    ),
    _doc(
        "jinan",
        "济南市技术经纪人管理办法",
        ["技术经纪人应当取得培训合格证书。", "对技术经纪人促成的技术合同给予奖励。"],
        Region("山东省", "济南市"),
    ),
    _doc(
        "shanghai",
        "上海市标准化办法",
        ["上海市标准化工作由市市场监管局主管。", *FILLER[:20]],
        Region("上海市", "上海市"),
    ),
    _doc(
        "tax",
        "企业所得税优惠办法",
        [
            "企业研究开发费用可以按规定加计扣除。",
            "企业研发费用加计扣除比例提高至百分之百。",
            "高新技术企业减按百分之十五的税率征收企业所得税。",
        ],
    ),
    _doc(
        "kexie",
        "科学技术普及办法",
        [
            "科学技术协会是科普工作的主要社会力量，组织开展群众性科普活动。",
            "工会、共青团、妇联、科学技术协会、残联等群团组织应当结合自身工作开展宣传。",
        ],
    ),
    _doc(
        "incubator",
        "孵化器办法",
        ["对新认定的科技企业孵化器给予支持，最高奖励100万元。", "孵化器扶持政策由市科技局负责。"],
    ),
    _doc(
        "traffic",
        "道路交通办法",
        [
            "饮酒后驾驶机动车的，处暂扣六个月机动车驾驶证，并处罚款。",
            "违反本办法的，依法给予处罚。",
            "对违法行为的处罚应当公开。",
        ],
    ),
    _doc("filler", "其他办法", FILLER),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory, backend):
    data_dir = tmp_path_factory.mktemp(f"coverage-{backend}")
    with Store.in_dir(data_dir) as store:
        for d in DOCS:
            store.save_document(d)
        relink(store)
        update_index(store, data_dir, backend=backend)
    return data_dir


def _texts(data_dir, q: str, n: int = 10) -> list[str]:
    return [h.text for h in search(data_dir, q, per_page=n).hits]


def test_a_word_printed_in_the_text_is_found_though_cut_otherwise(small):
    texts = _texts(small, "五链融合")
    assert texts and "五链融合" in texts[0]  # before the clause holding 五链 and 融合 apart


def test_an_everyday_word_finds_the_texts_wording(small):
    texts = _texts(small, "酒驾 处罚")
    assert texts[0].startswith("饮酒后驾驶机动车")  # before the clauses saying only 处罚


def test_the_best_clauses_of_each_word_alone_are_candidates():
    # the engine's any-word best lean on the words it scores highest (食品 of every clause of
    # 食品安全法, in its title and headings): each word's own best are candidates too, each
    # subset asked of the engine as every word required
    from indexer.backend import Found
    from indexer.search import Results, _candidates

    asked = []

    def run(plan, any_term, depth=0, facets=True, few=0):
        words = tuple(t.text for t in plan.terms)
        asked.append((words, any_term))
        hit = {"clause_id": "+".join(words), "doc_id": "d", "text": ""}
        return Found(1 if not any_term else 30, [(hit, 1.0)], {})

    plan = plan_query(parse_query("食品 摊贩 管理"))
    found = _candidates(plan, run, Results(query="", total=0, hits=[]), "relevance")
    for word in ("食品", "摊贩", "管理"):
        assert ((word,), False) in asked
        assert word in {p["clause_id"] for p, _ in found.hits}
    assert (("摊贩", "管理"), False) in asked  # every word but one
    plan = plan_query(parse_query("济南 技术经纪人"))
    asked.clear()
    _candidates(plan, run, Results(query="", total=0, hits=[]), "relevance")
    assert (("技术经纪人",), False) in asked and (("济南",), False) not in asked  # a place alone is no topic


def test_a_clause_missing_a_common_word_is_found_after_those_holding_all(small):
    r = search(small, "科技企业孵化器 扶持")
    texts = [h.text for h in r.hits]
    assert texts[0].startswith("孵化器扶持") or "扶持" in texts[0]
    assert any("对新认定的科技企业孵化器给予支持" in t for t in texts)  # says 支持, not 扶持


def test_a_rare_word_outweighs_a_common_one_and_a_place_is_no_topic(small):
    texts = _texts(small, "上海 技术经纪人")
    assert "技术经纪人" in texts[0] and "技术经纪人" in texts[1]
    assert all("技术经纪人" in t for t in texts[:2]) and not texts[0].startswith("上海")


def test_an_abbreviation_finds_the_full_wording_after_the_word_as_typed(small):
    texts = _texts(small, "研发费用 加计扣除")
    assert texts[0] == "企业研发费用加计扣除比例提高至百分之百。"
    assert "企业研究开发费用可以按规定加计扣除。" in texts[:3]


def test_another_name_standing_in_a_list_ranks_below_the_clause_about_it(small):
    texts = _texts(small, "科协")
    assert texts[0].startswith("科学技术协会是科普工作")
    assert any(t.startswith("工会、共青团") for t in texts)


def test_place_and_year_words_prefer_their_documents():
    plan = plan_query(parse_query("济南 技术经纪人"))
    assert [t.scope for t in plan.terms] == [True, False]
    same = {"text": "技术经纪人应当取得培训合格证书。", "region": {"province": "山东省", "city": "济南市"}}
    other = {"text": "技术经纪人应当取得培训合格证书。", "region": {"province": "江苏省", "city": "南京市"}}
    ranked = rerank(plan, [({**other, "clause_id": "a"}, 0.0), ({**same, "clause_id": "b"}, 0.0)], (1.0, 5.0))
    assert [p["clause_id"] for p, _ in ranked] == ["b", "a"]
    assert is_scope("2023") and is_scope("山东") and not is_scope("技术经纪人") and not is_scope("1234")


def test_rare_words_weigh_more_in_the_rerank():
    plan = plan_query(parse_query("技术经纪人 奖励"))
    rare = {"clause_id": "a", "text": "技术经纪人应当取得培训合格证书。"}
    common = {"clause_id": "b", "text": "对获奖单位给予奖励。"}
    ranked = rerank(plan, [(common, 0.0), (rare, 0.0)], (6.0, 1.5))
    assert [p["clause_id"] for p, _ in ranked] == ["a", "b"]
    both = {"clause_id": "c", "text": "对技术经纪人给予奖励。"}
    assert rerank(plan, [(rare, 0.0), (both, 0.0)], (6.0, 1.5))[0][0]["clause_id"] == "c"


def test_other_wordings_only_on_token_boundaries():
    assert ("研究开发费用", 0.8) in other_wordings("研发费用")
    assert ("研发费用", 0.8) in other_wordings("研究开发费用")
    assert other_wordings("提高企业") == []
    assert {w for w, _ in other_wordings("扶持")} >= {"支持"}
    assert {w for w, _ in other_wordings("补助")} >= {"资助", "补贴"}
    assert all(f < 1 for _, f in other_wordings("扶持"))


def test_exclusions_are_not_widened_to_other_wordings():
    plan = plan_query(parse_query("孵化器 -扶持"))
    assert [s.text for t in plan.excluded for s in t.spellings] == ["扶持"]


def test_a_question_typed_as_one_run_is_read_as_its_words():
    from indexer.query import sentence_words

    assert sentence_words("老板拖欠工资怎么办") == ["老板", "拖欠工资"]
    assert sentence_words("离职后多久不能去竞争对手公司") == ["离职", "竞争对手", "公司"]
    for word in ("科技企业孵化器", "促进科技成果转化法", "济南市科技创新券管理办法", "五链融合"):
        assert sentence_words(word) == [word]
    assert [t.text for t in plan_query(parse_query("老板拖欠工资怎么办")).terms] == ["老板", "拖欠工资"]


def test_a_run_printed_in_a_clause_stays_one_word(small):
    from indexer.query import split_runs

    assert split_runs(parse_query("企业研发费用加计扣除比例")) == ("企业研发费用加计扣除比例",)
    assert split_runs(parse_query("老板拖欠工资怎么办")) == ()  # it asks: always its words
    # copied from a clause: found as printed, and only there
    r = search(small, "企业研发费用加计扣除比例")
    assert r.total == 1 and r.hits[0].text.startswith("企业研发费用加计扣除比例")


def test_a_spoken_run_is_read_as_its_words():
    from indexer.query import sentence_words

    # two words of two characters and function characters between them: a sentence, not a term
    assert sentence_words("加班不给加班费") == ["加班", "加班费"]
    # a question whose other words are single characters keeps them
    assert sentence_words("被蛇咬了谁负责") == ["蛇", "咬", "负责"]
    assert sentence_words("被狗咬了谁负责") == ["狗", "负责"]  # 狗 is an everyday word (犬, 动物)
    # jieba's guessed words glue a question's characters together (费能, 太吵): not in a question
    assert sentence_words("专利申请费能报销吗") == ["专利申请", "报销"]
    assert sentence_words("邻居装修太吵了找谁") == ["邻居", "装修", "吵"]


def test_the_user_is_told_how_a_sentence_was_read(small):
    r = search(small, "科技局负责孵化器")  # printed nowhere: read as its words, and said so
    assert r.total and r.notes[0] == "“科技局负责孵化器”按其中的词语查找：科技局、负责、孵化器"
    assert search(small, "技术经纪人 怎么办").notes[0] == "“怎么办”只是提问用语，未作为查询词"
    assert not any("按其中的词语" in n for n in search(small, "孵化器扶持政策").notes)  # printed: one word


def test_a_query_that_finds_nothing_as_typed_is_read_as_its_words(small):
    from indexer.query import loosened

    assert loosened(parse_query("科技局孵化器")) == parse_query("科技局 孵化器")
    assert loosened(parse_query("孵化器")) is None  # one word: nothing to loosen
    # a run under six characters that no clause prints: before, nothing at all was found
    assert loosened(parse_query("孵化器的钱")) == parse_query("孵化器 钱")
    r = search(small, "孵化器的钱")
    assert r.total == 2 and r.fallback and all("孵化器" in h.text for h in r.hits)
    assert any("按其中的词语" in n for n in r.notes)


def test_a_word_that_asks_is_read_without_it():
    from indexer.query import sentence_words

    assert sentence_words("谁负责") == ["负责"]
    assert sentence_words("怎么算") == [] and sentence_words("几倍") == []
    assert sentence_words("买到假货") == ["假货"]  # an everyday word inside: read as its words
    assert [t.text for t in plan_query(parse_query("拆迁 补偿 怎么算")).terms] == ["拆迁", "补偿"]
    assert sentence_words("五链融合") == ["五链融合"] and sentence_words("酒驾") == ["酒驾"]


def test_everyday_words_widen_one_way_only():
    assert {w for w, _ in other_wordings("酒驾")} >= {"饮酒后驾驶", "醉酒驾驶"}
    assert all(f < 1 for _, f in other_wordings("老板"))
    assert "酒驾" not in {w for w, _ in other_wordings("醉酒驾驶")}
    assert "老板" not in {w for w, _ in other_wordings("用人单位")}


def test_a_place_counts_in_how_much_of_the_query_a_clause_holds():
    plan = plan_query(parse_query("海南 投资 优惠"))
    named = {
        "clause_id": "a",
        "title": "关于鼓励投资开发海南岛的规定",
        "text": "在海南岛投资的企业减征所得税。",
    }
    generic = {"clause_id": "b", "title": "某法", "text": "投资初创企业的，享受税收优惠。"}
    ranked = rerank(plan, [(generic, 0.0), (named, 0.0)], (3.0, 1.0, 1.0))
    assert ranked[0][0]["clause_id"] == "a"


def test_a_quoted_phrase_printed_inside_a_longer_run_is_found(small):
    # jieba cuts 五链融合 one way in the query and 政策链五链融合 another in the text: the quotes ask
    # for the characters as printed, which the clause holds
    texts = _texts(small, '"五链融合"')
    assert texts == ["推进创新链、产业链、资金链、人才链、政策链五链融合，打造协同创新生态。"]


def test_a_signature_line_ranks_below_a_clause_where_the_department_acts():
    from indexer.bare_lines import is_bare_names

    plan = plan_query(parse_query("科技局 项目验收"))
    signature = {"clause_id": "a", "text": "临沂市科学技术局 2023年5月8日"}
    acts = {"clause_id": "b", "text": "项目完成后，由市科技局组织验收专家开展绩效评价。"}
    ranked = rerank(plan, [(signature, 0.0), (acts, 0.0)], (2.0, 3.0))
    assert [p["clause_id"] for p, _ in ranked] == ["b", "a"]
    for line in (
        "临沂市科学技术局\n2023年5月8日",
        "抄送：市委办公室，市财政局。",
        "各区县人民政府，市政府各部门：",
    ):
        assert is_bare_names(line)
    for line in ("市科技局负责项目验收。", "（二）建设区域科技创新中心", "二、保障措施"):
        assert not is_bare_names(line)


def test_a_bureau_finds_the_laws_name_of_its_department():
    from indexer.aliases import law_names

    assert "教育行政部门" in law_names("教育局") and "税务机关" in law_names("税务局")
    assert {"人力资源社会保障行政部门", "劳动行政部门"} <= set(law_names("人社局"))
    assert "市场监督管理部门" in law_names("市场监管局")  # 市场监管局 is no 市 + 场监管局
    assert law_names("孵化器") == [] and law_names("海关") == []
    plan = plan_query(parse_query("教育局 招生"))
    law = {"clause_id": "a", "text": "县级以上人民政府教育行政部门负责本行政区域的招生工作。"}
    other = {"clause_id": "b", "text": "招生工作应当公开、公平。"}
    assert [p["clause_id"] for p, _ in rerank(plan, [(other, 0.0), (law, 0.0)], (3.0, 3.0))] == ["a", "b"]
    # below the bureau's name as typed
    city = {"clause_id": "c", "text": "市教育局负责本市的招生工作。"}
    assert rerank(plan, [(law, 0.0), (city, 0.0)], (3.0, 3.0))[0][0]["clause_id"] == "c"


def test_a_one_character_everyday_word_of_a_question_is_kept():
    from indexer.query import sentence_words

    # 赔 and 招 are what the question turns on; 工伤 and 公司 alone would miss it
    assert sentence_words("工伤了公司不赔怎么办") == ["工伤", "公司", "赔"]
    assert sentence_words("招残疾人有补贴吗") == ["招", "残疾人", "补贴"]
    assert {w for w, _ in other_wordings("赔")} >= {"赔偿"}


def test_lines_without_a_sentence_rank_below_clauses():
    from indexer.bare_lines import is_bare_line

    title = "关于组织申报2017年度专利质押融资贴息的通知"
    for line in (
        "6. 贷款合同、质押合同和专利权质押登记通知书………………xx",  # a table of contents' entry
        "质押专利 专利名称 专利号 授权公告日 专利类型",  # a form's row
        "国家发展改革委\n国 家 能 源 局\n2020年5月28日",  # a signature, one name letter-spaced
        "关于组织申报2017年度专利质押融资贴息的通知",  # the title again
    ):
        assert is_bare_line(line, title), line
    assert is_bare_line(
        "杭州市加快科技创新若干政策措施", "杭州市人民政府办公厅关于印发杭州市加快科技创新若干政策措施的通知"
    )
    for line in (
        "质押财产毁损的，质权人应当承担赔偿责任。",
        "（二）加强人才 引进 培养 使用",
        "支持重点实验室建设",
    ):
        assert not is_bare_line(line, "支持重点实验室建设的若干措施"), line
    plan = plan_query(parse_query("质押"))
    toc = {"clause_id": "a", "text": "6. 质押合同和专利权质押登记通知书………………xx", "title": title}
    law = {
        "clause_id": "b",
        "text": "质权人负有妥善保管质押财产的义务；因保管不善致使质押财产毁损的，应当承担赔偿责任。",
    }
    assert [p["clause_id"] for p, _ in rerank(plan, [(toc, 0.0), (law, 0.0)])] == ["b", "a"]


def test_a_regulations_name_asks_for_its_clauses():
    from indexer.query import is_named
    from indexer.search import _named_in_titles

    assert is_named("专利法") and is_named("工伤保险条例") and is_named("创新券管理办法")
    assert not is_named("办法") and not is_named("方法") and not is_named("孵化器")
    plan = plan_query(parse_query("专利法 奖励"))
    assert [t.named for t in plan.terms] == [True, False]
    # another document's clause naming the law in its lead came first: the law's own clause now
    other = {
        "clause_id": "a",
        "title": "某市知识产权资助办法",
        "text": "专利法规定的职务发明人，由单位给予奖励。",
    }
    own = {
        "clause_id": "b",
        "title": "中华人民共和国专利法",
        "text": "被授予专利权的单位应当对职务发明创造的发明人给予奖励。",
    }
    ranked = rerank(plan, [(other, 0.0), (own, 0.0)], (3.0, 2.5))
    assert [p["clause_id"] for p, _ in ranked] == ["b", "a"]
    # a name no candidate's title holds is a topic word again
    assert [t.named for t in _named_in_titles(plan, [(other, 0.0)]).terms] == [False, False]
    assert _named_in_titles(plan, [(own, 0.0)]) is plan
