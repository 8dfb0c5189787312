"""Archive bombs: a file of a megabyte that unpacks to a gigabyte is refused before anything unpacks it.

A .docx (and every other zip-based format: .xlsx, .ofd, .wps saved as OOXML) states each part's
unpacked size in its central directory, and Python's zipfile never inflates a part past the size
stated, so reading the directory is enough.  A PDF states nothing: its Flate streams are inflated
here in bounded steps, counting, without keeping the output.  Image streams are skipped (pdfminer
never inflates them to read text, and a blank scanned page compresses a thousandfold).

The limits sit far above real policy documents (a 300-page plan is a few MB of XML or content
streams, compressed 3-20 times) and far below what hurts: a refused bomb costs a few MB and
milliseconds.
"""

from __future__ import annotations

import re
import zipfile
import zlib

from .errors import NotADocument

MAX_UNPACKED = 64 << 20  # bytes a document's parts or streams may unpack to, all together
MAX_RATIO = 100  # unpacked / packed for one part or stream...
RATIO_FROM = 1 << 20  # ...once it unpacks to more than this (small parts may compress as they like)
MAX_ENTRIES = 10_000  # parts in one zip (a .docx has a few dozen)
MAX_PDF_PAGES = 500  # pages read in one PDF: the body is cut at 200,000 characters long before
MAX_PDF_SECONDS = 30.0  # wall time pdfminer may take over one PDF's pages

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_STEP = 1 << 20


def _too_big(unpacked: int, packed: int, what: str, *, so_far: bool = False) -> NotADocument | None:
    if unpacked > RATIO_FROM and unpacked > MAX_RATIO * max(packed, 1):
        more = "at least " if so_far else ""
        return NotADocument(
            f"an archive bomb: {what} unpacks to {more}{unpacked:,} bytes, {unpacked // max(packed, 1):,} times "
            f"its packed size (at most {MAX_RATIO} is read), not a document"
        )
    return None


def check_zip(archive: zipfile.ZipFile) -> None:
    """NotADocument when a zip's stated sizes or ratios are those of a bomb; nothing is inflated."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise NotADocument(
            f"a zip of {len(infos):,} parts (at most {MAX_ENTRIES:,} are read), not a document"
        )
    total = 0
    for info in infos:
        refusal = _too_big(info.file_size, info.compress_size, info.filename)
        if refusal:
            raise refusal
        total += info.file_size
    if total > MAX_UNPACKED:
        raise NotADocument(
            f"an archive bomb: its parts unpack to {total:,} bytes (at most {MAX_UNPACKED:,} are read), "
            "not a document"
        )


def check_pdf_streams(data: bytes) -> None:
    """NotADocument when the PDF's Flate streams inflate past the limits; checked in bounded steps.

    A stream that is not zlib data (another filter, or encrypted) is passed over: pdfminer reads
    it as it is.
    """
    total = 0
    done = 0  # where the last stream ended: a "stream" keyword inside one is its data, not a stream
    for match in _STREAM.finditer(data):
        if match.start() < done:
            continue
        start = match.end()
        # the stream's dictionary sits between the object's "obj" and the "stream" keyword
        opener = data.rfind(b" obj", max(0, match.start() - 4096), match.start())
        if opener >= 0 and _IMAGE.search(data, opener, match.start()):
            continue
        end = data.find(b"endstream", start)
        done = end if end >= 0 else len(data)
        packed = done - start
        inflater = zlib.decompressobj()
        pending = data[start : start + packed]
        unpacked = 0
        try:
            while pending and not inflater.eof:
                unpacked += len(inflater.decompress(pending, _STEP))
                pending = inflater.unconsumed_tail
                # the ratio so far: a bomb shows itself in its first megabyte
                refusal = _too_big(unpacked, packed - len(pending), "a PDF stream", so_far=True)
                if refusal:
                    raise refusal
                if total + unpacked > MAX_UNPACKED:
                    raise NotADocument(
                        f"an archive bomb: its streams unpack to more than {MAX_UNPACKED:,} bytes, "
                        "not a document"
                    )
        except zlib.error:
            pass
        total += unpacked
