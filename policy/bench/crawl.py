"""`policy bench crawl`: our crawl + store + clean against a bare Scrapy download, same pages, same run."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

import click

from policy.bench import bench


def _side(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-m", "crawler.benchmark", *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise click.ClickException(f"bench run {args[0]} failed: {out.stderr.strip().splitlines()[-1:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


@bench.command("crawl")
@click.option("--docs", default=2000, show_default=True, help="Documents in the generated mirror column.")
@click.option("--repeat", default=1, show_default=True, help="Rounds; each runs both sides, best rate kept.")
def crawl_bench(docs: int, repeat: int) -> None:
    """Pages per second of our full pipeline beside a bare Scrapy spider, politeness off.

    Both sides fetch the same list and detail pages of a generated mirror
    column (served from this process); ours also stores every page, cleans
    it into a document and writes the document.  Each side runs in its own
    process and times itself from spider open to close.

    \b
    Example:
      policy bench crawl
      policy bench crawl --docs 500 --repeat 2
    """
    from crawler.mirror import serve_in_thread

    server, url = serve_in_thread(generate=docs)
    bare_best = ours_best = None
    try:
        for round_no in range(1, repeat + 1):
            click.echo(f"round {round_no}: bare Scrapy …", err=True)
            bare = _side(["bare", url])
            click.echo(f"round {round_no}: ours (crawl + store + clean) …", err=True)
            with tempfile.TemporaryDirectory() as tmp:
                ours = _side(["ours", url, tmp])
            if ours.get("new") != docs:
                raise click.ClickException(f"our crawl stored {ours.get('new')} of {docs} documents")
            bare_best = bare if bare_best is None or bare["rate"] > bare_best["rate"] else bare_best
            ours_best = ours if ours_best is None or ours["rate"] > ours_best["rate"] else ours_best
    finally:
        server.shutdown()
        server.server_close()
    click.echo(f"generated mirror: {docs} documents, politeness off, 16 requests at a time")
    click.echo(
        f"bare Scrapy (download only): {bare_best['pages']} pages in {bare_best['seconds']:.2f} s = {bare_best['rate']:.1f} pages/s"
    )
    click.echo(
        f"ours (crawl + store + clean): {ours_best['pages']} pages in {ours_best['seconds']:.2f} s = {ours_best['rate']:.1f} pages/s"
    )
    click.echo(f"ratio ours/bare: {ours_best['rate'] / bare_best['rate']:.2f}")
    for line in cost_lines(bare_best, ours_best):
        click.echo(line)


def cost_lines(bare: dict, ours: dict) -> list[str]:
    """Where a page's time goes, in ms a page: what decides the ratio on a machine's cores."""
    per_page = 1000 / max(1, ours["pages"])
    stages = ours.get("stages", {})
    worker = sum(stages.get(k, 0.0) for k in ("clean", "rows", "compress"))
    return [
        f"CPU a page: bare crawl {bare['cpu'] * 1000 / max(1, bare['pages']):.1f} ms;"
        f" ours: crawl process {ours['cpu'] * per_page:.1f} ms"
        f" (store writes {stages.get('writes', 0.0) * per_page:.1f}, store close"
        f" {stages.get('close', 0.0) * per_page:.1f}),"
        f" clean workers {worker * per_page:.1f} ms (clean() {stages.get('clean', 0.0) * per_page:.1f},"
        f" rows + facts {stages.get('rows', 0.0) * per_page:.1f},"
        f" compress {stages.get('compress', 0.0) * per_page:.1f})",
    ]
