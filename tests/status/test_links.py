"""Relations and statuses in the store (corpus/facts.py, reasoning/)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import clean
from corpus.model import Document
from corpus.store import Store
from reasoning import document_view, relink

FIXTURES = Path(__file__).parent / "fixtures"
ALL = sorted(p.name for p in FIXTURES.iterdir())
AS_OF = "2024-01-15"


@cache
def _doc_json(name: str) -> dict:
    path = FIXTURES / name
    doc = clean(path.read_bytes(), source=name)
    doc.url = f"http://example.gov.cn/{name}"
    doc.set_key(doc.url)
    return doc.to_dict()


def doc(name: str) -> Document:
    return Document.from_dict(_doc_json(name))


def id_of(name: str) -> str:
    return doc(name).id


def store_with(tmp_path: Path, names: list[str], *, relink_each: bool = True) -> Store:
    store = Store(tmp_path / "s.sqlite3")
    for name in names:
        store.save_document(doc(name), site="test")
        if relink_each:
            relink(store, AS_OF)
    relink(store, AS_OF)
    return store


def relations(store: Store) -> set[tuple]:
    return {tuple(r) for r in store.db.execute("SELECT src, kind, ref_key, dst FROM relations")}


def statuses(store: Store) -> dict[str, tuple]:
    return {r[0]: tuple(r[1:]) for r in store.db.execute("SELECT doc_id, status, rule, by_doc FROM statuses")}


REPEALED = ["repealed_services_opinion.txt", "repealed_sme_measures.txt", "repealed_voucher_rules.txt"]


def test_repeal_that_arrives_before_the_repealed_documents(tmp_path):
    store = store_with(tmp_path, ["repeal_decision_three.txt", *REPEALED])
    decision = id_of("repeal_decision_three.txt")
    for name in REPEALED:
        view = document_view(store, id_of(name), AS_OF)
        assert view["status"]["status"] == "repealed", name
        assert view["status"]["by"] == decision
        assert view["status"]["rule"] == "repealed_by"
        assert view["relations"]["repealed_by"][0]["doc_id"] == decision
    view = document_view(store, decision, AS_OF)
    assert sorted(e["doc_id"] for e in view["relations"]["repeals"]) == sorted(id_of(n) for n in REPEALED)
    # before the decision was issued, the opinion stood on its own words
    early = document_view(store, id_of("repealed_services_opinion.txt"), "2020-01-01")
    assert early["status"]["status"] == "in_force"


def test_unresolved_reference_keeps_what_was_printed_and_resolves_later(tmp_path):
    store = store_with(tmp_path, ["repeal_decision_three.txt"])
    view = document_view(store, id_of("repeal_decision_three.txt"), AS_OF)
    assert [(e["doc_id"], e["doc_number"]) for e in view["relations"]["repeals"]] == [
        (None, "临政发〔2015〕3号"),
        (None, "临政办发〔2016〕21号"),
        (None, "临政办字[2017]45号"),
    ]
    seq = store.last_change()
    store.save_document(doc("repealed_voucher_rules.txt"))
    relink(store, AS_OF)
    changed = {d for _, d, a in store.changes_since(seq) if a == "relinked"}
    # the new document's status and the decision's links both moved: both are re-indexed
    assert {id_of("repealed_voucher_rules.txt"), id_of("repeal_decision_three.txt")} <= changed
    view = document_view(store, id_of("repeal_decision_three.txt"), AS_OF)
    assert view["relations"]["repeals"][2]["doc_id"] == id_of("repealed_voucher_rules.txt")


def test_same_document_on_two_sites(tmp_path):
    a, b = "same_doc_site_a.html", "same_doc_site_b.html"
    store = store_with(tmp_path, [b, a])
    va, vb = document_view(store, id_of(a), AS_OF), document_view(store, id_of(b), AS_OF)
    # the earlier publication stands for both; the later copy points to it
    assert vb["relations"]["duplicate_of"][0]["doc_id"] == id_of(a)
    assert va["relations"]["duplicates"][0]["doc_id"] == id_of(b)
    assert va["sources"] == vb["sources"] == sorted([doc(a).url, doc(b).url])
    assert va["status"]["status"] == vb["status"]["status"] == "in_force"


def test_news_repost_stands_with_the_document_it_carries(tmp_path):
    store = store_with(tmp_path, ["news_repost_of_rd_measures.txt", "same_doc_site_a.html"])
    news = document_view(store, id_of("news_repost_of_rd_measures.txt"), AS_OF)
    assert news["relations"]["repost_of"][0]["doc_id"] == id_of("same_doc_site_a.html")
    assert news["status"]["rule"] == "repost_of" and news["status"]["status"] == "in_force"
    original = document_view(store, id_of("same_doc_site_a.html"), AS_OF)
    assert original["relations"]["reposts"][0]["doc_id"] == id_of("news_repost_of_rd_measures.txt")
    assert original["relations"]["duplicates"] == []  # a repost is not a copy
    assert (
        document_view(store, id_of("news_repost_of_rd_measures.txt"), "2027-03-01")["status"]["status"]
        == "expired"
    )


def test_draft_then_final_with_a_changed_title(tmp_path):
    store = store_with(tmp_path, ["final_incubator_measures.txt", "draft_incubator_measures.txt"])
    draft = document_view(store, id_of("draft_incubator_measures.txt"), AS_OF)
    assert draft["status"]["status"] == "superseded"
    assert draft["relations"]["draft_of"][0]["doc_id"] == id_of("final_incubator_measures.txt")
    final = document_view(store, id_of("final_incubator_measures.txt"), AS_OF)
    assert final["relations"]["final_of"][0]["doc_id"] == id_of("draft_incubator_measures.txt")
    assert final["status"]["status"] == "in_force"
    assert document_view(store, id_of("final_incubator_measures.txt"), "2023-06-20")["status"]["status"] == (
        "not_yet_effective"
    )
    alone = store_with(tmp_path / "alone", ["draft_incubator_measures.txt"])
    assert document_view(alone, id_of("draft_incubator_measures.txt"), AS_OF)["status"]["status"] == "draft"


def test_statuses_by_date_and_the_sentence_that_decides(tmp_path):
    store = store_with(tmp_path, ["cited_number_in_opening.txt"])
    doc_id = id_of("cited_number_in_opening.txt")
    cases = {"2021-02-20": "not_yet_effective", "2022-05-01": "in_force", "2024-03-01": "expired"}
    for day, expected in cases.items():
        s = document_view(store, doc_id, day)["status"]
        assert s["status"] == expected, day
        assert s["sentence"] == "本办法自2021年3月1日起施行，有效期3年。"
    # the nightly relink notices the day a document lapses and logs it for the index
    seq = store.last_change()
    for day in ("2021-02-20", "2022-05-01", "2022-05-01", "2024-03-01"):
        relink(store, day)
    assert [(d, a) for _, d, a in store.changes_since(seq)] == [(doc_id, "relinked")] * 3
    assert store.status(doc_id)["status"] == "expired"


def test_cites_resolve_by_number_in_any_bracket_form(tmp_path):
    store = store_with(tmp_path, ["repeal_decision_three.txt", "repealed_voucher_rules.txt"])
    cites = document_view(store, id_of("repeal_decision_three.txt"), AS_OF)["relations"]["cites"]
    # printed 临政办字[2017]45号, stored as 临政办字〔2017〕45号
    assert cites[2]["doc_id"] == id_of("repealed_voucher_rules.txt")
    cited_by = document_view(store, id_of("repealed_voucher_rules.txt"), AS_OF)["relations"]["cited_by"]
    assert [e["doc_id"] for e in cited_by] == [id_of("repeal_decision_three.txt")]


def test_unknown_and_title_period(tmp_path):
    store = store_with(tmp_path, ["repealed_services_opinion.txt"])
    view = document_view(store, id_of("repealed_services_opinion.txt"), AS_OF)
    assert view["status"]["status"] == "in_force"  # 自2015年3月1日起施行, never repealed in this store
    assert store.status("no-such-id") is None and document_view(store, "no-such-id") is None


def test_document_deleted_loses_its_links(tmp_path):
    store = store_with(tmp_path, ["repeal_decision_three.txt", *REPEALED])
    store.delete_document(id_of("repeal_decision_three.txt"))
    relink(store, AS_OF)
    view = document_view(store, id_of("repealed_sme_measures.txt"), AS_OF)
    assert view["relations"]["repealed_by"] == []
    assert view["status"]["status"] == "expired"  # 有效期5年 from 2016-05-06


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(ALL), relink_each=st.booleans())
def test_any_order_gives_the_same_relations_and_statuses(tmp_path_factory, order, relink_each):
    reference = _reference(tmp_path_factory)
    store = store_with(tmp_path_factory.mktemp("order"), list(order), relink_each=relink_each)
    try:
        assert relations(store) == reference[0]
        assert statuses(store) == reference[1]
    finally:
        store.close()


_REFERENCE: list = []


def _reference(factory):
    if not _REFERENCE:
        store = store_with(factory.mktemp("reference"), ALL, relink_each=False)
        _REFERENCE.extend([relations(store), statuses(store)])
        # the reference itself links what the fixtures hold
        kinds = {k for _, k, _, dst in _REFERENCE[0] if dst}
        assert {"cites", "repeals", "draft_of", "repost_of", "duplicate_of", "extends"} <= kinds
        store.close()
    return _REFERENCE


def test_an_extension_notice_moves_the_expiry_of_what_it_names(tmp_path):
    store = store_with(tmp_path, ["extension_notice.txt", "extended_award_measures.txt"])
    award, notice = id_of("extended_award_measures.txt"), id_of("extension_notice.txt")
    # 有效期5年 from 2018-03-01: lapsed on 2023-02-28, before the notice of 2023-06-01
    assert document_view(store, award, "2023-05-01")["status"]["status"] == "expired"
    view = document_view(store, award, "2024-01-15")
    assert view["status"] | {"as_of": None} == {
        "status": "in_force",
        "rule": "extended_by",
        "sentence": "经市政府同意，《临沂市科技创新奖励办法》（临政办发〔2018〕9号）有效期延长至2025年12月31日。",
        "as_of": None,
        "effective": "2018-03-01",
        "expires": "2025-12-31",
        "by": notice,
        "since": "2018-03-01",
    }
    assert view["relations"]["extended_by"][0]["doc_id"] == notice
    assert document_view(store, notice, AS_OF)["relations"]["extends"][0]["doc_id"] == award
    assert document_view(store, award, "2026-01-02")["status"]["status"] == "expired"


WORDS = "科技 创新 加快 推进 实施 促进 高新技术 企业 培育 发展 产业 平台 建设 人才 成果 转化 中试 基地 孵化器 金融 资金 管理 若干".split()


@given(
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=8),
    st.lists(st.sampled_from(WORDS), min_size=2, max_size=8),
    st.sampled_from([0.0, 0.6, 0.8, 0.9]),
)
def test_title_similarity_with_a_floor_is_exact_at_and_above_it(a, b, need):
    """The quick bounds only ever skip pairs that could not reach the floor."""
    from difflib import SequenceMatcher

    from corpus.keys import title_key, title_similarity

    ta, tb = "临沂市" + "".join(a) + "的意见", "临沂市" + "".join(b) + "实施方案"
    ka, kb = title_key(ta), title_key(tb)
    exact = 1.0 if ka == kb else SequenceMatcher(None, ka, kb, autojunk=False).ratio()
    got = title_similarity(ta, tb, need)
    if exact >= need:
        assert got == exact
    else:
        assert got < need  # 0.0 when a bound ruled the pair out, else the exact ratio
