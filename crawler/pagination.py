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

_CALL = re.compile(r"\bcreatePage(?:HTML)?\s*\(([^()]*)\)")
_LITERAL = re.compile(r"^(?:(?P<int>-?\d+)|\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<name>[A-Za-z_$][\w$.]*))$")


@dataclass(frozen=True)
class ScriptPager:
    """What a ``createPageHTML(total, current, prefix, ext)`` call says."""

    total: int
    current: int
    prefix: str
    ext: str

    def page_name(self, n: int) -> str:
        return f"{self.prefix}.{self.ext}" if n == 0 else f"{self.prefix}_{n}.{self.ext}"


def _variable(html: str, name: str, before: int) -> int | str | None:
    """The value last given to a script variable before a position (``var countPage = 5``)."""
    found = None
    pattern = re.compile(
        r"(?:\b(?:var|let|const)\s+|[;{\s,])" + re.escape(name) + r"\s*=\s*(?:(\d+)|\"([^\"]*)\"|'([^']*)')"
    )
    for m in pattern.finditer(html, 0, before):
        found = (
            int(m.group(1))
            if m.group(1) is not None
            else (m.group(2) if m.group(2) is not None else m.group(3))
        )
    return found


def _arguments(html: str, m: re.Match) -> list[int | str | None]:
    values: list[int | str | None] = []
    for raw in m.group(1).split(","):
        lit = _LITERAL.match(raw.strip())
        if not lit:
            values.append(None)
        elif lit.group("int") is not None:
            values.append(int(lit.group("int")))
        elif lit.group("dq") is not None or lit.group("sq") is not None:
            values.append(lit.group("dq") if lit.group("dq") is not None else lit.group("sq"))
        else:
            value = _variable(html, lit.group("name"), m.start())
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value)
            values.append(value)
    return values


def find_script_pager(html: str) -> ScriptPager | None:
    """Read the pager script, wherever it stands (in a comment too), resolving variables.

    TRS templates call ``createPageHTML(total, current, "index", "html")``;
    some pass the numbers or names as variables (``var countPage = 7``), some
    put an element id first or a record count last: the first two numbers are
    the total and the current page, the two strings after them the file name.
    """
    for m in _CALL.finditer(html):
        args = _arguments(html, m)
        numbers = [i for i, v in enumerate(args) if isinstance(v, int)]
        if len(numbers) < 2 or numbers[1] != numbers[0] + 1:
            continue
        rest = [v for v in args[numbers[1] + 1 :] if isinstance(v, str)]
        if len(rest) < 2 or not rest[0] or not rest[1]:
            continue
        total, current = args[numbers[0]], args[numbers[1]]
        return ScriptPager(total=total, current=current, prefix=rest[0], ext=rest[1].lstrip("."))
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


def number_of(rules: Pagination, first_url: str, page_url: str) -> int | None:
    """The page number printed in a numbered page's URL (``index_3.html`` → 3), or None."""
    if rules.pattern:
        name = re.escape(rules.pattern).replace(re.escape("{n}"), r"(\d+)")
        m = re.search(r"(?:^|/)" + name + "$", urlsplit(page_url).path)
        if m and urljoin(first_url, ".") == urljoin(page_url, "."):
            return int(m.group(1))
    if rules.query:
        for k, v in parse_qsl(urlsplit(page_url).query):
            if k == rules.query and v.isdigit():
                return int(v)
    return None


def next_pages(
    rules: Pagination,
    first_url: str,
    page_no: int,
    html: str,
    next_href: str | None,
    page_url: str | None = None,
) -> list[str]:
    """Candidate URLs of the page after page ``page_no`` (0 is the first list page).

    ``next_href`` is what the next-link selector found, already resolved.
    Several kinds may agree on one URL; the caller drops duplicates.  When
    ``page_url`` prints its own number (``index_3.html``, ``?page=3``), the
    next number follows it, whatever ``page_no`` says (a saved page read alone).
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
    current = number_of(rules, first_url, page_url) if page_url else None
    if current is not None:
        number = current + 1
    if rules.pattern:
        found.append(pattern_page(first_url, rules.pattern, number))
    if rules.query:
        found.append(query_page(first_url, rules.query, number))
    return list(dict.fromkeys(found))
