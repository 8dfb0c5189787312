"""`policy bench search`: indexing speed, index size, memory and query latency at N clauses.

The corpus is generated: sentences of the bundled sample documents, shuffled
into clauses of documents with realistic fields (regions from the
gazetteer, issuers, 文号, drafts, department tags, amounts).  Each phase runs
in its own process so its peak memory is its own.  Figures are printed as
ratios against baselines run in the same invocation: jieba alone
tokenizing the same text (for indexing), and a bare tantivy index of the
same jieba tokens answering the same queries (for latency).
"""

from __future__ import annotations

import multiprocessing
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import click

from policy.bench import bench

SEED = 20240612
CLAUSES_PER_DOC = (8, 60)
DRAFT_SHARE = 0.06
TOPIC_WORDS = (
    "中试基地 揭榜挂帅 专精特新 新型研发机构 概念验证 技术经纪人 科技型中小企业 高新技术企业 众创空间 首台套 孵化器 "
    "院士工作站 创新券 人才贷 科技特派员 天使投资 风险补偿金 知识产权运营 重点实验室 技术创新中心 成果转化 "
    "碳达峰 绿色通道 一次性奖励 大型科学仪器 产学研 研发费用加计扣除 博士后科研工作站 技术合同 科技金融"
).split()
DEPARTMENTS = (
    "市科技局 市财政局 市发展改革委 市工业和信息化局 市人力资源社会保障局 市教育局 市地方金融监管局 "
    "市市场监管局 市住房城乡建设局 市农业农村局 市卫生健康委 市商务局 各区县政府 市委组织部 市大数据局"
).split()
ISSUER_SUFFIXES = ("科学技术局", "人民政府办公室", "人民政府", "发展和改革委员会", "工业和信息化局", "财政局")
LABELS = ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、")
SUBLABELS = ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）")


# -- the corpus ------------------------------------------------------------


def sample_sentences() -> list[str]:
    from cleaner import clean
    from crawler.mirror import site_root

    out: list[str] = []
    for page in sorted(site_root().glob("kjj/zcwj/20*/*.html")):
        doc = clean(page.read_bytes(), url=f"http://bench/{page.name}")
        for c in doc.clauses:
            out += [s.strip() + "。" for s in re.split(r"[。；;]", c.text) if len(s.strip()) >= 8]
    return out


def generate_documents(n_clauses: int, seed: int = SEED):
    """Documents totalling ``n_clauses`` clauses, the same for the same seed."""
    from corpus.gazetteer import tables
    from corpus.model import DOC_TYPES, Amount, Clause, Department, Document, Region

    rnd = random.Random(seed)
    sentences = sample_sentences()
    provinces, cities = tables()
    places = sorted({v for v in cities.values()})
    made = 0
    n = 0
    while made < n_clauses:
        n += 1
        city, province = rnd.choice(places)
        short = city.rstrip("市")
        county = f"{short}高新区" if rnd.random() < 0.1 else None
        region = Region(province, city if city != province or province.endswith("市") else None, county)
        year = rnd.randint(2015, 2025)
        issuer = city + rnd.choice(ISSUER_SUFFIXES)
        topic = rnd.choice(TOPIC_WORDS)
        draft = rnd.random() < DRAFT_SHARE
        title = f"{issuer}关于加快{topic}发展的{rnd.choice(('若干措施', '实施意见', '管理办法', '行动方案'))}"
        if draft:
            title += "（征求意见稿）"
        k = min(rnd.randint(*CLAUSES_PER_DOC), n_clauses - made)
        clauses = []
        for i in range(k):
            text = "".join(rnd.choice(sentences) for _ in range(rnd.choice((1, 1, 2, 2, 3, 4))))
            if rnd.random() < 0.15:
                text = (
                    text.rstrip("。")
                    + f"，对{rnd.choice(TOPIC_WORDS)}给予最高{rnd.choice((10, 20, 50, 100, 200, 500))}万元补助。"
                )
            tags = [Department(d) for d in rnd.sample(DEPARTMENTS, rnd.choice((0, 0, 1, 2, 3)))]
            if tags:
                text += f"（责任单位：{'、'.join(d.name for d in tags)}）"
            amounts = [
                Amount(m.group(0), float(m.group(1)) * 10_000, "cap") for m in re.finditer(r"(\d+)万元", text)
            ][:3]
            top, sub = LABELS[(i // 6) % len(LABELS)], SUBLABELS[i % 6]
            heading = text[: text.find("。")] if 0 < text.find("。") < 20 else None
            clauses.append(
                Clause(
                    number=sub,
                    path=[top, sub],
                    text=text,
                    heading=heading,
                    department_tags=tags,
                    amounts=amounts,
                )
            )
        made += k
        yield Document(
            source=f"bench:{n}",
            url=f"http://bench.example.gov.cn/{n}.html",
            title=title,
            issuer=issuer,
            doc_number=f"{short[:1]}{rnd.choice(('科', '政办', '发改'))}字〔{year}〕{rnd.randint(1, 120)}号",
            published=f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            doc_type=rnd.choice(DOC_TYPES[:-1]),
            draft=draft,
            region=region,
            clauses=clauses,
        )


def bench_queries(n: int = 100, seed: int = SEED) -> list[tuple[str, dict]]:
    """Fixed queries: words, pairs, region + word, department alias + word, phrases, exclusions, filters."""
    rnd = random.Random(seed + 1)
    words = TOPIC_WORDS + "补助 奖励 科技 创新 平台 企业 人才 资金 贷款 园区".split()
    shapes = []
    for i in range(n):
        kind = i % 10
        a, b = rnd.sample(words, 2)
        if kind in (0, 1):
            shapes.append((a, {}))
        elif kind in (2, 3):
            shapes.append((f"{a} {b}", {}))
        elif kind == 4:
            shapes.append((f"{rnd.choice(('临沂', '淄博', '山东', '合肥', '广东'))} {a}", {}))
        elif kind == 5:
            shapes.append((f"{rnd.choice(('科学技术局', '发改委', '人社局', '工信局'))} {a}", {}))
        elif kind == 6:
            shapes.append((f'"{a}"', {}))
        elif kind == 7:
            shapes.append((f"{a} -{b}", {}))
        elif kind == 8:
            shapes.append((a, {"region": rnd.choice(("山东省", "临沂市", "江苏省")), "drafts": "exclude"}))
        else:
            shapes.append((f"{a} 补助", {"min_yuan": 500_000, "year_from": 2018}))
    return shapes


# -- phases, each in its own process ----------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def _jieba_alone(data_dir: str) -> float:
    """Seconds jieba alone takes (search mode) over the text the indexer tokenizes: each clause's
    text and heading, each document's title once.  Streamed from the store, so it holds no corpus."""
    from corpus.store import Store
    from indexer.analysis import tokenizer

    tok = tokenizer()
    list(tok.tokenize("预热词典", mode="search"))  # jieba builds its prefix dictionary on first use
    seconds = 0.0
    with Store.in_dir(data_dir) as store:
        for doc in store.documents():
            texts = [doc.title or ""] + [c.text + " " + (c.heading or "") for c in doc.clauses]
            started = time.perf_counter()
            for t in texts:
                for _ in tok.tokenize(t, mode="search"):
                    pass
            seconds += time.perf_counter() - started
    return seconds


def _phase_backend(data_dir: str, backend: str, queries: list) -> dict:
    from corpus.store import Store
    from indexer import Filters, search, update_index
    from indexer.build import index_dir

    jieba_seconds = _jieba_alone(data_dir)  # in this process, just before: the same load on the machine
    with Store.in_dir(data_dir) as store:
        started = time.perf_counter()
        report = update_index(store, data_dir, rebuild=True, backend=backend)
        seconds = time.perf_counter() - started
    build_peak = _peak_mb()
    search(data_dir, "科技")  # open the index, warm jieba
    times, totals = [], []
    for q, f in queries:
        t0 = time.perf_counter()
        r = search(data_dir, q, Filters(**f), per_page=10)
        times.append(time.perf_counter() - t0)
        totals.append(r.total)
    return {
        "seconds": seconds,
        "jieba_seconds": jieba_seconds,
        "clauses": report.clauses,
        "size_mb": _dir_mb(index_dir(data_dir)),
        "build_peak_mb": build_peak,
        "peak_mb": _peak_mb(),
        "times": times,
        "totals": totals,
    }


def _phase_tantivy_anchor(data_dir: str, queries: list) -> dict:
    """A bare tantivy index of the same jieba tokens; queries as AND of their tokens, top 10, no extras."""
    import tantivy

    from corpus.store import Store
    from indexer.analysis import cut
    from indexer.query import parse_query, plan_query

    path = Path(data_dir) / "anchor"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", stored=False, tokenizer_name="whitespace")
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    schema = sb.build()
    ix = tantivy.Index(schema, path=str(path))
    started = time.perf_counter()
    writer = ix.writer(heap_size=256_000_000, num_threads=1)
    n = 0
    with Store.in_dir(data_dir) as store:
        for doc in store.documents():
            title = " ".join(w for w, _, _ in cut(doc.title or ""))
            for c in doc.clauses:
                body = " ".join(w for w, _, _ in cut(c.text + " " + (c.heading or "")))
                writer.add_document(tantivy.Document(body=f"{title} {body}", id=c.id))
                n += 1
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    ix.reload()
    times = []
    for q, _ in queries:
        t0 = time.perf_counter()
        plan = plan_query(parse_query(q))
        toks = [t for term in plan.terms for t in term.spellings[0].required]
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, tantivy.Query.term_query(schema, "body", t)) for t in toks]
        )
        searcher = ix.searcher()
        res = searcher.search(query, 10)
        for _, addr in res.hits:
            searcher.doc(addr)
        times.append(time.perf_counter() - t0)
    return {"seconds": seconds, "clauses": n, "size_mb": _dir_mb(path), "peak_mb": _peak_mb(), "times": times}


def _in_process(fn, *args) -> dict:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(fn, args)


def _pct(times: list[float], p: float) -> float:
    s = sorted(times)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] * 1000


@bench.command("search")
@click.option("--clauses", default=20_000, show_default=True, help="Clauses in the generated corpus.")
@click.option(
    "--backends", default="whoosh,tantivy", show_default=True, help="Backends to measure, comma-separated."
)
@click.option("--queries", default=100, show_default=True, help="Fixed queries timed per backend.")
@click.option("--keep", type=click.Path(file_okay=False), help="Build in this folder and keep it.")
def bench_search(clauses: int, backends: str, queries: int, keep: str | None) -> None:
    """Index N generated clauses with each backend and time 100 fixed queries (snippets and facets on).

    Prints clauses indexed per second, index size, peak memory and p50/p95
    query latency, against jieba alone tokenizing the same text and a bare
    tantivy index of the same tokens, all in this run.

    \b
    Example:
      policy bench search --clauses 20000
      nice policy bench search --clauses 1000000 --backends tantivy
    """
    from corpus.store import Store
    from reasoning import relink_safely

    names = [b.strip() for b in backends.split(",") if b.strip()]
    work = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="policy-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        store_dir = work / "store"
        started = time.perf_counter()
        if not (store_dir / "policy.sqlite3").exists():
            click.echo(f"generating {clauses:,} clauses…", err=True)
            with Store.in_dir(store_dir) as store:
                batch = []
                for doc in generate_documents(clauses):
                    batch.append(doc)
                    if len(batch) == 200:  # one transaction per batch: generating is not what is measured
                        with store.transaction():
                            for d in batch:
                                store.save_document(d)
                        batch = []
                with store.transaction():
                    for d in batch:
                        store.save_document(d)
                relink_safely(store)  # statuses and links, as a command leaves them before indexing
        click.echo(f"corpus ready in {time.perf_counter() - started:.0f} s", err=True)
        qs = bench_queries(queries)
        click.echo(f"\n{clauses:,} clauses; {len(qs)} queries with snippets and facets, 10 hits each")
        rows = []
        # Our backends first, each line printed when its phase ends: a long run shows its figures early.
        for name in names:
            click.echo(f"{name}: indexing and querying…", err=True)
            rows.append((name, _in_process(_phase_backend, str(store_dir), name, qs)))
            _row(name, rows[-1][1])
        click.echo("bare tantivy anchor…", err=True)
        anchor = _in_process(_phase_tantivy_anchor, str(store_dir), qs)
        shutil.rmtree(store_dir / "anchor", ignore_errors=True)
        _anchor(anchor, rows)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)


def _row(name: str, r: dict) -> None:
    rate = r["clauses"] / r["seconds"]
    jieba_rate = r["clauses"] / r["jieba_seconds"]
    click.echo(
        f"{name + ':':14} {rate:10,.0f} clauses/s   {r['size_mb']:7.0f} MB   peak {r['build_peak_mb']:6.0f} MB"
        f"   p50 {_pct(r['times'], 50):6.1f} ms   p95 {_pct(r['times'], 95):6.1f} ms"
        f"   max {max(r['times']) * 1000:6.0f} ms"
    )
    click.echo(
        f"{'':14} jieba alone {jieba_rate:,.0f} clauses/s just before: indexing takes"
        f" {jieba_rate / rate:4.1f}x jieba alone (aim <= 3);"
        f" {sum(1 for t in r['totals'] if t)} of {len(r['totals'])} queries found something"
    )
    sys.stdout.flush()


def _anchor(anchor: dict, rows: list[tuple[str, dict]]) -> None:
    a50, a95 = _pct(anchor["times"], 50), _pct(anchor["times"], 95)
    click.echo(
        f"bare tantivy:  {anchor['clauses'] / anchor['seconds']:10,.0f} clauses/s   {anchor['size_mb']:7.0f} MB"
        f"   peak {anchor['peak_mb']:6.0f} MB   p50 {a50:6.1f} ms   p95 {a95:6.1f} ms   (baseline for queries)"
    )
    for name, r in rows:
        p50, p95 = _pct(r["times"], 50), _pct(r["times"], 95)
        click.echo(
            f"{name + ':':14} p50 {p50 / max(a50, 0.001):.1f}x / p95 {p95 / max(a95, 0.001):.1f}x bare tantivy"
        )
    sys.stdout.flush()
