"""Comparing one question across regions, years and issuers: the grouping and its pages."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from indexer import Hit
from search_web.compare import compare


def hit(doc: str, n: int, *, region=None, published=None, issuer=None, amounts=(), tags=()) -> Hit:
    return Hit(
        doc_id=doc,
        clause_id=f"{doc}:{n}",
        source=doc,
        url=None,
        title=doc,
        issuer=issuer,
        doc_number=None,
        doc_type="意见",
        draft=False,
        published=published,
        region=region or {},
        path=[f"{n}."],
        heading=None,
        text="…",
        departments=[t["name"] for t in tags],
        department_tags=list(tags),
        amounts=list(amounts),
        score=1.0,
        snippet="…",
    )


LINYI = {"province": "山东省", "city": "临沂市"}
ZIBO = {"province": "山东省", "city": "淄博市"}
LANSHAN = {"province": "山东省", "city": "临沂市", "county": "兰山区"}


def test_regions_come_in_the_order_of_their_best_clause_and_keep_three_each():
    hits = [
        hit("a", 1, region=ZIBO),
        hit("b", 1, region=LINYI),
        hit("a", 2, region=ZIBO),
        hit("x", 1),
        hit("c", 1, region=LANSHAN),
        hit("a", 3, region=ZIBO),
        hit("a", 4, region=ZIBO),
    ]
    rows = compare(hits, "region")
    assert [r.label for r in rows] == ["山东省 淄博市", "山东省 临沂市", "山东省 临沂市 兰山区", "未注明地区"]
    zibo = rows[0]
    assert zibo.clauses == 4 and len(zibo.documents) == 1
    assert [h.clause_id for h in zibo.hits] == ["a:1", "a:2", "a:3"]  # the best three, in rank order


def test_the_largest_grant_counts_grants_only_and_departments_by_full_name():
    rows = compare(
        [
            hit("a", 1, region=LINYI, amounts=[{"text": "总规模10亿元", "yuan": 1e9, "kind": "total"}]),
            hit(
                "a",
                2,
                region=LINYI,
                amounts=[{"text": "最高50万元", "yuan": 5e5, "kind": "cap"}],
                tags=[{"name": "市科技局", "canonical": "临沂市科学技术局"}],
            ),
            hit(
                "b",
                1,
                region=LINYI,
                amounts=[{"text": "每家20万元", "yuan": 2e5, "kind": "fixed"}],
                tags=[{"name": "市科技局", "canonical": "临沂市科学技术局"}, {"name": "市财政局"}],
            ),
        ],
        "region",
    )
    (row,) = rows
    assert row.largest["text"] == "最高50万元" and row.largest_shown == "50万元"  # a fund's total is no grant
    assert row.top_departments() == ["临沂市科学技术局", "市财政局"]


def test_years_newest_first_and_the_undated_last():
    rows = compare(
        [hit("a", 1, published="2021-03-01"), hit("b", 1), hit("c", 1, published="2023-05-02")], "year"
    )
    assert [r.label for r in rows] == ["2023年", "2021年", "未注明年份"]
    assert rows[0].latest == "2023-05-02"


def test_an_unknown_grouping_is_refused():
    with pytest.raises(ValueError, match="cannot compare by 'city'"):
        compare([], "city")


def test_the_compare_page_groups_the_search_by_region_and_links_back_to_filtered_searches(client):
    page = client.get("/compare", query_string={"q": "补助", "by": "region"})
    assert page.status_code == 200
    t = lxml_html.fromstring(page.data)
    rows = t.xpath("//section[@class='compare-row']")
    assert len(rows) >= 2
    labels = [r.xpath("h2")[0].text_content() for r in rows]
    assert len(set(labels)) == len(labels)
    api = client.get("/api/compare", query_string={"q": "补助", "by": "region"}).get_json()
    assert [g["label"] for g in api["groups"]] == labels
    assert sum(g["clauses"] for g in api["groups"]) == api["clauses"] > 0
    for g in api["groups"]:
        assert 1 <= len(g["hits"]) <= 3 and all(h["link"].startswith("/doc/") for h in g["hits"])
    # each region links to the search filtered to it, and that search finds only that region
    link = rows[0].xpath(".//p[@class='compare-stats']/a/@href")[0]
    assert link.startswith("/search?") and "region=" in link
    filtered = client.get(link.replace("/search", "/api/search", 1)).get_json()
    key = api["groups"][0]["key"]
    assert filtered["hits"] and all(key in h["region"].values() for h in filtered["hits"])


def test_compare_by_year_and_issuer_and_the_search_page_links_to_them(client):
    years = client.get("/api/compare", query_string={"q": "补助", "by": "year"}).get_json()["groups"]
    keys = [g["key"] for g in years if g["key"]]
    assert keys == sorted(keys, reverse=True) and all(k.isdigit() for k in keys)
    issuers = client.get("/api/compare", query_string={"q": "补助", "by": "issuer"}).get_json()["groups"]
    assert issuers and all(g["label"] for g in issuers)
    t = lxml_html.fromstring(client.get("/search", query_string={"q": "补助"}).data)
    links = t.xpath("//p[@class='compare-links']/a/@href")
    assert [link.rsplit("by=", 1)[1] for link in links] == ["region", "year", "issuer"]
    assert all(link.startswith("/compare?q=") for link in links)


def test_bad_compare_requests_get_clear_errors(client):
    r = client.get("/compare", query_string={"q": "补助", "by": "city"})
    assert r.status_code == 400 and "无法按“city”对比" in r.get_data(as_text=True)
    assert client.get("/api/compare").status_code == 400
    assert client.get("/compare").status_code == 200  # the empty form
    # a word no clause holds (a sentence typed with 的 is read as its words, which some clause holds)
    none = client.get("/api/compare", query_string={"q": "xyzqwv"}).get_json()
    assert none["groups"] == [] and none["clauses"] == 0
