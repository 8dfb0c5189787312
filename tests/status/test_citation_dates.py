"""A document cites only what existed when it was written: a later document of the same name is another one."""

from __future__ import annotations

from corpus.facts import Facts, Mention
from reasoning.relations import link

TITLE = "关于加快推进中试基地建设的意见"


def facts(doc_id: str, *, title: str, published: str | None, signed: str | None = None, cites=()) -> Facts:
    return Facts(
        doc_id=doc_id,
        url=f"http://example.gov.cn/{doc_id}.html",
        title=title,
        doc_number=None,
        issuer="临沂市科学技术局",
        province="山东省",
        city="临沂市",
        county=None,
        draft=False,
        repost=False,
        published=published,
        signed=signed,
        effective=None,
        expires=None,
        validity_text=None,
        cites=tuple(Mention(None, t, f"按照《{t}》要求") for t in cites),
    )


def cited(links, src: str) -> list:
    return [(lk.dst, lk.title) for lk in links if lk.src == src and lk.kind == "cites"]


def test_a_document_never_cites_one_published_after_it():
    plan = facts("plan", title="临沂市“十四五”科技创新规划", published="2022-01-20", cites=[TITLE])
    later = facts("opinion2022", title=TITLE, published="2022-05-18")
    assert cited(link([plan, later]), "plan") == [(None, TITLE)], "the printed title is kept, unresolved"


def test_of_two_documents_with_one_title_the_one_before_it_is_cited():
    plan = facts("plan", title="临沂市“十四五”科技创新规划", published="2022-01-20", cites=[TITLE])
    earlier = facts("opinion2019", title=TITLE, published="2019-03-01")
    later = facts("opinion2022", title=TITLE, published="2022-05-18")
    assert cited(link([plan, later, earlier]), "plan") == [("opinion2019", TITLE)]


def test_signed_before_the_citing_document_counts_and_undated_documents_still_link():
    plan = facts("plan", title="规划", published="2022-01-20", signed="2022-01-10", cites=[TITLE])
    signed_first = facts("opinion", title=TITLE, published="2022-02-01", signed="2022-01-05")
    assert cited(link([plan, signed_first]), "plan") == [("opinion", TITLE)]
    undated = facts("undated", title=TITLE, published=None)
    assert cited(link([plan, undated]), "plan") == [("undated", TITLE)]
    undated_plan = facts("plan", title="规划", published=None, cites=[TITLE])
    later = facts("opinion2022", title=TITLE, published="2022-05-18")
    assert cited(link([undated_plan, later]), "plan") == [("opinion2022", TITLE)]
