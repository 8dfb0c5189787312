"""A detail page that redirects to another host is not followed, and is recorded as failed, saying where."""

from __future__ import annotations

import json
import shutil

from corpus.store import Store
from crawler.config import sites_dir
from crawler.mirror import serve_in_thread, site_root
from tests.conftest import run_policy

ELSEWHERE = "http://elsewhere.example"


def test_off_site_redirects_are_failures_naming_the_target(tmp_path, data_dir):
    root = tmp_path / "site"
    (root / "zcwj").mkdir(parents=True)
    sample = sorted(site_root().glob("kjj/zcwj/20*/*.html"))[0]
    shutil.copy(sample, root / "zcwj" / "kept.html")
    (root / "zcwj" / "moved.html").write_text(
        f"<html><head><meta http-equiv='refresh' content='0;url={ELSEWHERE}/moved.html'></head>"
        "<body>本页已迁移</body></html>",
        "utf-8",
    )
    (root / "_routes.toml").write_text(
        f'[route."/zcwj/found.html"]\nstatus = 302\nlocation = "{ELSEWHERE}/found.html"\n'
        f'[route."/zcwj/temporary.html"]\nstatus = 307\nlocation = "{ELSEWHERE}/temporary.html"\n',
        "utf-8",
    )
    links = "".join(
        f'<li><a href="/zcwj/{name}.html">第{i}号 文件</a><span class="date">2024-01-0{i + 1}</span></li>'
        for i, name in enumerate(("kept", "found", "temporary", "moved"))
    )
    (root / "zcwj" / "index.html").write_text(
        f"<html><body><ul class='list'>{links}</ul></body></html>", "utf-8"
    )
    config = (sites_dir() / "mirror.toml").read_text(encoding="utf-8")
    config = config.replace('name = "mirror"', 'name = "movers"').replace(
        "/kjj/zcwj/index.html", "/zcwj/index.html"
    )
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "movers.toml").write_text(config, "utf-8")
    server, url = serve_in_thread(root)
    try:
        result = run_policy(
            "update",
            "--site",
            "movers",
            "--report",
            str(tmp_path / "r.json"),
            data_dir=data_dir,
            env={"POLICY_MIRROR_URL": url, "POLICY_SITES_DIR": str(sites)},
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 1, "a page that could not be fetched makes the night's exit code 1"
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["sites"]["movers"]
    assert report["new"] == 1 and report["failed"] == 3
    failures = {f["url"]: f["reason"] for f in report["failures"]}
    assert failures == {
        f"{url}/zcwj/found.html": f"redirected off-site to {ELSEWHERE}/found.html",
        f"{url}/zcwj/temporary.html": f"redirected off-site to {ELSEWHERE}/temporary.html",
        f"{url}/zcwj/moved.html": f"redirected off-site to {ELSEWHERE}/moved.html",
    }
    with Store.in_dir(data_dir) as store:
        for page in failures:
            state = store.url_state(page)
            assert (
                state is not None
                and "redirected off-site" in (state.last_error or "")
                and state.last_status == "failed"
            ), page
