"""Validity dates from a document's own words (cleaner/validity.py)."""

from pathlib import Path

import pytest

from cleaner import clean
from cleaner.validity import find_validity

FIXTURES = Path(__file__).parent / "fixtures"


def _clean(name: str):
    return clean((FIXTURES / name).read_bytes(), source=name)


@pytest.mark.parametrize(
    "text, signed, published, effective, expires",
    [
        ("本意见自2021年3月1日起施行，有效期3年。", None, None, "2021-03-01", "2024-02-29"),
        ("本办法自2021年3月1日起执行。", None, None, "2021-03-01", None),
        ("本方案从2022年1月1日起实施，有效期五年。", None, None, "2022-01-01", "2026-12-31"),
        ("本意见自二〇二一年三月一日起施行。", None, None, "2021-03-01", None),
        ("本办法自２０２１年３月１日起施行。", None, None, "2021-03-01", None),
        (
            "本办法自印发之日起施行，有效期至2025年12月31日。",
            "2020-06-15",
            "2020-06-20",
            "2020-06-15",
            "2025-12-31",
        ),
        ("本通知自发布之日起施行。", "2020-06-15", "2020-06-20", "2020-06-20", None),
        ("本通知自公布之日起施行。", None, "2020-06-20", "2020-06-20", None),
        ("本办法自发布之日起30日后施行。", None, "2020-06-15", "2020-07-15", None),
        ("本细则自印发之日起试行，试行两年。", "2020-06-15", None, "2020-06-15", "2022-06-14"),
        ("本方案有效期3年，自2022年1月1日起计算。", "2021-12-01", None, "2022-01-01", "2024-12-31"),
        ("有效期为2021年1月1日至2023年12月31日。", None, None, "2021-01-01", "2023-12-31"),
        ("本政策执行期至2025年底。", None, None, None, "2025-12-31"),
        (
            "本办法自2019年1月1日起施行，有效期3年。经评估，本办法有效期延长至2023年12月31日。",
            None,
            None,
            "2019-01-01",
            "2023-12-31",
        ),
        ("本办法有效期延长至2026年6月。", None, None, None, "2026-06-30"),
    ],
)
def test_forms(text, signed, published, effective, expires):
    v = find_validity(text, signed=signed, published=published)
    assert (v.effective, v.expires) == (effective, expires)
    assert v.text and v.text in text


@pytest.mark.parametrize(
    "text",
    [
        "高新技术企业资格自颁发证书之日起有效期为三年。",  # a certificate's validity, not the document's
        "入库企业认定有效期为3年。",
        "项目实施期至2023年12月31日。",  # a project's period
        "《临沂市科技创新奖励办法》自2019年1月1日起施行。",  # another document's date
        "自2021年起，市财政每年安排资金5000万元。",  # a start year, not a taking effect
    ],
)
def test_traps_give_nothing(text):
    v = find_validity(text, signed="2020-06-15")
    assert (v.effective, v.expires) == (None, None)


def test_issue_date_without_signed_date_uses_published():
    """自印发之日起施行 on a page with only a published date."""
    doc = _clean("issued_date_page_only_published.html")
    assert doc.signed is None and doc.published == "2023-04-20"
    assert doc.effective == "2023-04-20"
    assert doc.expires == "2025-04-19"
    assert doc.validity_text == "本细则自印发之日起施行，试行两年。"


def test_years_counted_from_a_named_start_date():
    doc = _clean("period_from_named_start.txt")
    assert doc.signed == "2022-06-20"
    assert (doc.effective, doc.expires) == ("2022-07-01", "2027-06-30")
    assert "自2022年7月1日起计算" in doc.validity_text


def test_closing_article_with_certificate_trap():
    doc = _clean("cited_number_in_opening.txt")
    # 第三条's "资格认定有效期为三年" must not set the document's expiry
    assert (doc.effective, doc.expires) == ("2021-03-01", "2024-02-29")
    assert doc.validity_text == "本办法自2021年3月1日起施行，有效期3年。"


def test_extension_of_another_document_is_not_our_expiry():
    doc = _clean("extension_notice.txt")
    assert doc.expires is None and doc.effective == "2023-06-01"


def test_validity_round_trips_through_json():
    from corpus.model import Document

    doc = _clean("cited_number_in_opening.txt")
    again = Document.from_dict(doc.to_dict())
    assert (again.effective, again.expires, again.validity_text) == (
        doc.effective,
        doc.expires,
        doc.validity_text,
    )
    assert again.cites == doc.cites and again.repeals == doc.repeals
