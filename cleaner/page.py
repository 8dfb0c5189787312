"""A page, HTML or plain text, reduced to what the later steps read.

``Page`` holds the metadata the page states outright (meta tags, the
disclosure table, the <title>) and the body as text lines.  Everything after
this step works on lines, so plain-text captures and HTML share one path.

Speed matters here (a 10 MB page must clean in well under a second): the
text weight of every element is computed once, bottom-up, and every later
choice (body selector, densest container, short label cells) reads that map
instead of calling ``text_content()`` per node.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree
from lxml.cssselect import CSSSelector

from .fields import is_label, label_field, read_label_lines  # noqa: F401 - is_label, label_field: still imported from here
from .labels import (
    ATTACHMENT_EXTENSIONS,
    BODY_SELECTORS,
    CHROME_CLASS_HINTS,
    CHROME_TAGS,
    META_NAMES,
    TITLE_CLASS_HINTS,
)
from .markdown import looks_like_markdown, markdown_lines
from .metadata import find_doc_number, looks_like_title, strip_site_suffix

BLOCK_TAGS = frozenset(
    (
        "p div br li tr table h1 h2 h3 h4 h5 h6 section article ul ol dd dt dl blockquote pre center hr "
        "tbody thead main aside figure figcaption caption address"
    ).split()
)
_CONTAINERS = frozenset({"div", "td", "article", "section", "table", "tbody", "tr", "main", "center", "font"})
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_CHROME_MARK = re.compile(
    r"(?:^|[\s_-])(?:" + "|".join(map(re.escape, CHROME_CLASS_HINTS)) + r")(?:$|[\s_-])"
)
_TITLE_MARK = re.compile("|".join(map(re.escape, TITLE_CLASS_HINTS)))
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)
_SELECTORS = tuple(sel if sel[0] in ".#" else f"<{sel}" for sel in BODY_SELECTORS)
_SELECTOR_INDEX = {sel: k for k, sel in enumerate(_SELECTORS)}
_LINK_TEXT = etree.XPath(".//a//text()")  # compiled once: el.xpath() compiles its expression on every call
_ATTACHMENT = re.compile(r"\.(?:" + "|".join(ATTACHMENT_EXTENSIONS) + r")(?:$|[?#&\s])", re.I)


@dataclass
class Page:
    lines: list[str]
    meta: dict[str, str] = field(default_factory=dict)  # field name -> value from <meta>
    table: dict[str, str | None] = field(default_factory=dict)  # field name -> value from a label table
    title_tag: str | None = None
    headings: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    is_html: bool = False
    link_share: float = 0.0  # share of the body's text inside links: a list page is mostly links
    owner: str | None = None  # the site's owner, from its footer (主办单位：国家能源局浙江监管办公室)
    date_above: str | None = None  # a bare date line printed between the title and the body
    number_above: str | None = None  # a 文号 printed between the title and the body


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return any(
        tag in head
        for tag in ("<html", "<!doctype", "<body", "<head", "<div", "<p>", "<p ", "<meta", "<table", "<title")
    )


def parse_text(text: str) -> Page:
    headings: list[str] = []
    title_tag = None
    if looks_like_markdown(text):
        lines, headings = markdown_lines(text)
    else:
        lines = text.splitlines()
        title_tag, lines = _page_header(lines)
    owner = _site_owner(lines[-40:]) if title_tag else None
    return Page(
        lines=lines,
        table=read_label_lines(lines[:60]),
        headings=headings[:1],
        title_tag=title_tag,
        owner=owner,
    )


_OWNER = re.compile(r"^\s*主办(?:单位)?\s*[:：]\s*([\u4e00-\u9fff（）()]{4,40})\s*$")


def _site_owner(footer: list[str]) -> str | None:
    """The body that runs the site, as its footer names it on a line of its own."""
    for line in reversed(footer):
        m = _OWNER.match(line)
        if m:
            return m.group(1)
    return None


def _page_header(lines: list[str]) -> tuple[str | None, list[str]]:
    """A web page saved as text: its <title> ("…的通知_国家能源局江苏监管办公室") first, then the menu.

    When the title without the site's name is printed again below, as the
    page's heading, every short line in between is the site's menu (设为首页,
    首页, 信息公开 …): the title line is the page's <title> and the menu goes.
    """
    first = next((i for i, ln in enumerate(lines[:5]) if ln.strip()), None)
    if first is None:
        return None, lines
    tag = lines[first].strip()
    title = strip_site_suffix(tag)
    if not (6 <= len(title) <= 130) or re.search(r"[。；，：:]", title):
        return None, lines  # (a 通报 names no type of ours: printed twice, it is still the title)
    key = re.sub(r"\s+", "", title)
    menu = 0
    for j in range(first + 1, min(len(lines), first + 60)):
        line = re.sub(r"\s+", "", lines[j])
        if not line:
            continue
        # the heading may be broken over a few lines ("关于转发《…关于印发" / "<" / "电力中长期…》的通知")
        joined = line
        for k in range(j + 1, min(len(lines), j + 4)):
            if not key.startswith(joined) or joined == key:
                break
            joined += re.sub(r"\s+", "", lines[k])
        if joined == key and menu >= 3:
            return tag, lines[j:]
        if len(line) > 20 or re.search(r"[。；，]", line) or label_field(line):
            return None, lines  # a sentence or the page's metadata (名称：…) is no menu
        menu += 1
    return None, lines


def parse_html(text: str, body_selector: str | None = None, url: str | None = None) -> Page:
    try:
        # plain etree elements: lxml.html's element-class lookup costs a third of a 10 MB page's time
        # XHTML pages open with <?xml … encoding=…?>, which lxml refuses in an already decoded string
        root = etree.fromstring(_XML_DECLARATION.sub("", text, count=1), _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return parse_text(re.sub(r"<[^>]+>", "\n", text))
    meta = _meta_fields(root)
    title_tag = _clean_space(root.findtext(".//title") or "") or None
    for bad in root.xpath(
        "//script|//style|//noscript|//template|//svg|//comment()|//processing-instruction()"
    ):
        _drop(bad)
    _drop_hidden(root)
    weights = Weights()
    containers, heading_elements = _scan(root)
    headings = _headings(heading_elements)
    attachments = _attachments(root, url)
    _mark_blocks(root)
    page_lines = _text(root).splitlines()
    table = read_label_lines(page_lines)
    body = _select_body(root, body_selector, weights, containers)
    lines = _text(body).splitlines()
    above, found = _above(page_lines, lines)
    total, links = weights(body)
    return Page(
        lines=lines,
        meta=meta,
        table=table,
        title_tag=title_tag,
        headings=headings + (_titles_above(above) if lines and any(x.strip() for x in lines) else []),
        date_above=_date_above(above, found),
        number_above=_number_above(above, found),
        attachments=attachments,
        is_html=True,
        link_share=links / total if total else 0.0,
    )


_BARE_DATE = re.compile(r"^((?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def _above(page_lines: list[str], body_lines: list[str]) -> tuple[list[str], bool]:
    """The page's lines above the body's first line, white space folded (computed once for the three readers
    below), and whether the body's first line was found at all."""
    first = next((" ".join(x.split()).strip("| ") for x in body_lines if x.strip()), None)
    out = []
    for line in page_lines[:3000]:
        line = " ".join(line.split()).strip("| ")
        if line == first:
            return out, True
        if line:
            out.append(line)
    return out, False


def _date_above(above: list[str], found: bool) -> str | None:
    """ "<span class=date>2021-09-29</span>" with no label: the nearest bare date above the body."""
    if not found:
        return None
    for line in reversed(above):
        m = _BARE_DATE.match(line)
        if m:
            return m.group(1)
    return None


def _number_above(above: list[str], found: bool) -> str | None:
    """A 文号 printed between the title and the body, outside the body's element.

    Pages print it on a centred line of its own, behind 【文号】, in brackets,
    or split over <span>s (joined here, as inline text is): the nearest one
    above the body's first line wins.
    """
    if not found:
        return None
    for line in reversed(above):
        if len(line) < 50 and "号" in line:
            number = find_doc_number([re.sub(r"^[【\[]?(?:文\s*号|发文字号)[】\]]?\s*[:：]?", "", line)])
            if number:
                return number
    return None


def _titles_above(above: list[str]) -> list[str]:
    """Title-like lines printed above the body, nearest first.

    Old table layouts print the title in a <font size=5> cell of its own,
    outside the body cell and with no heading tag: it is the line that reads
    like a title closest above where the body starts.
    """
    out = []
    for line in reversed(above):  # nearest first, and no further than the third (pages print long menus)
        if 6 <= len(line) <= 90 and looks_like_title(line):
            out.append(line)
            if len(out) == 3:
                break
    return out


def _meta_fields(root) -> dict[str, str]:
    found: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for m in root.xpath("//meta[@content]"):
        key = (m.get("name") or m.get("property") or m.get("itemprop") or "").strip()
        value = _clean_space(m.get("content") or "")
        if key and value:
            by_name.setdefault(key.lower(), value)
    for name, keys in META_NAMES.items():
        for key in keys:
            value = by_name.get(key.lower())
            if value:
                found[name] = value
                break
    return found


class Weights:
    """Text weight of elements, (non-ASCII characters inside, of which inside links), on demand.

    Only a few elements are ever weighed (body candidates, chrome blocks, the
    densest path), so each is measured with lxml's C-level string functions
    when asked, instead of walking every node of a 10 MB page in Python.
    """

    def __init__(self) -> None:
        self._memo: dict = {}

    def __call__(self, el) -> tuple[int, int]:
        found = self._memo.get(el)
        if found is None:
            total = _w(_text(el))
            links = _w("".join(_LINK_TEXT(el))) if total else 0
            if el.tag == "a":
                links = total
            found = self._memo[el] = (total, links)
        return found

    def forget(self) -> None:
        self._memo.clear()


def _w(s: str | None) -> int:
    if not s or s.isspace():
        return 0
    return len(s) - len(s.encode("ascii", "ignore")) - s.count("\xa0") - s.count("\u3000")


def _headings(candidates) -> list[str]:
    out = []
    for el in candidates:
        text = _clean_space(_text(el))
        if text and len(text) <= 150 and text not in out:
            out.append(text)
    return out


def _attachments(root, url: str | None) -> list[str]:
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        # download scripts hide the file name in the query or only in the link text
        if (
            href
            and not href.startswith(("javascript:", "#"))
            and (_ATTACHMENT.search(href) or _ATTACHMENT.search(_clean_space(_text(a))))
        ):
            full = urljoin(url, href) if url else href
            if full not in out:
                out.append(full)
    return out


def _is_chrome(el) -> bool:
    if not isinstance(el.tag, str):
        return False
    if el.tag in CHROME_TAGS:
        return True
    classes, ident = el.get("class"), el.get("id")
    if not classes and not ident:
        return False  # most elements name neither
    marks = f"{classes or ''} {ident or ''}".lower()
    return bool(marks.strip()) and bool(_CHROME_MARK.search(marks))


def _select_body(root, selector: str | None, weights, containers: list[list]):
    if selector:
        try:
            found = CSSSelector(selector)(root)
        except Exception:  # noqa: BLE001 - a bad selector in a site config falls back to the guess
            found = []
        if found:
            return _strip_chrome(max(found, key=lambda el: weights(el)[0]), weights)
    body = root.find("body")
    if body is None:
        body = root
    page_text = weights(body)[0] - weights(body)[1]
    for found in containers:
        best = max(found, key=lambda el: weights(el)[0] - 3 * weights(el)[1])
        text = weights(best)[0]
        if text > 200 or (text > 40 and text >= 0.5 * page_text):
            return _strip_chrome(best, weights)
    return _densest(_strip_chrome(body, weights), weights)


def _scan(root) -> tuple[list[list], list]:
    """One pass over the tree: elements matching BODY_SELECTORS (".class", "#id" or a tag), grouped in
    the selectors' order, and the elements that may hold the document's heading."""
    hits: list[list] = [[] for _ in _SELECTORS]
    heads = []
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue
        classes = el.get("class")
        ident = el.get("id")
        if tag in ("h1", "h2", "h3"):
            heads.append(el)
        elif (classes or ident) and _TITLE_MARK.search(f"{classes or ''} {ident or ''}".lower()):
            heads.append(el)
        k = _SELECTOR_INDEX.get(f"<{tag}")
        if k is not None:
            hits[k].append(el)
        if ident:
            k = _SELECTOR_INDEX.get(f"#{ident}")
            if k is not None:
                hits[k].append(el)
        if classes:
            for cls in classes.split():
                k = _SELECTOR_INDEX.get(f".{cls}")
                if k is not None and el not in hits[k]:
                    hits[k].append(el)
    return [h for h in hits if h], heads


def _strip_chrome(el, weights):
    """Drop navigation, share bars, footers...; never a big block of prose that is merely misnamed.

    ASP.NET sites wrap the whole page in <form>, some CMSs put the article in
    "content-top": a chrome-looking element with much unlinked text is kept.
    """
    whole = weights(el)[0]
    for bad in list(el.iter()):
        if bad is el or bad.getparent() is None or not _is_chrome(bad):
            continue
        total, links = weights(bad)
        holds_the_text = total > 0.5 * whole and links < 0.5 * total
        if (total < 300 or links > 0.5 * total) and not holds_the_text:
            _drop(bad)
    weights.forget()  # what contained a dropped block weighs less now
    return el


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _drop_hidden(root) -> None:
    """Hidden elements are never read: some platforms repeat the whole text in a display:none copy.

    A page whose only text is hidden (shown by a script) keeps it: hiding
    everything is a way to render, not a second copy.
    """
    hidden = [
        el
        for el in root.iter(etree.Element)  # one walk: the XPath //*[@style or @hidden] cost ten times more
        if el.get("hidden") is not None or _hidden_style(el.get("style"))
    ]
    if not hidden:
        return
    total = _cjk_count(_text(root))
    inside = sum(_cjk_count(_text(el)) for el in hidden if not any(a in hidden for a in el.iterancestors()))
    if total - inside < 50 and inside:
        return
    for el in hidden:
        if el.getparent() is not None:
            _drop(el)


def _cjk_count(text: str) -> int:
    return len(_NOT_CJK.sub("", text))  # the CJK characters left: a third of _CJK.findall's time


def _hidden_style(style: str | None) -> bool:
    # _HIDDEN_STYLE needs "none" or "hidden" (…dden) in any case: no other character folds to n, o, e or d
    # under re.I, so a style without either in its lower case cannot match (most styles: fonts, margins)
    if not style or ("none" not in (low := style.lower()) and "dden" not in low):
        return False
    return bool(_HIDDEN_STYLE.search(style))


def _drop(el) -> None:
    """Remove an element but keep its tail text (what lxml.html's drop_tree does)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _text(el) -> str:
    """All text inside an element, without its tail (lxml.html's text_content())."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _densest(body, weights):
    """The smallest container that still holds most of the page's prose."""

    def score(el) -> int:
        total, links = weights(el)
        return total - 3 * links

    best = body
    best_score = score(body)
    while True:
        children = [c for c in best if isinstance(c.tag, str) and c.tag in _CONTAINERS]
        top = max(children, key=score, default=None)
        if top is not None and score(top) >= 0.8 * best_score and score(top) > 0:
            best, best_score = top, score(top)
            continue
        return best


def _clean_space(text: str) -> str:
    return " ".join(text.split())  # str.split() knows \xa0 and \u3000 as white space


def _mark_blocks(el) -> None:
    """Put line breaks around block elements and " | " after cells, so text_content() keeps the layout."""
    # (each node is changed on its own: two walks that lxml filters by tag do what one walk in Python did)
    for node in el.iter(*BLOCK_TAGS):
        node.tail = "\n" + (node.tail or "")
        if node.tag not in ("br", "hr"):
            node.text = "\n" + (node.text or "")
    for node in el.iter("td", "th"):
        # the source's indentation between cells would break a row over lines
        node.tail = " | " + (node.tail if node.tail and node.tail.strip() else "")
