"""serve and demo: the search site."""

from __future__ import annotations

import os

import click

from indexer import update_index
from policy.cli import Context, cli


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
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host} makes the site reachable from other machines", err=True)
    click.echo(f"serving http://{host}:{port}/  (Ctrl-C to stop)")
    waitress_serve(app, host=host, port=port, threads=8, ident="policy-harvester")


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
