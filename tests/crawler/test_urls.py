"""Canonical URLs and link resolution: one page, one key."""

from __future__ import annotations

import pytest

from crawler.urls import canonical_url, extension_of, host_allowed, matches_filters, resolve_link

BASE = "http://kjj.example.gov.cn/zcwj/index.html"


@pytest.mark.parametrize(
    "href, expected",
    [
        ("./202401/t1.html", "http://kjj.example.gov.cn/zcwj/202401/t1.html"),
        ("../gzdt/a.html", "http://kjj.example.gov.cn/gzdt/a.html"),
        ("/zcwj/202401/t1.html", "http://kjj.example.gov.cn/zcwj/202401/t1.html"),
        ("http://KJJ.example.gov.cn:80/zcwj/202401/t1.html", "http://kjj.example.gov.cn/zcwj/202401/t1.html"),
        ("//kjj.example.gov.cn/zcwj/202401/t1.html", "http://kjj.example.gov.cn/zcwj/202401/t1.html"),
        ("./202401/t1.html?utm_source=wechat&spm=a.b.c#top", "http://kjj.example.gov.cn/zcwj/202401/t1.html"),
        ("t1.html?id=5&from=singlemessage&isappinstalled=0", "http://kjj.example.gov.cn/zcwj/t1.html?id=5"),
        (" ./a.html ", "http://kjj.example.gov.cn/zcwj/a.html"),
        (r".\202401\t1.html", "http://kjj.example.gov.cn/zcwj/202401/t1.html"),
        ("/x/a.jsp;jsessionid=ABC123?page=2", "http://kjj.example.gov.cn/x/a.jsp?page=2"),
    ],
)
def test_links_resolve_to_one_canonical_form(href, expected):
    assert resolve_link(BASE, href) == expected


@pytest.mark.parametrize("href", ["javascript:void(0)", "mailto:kjj@example.gov.cn", "#", "", "tel:0539"])
def test_non_page_links_are_dropped(href):
    assert resolve_link(BASE, href) is None


def test_canonical_url_keeps_path_case_and_parameter_order():
    url = "https://Example.gov.cn:443/Col/List.jsp?b=2&a=1&utm_medium=x"
    assert canonical_url(url) == "https://example.gov.cn/Col/List.jsp?b=2&a=1"
    assert canonical_url(canonical_url(url)) == canonical_url(url)


def test_extension_host_and_filters():
    assert extension_of("http://x.gov.cn/files/a.PDF?x=1") == "pdf"
    assert extension_of("http://x.gov.cn/files/") == ""
    assert host_allowed("http://www.kjj.example.gov.cn/a", ("kjj.example.gov.cn",))
    assert not host_allowed("http://evil-kjj.example.gov.cn.cc/a", ("kjj.example.gov.cn",))
    assert matches_filters("http://x/zcwj/a.html", (r"/zcwj/",), (r"/jd/",))
    assert not matches_filters("http://x/zcwj/jd/a.html", (r"/zcwj/",), (r"/jd/",))
    assert not matches_filters("http://x/gzdt/a.html", (r"/zcwj/",), ())
