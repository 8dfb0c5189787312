"""`policy bench support`: the support extraction scored per field against the hand-written gold.

Cleans the 13 real support pages of ``tests/fixtures/cleaner/real/`` and scores
every grant (``policy.bench.support_score``): beneficiary, conditions, amount
(value and kind), deadline, department, benefit, plus level, facts and window;
the 60 thresholds and goals of ``non_grants.json`` that must never be grants;
the notices' ``support_terms``.  ``--why`` lists every wrong field.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import click

from policy.bench import bench
from policy.bench.support_score import (
    EXTRA_FIELDS,
    FIELDS,
    PageScore,
    non_grant_violations,
    score_page,
    terms_right,
    total,
)

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "fixtures" / "support"
PAGES = ROOT / "tests" / "fixtures" / "cleaner" / "real"


def load_gold(gold_dir: Path = GOLD_DIR) -> tuple[list[dict], list[dict], list[dict]]:
    def read(name: str) -> list[dict]:
        return json.loads((gold_dir / name).read_text(encoding="utf-8"))

    return read("gold.json"), read("non_grants.json"), read("terms_gold.json")


def clean_pages(files: list[str], pages: Path = PAGES) -> dict[str, dict]:
    """Each page's document JSON, as ``policy clean --json`` prints it."""
    from cleaner import clean

    return {f: clean((pages / f).read_bytes(), source=f).to_dict() for f in files}


def run(gold_dir: Path = GOLD_DIR, pages: Path = PAGES) -> dict:
    """Every figure of the bench, as plain data (also what the test's floor reads)."""
    gold, non_grants, terms = load_gold(gold_dir)
    by_file: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_file[g["file"]].append(g)
    files = sorted(set(by_file) | {e["file"] for e in non_grants} | {t["file"] for t in terms})
    docs = clean_pages(files, pages)
    page_scores: list[PageScore] = [score_page(f, by_file[f], docs[f]) for f in sorted(by_file)]
    fields = total(page_scores)
    violations = [
        v for f in files for v in non_grant_violations([e for e in non_grants if e["file"] == f], docs[f])
    ]
    term_scores = {t["file"]: terms_right(t, docs[t["file"]]) for t in terms}
    return {
        "grants": len(gold),
        "predicted": sum(p.pred for p in page_scores),
        "paired": sum(p.paired for p in page_scores),
        "fields": {k: {"f1": v.f1, "precision": v.precision, "recall": v.recall} for k, v in fields.items()},
        "page_means": {
            k: sum(p.fields[k].f1 for p in page_scores) / len(page_scores) for k in FIELDS + EXTRA_FIELDS
        },
        "non_grants": {"total": len(non_grants), "as_grants": len(violations), "which": violations},
        "terms": {
            k: sum(s[k] for s in term_scores.values()) / len(term_scores)
            for k in next(iter(term_scores.values()))
        },
        "misses": [m for p in page_scores for m in p.misses],
    }


def pages_for(gold_dir: Path) -> Path:
    """A gold folder with a ``pages/`` folder of its own (a held-out set) is scored on those pages."""
    own = gold_dir / "pages"
    return own if own.is_dir() else PAGES


@bench.command("support")
@click.option("--why", is_flag=True, help="List every wrong field, missed and extra grant.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Another gold folder (gold.json, non_grants.json, terms_gold.json); its pages/ folder when it has one.",
)
def bench_support(why: bool, as_json: bool, gold_dir: Path | None) -> None:
    """Support extraction against the gold of tests/fixtures/support/ (per field, F1 over grants).

    \b
    Example:
      policy bench support
      policy bench support --why | grep conditions
      policy bench support --gold tests/fixtures/support/heldout
    """
    gold_dir = gold_dir or GOLD_DIR
    result = run(gold_dir, pages_for(gold_dir))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    click.echo(f"{result['grants']} gold grants, {result['predicted']} predicted, {result['paired']} paired")
    click.echo(f"{'field':<12} {'F1':>6} {'P':>6} {'R':>6} {'page mean':>10}")
    for name in FIELDS + EXTRA_FIELDS:
        f = result["fields"][name]
        click.echo(
            f"{name:<12} {f['f1']:6.3f} {f['precision']:6.3f} {f['recall']:6.3f} {result['page_means'][name]:10.3f}"
        )
    ng = result["non_grants"]
    click.echo(f"non-grants read as grants: {ng['as_grants']} of {ng['total']}")
    for v in ng["which"]:
        click.echo(f"  {v}")
    click.echo("notice terms: " + ", ".join(f"{k} {v:.3f}" for k, v in result["terms"].items()))
    if why:
        for m in result["misses"]:
            click.echo(m)
