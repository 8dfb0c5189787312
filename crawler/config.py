"""Site configs: one TOML file per site under crawler/sites/, validated on load.

A config is declarative: where the lists are, how to find links and the next
page, what to override in the cleaner.  Nothing site-specific lives in code.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urljoin, urlparse

from corpus.model import Region


class ConfigError(ValueError):
    """A site config is missing, unreadable or wrong; the message names file and key."""


@dataclass(frozen=True)
class ListRules:
    links: str
    next: str | None = None


@dataclass(frozen=True)
class Politeness:
    download_delay: float = 2.0
    autothrottle_start_delay: float = 5.0
    concurrency_per_domain: int = 1


@dataclass(frozen=True)
class SiteConfig:
    name: str
    base_url: str
    start_urls: tuple[str, ...]
    list: ListRules
    path: Path
    title: str = ""
    enabled: bool = True
    checked: str | None = None
    region: Region = field(default_factory=Region)
    allowed_domains: tuple[str, ...] = ()
    body_selector: str | None = None
    politeness: Politeness = field(default_factory=Politeness)


def sites_dir() -> Path:
    return Path(str(resources.files("crawler") / "sites"))


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
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from e
    return parse_site(raw, path)


def _need(raw: dict, key: str, kind: type, path: Path, where: str = ""):
    if key not in raw:
        raise ConfigError(f"{path}: missing key {where}{key}")
    value = raw[key]
    if not isinstance(value, kind):
        raise ConfigError(f"{path}: {where}{key} must be a {kind.__name__}, got {type(value).__name__}")
    return value


def _base_url(raw: dict, path: Path) -> str:
    value = raw.get("base_url")
    if isinstance(value, dict):
        env, default = value.get("env"), value.get("default")
        if not env or not default:
            raise ConfigError(f"{path}: base_url table needs 'env' and 'default'")
        value = os.environ.get(env) or default
    if not isinstance(value, str) or urlparse(value).scheme not in ("http", "https"):
        raise ConfigError(f"{path}: base_url must be an http(s) URL, got {value!r}")
    return value.rstrip("/") + "/"


def parse_site(raw: dict, path: Path) -> SiteConfig:
    name = _need(raw, "name", str, path)
    base = _base_url(raw, path)
    starts = _need(raw, "start_urls", list, path)
    if not starts or not all(isinstance(s, str) for s in starts):
        raise ConfigError(f"{path}: start_urls must be a non-empty list of URLs")
    lst = _need(raw, "list", dict, path)
    links = _need(lst, "links", str, path, "list.")
    pol = raw.get("politeness", {})
    if not isinstance(pol, dict):
        raise ConfigError(f"{path}: politeness must be a table")
    try:
        politeness = Politeness(**pol)
    except TypeError as e:
        raise ConfigError(f"{path}: politeness: {e}") from e
    if not 1 <= politeness.concurrency_per_domain <= 2:
        raise ConfigError(f"{path}: politeness.concurrency_per_domain must be 1 or 2")
    region = raw.get("region", {})
    start_urls = tuple(urljoin(base, s.lstrip("/")) if not urlparse(s).scheme else s for s in starts)
    domains = tuple(raw.get("allowed_domains") or {urlparse(u).hostname for u in start_urls})
    return SiteConfig(
        name=name,
        title=raw.get("title", name),
        base_url=base,
        start_urls=start_urls,
        list=ListRules(links=links, next=lst.get("next")),
        path=path,
        enabled=bool(raw.get("enabled", True)),
        checked=str(raw["checked"]) if "checked" in raw else None,
        region=Region(**region) if isinstance(region, dict) else Region(),
        allowed_domains=domains,
        body_selector=(raw.get("detail") or {}).get("body"),
        politeness=politeness,
    )
