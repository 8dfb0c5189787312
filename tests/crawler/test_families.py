"""CMS families read the mirror's family columns as the real CMSs serve them, offline and end to end."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest

from crawler.config import load_site, parse_site
from crawler.families import FAMILIES, ListResponse, read_list_page, recognise
from crawler.familysite import GKMLPT_SID, HANWEB_UNIT, FamilySite
from crawler.mirror import serve_in_thread, site_root
from tests.conftest import run_policy
from tests.crawler.families_helpers import BASE, HOST, page, site


@pytest.fixture
def columns() -> FamilySite:
    templates = [p.read_bytes() for p in sorted(site_root().glob("kjj/zcwj/20*/*.html"))]
    return FamilySite.create(templates, 12)


def test_trs_list_and_pager_inside_a_comment(columns):
    url = f"{BASE}/trs/zcwj/index.html"
    resp = page(url, columns.trs_list(0, HOST))
    assert recognise(resp)[0] == "trs"
    read = read_list_page(resp, site("trs", "/trs/zcwj/index.html"))
    newest = columns.newest_first("trs")[0]
    first = read.entries[0]
    # the title cut with … in the link text is whole in the title attribute
    assert first.title == newest.title and "…" not in first.title
    # the date shown, not the date in the URL
    assert first.date == newest.day.isoformat() and first.url.endswith(newest.path)
    assert newest.day.strftime("%Y%m%d") not in first.url
    assert f"{BASE}/kjj/zcwj/202406/t20240605_4390.html" in [e.url for e in read.entries]
    assert len(read.entries) == 6
    assert read.next_urls == [f"{BASE}/trs/zcwj/index_1.html"]
    last = read_list_page(
        page(f"{BASE}/trs/zcwj/index_2.html", columns.trs_list(2, HOST)), site("trs", "/trs/zcwj/")
    )
    assert len(last.entries) == 2 and last.next_urls == []


def test_hanweb_datastore_then_dataproxy_post(columns):
    cfg = site("hanweb", "/col/col1001/index.html", columnid="1001", unitid=HANWEB_UNIT, perpage=3, group=2)
    resp = page(f"{BASE}/col/col1001/index.html", columns.hanweb_column())
    assert recognise(resp)[0] == "hanweb"
    read = read_list_page(resp, cfg)
    docs = columns.newest_first("hanweb")
    assert [e.url for e in read.entries] == [BASE + d.path for d in docs[:6]]
    assert read.entries[0].date == docs[0].day.isoformat()
    (nxt,) = read.next
    assert nxt.method == "POST"
    assert dict(parse_qsl(urlsplit(nxt.url).query)) == {"startrecord": "7", "endrecord": "12", "perpage": "3"}
    assert {"columnid": "1001", "unitid": HANWEB_UNIT}.items() <= dict(nxt.form).items()
    # the proxy answers an overlapping range and says totalpage 1: the records decide
    status, body = columns.hanweb_proxy(urlsplit(nxt.url).query, "&".join(f"{k}={v}" for k, v in nxt.form))
    assert status == 200 and b"<totalpage>1</totalpage>" in body
    second = read_list_page(ListResponse(url=nxt.url, text=body.decode(), form=nxt.form), cfg, 1)
    assert [e.url for e in second.entries] == [BASE + d.path for d in docs[4:12]]
    assert dict(parse_qsl(urlsplit(second.next[0].url).query))["startrecord"] == "13"
    status, body = columns.hanweb_proxy("startrecord=13&endrecord=18&perpage=3", "columnid=1001&unitid=5002")
    end = read_list_page(
        ListResponse(
            url=f"{BASE}/module/web/jpage/dataproxy.jsp?startrecord=13&endrecord=18&perpage=3",
            text=body.decode(),
        ),
        cfg,
        2,
    )
    assert end.entries == [] and end.next == []


def test_hanweb_values_come_from_the_page_when_the_config_has_none(columns):
    read = read_list_page(
        page(f"{BASE}/col/col1001/index.html", columns.hanweb_column()), site("hanweb", "/col/col1001/")
    )
    form = dict(read.next[0].form)
    assert form["columnid"] == "1001" and form["unitid"] == HANWEB_UNIT and form["webid"] == "1"
    # perpage from the page's script, the group from the records it embeds (6 = 2 pages of 3)
    assert dict(parse_qsl(urlsplit(read.next[0].url).query)) == {
        "startrecord": "7",
        "endrecord": "12",
        "perpage": "3",
    }


def test_gkmlpt_page_leads_to_its_json_api(columns):
    cfg = site("gkmlpt", "/gkmlpt/index", column="2907", per_page=5)
    shell = read_list_page(page(f"{BASE}/gkmlpt/index", columns.gkmlpt_index()), cfg)
    assert shell.shell and shell.entries == []
    assert shell.next_urls == [f"{BASE}/gkmlpt/api/all/2907?page=1&sid={GKMLPT_SID}"]
    status, body = columns.gkmlpt_api("2907", f"page=1&sid={GKMLPT_SID}")
    api = ListResponse(url=shell.next_urls[0], text=body.decode().replace("@@HOST@@", HOST))
    assert recognise(api)[0] == "gkmlpt"
    read = read_list_page(api, cfg, 1)
    docs = columns.newest_first("gkmlpt")
    assert [(e.url, e.title, e.date) for e in read.entries] == [
        (BASE + d.path, d.title, d.day.isoformat()) for d in docs[:5]
    ]
    assert read.next_urls == [f"{BASE}/gkmlpt/api/all/2907?page=2&sid={GKMLPT_SID}"]
    status, body = columns.gkmlpt_api("2907", f"page=3&sid={GKMLPT_SID}")
    last = read_list_page(
        ListResponse(url=f"{BASE}/gkmlpt/api/all/2907?page=3&sid={GKMLPT_SID}", text=body.decode()), cfg, 2
    )
    assert len(last.entries) == 2 and last.next == []


def test_govcn_home_pages(columns):
    read = read_list_page(
        page(f"{BASE}/zhengce/zuixin/home.htm", columns.govcn_list(0)),
        site("govcn", "/zhengce/zuixin/home.htm"),
    )
    assert len(read.entries) == 5 and read.next_urls == [f"{BASE}/zhengce/zuixin/home_1.htm"]
    read = read_list_page(
        page(f"{BASE}/zhengce/zuixin/home_1.htm", columns.govcn_list(1)),
        site("govcn", "/zhengce/zuixin/home.htm"),
        1,
    )
    assert read.next_urls == [f"{BASE}/zhengce/zuixin/home_2.htm"]


def test_shipped_configs_name_their_family():
    assert {load_site(f"mirror-{f}").family for f in ("trs", "hanweb", "gkmlpt", "govcn")} == {
        "trs",
        "hanweb",
        "gkmlpt",
        "govcn",
    }


def _shipped() -> list[Path]:
    return sorted((Path(__file__).resolve().parents[2] / "crawler" / "sites").glob("*.toml"))


@pytest.mark.parametrize("path", _shipped(), ids=lambda p: p.stem)
def test_every_shipped_config_names_a_known_family(path):
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    # written in the file, not left to the default: the family decides how the site is paged
    assert raw.get("family") in FAMILIES, path.name
    assert load_site(str(path)).family == raw["family"]


@pytest.mark.parametrize(
    "path", [p for p in _shipped() if not p.stem.startswith("mirror")], ids=lambda p: p.stem
)
def test_shipped_configs_page_a_page_of_their_family_offline(path, columns):
    """A real site's config read against a page built the way its family builds pages, offline.

    The shipped selectors were written without the live sites (they are UNVERIFIED), so only the
    family's part is checked here: the config parses and its family leads from the first page to
    the second, whatever the selectors find.
    """
    cfg = load_site(str(path))
    pages = {
        "trs": ("/trs/zcwj/index.html", columns.trs_list(0, HOST), f"{BASE}/trs/zcwj/index_1.html"),
        "govcn": ("/zhengce/zuixin/home.htm", columns.govcn_list(0), f"{BASE}/zhengce/zuixin/home_1.htm"),
        "hanweb": (
            "/col/col1001/index.html",
            columns.hanweb_column(),
            f"{BASE}/module/web/jpage/dataproxy.jsp",
        ),
        "gkmlpt": ("/gkmlpt/index", columns.gkmlpt_index(), f"{BASE}/gkmlpt/api/all/"),
    }
    if cfg.family == "generic":
        # no family paging: the config's own rules must still read a page without error
        read = read_list_page(page(f"{BASE}/trs/zcwj/index.html", columns.trs_list(0, HOST)), cfg)
        assert read.family == "generic"
        return
    where, body, second = pages[cfg.family]
    read = read_list_page(page(BASE + where, body), cfg)
    assert read.family == cfg.family
    assert any(url.startswith(second) for url in read.next_urls), (cfg.name, read.next_urls)


# -- end to end: real Scrapy over 127.0.0.1, twice ------------------------------------------------------

SITES = ("mirror-trs", "mirror-hanweb", "mirror-gkmlpt", "mirror-govcn")


def _update(data_dir, url, tmp_path, n):
    report = tmp_path / f"r{n}.json"
    args = ["update", "--report", str(report)]
    for name in SITES:
        args += ["--site", name]
    result = run_policy(*args, data_dir=data_dir, env={"POLICY_MIRROR_URL": url}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(report.read_text(encoding="utf-8"))["sites"]


def test_every_family_crawls_end_to_end_then_only_what_changed(data_dir, tmp_path):
    server, url = serve_in_thread()
    try:
        columns: FamilySite = server.families
        r1 = _update(data_dir, url, tmp_path, 1)
        # every document of every column, and the other column's page the TRS list links
        assert {name: r1[name]["new"] for name in SITES} == {
            "mirror-trs": 13,
            "mirror-hanweb": 12,
            "mirror-gkmlpt": 12,
            "mirror-govcn": 12,
        }
        assert all(r1[name]["failed"] == 0 for name in SITES)
        posts = [dict(parse_qsl(form)) for _, form in server.posts]
        assert posts and all(p["columnid"] == "1001" and p["unitid"] == HANWEB_UNIT for p in posts)

        start = len(server.requests)
        columns.grow()
        revised = {fam: columns.revise(fam, 10) for fam in ("trs", "hanweb", "gkmlpt", "govcn")}
        r2 = _update(data_dir, url, tmp_path, 2)
        for name in SITES:
            assert (r2[name]["new"], r2[name]["changed"], r2[name]["failed"]) == (1, 1, 0), (
                name,
                r2,
                server.requests[start:],
            )
        details = {
            path
            for method, path, status in server.requests[start:]
            if method == "GET" and not any(k in path for k in ("index", "home", "/api/", "col/col", "robots"))
        }
        newest = {fam: columns.newest_first(fam)[0].path for fam in revised}
        assert details == set(newest.values()) | {d.path for d in revised.values()}
    finally:
        server.shutdown()
        server.server_close()


# -- the commands: check-site --list-file, add-site ----------------------------------------------------


def test_check_site_reads_a_saved_page_offline(columns, tmp_path):
    saved = tmp_path / "col.html"
    saved.write_bytes(columns.hanweb_column())
    result = run_policy(
        "check-site", "mirror-hanweb", "--list-file", str(saved), "--json", env={"POLICY_MIRROR_URL": BASE}
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    docs = columns.newest_first("hanweb")
    assert [e["url"] for e in out["entries"]] == [BASE + d.path for d in docs[:6]]
    assert (
        out["entries"][0]["title"] == docs[0].title and out["entries"][0]["date"] == docs[0].day.isoformat()
    )
    assert out["next_pages"] == [
        f"{BASE}/module/web/jpage/dataproxy.jsp?startrecord=7&endrecord=12&perpage=3"
    ]
    assert out["next_requests"][0]["method"] == "POST" and "unitid=5002" in out["next_requests"][0]["body"]


def test_add_site_recognises_the_family_and_check_site_reads_with_its_config(columns, tmp_path):
    sites = tmp_path / "sites"
    cases = {
        "hanweb": (f"{BASE}/col/col1001/index.html", columns.hanweb_column()),
        "trs": (f"{BASE}/trs/zcwj/index.html", columns.trs_list(0, HOST)),
        "gkmlpt": (f"{BASE}/gkmlpt/index#2907", columns.gkmlpt_index()),
    }
    for family, (url, body) in cases.items():
        saved = tmp_path / f"{family}.html"
        saved.write_bytes(body)
        added = run_policy(
            "add-site",
            url,
            "--list-file",
            str(saved),
            "--name",
            f"x-{family}",
            env={"POLICY_SITES_DIR": str(sites)},
        )
        assert added.returncode == 0, added.stderr
        assert f"family {family} (recognised)" in added.stdout
        cfg = load_site(str(sites / f"x-{family}.toml"))
        assert cfg.family == family and cfg.verified is False
    assert load_site(str(sites / "x-gkmlpt.toml")).param("column") == "2907"
    assert load_site(str(sites / "x-gkmlpt.toml")).param("sid") == GKMLPT_SID
    hanweb = load_site(str(sites / "x-hanweb.toml"))
    assert (hanweb.param("columnid"), hanweb.param("unitid")) == ("1001", HANWEB_UNIT)
    checked = run_policy(
        "check-site",
        "x-trs",
        "--list-file",
        str(tmp_path / "trs.html"),
        "--json",
        env={"POLICY_SITES_DIR": str(sites)},
    )
    out = json.loads(checked.stdout)
    assert len(out["entries"]) == 6 and out["next_pages"] == [f"{BASE}/trs/zcwj/index_1.html"]
    again = run_policy(
        "add-site",
        cases["trs"][0],
        "--list-file",
        str(tmp_path / "trs.html"),
        "--name",
        "x-trs",
        env={"POLICY_SITES_DIR": str(sites)},
    )
    assert again.returncode == 1 and "exists" in again.stderr and len(again.stderr.splitlines()) == 1


def test_add_site_infers_selectors_when_no_family_fits(tmp_path):
    html = (
        """<html><head><title>通知公告_某某市科学技术局</title></head><body>
    <ul class="nav"><li><a href="/">首页</a></li><li><a href="/tzgg/">通知公告</a></li></ul>
    <div class="box"><table class="lb">"""
        + "".join(
            f'<tr><td class="t"><a href="/tzgg/{i}.jsp" title="关于开展第{i}批科技型企业评价工作的通知">关于开展第{i}批科技型…</a></td>'
            f"<td>[2024-0{1 + i % 9}-1{i}]</td></tr>"
            for i in range(8)
        )
        + """</table><div class="pg"><a href="list.jsp?page=2">2</a><a href="list.jsp?page=3">3</a>
    <a href="list.jsp?page=2">下一页</a></div></div></body></html>"""
    )
    saved = tmp_path / "p.html"
    saved.write_text(html, encoding="utf-8")
    added = run_policy(
        "add-site", "http://kjj.example.gov.cn/tzgg/list.jsp", "--list-file", str(saved), "--print"
    )
    assert added.returncode == 0, added.stderr
    toml = added.stdout
    assert 'family = "generic"' in toml and "[list]" in toml and "[pagination]" in toml
    assert 'province = "' not in toml  # 某某市 names no region: a question, not a guess
    assert "# QUESTION: which region" in toml
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "kjj-example-tzgg.toml").write_text(toml, encoding="utf-8")
    out = json.loads(
        run_policy(
            "check-site",
            "kjj-example-tzgg",
            "--list-file",
            str(saved),
            "--json",
            env={"POLICY_SITES_DIR": str(sites)},
        ).stdout
    )
    assert len(out["entries"]) == 8
    assert out["entries"][3] == {
        "title": "关于开展第3批科技型企业评价工作的通知",
        "url": "http://kjj.example.gov.cn/tzgg/3.jsp",
        "date": "2024-04-13",
    }
    assert out["next_pages"] == ["http://kjj.example.gov.cn/tzgg/list.jsp?page=2"]


@pytest.mark.parametrize(
    "raw, message",
    [
        ({"family": "hanwab"}, "family: unknown family 'hanwab' (did you mean hanweb?"),
        ({"family": "trs", "hanweb": {"columnid": "1"}}, "hanweb: a [hanweb] table, but family is 'trs'"),
        (
            {"family": "hanweb", "hanweb": {"colid": "1"}},
            "hanweb.colid: unknown key (did you mean hanweb.col",
        ),
        ({"family": "gkmlpt", "gkmlpt": {"sid": True}}, "gkmlpt.sid: must be a string or an integer"),
    ],
)
def test_family_mistakes_are_one_line(raw, message):
    from crawler.config import ConfigError

    with pytest.raises(ConfigError) as e:
        parse_site({"name": "x", "base_url": BASE, "start_urls": ["/"], **raw}, Path("sites/x.toml"))
    assert str(e.value).startswith("sites/x.toml: ") and message in str(e.value) and "\n" not in str(e.value)
