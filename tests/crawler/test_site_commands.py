"""`policy check-site` and `policy sites` against the mirror and broken configs."""

from __future__ import annotations

import json

from crawler.config import available_sites, sites_dir
from tests.conftest import copy_data, run_policy


def test_check_site_shows_list_entries_and_three_documents(mirror_url, data_dir):
    result = run_policy("check-site", "mirror", data_dir=data_dir, env={"POLICY_MIRROR_URL": mirror_url})
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert f"list page {mirror_url}/kjj/zcwj/index.html: HTTP 200" in out
    assert "next page: " + mirror_url + "/kjj/zcwj/index_1.html" in out
    assert out.count("\ndetail ") == 3 and out.count("  title: ") == 3
    assert "mirror: config looks right" in out
    assert not (data_dir / "policy.sqlite3").exists(), "check-site must store nothing"


def test_check_site_says_when_selectors_find_nothing(mirror_url, tmp_path, data_dir):
    sites = tmp_path / "sites"
    sites.mkdir()
    toml = (sites_dir() / "mirror.toml").read_text(encoding="utf-8")
    (sites / "mirror.toml").write_text(toml.replace('item = "ul.list li"', 'item = "ol.news li"'), "utf-8")
    result = run_policy(
        "check-site",
        "mirror",
        data_dir=data_dir,
        env={"POLICY_MIRROR_URL": mirror_url, "POLICY_SITES_DIR": str(sites)},
    )
    assert result.returncode == 1
    assert "0 entries" in result.stdout and "no entries: check [list]" in result.stdout
    assert "config needs attention" in result.stdout


def test_broken_config_is_one_line(tmp_path, data_dir):
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "bad.toml").write_text(
        'name = "bad"\nbase_url = "http://x.gov.cn"\nstart_urls = ["/"]\n[list]\nlinks = "a[href"\n', "utf-8"
    )
    result = run_policy("check-site", "bad", data_dir=data_dir, env={"POLICY_SITES_DIR": str(sites)})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"error: {sites / 'bad.toml'}: list.links: bad CSS selector"
    )
    listing = run_policy("sites", data_dir=data_dir, env={"POLICY_SITES_DIR": str(sites)})
    assert listing.returncode == 0 and "bad" in listing.stdout and "BROKEN" in listing.stdout


def test_sites_lists_configs_with_last_run_figures(mirror_nights, data_dir, tmp_path):
    before = run_policy("sites", "--json", data_dir=data_dir)
    rows = {r["name"]: r for r in map(json.loads, before.stdout.splitlines())}
    assert set(rows) == set(available_sites())
    assert {"linyi-kjj", "zibo-gov", "qingdao-kjj", "anhui-kjt"} <= set(rows)
    assert rows["linyi-kjj"]["verified"] is False and rows["linyi-kjj"]["enabled"] is True
    assert rows["mirror-hanweb"]["family"] == "hanweb" and rows["linyi-kjj"]["family"] == "generic"
    assert rows["mirror"]["last_run"] is None

    # the same store after `policy update --site mirror`: the first of the run's mirror_nights (conftest)
    update, _ = mirror_nights.runs[0]
    assert update.returncode == 0, update.stderr
    data_dir = copy_data(mirror_nights.first_night, tmp_path / "updated")
    after = run_policy("sites", data_dir=data_dir)
    line = after.stdout.split("mirror ", 1)[1].splitlines()[1]
    assert "last run " in line and " new" in line and "0 failed" in line
    rows = {
        r["name"]: r
        for r in map(json.loads, run_policy("sites", "--json", data_dir=data_dir).stdout.splitlines())
    }
    assert rows["mirror"]["last_run"]["new"] >= 5


def _sites_with_bad_neighbours(tmp_path):
    """The mirror's config beside a nested bomb, a BOM-prefixed copy and a duplicate name."""
    sites = tmp_path / "sites"
    sites.mkdir()
    mirror = (
        (sites_dir() / "mirror.toml").read_text(encoding="utf-8").replace("enabled = false", "enabled = true")
    )
    (sites / "mirror.toml").write_text(mirror, "utf-8")
    (sites / "deep.toml").write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    (sites / "mirror2.toml").write_text(mirror, "utf-8")  # name = "mirror" a second time
    bom = mirror.replace('name = "mirror"', 'name = "bommed"').replace("enabled = true", "enabled = false")
    (sites / "bommed.toml").write_bytes(b"\xef\xbb\xbf" + bom.encode("utf-8"))
    return sites


def test_a_bad_config_is_one_line_and_the_others_run(mirror_url, tmp_path, data_dir):
    sites = _sites_with_bad_neighbours(tmp_path)
    env = {"POLICY_MIRROR_URL": mirror_url, "POLICY_SITES_DIR": str(sites)}

    listing = run_policy("sites", data_dir=data_dir, env=env)
    assert listing.returncode == 0, listing.stderr
    assert "Traceback" not in listing.stderr + listing.stdout
    broken = [line for line in listing.stdout.splitlines() if "BROKEN" in line]
    assert len(broken) == 2, listing.stdout
    assert any(f"{sites / 'deep.toml'}: not valid TOML: nested too deeply" in line for line in broken)
    assert any(
        f"{sites / 'mirror2.toml'}: name: 'mirror' is already the name of {sites / 'mirror.toml'}" in line
        for line in broken
    )
    assert any(line.startswith("bommed ") for line in listing.stdout.splitlines()), "a BOM is not an error"

    update = run_policy("update", data_dir=data_dir, env=env)
    assert "Traceback" not in update.stderr + update.stdout
    assert update.returncode == 1, "a broken config makes the night's exit code 1"
    errors = [line for line in update.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2 and all("\n" not in e for e in errors)
    assert "crawling 1 site(s): mirror" in update.stderr
    assert "0 failed" in update.stdout and " new" in update.stdout
