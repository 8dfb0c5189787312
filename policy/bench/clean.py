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


def _rates(ours, theirs, pages: list[tuple[str, bytes]], rounds: int) -> tuple[float, float]:
    """Pages/s of each, timed in alternate rounds (ours, theirs, ours, …).

    The machine is shared: timing all of one's rounds and then all of the other's let a burst of
    someone else's load fall on one side only, and the ratio swung by a third between runs.
    """
    spent = [0.0, 0.0]
    for _ in range(rounds):
        for k, fn in enumerate((ours, theirs)):
            start = time.perf_counter()
            for name, body in pages:
                fn(name, body)
            spent[k] += time.perf_counter() - start
    return rounds * len(pages) / spent[0], rounds * len(pages) / spent[1]


def _annotate_share(pages: list[tuple[str, bytes]], rounds: int, rate: float) -> float | None:
    """The part of clean()'s time spent in the validity/citations hook, timed alone on the same documents."""
    from cleaner import NotADocument, clean

    try:
        from cleaner.validity import annotate
    except ImportError:
        return None
    docs = []
    for name, body in pages:
        try:
            docs.append(clean(body, source=name))
        except NotADocument:
            continue
    start = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            annotate(doc)
    spent = time.perf_counter() - start
    return spent / (rounds * len(pages) / rate)


def big_page(pages: list[tuple[str, bytes]], size: int = 10_000_000) -> bytes:
    """A page of about ``size`` bytes: one real page's body, then its text repeated in link-heavy blocks."""
    texts = []
    for _, body in pages:
        try:
            texts.append(body.decode("utf-8"))
        except UnicodeDecodeError:
            continue
    text = max(texts, key=len, default="<p>一、总体要求</p>" * 50)
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())[:20000]
    block = (
        "<div class='item'>"
        + paragraphs
        + "<ul>"
        + "<li><a href='#'>相关文章标题</a></li>" * 20
        + "</ul></div>"
    )
    head = "<html><head><meta charset='utf-8'><title>大页面</title></head><body><div class='TRS_Editor'>"
    return (
        head + paragraphs + "</div>" + block * max(1, size // len(block.encode())) + "</body></html>"
    ).encode()


@bench.command("clean")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--rounds", default=20, show_default=True, help="Times each page is cleaned.")
@click.option("--big/--no-big", default=True, show_default=True, help="Also time one 10 MB page.")
@click.option(
    "--real", is_flag=True, help="Score the real set (tests/fixtures/cleaner/real) against its gold."
)
@click.option("--batch", "batches", multiple=True, help="With --real: only these gold files (batch1.json …).")
@click.option("--verbose", "-v", is_flag=True, help="With --real: print each page's misses.")
def bench_clean(
    paths: tuple[str, ...], rounds: int, big: bool, real: bool, batches: tuple[str, ...], verbose: bool
) -> None:
    """Pages/s of clean() and of trafilatura.extract() on the same HTML pages, and the ratio.

    Without PATHS it uses the bundled sample site's pages.  With --real it
    scores the real set instead (fields, outline, departments, amounts and
    overall per page, per batch and in total, and each page's time), then
    times clean() against trafilatura on its HTML pages.

    \b
    Example:
      policy bench clean
      policy bench clean tests/fixtures/cleaner --rounds 5
      policy bench clean --real -v
      policy bench clean --real --batch batch1.json
    """
    from cleaner import NotADocument, clean  # loaded when benchmarking, not on every `policy` start

    if real:
        from policy.bench.realscore import report
        from policy.bench.realset import REAL_DIR

        report(list(batches) or None, verbose, click.echo)
        paths = paths or (str(REAL_DIR),)

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
    mine, base = _rates(ours, theirs, pages, rounds)
    click.echo(f"clean():              {mine:8.1f} pages/s")
    click.echo(f"trafilatura.extract(): {base:8.1f} pages/s")
    click.echo(f"ratio (ours / trafilatura): {mine / base:.2f}")
    share = _annotate_share(pages, rounds, mine)
    if share is not None:
        click.echo(f"  of clean()'s time, validity and citations (cleaner/validity.py) take {share:.0%}")
        if share < 1:
            click.echo(f"  ratio without that hook: {mine / (1 - share) / base:.2f}")
    if big:
        data = big_page(pages)
        start = time.perf_counter()
        ours("big", data)
        ours_big = time.perf_counter() - start
        # trafilatura needs tens of seconds on such a page: only ours is timed
        click.echo(f"one {len(data) / 1e6:.0f} MB page: clean() {ours_big:.2f} s")
    sys.stdout.flush()
