"""serve and demo: the search site."""

from __future__ import annotations

import errno
import os
import signal
import socket

import click

from indexer import update_index
from policy.cli import Context, cli, fail


def check_port_free(host: str, port: int, option: str) -> None:
    """Fail at once, naming the option to change, when host:port is taken (before a long crawl)."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            fail(f"port {port} on {host} is already in use: choose another with {option} N")
        raise


def site_titles() -> dict[str, str]:
    """Each site config's title by name, for the site's run list; a broken config just keeps its name."""
    from crawler.config import ConfigError, available_sites, load_site

    titles = {}
    for name in available_sites():
        try:
            config = load_site(name)
        except ConfigError:
            continue
        if config.title:
            titles[name] = config.title
    return titles


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
    from search_web import create_app
    from search_web.server import make_server

    check_port_free(host, port, "--port")
    app = create_app(data_dir=obj.data_dir, SITE_TITLES=site_titles())
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: serving on {host} makes the site reachable from other machines", err=True)
    server = make_server(app, host=host, port=port, threads=8)
    click.echo(f"serving http://{host}:{port}/  (Ctrl-C to stop)")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@cli.command()
@click.option("--port", default=8000, show_default=True, help="Port of the search site.")
@click.option("--mirror-port", default=8001, show_default=True, help="Port of the local mirror site.")
@click.pass_obj
def demo(obj: Context, port: int, mirror_port: int) -> None:
    """Mirror, crawl, index and serve the bundled corpus in one go.

    \b
    Example:
      policy demo     # then open http://127.0.0.1:8000/search?q=揭榜挂帅
      policy demo --port 8100 --mirror-port 8101   # when 8000/8001 are taken
    """
    import threading

    from crawler.mirror import make_server
    from crawler.run import run_crawl
    from reasoning import relink_safely

    check_port_free("127.0.0.1", mirror_port, "--mirror-port")
    check_port_free("127.0.0.1", port, "--port")
    server = make_server("127.0.0.1", mirror_port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    mirror_url = f"http://127.0.0.1:{server.server_port}"
    os.environ["POLICY_MIRROR_URL"] = mirror_url
    click.echo(f"1/3 mirror site at {mirror_url}/")
    # Scrapy takes over SIGINT and SIGTERM for its reactor and leaves its handlers behind when
    # the crawl ends: without this, Ctrl-C would no longer stop the server the demo starts next.
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        stats = run_crawl("mirror", obj.data_dir)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    click.echo(f"2/3 {stats.summary()}")
    with obj.store() as store:
        relink_safely(store)  # statuses and links, right before indexing (reasoning/relinking.py)
        report = update_index(store, obj.data_dir)
    click.echo(f"3/3 index: {report.documents} documents, {report.clauses} clauses")
    click.echo(f"open http://127.0.0.1:{port}/search?q=揭榜挂帅")
    obj_ctx = click.get_current_context()
    obj_ctx.invoke(serve, host="127.0.0.1", port=port)
