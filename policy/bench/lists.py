"""`policy bench lists`: how the crawler reads real saved list pages, fixture by fixture.

Figures, not assertions: the test suite holds the floor (tests/crawler/test_list_fixtures.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from policy.bench import bench

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "crawler" / "lists"


@bench.command("lists")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per fixture and reading.")
@click.option("--verbose", "-v", is_flag=True, help="Also print missing/extra entries and the next pages.")
def lists_cmd(folder: str | None, as_json: bool, verbose: bool) -> None:
    """Score add-site → check-site (and the bare family) on saved real list pages.

    Each NAME.expected.json (family, url, entries, next_pages, written by
    hand) is read with the config add-site drafts from NAME.<ext>, and with
    a config naming only the expected family: entries F1 by URL, titles and
    dates right among the matched, next page right, family recognised.

    \b
    Example:
      policy bench lists
      policy bench lists tests/fixtures/crawler/lists -v
    """
    from crawler.listscore import PASS_F1, fixtures, score_added, score_family

    found = fixtures(Path(folder) if folder else DEFAULT_DIR)
    if not found:
        raise click.ClickException("no fixtures (NAME.expected.json beside NAME.html) in that folder")
    rows = []
    for fx in found:
        added, family = score_added(fx), score_family(fx)
        rows.append((fx, added, family))
        if as_json:
            click.echo(json.dumps({"added": added.as_json(), "family": family.as_json()}, ensure_ascii=False))
            continue
        recog = "=" if added.family == added.expected_family else f"≠ {added.family}"
        click.echo(
            f"{fx.name:<28} {added.expected_family:<8} add-site: {recog:<10} F1 {added.f1:.3f} "
            f"({added.matched}/{added.expected}, found {added.found}) titles {added.titles_right}/{added.matched} "
            f"dates {added.dates_right}/{added.matched} next {'ok' if added.next_right else 'WRONG'}"
            f"  | family alone: F1 {family.f1:.3f} next {'ok' if family.next_right else 'WRONG'}"
        )
        if verbose:
            for label, sc in (("add-site", added), ("family", family)):
                if not sc.ok:
                    click.echo(f"    {label}: missing {sc.missing[:3]} extra {sc.extra[:3]}")
                    click.echo(f"    {label}: next expected {sc.next_expected} found {sc.next_found}")
            for q in added.questions:
                click.echo(f"    question: {q}")
    if as_json:
        return
    n = len(rows)
    ok_added = sum(1 for _, a, _ in rows if a.ok)
    ok_family = sum(1 for _, _, f in rows if f.ok)
    recognised = sum(1 for _, a, _ in rows if a.family == a.expected_family)
    mean = sum(a.f1 for _, a, _ in rows) / n
    matched = sum(a.matched for _, a, _ in rows)
    titles = sum(a.titles_right for _, a, _ in rows)
    dates = sum(a.dates_right for _, a, _ in rows)
    families = sorted({a.expected_family for _, a, _ in rows})
    click.echo(
        f"{n} fixtures ({len(families)} families: {', '.join(families)}): add-site→check-site right "
        f"(F1 ≥ {PASS_F1} and next page) on {ok_added}/{n} ({ok_added / n:.0%}), mean F1 {mean:.3f}, "
        f"titles {titles}/{matched}, dates {dates}/{matched}; family recognised {recognised}/{n}; "
        f"family alone right on {ok_family}/{n}"
    )
