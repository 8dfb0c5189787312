"""What the family tests share: a site config of one family on a host that never answers, a list page."""

from __future__ import annotations

from pathlib import Path

from crawler.config import parse_site
from crawler.families import ListResponse

HOST = "127.0.0.1:9"
BASE = f"http://{HOST}"


def site(family: str, start: str, **params):
    raw = {"name": f"t-{family}", "family": family, "base_url": BASE, "start_urls": [start]}
    if params:
        raw[family] = params
    return parse_site(raw, Path("t.toml"))


def page(url: str, body: bytes) -> ListResponse:
    return ListResponse(url=url, text=body.decode("utf-8"))
