"""Search hits carry status and expiry; --in-force/--strict filter; copies collapse into one hit."""

from corpus.store import Store
from indexer import Filters, search, update_index
from reasoning import relink
from tests.status.test_links import doc, id_of

NAMES = [
    "same_doc_site_a.html",
    "same_doc_site_b.html",
    "draft_incubator_measures.txt",
    "final_incubator_measures.txt",
    "repeal_decision_three.txt",
    "repealed_sme_measures.txt",
    "issued_date_page_only_published.html",
]


def test_hits_carry_status_and_filters_keep_what_applies(tmp_path):
    data = tmp_path / "data"
    store = Store.in_dir(data)
    for name in NAMES:
        store.save_document(doc(name))
    relink(store, "2024-01-15")
    update_index(store, data)

    def titles(validity: str, q: str = "孵化器 一次性奖励") -> dict[str, str]:
        found = search(data, q, Filters(validity=validity), per_page=50, collapse=True)
        return {h.doc_id: (h.status or {}).get("status", "unknown") for h in found.hits}

    everything = titles("all")
    assert everything[id_of("draft_incubator_measures.txt")] == "superseded"
    assert everything[id_of("final_incubator_measures.txt")] == "in_force"
    in_force = titles("in_force")
    assert id_of("draft_incubator_measures.txt") not in in_force
    assert set(in_force.values()) <= {"in_force", "unknown"}
    assert set(titles("strict").values()) == {"in_force"}

    # the same measures on two sites: one hit, both sources
    hits = search(data, "新型研发机构", per_page=50).hits
    assert {h.doc_id for h in hits} == {id_of("same_doc_site_a.html")}
    assert hits[0].sources == [doc("same_doc_site_a.html").url, doc("same_doc_site_b.html").url]
    assert hits[0].expires == "2026-12-31"

    # the nightly relink on the day the measures lapse re-indexes them
    relink(store, "2027-01-02")
    update_index(store, data)
    assert search(data, "新型研发机构").hits[0].status["status"] == "expired"
    assert search(data, "新型研发机构", Filters(validity="in_force")).total == 0
    store.close()
