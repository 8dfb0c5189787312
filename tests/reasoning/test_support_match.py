"""The matcher: a company profile against every grant's conditions, each verdict with its reason.

The notice below is cleaned by the real cleaner, so the facts the matcher checks
are the ones the extraction reads; each kind of condition (qualification,
place, age, threshold, industry, text that cannot be checked) has a profile
that must meet it and one that must not.
"""

from __future__ import annotations

from datetime import date

import pytest

from cleaner import clean
from reasoning.support import Candidate, ProfileError, match, profile_from

NOTICE = """关于组织申报2024年度淄博市科技创新奖补资金的通知

各区县科技局，有关企业：
现就组织申报2024年度科技创新奖补资金有关事项通知如下。
一、申报条件
1.在淄博市注册登记、具有独立法人资格的企业。
2.企业成立满2年。
3.具有健全的财务管理制度。
二、支持内容
（一）对新认定的国家高新技术企业，一次性给予30万元奖励。
（二）对上年度研发投入达到500万元以上的企业，按研发投入的10%给予补助，最高100万元。
（三）对从业人数300人以上的规模以上工业企业，给予20万元奖励。
（四）对行业分类为软件和信息技术服务业（行业代码65）的企业，给予10万元补助。
三、申报时间
2024年5月1日至2024年6月30日。
四、受理部门
淄博市科学技术局（地址：淄博市张店区人民西路228号），联系电话：0533-3182345。
"""

TODAY = date(2024, 6, 1)


@pytest.fixture(scope="module")
def notice():
    doc = clean(NOTICE.encode("utf-8"), url="http://kjj.zibo.gov.cn/tzgg/2024/0420/notice.html")
    assert doc.region.city == "淄博市"
    return doc


def rows(notice, status="in_force", today=TODAY, include_unmet=True, **profile):
    found = match(
        profile_from(profile), [Candidate(notice, status=status)], today, include_unmet=include_unmet
    )
    return found.rows


def by_amount(found, text):
    return next(r for r in found if (r.amount or {}).get("text", "").endswith(text))


def verdict(row, words):
    return next(c for c in row.conditions if words in c.text)


GOOD = {
    "region": "山东省淄博市张店区",
    "qualifications": ["高新技术企业", "规上"],
    "founded": "2018-05-01",
    "rd_spend": "600万元",
    "employees": 350,
    "industries": ["65"],
}


def test_the_notice_holds_four_grants_with_its_terms(notice):
    grants = [g for c in notice.clauses if c.support for g in c.support.grants]
    assert [g.amount.yuan for g in grants] == [300000, 1000000, 200000, 100000]
    terms = notice.support_terms
    assert terms.deadline == "2024-06-30" and terms.window == {"from": "2024-05-01", "to": "2024-06-30"}
    assert terms.department == "淄博市科学技术局" and terms.contact.phone == ["0533-3182345"]
    assert len(terms.conditions) == 3


def test_qualification_met_and_unmet(notice):
    yes = by_amount(rows(notice, **GOOD), "20万元")
    no = by_amount(rows(notice, **{**GOOD, "qualifications": ["高新技术企业"]}), "20万元")
    assert verdict(yes, "规模以上").verdict == "met"
    assert verdict(no, "规模以上").verdict == "unmet" and no.verdict == "unmet"


def test_a_newly_granted_qualification_is_unknown_to_a_holder_and_unmet_without_it(notice):
    # 对新认定的国家高新技术企业: a profile says the company holds it, not that it is new this year
    holder = verdict(by_amount(rows(notice, **GOOD), "30万元"), "高新技术企业")
    assert holder.verdict == "unknown" and "新认定" in holder.why and "请对照原文" in holder.why
    lacking = by_amount(rows(notice, **{**GOOD, "qualifications": ["规上"]}), "30万元")
    assert verdict(lacking, "高新技术企业").verdict == "unmet" and lacking.verdict == "unmet"


def test_region_met_elsewhere_and_unknown(notice):
    home = by_amount(rows(notice, **GOOD), "30万元")
    assert verdict(home, "在淄博市注册").verdict == "met"
    away = by_amount(rows(notice, **{**GOOD, "region": "广州市南沙区"}), "30万元")
    assert away.verdict == "unmet" and verdict(away, "在淄博市注册").verdict == "unmet"
    unsaid = by_amount(rows(notice, **{k: v for k, v in GOOD.items() if k != "region"}), "30万元")
    assert verdict(unsaid, "在淄博市注册").verdict == "unknown"
    # a grant elsewhere is left out unless asked, and counted as such
    kept = match(profile_from({**GOOD, "region": "广州市"}), [Candidate(notice, "in_force")], TODAY)
    assert kept.rows == [] and kept.left_out["elsewhere"] == 4


def test_age_met_and_unmet(notice):
    old = by_amount(rows(notice, **GOOD), "30万元")
    young = by_amount(rows(notice, **{**GOOD, "founded": "2023-09-01"}), "30万元")
    assert verdict(old, "成立满2年").verdict == "met"
    assert verdict(young, "成立满2年").verdict == "unmet"


def test_threshold_met_unmet_and_unknown(notice):
    rich = by_amount(rows(notice, **GOOD), "10%")
    poor = by_amount(rows(notice, **{**GOOD, "rd_spend": 3_000_000}), "10%")
    silent = by_amount(rows(notice, **{k: v for k, v in GOOD.items() if k != "rd_spend"}), "10%")
    assert verdict(rich, "研发投入").verdict == "met"
    assert verdict(poor, "研发投入").verdict == "unmet"
    assert verdict(silent, "研发投入").verdict == "unknown"
    big = by_amount(rows(notice, **GOOD), "20万元")
    small = by_amount(rows(notice, **{**GOOD, "employees": 120}), "20万元")
    assert verdict(big, "从业人数").verdict == "met" and verdict(small, "从业人数").verdict == "unmet"


def test_industry_by_code_or_name(notice):
    coded = by_amount(rows(notice, **GOOD), "10万元")
    named = by_amount(rows(notice, **{**GOOD, "industries": ["软件和信息技术服务业"]}), "10万元")
    other = by_amount(rows(notice, **{**GOOD, "industries": ["批发业"]}), "10万元")
    assert verdict(coded, "行业").verdict == "met" and verdict(named, "行业").verdict == "met"
    assert verdict(other, "行业").verdict == "unmet"


def test_what_cannot_be_checked_stays_unknown_with_its_sentence(notice):
    row = by_amount(rows(notice, **GOOD), "30万元")
    books = verdict(row, "财务管理制度")
    assert books.verdict == "unknown" and books.source == "申报条件"
    assert row.verdict == "unknown"  # every checkable condition met, one left to a person
    own = verdict(row, "高新技术企业")
    assert own.source.startswith("对新认定的国家高新技术企业")


def test_amount_range_kind_and_deadline_state(notice):
    found = rows(notice, **GOOD)
    fixed, ratio = by_amount(found, "30万元"), by_amount(found, "10%")
    assert (fixed.low, fixed.high) == (300000, 300000)
    assert (
        ratio.amount["kind"] == "ratio"
        and ratio.amount["rate"] == 0.1
        and (ratio.low, ratio.high) == (None, 1000000)
    )
    assert fixed.deadline_state == "open" and fixed.days_left == 29
    closed = by_amount(rows(notice, today=date(2024, 7, 2), **GOOD), "30万元")
    assert closed.deadline_state == "closed"
    early = by_amount(rows(notice, today=date(2024, 4, 21), **GOOD), "30万元")
    assert early.deadline_state == "upcoming" and early.days_left == 10


def test_unknown_status_is_shown_as_unknown_and_a_repealed_notice_is_left_out(notice):
    assert {r.status for r in rows(notice, status=None, **GOOD)} == {"unknown"}
    gone = match(profile_from(GOOD), [Candidate(notice, status="repealed")], TODAY)
    assert gone.rows == [] and gone.left_out["status"] == 4


def test_open_and_fully_met_come_first(notice):
    found = rows(notice, include_unmet=True, **{**GOOD, "industries": ["批发业"]})
    order = [r.verdict for r in found]
    assert order == sorted(order, key=["met", "unknown", "unmet"].index)
    assert found[-1].verdict == "unmet"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"revenue": "很多"}, "revenue must be a number"),
        ({"colour": "red"}, "unknown profile key 'colour'"),
        ({"founded": "去年"}, "founded must be YYYY"),
    ],
)
def test_a_bad_profile_says_which_key(data, message):
    with pytest.raises(ProfileError, match=message):
        profile_from(data)


def test_money_in_wan_and_ratios_in_percent():
    p = profile_from({"revenue_wan": 8000, "rd_ratio": "4%", "tax": "1.2亿"})
    assert (p.revenue, p.rd_ratio, p.tax) == (80_000_000, 0.04, 120_000_000)


def test_a_named_beneficiary_no_profile_key_confirms_is_an_unknown_condition():
    text = NOTICE.replace(
        "（四）对行业分类为软件和信息技术服务业（行业代码65）的企业，给予10万元补助。",
        "（四）对新获批的省级技术转移示范机构，给予10万元补助。",
    )
    doc = clean(text.encode("utf-8"), url="http://kjj.zibo.gov.cn/tzgg/2024/0420/notice.html")
    row = by_amount(match(profile_from(GOOD), [Candidate(doc, "in_force")], TODAY).rows, "10万元")
    who = verdict(row, "适用对象")
    assert who.verdict == "unknown" and "技术转移示范机构" in who.text and "请对照原文" in who.why
    # a grant for any company (…的企业) adds no such condition
    fixed = by_amount(rows(doc, **GOOD), "20万元")
    assert not any(c.text.startswith("适用对象：") and c.verdict == "unknown" for c in fixed.conditions)


BANDS = """关于印发本区总部经济扶持办法的通知

第一条 对新落户的总部型企业，根据企业实缴注册资本给予落户奖励：
（一）实缴注册资本500万元（含）至5000万元的，奖励300万元；
（二）实缴注册资本5000万元（含）至1亿元的，奖励600万元。
"""


def test_a_band_of_registered_capital_is_met_only_inside_it():
    doc = clean(BANDS.encode("utf-8"), url="http://www.gzns.gov.cn/zwgk/2018/zongbu.html")
    found = rows(doc, registered_capital_wan=3000)
    low, high = by_amount(found, "300万元"), by_amount(found, "600万元")
    band = verdict(low, "实缴注册资本500万元")
    assert band.verdict == "met" and "注册资本3000万元" in band.why
    assert verdict(high, "实缴注册资本5000万元").verdict == "unmet" and high.verdict == "unmet"


def test_the_readme_profile_is_the_bundled_one_make_demo_answers():
    import re
    import tomllib
    from pathlib import Path

    from reasoning.support import load_profile

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = tomllib.loads(re.search(r"`policy match` reads.*?```toml\n(.*?)```", readme, re.S).group(1))
    bundled = load_profile(root / "corpus/sample/profiles/zibo-hitech.toml").to_dict()
    assert profile_from(shown).to_dict().items() <= bundled.items()
