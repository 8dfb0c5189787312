"""`policy bench web`: the search page's render time against the bare search() call it wraps.

The page adds parameter checks, one store query for the breadcrumbs' headings,
facet links and the template; the target is at most 2x the search itself.
Both run in this process, interleaved, on the same queries and index.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import click

from policy.bench import bench

QUERIES = (
    "中试基地 补助",
    "揭榜挂帅",
    "新型研发机构",
    "科技成果转化",
    "孵化器 -众创空间",
    '"科技成果转化"',
    "人才 奖励",
    "研发费用 后补助",
)


def _sample_corpus(data_dir: Path, copies: int) -> None:
    """The bundled sample pages saved under ``copies`` URLs each, cleaned, stored and indexed."""
    from cleaner import NotADocument, clean
    from corpus.store import Store
    from crawler.mirror import site_root
    from indexer import update_index
    from reasoning import relink_safely

    pages = sorted(site_root().glob("kjj/zcwj/20*/*.html"))
    with Store.in_dir(data_dir) as store:
        for n in range(copies):
            for path in pages:
                url = f"http://site{n}.example.gov.cn/{path.relative_to(site_root()).as_posix()}"
                body = path.read_bytes()
                saved = store.save_page(url, body, content_type="text/html")
                try:
                    doc = clean(body, url=url)
                except NotADocument:
                    continue
                store.save_document(doc, page_id=saved.page_id, site=f"site{n}")
        relink_safely(store)  # as the commands do, right before indexing
        update_index(store, data_dir)


def _interleaved_medians(fns: list, rounds: int) -> list[float]:
    """Median milliseconds of each function, run in turn each round so load swings hit all alike."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            times[i].append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


def _pad(text: str, width: int) -> str:
    """Left-justify by display width: a CJK character takes two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - shown)


@bench.command("web")
@click.option("--rounds", default=15, show_default=True, help="Timed runs of each query on each side.")
@click.option(
    "--copies",
    default=20,
    show_default=True,
    help="Without an index in --data-dir: copies of the sample site in a temporary corpus.",
)
@click.pass_context
def bench_web(ctx: click.Context, rounds: int, copies: int) -> None:
    """Render time of /search (and /api/search) against the bare indexer.search() call, as a ratio.

    Uses the index in --data-dir when there is one; otherwise builds a
    temporary corpus from the bundled sample site.

    \b
    Example:
      policy bench web
      policy --data-dir ./data bench web --rounds 30
    """
    from indexer import Filters, search
    from indexer.build import index_dir
    from search_web import create_app

    data_dir = Path(ctx.obj.data_dir)
    tmp = None
    if not index_dir(data_dir).exists():
        tmp = tempfile.TemporaryDirectory(prefix="policy-bench-web-")
        data_dir = Path(tmp.name) / "data"
        click.echo(f"building a corpus of {copies} copies of the sample site ...", err=True)
        _sample_corpus(data_dir, copies)
    try:
        client = create_app(data_dir=data_dir).test_client()
        for q in QUERIES:  # warm up: imports, the index's readers, jieba, templates
            search(data_dir, q, Filters(), page=1, per_page=10)
            client.get("/search", query_string={"q": q})
        click.echo(f"{_pad('query', 22)}{'search()':>10}{'page':>10}{'api':>10}{'page/search':>13}")
        sums = [0.0, 0.0, 0.0]
        ratios = []
        for q in QUERIES:
            bare, page, api = _interleaved_medians(
                [
                    lambda q=q: search(data_dir, q, Filters(), page=1, per_page=10),
                    lambda q=q: _ok(client.get("/search", query_string={"q": q})),
                    lambda q=q: _ok(client.get("/api/search", query_string={"q": q})),
                ],
                rounds,
            )
            sums = [sums[0] + bare, sums[1] + page, sums[2] + api]
            ratios.append(page / bare)
            click.echo(f"{_pad(q, 22)}{bare:>8.1f}ms{page:>8.1f}ms{api:>8.1f}ms{page / bare:>12.2f}x")
        click.echo(f"ratio page / search(): {sums[1] / sums[0]:.2f}x over all queries   (target ≤ 2x)")
        click.echo(
            f"         per query:    {statistics.geometric_mean(ratios):.2f}x geometric mean, {max(ratios):.2f}x worst"
        )
        click.echo(f"ratio api  / search(): {sums[2] / sums[0]:.2f}x")
        sys.stdout.flush()
    finally:
        if tmp:
            tmp.cleanup()


def _ok(response) -> None:
    if response.status_code != 200:
        raise click.ClickException(f"{response.request.path} answered {response.status_code}")
