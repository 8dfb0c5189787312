"""PDF and DOCX attachments to text lines, so they take the same path as a plain-text page.

Many 政策文件 are published only as an attachment.  A PDF gives lines
wrapped at the page width, page numbers ("- 1 -") and words cut by page
breaks; those are undone here.  A DOCX gives paragraphs and tables (the
metadata table becomes "索引号 | … | 发布日期 | …" rows, as a flattened
HTML table does).
"""

from __future__ import annotations

import io
import logging
import re
import threading
import time
import zipfile

from .bombs import MAX_PDF_PAGES, MAX_PDF_SECONDS, check_pdf_streams, check_zip
from .errors import NotADocument
from .wordnumbering import paragraph_label, read_numbering

PDF_TYPES = ("application/pdf", "application/x-pdf")
DOCX_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)
_PAGE_NUMBER = re.compile(
    r"^[-—－–\s]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)[-—－–\s]*$"
)
_SENTENCE_END = re.compile(r"[。！？；：:”」』）)]$")


def sniff(data: bytes, content_type: str | None = None) -> str | None:
    """'pdf', 'docx', or None for text and HTML; NotADocument for files we cannot read."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    head = data[:8]
    if head.startswith(b"%PDF-") or ctype in PDF_TYPES and b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError) as e:
            raise NotADocument(f"a damaged zip file, not a document ({e})") from None
        check_zip(archive)  # before python-docx reads a part: every zip-based format passes here
        names = archive.namelist()
        if "word/document.xml" in names:
            return "docx"
        raise NotADocument("a zip archive that is not a .docx (spreadsheet or archive?), not a document")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise NotADocument("a legacy Office file (.doc/.xls/.wps): save it as .docx or PDF to clean it")
    return None


def pdf_lines(data: bytes, *, seconds: float = MAX_PDF_SECONDS) -> list[str]:
    """The text lines of a PDF: pdfium's text layer, page numbers dropped, spaced and broken lines mended.

    pypdfium2 (PDFium, permissive licence) reads real attachments about ten
    times faster than pdfminer.six with the same characters and line order
    (`policy bench pdf`); pdfminer stays as the fallback for a file PDFium
    refuses.  A bomb (cleaner/bombs.py), more than MAX_PDF_PAGES pages or more
    than ``seconds`` of reading is NotADocument, whichever library reads it.
    """
    check_pdf_streams(data)
    deadline = time.monotonic() + seconds
    try:
        pages = _pdfium_pages(data, deadline, seconds)
    except NotADocument:
        pages = _pdfminer_pages(data, deadline, seconds)  # a limit PDFium hit is met here again
    lines = []
    for page in pages:
        for ln in page.replace("\xad", "-").splitlines():  # PDFium gives a printed hyphen as a soft one
            ln = unspace(ln.strip())
            if ln and not _PAGE_NUMBER.match(ln):
                lines.append(ln)
    lines = join_single_characters(lines)
    if not lines:
        raise NotADocument("a PDF without a text layer (a scanned image?): nothing to read")
    return rewrap(lines)


# PDFium is not thread-safe: one document at a time per process.
_PDFIUM = threading.Lock()


def _too_many_pages(pages: int) -> NotADocument:
    return NotADocument(
        f"a PDF of {pages:,} pages (at most {MAX_PDF_PAGES} are read): a compilation, not a document"
    )


def _too_slow(seconds: float, read: int) -> NotADocument:
    return NotADocument(
        f"a PDF that took longer than {seconds:g} s to read ({read} pages read), not a document"
    )


def _pdfium_pages(data: bytes, deadline: float, seconds: float) -> list[str]:
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(data)
        except Exception as e:  # noqa: BLE001 - PdfiumError for damaged or encrypted files
            raise NotADocument(f"an unreadable PDF ({type(e).__name__}: {e})") from None
        try:
            if len(doc) > MAX_PDF_PAGES:
                raise _too_many_pages(len(doc))
            pages = []
            for i in range(len(doc)):
                if time.monotonic() > deadline:
                    raise _too_slow(seconds, i)
                page = doc[i]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
            return pages
        finally:
            doc.close()


def _pdfminer_pages(data: bytes, deadline: float, seconds: float) -> list[str]:
    # pdfminer logs every odd font on the root logger's stderr; a damaged PDF is reported once, by us
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        text = _pdfminer_text(data, deadline, seconds)
    except NotADocument:
        raise
    except Exception as e:  # noqa: BLE001 - pdfminer raises many kinds on damaged or encrypted files
        raise NotADocument(f"an unreadable PDF ({type(e).__name__}: {e})") from None
    return text.split("\x0c")


def _pdfminer_text(data: bytes, deadline: float, seconds: float) -> str:
    """pdfminer's extract_text, counting the pages first and watching the clock between pages."""
    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    pages = resolve1((resolve1(document.catalog.get("Pages")) or {}).get("Count"))
    if isinstance(pages, int) and pages > MAX_PDF_PAGES:
        raise _too_many_pages(pages)
    out = io.StringIO()
    resources = PDFResourceManager(caching=True)
    interpreter = PDFPageInterpreter(resources, TextConverter(resources, out, laparams=LAParams()))
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number >= MAX_PDF_PAGES:
            raise _too_many_pages(number + 1)
        if time.monotonic() > deadline:
            raise _too_slow(seconds, number)
        interpreter.process_page(page)
    return out.getvalue()


_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
_CJK_PAIR = re.compile(r"[\u4e00-\u9fff](?=[\u4e00-\u9fff])")


def unspace(line: str) -> str:
    """ "税 务 总 局 办 公 厅", "目 录", "总 则": a letter-spaced line loses the spaces between its characters.

    Only when most neighbouring characters are spaced: a single space in
    running text ("第一条 为了…", a table's cells) is a separator.
    """
    line = _DIGIT_GAP.sub("", line)
    gaps = len(_CJK_GAP.findall(line))
    if gaps < 1:
        return line
    line = _DIGIT_GAP.sub("", line)
    joined = len(_CJK_PAIR.findall(line))
    # a short heading may be spaced unevenly ("税务 总局 办 公厅 文件"): more gaps than neighbours
    short = len(line) <= 40 and not re.search(r"[，。；：,;:]", line)
    return _CJK_GAP.sub("", line) if gaps >= (1 if short else 2) * max(joined, 1) else line


# PDFium spaces runs of digits from the characters around them: "2019 年 1 月 1 日", "〔2018〕41 号"
_DIGIT_GAP = re.compile(r"(?<=\d) (?=[年月日号万亿元条款项个家%％余多])|(?<=[年月第共约近达至〔（]) (?=\d)")


def join_single_characters(lines: list[str]) -> list[str]:
    """A run of one-character lines (vertical text, a narrow table cell: "序" / "号") is one line."""
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if len(line) == 1 and "\u4e00" <= line <= "\u9fff":
            run.append(line)
            continue
        if run:
            out.append("".join(run)) if len(run) > 1 else out.append(run[0])
            run = []
        if line:
            out.append(line)
    return out


def rewrap(lines: list[str]) -> list[str]:
    """Join lines the page width cut: a full-width line that ends mid-sentence continues on the next.

    The full width is what most long lines measure; headings, the last line
    of a paragraph and centred titles are shorter and keep their breaks.
    """
    lengths = sorted(len(ln) for ln in lines)
    width = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 5 else max(lengths)
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and out:
            out[-1] += line
        else:
            out.append(line)
        joining = len(line) >= 0.8 * width and width >= 20 and not _SENTENCE_END.search(line)
    return out


def docx_lines(data: bytes) -> list[str]:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on damaged files
        raise NotADocument(f"an unreadable .docx ({type(e).__name__}: {e})") from None
    numbering = read_numbering(document)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text
            # Word's list numbering is not in the text: "一、" "（一）" typed by the list feature
            label = paragraph_label(child, numbering)  # Word counts empty numbered paragraphs too
            typed = not text.strip() or text.lstrip().startswith(label)
            lines.append(text if not label or typed else label + text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if not cells or cells[-1] != text:  # merged cells repeat their text
                        cells.append(text)
                lines.append(" | ".join(cells) + " |")
    return lines
