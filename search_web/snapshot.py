"""A stored raw page made safe to show, and what changed between two of its versions.

The raw page is untrusted: it was written by a government CMS, possibly
tampered with, and our own crawler stored it byte for byte.  It is shown
with its scripts, event handlers, forms, frames, objects and external
stylesheets removed, and the route that serves it adds a CSP of its own
(no script at all, nothing loaded from elsewhere) inside a sandboxed iframe.
Each layer alone would stop a script; together a gap in one is not a hole.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
from bs4 import UnicodeDammit
from lxml import etree
from lxml_html_clean import Cleaner

# GB2312 and GBK pages routinely hold characters only GB18030 has; decoding as
# the superset loses nothing and turns mojibake into the intended characters.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-1": "cp1252"}
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", re.I)

_CLEANER = Cleaner(
    scripts=True,
    javascript=True,  # on* attributes and javascript: URLs
    comments=True,
    style=False,  # inline <style> is harmless without script and keeps the page readable
    inline_style=False,
    links=True,  # <link rel=stylesheet>: it would load from the government site
    meta=True,  # <meta http-equiv=refresh> could navigate the frame away
    page_structure=False,
    processing_instructions=True,
    embedded=True,  # object, embed, applet
    frames=True,
    forms=True,
    annoying_tags=True,
    remove_unknown_tags=False,
    safe_attrs_only=True,
)

MAX_DIFF_LINES = 400


@dataclass(frozen=True)
class DiffLine:
    sign: str  # "+", "-" or " " (context) or "@" (a hunk header)
    text: str
    # (segment, changed) pieces of the text when a removed line and its replacement are alike,
    # so 最高50万元 -> 最高80万元 shows the two characters, not two whole paragraphs
    parts: tuple[tuple[str, bool], ...] = ()


def decode(body: bytes, content_type: str | None = None) -> str:
    """The page as text: the HTTP charset first, then the page's own <meta>, then detection."""
    declared = None
    if content_type:
        m = _CHARSET.search(content_type)
        if m:
            declared = m.group(1).lower()
    known = [_SUPERSETS.get(declared, declared)] if declared else []
    dammit = UnicodeDammit(body, known_definite_encodings=known, is_html=True)
    if dammit.unicode_markup is None:
        return body.decode("utf-8", errors="replace")
    return dammit.unicode_markup


def is_html(content_type: str | None, text: str) -> bool:
    if content_type:
        return "html" in content_type.lower()
    return bool(re.search(r"<(html|body|div|p|table)\b", text[:4000], re.I))


def safe_html(body: bytes, content_type: str | None, base_url: str | None) -> str:
    """A self-contained HTML page with no active content, links pointing back to the source site."""
    text = decode(body, content_type)
    if not is_html(content_type, text):
        return _text_page(text)
    try:
        tree = lxml.html.document_fromstring(_strip_xml_declaration(text))
    except (etree.ParserError, ValueError):
        return _text_page(text)
    tree = _CLEANER.clean_html(tree)
    _remove_remote_resources(tree)
    for img in list(tree.iter("img")):
        # The frame's CSP blocks remote images anyway; a placeholder avoids broken-image icons.
        src = img.get("src") or ""
        if not src.startswith("data:"):
            label = lxml.html.Element("span")
            label.text = f"［图片：{img.get('alt')}］" if img.get("alt") else "［图片］"
            label.tail = img.tail
            img.getparent().replace(img, label)
    for a in tree.iter("a"):
        href = a.get("href")
        if not href:
            continue
        absolute = urljoin(base_url, href) if base_url else href
        if urlsplit(absolute).scheme in ("http", "https"):
            a.set("href", absolute)
            a.set("target", "_blank")
            a.set("rel", "noopener noreferrer")
        else:
            a.attrib.pop("href", None)
    out = lxml.html.tostring(tree, encoding="unicode", method="html")
    return "<!doctype html>\n" + _with_charset(out)


# What still loads from elsewhere after the Cleaner: SVG (<image href>, <use href>), media
# (<source src>, <track src>, <audio src>), <base href> (it would re-point every relative URL),
# url() and @import in <style>.  The frame's CSP blocks them too; the README promises them gone.
_PLACEHOLDERS = {"svg": "［图形］", "math": "", "video": "［视频］", "audio": "［音频］"}
_DROPPED = ("base", "source", "track")
_LOADING_ATTRS = ("src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc")
_CSS_IMPORT = re.compile(r"@import\b[^;]*;?", re.I)
_CSS_URL = re.compile(r"url\(\s*(?![\"']?\s*data:)[^)]*\)", re.I)
# a URL left as a bare string (lxml's Cleaner deletes the word @import but not its argument)
_CSS_URL_STRING = re.compile(r"([\"'])\s*(?:[a-z][a-z0-9+.-]*:|//)[^\"']*\1", re.I)
_CSS_TRICKS = re.compile(r"\\|image-set|@import|url\(|expression\(", re.I)


def _remove_remote_resources(tree) -> None:
    for el in list(tree.iter(*_PLACEHOLDERS)):
        if el.getparent() is None:
            continue
        label = lxml.html.Element("span")
        label.text = _PLACEHOLDERS[el.tag] or None
        label.tail = el.tail
        el.getparent().replace(el, label)
    for el in list(tree.iter(*_DROPPED)):
        el.drop_tag() if el.tag == "source" and len(el) else el.drop_tree()
    for style in list(tree.iter("style")):
        css = _CSS_URL.sub("none", _CSS_IMPORT.sub("", style.text or ""))
        css = _CSS_URL_STRING.sub('""', css)
        if _CSS_TRICKS.search(_CSS_URL.sub("", css.replace("url(data:", ""))):
            # an escape (u\72l) or image-set() could still name a URL: the whole sheet goes
            style.drop_tree()
        else:
            style.text = css
    for el in tree.iter(etree.Element):
        for attr in _LOADING_ATTRS:
            value = el.get(attr)
            if value is not None and not (el.tag == "img" and value.startswith("data:")):
                del el.attrib[attr]


def visible_lines(body: bytes, content_type: str | None) -> list[str]:
    """The text a reader sees, one block per line, white space collapsed: what a diff compares."""
    text = decode(body, content_type)
    if not is_html(content_type, text):
        lines = text.splitlines()
    else:
        try:
            tree = lxml.html.document_fromstring(_strip_xml_declaration(text))
        except (etree.ParserError, ValueError):
            return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        for bad in tree.xpath("//script|//style|//noscript|//template"):
            bad.drop_tree()
        for block in tree.xpath(
            "//p|//div|//br|//li|//tr|//h1|//h2|//h3|//h4|//h5|//h6|//table|//section|//article"
        ):
            block.tail = "\n" + (block.tail or "")
        lines = tree.text_content().splitlines()
    return [" ".join(line.split()) for line in lines if line.strip()]


def diff_lines(old: list[str], new: list[str], context: int = 1) -> list[DiffLine]:
    """The changed lines between two versions with a line of context, capped for the page."""
    out: list[DiffLine] = []
    for line in difflib.unified_diff(old, new, lineterm="", n=context):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            out.append(DiffLine("@", "…"))
        else:
            out.append(DiffLine(line[:1] or " ", line[1:]))
        if len(out) >= MAX_DIFF_LINES:
            out.append(DiffLine("@", f"（差异过长，仅显示前 {MAX_DIFF_LINES} 行）"))
            break
    return _mark_words(out)


def _mark_words(lines: list[DiffLine]) -> list[DiffLine]:
    """Pair each run of removed lines with the run of added lines after it and mark what differs."""
    out = list(lines)
    i = 0
    while i < len(out):
        if out[i].sign != "-":
            i += 1
            continue
        j = i
        while j < len(out) and out[j].sign == "-":
            j += 1
        k = j
        while k < len(out) and out[k].sign == "+":
            k += 1
        for a in range(i, j):
            b = j + (a - i)
            if b >= k:
                break
            old, new = out[a].text, out[b].text
            matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
            if matcher.ratio() < 0.5:
                continue
            old_parts, new_parts = [], []
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if old[i1:i2]:
                    old_parts.append((old[i1:i2], tag != "equal"))
                if new[j1:j2]:
                    new_parts.append((new[j1:j2], tag != "equal"))
            out[a] = DiffLine("-", old, tuple(old_parts))
            out[b] = DiffLine("+", new, tuple(new_parts))
        i = k
    return out


def _text_page(text: str) -> str:
    return (
        '<!doctype html>\n<html><head><meta charset="utf-8"></head><body>'
        f'<pre style="white-space:pre-wrap">{html.escape(text)}</pre></body></html>'
    )


def _strip_xml_declaration(text: str) -> str:
    # lxml refuses str input that carries an encoding declaration.
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text)


def _with_charset(markup: str) -> str:
    if re.search(r"<head[^>]*>", markup, re.I):
        return re.sub(r"(<head[^>]*>)", r'\1<meta charset="utf-8">', markup, count=1, flags=re.I)
    return '<meta charset="utf-8">' + markup
