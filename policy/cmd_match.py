"""match: which grants fit a company profile (reasoning/support.py), with why and by when."""

from __future__ import annotations

import json
from datetime import date

import click

from policy.cli import Context, cli, fail
from reasoning.support import ProfileError, load_profile, match, stored_candidates

VERDICT_MARKS = {"met": "✓", "unmet": "✗", "unknown": "?"}
VERDICT_WORDS = {"met": "符合", "unmet": "不符合", "unknown": "待确认"}
STATUS_WORDS = {"in_force": "现行有效", "unknown": "效力待确认"}


@cli.command("match")
@click.argument("profile", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--json", "as_json", is_flag=True, help="Print {profile, today, total, left_out, rows} as JSON."
)
@click.option(
    "--all", "show_all", is_flag=True, help="Also grants with a condition the company does not meet."
)
@click.option("--limit", default=20, show_default=True, help="Grants printed (text output).")
@click.option("--today", metavar="YYYY-MM-DD", help="Judge deadlines and company age on this day.")
@click.pass_obj
def match_cmd(
    obj: Context, profile: str, as_json: bool, show_all: bool, limit: int, today: str | None
) -> None:
    """Which stored grants a company can apply for: each condition met, unmet or unknown, with the
    sentence it comes from, the amount, the deadline and whether the policy still applies.

    PROFILE is a TOML or JSON file: region, industries, qualifications, founded,
    employees, revenue, rd_spend, rd_ratio, tax, patents (money in yuan, or
    "8000万元"; *_wan keys in 万元; ratios as 0.04 or "4%").

    \b
    Example:
      policy match company.toml
      policy match company.toml --json --all
    """
    try:
        day = date.fromisoformat(today) if today else date.today()
    except ValueError:
        fail(f"--today must be a date like 2024-05-01, not {today!r}")
    try:
        company = load_profile(profile)
    except ProfileError as e:
        fail(str(e))
    with obj.store() as store:
        result = match(company, stored_candidates(store), day, include_unmet=show_all)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return
    click.echo(f"{len(result.rows)} grants for {company.name or profile} on {result.today}")
    for row in result.rows[:limit]:
        click.echo("")
        amount = (row.amount or {}).get("text") or "金额未列明"
        click.echo(
            f"[{VERDICT_WORDS[row.verdict]}] {amount} · {row.benefit} · {row.title or '（无标题）'} {' '.join(row.path)}"
        )
        if row.beneficiary:
            click.echo(f"  对象：{row.beneficiary}")
        for c in row.conditions:
            click.echo(f"  {VERDICT_MARKS[c.verdict]} {c.text}（{c.why}）")
        click.echo(f"  截止：{_deadline(row)}  效力：{STATUS_WORDS.get(row.status, row.status)}")
    if result.left_out:
        click.echo("")
        click.echo(
            "not shown: " + ", ".join(f"{v} {k}" for k, v in result.left_out.items()) + " (--all shows them)"
        )


def _deadline(row) -> str:
    if row.deadline_state == "none":
        return "未列明"
    if row.deadline_state == "closed":
        return f"{row.deadline} 已截止"
    if row.deadline_state == "upcoming":
        return f"{row.window.get('from')} 开始受理（{row.days_left} 天后），{row.deadline} 截止"
    return f"{row.deadline}（还有 {row.days_left} 天）"
