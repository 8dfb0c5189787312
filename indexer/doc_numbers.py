"""文号 in one form: 淄政办字〔2020〕43号, 淄政办字[2020]43号 and 淄政办字(2020)第43号 are one number.

Sites print the year brackets as 〔〕, [], ［］, 【】, () or （）, sometimes with
a 第 before the serial and spaces anywhere; the key drops all of that so a
query typed with any bracket finds the document printed with another.
"""

from __future__ import annotations

import re

from .analysis import fold

# issuer code, year in any bracket (or none), optional 第, serial, 号
DOC_NUMBER = re.compile(
    r"(?P<code>[\u4e00-\u9fff]{1,15}?)\s*[〔\[［【(（{]?\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］】)）}]?"
    r"\s*第?\s*(?P<serial>\d{1,5})\s*号"
)


def doc_number_key(text: str | None) -> str | None:
    """The comparable key of a 文号, or None when the text holds none."""
    if not text:
        return None
    m = DOC_NUMBER.search(fold(text))
    if not m:
        return None
    return f"{m.group('code')}{m.group('year')}-{int(m.group('serial'))}"


def find_doc_numbers(query: str) -> list[tuple[str, str]]:
    """(as typed, key) for every 文号 in a query string."""
    out = []
    for m in DOC_NUMBER.finditer(fold(query)):
        out.append(
            (query[m.start() : m.end()], f"{m.group('code')}{m.group('year')}-{int(m.group('serial'))}")
        )
    return out
