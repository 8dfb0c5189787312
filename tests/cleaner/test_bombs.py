"""Archive bombs: a small file that unpacks to a gigabyte is refused quickly and in little memory.

The bombs are built here byte by byte (a deflate stream of one repeated block costs nothing to
write and a gigabyte to read) and cleaned in a child process, whose peak memory and time are
the measure.
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from cleaner import NotADocument, clean
from cleaner.attachments import pdf_lines
from crawler.mirror import site_root

GIB = 1 << 30
SAMPLE_DOCX = site_root().parent / "traps" / "files" / "policy.docx"


def deflate_bomb(prefix: bytes, filler: bytes, size: int, suffix: bytes) -> tuple[bytes, int, int, int]:
    """A raw deflate stream of prefix + filler repeated to `size` bytes + suffix; its CRC-32, Adler-32, length.

    After a sync flush the compressor's state repeats with the block, so one compressed block is
    written as many times as needed.
    """
    chunk = filler * ((1 << 20) // len(filler))
    count = size // len(chunk)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_SYNC_FLUSH)
    first = c.compress(chunk) + c.flush(zlib.Z_SYNC_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_SYNC_FLUSH)
    probe = c.copy()
    assert probe.compress(chunk) + probe.flush(zlib.Z_SYNC_FLUSH) == block, "the state repeats"
    tail = c.compress(suffix) + c.flush()
    crc, adler = zlib.crc32(prefix), zlib.adler32(prefix)
    for _ in range(count):
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    crc, adler = zlib.crc32(suffix, crc), zlib.adler32(suffix, adler)
    unpacked = len(prefix) + count * len(chunk) + len(suffix)
    return head + first + block * (count - 1) + tail, crc, adler, unpacked


def zip_bytes(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand from (name, raw deflate data, crc, unpacked size): sizes stated honestly."""
    out = io.BytesIO()
    central = []
    for name, raw, crc, size in members:
        offset = out.tell()
        encoded = name.encode()
        out.write(
            struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(raw), size, len(encoded), 0)
        )
        out.write(encoded + raw)
        central.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                crc,
                len(raw),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), out.tell() - start, start, 0)
    )
    return out.getvalue()


def docx_bomb(size: int = GIB) -> bytes:
    """The sample .docx with a word/document.xml that inflates to `size` bytes of white space in its body."""
    members = []
    with zipfile.ZipFile(SAMPLE_DOCX) as z:
        for info in z.infolist():
            data = z.read(info)
            if info.filename == "word/document.xml":
                cut = data.index(b"<w:body>") + len(b"<w:body>")
                raw, crc, _, unpacked = deflate_bomb(data[:cut], b" ", size, data[cut:])
                members.append((info.filename, raw, crc, unpacked))
                continue
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            members.append((info.filename, c.compress(data) + c.flush(), zlib.crc32(data), len(data)))
    return zip_bytes(members)


def pdf_bytes(pages: list[bytes], *, flate: bool = False) -> bytes:
    """A minimal PDF with one content stream a page (already deflated when flate is true)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    font = 3 + 2 * len(pages)
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode()
        )
        filt = b" /Filter /FlateDecode" if flate else b""
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(content), filt) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def text_page(line: str) -> bytes:
    return f"BT /F1 12 Tf 72 760 Td ({line}) Tj ET".encode()


def pdf_bomb(size: int = GIB) -> bytes:
    """A one-page PDF whose content stream (a zlib stream) inflates to `size` bytes."""
    raw, _, adler, _ = deflate_bomb(text_page("Policy") + b"\n", b" ", size, b"\n")
    return pdf_bytes([b"\x78\xda" + raw + struct.pack(">I", adler)], flate=True)


def clean_in_child(path: Path) -> dict:
    """Clean a file in a fresh interpreter: its outcome, wall time and peak memory (MB)."""
    script = (
        "import json, sys, time\n"
        "from cleaner import NotADocument, clean\n"
        "data = open(sys.argv[1], 'rb').read()\n"
        "start = time.monotonic()\n"
        "try:\n"
        "    clean(data); outcome = 'document'\n"
        "except NotADocument as e:\n"
        "    outcome = 'refused: ' + str(e)\n"
        "seconds = time.monotonic() - start\n"
        # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent at fork, so a child of a
        # big test process (an xdist worker late in the run) reported the parent's size, not its own
        "peak = int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) / 1024\n"
        "print(json.dumps({'outcome': outcome, 'seconds': seconds, 'peak_mb': peak}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_a_one_gigabyte_bomb_is_refused_fast_and_small(kind, tmp_path):
    data = docx_bomb() if kind == "docx" else pdf_bomb()
    assert len(data) < 1_200_000, "a bomb of about a megabyte"
    path = tmp_path / f"bomb.{kind}"
    path.write_bytes(data)
    result = clean_in_child(path)
    assert result["outcome"].startswith("refused: ") and "unpacks to" in result["outcome"], result
    assert result["peak_mb"] < 200, result
    assert result["seconds"] < 2, result


def test_a_zip_with_a_high_ratio_part_is_refused_before_it_is_read():
    raw, crc, _, size = deflate_bomb(b"<x>", b"0", 20 << 20, b"</x>")  # 20 MB at about 1000:1
    data = zip_bytes([("word/document.xml", raw, crc, size)])
    with pytest.raises(NotADocument, match="unpacks to .* times its packed size"):
        clean(data)


def test_an_ordinary_docx_and_pdf_still_clean():
    doc = clean(SAMPLE_DOCX.read_bytes())
    assert doc.clauses
    lines = pdf_lines(pdf_bytes([text_page("Science and technology policy")], flate=False))
    assert lines == ["Science and technology policy"]


def test_a_pdf_of_too_many_pages_is_refused_before_they_are_read():
    data = pdf_bytes([text_page(f"page {n}") for n in range(501)])
    with pytest.raises(NotADocument, match="501 pages"):
        pdf_lines(data)


def test_a_pdf_that_reads_too_slowly_is_refused():
    data = pdf_bytes([text_page(f"page {n}") for n in range(5)])
    assert len(pdf_lines(data)) == 5
    with pytest.raises(NotADocument, match="took longer than 0 s"):
        pdf_lines(data, seconds=0)
