"""Canonical URLs: one page, one key, whatever way a site links to it.

Government sites link the same page as ``./a.html``, ``/kjj/a.html``,
``http://host/kjj/a.html``, ``//host/kjj/a.html`` and, from share buttons and
WeChat reposts, ``a.html?utm_source=…&spm=…``.  The store, the url state and
the document id all use the canonical form, so each is fetched and stored
once.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that only say how a visitor arrived; the page is the same without them.
TRACKING_PARAMS = frozenset(
    {
        "spm",
        "scm",
        "from",
        "isappinstalled",
        "share_token",
        "sharer_shareid",
        "sharer_sharetime",
        "wxshare",
        "wxfrom",
        "nsukey",
        "fbclid",
        "gclid",
        "msclkid",
        "yclid",
        "_hsenc",
        "_hsmi",
        "mc_cid",
        "mc_eid",
        "ref",
        "_t",
        "clicktime",
        "enterid",
        "scene",
        "subscene",
        "sessionid",
        "jsessionid",
    }
)
TRACKING_PREFIXES = ("utm_", "hmsr", "hmpl", "hmcu", "hmkw", "hmci", "share_", "wx_")
_SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_JSESSION = re.compile(r";jsessionid=[^/?#]*", re.I)


def is_tracking_param(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters.

    The path keeps its case (servers are case-sensitive) and the remaining
    query parameters keep their order (some CMS scripts read them by position).
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    path = _JSESSION.sub("", parts.path) or "/"
    if "/./" in path or "/../" in path or path.endswith(("/.", "/..")):
        trailing = path.endswith("/")
        path = posixpath.normpath(path) + ("/" if trailing else "")
        path = path.replace("//", "/")
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def resolve_link(base: str, href: str) -> str | None:
    """The canonical absolute URL of a link on a page, or None for javascript:, mailto: and the like.

    Handles relative (``./a.html``, ``../b/a.html``), root-relative, absolute
    and protocol-relative (``//host/a.html``) links.
    """
    href = (href or "").strip().replace("\\", "/")
    if not href or href.startswith("#"):
        return None
    absolute = urljoin(base, href)
    if urlsplit(absolute).scheme.lower() not in _SCHEMES:
        return None
    return canonical_url(absolute)


def extension_of(url: str) -> str:
    """The lower-case file extension of a URL's path ('' when none)."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def host_allowed(url: str, domains: tuple[str, ...]) -> bool:
    """True when the URL's host is one of the domains or a subdomain of one."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == d or host.endswith("." + d) for d in (d.lower() for d in domains))


def matches_filters(url: str, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    """Include patterns (if any) must match; no exclude pattern may match."""
    if include and not any(re.search(p, url) for p in include):
        return False
    return not any(re.search(p, url) for p in exclude)
