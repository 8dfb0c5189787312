"""reclean: clean every stored raw page again, without the network.

The store keeps the bytes as fetched, so when the cleaner improves, the
whole corpus can be cleaned again and re-indexed; only documents whose
JSON actually changes are rewritten (and re-indexed).
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TYPE_CHECKING

import click

from policy.cli import Context, cli

if TYPE_CHECKING:  # the cleaner and crawler load when the command runs, not on every `policy` start
    from corpus.store import Store
    from crawler.config import SiteConfig


def _site(name: str | None, cache: dict[str, SiteConfig | None]) -> SiteConfig | None:
    """The site's config when it still exists and loads; a page is re-cleaned without hints otherwise."""
    from crawler.config import ConfigError, load_site

    if not name or name == "local":
        return None
    if name not in cache:
        try:
            cache[name] = load_site(name)
        except ConfigError:
            cache[name] = None
    return cache[name]


def reclean_store(store: Store, only_site: str | None = None, progress=None) -> Counter:
    """Clean the newest version of every stored page; returns counts of new/changed/unchanged/failed."""
    from cleaner import NotADocument, clean
    from crawler.sink import hints_for

    counts: Counter = Counter()
    by_page = store.documents_by_page_url()
    states = store.url_states()
    configs: dict[str, SiteConfig | None] = {}
    pages = list(store.latest_pages())
    for n, page in enumerate(pages, 1):
        known = by_page.get(page.url)
        state = states.get(page.url)
        site = (known or {}).get("site") or (state.site if state else None)
        if only_site and site != only_site:
            continue
        if progress:
            progress(n, len(pages))
        web = page.url.startswith(("http://", "https://"))
        hints = hints_for(_site(site, configs), page.content_type)
        source = (known or {}).get("source") or page.url
        try:
            doc = clean(page.body, url=page.url if web else None, source=source, hints=hints)
        except NotADocument:
            counts["failed" if known else "skipped"] += 1
            continue
        doc.set_key((known or {}).get("url") or page.url)  # the id it had: its URL, or the file's URI
        counts[store.save_document(doc, page_id=page.page_id, site=site)] += 1
    return counts


@cli.command()
@click.option("--site", help="Only pages of this site (a name of crawler/sites/*.toml, or 'local').")
@click.option("--no-index", is_flag=True, help="Leave the index alone (run `policy index` later).")
@click.pass_obj
def reclean(obj: Context, site: str | None, no_index: bool) -> None:
    """Clean every stored raw page again with the current cleaner, then update the index.

    Nothing is fetched: the store keeps every page as it was downloaded.  Run
    it after upgrading policy-harvester so the whole corpus profits from a
    better cleaner.  Pages that still cannot be cleaned keep their old document.

    \b
    Example:
      policy reclean
      policy reclean --site linyi-kjj --no-index
    """
    from indexer import update_index
    from reasoning import relink_safely

    def progress(n: int, total: int) -> None:
        if n % 200 == 0 or n == total:
            click.echo(f"reclean: {n}/{total} pages", err=True)

    with obj.store() as store:
        counts = reclean_store(store, site, progress)
        relink_safely(store)  # once, right before indexing (reasoning/relinking.py)
        report = None if no_index else update_index(store, obj.data_dir)
    click.echo(
        f"recleaned: {counts['changed']} changed, {counts['new']} new, {counts['unchanged']} unchanged, "
        f"{counts['failed']} failed (old document kept), {counts['skipped']} raw pages that are not documents"
        + (f"; index: {report.documents} documents re-indexed" if report else "")
    )
    if counts["failed"]:
        sys.exit(1)
