"""mirror, crawl, update, sites, check-site: the harvest side."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path

import click

from policy.cli import Context, cli, fail


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True)
@click.option("--traps", is_flag=True, help="Serve the trap site (corpus/sample/traps) instead.")
@click.option("--root", type=click.Path(exists=True, file_okay=False), help="Serve this folder instead.")
@click.option(
    "--generate", default=0, show_default=True, help="Also serve N generated documents under /gen/."
)
def mirror(host: str, port: int, traps: bool, root: str | None, generate: int) -> None:
    """Serve the bundled sample government site (the local mirror used by the demo and tests).

    \b
    Example:
      policy mirror --port 8001
      policy mirror --traps --port 8002     # then: POLICY_TRAPS_URL=http://127.0.0.1:8002 policy crawl traps
      policy mirror --generate 2000         # then: POLICY_GENERATED_URL=http://127.0.0.1:8001 policy crawl generated
    """
    from crawler.mirror import make_server, traps_root

    server = make_server(host, port, Path(root) if root else traps_root() if traps else None, generate)
    click.echo(f"mirror site at http://{host}:{server.server_port}/  (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


@cli.command()
@click.argument("site")
@click.option(
    "--redis", "redis_url", help="Work on a shared Redis frontier (redis://HOST:PORT/0); see consume."
)
@click.pass_obj
def crawl(obj: Context, site: str, redis_url: str | None) -> None:
    """Crawl one configured site into the store (sites are crawler/sites/*.toml).

    With --redis, this process is one worker of a distributed crawl: start
    as many as you like on as many machines, and one `policy consume SITE
    --redis URL` next to the store.

    \b
    Example:
      POLICY_MIRROR_URL=http://127.0.0.1:8001 policy crawl mirror
      policy crawl linyi-kjj --redis redis://10.0.0.5:6379/0      # on each crawl machine
    """
    from crawler.config import ConfigError, load_site

    try:
        config = load_site(site)
    except ConfigError as e:
        fail(str(e))
    if redis_url:
        from crawler.distributed import DistributedError, run_worker

        try:
            fetched = run_worker(config, redis_url, obj.data_dir)
        except DistributedError as e:
            fail(str(e))
        click.echo(
            f"{config.name}: worker done, {fetched} responses; items are on Redis for `policy consume`"
        )
        return
    from crawler.run import run_crawl

    stats = run_crawl(site, obj.data_dir, progress_every=50)
    relink_store(obj)  # once, after the crawl: `policy index` later copies today's statuses
    click.echo(stats.summary())
    if not stats.ok:
        sys.exit(1)


@cli.command()
@click.argument("site")
@click.option("--redis", "redis_url", required=True, help="The Redis the workers use (redis://HOST:PORT/0).")
@click.option("--wait", default=30.0, show_default=True, help="Seconds to wait for a first worker.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Write the JSON report here.")
@click.pass_obj
def consume(obj: Context, site: str, redis_url: str, wait: float, report_path: str | None) -> None:
    """Store what the workers of a distributed crawl found: the one writer of the store.

    Runs until every worker is done and every item is stored.  Then run
    `policy index` (or the next `policy update`) to index what is new.

    \b
    Example:
      policy consume linyi-kjj --redis redis://10.0.0.5:6379/0 --report r.json
    """
    import redis

    from crawler.config import ConfigError, load_site
    from crawler.distributed import DistributedError
    from crawler.distributed import consume as consume_items
    from crawler.report import build_report, summary_lines

    try:
        config = load_site(site)
        stats = consume_items(
            config,
            redis_url,
            obj.data_dir,
            wait=wait,
            progress=lambda st: click.echo(f"{st.site}: {st.requests} items stored so far", err=True),
        )
    except (ConfigError, DistributedError) as e:
        fail(str(e))
    except redis.RedisError as e:
        fail(f"lost Redis at {redis_url}: {e}; what was stored stays, the rest waits on Redis")
    relink_store(obj)  # once, after the last item is stored
    if report_path:
        _write_json(report_path, build_report({config.name: stats}))
    for line in summary_lines({config.name: stats}):
        click.echo(line)
    if not stats.ok:
        sys.exit(1)


def relink_store(obj: Context, store=None) -> None:
    """Relink the store once (reasoning/relinking.py) and say so on stderr; a failure is logged, never fatal.

    The crawl commands run it after their last write, `update` right before indexing,
    so statuses and links are those of the documents just stored.
    """
    from reasoning import relink_safely

    if store is None:
        with obj.store() as own:
            report = relink_safely(own)
    else:
        report = relink_safely(store)
    if report is not None:
        click.echo(report.line(), err=True)


def _write_json(path: str, data: dict) -> None:
    """Write whole or not at all: a cron job's reader never sees half a report."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(target)


@cli.command()
@click.option(
    "--site", "site_names", multiple=True, help="Only this site (repeatable); default: all enabled."
)
@click.option(
    "--report", "report_path", type=click.Path(dir_okay=False), help="Write the run's JSON report here."
)
@click.pass_obj
def update(obj: Context, site_names: tuple[str, ...], report_path: str | None) -> None:
    """Crawl the sites, clean and index what is new or changed: the nightly job.

    Only one update runs at a time (a lock in the data directory); a run that
    was killed resumes where it stopped.  The exit code is 1 when a fetch
    failed or was blocked, or a stored document could not be read, 0 otherwise.

    \b
    Example:
      policy update                                   # every enabled site
      policy update --site mirror --report r1.json    # one site, with a JSON report
    """
    from crawler.config import ConfigError, load_all_sites, load_site
    from crawler.lock import LockBusy, RunLock
    from crawler.report import build_report, summary_lines
    from crawler.run import run_sites
    from indexer import update_index

    broken: list[str] = []
    try:
        if site_names:
            sites = [load_site(n) for n in site_names]
        else:
            # a broken config must not cost the other sites their night: it is reported and skipped
            loaded = load_all_sites()
            for e in loaded.errors:
                broken.append(str(e))
                click.echo(f"error: {e}", err=True)
            sites = [config for config in loaded.sites if config.enabled]
    except ConfigError as e:
        fail(str(e))
    if not sites:
        fail("no enabled sites in the site configs; name one with --site NAME")
    try:
        with RunLock(obj.data_dir):
            with obj.store() as store:
                run_id = store.start_run("update " + " ".join(s.name for s in sites))
            click.echo(f"crawling {len(sites)} site(s): {', '.join(s.name for s in sites)}", err=True)
            stats = run_sites(sites, obj.data_dir, progress_every=50)
            click.echo("indexing new and changed documents", err=True)
            report = build_report(stats)
            indexed, trouble = None, None
            try:
                with obj.store() as store:
                    relink_store(obj, store)  # the one relink of the run, right before indexing
                    indexed = update_index(store, obj.data_dir)
                    store.finish_run(run_id, report)
            except (OSError, sqlite3.OperationalError) as e:
                # a full disk: the night's report still says what was and was not stored
                trouble = f"{type(e).__name__}: {e}"
    except LockBusy as e:
        fail(str(e))
    if report_path:
        _write_json(report_path, report)
    for line in summary_lines(stats):
        click.echo(line)
    if indexed is not None:
        click.echo(f"index: {indexed.documents} documents updated, {indexed.removed} removed")
        for line in indexed.notes():
            click.echo(line)
    for message in broken:
        click.echo(f"skipped a broken site config: {message}")
    if trouble:
        fail(f"the index or the run's record was not written: {trouble}; `policy index` once there is room")
    if broken or indexed.damaged or not all(st.ok for st in stats.values()):
        sys.exit(1)


@cli.command("check-site")
@click.argument("site")
@click.option("--details", default=3, show_default=True, help="How many detail pages to fetch.")
@click.option(
    "--list-file",
    type=click.Path(exists=True, dir_okay=False),
    help="Read this saved list page (or API answer) instead of fetching: no network.",
)
@click.option(
    "--url", "page_url", help="Where the saved page came from (default: the site's first list page)."
)
@click.option(
    "--json", "as_json", is_flag=True, help="With --list-file: print the entries and next pages as JSON."
)
@click.pass_obj
def check_site_cmd(
    obj: Context, site: str, details: int, list_file: str | None, page_url: str | None, as_json: bool
) -> None:
    """Check a site config: on the live site, or offline on a saved list page.

    Live: fetch one list page and three detail pages and print what the
    config finds; nothing is stored.  Exit code 1 when the list page fails,
    shows no entries, or a detail page cannot be read as a document.

    With --list-file: read a saved list page, proxy answer or API response
    with the site's config (its family and selectors), without the network,
    and print its entries and next pages; --json prints
    {"entries": [{"title", "url", "date"}], "next_pages": [...]}.

    \b
    Example:
      policy check-site qingdao-kjj
      POLICY_MIRROR_URL=http://127.0.0.1:8001 policy check-site mirror
      policy check-site gd-gkmlpt --list-file saved/api-page1.json --url 'http://www.gd.gov.cn/gkmlpt/api/all/5?page=1&sid=2' --json
    """
    from crawler.check import check_site, list_file_json, read_list_file
    from crawler.config import ConfigError, load_site

    try:
        config = load_site(site)
    except ConfigError as e:
        fail(str(e))
    if list_file:
        read = read_list_file(config, Path(list_file), page_url)
        out = list_file_json(config, read)
        if as_json:
            click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        else:
            _print_list(out)
        if not out["entries"] and not read.shell:
            sys.exit(1)
        return
    if as_json or page_url:
        fail("--json and --url go with --list-file (a live check prints its report)")
    click.echo(f"checking {config.name}: {config.title}", err=True)
    result = check_site(config, details=details)
    for line in result.lines():
        click.echo(line)
    click.echo(f"{config.name}: " + ("config looks right" if result.ok else "config needs attention"))
    if not result.ok:
        sys.exit(1)


def _print_list(out: dict) -> None:
    from crawler.report import printable

    click.echo(f"{out['site']} ({out['family']}): {len(out['entries'])} entries")
    for e in out["entries"]:
        click.echo(f"  - {e['date'] or '----------'} {printable(e['title'] or '(no title)')}  {e['url']}")
    for req in out["next_requests"] or [{"url": "none found", "method": ""}]:
        form = f" (form {req['body']})" if req.get("body") else ""
        click.echo(f"  next page: {req['method'] + ' ' if req['method'] else ''}{req['url']}{form}")


@cli.command("add-site")
@click.argument("url")
@click.option(
    "--list-file",
    type=click.Path(exists=True, dir_okay=False),
    help="Read this saved copy of the page instead of fetching it.",
)
@click.option("--name", help="The config's name (default: made from the URL, e.g. kjt-ah-tzgg).")
@click.option("--family", help="Use this family instead of recognising one.")
@click.option("--print", "to_stdout", is_flag=True, help="Print the config instead of writing it.")
@click.option("--force", is_flag=True, help="Overwrite an existing config of that name.")
def add_site_cmd(
    url: str, list_file: str | None, name: str | None, family: str | None, to_stdout: bool, force: bool
) -> None:
    """Draft a site config from one list page: its CMS family, or its list's shape.

    Fetches the page (politely: our User-Agent, robots.txt) or reads
    --list-file, recognises the family (trs, hanweb, gkmlpt, govcn) and the
    values it needs (column id, unit id, SID), or infers the entry selector
    and the pagination, and writes crawler/sites/NAME.toml (POLICY_SITES_DIR
    elsewhere).  What it could not decide is left as a `# QUESTION:` comment.
    Then run `policy check-site NAME`.

    \b
    Example:
      policy add-site 'http://kjt.ah.gov.cn/kjzx/tzgg/index.html'
      policy add-site 'http://www.gd.gov.cn/gkmlpt/index#5' --name gd-gkmlpt
      policy add-site 'http://x.gov.cn/col/col123/index.html' --list-file saved.html --print
    """
    from crawler.config import sites_dir
    from crawler.families import FAMILIES
    from crawler.newsite import FetchError, draft_site, fetch_list_page
    from crawler.urls import canonical_url

    if not url.startswith(("http://", "https://")):
        fail(f"not an http(s) URL: {url!r}")
    if family and family not in FAMILIES:
        fail(f"unknown family {family!r} (known: {', '.join(sorted(FAMILIES))})")
    if list_file:
        from cleaner.decode import decode

        text, _ = decode(Path(list_file).read_bytes())
    else:
        try:
            text, final = fetch_list_page(url)
        except FetchError as e:
            fail(str(e))
        if canonical_url(final) != canonical_url(url.split("#")[0]):
            click.echo(f"note: {url} redirected to {final}", err=True)
    draft = draft_site(url, text, name=name, family=family)
    toml = draft.toml()
    read = draft.read
    summary = (
        f"{draft.name}: family {draft.family}"
        + (" (recognised)" if draft.recognised else " (none recognised: selectors inferred)")
        + f", {len(read.entries)} entries, next page: {', '.join(read.next_urls) or 'none found'}"
        + (f", {len(draft.questions)} question(s) left in the config" if draft.questions else "")
    )
    if to_stdout:
        click.echo(toml, nl=False)
        click.echo(summary, err=True)
        return
    target = sites_dir() / f"{draft.name}.toml"
    if target.exists() and not force:
        fail(f"{target} exists: choose another --name, or --force to replace it")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(toml, encoding="utf-8")
    except OSError as e:
        fail(f"cannot write {target}: {e.strerror or e}")
    click.echo(summary)
    click.echo(f"wrote {target}; check it with: policy check-site {draft.name}")


@cli.command("sites")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per site.")
@click.pass_obj
def sites_cmd(obj: Context, as_json: bool) -> None:
    """List the site configs with their last run's figures.

    \b
    Example:
      policy sites
      policy sites --json
    """
    from crawler.config import load_all_sites
    from crawler.report import printable

    states: dict = {}
    if (obj.data_dir / "policy.sqlite3").exists():
        with obj.store() as store:
            states = store.site_states()
    loaded = load_all_sites()
    rows = [{"name": stem, "error": str(e)} for stem, e in zip(loaded.broken, loaded.errors, strict=True)]
    for cfg in loaded.sites:
        st = states.get(cfg.name) or {}
        rows.append(
            {
                "name": cfg.name,
                "title": cfg.title,
                "enabled": cfg.enabled,
                "verified": cfg.verified,
                "family": cfg.family,
                "checked": cfg.checked,
                "start_urls": list(cfg.start_urls),
                "last_started": st.get("started_at"),
                "last_finished": st.get("finished_at"),
                "last_run": st.get("report"),
            }
        )
    rows.sort(key=lambda row: row["name"])
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    for row in rows:
        if "error" in row:
            click.echo(f"{row['name']:<14} BROKEN  {row['error']}")
            continue
        flags = ("enabled " if row["enabled"] else "disabled") + ("" if row["verified"] else " unverified")
        click.echo(
            f"{row['name']:<14} {flags:<19} {row['family']:<8} checked {row['checked'] or '?'}  "
            f"{printable(row['title'])}"
        )
        run = row["last_run"]
        if run:
            figures = ", ".join(f"{run[k]} {k}" for k in ("new", "changed", "unchanged", "failed", "blocked"))
            click.echo(f"{'':<14} last run {row['last_finished']}: {run['requests']} requests, {figures}")
        elif row["last_started"]:
            click.echo(
                f"{'':<14} last run started {row['last_started']} and did not finish (resumes next run)"
            )
        else:
            click.echo(f"{'':<14} never run")
