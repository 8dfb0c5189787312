"""The mirror's family columns: one column per CMS family, served the way the real CMS serves it.

- TRS: ``/trs/zcwj/index.html``, ``index_1.html`` …: the whole list and its
  ``createPageHTML`` call inside an HTML comment, titles cut with "…" and
  whole in the ``title`` attribute, a date shown that differs from the one
  in the URL, an absolute link to another column in the middle.
- hanweb: ``/col/col1001/index.html`` with the first records in an embedded
  ``<datastore>``; the rest from ``POST /module/web/jpage/dataproxy.jsp``
  (refused without columnid and unitid in the form), answering ranges that
  overlap the one before and a ``totalpage`` that is wrong.
- gkmlpt: ``/gkmlpt/index`` printing ``SID``, the list from
  ``/gkmlpt/api/all/2907?page=N&sid=…`` as JSON (refused with another sid).
- gov.cn: ``/zhengce/zuixin/home.htm``, ``home_1.htm`` ….

Documents are the bundled sample pages, retitled and numbered; a test adds
documents (``grow``) and changes one (``revise``) between two crawls.
"""

from __future__ import annotations

import html
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import parse_qsl

FAMILY_COLUMNS = ("trs", "hanweb", "gkmlpt", "govcn")
HANWEB_COLUMN, HANWEB_UNIT, HANWEB_PERPAGE, HANWEB_GROUP = "1001", "5002", 3, 2
GKMLPT_COLUMN, GKMLPT_SID, GKMLPT_PER_PAGE = "2907", "755001", 5
PER_PAGE = 5  # TRS and gov.cn list pages
_TOPICS = (
    "关于印发《科技型中小企业创新能力提升行动方案》的通知",
    "关于组织申报2024年度科技创新券的通知",
    "关于加快推进新型研发机构建设的实施意见",
    "关于进一步支持企业研发投入的若干措施",
    "关于开展科技成果转化中试基地认定工作的通知",
    "科技企业孵化器管理办法",
)


@dataclass
class Doc:
    family: str
    n: int  # 0 is the oldest
    revision: int = 0

    @property
    def day(self) -> date:
        return date(2023, 1, 2) + timedelta(days=11 * self.n)

    @property
    def title(self) -> str:
        mark = "（修订）" if self.revision else ""
        return f"示例市科学技术局{_TOPICS[self.n % len(_TOPICS)]}（第{self.n}号）{mark}"

    @property
    def path(self) -> str:
        d, n = self.day, self.n
        if self.family == "trs":
            # the URL carries the day the page was made, the list shows the day it was published
            made = d - timedelta(days=3)
            return f"/trs/zcwj/{made:%Y%m}/t{made:%Y%m%d}_{7000 + n}.html"
        if self.family == "hanweb":
            return f"/art/{d.year}/{d.month}/{d.day}/art_{HANWEB_COLUMN}_{8000 + n}.html"
        if self.family == "gkmlpt":
            return f"/gkmlpt/content/1/{GKMLPT_COLUMN}/post_{9000 + n}.html"
        return f"/zhengce/content/{d:%Y-%m}/{d:%d}/content_{6000 + n}.htm"


@dataclass
class FamilySite:
    """Documents per family column, newest first in every list; mutable between crawls."""

    templates: list[bytes]
    docs: dict[str, list[Doc]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def create(cls, templates: list[bytes], count: int = 12) -> FamilySite:
        site = cls(templates=templates)
        for family in FAMILY_COLUMNS:
            site.docs[family] = [Doc(family, i) for i in range(count)]
        return site

    def grow(self, family: str | None = None, k: int = 1) -> None:
        """Publish ``k`` new documents at the top of each (or one) column."""
        with self.lock:
            for fam in [family] if family else FAMILY_COLUMNS:
                start = len(self.docs[fam])
                self.docs[fam] += [Doc(fam, start + i) for i in range(k)]

    def revise(self, family: str, n: int) -> Doc:
        """Change document ``n``: a new title in the list and on its page."""
        with self.lock:
            doc = next(d for d in self.docs[family] if d.n == n)
            doc.revision += 1
            return doc

    def newest_first(self, family: str) -> list[Doc]:
        with self.lock:
            return list(reversed(self.docs[family]))

    # -- pages --------------------------------------------------------------------------------------

    def detail(self, path: str) -> bytes | None:
        for family in FAMILY_COLUMNS:
            for doc in self.newest_first(family):
                if doc.path == path:
                    page = self.templates[doc.n % len(self.templates)]
                    own = re.search(rb"<h1[^>]*>(.*?)</h1>", page, re.S) or re.search(
                        rb"<title>([^<_]*)", page
                    )
                    if own and own.group(1).strip():
                        # the template's own title, wherever it is printed, becomes this document's,
                        # written in the page's own charset (a GBK template read as GBK keeps the new title)
                        declared = re.search(rb"charset=[\"']?([\w-]+)", page)
                        charset = declared.group(1).decode("ascii") if declared else "utf-8"
                        try:
                            title = doc.title.encode(charset, errors="xmlcharrefreplace")
                        except LookupError:
                            title = doc.title.encode()
                        page = page.replace(own.group(1).strip(), title)
                    return page.replace(
                        b"</body>", f"<!-- {family} document {doc.n} r{doc.revision} --></body>".encode(), 1
                    )
        return None

    def trs_list(self, k: int, host: str) -> bytes | None:
        docs = self.newest_first("trs")
        pages = max(1, -(-len(docs) // PER_PAGE))
        if not 0 <= k < pages:
            return None
        items = []
        for i, doc in enumerate(docs[k * PER_PAGE : (k + 1) * PER_PAGE]):
            short = doc.title[:16] + "…" if len(doc.title) > 17 else doc.title
            href = f".{doc.path[len('/trs/zcwj') :]}"
            items.append(
                f'<li><a href="{href}" title="{html.escape(doc.title)}" target="_blank">{short}</a>'
                f'<span class="date">{doc.day:%Y-%m-%d}</span></li>'
            )
            if k == 0 and i == 1:
                # another column's document, linked absolutely, in the middle of the list
                items.append(
                    f'<li><a href="http://{host}/kjj/zcwj/202406/t20240605_4390.html" '
                    'title="深化产学研合作 提升科技成果转化质效专项行动方案">深化产学研合作 提升科技成果…</a>'
                    '<span class="date">2024-06-05</span></li>'
                )
        body = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>政策文件_示例市科学技术局</title></head><body>"
            "<div class='nav'><ul><li><a href='/'>首页</a></li><li><a href='/trs/zcwj/'>政策文件</a></li></ul></div>"
            "<div class='main'><div id='list-target'></div>\n"
            "<!--\n<ul class='list'>" + "\n".join(items) + "</ul>\n"
            f'<div class="page"><script>createPageHTML({pages}, {k}, "index", "html");</script></div>\n-->\n'
            "<script>var c = document.getElementById('list-target');</script>"
            "</div></body></html>"
        )
        return body.encode("utf-8")

    def govcn_list(self, k: int) -> bytes | None:
        docs = self.newest_first("govcn")
        pages = max(1, -(-len(docs) // PER_PAGE))
        if not 0 <= k < pages:
            return None
        items = "".join(
            f'<li><h4><a href="{doc.path}" target="_blank">{doc.title}</a>'
            f'<span class="date">{doc.day:%Y-%m-%d}</span></h4></li>'
            for doc in docs[k * PER_PAGE : (k + 1) * PER_PAGE]
        )
        body = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>最新政策_中国政府网</title></head><body>"
            "<div class='news_box'><div class='list list_1 list_2'><ul>" + items + "</ul></div></div>"
            "<div id='page_div'></div></body></html>"
        )
        return body.encode("utf-8")

    def _hanweb_record(self, doc: Doc) -> str:
        return (
            f'<record><![CDATA[<li><a href="{doc.path}" target="_blank" title="{html.escape(doc.title)}">'
            f"{doc.title}</a><span>{doc.day:%Y-%m-%d}</span></li>]]></record>"
        )

    def hanweb_column(self) -> bytes:
        docs = self.newest_first("hanweb")
        embedded = docs[: HANWEB_PERPAGE * HANWEB_GROUP]
        proxy = (
            f"/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid={HANWEB_COLUMN}"
            f"&unitid={HANWEB_UNIT}&webname=%E7%A4%BA%E4%BE%8B&permissiontype=0"
        )
        records = "".join(self._hanweb_record(d) for d in embedded)
        body = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>通知公告 示例市科学技术局</title></head><body>"
            f"<div id='{HANWEB_UNIT}'><script type='text/xml'><datastore>"
            f'<nextgroup><![CDATA[<a href="{html.escape(proxy)}"></a>]]></nextgroup>'
            f"<recordset>{records}</recordset></datastore></script></div>"
            "<script language='javascript' src='/module/web/jpage/jpage.js'></script>"
            f"<script>var totalRecord = {len(docs)}; var perPage = {HANWEB_PERPAGE};</script>"
            "</body></html>"
        )
        return body.encode("utf-8")

    def hanweb_proxy(self, query: str, form: str) -> tuple[int, bytes]:
        q = dict(parse_qsl(query))
        f = dict(parse_qsl(form))
        if f.get("columnid") != HANWEB_COLUMN or f.get("unitid") != HANWEB_UNIT:
            return 400, b"<datastore><error>columnid and unitid are required</error></datastore>"
        try:
            start, end = int(q["startrecord"]), int(q["endrecord"])
        except (KeyError, ValueError):
            return 400, b"<datastore><error>startrecord and endrecord are required</error></datastore>"
        docs = self.newest_first("hanweb")
        # real proxies answer ranges that overlap the one before, and a totalpage that is wrong
        chosen = docs[max(0, start - 3) : end]
        records = "".join(self._hanweb_record(d) for d in chosen) if start <= len(docs) else ""
        body = (
            "<?xml version='1.0' encoding='UTF-8'?><datastore>"
            f"<totalrecord>{len(docs)}</totalrecord><totalpage>1</totalpage>"
            f"<recordset>{records}</recordset></datastore>"
        )
        return 200, body.encode("utf-8")

    def gkmlpt_index(self) -> bytes:
        body = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府信息公开_示例市</title>"
            f"<script>window._CONFIG = {{ SID: '{GKMLPT_SID}', ROOT: '/gkmlpt/' }};</script></head>"
            "<body><div id='app'>加载中…</div><script src='/gkmlpt/static/app.js'></script></body></html>"
        )
        return body.encode("utf-8")

    def gkmlpt_api(self, column: str, query: str) -> tuple[int, bytes]:
        q = dict(parse_qsl(query))
        if column != GKMLPT_COLUMN or q.get("sid") != GKMLPT_SID:
            return 404, b'{"error": "no such column"}'
        page = int(q.get("page", "1") or 1)
        docs = self.newest_first("gkmlpt")
        chosen = docs[(page - 1) * GKMLPT_PER_PAGE : page * GKMLPT_PER_PAGE]
        articles = [
            {
                "id": 9000 + d.n,
                "title": d.title,
                "url": f"http://@@HOST@@{d.path}",
                "display_publish_time": int((d.day - date(1970, 1, 1)).total_seconds()) - 8 * 3600 + 9 * 3600,
                "document_number": f"示科〔{d.day.year}〕{d.n + 1}号",
                "identifier": f"11370000-{d.n:04d}",
            }
            for d in chosen
        ]
        return 200, json.dumps({"total": len(docs), "articles": articles}, ensure_ascii=False).encode("utf-8")

    def get(self, path: str, query: str, host: str) -> tuple[int, bytes, str] | None:
        """(status, body, content type) for a family path, or None when the path is not one."""
        html_type = "text/html; charset=utf-8"
        m = re.fullmatch(r"/trs/zcwj/(?:index(?:_(\d+))?\.html)?", path)
        if m:
            body = self.trs_list(int(m.group(1) or 0), host)
            return (200, body, html_type) if body else (404, b"", html_type)
        m = re.fullmatch(r"/zhengce/zuixin/(?:home(?:_(\d+))?\.htm)?", path)
        if m:
            body = self.govcn_list(int(m.group(1) or 0))
            return (200, body, html_type) if body else (404, b"", html_type)
        if path in (f"/col/col{HANWEB_COLUMN}/index.html", f"/col/col{HANWEB_COLUMN}/"):
            return 200, self.hanweb_column(), html_type
        if path == "/gkmlpt/index":
            return 200, self.gkmlpt_index(), html_type
        m = re.fullmatch(r"/gkmlpt/api/all/(\d+)", path)
        if m:
            status, body = self.gkmlpt_api(m.group(1), query)
            return status, body.replace(b"@@HOST@@", host.encode("ascii", "replace")), "application/json"
        if path.startswith(("/trs/", "/art/", "/gkmlpt/content/", "/zhengce/content/")):
            body = self.detail(path)
            return (200, body, html_type) if body else (404, b"", html_type)
        return None

    def post(self, path: str, query: str, form: str) -> tuple[int, bytes, str] | None:
        if path == "/module/web/jpage/dataproxy.jsp":
            status, body = self.hanweb_proxy(query, form)
            return status, body, "text/xml; charset=utf-8"
        return None
