"""When a listed page is fetched again: new, list entry changed, failed, or due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from corpus.store import UrlState
from crawler.freshness import NEW, RECHECK, SKIP, conditional_headers, plan

NOW = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)


def stamp(days_ago: float) -> str:
    return (NOW - timedelta(days=days_ago)).strftime("%Y-%m-%dT%H:%M:%SZ")


def stored(**kw) -> UrlState:
    base = dict(
        url="http://x/a.html", content_hash="h", last_checked=stamp(1), first_seen=stamp(100), list_sig="s1"
    )
    return UrlState(**{**base, **kw})


def test_decisions():
    assert plan(None, "s1", NOW, 30) == NEW
    assert plan(stored(), "s1", NOW, 30) == SKIP
    assert plan(stored(), "s2", NOW, 30) == RECHECK, "a changed list entry (date or title) means a recheck"
    assert plan(stored(), None, NOW, 30) == SKIP
    assert plan(stored(last_checked=stamp(31)), "s1", NOW, 30) == RECHECK
    assert plan(stored(), "s1", NOW, 0) == RECHECK, "recheck_days = 0 rechecks every run"
    assert plan(stored(last_status="failed", failures=1), "s1", NOW, 30) == RECHECK
    never = UrlState(url="u", content_hash=None, last_status="failed", failures=1, first_seen=stamp(1))
    assert plan(never, None, NOW, 30) == NEW
    given_up = UrlState(url="u", content_hash=None, last_status="failed", failures=5, first_seen=stamp(1))
    assert plan(given_up, None, NOW, 30) == SKIP
    robots = UrlState(url="u", last_status="disallowed", failures=3, first_seen=stamp(2))
    assert plan(robots, None, NOW, 30) == SKIP and plan(robots, None, NOW, 1) == NEW


def test_conditional_headers_only_for_stored_pages():
    assert conditional_headers(stored(etag='"abc"', last_modified="Wed, 01 Jan 2025 00:00:00 GMT")) == {
        "If-None-Match": '"abc"',
        "If-Modified-Since": "Wed, 01 Jan 2025 00:00:00 GMT",
    }
    assert conditional_headers(UrlState(url="u", etag='"abc"')) == {}
    assert conditional_headers(None) == {}
