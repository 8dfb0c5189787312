"""How well a config reads a real saved list page, against expectations written by hand.

A fixture is ``NAME.expected.json`` (family, url, entries, next_pages)
beside the saved page ``NAME.<ext>``.  Two readings are scored: the config
``add-site`` drafts from the page (the done-when: add-site, then check-site
with what it wrote), and a bare config naming only the expected family (the
family's own code).  Entries match by canonical URL (precision, recall, F1),
then titles and dates are compared on the matched ones; the next page is
right when the requests found are the requests expected (method, URL and
parameters, wherever they travel: query string, form or ``params``).
"""

from __future__ import annotations

import json
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit, urlunsplit

from cleaner.decode import decode

from .config import SiteConfig, parse_site
from .families import ListRead, ListResponse, read_list_page
from .newsite import draft_site
from .urls import canonical_url

PASS_F1 = 0.95


@dataclass(frozen=True)
class Fixture:
    name: str
    page: Path
    expected: dict

    @property
    def url(self) -> str:
        return self.expected["url"]

    def text(self) -> str:
        return decode(self.page.read_bytes())[0]


def fixtures(folder: Path) -> list[Fixture]:
    """Every ``NAME.expected.json`` with its saved page ``NAME.*`` in the folder, by name."""
    out = []
    for exp in sorted(folder.glob("*.expected.json")):
        stem = exp.name[: -len(".expected.json")]
        pages = [p for p in folder.glob(f"{stem}.*") if p != exp and not p.name.endswith(".expected.json")]
        if pages:
            out.append(Fixture(stem, sorted(pages)[0], json.loads(exp.read_text(encoding="utf-8"))))
    return out


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def request_key(req) -> tuple[str, str, tuple]:
    """(method, URL without query, sorted parameters) of a next-page request in any form."""
    if isinstance(req, str):
        req = {"url": req}
    url = canonical_url(req.get("url", ""))
    parts = urlsplit(url)
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    for key in ("params", "form", "data"):
        extra = req.get(key)
        if isinstance(extra, dict):
            params.update({str(k): str(v) for k, v in extra.items()})
        elif isinstance(extra, str):
            params.update(dict(parse_qsl(extra, keep_blank_values=True)))
    method = (req.get("method") or ("POST" if req.get("form") else "GET")).upper()
    return method, urlunsplit(parts._replace(query="")), tuple(sorted(params.items()))


@dataclass
class Score:
    """One reading of one fixture."""

    name: str
    family: str  # the family the config named
    expected_family: str
    expected: int
    found: int
    matched: int
    titles_right: int
    dates_right: int
    next_right: bool
    next_expected: list = field(default_factory=list)
    next_found: list = field(default_factory=list)
    missing: list = field(default_factory=list)  # expected URLs not found
    extra: list = field(default_factory=list)  # found URLs not expected
    questions: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def ok(self) -> bool:
        return self.f1 >= PASS_F1 and self.next_right

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "family": self.family,
            "expected_family": self.expected_family,
            "entries": {"expected": self.expected, "found": self.found, "matched": self.matched},
            "f1": round(self.f1, 3),
            "titles_right": self.titles_right,
            "dates_right": self.dates_right,
            "next_right": self.next_right,
            "next_expected": self.next_expected,
            "next_found": self.next_found,
            "missing": self.missing[:5],
            "extra": self.extra[:5],
            "questions": self.questions,
            "ok": self.ok,
        }


def score(fx: Fixture, site: SiteConfig, read: ListRead, questions: list | None = None) -> Score:
    exp = fx.expected
    want = {canonical_url(e["url"]): e for e in exp.get("entries", [])}
    got: dict[str, dict] = {}
    for e in read.entries:
        got.setdefault(e.url, e.as_json())
    matched = [u for u in got if u in want]
    titles = sum(1 for u in matched if _norm(got[u]["title"]) == _norm(want[u].get("title")))
    dates = sum(1 for u in matched if (got[u]["date"] or None) == (want[u].get("date") or None))
    expected_next = [request_key(r) for r in exp.get("next_pages", [])]
    found_next = [request_key(n.as_json()) for n in read.next]
    return Score(
        name=fx.name,
        family=site.family,
        expected_family=exp.get("family", "?"),
        expected=len(want),
        found=len(got),
        matched=len(matched),
        titles_right=titles,
        dates_right=dates,
        next_right=set(found_next) == set(expected_next),
        next_expected=[_show(k) for k in expected_next],
        next_found=[_show(k) for k in found_next],
        missing=[u for u in want if u not in got],
        extra=[u for u in got if u not in want],
        questions=list(questions or []),
    )


def _show(key: tuple) -> str:
    method, url, params = key
    return f"{method} {url}" + ("?" + "&".join(f"{k}={v}" for k, v in params) if params else "")


def read_with(site: SiteConfig, fx: Fixture, text: str) -> ListRead:
    url = canonical_url(fx.url)
    return read_list_page(ListResponse(url=url, text=text), site, 0, url)


def score_added(fx: Fixture) -> Score:
    """add-site drafts a config from the page, check-site reads the page with it."""
    text = fx.text()
    draft = draft_site(fx.url, text, name="fixture")
    site = parse_site(tomllib.loads(draft.toml()), Path("fixture.toml"))
    return score(fx, site, read_with(site, fx, text), draft.questions)


def score_family(fx: Fixture) -> Score:
    """A config naming only the expected family (and the page's URL) reads the page."""
    family = fx.expected.get("family", "generic")
    from .families import FAMILIES

    parts = urlsplit(fx.url)
    raw = {
        "name": "fixture",
        "family": family if family in FAMILIES else "generic",
        "base_url": f"{parts.scheme}://{parts.netloc}",
        "start_urls": [fx.url],
    }
    site = parse_site(raw, Path("fixture.toml"))
    return score(fx, site, read_with(site, fx, fx.text()))
