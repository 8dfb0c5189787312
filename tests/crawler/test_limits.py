"""A list page with 100,000 links, and a column longer than max_pages: capped, and the report says so."""

from __future__ import annotations

import json
import shutil
import time

from parsel import Selector

from crawler.config import ListRules, sites_dir
from crawler.listing import read_list
from crawler.mirror import serve_in_thread, site_root
from tests.conftest import run_policy

LINKS = 100_000


def huge_list(n: int, *, page: int = 0) -> str:
    items = "".join(
        f'<li><a href="/d/{i}.html">第{i}号 科技政策文件</a><span class="date">2024-01-01</span></li>'
        for i in range(n)
    )
    nxt = f'<a class="next" href="index_{page + 1}.html">下一页</a>'
    return f"<html><body><ul class='list'>{items}</ul>{nxt}</body></html>"


def test_a_list_page_is_read_up_to_its_cap():
    selector = Selector(text=huge_list(LINKS))
    rules = ListRules(links="a::attr(href)", item="ul.list li", dates="span.date::text")
    assert rules.max_entries == 1000, "a sane default: real list pages hold 15 to a few hundred entries"
    read = read_list(selector, "http://x.gov.cn/zcwj/index.html", rules)
    assert len(read.entries) == 1000 and read.cut
    assert read.entries[0].url == "http://x.gov.cn/d/0.html" and read.entries[0].date == "2024-01-01"
    small = read_list(Selector(text=huge_list(20)), "http://x.gov.cn/zcwj/index.html", rules)
    assert len(small.entries) == 20 and not small.cut


def test_entry_cap_and_max_pages_cut_a_site_short_and_the_report_says_so(tmp_path, data_dir):
    root = tmp_path / "site"
    (root / "zcwj").mkdir(parents=True)
    (root / "d").mkdir()
    (root / "zcwj" / "index.html").write_text(huge_list(LINKS), "utf-8")
    (root / "zcwj" / "index_1.html").write_text(huge_list(3, page=1), "utf-8")
    samples = sorted(site_root().glob("kjj/zcwj/20*/*.html"))
    for i, sample in enumerate(samples[:5]):
        shutil.copy(sample, root / "d" / f"{i}.html")
    config = (sites_dir() / "mirror.toml").read_text(encoding="utf-8")
    config = config.replace('name = "mirror"', 'name = "crowded"').replace(
        'start_urls = ["/kjj/zcwj/index.html"]', 'start_urls = ["/zcwj/index.html"]'
    )
    config = config.replace("[pagination]\n", "max_entries = 5\n\n[pagination]\nmax_pages = 1\n")
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "crowded.toml").write_text(config, "utf-8")
    server, url = serve_in_thread(root)
    try:
        started = time.monotonic()
        result = run_policy(
            "update",
            "--site",
            "crowded",
            "--report",
            str(tmp_path / "r.json"),
            data_dir=data_dir,
            env={"POLICY_MIRROR_URL": url, "POLICY_SITES_DIR": str(sites)},
        )
        seconds = time.monotonic() - started
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 0, result.stdout + result.stderr
    assert seconds < 60
    paths = [path for method, path, _ in server.requests if method == "GET" and path != "/robots.txt"]
    assert sorted(paths) == [
        "/d/0.html",
        "/d/1.html",
        "/d/2.html",
        "/d/3.html",
        "/d/4.html",
        "/zcwj/index.html",
    ]
    site = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["sites"]["crowded"]
    assert site["new"] == 5
    limits = site["limits"]
    assert any(
        f"{url}/zcwj/index.html: more than 5 entries" in line and "list.max_entries" in line
        for line in limits
    )
    assert any("pagination.max_pages (1)" in line and f"{url}/zcwj/index_1.html" in line for line in limits)
    assert "cut short" in result.stdout
