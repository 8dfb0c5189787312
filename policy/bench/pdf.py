"""`policy bench pdf`: PDF text backends side by side on real attachments (speed and text).

Measured to choose the cleaner's reader: pypdfium2 (PDFium), pdfminer.six
and, when installed, pdfplumber (built on pdfminer).  For each: pages per
second, CJK characters read, CJK pairs split by a space, and lines of a
single CJK character; then the cleaner's own pdf_lines() and clean() on the
same files.  Fetched PDFs are never committed: point it at a folder.
"""

from __future__ import annotations

import io
import logging
import re
import time
from pathlib import Path

import click

from policy.bench import bench

_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACED = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")


def _pdfium(data: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(out)
    finally:
        doc.close()


def _pdfminer(data: bytes) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    return extract_text(io.BytesIO(data), laparams=LAParams())


def _pdfplumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _backends() -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = [("pypdfium2", _pdfium), ("pdfminer.six", _pdfminer)]
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        pass
    else:
        out.append(("pdfplumber", _pdfplumber))
    return out


def _pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()


@bench.command("pdf")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def bench_pdf(paths: tuple[str, ...]) -> None:
    """Pages/s and text quality of pypdfium2, pdfminer.six (and pdfplumber) on real PDFs.

    Without PATHS it reads the real set's PDF attachments (BINARIES.md, from
    the local repository snapshots).

    \b
    Example:
      policy bench pdf /tmp/pdfs
      policy bench pdf
    """
    from cleaner import clean
    from cleaner.attachments import pdf_lines

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    if not paths:
        from policy.bench.realset import binary_sources

        files = [f for f in binary_sources().values() if f is not None and f.suffix.lower() == ".pdf"]
    pdfs = []
    for f in files:
        data = f.read_bytes()
        try:
            pdfs.append((f, data, _pages(data)))
        except Exception as e:  # noqa: BLE001 - one unreadable file is reported, not fatal
            click.echo(f"skipped {f}: {e}", err=True)
    if not pdfs:
        raise click.ClickException("no readable PDFs")
    pages = sum(n for _, _, n in pdfs)
    click.echo(f"{len(pdfs)} PDFs, {pages} pages")
    for name, fn in _backends():
        spent = 0.0
        han = spaced = single = 0
        for _, data, _ in pdfs:
            start = time.perf_counter()
            try:
                text = fn(data)  # type: ignore[operator]
            except Exception:  # noqa: BLE001 - a backend that fails on a file reads nothing from it
                text = ""
            spent += time.perf_counter() - start
            han += len(_HAN.findall(text))
            spaced += len(_SPACED.findall(text))
            single += sum(1 for ln in text.splitlines() if len(ln.strip()) == 1 and _HAN.match(ln.strip()))
        click.echo(
            f"{name:13} {pages / spent:7.1f} pages/s  CJK characters {han:8d}  "
            f"spaced CJK pairs {spaced:6d}  one-character lines {single:5d}"
        )
    start = time.perf_counter()
    texts = []
    for _, data, _ in pdfs:
        try:
            texts.append("\n".join(pdf_lines(data)))
        except Exception:  # noqa: BLE001 - NotADocument on a chart-only PDF
            pass
    spent = time.perf_counter() - start
    text = "\n".join(texts)
    single = sum(1 for ln in text.splitlines() if len(ln) == 1 and _HAN.match(ln))
    click.echo(
        f"{'pdf_lines()':13} {pages / spent:7.1f} pages/s  CJK characters {len(_HAN.findall(text)):8d}  "
        f"spaced CJK pairs {len(_SPACED.findall(text)):6d}  one-character lines {single:5d}  (mended)"
    )
    start = time.perf_counter()
    for _, data, _ in pdfs:
        try:
            clean(data)
        except Exception:  # noqa: BLE001 - NotADocument on a chart-only PDF
            pass
    click.echo(f"{'clean()':13} {pages / (time.perf_counter() - start):7.1f} pages/s")
