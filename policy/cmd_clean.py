"""clean and ingest: local files into documents and the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from policy.cli import Context, cli


@cli.command("clean")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one document JSON object per line.")
def clean_cmd(files: tuple[str, ...], as_json: bool) -> None:
    """Clean local files (HTML, text, PDF or DOCX) into documents and print them.

    Any encoding (UTF-8, GBK/GB18030, Big5), with or without a <meta charset>.
    A file that is not a document (binary junk, an error or challenge page)
    is reported on stderr and the exit status is 1.

    \b
    Example:
      policy clean page.html --json
      policy clean notice.pdf rules.docx
    """
    from cleaner import Hints, NotADocument, clean  # loaded when cleaning, not on every start

    failed = 0
    for path in files:
        try:
            doc = clean(
                Path(path).read_bytes(), source=path, hints=Hints(content_type=_content_type(Path(path)))
            )
        except (NotADocument, OSError) as e:  # one unreadable file never stops the others
            click.echo(f"error: {path}: {getattr(e, 'strerror', None) or e}", err=True)
            failed += 1
            continue
        for warning in doc.warnings:
            click.echo(f"warning: {path}: {warning}", err=True)
        if as_json:
            click.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
        else:
            click.echo(
                f"{path}: {doc.title or '(no title)'} | {doc.issuer or '-'} | {doc.doc_number or '-'} | "
                f"{doc.published or '-'} | {doc.doc_type} | {len(doc.clauses)} clauses"
            )
    if len(files) > 1:
        click.echo(
            f"cleaned {len(files)} files: {len(files) - failed} documents, {failed} not documents", err=True
        )
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...]) -> None:
    """Clean local files (or folders of them) into the store: HTML (.html .htm .shtml),
    text and Markdown (.txt .md), PDF and DOCX.

    In a folder, files of other types and hidden files are left alone and
    counted in the summary; a file that is no document (an empty page, a
    challenge page) is named on stderr and counted.  The exit status is 1
    when a file could not be read or no file gave a document.

    \b
    Example:
      policy ingest ../shared/seeds/*.txt
      policy ingest ~/Laws/法律/            # a folder of Markdown laws, recursively
    """
    from cleaner import Hints, NotADocument, clean  # loaded when cleaning, not on every start
    from reasoning import relink_safely

    files, others = _files(map(Path, paths))
    counts = {"new": 0, "changed": 0, "unchanged": 0, "failed": 0, "refused": 0}
    with obj.store() as store:
        with click.progressbar(files, label="ingest", file=sys.stderr, show_pos=True) as bar:
            for f in bar:
                try:
                    body = f.read_bytes()
                except OSError as e:  # one unreadable file never stops the others
                    click.echo(f"\nskipped {f}: {e.strerror or e}", err=True)
                    counts["failed"] += 1
                    continue
                url = f.resolve().as_uri()
                saved = store.save_page(url, body, status=None, content_type=_content_type(f))
                try:
                    doc = clean(body, source=str(f), hints=Hints(content_type=_content_type(f)))
                except NotADocument as e:
                    click.echo(f"\nskipped {f}: {e}", err=True)
                    counts["refused"] += 1
                    continue
                doc.set_key(url)  # the id follows the file, wherever the command runs from
                counts[store.save_document(doc, page_id=saved.page_id, site="local")] += 1
        relink_safely(store)  # the documents just saved are linked and dated (reasoning/relinking.py)
        total = store.count_documents()
    left = ", ".join(f"{n} {suffix or '(none)'}" for suffix, n in sorted(others.items()))
    click.echo(
        f"ingested {len(files)} files: {counts['new']} new, {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged, {counts['refused']} not documents, {counts['failed']} unreadable; "
        f"{total} documents in {obj.data_dir}" + (f"; left alone (other types): {left}" if left else "")
    )
    if counts["failed"] or (files and counts["refused"] == len(files)) or not files:
        sys.exit(1)


def _files(paths) -> tuple[list[Path], dict[str, int]]:
    """The files to ingest (folders walked), and how many files of each other suffix a walk left alone.

    Hidden files and folders (.git, .DS_Store) are no one's documents and are not counted."""
    files: list[Path] = []
    others: dict[str, int] = {}
    for p in paths:
        if not p.is_dir():
            files.append(p)
            continue
        for f in sorted(p.rglob("*")):
            if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts):
                continue
            if f.suffix.lower() in _SUFFIXES:
                files.append(f)
            else:
                others[f.suffix.lower()] = others.get(f.suffix.lower(), 0) + 1
    return files, others


_SUFFIXES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".shtml": "text/html",
    ".xhtml": "text/html",
    ".txt": "text/plain",
    ".md": "text/plain",
    ".markdown": "text/plain",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _content_type(path: Path) -> str:
    return _SUFFIXES.get(path.suffix.lower(), "text/plain")
