"""A site config drafted from one list page: the family recognised, else the list's shape inferred.

Operators onboard hundreds of columns; each needs a config that names its
family and the few values that differ, or explicit selectors.  ``draft_site``
reads one page (fetched politely, or saved), writes what it could decide and
leaves the rest as ``# QUESTION:`` comments; the draft is checked by reading
the same page with it before it is returned.
"""

from __future__ import annotations

import json
import re
import tomllib
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from cleaner.decode import decode
from corpus.gazetteer import locate

from .config import ConfigError, ListRules, Pagination, SiteConfig, parse_site
from .families import FAMILIES, ListRead, ListResponse, read_list_page, recognise
from .listing import clean_text
from .scriptdata import read_script_list
from .settings import USER_AGENT
from .shape import infer_list, infer_pagination
from .urls import canonical_url

# families whose entries are list markup (TRS, gov.cn, hanweb columns printed as markup)
_MARKUP_FAMILIES = ("generic", "trs", "govcn")
_SKIP_SEGMENTS = {"index", "home", "list", "default", "main", "col", "www", "gov", "cn", "com", "org", "net"}


class FetchError(RuntimeError):
    """The list page could not be fetched (or robots.txt forbids it)."""


@dataclass
class Draft:
    """A site config drafted from one page, with what the same page gives when read with it."""

    name: str
    url: str  # the list page, as given (a gkmlpt column keeps its #fragment)
    title: str
    family: str
    recognised: int  # the family's score for the page (0: generic, nothing recognised)
    params: dict[str, str] = field(default_factory=dict)
    rules: ListRules | None = None
    pagination: Pagination = field(default_factory=Pagination)
    region: dict[str, str] = field(default_factory=dict)
    questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    read: ListRead | None = None  # the page read with the drafted config

    def toml(self, today: str | None = None) -> str:
        parts = urlsplit(self.url)
        base = f"{parts.scheme}://{parts.netloc}"
        start = parts.path or "/"
        if parts.query:
            start += "?" + parts.query
        lines = [
            f"# Drafted by `policy add-site` on {today or date.today().isoformat()} from {self.url}",
            f"# Check it with `policy check-site {self.name}` before its first nightly run.",
            f"name = {_q(self.name)}",
            f"title = {_q(self.title or self.name)}",
            f"family = {_q(self.family)}"
            + ("" if self.recognised else "                 # no CMS family recognised"),
            "verified = false",
            f"base_url = {_q(base)}",
            f"start_urls = [{_q(start)}]",
            f"checked = {_q(today or date.today().isoformat())}",
        ]
        if self.region:
            inner = ", ".join(f"{k} = {_q(v)}" for k, v in self.region.items())
            lines.append(f"region = {{ {inner} }}")
        else:
            lines.append(
                "# QUESTION: which region do its documents belong to? (region = { province = …, city = … })"
            )
        lines.append("recheck_days = 30")
        for note in self.notes:
            lines.append(f"# {note}")
        for q in self.questions:
            lines.append(f"# QUESTION: {q}")
        if self.params:
            lines += ["", f"[{self.family}]"] + [f"{k} = {_q(v)}" for k, v in self.params.items()]
        if self.rules is not None:
            lines += ["", "[list]", f"item = {_q(self.rules.item or '')}", f"links = {_q(self.rules.links)}"]
            if self.rules.dates:
                lines.append(f"dates = {_q(self.rules.dates)}")
        p = self.pagination
        if p.enabled:
            lines += ["", "[pagination]"]
            if p.next:
                lines.append(f"next = {_q(p.next)}")
            if p.script:
                lines.append("script = true                      # createPageHTML(total, current, name, ext)")
            if p.pattern:
                lines.append(f"pattern = {_q(p.pattern)}")
            if p.query:
                lines.append(f"query = {_q(p.query)}")
            if (p.pattern or p.query) and p.first != 1:
                lines.append(f"first = {p.first}")
        lines += [
            "",
            "[politeness]",
            "download_delay = 3",
            "autothrottle_start_delay = 5",
            "concurrency_per_domain = 1",
        ]
        return "\n".join(lines) + "\n"


def _q(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def site_name(url: str) -> str:
    """A config name from the URL: host words and the column's last path words (kjt-ah-tzgg)."""
    parts = urlsplit(url)
    host = [w for w in (parts.hostname or "").lower().split(".") if w not in _SKIP_SEGMENTS]
    segs = [s for s in re.split(r"[/.?=&_#-]+", parts.path.lower()) if s]
    segs = [s for s in segs if s not in _SKIP_SEGMENTS and not re.fullmatch(r"s?html?|jsp|aspx?|php", s)]
    tail = segs[-2:] if segs else []
    if parts.fragment.isdigit():
        tail.append(parts.fragment)
    words = [re.sub(r"[^a-z0-9]+", "", w) for w in host[:2] + tail]
    name = "-".join(w for w in words if w)[:60].strip("-")
    return name or "site"


def page_title(sel) -> str:
    title = clean_text(sel.css("title::text").get())
    # 政策文件_临沂市科学技术局 → both halves are useful: keep as printed, within reason
    return title[:80]


def _region(title: str) -> dict[str, str]:
    found = locate(title or "")
    if not found:
        return {}
    out = {}
    for key, value in zip(("province", "city", "county"), found, strict=True):
        if value:
            out[key] = value
    return out


def _site(draft: Draft) -> SiteConfig:
    try:
        return parse_site(tomllib.loads(draft.toml()), Path(f"{draft.name}.toml"))
    except (ConfigError, tomllib.TOMLDecodeError) as e:  # a draft we cannot read back is our bug
        raise RuntimeError(f"add-site drafted a config it cannot read: {e}") from e


def draft_site(url: str, text: str, name: str | None = None, family: str | None = None) -> Draft:
    """Draft a config for the list page ``url`` whose text is ``text`` (nothing fetched here)."""
    page = ListResponse(url=canonical_url(url), text=text)
    chosen, score = (family, 100) if family else recognise(page)
    draft = Draft(
        name=name or site_name(url),
        url=url,
        title=page_title(page.selector),
        family=chosen,
        recognised=score,
    )
    draft.region = _region(draft.title)
    module = FAMILIES[chosen]
    page_for_params = ListResponse(url=url, text=text)  # the fragment names a gkmlpt column
    draft.params = module.params_from(page_for_params)
    markup = chosen in _MARKUP_FAMILIES or (chosen == "hanweb" and "<record" not in text.lower())
    if markup:
        rules, count, questions = infer_list(page.selector, page.url)
        draft.rules = rules
        if rules is None and read_script_list(page.html, page.url):
            draft.notes.append("no list markup: the entries are read from the list a script carries")
        else:
            draft.questions += questions
    if chosen == "generic" or (chosen == "hanweb" and markup):
        draft.pagination, more = infer_pagination(page.selector, page.html, page.url)
        draft.questions += more
    if chosen == "gkmlpt":
        for key in ("column", "sid"):
            if key not in draft.params:
                draft.questions.append(f"gkmlpt.{key} not found on the page: give it in [gkmlpt]")
    if chosen == "hanweb" and not markup and "unitid" not in draft.params:
        draft.questions.append("hanweb.unitid not found on the page: the proxy may need it ([hanweb] unitid)")
    draft.read = read_list_page(page, _site(draft), 0, page.url)
    if not draft.read.entries and not draft.read.shell:
        draft.questions.append("the page read with this config lists nothing: which element holds one entry?")
    return draft


def fetch_list_page(url: str, timeout: float = 30.0) -> tuple[str, str]:
    """(text, final URL) of one list page, asked with our User-Agent, if robots.txt allows it."""
    parts = urlsplit(url)
    robots = urllib.robotparser.RobotFileParser(f"{parts.scheme}://{parts.netloc}/robots.txt")
    try:
        request = urllib.request.Request(robots.url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=timeout) as r:  # noqa: S310 - http(s) only
            robots.parse(r.read().decode("utf-8", "replace").splitlines())
    except Exception:  # no robots.txt (or an error page): nothing forbidden
        robots.parse([])
    if not robots.can_fetch("policy-harvester", url):
        raise FetchError(f"robots.txt of {parts.netloc} disallows {url}")
    request = urllib.request.Request(url.split("#")[0], headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:  # noqa: S310 - http(s) only
            body, charset, final = r.read(), r.headers.get_content_charset(), r.geturl()
    except Exception as e:
        raise FetchError(f"could not fetch {url}: {e}") from e
    text, _ = decode(body, charset)
    return text, final
