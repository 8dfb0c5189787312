"""A text capture of a stored document's body is that document: one hit, its names and status, the copy in sources.

The capture is the body of the sample site's repealed 中试基地 opinion as a person copies it from the
page (one of the seeds was taken that way): no title, no date, no issuer.
"""

from __future__ import annotations

from lxml import html

from cleaner import clean
from corpus.store import Store
from crawler.mirror import site_root
from indexer import search, update_index
from reasoning import relink
from reasoning.view import document_view
from search_web.support import SupportQuery, find_support
from tests.conftest import SAMPLE_DOCS

SITE = "http://kjj.example.gov.cn"
OPINION = site_root() / "kjj/zcwj/202205/t20220518_1822.html"


def body_capture(path) -> str:
    """The page's body paragraphs, one a line: what copying the text off the page gives."""
    tree = html.fromstring(path.read_bytes())
    return "\n".join(p.text_content() for p in tree.xpath("//div[@class='TRS_Editor']/p"))


def test_a_body_copy_is_the_stored_document(tmp_path):
    data_dir = tmp_path / "data"
    capture = tmp_path / "capture.txt"
    capture.write_text(body_capture(OPINION), encoding="utf-8")
    with Store.in_dir(data_dir) as store:
        for path in SAMPLE_DOCS:  # as a crawl stores them: raw page, then its document
            url = f"{SITE}/{path.relative_to(site_root()).as_posix()}"
            saved = store.save_page(url, path.read_bytes(), content_type="text/html")
            store.save_document(clean(path.read_bytes(), url=url), page_id=saved.page_id, site="mirror")
    with Store.in_dir(data_dir) as store:  # `policy ingest capture.txt`, later
        copy = clean(capture.read_bytes(), source=str(capture))
        assert copy.title is None
        store.save_document(copy)
    with Store.in_dir(data_dir) as store:
        relink(store)  # as `policy ingest` does before it indexes
        original = store.db.execute(
            "SELECT id FROM documents WHERE url LIKE '%t20220518_1822.html'"
        ).fetchone()[0]
        view = document_view(store, copy.id)
        assert [e["doc_id"] for e in view["relations"]["duplicate_of"]] == [original]
        assert view["status"]["status"] == "repealed", "the copy stands or falls with the document"
        shown = document_view(store, original)
        assert shown["title"] == "关于加快推进中试基地建设的意见"
        assert shown["sources"] == [f"{SITE}/kjj/zcwj/202205/t20220518_1822.html", str(capture)]
        update_index(store, data_dir)

    results = search(data_dir, "创业园区中试服务模式", per_page=50)
    mine = [h for h in results.hits if "创业园区中试服务模式" in h.text]
    assert len(mine) == 1 and results.total == 1
    hit = mine[0]
    assert hit.doc_id == original and hit.title == "关于加快推进中试基地建设的意见"
    assert hit.status["status"] == "repealed" and str(capture) in hit.sources

    with Store.in_dir(data_dir) as store:
        grants = find_support(data_dir, store, SupportQuery(keywords="中试基地"))
    assert all(r.doc_id != copy.id for r in grants.rows), "a repealed opinion's grants do not apply"


def test_next_years_notice_with_the_same_wording_is_another_document():
    from dataclasses import replace

    from corpus.facts import facts_of
    from reasoning.relations import link

    page = clean(OPINION.read_bytes(), url=f"{SITE}/a.html")
    this_year = facts_of(page)
    next_year = replace(this_year, doc_id="next", url=f"{SITE}/b.html", title=None, published="2023-05-20")
    assert not [lk for lk in link([this_year, next_year]) if lk.kind == "duplicate_of"]
    same_month = replace(next_year, published="2022-06-01")
    assert [lk.dst for lk in link([this_year, same_month]) if lk.kind == "duplicate_of"] == [this_year.doc_id]
