"""The production server: waitress, taught to accept request lines with raw UTF-8.

curl, wget and many scripts send ``GET /api/search?q=揭榜挂帅`` with the
Chinese as raw UTF-8 bytes instead of %-escapes.  Strictly that is not valid
HTTP, and waitress answers it with a plain-text "400 Bad URI" (its
``urlsplit`` refuses non-ASCII bytes), so every curl example a user copies
from the README failed.  Browsers escape those bytes already; escaping them
ourselves before waitress reads the line changes nothing for a browser and
gives a script the same page.  Only the request line is touched, never the
headers.
"""

from __future__ import annotations

import re

from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import create_server

_NON_ASCII = re.compile(rb"[\x80-\xff]")


def escape_request_line(head: bytes) -> bytes:
    """``head`` (request line + headers) with the request line's non-ASCII bytes %-escaped."""
    end = head.find(b"\r\n")
    line = head if end < 0 else head[:end]
    if not _NON_ASCII.search(line):
        return head
    escaped = _NON_ASCII.sub(lambda m: b"%%%02X" % m.group()[0], line)
    return escaped if end < 0 else escaped + head[end:]


class Utf8RequestParser(HTTPRequestParser):
    def parse_header(self, header_plus):
        return super().parse_header(escape_request_line(header_plus))


class Utf8Channel(HTTPChannel):
    parser_class = Utf8RequestParser


def make_server(app, host: str = "127.0.0.1", port: int = 8000, **kw):
    """A waitress server for ``app`` (not yet running: call ``.run()``), bound to host:port."""
    kw.setdefault("ident", "policy-harvester")
    server = create_server(app, host=host, port=port, **kw)
    # one listening socket is one server; several (host names with v4 and v6) are in its map
    listeners = [server] if hasattr(server, "channel_class") else list(server.map.values())
    for listener in listeners:
        listener.channel_class = Utf8Channel
    return server
