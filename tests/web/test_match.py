"""/api/match, /export/match.csv and /feeds/match.atom through the Flask client: the profile comes
in the query string only, every grant explains its verdict, and a bad profile is a 400 that says why."""

from __future__ import annotations

import csv
import io
import re
import sqlite3

import feedparser

from corpus.store import STORE_FILE

TODAY = "2026-12-01"  # the sample notice takes applications 2026-11-20 .. 2027-01-15
NOTICE = "淄博市科学技术局关于组织申报2026年度科技型企业研发创新奖补资金的通知"
PROFILE = {
    "name": "淄博示例新材料有限公司",
    "region": "山东省淄博市张店区",
    "founded": "2016-05-01",
    "employees": "210",
    "revenue_wan": "9000",
    "rd_spend_wan": "450",
    "rd_ratio": "5",
    "qualifications": ["高新技术企业", "专精特新"],
    "today": TODAY,
}


def notice_rows(rows):
    return [r for r in rows if r["title"] == NOTICE]


def test_api_match_answers_with_verdicts_amounts_deadline_and_status(client):
    body = client.get("/api/match", query_string=PROFILE).get_json()
    assert body["today"] == TODAY and body["profile"]["region"] == "山东省淄博市张店区"
    assert body["profile"]["rd_spend"] == 4_500_000 and abs(body["profile"]["rd_ratio"] - 0.05) < 1e-9
    rows = notice_rows(body["rows"])
    assert len(rows) >= 3
    # open and no condition failing: the notice's grants come before everything else
    assert body["rows"][0]["title"] == NOTICE and body["rows"][0]["deadline_state"] == "open"
    for r in rows:
        assert r["deadline"] == "2027-01-15" and r["deadline_state"] == "open" and r["days_left"] == 45
        assert r["status"] in ("in_force", "unknown")  # never a guessed 现行有效
        assert all(
            c["verdict"] in ("met", "unmet", "unknown") and c["why"] and c["source"] for c in r["conditions"]
        )
    rd = next(r for r in rows if "研发投入增量" in r["sentence"])
    assert rd["amount"]["kind"] == "ratio" and rd["amount"]["rate"] == 0.1 and rd["high"] == 1_000_000
    met = {c["text"]: c["why"] for c in rd["conditions"] if c["verdict"] == "met"}
    assert any("450万元" in why and "200万元" in why for why in met.values())
    # a condition no profile key can decide is unknown and says to read the text
    assert any(c["verdict"] == "unknown" and "请对照原文" in c["why"] for c in rd["conditions"])
    fixed = [r for r in rows if r["amount"] and r["amount"]["kind"] == "fixed"]
    assert fixed and all(r["low"] == r["high"] == r["amount"]["yuan"] for r in fixed)


def test_a_threshold_the_company_misses_turns_the_grant_unmet(client):
    small = {**PROFILE, "rd_spend_wan": "150", "all": "1"}
    rows = notice_rows(client.get("/api/match", query_string=small).get_json()["rows"])
    rd = next(r for r in rows if "研发投入增量" in r["sentence"])
    assert rd["verdict"] == "unmet"
    assert any(c["verdict"] == "unmet" and "150万元" in c["why"] for c in rd["conditions"])
    # without all=1 it is left out and counted
    body = client.get("/api/match", query_string={**small, "all": ""}).get_json()
    assert not any("研发投入增量" in r["sentence"] for r in notice_rows(body["rows"]))
    assert body["left_out"].get("unmet", 0) >= 1


def test_a_company_elsewhere_gets_none_of_a_city_notice(client):
    body = client.get("/api/match", query_string={**PROFILE, "region": "海南省三亚市"}).get_json()
    assert notice_rows(body["rows"]) == [] and body["left_out"]["elsewhere"] >= 3


def test_bad_or_empty_profiles_are_400_that_say_why(client):
    empty = client.get("/api/match", query_string={"today": TODAY})
    assert empty.status_code == 400 and "企业信息" in empty.get_json()["error"]
    bad = client.get("/api/match", query_string={"region": "淄博市", "employees": "很多"})
    assert bad.status_code == 400 and "employees" in bad.get_json()["error"]
    assert client.get("/feeds/match.atom").status_code == 400
    page = client.get("/match", query_string={"region": "淄博市", "founded": "去年"})
    assert page.status_code == 400 and "founded" in page.get_data(as_text=True)


def test_csv_has_chinese_columns_and_one_row_per_grant(client):
    res = client.get("/export/match.csv", query_string=PROFILE)
    assert res.status_code == 200 and res.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(res.data.decode("utf-8-sig"))))
    api = client.get("/api/match", query_string=PROFILE).get_json()
    assert len(rows) == api["total"]
    first = rows[0]
    assert first["政策名称"] == NOTICE and first["截止日期"] == "2027-01-15"
    assert first["申报状态"].startswith("申报中") and first["匹配结果"] in ("符合", "待确认")
    assert first["政策效力"] in ("现行有效", "效力待确认")
    assert first["链接"].startswith("http://") and "#c-" in first["链接"]


def test_feed_lists_the_matching_grants(client):
    res = client.get("/feeds/match.atom", query_string=PROFILE)
    feed = feedparser.parse(res.data)
    assert not feed.bozo and res.content_type.startswith("application/atom+xml")
    total = client.get("/api/match", query_string=PROFILE).get_json()["total"]
    assert len(feed.entries) == min(total, 50) and any(NOTICE in e.title for e in feed.entries)


def test_the_profile_is_never_written_to_the_store(client, web_data):
    def dump():
        db = sqlite3.connect(web_data / STORE_FILE)
        try:
            return "\n".join(db.iterdump())
        finally:
            db.close()

    before = dump()
    assert client.get("/match", query_string=PROFILE).status_code == 200
    assert client.get("/api/match", query_string=PROFILE).status_code == 200
    after = dump()
    assert after == before and PROFILE["name"] not in after


def test_the_form_shows_qualifications_however_the_url_lists_them(client):
    for given in ("高新技术企业,专精特新", "高新技术企业、专精特新", ["高新技术企业", "专精特新"]):
        page = client.get("/match", query_string={**PROFILE, "qualifications": given}).get_data(as_text=True)
        checked = set(re.findall(r'name="qualifications" value="([^"]+)" checked', page))
        assert checked == {"高新技术企业", "专精特新"}, given
