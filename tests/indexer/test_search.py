"""search(): words, phrases, exclusions, filters, sorts, pages, facets, snippets, collapse, bad input."""

import pytest

from corpus.store import Store
from indexer import Filters, QueryError, search


def docs_by_id(data_dir):
    with Store.in_dir(data_dir) as store:
        return list(store.documents())


def test_clauses_with_every_word_come_first_then_those_with_some(indexed):
    every = search(indexed, "中试基地 补助", sort="date", per_page=100)  # other orders: every word only
    assert every.total >= 1 and all("中试" in h.text and "补助" in h.text for h in every.hits[:3])
    r = search(indexed, "中试基地 补助", per_page=100)
    assert not r.fallback and r.total > every.total
    assert {h.clause_id for h in r.hits[: every.total]} == {h.clause_id for h in every.hits}
    assert any(str(every.total) in n for n in r.notes)
    # clauses about 中试基地 that never say 补助 are found, after those holding both
    rest = r.hits[every.total :]
    assert any("中试基地" in h.text and "补助" not in h.text for h in rest)


def test_falls_back_to_any_word_and_says_so(indexed):
    r = search(indexed, "中试基地 量子引力")
    assert r.fallback and r.total > 0 and r.notes


def test_exclusion_and_phrase(indexed):
    with_both = search(indexed, "孵化器", per_page=100)
    without = search(indexed, "孵化器 -众创空间", per_page=100)
    assert without.total < with_both.total
    assert all("众创空间" not in h.text for h in without.hits)
    phrase = search(indexed, '"揭榜挂帅"', per_page=100)
    assert phrase.total >= 4 and all("揭榜挂帅" in h.text for h in phrase.hits)


def test_a_pasted_sentence_in_quotes_finds_its_clause(indexed):
    sentence = "明确各平台功能定位,构建既相互独立又相互补充的功能完备、有序衔接的区域科技创新平台梯队,提升创新全链条支撑能力"
    r = search(indexed, f'"{sentence}"')
    assert r.total == 1 and "平台梯队" in r.hits[0].text


def test_phrase_is_verbatim_not_its_tokens(indexed):
    tokens = search(indexed, "技术 经纪人", per_page=100)
    phrase = search(indexed, '"技术经纪人信用积分制"', per_page=100)
    assert phrase.total == 1 < tokens.total
    assert "技术经纪人信用积分制" in phrase.hits[0].text


def test_filters_and_facets(indexed):
    r = search(indexed, "科技", Filters(region="临沂市"), per_page=100)
    assert r.total > 0 and all(h.region["city"] == "临沂市" for h in r.hits)
    cities = dict(search(indexed, "科技").facets["city"])
    assert cities.get("临沂市", 0) > 0 and cities.get("淄博市", 0) > 0
    drafts = search(indexed, "科技", Filters(drafts="exclude"), per_page=100)
    assert all(not h.draft for h in drafts.hits)
    only = search(indexed, "中试基地", Filters(drafts="only"), per_page=100)
    assert only.total > 0 and all(h.draft for h in only.hits)


def test_region_filter_takes_short_names(indexed):
    full = search(indexed, "科技", Filters(region="临沂市"), per_page=100)
    short = search(indexed, "科技", Filters(region="临沂"), per_page=100)
    province = search(indexed, "科技", Filters(region="安徽"), per_page=100)
    assert short.total == full.total > 0
    assert province.total > 0 and all(h.region["province"] == "安徽省" for h in province.hits)


def test_department_filter_matches_any_spelling(indexed):
    full = search(indexed, "补助", Filters(department="科学技术局"), per_page=100)
    assert full.total > 0
    assert all(any("科技局" in d or "科学技术局" in d for d in h.departments) for h in full.hits)
    regional = search(indexed, "补助", Filters(department="临沂市科技局"), per_page=100)
    assert regional.total > 0 and all(h.region["city"] == "临沂市" for h in regional.hits)
    short = search(indexed, "首台套", Filters(department="发展和改革委员会"), per_page=100)
    assert [h.departments for h in short.hits] == [["市发改委", "市经信局"]]


def test_issuer_filter_matches_any_spelling(indexed):
    r = search(indexed, "创新券", Filters(issuer="济南市科技局"), per_page=100)
    assert r.total > 0 and all(h.issuer == "济南市科学技术局" for h in r.hits)


def test_department_facet_counts_full_names(indexed):
    r = search(indexed, "中试基地", per_page=5)
    depts = dict(r.facets["department"])
    assert depts.get("临沂市科学技术局", 0) > 0 and depts.get("青岛市科学技术局", 0) > 0
    assert "市科技局" not in depts


def test_year_and_amount_filters(indexed):
    r = search(indexed, "奖励", Filters(min_yuan=1_000_000), per_page=100)
    assert r.total > 0
    assert all(max(a["yuan"] or 0 for a in h.amounts) >= 1_000_000 for h in r.hits)
    years = search(indexed, "科技", Filters(year_from=2022, year_to=2023), per_page=100)
    assert years.total > 0 and all("2022" <= h.published[:4] <= "2023" for h in years.hits)
    assert {v for v, _ in years.facets["year"]} <= {"2022", "2023"}


def test_sort_by_amount_and_date(indexed):
    r = search(indexed, "补助", sort="amount", per_page=100)
    amounts = [max((a["yuan"] or 0 for a in h.amounts), default=0) for h in r.hits]
    assert amounts[0] > 0 and amounts == sorted(amounts, reverse=True)
    d = search(indexed, "科技", sort="date", per_page=100)
    dates = [h.published or "" for h in d.hits]
    assert dates == sorted(dates, reverse=True)
    # a document's clauses stay together and in their order
    seen: list[str] = []
    for h in d.hits:
        if not seen or seen[-1] != h.doc_id:
            assert h.doc_id not in seen
            seen.append(h.doc_id)
    first = [h.clause_id for h in d.hits if h.doc_id == seen[0]]
    order = [c.id for c in next(x for x in docs_by_id(indexed) if x.id == seen[0]).clauses]
    assert first == [c for c in order if c in first]


def test_pages_do_not_overlap(indexed):
    one = search(indexed, "科技", per_page=5, page=1)
    two = search(indexed, "科技", per_page=5, page=2)
    assert one.total == two.total > 10
    assert not {h.clause_id for h in one.hits} & {h.clause_id for h in two.hits}


def test_collapse_keeps_one_hit_per_document(indexed):
    r = search(indexed, "中试基地", collapse=True, per_page=100)
    docs = [h.doc_id for h in r.hits]
    # a repost holding the same clause as its original is hidden, though counted in the total
    assert len(docs) == len(set(docs)) >= r.total - 1 >= 3


def test_a_reposted_clause_shows_once_from_the_original(indexed):
    r = search(indexed, "培养专业技术经纪人队伍", per_page=100)
    copies = [h for h in r.hits if "培养专业技术经纪人队伍" in h.text]
    assert len(copies) == 1 and copies[0].url.endswith("t20240605_4390.html")
    assert copies[0].status["status"] == "in_force"


@pytest.mark.parametrize("query", ["中试基地", "科技", "补助"])
def test_the_draft_facet_counts_what_the_drafts_filter_keeps(indexed, query):
    r = search(indexed, query, per_page=1)
    counts = dict(r.facets["draft"])
    only = search(indexed, query, Filters(drafts="only"), per_page=100)
    finals = search(indexed, query, Filters(drafts="exclude"), per_page=1)
    assert counts.get("true", 0) == only.total and counts.get("false", 0) == finals.total
    assert counts.get("true", 0) + counts.get("false", 0) == r.total
    assert all(h.draft for h in only.hits)
    if query == "中试基地":
        assert only.total > 0 and finals.total > 0


def test_status_filter_and_facet(indexed):
    r = search(indexed, "中试基地", per_page=100)
    statuses = dict(r.facets["status"])
    assert statuses.get("repealed", 0) > 0 and statuses.get("draft", 0) > 0
    applies = search(indexed, "中试基地", Filters(status="in_force,unknown"), per_page=100)
    assert 0 < applies.total < r.total
    assert all(h.status["status"] in ("in_force", "unknown") for h in applies.hits)
    with pytest.raises(QueryError):
        search(indexed, "中试基地", Filters(status="valid"))


def test_doc_number_alone_lists_the_document(indexed):
    for typed in ("淄政办字[2020]43号", "淄政办字（2020）43号", "淄政办字〔2020〕第43号"):
        r = search(indexed, typed, per_page=100)
        assert r.total > 10 and {h.doc_number for h in r.hits} == {"淄政办字〔2020〕43号"}


def test_snippets_are_escaped_with_marks(indexed):
    r = search(indexed, "揭榜挂帅")
    assert '<mark class="hl">揭榜挂帅</mark>' in r.hits[0].snippet
    r = search(indexed, "申报材料清单")
    snippet = r.hits[0].snippet
    assert "&lt;b&gt;" in snippet and "&lt;1&gt;&amp;" in snippet and "<b>" not in snippet


def test_region_of_the_document_finds_clauses_that_never_name_it(indexed):
    r = search(indexed, "淄博 院士工作站")
    assert r.total > 0 and not r.fallback
    assert "院士工作站" in r.hits[0].text


@pytest.mark.parametrize(
    "q",
    [
        "x" * 500,
        " ".join(f"w{i}" for i in range(100)),
        "科技 " * 30,
        # one pasted sentence: fine in length, but far too many distinct tokens to require them all
        "以习近平新时代中国特色社会主义思想为指导以建设创新型城市为目标以增强科技对产业的支撑能力为核心深入实施科教创新赋能行动"
        "按照整体规划优化布局提质增效的基本思路坚持平台思维生态思维聚焦新材料智能装备新医药电子信息四强产业明确各平台功能定位",
    ],
)
def test_bad_queries_are_clear_errors(indexed, q):
    with pytest.raises(QueryError):
        search(indexed, q)


def test_bad_parameters_are_clear_errors(indexed):
    for kwargs in ({"sort": "random"}, {"page": 10_000}, {"page": "x"}):
        with pytest.raises(QueryError):
            search(indexed, "科技", **kwargs)
    with pytest.raises(QueryError):
        search(indexed, "科技", Filters(year_from=2024, year_to=2020))
    with pytest.raises(QueryError):
        search(indexed, "科技", Filters(drafts="maybe"))


def test_only_stop_words_say_so(indexed):
    r = search(indexed, "的 和")
    assert r.total == 0 and r.notes


def test_odd_syntax_never_raises(indexed):
    for q in [
        '"unclosed',
        "a AND (b",
        "***",
        "-",
        "中试*基地?",
        "：（）",
        "<script>",
        "的 了",
        '""',
        "-科技",
    ]:
        r = search(indexed, q)
        assert r.total >= 0


def test_policy_abbreviations_find_the_full_term(indexed):
    r = search(indexed, "高企", per_page=100)
    assert r.total > 0 and all("高新技术企业" in h.text for h in r.hits[:3])
    assert '<mark class="hl">高新技术企业</mark>' in r.hits[0].snippet
    broker = search(indexed, "技术经理人", per_page=100)
    assert any("技术经纪人" in h.text for h in broker.hits)


def test_the_long_form_of_a_term_finds_its_short_form(indexed):
    """科技创新券 in a query finds clauses that say only 创新券 (synonyms.txt), the same as 创新券 does."""
    long, short = (search(indexed, q, per_page=100) for q in ("科技创新券", "创新券"))
    assert long.total == short.total > 0
    assert any("创新券" in h.text and "科技创新券" not in h.text for h in long.hits)


def test_a_section_heading_finds_the_items_under_it(indexed):
    """The items under a heading are found by its words, below the heading's own clause."""
    r = search(indexed, "重点任务", per_page=100)
    under = [h for h in r.hits if "重点任务" not in h.text]
    assert under, "no item found through the section heading above it"
    own = [i for i, h in enumerate(r.hits) if "重点任务" in h.text and len(h.text) > 8]
    if own:
        assert own[0] < r.hits.index(under[0])
