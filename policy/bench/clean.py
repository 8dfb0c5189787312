"""`policy bench clean`: pages per second of clean() against trafilatura.extract() on the same pages.

trafilatura is the generic extractor a user would otherwise reach for; it only
finds the body text, so ours must be at least as fast while extracting the
metadata, the outline, department tags and amounts too.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from cleaner import NotADocument, clean
from crawler.mirror import site_root
from policy.bench import bench


def _pages(paths: tuple[str, ...]) -> list[tuple[str, bytes]]:
    files: list[Path] = []
    for p in map(Path, paths) if paths else [site_root()]:
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.suffix.lower() in (".html", ".htm"))
        else:
            files.append(p)
    return [(str(f), f.read_bytes()) for f in files]


def _rate(fn, pages: list[tuple[str, bytes]], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for name, body in pages:
            fn(name, body)
    return rounds * len(pages) / (time.perf_counter() - start)


@bench.command("clean")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--rounds", default=20, show_default=True, help="Times each page is cleaned.")
def bench_clean(paths: tuple[str, ...], rounds: int) -> None:
    """Pages/s of clean() and of trafilatura.extract() on the same HTML pages, and the ratio.

    Without PATHS it uses the bundled sample site's pages.

    \b
    Example:
      policy bench clean
      policy bench clean tests/fixtures/cleaner --rounds 5
    """
    try:
        import trafilatura
    except ImportError:
        raise click.ClickException("trafilatura is not installed (pip install -e '.[dev]')") from None
    pages = _pages(paths)
    if not pages:
        raise click.ClickException("no .html pages found")
    kb = sum(len(b) for _, b in pages) / len(pages) / 1024

    def ours(name: str, body: bytes) -> None:
        try:
            clean(body, source=name)
        except NotADocument:
            pass

    def theirs(name: str, body: bytes) -> None:
        trafilatura.extract(body)

    # warm both up (imports, regex compilation) before timing
    for name, body in pages:
        ours(name, body)
        theirs(name, body)
    click.echo(f"{len(pages)} pages, {kb:.1f} kB on average, {rounds} rounds", err=True)
    mine = _rate(ours, pages, rounds)
    base = _rate(theirs, pages, rounds)
    click.echo(f"clean():              {mine:8.1f} pages/s")
    click.echo(f"trafilatura.extract(): {base:8.1f} pages/s")
    click.echo(f"ratio (ours / trafilatura): {mine / base:.2f}")
    sys.stdout.flush()
