"""Anti-bot challenge pages: recognised, recorded as blocked, never cleaned into documents.

Many Chinese government sites sit behind a WAF that answers a crawler with a
page of obfuscated JavaScript that sets a cookie and reloads (瑞数 answers
HTTP 412 or 202, 加速乐 521, Aliyun 200 with ``acw_sc__v2``).  Such a page has
no readable text; storing it as a new version of a real page would bury the
document under junk, so it is never stored as a page either.
"""

from __future__ import annotations

import re

# Statuses WAF challenges are served with; on these, a script-only body is a challenge.
CHALLENGE_STATUSES = frozenset({202, 403, 412, 429, 503, 521})
# Markers of known challenge scripts; on any status they mark a challenge.
CHALLENGE_MARKERS = (
    "$_ts",
    "__jsl_clearance",
    "acw_sc__v2",
    "_waf_bd8ce2ce37",
    "window._$",
    "请开启JavaScript并刷新该页",
    "安全验证",
    "滑动验证",
    "人机验证",
    "访问验证",
)
_SCRIPT = re.compile(rb"<script\b.*?</script\s*>", re.I | re.S)
_TAG = re.compile(rb"<[^>]+>")
_RELOAD = re.compile(rb"document\.cookie|location\.reload|location\.href\s*=|location\.replace", re.I)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A real page, even an error page, has more than this many characters of readable text.
MAX_CHALLENGE_TEXT = 40


def visible_text(body: bytes) -> str:
    """Text outside scripts and tags (rough: enough to tell a page from a script)."""
    stripped = _TAG.sub(b" ", _SCRIPT.sub(b" ", body[:200_000]))
    return " ".join(stripped.decode("utf-8", "replace").split())


def is_challenge(status: int, body: bytes, content_type: str | None = None) -> bool:
    """True for an anti-bot challenge: a script-only page on a challenge status, or a known marker."""
    if content_type and not any(t in content_type.lower() for t in ("html", "text", "javascript")):
        return False
    head = body[:200_000]
    has_script = b"<script" in head.lower()
    text = visible_text(head)
    if has_script and any(m.encode("utf-8") in head for m in CHALLENGE_MARKERS[:5]):
        return True
    if status in CHALLENGE_STATUSES and (has_script or not text) and len(text) <= MAX_CHALLENGE_TEXT:
        return True
    if has_script and len(text) <= MAX_CHALLENGE_TEXT and any(m in text for m in CHALLENGE_MARKERS[5:]):
        return True
    # a 200 page that is nothing but a script setting a cookie and reloading itself
    return (
        has_script
        and len(text) < 10
        and not _CJK.search(text)
        and bool(_RELOAD.search(head))
        and len(head) < 50_000
    )
