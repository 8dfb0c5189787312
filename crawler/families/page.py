"""What a family reads (one fetched list page or API answer) and what it reads off it.

A family is a pure function from a ``ListResponse`` to a ``ListRead``: the
entries the page lists and the requests for the pages after it.  The spider,
``policy check-site --list-file`` and ``policy add-site`` all go through it,
so a saved page is read offline exactly as the crawl reads it live.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from parsel import Selector

from ..listing import ListEntry

# An HTML comment that holds list markup: some TRS templates print the whole list (and its
# createPageHTML call) inside <!-- … --> and let a script copy it into the page.
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_MARKUP_INSIDE = re.compile(r"<(?:a\s[^>]*href|li\b|tr\b|script\b)", re.I)


def reveal_comments(html: str) -> str:
    """The page with commented-out list markup turned back into markup (other comments kept)."""
    if "<!--" not in html:
        return html
    return _COMMENT.sub(lambda m: m.group(1) if _MARKUP_INSIDE.search(m.group(1)) else m.group(0), html)


@dataclass(frozen=True)
class ListResponse:
    """One list page or list API answer, as text, with the request that fetched it."""

    url: str
    text: str
    form: tuple[tuple[str, str], ...] = ()  # the POST form that fetched it (hanweb's dataproxy)
    content_type: str | None = None

    @cached_property
    def html(self) -> str:
        """The text with commented list markup revealed (what HTML readers parse)."""
        return reveal_comments(self.text)

    @cached_property
    def selector(self) -> Selector:
        return Selector(text=self.html or "<html></html>")

    @property
    def looks_like_json(self) -> bool:
        head = self.text.lstrip("\ufeff \r\n\t")[:1]
        return head in ("{", "[")

    def form_value(self, key: str) -> str | None:
        for k, v in self.form:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class NextPage:
    """A request for the next list page: GET, or POST when ``form`` is set."""

    url: str
    form: tuple[tuple[str, str], ...] | None = None

    @property
    def method(self) -> str:
        return "POST" if self.form is not None else "GET"

    def as_json(self) -> dict:
        out: dict = {"url": self.url, "method": self.method}
        if self.form is not None:
            out["form"] = dict(self.form)
            out["body"] = urlencode(self.form)
        return out


@dataclass(frozen=True)
class ListRead:
    """What one list page says: its entries in page order, and the next page(s) to ask for.

    ``shell`` marks a page that lists nothing itself but leads to the requests
    that do (gkmlpt's page, filled by JavaScript from its API): the spider
    follows its next pages although it had no entries.
    """

    entries: list[ListEntry] = field(default_factory=list)
    next: list[NextPage] = field(default_factory=list)
    shell: bool = False
    family: str = "generic"
    cut: bool = False  # the page held more entries than list.max_entries: the rest were not read

    @property
    def next_urls(self) -> list[str]:
        return [n.url for n in self.next]
