"""show: one document with its status and relations (the object /api/doc/<id> returns)."""

from __future__ import annotations

import json
from datetime import date

import click

from corpus.facts import INVERSE
from corpus.keys import number_key
from corpus.store import Store
from policy.cli import Context, cli, fail
from reasoning.view import document_view

RELATION_LABELS = {
    "cites": "cites",
    "cited_by": "cited by",
    "repeals": "repeals",
    "repealed_by": "repealed by",
    "draft_of": "final version",
    "final_of": "draft",
    "repost_of": "carries",
    "reposts": "reposted by",
    "duplicate_of": "copy of",
    "duplicates": "copies",
    "extends": "extends the validity of",
    "extended_by": "validity extended by",
}


@cli.command("show")
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="Print the document object (as /api/doc/<id>).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Status on this day instead of today.")
@click.pass_obj
def show(obj: Context, ref: str, as_json: bool, as_of: str | None) -> None:
    """Show one stored document: does it still apply, and what it is linked to.

    REF is a document id, its URL, or its 文号 in any bracket form.  The
    status (in_force, expired, repealed, draft, superseded,
    not_yet_effective, unknown) comes with the rule and the sentence that
    decided it.

    \b
    Example:
      policy show '临科发[2022]3号'                    # by 文号, in any brackets
      policy show '临科发[2022]3号' --as-of 2022-05-01  # the status on another day
      policy show 4edd1d2e3389b764 --json             # by id (see `policy search --json`)
    """
    if as_of:
        try:
            as_of = date.fromisoformat(as_of).isoformat()
        except ValueError:
            fail(f"--as-of must be a date like 2024-05-01, not {as_of!r}")
    with obj.store() as store:
        doc_id = find_document(store, ref)
        if doc_id is None:
            fail(f"no stored document with the id, URL or 文号 {ref!r} (try `policy search`)")
        view = document_view(store, doc_id, as_of)
    if as_json:
        click.echo(json.dumps(view, ensure_ascii=False, indent=2))
        return
    click.echo(summary(view))


def find_document(store: Store, ref: str) -> str | None:
    """A document id from an id, a URL or a 文号 (the earliest published copy when several)."""
    ref = ref.strip()
    row = store.db.execute("SELECT id FROM documents WHERE id=? OR url=? LIMIT 1", (ref, ref)).fetchone()
    if row:
        return row["id"]
    key = number_key(ref)
    rows = store.db.execute(
        "SELECT id, doc_number FROM documents WHERE doc_number IS NOT NULL ORDER BY published, id"
    )
    for r in rows:
        if number_key(r["doc_number"]) == key:
            return r["id"]
    return None


def summary(view: dict) -> str:
    s = view["status"]
    lines = [
        view.get("title") or "(no title)",
        " | ".join(x for x in (view.get("doc_number"), view.get("issuer"), view.get("published")) if x),
        # two dates, named: the day the status began and the day it is judged on (today unless --as-of)
        f"status: {s['status']}"
        + (f" since {s['since']}" if s.get("since") else "")
        + f" (as of {s['as_of']}; rule {s['rule']})",
    ]
    if s.get("sentence"):
        lines.append(f"  「{s['sentence']}」")
    # the status's dates win: they include what the text alone does not say
    # (a 十四五 title's period, an extension notice), as the document page shows
    effective = s.get("effective") or view.get("effective")
    expires = s.get("expires") or view.get("expires")
    if effective or expires:
        lines.append(f"valid: {effective or '?'} to {expires or '-'}")
    for kind in [k for pair in INVERSE.items() for k in pair]:
        entries = view["relations"].get(kind) or []
        if entries:
            lines.append(f"{RELATION_LABELS[kind]}:")
            for e in entries:
                name = " ".join(x for x in (e.get("title") and f"《{e['title']}》", e.get("doc_number")) if x)
                lines.append(f"  - {name or '?'}  [{e['doc_id'] or 'not stored'}]")
    for url in view.get("sources") or []:
        lines.append(f"source: {url}")
    lines.append(f"id: {view['id']}")
    return "\n".join(lines)
