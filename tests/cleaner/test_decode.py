"""Bytes to text when the page lies about its encoding, or says nothing."""

import opencc
import pytest

from cleaner import clean
from cleaner.decode import decode, fold_traditional

TEXT = (
    "<html><head><meta charset='{meta}'><title>临沂市科学技术局关于印发临沂市科技企业孵化器认定管理办法的通知</title></head>"
    "<body><p>各县区科技主管部门，各有关单位：现将《临沂市科技企业孵化器认定管理办法》印发给你们，请遵照执行。</p>"
    "<p>一、认定条件</p><p>（一）孵化场地面积不低于3000平方米，在孵企业不少于20家。</p></body></html>"
)


@pytest.mark.parametrize(
    "encoding, declared",
    [
        ("utf-8", "gb2312"),
        ("gbk", "utf-8"),
        ("gb18030", "big5"),
        ("big5", "gb2312"),
        ("gbk", ""),
        ("big5", ""),
        ("utf-8", ""),
    ],
)
def test_lying_or_missing_charset(encoding, declared):
    text = TEXT.format(meta=declared)
    if encoding == "big5":
        text = opencc.OpenCC("s2t").convert(text)
    got, _ = decode(text.encode(encoding))
    assert got == text


def test_big5_page_is_folded_and_says_so():
    data = opencc.OpenCC("s2t").convert(TEXT.format(meta="")).encode("big5")
    doc = clean(data)
    assert doc.title == "临沂市科学技术局关于印发临沂市科技企业孵化器认定管理办法的通知"
    assert any("traditional" in w for w in doc.warnings)


def test_simplified_text_is_not_folded():
    text = TEXT.format(meta="utf-8")
    assert fold_traditional(text) == (text, False)


def test_http_charset_hint_is_used_when_true():
    data = TEXT.format(meta="").encode("gbk")
    assert decode(data, "GBK")[0] == TEXT.format(meta="")
