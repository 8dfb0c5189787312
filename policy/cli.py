"""The `policy` command: thin wiring of the stages.

Each subcommand reads its input, calls one stage, and prints a short
summary; errors become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from cleaner import NotADocument, clean
from corpus.store import Store, StoreError
from indexer import Filters, IndexError_, QueryError, search, update_index

DEFAULT_DATA_DIR = "./data"


class Context:
    def __init__(self, data_dir: str):
        self.data_dir = Path(data_dir)

    def store(self) -> Store:
        return Store.in_dir(self.data_dir)


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


class PolicyGroup(click.Group):
    """Turns the errors users can act on into one line instead of a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (StoreError, IndexError_, QueryError, NotADocument) as e:
            fail(str(e))
        except OSError as e:
            fail(f"{e.strerror or e}: {e.filename}" if getattr(e, "filename", None) else str(e))


@click.group(cls=PolicyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    envvar="POLICY_DATA_DIR",
    default=DEFAULT_DATA_DIR,
    show_default=True,
    help="Where the store and the index live (env POLICY_DATA_DIR).",
)
@click.pass_context
def cli(ctx: click.Context, data_dir: str) -> None:
    """Harvest, clean, index and search Chinese science-and-technology policy documents.

    \b
    Example:
      policy demo                      # mirror + crawl + index + serve the bundled corpus
      policy search 中试基地 --json
    """
    ctx.obj = Context(data_dir)


@cli.command("clean")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one document JSON object per line.")
def clean_cmd(files: tuple[str, ...], as_json: bool) -> None:
    """Clean local files (HTML or text) into documents and print them.

    \b
    Example:
      policy clean page.html --json
    """
    failed = 0
    for path in files:
        try:
            doc = clean(Path(path).read_bytes(), source=path)
        except NotADocument as e:
            click.echo(f"error: {path}: {e}", err=True)
            failed += 1
            continue
        if as_json:
            click.echo(json.dumps(doc.to_dict(), ensure_ascii=False))
        else:
            click.echo(f"{path}: {doc.title or '(no title)'} | {doc.issuer or '-'} | {doc.doc_number or '-'} | "
                       f"{doc.published or '-'} | {doc.doc_type} | {len(doc.clauses)} clauses")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.pass_obj
def ingest(obj: Context, paths: tuple[str, ...]) -> None:
    """Clean local .html/.htm/.txt files (or folders of them) into the store.

    \b
    Example:
      policy ingest ../shared/seeds/*.txt
    """
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.suffix.lower() in (".html", ".htm", ".txt"))
        else:
            files.append(p)
    counts = {"new": 0, "changed": 0, "unchanged": 0, "failed": 0}
    with obj.store() as store:
        with click.progressbar(files, label="ingest", file=sys.stderr, show_pos=True) as bar:
            for f in bar:
                body = f.read_bytes()
                url = f.resolve().as_uri()
                saved = store.save_page(url, body, status=None, content_type=_content_type(f))
                try:
                    doc = clean(body, source=str(f))
                except NotADocument as e:
                    click.echo(f"\nskipped {f}: {e}", err=True)
                    counts["failed"] += 1
                    continue
                doc.set_key(url)  # the id follows the file, wherever the command runs from
                counts[store.save_document(doc, page_id=saved.page_id, site="local")] += 1
        total = store.count_documents()
    click.echo(
        f"ingested {len(files)} files: {counts['new']} new, {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged, {counts['failed']} failed; {total} documents in {obj.data_dir}"
    )
    if counts["failed"]:
        sys.exit(1)


def _content_type(path: Path) -> str:
    return "text/html" if path.suffix.lower() in (".html", ".htm") else "text/plain"


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Rebuild the whole index from the store.")
@click.pass_obj
def index_cmd(obj: Context, rebuild: bool) -> None:
    """Bring the search index up to date with the store.

    \b
    Example:
      policy index            # only what changed since the last run
      policy index --rebuild
    """
    with obj.store() as store:
        report = update_index(store, obj.data_dir, rebuild=rebuild)
    verb = "rebuilt" if report.rebuilt else "updated"
    click.echo(
        f"index {verb}: {report.documents} documents ({report.clauses} clauses) indexed, "
        f"{report.removed} removed"
    )


@cli.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print {query, total, hits} as one JSON object.")
@click.option("--limit", default=10, show_default=True, help="Hits per page.")
@click.option("--page", default=1, show_default=True)
@click.option("--region", help="Province, city or county (full name, e.g. 临沂市).")
@click.option("--issuer")
@click.option("--department", help="Responsible department, as printed or canonical.")
@click.option("--type", "doc_type", help="意见 规划 方案 办法 通知 …")
@click.option("--year-from", type=int)
@click.option("--year-to", type=int)
@click.option("--min-yuan", type=float, help="Only clauses granting at least this amount.")
@click.option("--drafts", type=click.Choice(["include", "exclude", "only"]), default="include", show_default=True)
@click.option("--sort", type=click.Choice(["relevance", "date", "amount"]), default="relevance", show_default=True)
@click.option("--collapse", is_flag=True, help="One hit per document.")
@click.pass_obj
def search_cmd(obj: Context, query: tuple[str, ...], as_json: bool, limit: int, page: int, region, issuer,
               department, doc_type, year_from, year_to, min_yuan, drafts, sort, collapse) -> None:
    """Search clauses.

    \b
    Example:
      policy search 中试基地 补助 --region 临沂市 --json
      policy search '"揭榜挂帅"' -- -征求意见稿
    """
    filters = Filters(region=region, issuer=issuer, department=department, doc_type=doc_type,
                      year_from=year_from, year_to=year_to, min_yuan=min_yuan, drafts=drafts)
    results = search(obj.data_dir, " ".join(query), filters, page=page, per_page=limit, sort=sort, collapse=collapse)
    if as_json:
        click.echo(json.dumps(results.to_dict(), ensure_ascii=False))
        return
    for note in results.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"{results.total} clauses match {results.query!r}")
    for i, h in enumerate(results.hits, (page - 1) * limit + 1):
        path = " › ".join(h.path) or "—"
        click.echo(f"\n{i}. {h.title or '(无标题)'}  {h.doc_number or ''} {h.published or ''}")
        click.echo(f"   {path}  {h.text[:120]}")
        if h.departments:
            click.echo(f"   责任单位: {'、'.join(h.departments)}")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.pass_obj
def serve(obj: Context, host: str, port: int) -> None:
    """Serve the search site with a production WSGI server (waitress).

    \b
    Example:
      policy serve --port 8000
    """
    from waitress import serve as waitress_serve

    from search_web import create_app

    app = create_app(data_dir=obj.data_dir)
    click.echo(f"serving http://{host}:{port}/  (Ctrl-C to stop)")
    waitress_serve(app, host=host, port=port, threads=8, ident="policy-harvester")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True)
def mirror(host: str, port: int) -> None:
    """Serve the bundled sample government site (the local mirror used by the demo and tests).

    \b
    Example:
      policy mirror --port 8001
    """
    from crawler.mirror import make_server

    server = make_server(host, port)
    click.echo(f"mirror site at http://{host}:{server.server_port}/  (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


@cli.command()
@click.argument("site")
@click.pass_obj
def crawl(obj: Context, site: str) -> None:
    """Crawl one configured site into the store (sites are crawler/sites/*.toml).

    \b
    Example:
      POLICY_MIRROR_URL=http://127.0.0.1:8001 policy crawl mirror
    """
    from crawler.config import ConfigError
    from crawler.run import run_crawl

    try:
        stats = run_crawl(site, obj.data_dir)
    except ConfigError as e:
        fail(str(e))
    click.echo(stats.summary())
    if stats.failed:
        sys.exit(1)


@cli.command()
@click.option("--port", default=8000, show_default=True, help="Port of the search site.")
@click.option("--mirror-port", default=8001, show_default=True, help="Port of the local mirror site.")
@click.pass_obj
def demo(obj: Context, port: int, mirror_port: int) -> None:
    """Mirror, crawl, index and serve the bundled corpus in one go.

    \b
    Example:
      policy demo     # then open http://127.0.0.1:8000/search?q=揭榜挂帅
    """
    import threading

    from crawler.mirror import make_server
    from crawler.run import run_crawl

    server = make_server("127.0.0.1", mirror_port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    mirror_url = f"http://127.0.0.1:{server.server_port}"
    os.environ["POLICY_MIRROR_URL"] = mirror_url
    click.echo(f"1/3 mirror site at {mirror_url}/")
    stats = run_crawl("mirror", obj.data_dir)
    click.echo(f"2/3 {stats.summary()}")
    with obj.store() as store:
        report = update_index(store, obj.data_dir)
    click.echo(f"3/3 index: {report.documents} documents, {report.clauses} clauses")
    click.echo(f"open http://127.0.0.1:{port}/search?q=揭榜挂帅")
    obj_ctx = click.get_current_context()
    obj_ctx.invoke(serve, host="127.0.0.1", port=port)


def main() -> None:
    cli(prog_name="policy")


if __name__ == "__main__":
    main()
