"""Anti-bot challenge pages are told apart from real pages and error pages."""

from __future__ import annotations

import pytest

from crawler.challenge import is_challenge
from crawler.mirror import site_root, traps_root

CHALLENGE = (traps_root() / "guard/challenge.html").read_bytes()


@pytest.mark.parametrize("status", [412, 202, 521, 200])
def test_script_only_challenge_on_any_status(status):
    assert is_challenge(status, CHALLENGE, "text/html")


def test_jiasule_and_aliyun_markers():
    page = (
        b"<html><script>document.cookie=('__jsl_clearance=1');location.href=location.pathname</script></html>"
    )
    assert is_challenge(521, page, "text/html") and is_challenge(200, page, None)
    assert is_challenge(200, b"<html><script>var arg1='3C';acw_sc__v2=1</script></html>", "text/html")


def test_real_pages_and_plain_errors_are_not_challenges():
    for page in site_root().glob("kjj/zcwj/20*/*.html"):
        assert not is_challenge(200, page.read_bytes(), "text/html; charset=utf-8"), page
    assert not is_challenge(
        404, b"<html><body><h1>404 Not Found</h1><p>The page is gone.</p></body></html>", "text/html"
    )
    assert not is_challenge(500, b"<html><body><h1>500 Internal Server Error</h1></body></html>", "text/html")
    assert not is_challenge(412, b"%PDF-1.4 binary", "application/pdf")
    spa = b"<html><body><div id=app></div><script src=/app.js></script></body></html>"
    assert not is_challenge(200, spa, "text/html"), (
        "a script page that does not reload itself is not a challenge"
    )
