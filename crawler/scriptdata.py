"""Lists carried as data in a script: ``var listData = {articleList: [{title: …, url: …}, …]}``.

Some portals print no list markup at all: a script holds the entries (often
more than the page shows) and builds the list in the browser.  The entries
are read from the script's text without running it: object literals with a
link and a title key, or strings of list markup (``'<li><a href=…>…</a></li>'``).
"""

from __future__ import annotations

import json
import re

from parsel import Selector

from cleaner.dates import parse_date

from .config import ListRules
from .listing import ListEntry, best_title, read_item
from .urls import resolve_link

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_OBJECT = re.compile(r"\{[^{}]*\}")
_STRING = r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'"
_PAIR = re.compile(r"([\"']?)([A-Za-z_$][\w$]*)\1\s*:\s*(" + _STRING + r"|-?\d+(?:\.\d+)?)")
_MARKUP_STRING = re.compile(_STRING)

URL_KEYS = (
    "url",
    "link",
    "href",
    "linkurl",
    "docurl",
    "detailurl",
    "pageurl",
    "puburl",
    "arturl",
    "post_url",
)
TITLE_KEYS = ("title", "doctitle", "name", "subject", "articletitle", "showtitle", "maintitle")
DATE_KEYS = (
    "date",
    "pubdate",
    "publishdate",
    "publishtime",
    "pubtime",
    "releasedate",
    "docreltime",
    "showtime",
    "time",
    "createtime",
    "fbrq",
    "fwrq",
)


def _unquote(raw: str) -> str:
    if raw[:1] == '"':
        try:
            return json.loads(raw)
        except ValueError:
            return raw[1:-1]
    if raw[:1] == "'":
        inner = raw[1:-1].replace('\\"', '"').replace('"', '\\"').replace("\\'", "'")
        try:
            return json.loads(f'"{inner}"')
        except ValueError:
            return raw[1:-1]
    return raw


def _pick(pairs: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if pairs.get(key):
            return pairs[key]
    return None


def script_texts(html: str) -> list[str]:
    return [m.group(1) for m in _SCRIPT.finditer(html)]


_LINK_VALUE = re.compile(
    r"^(?:https?:)?(?:/|\./|\.\./)[^\s<>\"']*$|^[\w./-]+\.(?:s?html?|jsp|aspx?|php)(?:\?\S*)?$"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _by_shape(pairs: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    """(link, title, date) read off the values when the keys are not names we know (``aU``, ``aT``, ``aPd``)."""
    href = title = day = None
    for value in pairs.values():
        value = value.strip()
        if href is None and _LINK_VALUE.match(value) and "/" in value:
            href = value
        elif title is None and len(_CJK.findall(value)) >= 6 and "<" not in value:
            title = value
        elif day is None and parse_date(value):
            day = value
    return href, title, day


def object_entries(script: str, page_url: str) -> list[ListEntry]:
    """Entries from object literals holding a link and a title (by key name, else by the values' shape)."""
    out = []
    for m in _OBJECT.finditer(script):
        pairs = {k.lower(): _unquote(v) for _, k, v in _PAIR.findall(m.group(0))}
        href, title = _pick(pairs, URL_KEYS), _pick(pairs, TITLE_KEYS)
        if not href or not title:
            shaped = _by_shape(pairs)
            href, title = href or shaped[0], title or shaped[1]
            if shaped[2] and not _pick(pairs, DATE_KEYS):
                pairs["date"] = shaped[2]
        if not href or not title:
            continue
        url = resolve_link(page_url, href)
        if url:
            title = best_title(Selector(text=f"<p>{title}</p>").xpath("string(//p)").get(), None)
            out.append(ListEntry(url=url, title=title, date=parse_date(_pick(pairs, DATE_KEYS))))
    return out


def markup_entries(script: str, page_url: str) -> list[ListEntry]:
    """Entries from strings of list markup inside a script."""
    out = []
    rules = ListRules(links="a::attr(href)")
    for m in _MARKUP_STRING.finditer(script):
        raw = m.group(0)
        if "href" not in raw or "<a" not in raw:
            continue
        sel = Selector(text=_unquote(raw))
        entry = read_item(sel, page_url, rules)
        if entry is not None:
            out.append(entry)
    return out


def read_script_list(html: str, page_url: str) -> list[ListEntry]:
    """The entries a page's scripts carry, in order, each URL once; [] when no script holds a list."""
    best: list[ListEntry] = []
    for script in script_texts(html):
        for entries in (object_entries(script, page_url), markup_entries(script, page_url)):
            if len(entries) > len(best):
                best = entries
    seen: dict[str, ListEntry] = {}
    for e in best:
        seen.setdefault(e.url, e)
    return list(seen.values()) if len(seen) >= 2 else []


# -- values a script sets: var pageChnlInfo = {recordCount: '107', classsql: "" || "chnlid=1780"} ----

_TOKEN = re.compile(
    r"\s*(?:(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<str>" + _STRING + r")|(?P<num>-?\d+(?:\.\d+)?)"
    r"|(?P<or>\|\|)|(?P<name>[A-Za-z_$][\w$.]*)|(?P<colon>:)|(?P<comma>,)|(?P<other>.))",
    re.S,
)


def object_body(text: str, start: int) -> str | None:
    """The text between the ``{`` at ``start`` and its matching ``}`` (strings skipped)."""
    depth = 0
    i = start
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            end = re.compile(_STRING).match(text, i)
            i = end.end() if end else i + 1
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i]
        i += 1
    return None


def object_pairs(body: str) -> dict[str, list[tuple[str, str]]]:
    """The top-level ``key: value`` pairs of an object literal's body, each value as its tokens.

    Nested objects and arrays are skipped; a value is a list of (kind, text)
    tokens: strings (unquoted), numbers, names (``SiteInfo.searchId``) and ``||``.
    """
    out: dict[str, list[tuple[str, str]]] = {}
    key, value, depth, expect_key = None, [], 0, True
    for m in _TOKEN.finditer(body):
        kind = m.lastgroup
        text = m.group(kind) if kind else ""
        if kind == "comment":
            continue
        if kind == "other" and text in "{[(":
            depth += 1
            continue
        if kind == "other" and text in "}])":
            depth -= 1
            continue
        if depth:
            continue
        if kind == "comma":
            if key is not None:
                out[key] = value
            key, value, expect_key = None, [], True
        elif expect_key and kind in ("name", "str") and key is None:
            key = _unquote(text) if kind == "str" else text
        elif kind == "colon" and key is not None and expect_key:
            expect_key = False
        elif not expect_key and kind in ("str", "num", "name", "or"):
            value.append((kind, _unquote(text) if kind == "str" else text))
    if key is not None and not expect_key:
        out[key] = value
    return out


def named_object(text: str, name: str) -> dict[str, list[tuple[str, str]]]:
    """The pairs of ``var NAME = {…}`` or ``NAME: {…}`` in a script (the last one printed), else {}."""
    found = {}
    for m in re.finditer(r"(?:\b" + re.escape(name) + r")\s*[:=]\s*\{", text):
        body = object_body(text, m.end() - 1)
        if body is not None:
            found = object_pairs(body)
    return found


def resolve(tokens: list[tuple[str, str]], objects: dict[str, dict], variable=None) -> str | None:
    """A value's first truthy alternative (``a || 'b'``).

    ``obj.field`` names are looked up in ``objects``; a bare name through
    ``variable(name)`` (the tokens last assigned to it), when given.
    """
    for kind, text in tokens:
        if kind == "or":
            continue
        if kind in ("str", "num"):
            value = text
        elif kind == "name" and "." in text:
            obj, _, attr = text.partition(".")
            inner = objects.get(obj, {}).get(attr)
            value = resolve(inner, {}) if inner else None
        elif kind == "name" and variable is not None and text not in ("true", "false", "null", "undefined"):
            inner = variable(text)
            value = resolve(inner, objects) if inner else None
        else:
            value = None
        if value not in (None, ""):
            return value
    return None


# -- which branch of a template's if/else a script takes ------------------------------------------------

_IF = re.compile(r"\bif\s*\(")
_LIT_CMP = re.compile(r"^\s*(" + _STRING + r")\s*(===?|!==?)\s*(" + _STRING + r")\s*$")


def _paren_body(text: str, start: int) -> tuple[str, int] | None:
    """The text inside the ``(`` at ``start`` and the index after its ``)``."""
    depth, i = 0, start
    string = re.compile(_STRING)
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            m = string.match(text, i)
            i = m.end() if m else i + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
        i += 1
    return None


def _condition(text: str) -> bool | None:
    """A comparison of two literals (what a template prints: ``'行政规范性文件' == '管委会文件'``), else None."""
    m = _LIT_CMP.match(text)
    if not m:
        return None
    same = _unquote(m.group(1)) == _unquote(m.group(3))
    return same if m.group(2).startswith("=") else not same


def dead_ranges(text: str) -> list[tuple[int, int]]:
    """Spans of a script inside if/else branches that cannot run, when every condition is decidable.

    Templates fill a column's name into literal comparisons and set a
    variable in each branch; the branch taken is the one whose comparison
    holds (or the ``else`` when none does).
    """
    dead: list[tuple[int, int]] = []
    pos = 0
    while True:
        m = _IF.search(text, pos)
        if not m:
            return dead
        pos = m.end()
        if re.search(r"\belse\s*$", text[max(0, m.start() - 20) : m.start()]):
            continue  # an else-if: handled with its chain
        branches: list[tuple[bool | None, int, int]] = []
        i = m.end() - 1
        taken = False
        while True:
            cond = _paren_body(text, i)
            if cond is None:
                break
            value = _condition(cond[0])
            j = cond[1]
            brace = re.compile(r"\s*\{").match(text, j)
            if not brace:
                break
            body = object_body(text, brace.end() - 1)
            if body is None:
                break
            end = brace.end() + len(body) + 1
            branches.append((value, brace.end(), end))
            nxt = re.compile(r"\s*else\s+if\s*\(").match(text, end)
            if nxt:
                i = nxt.end() - 1
                continue
            other = re.compile(r"\s*else\s*\{").match(text, end)
            if other:
                body = object_body(text, other.end() - 1)
                if body is not None:
                    branches.append((True, other.end(), other.end() + len(body) + 1))
            break
        if not branches or any(v is None for v, _, _ in branches):
            continue
        for value, start, end in branches:
            if value and not taken:
                taken = True
            else:
                dead.append((start, end))


def script_value(text: str, name: str, before: int) -> list[tuple[str, str]] | None:
    """The tokens last assigned to a script variable before a position, outside branches that cannot run."""
    dead = dead_ranges(text[:before])
    found = None
    for m in re.finditer(
        r"(?:\bvar\s+|\blet\s+|\bconst\s+|[;{}\s])" + re.escape(name) + r"\s*=(?!=)", text[:before]
    ):
        if any(s <= m.start() < e for s, e in dead):
            continue
        tail = text[m.end() : m.end() + 300]
        line = re.split(r";|\n", tail, maxsplit=1)[0]
        tokens = [(k, v) for k, v in object_pairs(f"x: {line}").get("x", [])]
        if tokens:
            found = tokens
    return found
