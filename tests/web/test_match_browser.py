"""/match in a real Chromium: a company fills the form, reads its grants with a verdict per
condition, exports them, and the profile stays in the URL only (desktop and phone width)."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import feedparser
import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TODAY = "2026-12-01"  # the sample notice takes applications 2026-11-20 .. 2027-01-15


def fill_profile(page) -> None:
    page.fill("input[name=name]", "淄博示例新材料有限公司")
    page.fill("input[name=region]", "山东省淄博市张店区")
    page.fill("input[name=founded]", "2016-05-01")
    page.fill("input[name=employees]", "210")
    page.fill("input[name=revenue_wan]", "9000")
    page.fill("input[name=rd_spend_wan]", "450")
    page.fill("input[name=rd_ratio]", "5")
    page.check("input[name=qualifications][value=高新技术企业]")
    page.check("input[name=qualifications][value=专精特新]")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_company_matches_its_grants_and_reads_why(page, live_url, shots_dir, viewport):
    size = PHONE if viewport == "phone" else DESKTOP
    page.set_viewport_size(size)
    page.goto(live_url + f"/match?today={TODAY}")
    page.screenshot(path=shots_dir / f"match-form-{viewport}.png", full_page=True)
    fill_profile(page)
    page.click("form.match-form button[type=submit]")
    page.wait_for_selector("li.match")
    # the profile travels in the URL (a bookmark, a shared link), nowhere else
    asked = parse_qs(urlsplit(page.url).query)
    assert asked["region"] == ["山东省淄博市张店区"] and set(asked["qualifications"]) == {
        "高新技术企业",
        "专精特新",
    }
    matches = page.locator("li.match")
    assert matches.count() >= 3
    first = matches.first
    # open grants whose every checkable condition holds come first; the notice's deadline is shown
    assert "申报中" in first.locator(".badge.deadline").inner_text()
    assert first.locator(".cond-unmet").count() == 0
    assert first.locator(".cond-met").count() >= 2
    text = page.inner_text("ol.matches")
    assert "淄博市科学技术局关于组织申报2026年度科技型企业研发创新奖补资金的通知" in text
    assert "2027-01-15 截止" in text and "效力" not in first.locator(".badge.verdict").inner_text()
    # a condition the profile cannot answer says so, and shows the sentence on demand
    unknown = page.locator("li.cond-unknown").first
    assert "请对照原文" in unknown.inner_text() or "未填" in unknown.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.screenshot(path=shots_dir / f"match-results-{viewport}.png", full_page=True)
    page.screenshot(path=shots_dir / f"match-results-{viewport}-top.png")  # what a person sees first
    assert page.errors == []


def test_the_csv_and_feed_of_a_match_carry_the_profile(page, live_url, client):
    page.goto(live_url + f"/match?today={TODAY}")
    fill_profile(page)
    page.click("form.match-form button[type=submit]")
    page.wait_for_selector("li.match")
    with page.expect_download() as dl:
        page.click("a.export-csv")
    body = dl.value.path().read_bytes()
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows and {"政策名称", "金额", "匹配结果", "不符合的条件", "截止日期", "政策效力"} <= set(rows[0])
    assert rows[0]["匹配结果"] in ("符合", "待确认")
    feed_href = page.locator("p.exports a", has_text="订阅").get_attribute("href")
    feed = feedparser.parse(client.get(feed_href).data)
    assert not feed.bozo and len(feed.entries) == len(rows)


def test_a_company_elsewhere_is_told_why_nothing_fits(page, live_url):
    page.goto(live_url + f"/match?today={TODAY}&region=海南省三亚市&qualifications=高新技术企业")
    page.wait_for_selector("p.total")
    assert page.locator("li.match").count() == 0
    assert "属其他地区" in page.inner_text("p.total")
    page.check("input[name=all]")
    page.click("form.match-form button[type=submit]")
    page.wait_for_selector("li.match")
    assert page.locator("li.match .badge.verdict-unmet").count() == page.locator("li.match").count()
