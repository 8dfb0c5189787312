"""`policy update` on the mirror: the issue's done-when, conditional requests, the lock and the runs table."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import pytest

from corpus.store import Store
from crawler.config import sites_dir
from tests.conftest import copy_data, run_policy


def detail_paths(root) -> list[str]:
    return sorted("/" + p.relative_to(root).as_posix() for p in root.glob("kjj/zcwj/20*/*.html"))


def fetched(server, start: int = 0) -> list[str]:
    return [path for method, path, status in server.requests[start:] if method == "GET"]


def update(data_dir, url, tmp_path, n: int, *extra: str, env: dict | None = None):
    report = tmp_path / f"r{n}.json"
    result = run_policy(
        "update",
        "--site",
        "mirror",
        "--report",
        str(report),
        *extra,
        data_dir=data_dir,
        env={"POLICY_MIRROR_URL": url, **(env or {})},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(report.read_text(encoding="utf-8")), result


def test_first_run_stores_all_second_fetches_nothing_third_sees_one_change(mirror_nights, tmp_path):
    """The first two nights are the run's ``mirror_nights`` (conftest); the third runs on a copy of the store."""
    nights = mirror_nights
    root, server, url = nights.root, nights.server, nights.url
    docs = detail_paths(root)

    [(out1, r1), (out2, r2)] = nights.runs
    assert out1.returncode == 0, out1.stdout + out1.stderr
    assert out2.returncode == 0, out2.stdout + out2.stderr
    assert set(r1) == {"sites", "new_documents"}
    assert set(r1["sites"]["mirror"]) == {
        "requests",
        "pages",
        "new",
        "changed",
        "unchanged",
        "failed",
        "blocked",
        "failures",
        "blocked_pages",
        "limits",
        "pending",
    }
    assert r1["sites"]["mirror"]["new"] == len(docs) and r1["sites"]["mirror"]["failed"] == 0
    assert r1["sites"]["mirror"]["failures"] == r1["sites"]["mirror"]["blocked_pages"] == []
    assert sorted(d["url"].removeprefix(url) for d in r1["new_documents"]) == docs
    assert all(set(d) == {"url", "title", "issuer", "published"} and d["title"] for d in r1["new_documents"])
    assert f"{len(docs)} new" in out1.stdout
    with Store.in_dir(nights.first_night) as store:
        assert store.count_documents() == len(docs)

    assert r2["sites"]["mirror"]["new"] == 0 and r2["sites"]["mirror"]["changed"] == 0
    assert r2["sites"]["mirror"]["pages"] == 0 and r2["new_documents"] == []
    assert not set(nights.night_2_fetched) & set(docs), "the second run fetched a detail page"

    # the CMS republishes the newest notice: its text changes and its list entry shows the new date
    target = root / "kjj/zcwj/202406/t20240612_4412.html"
    html = target.read_text(encoding="utf-8")
    assert "每年组织100场左右" in html
    listing = root / "kjj/zcwj/index.html"
    lst = listing.read_text(encoding="utf-8")
    lst2 = re.sub(r'(t20240612_4412\.html.*?<span class="date">)2024-06-12', r"\g<1>2024-07-01", lst, count=1)
    assert lst2 != lst
    data_dir = copy_data(nights.data_dir, tmp_path)  # the store as the second night left it
    try:
        target.write_text(html.replace("每年组织100场左右", "每年组织200场左右"), encoding="utf-8")
        listing.write_text(lst2, encoding="utf-8")
        mark = len(server.requests)
        r3, _ = update(data_dir, url, tmp_path, 3)
    finally:  # the run's site as it was, for the tests after this one
        target.write_text(html, encoding="utf-8")
        listing.write_text(lst, encoding="utf-8")
    assert r3["sites"]["mirror"]["changed"] == 1 and r3["sites"]["mirror"]["new"] == 0
    assert [p for p in fetched(server, mark) if p in docs] == ["/kjj/zcwj/202406/t20240612_4412.html"]
    with Store.in_dir(data_dir) as store:
        versions = store.page_versions(f"{url}/kjj/zcwj/202406/t20240612_4412.html")
        assert len(versions) == 2
        assert "100场".encode() in versions[0].body and "200场".encode() in versions[1].body
        assert store.count_documents() == len(docs)
        runs = store.runs()
        assert [r["command"] for r in runs[:3]] == ["update mirror"] * 3
        assert runs[0]["report"]["sites"]["mirror"]["changed"] == 1 and runs[0]["finished_at"]


def test_recheck_sends_conditional_requests(mirror_nights, tmp_path):
    """With recheck_days = 0 every known page is asked again with If-None-Match: 304 costs no body.

    The first night is the run's (``mirror_nights``, conftest; recheck_days only counts for pages a
    night already knows); the next two run on a copy of its store, with the recheck every night.
    """
    root, server, url = mirror_nights.root, mirror_nights.server, mirror_nights.url
    first, _ = mirror_nights.runs[0]
    assert first.returncode == 0, first.stdout + first.stderr
    data_dir = copy_data(mirror_nights.first_night, tmp_path)
    sites = tmp_path / "sites"
    sites.mkdir()
    toml = (sites_dir() / "mirror.toml").read_text(encoding="utf-8")
    (sites / "mirror.toml").write_text(
        re.sub(r"recheck_days = \d+", "recheck_days = 0", toml), encoding="utf-8"
    )
    env = {"POLICY_SITES_DIR": str(sites)}
    docs = detail_paths(root)

    mark = len(server.requests)
    r2, _ = update(data_dir, url, tmp_path, 2, env=env)
    answers = {path: status for method, path, status in server.requests[mark:] if path in docs}
    assert answers and set(answers.values()) == {304}
    assert r2["sites"]["mirror"]["pages"] == 0 and r2["sites"]["mirror"]["unchanged"] >= len(answers)

    target = root / "kjj/zcwj/202406/t20240612_4412.html"
    html = target.read_text(encoding="utf-8")
    try:
        target.write_text(html.replace("每年组织100场左右", "每年组织200场左右"), encoding="utf-8")
        r3, _ = update(data_dir, url, tmp_path, 3, env=env)
    finally:  # the run's site as it was, for the tests after this one
        target.write_text(html, encoding="utf-8")
    assert r3["sites"]["mirror"]["changed"] == 1 and r3["sites"]["mirror"]["pages"] == 1


def test_a_second_update_exits_at_once_while_one_runs(data_dir):
    from crawler.lock import RunLock

    with RunLock(data_dir):
        started = time.monotonic()
        result = run_policy("update", "--site", "mirror", data_dir=data_dir)
        assert time.monotonic() - started < 20
    assert result.returncode == 1
    assert result.stderr.startswith("error: another policy update is running (pid ")
    assert "Traceback" not in result.stderr


def test_lock_is_released_when_its_holder_is_killed(data_dir):
    from crawler.lock import LockBusy, RunLock

    code = f"from crawler.lock import RunLock; import time\nwith RunLock({str(data_dir)!r}):\n print('held', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockBusy, match=f"pid {holder.pid}"):
            with RunLock(data_dir):
                pass
    finally:
        holder.kill()
        holder.wait()
    with RunLock(data_dir):
        pass


def test_unknown_site_is_one_line_error(data_dir):
    result = run_policy("update", "--site", "nosuch", data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("error: no site config 'nosuch'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_broken_config_is_reported_and_the_other_sites_still_run(mirror_url, tmp_path, data_dir):
    sites = tmp_path / "sites"
    sites.mkdir()
    toml = (sites_dir() / "mirror.toml").read_text(encoding="utf-8")
    (sites / "mirror.toml").write_text(toml.replace("enabled = false", "enabled = true"), encoding="utf-8")
    (sites / "broken.toml").write_text('name = "broken"\nbase_url = "ftp://x"\n', encoding="utf-8")
    result = run_policy(
        "update", data_dir=data_dir, env={"POLICY_SITES_DIR": str(sites), "POLICY_MIRROR_URL": mirror_url}
    )
    assert result.returncode == 1
    assert f"error: {sites / 'broken.toml'}: base_url: must be an http(s) URL" in result.stderr
    assert "mirror: " in result.stdout and "skipped a broken site config" in result.stdout
    with Store.in_dir(data_dir) as store:
        assert store.count_documents() >= 5


def test_update_relinks_once_right_before_indexing(mirror_nights):
    """One relink a night (the crawl's store no longer relinks when it closes), and before the index.

    Only the command layer relinks (tests/test_architecture.py keeps the lower packages from
    importing ``reasoning.relinking``), and it says so on stderr each time.
    """
    [(out, _), (second, _)] = mirror_nights.runs  # two nights on a fresh store (conftest)
    assert out.returncode == 0 and second.returncode == 0, out.stderr + second.stderr
    data_dir = mirror_nights.first_night  # the store and index as the first night left them
    assert out.stderr.count("relinked ") == 1, out.stderr
    with Store.in_dir(data_dir) as store:
        ids = [r["id"] for r in store.db.execute("SELECT id FROM documents")]
        assert ids and all(store.status(doc_id) for doc_id in ids)
        statuses = {doc_id: store.status(doc_id)["status"] for doc_id in ids}
    # the index was built after the relink: every hit carries the status the relink decided
    hits = json.loads(run_policy("search", "科技", "--json", "--limit", "50", data_dir=data_dir).stdout)[
        "hits"
    ]
    assert hits and all(h["status"]["status"] == statuses[h["doc_id"]] for h in hits)
    assert {h["status"]["status"] for h in hits} - {"unknown"}  # decided, not the default
    # a second night with nothing new relinks once again (statuses move with the date), still once
    assert second.stderr.count("relinked ") == 1, second.stderr
