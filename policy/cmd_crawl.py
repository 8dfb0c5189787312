"""mirror and crawl: the harvest side."""

from __future__ import annotations

import sys

import click

from policy.cli import Context, cli, fail


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
