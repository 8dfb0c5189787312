"""The shape of a list page nobody described: which repeated block is an entry, how the list pages.

``policy add-site`` writes what this finds into a site config, and a config
without a ``[list]`` table is read with it at crawl time.  The rules are the
ones an operator follows by eye: a list is a run of sibling blocks built
alike, each holding one link whose text reads as a document title (long
Chinese text, often naming a 通知/意见/办法), usually with a date beside it;
menus and footers are runs of short link texts without dates.  Whatever
cannot be decided is returned as a question, written into the config as a
comment for the operator.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from lxml import etree
from parsel import Selector

from .config import ListRules, Pagination
from .listing import best_title, clean_text, read_item
from .pagination import find_script_pager
from .urls import resolve_link

_CJK = re.compile(r"[\u4e00-\u9fff]")
# What ends a document's title (and a news item's, which lists mix in): menus say 政策解读, 信息公开指南,
# 政策文件库 — short texts that end otherwise.
_TITLE_END = re.compile(
    r"(?:通知|意见|办法|方案|规定|决定|公告|通告|细则|规划|条例|批复|报告|措施|纲要|要点|规则|标准|名单|"
    r"公示|通报|函|令|决议|请示|总结|情况|计划|答记者问|的说明)[)）\]】]?$"
)
_DATE_TEXT = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_IDENT = re.compile(r"^[A-Za-z_][\w-]*$")
_NEXT_TEXTS = ("下一页", "下页", "后一页", "下一頁", "next", "next page", ">", "›", "»", ">>")
_PAGE_FILE = re.compile(r"^(?P<stem>.*?)(?P<sep>[_-])(?P<n>\d{1,5})\.(?P<ext>s?html?|jsp|aspx?|php)$", re.I)
_PAGE_PARAMS = (
    "page",
    "pageno",
    "pagenum",
    "pageindex",
    "curpage",
    "currentpage",
    "p",
    "pn",
    "pagenumber",
    "page_no",
    "page_index",
    "start",
)


def looks_like_title(text: str | None) -> bool:
    """A link text a document list would carry: long Chinese text, or shorter with a title word."""
    if not text:
        return False
    n = len(_CJK.findall(text))
    return n >= 10 or (n >= 6 and (_TITLE_END.search(text.strip()) is not None or text.startswith("关于")))


@dataclass(frozen=True)
class Shape:
    """What the page says about itself: entry rules, pagination, and the questions left open."""

    rules: ListRules | None
    pagination: Pagination = field(default_factory=Pagination)
    items: int = 0  # entries the rules find on this page
    questions: tuple[str, ...] = ()


# -- the entries --------------------------------------------------------------------------------------


def _classes(el) -> list[str]:
    return [c for c in (el.get("class") or "").split() if _IDENT.match(c)]


def _sig(el, with_classes: bool = True) -> str:
    """A CSS selector for an element alone: tag, id (when usable) and classes."""
    tag = el.tag if isinstance(el.tag, str) else "*"
    out = tag
    ident = (el.get("id") or "").strip()
    if ident and not re.search(r"\s", ident):
        out += f"#{ident}" if _IDENT.match(ident) else f'[id="{ident}"]'
    if with_classes:
        out += "".join(f".{c}" for c in _classes(el))
    return out


def _item_sig(items: list) -> str:
    """The tag of a group's items, with the classes they all share (never odd/even striping alone)."""
    tag = items[0].tag
    shared = set(_classes(items[0]))
    for el in items[1:]:
        shared &= set(_classes(el))
    return tag + "".join(f".{c}" for c in sorted(shared))


@dataclass
class _Link:
    el: object
    title: str


def _title_links(root) -> list[_Link]:
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript", "mailto:")):
            continue
        title = best_title(a.text_content(), a.get("title"))
        if looks_like_title(title):
            out.append(_Link(a, title))
    return out


def _own_text_dates(el, skip) -> bool:
    """True when a date is printed in the element outside the ``skip`` link."""
    for node in el.iter():
        if node is skip or not isinstance(node.tag, str):
            continue
        if any(anc is skip for anc in node.iterancestors()):
            # inside the link: only its tail counts
            continue
        for text in (node.text, node.tail if node is not el else None):
            if text and _DATE_TEXT.search(text):
                return True
    return False


@dataclass
class _Group:
    parent_sig: str
    items: list = field(default_factory=list)  # lxml elements, page order
    links: dict = field(default_factory=dict)  # item path -> its title links
    level: int = 0


def _chain(el, depth: int = 4) -> str:
    """Tags and classes of an element's ancestors: blocks built alike share it, wherever they sit.

    A list split into several ``ul`` (five entries each, one shown at a time) is
    one list: its items are grouped by this chain, not by their parent element.
    """
    out = []
    node = el.getparent()
    while node is not None and len(out) < depth:
        out.append(node.tag + "".join(f".{c}" for c in _classes(node)) if isinstance(node.tag, str) else "*")
        node = node.getparent()
    return " < ".join(out)


def _groups(root, links: list[_Link]) -> list[_Group]:
    tree = root.getroottree()
    groups: dict[tuple, _Group] = {}
    for link in links:
        node = link.el
        for level in range(7):
            parent = node.getparent()
            if parent is None or parent.tag in ("html",):
                break
            key = (_chain(node), node.tag, level)
            g = groups.setdefault(key, _Group(parent_sig=_sig(parent), level=level))
            path = tree.getpath(node)
            if path not in g.links:
                g.items.append(node)
                g.links[path] = []
            g.links[path].append(link)
            node = parent
    return list(groups.values())


def _score(g: _Group) -> float:
    n = len(g.items)
    if n < 2:
        return 0.0
    single = sum(1 for el in g.items if len(g.links[el.getroottree().getpath(el)]) == 1)
    dated = sum(1 for el in g.items if _own_text_dates(el, g.links[el.getroottree().getpath(el)][0].el))
    if not dated and n < 4:
        return 0.0  # two or three long links without a date: a banner or a menu, not a list
    # one title link per item is what a list entry is; dates beside them make it a document list
    return single * (1.0 + dated / n) + 0.01 * g.level


def _matches(root: Selector, query: str) -> list:
    try:
        return [s.root for s in root.css(query)]
    except Exception:  # an odd class name cssselect refuses: not a usable selector
        return []


def _selector_for(sel: Selector, g: _Group, wanted: set) -> str | None:
    """The shortest selector that picks the group's items and no other title-link block."""
    item = _item_sig(g.items)
    base = f"{g.parent_sig} > {item}"
    tree = g.items[0].getroottree()
    items = {tree.getpath(el) for el in g.items}
    candidates = [base]
    # qualify with ancestors that carry an id or a class, nearest first
    anc = g.items[0].getparent().getparent()
    for _ in range(6):
        if anc is None or anc.tag in ("html", "body"):
            break
        s = _sig(anc)
        if s != anc.tag:
            candidates.append(f"{s} {base}")
        anc = anc.getparent()
    fallback = None
    for query in candidates:
        matched = _matches(sel, query)
        found = {tree.getpath(el) for el in matched}
        if not items <= found:
            continue
        extra = [el for el in matched if tree.getpath(el) not in items]
        if any(tree.getpath(el) in wanted for el in extra):
            continue  # it would pick another list's entries too
        linked = sum(1 for el in extra if el.xpath(".//a[@href]"))
        if not linked:
            return query
        # blocks with links that are not titles (a "more" line built like the entries): only if
        # nothing better, and never when they outnumber the entries (a menu, not a list)
        if linked <= len(items) // 4:
            fallback = fallback or query
    return fallback


def _link_query(g: _Group) -> str:
    """Which link of an item is the title: the first ``a`` unless a class or a position says otherwise."""
    pairs = [(el, g.links[el.getroottree().getpath(el)][0].el) for el in g.items]

    def hits(query: str) -> float:
        ok = 0
        for item, link in pairs:
            found = _matches(Selector(root=item), query)
            ok += bool(found) and found[0] is link
        return ok / len(pairs)

    if hits("a[href]") >= 0.9:
        return "a::attr(href)"
    classes = set(_classes(pairs[0][1]))
    for _, link in pairs[1:]:
        classes &= set(_classes(link))
    tries = [f"a.{c}" for c in sorted(classes)] + ["a[title]"]
    parent = pairs[0][1].getparent()
    if parent is not None and parent is not pairs[0][0]:
        tries.append(f"{_sig(parent)} > a")
        tries.append(f"{parent.tag} > a")
    for query in tries:
        if hits(query) >= 0.9:
            return f"{query}::attr(href)"
    return "a::attr(href)"


def _date_query(g: _Group) -> str | None:
    """A selector for the element printing each item's date, when one element does it everywhere."""
    tree = g.items[0].getroottree()
    counts: dict[str, int] = defaultdict(int)
    for item in g.items:
        link = g.links[tree.getpath(item)][0].el
        seen = set()
        for node in item.iter():
            if node is item or node is link or not isinstance(node.tag, str):
                continue
            if any(a is link for a in node.iterancestors()):
                continue
            if node.text and _DATE_TEXT.search(node.text):
                for q in (_sig(node), node.tag):
                    if q not in seen:
                        counts[q] += 1
                        seen.add(q)
    n = len(g.items)
    for query, count in sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]))):
        if count >= 0.9 * n:
            # the element must print only the date's own text, not the title too
            return f"{query}::text"
    return None


def infer_list(sel: Selector, page_url: str) -> tuple[ListRules | None, int, list[str]]:
    """Entry rules for the page's main list: (rules, entries found, questions)."""
    root = sel.root
    if not isinstance(root, etree._Element):
        return None, 0, ["no HTML to read"]
    links = _title_links(root)
    if len(links) < 2:
        return None, 0, ["no run of links with document titles found: which element holds one entry?"]
    tree = root.getroottree()
    groups = sorted(_groups(root, links), key=_score, reverse=True)
    questions: list[str] = []
    for g in groups[:8]:
        if _score(g) <= 0:
            break
        # "wanted": blocks holding title links outside this group must not be selected too
        others = set()
        group_links = {id(lk.el) for lst in g.links.values() for lk in lst}
        for link in links:
            if id(link.el) not in group_links:
                node = link.el
                while node is not None:
                    others.add(tree.getpath(node))
                    node = node.getparent()
        query = _selector_for(sel, g, others)
        if query is None:
            continue
        rules = ListRules(links=_link_query(g), item=query, dates=_date_query(g))
        entries = [e for e in (read_item(i, page_url, rules) for i in sel.css(query)) if e]
        if len(entries) < 2:
            continue
        if not any(e.date for e in entries):
            questions.append("no dates found beside the entries: is there a date column? (list.dates)")
        return rules, len(entries), questions
    return None, 0, ["no repeated block of title links found: which element holds one entry? (list.item)"]


# -- the pagination -----------------------------------------------------------------------------------


def _page_dir(url: str) -> str:
    path = urlsplit(url).path
    return path.rsplit("/", 1)[0] + "/"


def _next_link(sel: Selector, page_url: str) -> str | None:
    """A selector for a real next-page link (text 下一页, ›, next …), checked to find it."""
    for a in sel.css("a[href]"):
        text = clean_text(" ".join(a.xpath(".//text()").getall())) or clean_text(a.attrib.get("title"))
        if text.lower() not in _NEXT_TEXTS and "下一页" not in text:
            continue
        href = a.attrib.get("href", "")
        url = resolve_link(page_url, href)
        if not url or url == resolve_link(page_url, "") or href.strip().startswith(("#", "javascript")):
            continue
        tries = [f"a.{c}::attr(href)" for c in _classes(a.root)]
        if "下一页" in text:
            tries.append("a:contains('下一页')::attr(href)")
        elif text:
            tries.append(f"a:contains('{text}')::attr(href)" if "'" not in text else "")
        for query in filter(None, tries):
            try:
                if sel.css(query).get() == href:
                    return query
            except Exception:
                continue
    return None


def _numbered_links(sel: Selector, page_url: str) -> list[tuple[str, str, int, str]]:
    """Pager links numbered in the file name: (stem, sep, n, ext) next to the page, with link text."""
    here = urlsplit(page_url)
    out = []
    for a in sel.css("a[href]"):
        url = resolve_link(page_url, a.attrib.get("href", ""))
        if not url:
            continue
        parts = urlsplit(url)
        if parts.netloc != here.netloc or _page_dir(url) != _page_dir(page_url):
            continue
        m = _PAGE_FILE.match(parts.path.rsplit("/", 1)[-1])
        if m:
            text = clean_text(" ".join(a.xpath(".//text()").getall()))
            out.append((m.group("stem"), m.group("sep"), int(m.group("n")), m.group("ext"), text))
    return out


def _query_links(sel: Selector, page_url: str) -> list[tuple[str, int, str]]:
    here = urlsplit(page_url)
    out = []
    for a in sel.css("a[href]"):
        url = resolve_link(page_url, a.attrib.get("href", ""))
        if not url:
            continue
        parts = urlsplit(url)
        if parts.netloc != here.netloc or parts.path != here.path:
            continue
        text = clean_text(" ".join(a.xpath(".//text()").getall()))
        for k, v in parse_qsl(parts.query):
            if k.lower() in _PAGE_PARAMS and v.isdigit():
                out.append((k, int(v), text))
    return out


def infer_pagination(sel: Selector, html: str, page_url: str) -> tuple[Pagination, list[str]]:
    """How the list reaches its next page: the pager script, a next link, a numbered name or a parameter."""
    if find_script_pager(html):
        return Pagination(script=True), []
    nxt = _next_link(sel, page_url)
    if nxt:
        return Pagination(next=nxt), []
    name = urlsplit(page_url).path.rsplit("/", 1)[-1] or "index.html"
    numbered = _numbered_links(sel, page_url)
    if numbered:
        here = _PAGE_FILE.match(name)
        stem = here.group("stem") if here else name.rsplit(".", 1)[0]
        same = [x for x in numbered if x[0] == stem] or numbered
        stem, sep, _, ext, _ = same[0]
        current = int(here.group("n")) if here and here.group("stem") == stem else None
        by_text = [n for s, _, n, _, t in same if t == "2"]
        later = sorted({n for _, _, n, _, _ in same if current is None or n > current})
        if later:
            first = by_text[0] if by_text and current is None else later[0]
            if current is None:
                return Pagination(pattern=f"{stem}{sep}{{n}}.{ext}", first=min(first, 10)), []
            # a later page of the series: where the numbers start cannot be seen from here
            return Pagination(pattern=f"{stem}{sep}{{n}}.{ext}", first=1), [
                "this is not the first list page: is the second page numbered 1 or 2? (pagination.first)"
            ]
    queried = _query_links(sel, page_url)
    if queried:
        here_q = {k: v for k, v in parse_qsl(urlsplit(page_url).query)}
        param = queried[0][0]
        current = int(here_q[param]) if here_q.get(param, "").isdigit() else None
        by_text = [n for k, n, t in queried if k == param and t == "2"]
        later = sorted({n for k, n, _ in queried if k == param and (current is None or n > current)})
        if later:
            first = by_text[0] if by_text and current is None else later[0]
            return Pagination(query=param, first=min(first, 10)), []
    if re.search(r"共\s*\d+\s*页|下一页|尾页|末页", html):
        return Pagination(), [
            "the page shows a pager but no next page could be read from it: how does it page?"
        ]
    return Pagination(), []


def infer_shape(sel: Selector, html: str, page_url: str) -> Shape:
    rules, count, questions = infer_list(sel, page_url)
    pagination, more = infer_pagination(sel, html, page_url)
    return Shape(rules=rules, pagination=pagination, items=count, questions=tuple(questions + more))
