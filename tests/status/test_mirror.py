"""The bundled mirror exercises validity: a draft and its final, a 废止 notice, a repost and its full text."""

from corpus.store import Store
from reasoning.view import document_view
from tests.conftest import SAMPLE_DOCS, copy_data

AS_OF = "2025-06-01"


def test_crawl_of_the_mirror_links_and_dates_its_documents(mirror_url, mirror_crawled, tmp_path):
    crawled, crawl = mirror_crawled  # `policy crawl mirror` into a fresh store (conftest)
    data_dir = copy_data(crawled, tmp_path)
    assert crawl.returncode == 0, crawl.stderr
    with Store.in_dir(data_dir) as store:
        ids = {
            path: r["id"]
            for r in store.db.execute("SELECT id, url FROM documents")
            for path in [r["url"].removeprefix(mirror_url + "/kjj/zcwj/")]
        }
        assert len(ids) == len(SAMPLE_DOCS)
        # relinked by the crawl itself: every document has a stored status
        assert store.db.execute("SELECT COUNT(*) FROM statuses").fetchone()[0] == len(SAMPLE_DOCS)

        def view(path):
            return document_view(store, ids[path], AS_OF)

        draft, final = view("202109/t20210929_2210.html"), view("202201/t20220120_1107.html")
        assert draft["status"]["status"] == "superseded"
        assert draft["relations"]["draft_of"][0]["doc_id"] == ids["202201/t20220120_1107.html"]
        assert final["relations"]["final_of"][0]["doc_id"] == ids["202109/t20210929_2210.html"]
        assert final["status"]["status"] == "in_force"
        # the plan's years (十四五) end with 2025
        assert document_view(store, final["id"], "2026-03-01")["status"]["rule"] == "title_period"

        pilot, notice = view("202205/t20220518_1822.html"), view("202503/t20250312_5120.html")
        assert pilot["status"]["status"] == "repealed" and pilot["status"]["by"] == notice["id"]
        assert notice["relations"]["repeals"][0]["doc_id"] == pilot["id"]
        # the final plan (2022-01-20) names 《关于加快推进中试基地建设的意见》 by title alone; the stored
        # opinion of that title appeared four months later, so it is another one: the mention stays unlinked
        cite = final["relations"]["cites"][0]
        assert cite["doc_id"] is None and cite["title"] == "关于加快推进中试基地建设的意见"
        assert final["id"] not in [c["doc_id"] for c in pilot["relations"].get("cited_by", [])]
        assert document_view(store, pilot["id"], "2025-01-01")["status"]["status"] == "unknown"

        news, full = view("202406/t20240612_4412.html"), view("202406/t20240605_4390.html")
        assert news["relations"]["repost_of"][0]["doc_id"] == full["id"]
        assert full["relations"]["reposts"][0]["doc_id"] == news["id"]
        assert news["status"] == full["status"] | {"rule": "repost_of", "by": full["id"]}
        assert full["status"]["status"] == "in_force" and full["status"]["expires"] == "2027-06-30"
