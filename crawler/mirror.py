"""The local mirror: a sample government site served over real HTTP on 127.0.0.1.

The demo and the tests crawl it with the real spider.  It behaves like the
servers real sites run on: pages that declare a charset in a <meta> tag are
served with it in Content-Type, every file has an ETag and Last-Modified and
answers conditional requests with 304.  A site root may hold ``_routes.toml``,
a table of the faults real sites have (redirects, errors, slow answers,
anti-bot challenges, pages generated on the fly); see corpus/sample/traps/.
``@@HOST@@`` in a served HTML page becomes the Host the client asked for, so
a page can carry absolute and protocol-relative links to its own server.
"""

from __future__ import annotations

import email.utils
import hashlib
import os
import re
import threading
import time
import tomllib
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .familysite import FamilySite

_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
HOST_MARK = b"@@HOST@@"
ROUTES_FILE = "_routes.toml"


def site_root() -> Path:
    return Path(str(resources.files("corpus") / "sample" / "site"))


def traps_root() -> Path:
    return Path(str(resources.files("corpus") / "sample" / "traps"))


def html_content_type(body: bytes) -> str:
    m = _META_CHARSET.search(body[:1024])
    return f"text/html; charset={m.group(1).decode('ascii') if m else 'utf-8'}"


def huge_page(size: int) -> bytes:
    """A real policy notice padded to ``size`` bytes by an inline picture, as editors paste them."""
    head = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>关于组织申报科技创新券的通知</title></head>"
        "<body><div class='article'><h1>关于组织申报科技创新券的通知</h1>"
        "<p>发布日期：2024-03-01</p><p>各有关单位：</p>"
        "<p>一、支持对象。在本市注册的科技型中小企业，最高补助10万元。</p>"
        "<p>二、申报材料。申报单位按要求提交材料，由市科技局负责审核。</p>"
        "<p>三、其他事项。本通知自发布之日起施行。</p>"
        "<p><img src='data:image/png;base64,"
    ).encode()
    tail = "'></p><p>示例市科学技术局</p><p>2024年3月1日</p></div></body></html>".encode()
    pad = max(0, size - len(head) - len(tail))
    chunk = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg"
    return head + (chunk * (pad // len(chunk) + 1))[:pad] + tail


class GeneratedSite:
    """A big column generated on the fly under /gen/: ``n`` documents, ``per_page`` to a list page.

    Detail pages are the bundled sample pages, each numbered so that no two
    are the same; list pages carry a next link and the createPageHTML pager.
    Used by ``policy bench crawl`` and the resume test, without writing
    thousands of files.
    """

    PREFIX = "/gen/"

    def __init__(self, n: int, per_page: int = 20, delay: float = 0.0):
        self.n = n
        self.delay = delay  # seconds before each answer: a real server's latency
        self.per_page = per_page
        self.templates = [p.read_bytes() for p in sorted(site_root().glob("kjj/zcwj/20*/*.html"))]
        self.pages = max(1, -(-n // per_page))

    def detail_path(self, i: int) -> str:
        return f"{self.PREFIX}{2000 + i // 200}{1 + i // 20 % 12:02d}/t_{i}.html"

    def list_page(self, k: int) -> bytes | None:
        if not 0 <= k < self.pages:
            return None
        items = []
        for i in range(k * self.per_page, min(self.n, (k + 1) * self.per_page)):
            day = f"{2000 + i // 200}-{1 + i // 20 % 12:02d}-{1 + i % 28:02d}"
            items.append(
                f'<li><a href="{self.detail_path(i)}">第{i}号 科技政策文件</a><span class="date">{day}</span></li>'
            )
        nxt = f'<a class="next" href="index_{k + 1}.html">下一页</a>' if k + 1 < self.pages else ""
        html = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>政策文件</title></head><body>"
            f"<ul class='list'>{''.join(items)}</ul><div class='page'>{nxt}"
            f'<script>createPageHTML({self.pages}, {k}, "index", "html");</script></div></body></html>'
        )
        return html.encode("utf-8")

    def detail(self, i: int) -> bytes | None:
        if not 0 <= i < self.n:
            return None
        page = self.templates[i % len(self.templates)]
        return page.replace(b"</title>", f"（第{i}号）</title>".encode(), 1).replace(
            b"</body>", f"<!-- generated document {i} --></body>".encode(), 1
        )

    def get(self, path: str) -> bytes | None:
        name = path[len(self.PREFIX) :]
        if name in ("", "index.html"):
            return self.list_page(0)
        m = re.fullmatch(r"index_(\d+)\.html", name)
        if m:
            return self.list_page(int(m.group(1)))
        m = re.fullmatch(r"\d{6}/t_(\d+)\.html", name)
        if m and self.detail_path(int(m.group(1))) == path:
            return self.detail(int(m.group(1)))
        return None


class MirrorHandler(SimpleHTTPRequestHandler):
    server_version = "MirrorGov/1.0"
    protocol_version = "HTTP/1.1"

    def __init__(
        self,
        *args,
        routes: dict | None = None,
        generated: GeneratedSite | None = None,
        families: FamilySite | None = None,
        **kwargs,
    ):
        self.routes = routes or {}
        self.generated = generated
        self.families = families
        super().__init__(*args, **kwargs)

    # -- the request log the tests read ---------------------------------------------------------------

    def log_request(self, code="-", size="-"):
        log = getattr(self.server, "requests", None)
        if log is not None:
            log.append((self.command, self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, format, *args):  # noqa: A002 - quiet; tests read server.requests
        pass

    # -- serving --------------------------------------------------------------------------------------

    def do_GET(self):
        parts = urlsplit(self.path)
        path = parts.path
        if self.families is not None:
            answer = self.families.get(path, parts.query, self.headers.get("Host") or "127.0.0.1")
            if answer is not None:
                return self.serve_family(*answer)
        if self.generated is not None and path.startswith(GeneratedSite.PREFIX):
            if self.generated.delay:
                time.sleep(self.generated.delay)
            body = self.generated.get(path)
            if body is None:
                return self.send_error(404, "File not found")
            return self.serve_body(body, "text/html; charset=utf-8", 1700000000.0)
        route = self.routes.get(path)
        if route is not None:
            return self.serve_route(route)
        body, ctype, mtime = self.read_file()
        if body is None:
            return self.send_error(404, "File not found")
        self.serve_body(body, ctype, mtime)

    def do_HEAD(self):
        return self.do_GET()

    def do_POST(self):
        """Only hanweb's dataproxy answers a POST (a form in the body, the range in the query)."""
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        form = self.rfile.read(min(length, 1 << 20)).decode("utf-8", "replace") if length else ""
        log = getattr(self.server, "posts", None)
        if log is not None:
            log.append((self.path, form))
        answer = self.families.post(parts.path, parts.query, form) if self.families is not None else None
        if answer is None:
            return self.send_error(405, "Method Not Allowed")
        return self.serve_family(*answer)

    def serve_family(self, status: int, body: bytes, ctype: str):
        if status == 404:
            return self.send_error(404, "File not found")
        self.serve_body(body, ctype, 1700000000.0, status)

    def read_file(self) -> tuple[bytes | None, str, float]:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        name = os.path.basename(path)
        if not os.path.isfile(path) or name.startswith("_"):
            return None, "", 0.0
        body = Path(path).read_bytes()
        if path.endswith((".html", ".htm")):
            ctype = html_content_type(body)
            if HOST_MARK in body:
                body = body.replace(
                    HOST_MARK, (self.headers.get("Host") or "127.0.0.1").encode("ascii", "replace")
                )
        else:
            ctype = self.guess_type(path)
        return body, ctype, os.stat(path).st_mtime

    def serve_body(
        self, body: bytes, ctype: str, mtime: float, status: int = 200, headers: dict | None = None
    ):
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        inm = self.headers.get("If-None-Match")
        if status == 200 and inm and etag in [t.strip() for t in inm.split(",")]:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def serve_route(self, route: dict):
        delay = float(route.get("delay", 0))
        if delay:
            time.sleep(delay)
        status = int(route.get("status", 200))
        if "location" in route:
            self.send_response(status)
            self.send_header("Location", route["location"])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if "size" in route:
            body, ctype = huge_page(int(route["size"])), "text/html; charset=utf-8"
        elif "file" in route:
            path = Path(self.directory) / route["file"]
            body = path.read_bytes()
            ctype = (
                html_content_type(body) if path.suffix in (".html", ".htm") else self.guess_type(str(path))
            )
        else:
            body, ctype = route.get("body", "").encode("utf-8"), "text/html; charset=utf-8"
        ctype = route.get("content_type", ctype)
        self.serve_body(body, ctype, time.time() if "size" not in route else 1700000000.0, status)


def load_routes(root: Path) -> dict:
    path = root / ROUTES_FILE
    if not path.exists():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8")).get("route", {})


def make_server(
    host: str = "127.0.0.1",
    port: int = 8001,
    root: Path | None = None,
    generate: int = 0,
    delay: float = 0.0,
    family_docs: int = 12,
) -> ThreadingHTTPServer:
    """A threaded server over a site root (the bundled sample site by default); port 0 picks a free port.

    ``generate`` > 0 adds a column of that many generated documents under /gen/.
    ``family_docs`` documents in each family column (crawler/familysite.py; 0: none).
    ``server.requests`` lists every (method, path, status) served, for tests to count fetches;
    ``server.posts`` every (path, form) posted; ``server.families`` the family columns.
    """
    root = Path(root or site_root())
    generated = GeneratedSite(generate, delay=delay) if generate else None
    templates = [p.read_bytes() for p in sorted(site_root().glob("kjj/zcwj/20*/*.html"))]
    families = FamilySite.create(templates, family_docs) if family_docs else None
    handler = partial(
        MirrorHandler, directory=str(root), routes=load_routes(root), generated=generated, families=families
    )
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.requests = []
    server.posts = []
    server.families = families
    return server


def serve_in_thread(
    root: Path | None = None, host: str = "127.0.0.1", port: int = 0, generate: int = 0, delay: float = 0.0
):
    """Start a mirror in a daemon thread; returns (server, base URL).  Call server.shutdown() to stop."""
    server = make_server(host, port, root, generate, delay)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_port}"
