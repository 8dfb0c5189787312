"""The local mirror: the bundled sample site served over real HTTP on 127.0.0.1.

The demo and the tests crawl it with the real spider.  Pages that declare a
charset in a <meta> tag are served with the same charset in Content-Type, as
real servers configured per site do (the GBK page is the point).
"""

from __future__ import annotations

import re
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


def site_root() -> Path:
    return Path(str(resources.files("corpus") / "sample" / "site"))


class MirrorHandler(SimpleHTTPRequestHandler):
    server_version = "MirrorGov/1.0"

    def guess_type(self, path):  # noqa: D401 - SimpleHTTPRequestHandler's hook
        ctype = super().guess_type(path)
        if str(path).endswith((".html", ".htm")):
            try:
                head = Path(path).read_bytes()[:1024]
            except OSError:
                return ctype
            m = _META_CHARSET.search(head)
            return f"text/html; charset={m.group(1).decode('ascii') if m else 'utf-8'}"
        return ctype

    def log_message(self, format, *args):  # noqa: A002 - quiet by default; tests read the store, not logs
        pass


def make_server(host: str = "127.0.0.1", port: int = 8001, root: Path | None = None) -> ThreadingHTTPServer:
    """A threaded server over the sample site; port 0 picks a free port."""
    handler = partial(MirrorHandler, directory=str(root or site_root()))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server
