"""`policy bench relevance`: our search against a plain BM25 on a real corpus, judged blind.

The corpus: the laws (``policy.bench.laws``), the bundled sample site, the
search fixtures and the held-out documents, and the real policy pages of the
cleaner's real set and of the support held-out set (pages of many cities'
governments and bureaus, as published: without them the laws, all national,
would be nearly the whole corpus, and region, department and grant queries
would have little to find), ingested with the project's own clean/store/index
into a bench data dir (``--build``).  The BM25 baseline
(``indexer.bm25``) indexes the same clauses.  The judged set lives in
``tests/fixtures/search/real/`` (``policy.bench.judged``); ``--pool`` writes
what the judge has yet to grade: per query, the union of both systems' top
10, shuffled, without saying which system found what.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import asdict
from pathlib import Path

import click

from policy.bench import bench
from policy.bench.judged import K, Query, Score, load_judgements, load_queries, mean, score

BENCH_ENV = "POLICY_BENCH_DIR"
DEFAULT_BENCH_DIR = "./data/bench-relevance"
ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "fixtures" / "search" / "real"
SEARCH_FIXTURES = ROOT / "tests" / "fixtures" / "search"
SUPPORT_PAGES = ROOT / "tests" / "fixtures" / "support" / "heldout" / "pages"
BM25_FILE = "bm25.pickle"
CLAUSES_FILE = "clauses.jsonl"
MANIFEST = "bench.json"
POOL_SEED = 13
SHOWN = (
    "clause_id",
    "doc_id",
    "title",
    "issuer",
    "doc_number",
    "published",
    "region",
    "path",
    "heading",
    "text",
)


# -- the corpus ------------------------------------------------------------


def _documents(laws: Path):
    """(key, Document) of every document the bench holds, cleaned by the project's cleaner."""
    from cleaner import Hints, NotADocument, clean
    from corpus.model import Document
    from crawler.mirror import site_root
    from policy.bench.law_corpus import law_files, law_key

    for p in sorted(site_root().glob("kjj/zcwj/20*/*.html")):
        yield None, clean(p.read_bytes(), url=f"http://mirror/kjj/zcwj/{p.parent.name}/{p.name}")
    for p in sorted(SEARCH_FIXTURES.glob("*.json")):
        if p.name != "judged_queries.json":
            yield None, Document.from_dict(json.loads(p.read_text(encoding="utf-8")))
    for p in sorted((SEARCH_FIXTURES / "heldout").glob("*.txt")):
        key = f"fixture:heldout/{p.name}"
        doc = clean(p.read_bytes(), source=key, hints=Hints(content_type="text/plain"))
        yield key, doc
    for p in law_files(laws):
        key = law_key(laws, p)
        try:
            doc = clean(p.read_bytes(), source=key)
        except NotADocument as e:
            click.echo(f"skipped {key}: {e}", err=True)
            continue
        yield key, doc
    # after the laws: a real page copying a law (a law site's page of 商标法) is filed as the copy
    yield from _real_pages()


def _real_pages():
    """The committed real pages (text and HTML; the PDFs of BINARIES.md are not committed, so a
    build is the same on every machine), keyed by their fixture path."""
    from cleaner import Hints, NotADocument, clean
    from policy.bench.realset import load

    pages = [(f"fixture:real/{e.gold['file']}", e.path) for e in load(binaries=False)]
    pages += [(f"fixture:support/{p.name}", p) for p in sorted(SUPPORT_PAGES.glob("*.txt"))]
    for key, path in dict(pages).items():
        data = path.read_bytes()
        ctype = "application/pdf" if data[:5] == b"%PDF-" else None
        try:
            yield key, clean(data, source=key, hints=Hints(content_type=ctype))
        except NotADocument as e:
            click.echo(f"skipped {key}: {e}", err=True)


def build(bench_dir: Path, laws: Path, backend: str) -> dict:
    """Store, index and BM25 of the bench corpus, from scratch."""
    from corpus.store import Store
    from indexer import update_index
    from indexer.bm25 import BM25
    from indexer.entries import clause_entries
    from policy.bench.law_corpus import law_files
    from reasoning import relink

    if not law_files(laws):
        raise click.ClickException(f"no laws under {laws} (set POLICY_LAWS_DIR or --laws-dir)")
    bench_dir.mkdir(parents=True, exist_ok=True)
    for name in ("policy.sqlite3", "policy.sqlite3-wal", "policy.sqlite3-shm"):
        (bench_dir / name).unlink(missing_ok=True)
    started = time.perf_counter()
    with Store.in_dir(bench_dir) as store:
        n = 0
        for key, doc in _documents(laws):
            if key:
                doc.set_key(key)
            store.save_document(doc, site="local")
            n += 1
            if n % 100 == 0:
                click.echo(f"  {n} documents cleaned", err=True)
        relink(store)  # links and statuses, right before indexing (reasoning/relinking.py)
        cleaned = time.perf_counter()
        report = update_index(store, bench_dir, rebuild=True, backend=backend)
        indexed = time.perf_counter()
        pairs = []
        with open(bench_dir / CLAUSES_FILE, "w", encoding="utf-8") as out:
            for doc in store.documents():
                for e in clause_entries(doc, store.status(doc.id), store.standing(doc.id)):
                    pairs.append((e.clause_id, e.text))
                    shown = {k: e.payload.get(k) for k in SHOWN}
                    out.write(json.dumps(shown, ensure_ascii=False) + "\n")
        BM25.build(pairs).save(bench_dir / BM25_FILE)
    manifest = {
        "laws_dir": str(laws),
        "documents": n,
        "clauses": len(pairs),
        "backend": report.backend,
        "clean_s": round(cleaned - started, 1),
        "index_s": round(indexed - cleaned, 1),
        "bm25_s": round(time.perf_counter() - indexed, 1),
    }
    (bench_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


# -- the two systems -------------------------------------------------------


def ours(bench_dir: Path, query: str) -> list[str]:
    from indexer import search

    return [h.clause_id for h in search(bench_dir, query, per_page=K).hits]


def baseline(bench_dir: Path):
    from indexer.bm25 import BM25

    index = BM25.load(bench_dir / BM25_FILE)
    return lambda query: [c for c, _ in index.search(query, K)]


def clause_table(bench_dir: Path) -> dict[str, dict]:
    with open(bench_dir / CLAUSES_FILE, encoding="utf-8") as f:
        return {row["clause_id"]: row for row in map(json.loads, f)}


# -- the command -----------------------------------------------------------


def _line(name: str, s: Score) -> str:
    return (
        f"{name:>5} MRR@10 {s.rr:.3f}  MRR(2)@10 {s.rr2:.3f}  nDCG@10 {s.ndcg:.3f}  unjudged {s.unjudged:3d}"
    )


def pool(queries: list[Query], runs: dict[str, dict[str, list[str]]], judged: dict, table: dict) -> dict:
    """Per query, the union of every system's top K not yet graded, shuffled with a fixed seed, no system names."""
    out = []
    for q in queries:
        seen: dict[str, None] = {}
        for ranked in runs.values():
            seen.update(dict.fromkeys(c for c in ranked[q.id] if c not in judged.get(q.id, {})))
        ids = sorted(seen)
        random.Random(f"{POOL_SEED}:{q.id}").shuffle(ids)
        if ids:
            items = [{**table[c], "grade": None} for c in ids if c in table]
            out.append({"id": q.id, "query": q.query, "need": q.need, "candidates": items})
    return {"queries": out, "to_grade": sum(len(q["candidates"]) for q in out)}


def merge(graded: dict, judged: dict[str, dict[str, int]]) -> tuple[dict[str, dict[str, int]], int]:
    """The judge's grades from a pool file (``grade`` 0, 1 or 2 filled in) added to the judgements."""
    out = {q: dict(g) for q, g in judged.items()}
    added = 0
    for q in graded.get("queries", []):
        for item in q.get("candidates", []):
            if item.get("grade") in (0, 1, 2):
                out.setdefault(q["id"], {})[item["clause_id"]] = int(item["grade"])
                added += 1
    return out, added


@bench.command("relevance")
@click.option("--build", "do_build", is_flag=True, help="(Re)build the bench corpus, index and BM25 first.")
@click.option(
    "--bench-dir",
    envvar=BENCH_ENV,
    default=DEFAULT_BENCH_DIR,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Where the bench store, index and BM25 live (env {BENCH_ENV}).",
)
@click.option(
    "--laws-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The laws corpus (env POLICY_LAWS_DIR).",
)
@click.option(
    "--real-dir",
    default=str(REAL),
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding queries.json and judgements.json.",
)
@click.option("--backend", default="tantivy", show_default=True, type=click.Choice(["whoosh", "tantivy"]))
@click.option(
    "--pool",
    "pool_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the unjudged pool here.",
)
@click.option(
    "--merge",
    "merge_in",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Add the grades filled in a pool file to judgements.json.",
)
@click.option(
    "--skip",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="With --pool: leave out the clauses of these earlier pool files (with the judge, not yet merged).",
)
@click.option(
    "--json",
    "as_json",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write per-query figures here.",
)
def bench_relevance(
    do_build: bool,
    bench_dir: Path,
    laws_dir: Path | None,
    real_dir: Path,
    backend: str,
    pool_out: Path | None,
    merge_in: Path | None,
    skip: tuple[Path, ...],
    as_json: Path | None,
) -> None:
    """MRR@10, nDCG@10 and unjudged hits of our search and of a plain BM25, per query and overall.

    \b
    Example:
      policy bench relevance --build                 # ingest laws + sample + fixtures, index, BM25 (minutes)
      policy bench relevance                         # score both systems on the judged set
      policy bench relevance --pool pool.json        # what the judge has yet to grade
      policy bench relevance --merge pool.json       # the judge's filled-in grades into judgements.json
    """
    from policy.bench.laws import laws_dir as find_laws

    if merge_in:
        judged = load_judgements(real_dir)
        merged, added = merge(json.loads(merge_in.read_text(encoding="utf-8")), judged)
        (real_dir / "judgements.json").write_text(
            json.dumps(merged, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
        click.echo(f"added {added} grades from {merge_in}; {sum(map(len, merged.values()))} in {real_dir}")
        return
    if do_build:
        click.echo(f"building {bench_dir} …", err=True)
        manifest = build(bench_dir, find_laws(laws_dir), backend)
        click.echo(json.dumps(manifest, ensure_ascii=False))
    if not (bench_dir / BM25_FILE).exists():
        raise click.ClickException(
            f"no bench corpus in {bench_dir}: run `policy bench relevance --build` first"
        )
    if not (real_dir / "queries.json").exists():
        click.echo(f"no queries.json in {real_dir} yet (the judge writes it)")
        return
    queries = load_queries(real_dir)
    judged = load_judgements(real_dir)
    table = clause_table(bench_dir)
    lost = sorted({c for grades in judged.values() for c in grades if c not in table})
    if lost:
        # the cleaner numbers clauses differently now: these grades stand for clauses no longer there
        click.echo(f"{len(lost)} judged clause ids are not in the bench corpus, e.g. {', '.join(lost[:3])}")
    bm25 = baseline(bench_dir)
    runs: dict[str, dict[str, list[str]]] = {"ours": {}, "bm25": {}}
    times: list[float] = []
    for q in queries:
        started = time.perf_counter()
        runs["ours"][q.id] = ours(bench_dir, q.query)
        times.append(time.perf_counter() - started)
        runs["bm25"][q.id] = bm25(q.query)
    if pool_out:
        pending = {q: dict(g) for q, g in judged.items()}
        for f in skip:  # clauses already in the judge's hands count as judged here
            for q in json.loads(f.read_text(encoding="utf-8")).get("queries", []):
                pending.setdefault(q["id"], {}).update({c["clause_id"]: -1 for c in q.get("candidates", [])})
        out = pool(queries, runs, pending, table)
        pool_out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        click.echo(
            f"pool: {out['to_grade']} clauses to grade over {len(out['queries'])} queries -> {pool_out}"
        )
        return  # the judge grades blind: no figures by system beside the pool
    report(queries, runs, judged, as_json)
    times.sort()
    click.echo(
        f"ours: {len(times)} queries, p50 {times[len(times) // 2] * 1000:.0f} ms (cold start included)"
    )
    sys.stdout.flush()


def report(queries: list[Query], runs: dict, judged: dict, as_json: Path | None) -> dict[str, Score]:
    per: dict[str, dict[str, Score]] = {name: {} for name in runs}
    missing = 0
    for q in queries:
        grades = judged.get(q.id, {})
        for name, ranked in runs.items():
            per[name][q.id] = score(ranked[q.id], grades)
        if not grades:
            missing += 1
        o, b = per["ours"][q.id], per["bm25"][q.id]
        click.echo(
            f"{q.id:>5} {q.kind[:10]:<10} ours rr {o.rr:.2f}/{o.rr2:.2f} nDCG {o.ndcg:.3f} unj {o.unjudged:2d} | "
            f"bm25 rr {b.rr:.2f}/{b.rr2:.2f} nDCG {b.ndcg:.3f} unj {b.unjudged:2d}  {q.query}"
        )
    kinds = sorted({q.kind for q in queries if q.kind})
    for kind in kinds:
        ids = [q.id for q in queries if q.kind == kind]
        o, b = mean([per["ours"][i] for i in ids]), mean([per["bm25"][i] for i in ids])
        click.echo(
            f"class {kind} ({len(ids)}): ours nDCG {o.ndcg:.3f} MRR {o.rr:.3f} | bm25 nDCG {b.ndcg:.3f} MRR {b.rr:.3f}"
        )
    overall = {name: mean(list(scores.values())) for name, scores in per.items()}
    click.echo(f"overall over {len(queries)} queries ({missing} without any judgement):")
    for name, s in overall.items():
        click.echo(_line(name, s))
    if as_json:
        data = {name: {i: asdict(s) for i, s in scores.items()} for name, scores in per.items()}
        data["overall"] = {name: asdict(s) for name, s in overall.items()}
        data["runs"] = runs
        as_json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return overall
