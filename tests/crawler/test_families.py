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
from crawler.urls import canonical_url
from tests.conftest import run_policy

HOST = "127.0.0.1:9"
BASE = f"http://{HOST}"


@pytest.fixture
def columns() -> FamilySite:
    templates = [p.read_bytes() for p in sorted(site_root().glob("kjj/zcwj/20*/*.html"))]
    return FamilySite.create(templates, 12)


def site(family: str, start: str, **params):
    raw = {"name": f"t-{family}", "family": family, "base_url": BASE, "start_urls": [start]}
    if params:
        raw[family] = params
    return parse_site(raw, Path("t.toml"))


def page(url: str, body: bytes) -> ListResponse:
    return ListResponse(url=url, text=body.decode("utf-8"))


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


def test_a_list_split_in_blocks_is_one_list_and_trs_static_pages_lead_to_the_api():
    """TRS 集约化 "动静结合": the first static pages all in the markup, one block shown at a time."""
    blocks = "".join(
        f'<div ms-visible="$showStatic({b + 1})"><ul>'
        + "".join(
            f'<li><a href="./2024{b + 1:02d}/t2024{b + 1:02d}0{i + 1}_{b * 10 + i}.htm" title="关于第{b}组第{i}项工作情况的通报">'
            f"关于第{b}组第{i}项工作情况的通报</a><span>2024-{b + 1:02d}-0{i + 1}</span></li>"
            for i in range(3)
        )
        + "</ul></div>"
        for b in range(2)
    )
    html = (
        "<html><body><ul class='nav'><li><a href='/'>首页</a></li></ul>"
        f"<div class='list_base'><div ms-visible='showStatic'>{blocks}</div></div>"
        "<script>var SiteInfo = {searchId: 200210, // the search channel\n siteId: 1};</script>"
        '<script>var pageChnlInfo={maxStaticIndex: 2, classsql: "" || "chnlid=17", recordCount:\'20\','
        " sortfield:'-docorderpri,-docreltime', prepage:3};\n"
        "listModel({maxStaticIndex: pageChnlInfo.maxStaticIndex, listArgs: {channelid: SiteInfo.searchId,"
        " classsql: pageChnlInfo.classsql, sortfield: pageChnlInfo.sortfield||'-docreltime', classsort: 0},"
        ' listApi: {url: "/fjdzapp/search"}, pagebar: {recordCount: pageChnlInfo.recordCount,'
        " prepage: pageChnlInfo.prepage||15}})</script></body></html>"
    )
    resp = ListResponse(url=f"{BASE}/zwgk/tzgg/", text=html)
    assert recognise(resp)[0] == "trs"
    read = read_list_page(resp, site("trs", "/zwgk/tzgg/"))
    assert len(read.entries) == 6 and read.entries[4].date == "2024-02-02"
    (nxt,) = read.next
    assert nxt.url == f"{BASE}/fjdzapp/search" and nxt.method == "POST"
    assert dict(nxt.form) == {
        "channelid": "200210",
        "classsql": "chnlid=17",
        "sortfield": "-docorderpri,-docreltime",
        "classsort": "0",
        "page": "3",
        "prepage": "3",
    }


def test_trs_dynamic_list_takes_the_branch_its_template_chose():
    """A 集约化 "动态" list: no entries in the markup, the API's classsql set in an if/else on the column name."""
    html = (
        "<html><body><div class='nav'><a href='/a/'>政府信息公开</a><a href='/b/'>政策文件库</a>"
        "<a href='/c/'>政府工作报告</a></div>"
        "<script>var SiteInfo = {searchId: 200210};</script><script>"
        "require(['list2.trsapi'], function (listModel) {\n"
        ' var classsql = "(parentid,chnlid+=1823,1846)";//默认\n'
        " if('规范性文件' == '管委会文件'){\n }\n"
        " else if ('规范性文件' == '规范性文件库') {\n  classsql = \"chnlid=1882*efftype=02,03\";\n }"
        ' else {\n  classsql= "" || "chnlid=1367";\n }\n'
        ' var list = listModel({quickMode: "动态", listArgs: {channelid: SiteInfo.searchId,'
        ' classsql: classsql, sortfield: "-pubdate"}, pagebar: {pgTemp: "x.html", prepage: 10}});'
        "});</script></body></html>"
    )
    resp = ListResponse(url=f"{BASE}/zwgk/gfxwj/", text=html)
    read = read_list_page(resp, site("trs", "/zwgk/gfxwj/"))
    assert read.entries == [] and read.shell
    (nxt,) = read.next
    assert nxt.method == "POST" and nxt.url == f"{BASE}/fjdzapp/search"
    assert dict(nxt.form) == {
        "channelid": "200210",
        "classsql": "chnlid=1367",
        "sortfield": "-pubdate",
        "page": "1",
        "prepage": "10",
    }


def test_a_list_carried_in_a_script_variable():
    """No list markup: the entries are in ``var listData = {articleList: [...]}``, more than the page shows."""
    items = ",".join(
        f"{{title:'关于第{i}批科技计划项目验收结果的公示',url:'/kjj/tzgg/2024{i:02d}/t2024{i:02d}01_{i}.html',"
        f'"pubDate":"2024-{i:02d}-01"}}'
        for i in range(1, 13)
    )
    html = (
        "<html><body><div id='list'></div><script>var listData = {total: 12, articleList: ["
        + items
        + "]}; render(listData.articleList.slice(0, 10));</script></body></html>"
    )
    read = read_list_page(ListResponse(url=f"{BASE}/kjj/tzgg/", text=html), site("generic", "/kjj/tzgg/"))
    assert len(read.entries) == 12
    assert read.entries[2].as_json() == {
        "title": "关于第3批科技计划项目验收结果的公示",
        "url": f"{BASE}/kjj/tzgg/202403/t20240301_3.html",
        "date": "2024-03-01",
    }
    strings = "".join(
        f"'<li><a href=\"./{i}.html\">关于开展第{i}批高新技术企业认定工作的通知</a><span>2024-05-0{i}</span></li>',"
        for i in range(1, 4)
    )
    html = f"<html><body><script>var rows = [{strings}];</script></body></html>"
    read = read_list_page(ListResponse(url=f"{BASE}/kjj/tzgg/", text=html), site("generic", "/kjj/tzgg/"))
    assert [e.date for e in read.entries] == ["2024-05-01", "2024-05-02", "2024-05-03"]


def test_hanweb_datastore_holding_the_whole_list_in_one_block():
    """A build without <record>: one CDATA block of <li>; the proxy's next range counts the entries."""
    lis = "".join(
        f'<li><a class="font14" href="/art/2026/7/{14 - i}/art_5301_{i}.html">关于发布第{i}号航行警告的通告</a>'
        f"<span>2026-07-{14 - i:02d}</span></li>"
        for i in range(1, 16)
    )
    html = f'<div id="8"><script type="text/xml"><datastore><![CDATA[{lis}]]></datastore></script></div>'
    cfg = site("hanweb", "/col/col5301/index.html", unitid="8")
    read = read_list_page(ListResponse(url=f"{BASE}/col/col5301/index.html", text=html), cfg)
    assert len(read.entries) == 15 and read.entries[0].date == "2026-07-13"
    assert dict(parse_qsl(urlsplit(read.next[0].url).query))["startrecord"] == "16"


def test_a_script_list_with_keys_nobody_named_is_read_by_its_values():
    objs = ",".join(
        f'{{"aT": "关于做好第{i}项传染病防控工作的通知", "aPd": "2026-09-2{i} 17:00", "aU": "/c100/t2026092{i}_{i}.html"}}'
        for i in range(1, 4)
    )
    html = f"<html><body><script>var itemObj = [{objs}];</script></body></html>"
    read = read_list_page(
        ListResponse(url=f"{BASE}/c100/list.html", text=html), site("generic", "/c100/list.html")
    )
    assert [(e.url, e.date) for e in read.entries] == [
        (f"{BASE}/c100/t2026092{i}_{i}.html", f"2026-09-2{i}") for i in range(1, 4)
    ]
    assert read.entries[0].title == "关于做好第1项传染病防控工作的通知"


def test_a_datastore_answered_as_jsonp_pages_by_get_with_its_own_parameters():
    """A jpage clone (南通's TRUECMS) wraps the datastore in JSONP, escaped as a JSON string.

    The range is asked by GET with the column in the query: the next range is the same request
    with only startrecord/endrecord moved, and a short last range ends the column.
    """

    def answer(first: int, n: int, total: int) -> str:
        recs = "".join(
            f'<record><![CDATA[<li>\t<a href="/kjj/tzgg/content/{first + i}.html" target="_blank">'
            f"关于第{first + i}批科技型中小企业评价入库的公告</a><span>2024-05-{1 + i % 28:02d}</span></li>]]></record>"
            for i in range(n)
        )
        xml = f"<datastore><totalrecord>{total}</totalrecord><recordset>{recs}</recordset></datastore>"
        return ";raw(" + json.dumps({"result": xml}, ensure_ascii=False).replace("/", "\\/") + ")"

    cfg = site("hanweb", "/kjj/tzgg/tzgg.html")
    endpoint = f"{BASE}/truecms/messageController/getMessage.do"
    url = f"{endpoint}?callback=raw&startrecord=1&endrecord=30&perpage=10&contentTemplate=&columnId=ab-12"
    resp = ListResponse(url=url, text=answer(1, 30, 45))
    assert "<\\/record>" in resp.text and recognise(resp)[0] == "hanweb"
    read = read_list_page(resp, cfg)
    assert len(read.entries) == 30 and read.entries[0].url == f"{BASE}/kjj/tzgg/content/1.html"
    assert read.entries[0].title == "关于第1批科技型中小企业评价入库的公告"
    (nxt,) = read.next
    assert nxt.method == "GET" and nxt.url.startswith(endpoint + "?")
    assert parse_qsl(urlsplit(nxt.url).query, keep_blank_values=True) == [
        ("callback", "raw"),
        ("startrecord", "31"),
        ("endrecord", "60"),
        ("perpage", "10"),
        ("contentTemplate", ""),
        ("columnId", "ab-12"),
    ]
    last = read_list_page(ListResponse(url=nxt.url, text=answer(31, 15, 45)), cfg, 1)
    assert len(last.entries) == 15 and last.next == []


def test_attachments_under_an_entry_are_not_entries():
    """Lists that print each document's 附件 in a ``ul.fujian`` under its title: one entry per document."""
    rows = "".join(
        f'<li><a href="./2024{i:02d}/t2024{i:02d}03_{i}.html" title="关于组织申报2024年度第{i}批科技创新券的通知">'
        f"关于组织申报2024年度第{i}批科技创新券的通知</a><span>2024-{i:02d}-03</span>"
        f'<ul class="fujian"><li><a href="./2024{i:02d}/P0{i}.docx">附件1：申报表.docx</a></li>'
        f'<li><a href="./2024{i:02d}/P1{i}.pdf">附件2：第{i}批申报指南.pdf</a></li></ul></li>'
        for i in range(1, 9)
    )
    html = (
        '<html><body><div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>'
        f'<ul class="list">{rows}</ul><div class="page"><a href="index_1.html">下一页</a></div></body></html>'
    )
    read = read_list_page(ListResponse(url=f"{BASE}/tzgg/index.html", text=html), site("generic", "/tzgg/"))
    assert [e.url for e in read.entries] == [
        f"{BASE}/tzgg/2024{i:02d}/t2024{i:02d}03_{i}.html" for i in range(1, 9)
    ]
    assert read.entries[7].date == "2024-08-03" and read.next_urls == [f"{BASE}/tzgg/index_1.html"]


def test_a_hanweb_proxy_paged_by_number_over_get():
    """Newer jcms builds: ``GET dataproxy.jsp?page=1&appid=1&webid=67&path=/&columnid&unitid`` → XML."""
    recs = "".join(
        f'<record><![CDATA[<li class="cf"><a target="_blank" href="/art/2024/9/{1 + i}/art_77278_{900 + i}.html" '
        f'title="省科技厅关于公布第{i + 1}批省级新型研发机构名单的通知">省科技厅关于公布第{i + 1}批…</a>'
        f"<span>2024-09-{1 + i:02d}</span></li>]]></record>"
        for i in range(20)
    )
    body = f"<datastore><totalrecord>45</totalrecord><totalpage>3</totalpage><recordset>{recs}</recordset></datastore>"
    query = "page=1&appid=1&webid=67&path=/&columnid=77278&unitid=303271&permissiontype=0"
    url = f"{BASE}/module/web/jpage/dataproxy.jsp?{query}"
    cfg = site("hanweb", "/col/col77278/index.html")
    read = read_list_page(ListResponse(url=url, text=body), cfg)
    assert (
        len(read.entries) == 20 and read.entries[0].title == "省科技厅关于公布第1批省级新型研发机构名单的通知"
    )
    (nxt,) = read.next
    assert nxt.method == "GET" and nxt.url == canonical_url(url.replace("page=1&", "page=2&"))
    # the last page: neither totalpage nor totalrecord says there is more
    last = read_list_page(
        ListResponse(url=url.replace("page=1&", "page=3&"), text=body.replace(recs, recs[:600])), cfg, 2
    )
    assert last.next == []


def test_gkmlpt_answer_sized_by_its_classify_post_count():
    """Some gkmlpt answers print no ``total``: the column's size is ``classify.post_count``."""
    articles = [
        {
            "id": 3255400 + i,
            "title": f"关于公布2024年第{i + 1}批高新技术企业认定名单的通知",
            "date": 1717200000 + i * 86400,
            "url": f"{BASE}/kjj/gkmlpt/content/3/3255/post_{3255400 + i}.html",
            "identifier": f"11441200MB2C91453G/2024-{i:05d}",
        }
        for i in range(5)
    ]
    cfg = site("gkmlpt", "/kjj/gkmlpt/index", column="21023", sid="758019")
    url = f"{BASE}/kjj/gkmlpt/api/all/21023?page=1&sid=758019"
    body = {"classify": {"id": 21023, "name": "通知公告", "post_count": 12}, "articles": articles}
    read = read_list_page(ListResponse(url=url, text=json.dumps(body, ensure_ascii=False)), cfg)
    assert len(read.entries) == 5 and read.entries[0].date == "2024-06-01"
    assert read.next_urls == [f"{BASE}/kjj/gkmlpt/api/all/21023?page=2&sid=758019"]
    body["classify"]["post_count"] = 5
    read = read_list_page(ListResponse(url=url, text=json.dumps(body, ensure_ascii=False)), cfg)
    assert read.next == []


def _truecms_script(records: str = "") -> str:
    store = f"dataStore:'<datastore><recordset>{records}</recordset></datastore>'," if records else ""
    return (
        "<script>$(document).ready(function(){ $('#content').jpage({ dataBefore:'<ul>', dataAfter:'</ul>',"
        f"{store} totalRecord:835, proxyUrl:'{BASE}/TrueCMS/messageController/getMessage.do',"
        " perPage:10, groupSize:3, barPosition:'bottom', ajaxParam:{ columnId:'82e1eed4-ef97' } }); });</script>"
    )


def test_a_jpage_clone_column_page_leads_to_its_proxy_by_get():
    """TRUECMS column pages: the records in the jpage settings (or in ``#initData`` markup), the proxy by GET."""
    li = [
        f'<li><a href="/kjj/zcfg/content/{i:04d}.html">关于印发第{i}号科技创新政策实施细则的通知</a>'
        f"<span>2024-{1 + i % 12:02d}-{1 + i % 28:02d}</span></li>"
        for i in range(60)
    ]
    cfg = site("hanweb", "/kjj/zcfg/zcfg.html")
    url = f"{BASE}/kjj/zcfg/zcfg.html"
    proxy = f"{BASE}/TrueCMS/messageController/getMessage.do"
    records = "".join(f"<record><![CDATA[{x}]]></record>" for x in li[:30])
    resp = ListResponse(
        url=url, text=f"<html><body><div id='content'></div>{_truecms_script(records)}</body></html>"
    )
    read = read_list_page(resp, cfg)
    assert len(read.entries) == 30 and read.entries[0].url == f"{BASE}/kjj/zcfg/content/0000.html"
    (nxt,) = read.next
    assert nxt.method == "GET" and nxt.url.startswith(proxy + "?")
    assert dict(parse_qsl(urlsplit(nxt.url).query)) == {
        "startrecord": "31",
        "endrecord": "60",
        "perpage": "10",
        "columnId": "82e1eed4-ef97",
    }
    markup = (
        "<html><body><div id='initData' style='display:none'><ul>"
        + "".join(li)
        + "</ul></div><div id='content'></div>"
        + _truecms_script()
        + "</body></html>"
    )
    assert recognise(ListResponse(url=url, text=markup))[0] == "hanweb"
    read = read_list_page(ListResponse(url=url, text=markup), cfg)
    assert len(read.entries) == 60
    assert [dict(parse_qsl(urlsplit(n.url).query))["startrecord"] for n in read.next] == ["61"]
