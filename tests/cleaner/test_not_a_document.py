"""Input that is not a document gets a clear NotADocument, never a crash or an empty Document."""

from pathlib import Path

import pytest

from cleaner import NotADocument, clean

JUNK = Path(__file__).resolve().parent.parent / "fixtures" / "cleaner" / "junk"


@pytest.mark.parametrize("path", sorted(JUNK.iterdir()), ids=lambda p: p.name)
def test_junk_fixtures_are_refused(path):
    with pytest.raises(NotADocument):
        clean(path.read_bytes())


def test_challenge_message_says_what_it_is():
    with pytest.raises(NotADocument, match="challenge"):
        clean((JUNK / "challenge_js.html").read_bytes())
    with pytest.raises(NotADocument, match="error page"):
        clean((JUNK / "not_found_with_chrome.html").read_bytes())


@pytest.mark.parametrize(
    "junk",
    [
        b"",
        b"   \n\t ",
        b"\x00\x01\x02\xff" * 100,
        b"<html><body><script>var a=1;</script></body></html>",
        "   ",
    ],
)
def test_empty_and_binary(junk):
    with pytest.raises(NotADocument):
        clean(junk)


def test_a_real_document_mentioning_not_found_is_kept():
    text = (
        "关于加强科技创新的意见\n"
        + "一、总体要求\n对未找到合作单位的企业（not found），由市科技局会同有关部门提供对接服务，帮助企业尽快找到合作伙伴。"
        * 5
    )
    doc = clean(text.encode())
    assert doc.clauses


def test_a_list_page_is_not_a_document():
    items = "".join(
        f"<li><a href='/zcwj/t2022{n:04d}_1.html'>临沂市科学技术局关于印发第{n}批科技创新政策措施的通知</a><span>2022-01-{n % 28 + 1:02d}</span></li>"
        for n in range(30)
    )
    html = f"<html><body><div class='nav'><a>首页</a></div><div class='list'><ul>{items}</ul></div></body></html>"
    with pytest.raises(NotADocument, match="list"):
        clean(html.encode())
