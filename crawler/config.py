"""Site configs: one TOML file per site under crawler/sites/, validated on load.

A config is declarative: where the lists are, how to find links, dates and
the next page, what to override in the cleaner, how politely to ask.  Nothing
site-specific lives in code.  Every mistake stops the load with one line that
names the file, the key and the problem (unknown keys too: a typo such as
``list.link`` must not silently crawl nothing).
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin, urlparse

from corpus.model import Region

DEFAULT_ATTACHMENTS = ("pdf", "doc", "docx", "wps", "xls", "xlsx", "ofd")


class ConfigError(ValueError):
    """A site config is missing, unreadable or wrong; the message names file and key."""


@dataclass(frozen=True)
class ListRules:
    """Where a list page keeps its entries.

    With ``item`` set, ``links``, ``dates`` and ``titles`` are read inside each
    entry (so a date belongs to its link); without it, ``links`` runs over the
    whole page.
    """

    links: str
    item: str | None = None
    dates: str | None = None
    titles: str | None = None
    # entries read from one list page: real ones hold 15 to a few hundred; a page of 100,000
    # links (a dump, or a trap) would cost minutes of CPU and half a GB before the first request
    max_entries: int = 1000


@dataclass(frozen=True)
class Pagination:
    """How to reach the next list page; any combination of the four kinds may be given."""

    next: str | None = None  # a CSS selector of the next-page link
    pattern: str | None = None  # e.g. "index_{n}.html", relative to the first list page
    query: str | None = None  # a query parameter holding the page number, e.g. "page"
    script: bool = False  # read createPageHTML(total, current, "index", "html")
    first: int = 1  # the number of the second page in pattern/query pagination
    max_pages: int = 500
    stop_when_nothing_new: bool = True

    @property
    def enabled(self) -> bool:
        return bool(self.next or self.pattern or self.query or self.script)


@dataclass(frozen=True)
class DetailRules:
    """Optional selectors that override the cleaner's own guesses."""

    body: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Politeness:
    download_delay: float = 2.0
    autothrottle_start_delay: float = 5.0
    autothrottle_max_delay: float = 60.0
    concurrency_per_domain: int = 1
    download_timeout: float = 30.0
    retry_times: int = 2
    retry_backoff: float = 5.0  # seconds before the first retry; doubles each time
    stop_after_blocked: int = 3  # consecutive challenge pages before the site is given up for this run


@dataclass(frozen=True)
class SiteConfig:
    name: str
    base_url: str
    start_urls: tuple[str, ...]
    list: ListRules | None  # None: the family's own reading (inferred from the page for generic)
    path: Path
    family: str = "generic"  # the CMS family that knows how the lists are built and paged
    # the few values the family needs from this site (a column id, a unit id …), as strings
    family_params: tuple[tuple[str, str], ...] = ()
    title: str = ""
    enabled: bool = True
    verified: bool = True  # false: the selectors were never checked against the live site
    checked: str | None = None
    region: Region = field(default_factory=Region)
    allowed_domains: tuple[str, ...] = ()
    pagination: Pagination = field(default_factory=Pagination)
    detail: DetailRules = field(default_factory=DetailRules)
    attachments: tuple[str, ...] = DEFAULT_ATTACHMENTS
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    since: str | None = None
    recheck_days: float = 30.0
    politeness: Politeness = field(default_factory=Politeness)
    notes: str = ""

    @property
    def body_selector(self) -> str | None:
        return self.detail.body

    def param(self, key: str, default: str | None = None) -> str | None:
        """A family value this site sets (``[hanweb] columnid = "123"``), else ``default``."""
        for k, v in self.family_params:
            if k == key:
                return v
        return default


def sites_dir() -> Path:
    """Where site configs live; POLICY_SITES_DIR points elsewhere (tests, private sites)."""
    return Path(os.environ.get("POLICY_SITES_DIR") or str(resources.files("crawler") / "sites"))


def available_sites() -> list[str]:
    return sorted(p.stem for p in sites_dir().glob("*.toml"))


def load_site(name_or_path: str) -> SiteConfig:
    path = Path(name_or_path)
    if not path.suffix:
        path = sites_dir() / f"{name_or_path}.toml"
    if not path.exists():
        raise ConfigError(
            f"no site config {name_or_path!r}; known sites: {', '.join(available_sites()) or 'none'}"
        )
    try:
        # utf-8-sig: Windows editors save TOML with a BOM, which tomllib reads as a bad statement
        raw = tomllib.loads(path.read_bytes().decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from e
    except RecursionError:
        # tomllib recurses once per nested array or inline table: a = [[[[...]]]] exhausts the stack
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    return parse_site(raw, path)


@dataclass(frozen=True)
class SiteLoad:
    """Every config under sites_dir(): those that load, and one line per file that does not."""

    sites: tuple[SiteConfig, ...]
    errors: tuple[ConfigError, ...]
    broken: tuple[str, ...]  # the file stems of the configs in errors, in the same order


def load_all_sites() -> SiteLoad:
    """Load every config; a broken one is reported and skipped so it cannot cost the others their night.

    Two files naming the same site would share its crawl state: the first (by file name) keeps the
    name, the second is an error naming both files.
    """
    sites: list[SiteConfig] = []
    errors: list[ConfigError] = []
    broken: list[str] = []
    owners: dict[str, Path] = {}
    for stem in available_sites():
        try:
            config = load_site(str(sites_dir() / f"{stem}.toml"))
            if config.name in owners:
                raise ConfigError(
                    f"{config.path}: name: {config.name!r} is already the name of {owners[config.name]}"
                )
        except ConfigError as e:
            errors.append(e)
            broken.append(stem)
            continue
        owners[config.name] = config.path
        sites.append(config)
    return SiteLoad(tuple(sites), tuple(errors), tuple(broken))


# -- validation ---------------------------------------------------------------------------------------

_TOP_KEYS = {
    "name",
    "family",
    "title",
    "enabled",
    "verified",
    "base_url",
    "start_urls",
    "allowed_domains",
    "checked",
    "region",
    "list",
    "pagination",
    "detail",
    "attachments",
    "include",
    "exclude",
    "since",
    "recheck_days",
    "politeness",
    "notes",
}
_LIST_KEYS = {"links", "item", "dates", "titles", "next", "max_entries"}
_PAGINATION_KEYS = {"next", "pattern", "query", "script", "first", "max_pages", "stop_when_nothing_new"}
_DETAIL_KEYS = {"body", "title"}
_REGION_KEYS = {"province", "city", "county"}
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class _Checker:
    """Reads typed values out of the raw TOML, naming file and key in every error."""

    def __init__(self, path: Path):
        self.path = path

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.path}: {key}: {problem}")

    def known(self, table: dict, allowed: set[str], where: str = "") -> None:
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f" (did you mean {where}{close[0]}?)" if close else ""
                raise self.error(f"{where}{key}", f"unknown key{hint}")

    def get(self, table: dict, key: str, kind, where: str = "", *, required: bool = False, default=None):
        if key not in table:
            if required:
                raise self.error(f"{where}{key}", "missing")
            return default
        value = table[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        # TOML booleans are ints in Python: never accept one for a number
        if isinstance(value, bool) and bool not in kinds:
            raise self.error(f"{where}{key}", f"must be {_kind_name(kinds)}, got a boolean")
        if not isinstance(value, kinds):
            raise self.error(f"{where}{key}", f"must be {_kind_name(kinds)}, got {type(value).__name__}")
        return value

    def text(self, table: dict, key: str, where: str = "", *, required: bool = False) -> str | None:
        value = self.get(table, key, str, where, required=required)
        if value is not None and not value.strip():
            raise self.error(f"{where}{key}", "must not be empty")
        return value.strip() if value is not None else None

    def strings(self, table: dict, key: str, where: str = "") -> tuple[str, ...] | None:
        value = self.get(table, key, list, where)
        if value is None:
            return None
        if not all(isinstance(v, str) and v.strip() for v in value):
            raise self.error(f"{where}{key}", "must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def table(self, raw: dict, key: str) -> dict:
        value = self.get(raw, key, dict, default={})
        return value

    def selector(self, table: dict, key: str, where: str = "", *, required: bool = False) -> str | None:
        value = self.text(table, key, where, required=required)
        if value is not None:
            problem = selector_problem(value)
            if problem:
                raise self.error(f"{where}{key}", f"bad CSS selector {value!r}: {problem}")
        return value

    def day(self, table: dict, key: str, where: str = "") -> str | None:
        value = self.get(table, key, (str, date), where)
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, date) else value.strip()
        try:
            date.fromisoformat(text)
        except ValueError:
            raise self.error(f"{where}{key}", f"must be a date YYYY-MM-DD, got {value!r}") from None
        return text

    def number(self, table: dict, key: str, where: str = "", *, low: float, high: float, default):
        value = self.get(table, key, (int, float), where, default=default)
        if not low <= value <= high:
            raise self.error(f"{where}{key}", f"must be between {low:g} and {high:g}, got {value!r}")
        return value


def _kind_name(kinds: tuple) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}
    names.update({list: "a list", dict: "a table", date: "a date"})
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def selector_problem(selector: str) -> str | None:
    """Why a CSS selector (with parsel's ::text / ::attr() extensions) cannot run, or None."""
    from parsel import Selector

    try:
        Selector(text="<html><body></body></html>").css(selector)
    except Exception as e:  # cssselect raises several kinds of errors: all mean the same here
        return str(e).splitlines()[0] or type(e).__name__
    return None


def _base_url(raw: dict, c: _Checker) -> str:
    value = raw.get("base_url")
    if value is None:
        raise c.error("base_url", "missing")
    if isinstance(value, dict):
        c.known(value, {"env", "default"}, "base_url.")
        env = c.text(value, "env", "base_url.", required=True)
        default = c.text(value, "default", "base_url.", required=True)
        value = os.environ.get(env) or default
    if (
        not isinstance(value, str)
        or urlparse(value).scheme not in ("http", "https")
        or not urlparse(value).netloc
    ):
        raise c.error("base_url", f"must be an http(s) URL, got {value!r}")
    return value.rstrip("/") + "/"


def _family(raw: dict, c: _Checker) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The ``family`` key and its table of site values (``[hanweb] columnid = "123"``)."""
    from .families.schema import FAMILY_PARAMS as FAMILIES

    family = c.text(raw, "family") or "generic"
    if family not in FAMILIES:
        close = difflib.get_close_matches(family, sorted(FAMILIES), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise c.error("family", f"unknown family {family!r} ({hint}known: {', '.join(sorted(FAMILIES))})")
    for other in FAMILIES:
        if other != family and other in raw:
            raise c.error(other, f"a [{other}] table, but family is {family!r}")
    table = c.get(raw, family, dict, default={})
    allowed = set(FAMILIES[family])
    if table and not allowed:
        raise c.error(family, f"family {family!r} takes no values")
    c.known(table, allowed, f"{family}.")
    params = []
    for key, value in table.items():
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise c.error(f"{family}.{key}", f"must be a string or an integer, got {type(value).__name__}")
        if not str(value).strip():
            raise c.error(f"{family}.{key}", "must not be empty")
        params.append((key, str(value).strip()))
    return family, tuple(params)


def parse_site(raw: dict, path: Path) -> SiteConfig:
    c = _Checker(path)
    from .families.schema import FAMILY_PARAMS  # the families' package imports this module

    c.known(raw, _TOP_KEYS | set(FAMILY_PARAMS))
    name = c.text(raw, "name", required=True)
    if not _NAME.match(name):
        raise c.error("name", f"must be lower-case letters, digits, - or _, got {name!r}")
    base = _base_url(raw, c)

    starts = c.strings(raw, "start_urls")
    if not starts:
        raise c.error("start_urls", "missing or empty: give at least one list page URL")
    start_urls = tuple(s if urlparse(s).scheme else urljoin(base, s.lstrip("/")) for s in starts)
    for s in start_urls:
        if urlparse(s).scheme not in ("http", "https"):
            raise c.error("start_urls", f"not an http(s) URL: {s!r}")

    family, family_params = _family(raw, c)
    lst = c.get(raw, "list", dict, default=None)
    rules = None
    if lst is not None:
        c.known(lst, _LIST_KEYS, "list.")
        item = c.selector(lst, "item", "list.")
        links = c.selector(lst, "links", "list.", required=not item) or "a::attr(href)"
        rules = ListRules(
            links=links,
            item=item,
            dates=c.selector(lst, "dates", "list."),
            titles=c.selector(lst, "titles", "list."),
            max_entries=int(c.number(lst, "max_entries", "list.", low=1, high=100000, default=1000)),
        )
        for key in ("dates", "titles"):
            if getattr(rules, key) and not item:
                raise c.error(
                    f"list.{key}", "needs list.item (the selector of one list entry) to pair it with a link"
                )
    else:
        lst = {}

    pag = c.table(raw, "pagination")
    c.known(pag, _PAGINATION_KEYS, "pagination.")
    pattern = c.text(pag, "pattern", "pagination.")
    if pattern is not None and "{n}" not in pattern:
        raise c.error("pagination.pattern", f"must contain {{n}} for the page number, got {pattern!r}")
    next_sel = c.selector(pag, "next", "pagination.") or c.selector(lst, "next", "list.")
    pagination = Pagination(
        next=next_sel,
        pattern=pattern,
        query=c.text(pag, "query", "pagination."),
        script=c.get(pag, "script", bool, "pagination.", default=False),
        first=int(c.number(pag, "first", "pagination.", low=0, high=10, default=1)),
        max_pages=int(c.number(pag, "max_pages", "pagination.", low=1, high=100000, default=500)),
        stop_when_nothing_new=c.get(pag, "stop_when_nothing_new", bool, "pagination.", default=True),
    )

    det = c.table(raw, "detail")
    c.known(det, _DETAIL_KEYS, "detail.")
    detail = DetailRules(body=c.selector(det, "body", "detail."), title=c.selector(det, "title", "detail."))

    pol = c.table(raw, "politeness")
    c.known(pol, set(Politeness.__dataclass_fields__), "politeness.")
    d = Politeness()
    politeness = Politeness(
        download_delay=c.number(
            pol, "download_delay", "politeness.", low=0, high=600, default=d.download_delay
        ),
        autothrottle_start_delay=c.number(
            pol,
            "autothrottle_start_delay",
            "politeness.",
            low=0,
            high=600,
            default=d.autothrottle_start_delay,
        ),
        autothrottle_max_delay=c.number(
            pol, "autothrottle_max_delay", "politeness.", low=0, high=3600, default=d.autothrottle_max_delay
        ),
        concurrency_per_domain=c.get(pol, "concurrency_per_domain", int, "politeness.", default=1),
        download_timeout=c.number(
            pol, "download_timeout", "politeness.", low=0.1, high=600, default=d.download_timeout
        ),
        retry_times=int(c.number(pol, "retry_times", "politeness.", low=0, high=10, default=d.retry_times)),
        retry_backoff=c.number(pol, "retry_backoff", "politeness.", low=0, high=600, default=d.retry_backoff),
        stop_after_blocked=int(
            c.number(pol, "stop_after_blocked", "politeness.", low=1, high=1000, default=d.stop_after_blocked)
        ),
    )
    if politeness.concurrency_per_domain not in (1, 2):
        raise c.error(
            "politeness.concurrency_per_domain", f"must be 1 or 2, got {politeness.concurrency_per_domain}"
        )

    region_raw = c.table(raw, "region")
    c.known(region_raw, _REGION_KEYS, "region.")
    region = Region(**{k: c.text(region_raw, k, "region.") for k in _REGION_KEYS})

    domains = c.strings(raw, "allowed_domains") or tuple(
        sorted({urlparse(u).hostname for u in start_urls if urlparse(u).hostname})
    )
    attachments = c.strings(raw, "attachments")
    if attachments is None and "attachments" in raw:
        attachments = ()
    include = c.strings(raw, "include") or ()
    exclude = c.strings(raw, "exclude") or ()
    for key, patterns in (("include", include), ("exclude", exclude)):
        for p in patterns:
            try:
                re.compile(p)
            except re.error as e:
                raise c.error(key, f"bad regular expression {p!r}: {e}") from None

    return SiteConfig(
        name=name,
        title=c.text(raw, "title") or name,
        base_url=base,
        start_urls=start_urls,
        list=rules,
        path=path,
        family=family,
        family_params=family_params,
        enabled=c.get(raw, "enabled", bool, default=True),
        verified=c.get(raw, "verified", bool, default=True),
        checked=c.day(raw, "checked"),
        region=region,
        allowed_domains=domains,
        pagination=pagination,
        detail=detail,
        attachments=tuple(a.lower().lstrip(".") for a in attachments)
        if attachments is not None
        else DEFAULT_ATTACHMENTS,
        include=include,
        exclude=exclude,
        since=c.day(raw, "since"),
        recheck_days=c.number(raw, "recheck_days", low=0, high=3650, default=30.0),
        politeness=politeness,
        notes=c.text(raw, "notes") or "",
    )
