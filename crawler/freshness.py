"""When to fetch a detail page again: the nightly run's one decision, as a pure function.

List pages are always fetched.  A detail page (or attachment) is fetched when
it is new, when its list entry changed (a CMS that republishes a page shows a
new date or title), when its last fetch failed, or when it has not been
checked for ``recheck_days``; otherwise it is skipped, and a recheck sends
the ETag and Last-Modified it was stored with, so an unchanged page costs a
304 and no body.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from corpus.store import UrlState

NEW = "new"
RECHECK = "recheck"
SKIP = "skip"
# After this many failures in a row a URL is retried only when its recheck is due.
MAX_EAGER_RETRIES = 5


def _parse(stamp: str | None) -> datetime | None:
    if not stamp:
        return None
    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def plan(state: UrlState | None, list_sig: str | None, now: datetime, recheck_days: float) -> str:
    """NEW, RECHECK or SKIP for one listed URL."""
    if state is not None and state.last_status == "disallowed":
        # robots.txt rarely changes: ask it again only when a recheck is due
        return (RECHECK if state.content_hash else NEW) if _due(state, now, recheck_days) else SKIP
    if state is None or not state.content_hash:
        if state is not None and state.failures >= MAX_EAGER_RETRIES and not _due(state, now, recheck_days):
            return SKIP
        return NEW
    if state.last_status in ("failed", "blocked") and state.failures < MAX_EAGER_RETRIES:
        return RECHECK
    if list_sig and state.list_sig and list_sig != state.list_sig:
        return RECHECK
    return RECHECK if _due(state, now, recheck_days) else SKIP


def _due(state: UrlState, now: datetime, recheck_days: float) -> bool:
    checked = _parse(state.last_checked) or _parse(state.first_seen)
    return checked is None or now - checked >= timedelta(days=recheck_days)


def conditional_headers(state: UrlState | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from what the URL was last stored with."""
    if state is None or not state.content_hash:
        return {}
    headers = {}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    return headers
