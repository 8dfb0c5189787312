"""Chinese numerals as documents print them: labels (十三、), dates (二〇二一年九月二十九日), periods (五年).

One table and two readings, shared by the outline, the dates and the
validity rules (amounts use cn2an, which also reads 点 and 万).
"""

from __future__ import annotations

DIGITS = {
    "〇": 0, "○": 0, "零": 0, "O": 0, "Ｏ": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s: str) -> int | None:
    """A positional numeral ("十三", "二十", "一百零五") or ASCII digits; None when it is not one."""
    if s.isdigit():
        return int(s)
    if not s:
        return None
    total, current, after_digit = 0, 0, False
    for ch in s:
        if ch in DIGITS:
            if after_digit and DIGITS[ch] and current:  # "二三" is not a positional numeral
                return None
            current, after_digit = DIGITS[ch], True
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current, after_digit = 0, False
        else:
            return None
    return total + current


def digit_string(s: str) -> int | None:
    """Digits read one by one, as years are printed: "二〇二一" -> 2021."""
    if s.isdigit():
        return int(s)
    values = [DIGITS.get(ch) for ch in s]
    if not values or any(v is None for v in values):
        return None
    return int("".join(map(str, values)))
