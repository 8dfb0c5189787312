"""index and search."""

from __future__ import annotations

import json
import re
import sys
import time

import click

from indexer import Filters, search, update_index
from indexer.build import AUTO_TANTIVY_FROM
from policy.cli import Context, cli, fail


def _progress():
    """Progress on stderr (a line every few seconds when not a terminal), so a big rebuild shows it is alive."""
    tty = sys.stderr.isatty()
    every = 0.5 if tty else 5.0
    started = last = time.monotonic()

    def show(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= every or (done == total and now - started >= every):
            last = now
            line = f"indexing documents {done}/{total}"
            click.echo(f"\r{line}" if tty else line, err=True, nl=not tty or done == total)

    return show


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Rebuild the whole index from the store.")
@click.option(
    "--backend",
    type=click.Choice(["whoosh", "tantivy", "auto"]),
    help="Search engine (default: the index's own, else env POLICY_INDEX_BACKEND, else auto: "
    "Whoosh below 20,000 clauses, tantivy from there); changing it rebuilds.",
)
@click.option(
    "--wait",
    default=600,
    show_default=True,
    help="Seconds to wait for another `policy index` writing the same index.",
)
@click.pass_obj
def index_cmd(obj: Context, rebuild: bool, backend: str | None, wait: int) -> None:
    """Bring the search index up to date with the store.

    Only documents changed since the last run are re-indexed; searches keep
    working meanwhile.  A second run started while one is writing waits its
    turn.  A damaged index (a disk fault, a copy taken mid-write) is rebuilt
    from the store.  Beside the engine's files it writes the corpus's own
    wording (lexicon.json: the short forms its texts define, its words and
    phrases with their counts), which queries reach (危化品 -> 危险化学品).

    \b
    Example:
      policy index            # only what changed since the last run
      policy index --rebuild  # from scratch, swapped in when complete
      policy index --backend tantivy   # the Rust engine (auto picks it from 20,000 clauses)
    """
    from reasoning import relink_safely

    started = time.monotonic()
    with obj.store() as store:
        total = store.count_clauses()
        relink_safely(store)  # today's statuses and links, right before indexing (reasoning/relinking.py)
        report = update_index(
            store,
            obj.data_dir,
            rebuild=rebuild,
            backend=backend,
            progress=_progress(),
            on_wait=lambda: click.echo("waiting for another `policy index` to finish…", err=True),
            lock_timeout=wait,
        )
    verb = "rebuilt" if report.rebuilt else "updated"
    click.echo(
        f"index {verb}: {report.documents} documents ({report.clauses} clauses) indexed, "
        f"{report.removed} removed [{report.backend}, {time.monotonic() - started:.1f} s]"
    )
    for line in report.notes():
        click.echo(line, err=line.startswith("warning"))
    if report.backend == "whoosh" and total >= AUTO_TANTIVY_FROM:
        click.echo(
            f"note: {total:,} clauses: `policy index --backend tantivy` answers queries much faster", err=True
        )
    if report.damaged:
        sys.exit(1)


class SearchCommand(click.Command):
    """Reads an exclusion such as -众创空间 as part of the query, not as an unknown option.

    A word after "-" that is not an ASCII option name (-众创空间, -"征求意见稿") gets a
    full-width hyphen, which the query parser reads as "-"; a mistyped ASCII flag
    (--jsno) is still an error.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        args = ["－" + a[1:] if a.startswith("-") and len(a) > 1 and not a[1].isascii() else a for a in args]
        return super().parse_args(ctx, args)


@cli.command("search", cls=SearchCommand)
@click.argument("query", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print {query, total, hits} as one JSON object.")
@click.option(
    "--limit", default=10, show_default=True, type=click.IntRange(1, 100), help="Hits per page (1-100)."
)
@click.option("--page", default=1, show_default=True, type=click.IntRange(min=1), help="Page number, from 1.")
@click.option("--region", help="Province, city or county (full name, e.g. 临沂市).")
@click.option("--issuer")
@click.option("--department", help="Responsible department, as printed or canonical.")
@click.option("--type", "doc_type", help="意见 规划 方案 办法 通知 …")
@click.option("--year-from", type=int)
@click.option("--year-to", type=int)
@click.option("--min-yuan", type=float, help="Only clauses granting at least this amount.")
@click.option(
    "--drafts", type=click.Choice(["include", "exclude", "only"]), default="include", show_default=True
)
@click.option(
    "--sort", type=click.Choice(["relevance", "date", "amount"]), default="relevance", show_default=True
)
@click.option(
    "--status",
    help="Only documents with this status (in_force, expired, repealed, draft, superseded, "
    "not_yet_effective, unknown; several comma-separated).",
)
@click.option("--collapse", is_flag=True, help="One hit per document.")
@click.option(
    "--in-force", "in_force", is_flag=True, help="Only policies in force today, or of unknown status."
)
@click.option(
    "--strict", is_flag=True, help="With --in-force: drop the unknown too (only known to be in force)."
)
@click.pass_obj
def search_cmd(
    obj: Context,
    query: tuple[str, ...],
    as_json: bool,
    limit: int,
    page: int,
    region,
    issuer,
    department,
    doc_type,
    year_from,
    year_to,
    min_yuan,
    drafts,
    sort,
    status,
    collapse,
    in_force=False,
    strict=False,
) -> None:
    """Search clauses.

    \b
    Example:
      policy search 中试基地 补助 --region 临沂市 --json
      policy search '"揭榜挂帅"' -- -征求意见稿
      policy search 孵化器 奖励 --in-force          # only what still applies (or has no dates)
      policy search 科技特派员 补助 --status in_force,unknown --sort amount
    """
    if not " ".join(query).strip():
        fail("查询为空：请输入要找的词，例如 policy search 中试基地 补助")
    filters = Filters(
        region=region,
        issuer=issuer,
        department=department,
        doc_type=doc_type,
        year_from=year_from,
        year_to=year_to,
        min_yuan=min_yuan,
        drafts=drafts,
        validity="strict" if strict else ("in_force" if in_force else "all"),
        status=status,
    )
    results = search(
        obj.data_dir,
        re.sub(r"(^|\s)－", r"\1-", " ".join(query)),  # as typed (see SearchCommand)
        filters,
        page=page,
        per_page=limit,
        sort=sort,
        collapse=collapse,
    )
    if as_json:
        click.echo(json.dumps(results.to_dict(), ensure_ascii=False))
        return
    from search_web.labels import STATUS_LABELS

    # one language per line: the notes and the hits are Chinese, the count line English
    for note in results.notes:
        click.echo(f"提示：{note}", err=True)
    counted = "1 clause matches" if results.total == 1 else f"{results.total} clauses match"
    click.echo(f"{counted} {results.query!r}")
    for i, h in enumerate(results.hits, (page - 1) * limit + 1):
        path = " › ".join(h.path) or "—"
        state = (h.status or {}).get("status")
        mark = (
            f" ［{STATUS_LABELS.get(state, state)}］"
            if state and state not in ("in_force", "unknown")
            else ""
        )
        click.echo(f"\n{i}. {h.title or '(无标题)'}  {h.doc_number or ''} {h.published or ''}{mark}")
        click.echo(f"   {path}  {h.text[:120]}")
        if h.departments:
            click.echo(f"   责任单位: {'、'.join(h.departments)}")
