"""What the spider yields: one outcome per URL, applied to the store by one consumer (the sink).

Plain dataclasses with a dict form, so that in distributed mode they travel
through Redis to the single consumer unchanged.
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass, field


@dataclass
class ListPage:
    """A list page was fetched (or was missing past the last page: ``end``)."""

    url: str
    site: str
    entries: int = 0
    due: int = 0  # entries that were new or due for a recheck
    end: bool = False
    limits: list[str] = field(
        default_factory=list
    )  # what a cap left unread here (list.max_entries, max_pages)


@dataclass
class Fetched:
    """A detail page or attachment arrived with a body (HTTP 2xx)."""

    url: str  # the canonical URL the list linked to
    site: str
    kind: str  # detail | attachment
    status: int
    final_url: str  # the canonical URL after redirects: what the page and document are stored under
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = None
    list_sig: str | None = None


@dataclass
class NotModified:
    """A conditional request was answered 304: the stored version is current."""

    url: str
    site: str
    kind: str
    list_sig: str | None = None


@dataclass
class Seen:
    """Known URLs listed again and not due for a recheck: url -> list signature."""

    site: str
    urls: dict[str, str | None] = field(default_factory=dict)


@dataclass
class Pending:
    """New URLs listed (or linked as attachments) and about to be fetched: url -> list signature.

    Written before their pages, so that a page whose own write never lands (a full disk, a
    killed run) stays known as pending and every later run fetches it, wherever it is listed.
    """

    site: str
    kind: str  # detail | attachment
    urls: dict[str, str | None] = field(default_factory=dict)


@dataclass
class Failed:
    """A fetch that brought no usable page: an error, a bad status, or an anti-bot challenge."""

    url: str
    site: str
    kind: str
    error: str
    status: int | None = None
    blocked: bool = False


@dataclass
class Disallowed:
    """robots.txt forbids the URL: it was never requested."""

    url: str
    site: str
    kind: str


OUTCOMES = {cls.__name__: cls for cls in (ListPage, Fetched, NotModified, Seen, Pending, Failed, Disallowed)}


def to_wire(item) -> dict:
    """A JSON-ready dict (bodies base64) naming the outcome type."""
    data = asdict(item)
    if isinstance(item, Fetched):
        data["body"] = base64.b64encode(item.body).decode("ascii")
    return {"type": type(item).__name__, "data": data}


def from_wire(wire: dict):
    cls = OUTCOMES[wire["type"]]
    data = dict(wire["data"])
    if cls is Fetched:
        data["body"] = base64.b64decode(data["body"])
    return cls(**data)
