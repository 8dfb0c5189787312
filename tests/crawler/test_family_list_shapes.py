"""List pages as real CMS columns print them: blocks, dynamic branches, lists in scripts, JSONP, paging by number.

Each test reads one list page offline with a family's config, as the crawler
does; the mirror's family columns end to end are in test_families.py.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

from crawler.families import ListResponse, read_list_page, recognise
from crawler.urls import canonical_url
from tests.crawler.families_helpers import BASE, site


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
