import pytest

from cleaner.numerals import cn_to_int, digit_string


@pytest.mark.parametrize(
    "text,value",
    [
        ("三", 3),
        ("十", 10),
        ("十三", 13),
        ("二十", 20),
        ("二十九", 29),
        ("一百零五", 105),
        ("两", 2),
        ("12", 12),
    ],
)
def test_positional_numerals(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["", "二三", "十x", "abc"])
def test_not_numerals(text):
    assert cn_to_int(text) is None


def test_years_are_read_digit_by_digit():
    assert digit_string("二〇二一") == 2021 and digit_string("二○二五") == 2025
    assert digit_string("二十") is None
