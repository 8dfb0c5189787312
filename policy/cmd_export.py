"""export: the whole store as JSON lines (the document contract) or CSV (one row per clause)."""

from __future__ import annotations

import json
import sys

import click

from policy.cli import Context, cli


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one document per line (the JSON contract); csv: one clause per row, UTF-8 with BOM.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="File to write (default: standard output).",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="Where the site is served (https://policy.example.org): rows and documents get absolute links.",
)
@click.pass_obj
def export_cmd(obj: Context, fmt: str, output: str | None, base_url: str | None) -> None:
    """Write every stored document, for researchers who analyse the corpus elsewhere.

    A document whose stored row cannot be read is left out with a warning
    and the exit code is 1; every other document is written.

    \b
    Example:
      policy export --format jsonl -o policies.jsonl
      policy export --format csv -o clauses.csv      # opens in Excel (UTF-8 with BOM)
      policy export --format csv --base-url https://policy.example.org -o clauses.csv
    """
    from urllib.parse import urlsplit

    from reasoning.view import document_view
    from search_web.export import csv_lines, document_rows, site_link

    if base_url and (urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).netloc):
        raise click.BadParameter(
            f"must be an http(s) URL such as https://policy.example.org, not {base_url!r}",
            param_hint="'--base-url'",
        )
    link = (lambda doc_id, clause_id=None: site_link(base_url, doc_id, clause_id)) if base_url else None

    damaged: list[str] = []

    def skip(e) -> None:  # one unreadable row must not cost the researcher the rest of the corpus
        damaged.append(e.doc_id)
        click.echo(f"\nwarning: skipped {e}", err=True)

    with obj.store() as store:
        total = store.count_documents()
        out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        documents = clauses = 0
        try:
            rows = store.documents(on_damaged=skip)
            with click.progressbar(rows, length=total, label="export", file=sys.stderr) as bar:
                if fmt == "jsonl":
                    for doc in bar:
                        # the document with its status today and its relations, as `policy show --json`
                        view = document_view(store, doc.id, doc=doc)
                        if link:
                            view["link"] = link(doc.id)
                        out.write(json.dumps(view, ensure_ascii=False) + "\n")
                        documents += 1
                        clauses += len(doc.clauses)
                else:

                    def rows():
                        nonlocal documents, clauses
                        for doc in bar:
                            documents += 1
                            for row in document_rows(doc, document_view(store, doc.id, doc=doc), link):
                                clauses += 1
                                yield row

                    for chunk in csv_lines(rows()):
                        out.write(chunk)
        finally:
            if output:
                out.close()
    where = output or "standard output"
    click.echo(f"exported {documents} documents ({clauses} clauses) as {fmt} to {where}", err=not output)
    if damaged:
        click.echo(f"error: {len(damaged)} damaged document(s) left out: {', '.join(damaged)}", err=True)
        sys.exit(1)
