"""Next list page: pure functions over a list page's URL and HTML.

Government CMSs (TRS WCM, Hanweb, …) rarely print a plain "next" link: many
write the pager with a script, ``createPageHTML(total, current, "index",
"html")``, where page 0 is ``index.html`` and page n is ``index_n.html``;
others number pages in the file name or in a query parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from .config import Pagination

_ARG = r"\s*(\w+|\"[^\"]*\"|'[^']*')\s*"
_CREATE_PAGE = re.compile(r"createPageHTML\s*\(" + ",".join([_ARG] * 4) + r"(?:,[^)]*)?\)")
_VAR = r"(?:var|let|const)?\s*{name}\s*=\s*[\"']?(\d+)[\"']?"


@dataclass(frozen=True)
class ScriptPager:
    """What a ``createPageHTML(total, current, prefix, ext)`` call says."""

    total: int
    current: int
    prefix: str
    ext: str

    def page_name(self, n: int) -> str:
        return f"{self.prefix}.{self.ext}" if n == 0 else f"{self.prefix}_{n}.{self.ext}"


def find_script_pager(html: str) -> ScriptPager | None:
    """Read the pager script, resolving arguments given as variables (``var countPage = 5``)."""
    for m in _CREATE_PAGE.finditer(html):
        args = [a.strip("\"'") if a[0] in "\"'" else a for a in m.groups()]
        values: list[int] = []
        for raw in args[:2]:
            if raw.isdigit():
                values.append(int(raw))
                continue
            v = re.search(_VAR.format(name=re.escape(raw)), html[: m.start()])
            if not v:
                break
            values.append(int(v.group(1)))
        if len(values) == 2 and args[2] and args[3]:
            return ScriptPager(total=values[0], current=values[1], prefix=args[2], ext=args[3].lstrip("."))
    return None


def script_next(html: str, page_url: str) -> str | None:
    """The next page the pager script would link to, or None on the last page."""
    pager = find_script_pager(html)
    if pager is None or pager.current + 1 >= pager.total:
        return None
    return urljoin(page_url, pager.page_name(pager.current + 1))


def pattern_page(first_url: str, pattern: str, n: int) -> str:
    """Page n of a numbered series (``index_{n}.html``), next to the first list page."""
    return urljoin(first_url, pattern.format(n=n))


def query_page(first_url: str, param: str, n: int) -> str:
    """Page n as a query parameter (``list.jsp?page=3``), keeping the other parameters."""
    parts = urlsplit(first_url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != param]
    query.append((param, str(n)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def next_pages(
    rules: Pagination, first_url: str, page_no: int, html: str, next_href: str | None
) -> list[str]:
    """Candidate URLs of the page after page ``page_no`` (0 is the first list page).

    ``next_href`` is what the next-link selector found, already resolved.
    Several kinds may agree on one URL; the caller drops duplicates.
    """
    if page_no + 1 >= rules.max_pages:
        return []
    found: list[str] = []
    if next_href:
        found.append(next_href)
    if rules.script:
        # the script's names are relative to the list directory, whichever page printed them
        url = script_next(html, first_url)
        if url:
            found.append(url)
    number = rules.first + page_no  # page_no 1 is number `first`
    if rules.pattern:
        found.append(pattern_page(first_url, rules.pattern, number))
    if rules.query:
        found.append(query_page(first_url, rules.query, number))
    return list(dict.fromkeys(found))
