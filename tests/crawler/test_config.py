"""Site configs: every shipped config loads; every kind of mistake names the file, the key and the problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.config import ConfigError, available_sites, load_site, parse_site

GOOD = {
    "name": "demo-site",
    "base_url": "http://kjj.example.gov.cn",
    "start_urls": ["/zcwj/index.html"],
    "list": {"item": "ul.list li", "links": "a::attr(href)", "dates": "span::text"},
}


def site(**changes):
    raw = {k: (dict(v) if isinstance(v, dict) else v) for k, v in GOOD.items()}
    for key, value in changes.items():
        if "." in key:
            table, sub = key.split(".")
            raw.setdefault(table, {})[sub] = value
        elif value is None:
            raw.pop(key)
        else:
            raw[key] = value
    return parse_site(raw, Path("sites/demo.toml"))


def test_a_minimal_config_gets_polite_defaults():
    cfg = site()
    assert cfg.start_urls == ("http://kjj.example.gov.cn/zcwj/index.html",)
    assert cfg.allowed_domains == ("kjj.example.gov.cn",)
    assert cfg.politeness.concurrency_per_domain == 1 and cfg.politeness.download_delay >= 1
    assert "pdf" in cfg.attachments and cfg.recheck_days == 30
    assert cfg.pagination.stop_when_nothing_new


@pytest.mark.parametrize("name", available_sites())
def test_every_shipped_config_loads(name):
    cfg = load_site(name)
    assert cfg.name == name
    assert cfg.checked, "each config says when its selectors were last checked"


@pytest.mark.parametrize(
    "changes, key, problem",
    [
        ({"name": None}, "name", "missing"),
        ({"start_urls": []}, "start_urls", "missing or empty"),
        ({"list.links": "a[href"}, "list.links", "bad CSS selector"),
        ({"list.link": "a::attr(href)"}, "list.link", "did you mean list.links"),
        ({"lists": {}}, "lists", "did you mean list"),
        ({"checked": "27/11/2026"}, "checked", "YYYY-MM-DD"),
        ({"since": "yesterday"}, "since", "YYYY-MM-DD"),
        ({"exclude": ["(unclosed"]}, "exclude", "bad regular expression"),
        ({"politeness.concurrency_per_domain": 4}, "politeness.concurrency_per_domain", "must be 1 or 2"),
        ({"politeness.download_delay": "2s"}, "politeness.download_delay", "must be an integer or a number"),
        ({"politeness.download_delay": True}, "politeness.download_delay", "got a boolean"),
        ({"pagination.pattern": "index.html"}, "pagination.pattern", "{n}"),
        ({"base_url": "kjj.example.gov.cn"}, "base_url", "http(s) URL"),
        ({"name": "Bad Name"}, "name", "lower-case"),
        ({"recheck_days": -1}, "recheck_days", "between"),
        ({"list": {"links": "a::attr(href)", "dates": "span::text"}}, "list.dates", "needs list.item"),
    ],
)
def test_mistakes_name_file_key_and_problem(changes, key, problem):
    with pytest.raises(ConfigError) as e:
        site(**changes)
    message = str(e.value)
    assert message.startswith("sites/demo.toml: ")
    assert f": {key}: " in message and problem in message
    assert "\n" not in message


def test_broken_toml_and_unknown_site(tmp_path):
    bad = tmp_path / "broken.toml"
    bad.write_text('name = "x"\nlist = {links = \n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.toml: not valid TOML"):
        load_site(str(bad))
    with pytest.raises(ConfigError, match="no site config 'nosuch'; known sites: .*mirror"):
        load_site("nosuch")


def test_base_url_from_environment(monkeypatch):
    monkeypatch.setenv("DEMO_URL", "http://127.0.0.1:9999")
    cfg = site(base_url={"env": "DEMO_URL", "default": "http://127.0.0.1:8001"})
    assert cfg.start_urls == ("http://127.0.0.1:9999/zcwj/index.html",)
