"""`policy bench status`: what linking and dating documents costs, against storing them.

The baseline is ``save_document`` of the same documents into a fresh store
(what any ingest pays anyway); relink, a no-change relink (the nightly run
with nothing new) and ``document_view`` are printed as ratios to it.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import click

from corpus.model import Document, Reference
from corpus.store import Store
from crawler.mirror import site_root
from policy.bench import bench
from reasoning import document_view, relink

_CITIES = [
    ("山东省", "临沂市"),
    ("山东省", "淄博市"),
    ("山东省", "青岛市"),
    ("安徽省", "合肥市"),
    ("江西省", "南昌市"),
]


def synthetic_corpus(n: int, seed: int = 7) -> list[Document]:
    """``n`` documents cloned from the bundled pages, citing, repealing, drafting and copying each other."""
    from cleaner import NotADocument, clean  # loaded when benchmarking, not on every `policy` start

    rng = random.Random(seed)
    templates = []
    for path in sorted(site_root().glob("kjj/zcwj/20*/*.html")):
        try:
            templates.append(clean(path.read_bytes(), url=str(path)).to_dict())
        except NotADocument:
            continue
    docs: list[Document] = []
    for i in range(n):
        d = dict(templates[i % len(templates)])
        province, city = _CITIES[i % len(_CITIES)]
        d.update(
            id="",
            url=f"http://bench.example.gov.cn/{i}.html",
            title=f"{city}关于推进科技创新第{i}项工作的实施意见",
            doc_number=f"临科发〔{2015 + i % 10}〕{i}号",
            region={"province": province, "city": city, "county": None},
            summary=None,
            draft=False,
        )
        doc = Document.from_dict(d)
        doc.set_key(doc.url)
        earlier = [f"临科发〔{2015 + j % 10}〕{j}号" for j in rng.sample(range(max(i, 1)), min(i, 5))]
        doc.cites = [Reference(doc_number=x) for x in earlier] + [Reference(title=f"不存在的文件{i}")]
        doc.repeals = [Reference(doc_number=earlier[0])] if earlier and i % 20 == 0 else []
        if i % 25 == 1:  # a draft of the next document
            doc.title = f"{city}关于推进科技创新第{i + 1}项工作的实施意见（征求意见稿）"
            doc.draft = True
            doc.doc_number = None
        if i % 50 == 2 and docs:  # the previous document again, on another site
            prev = docs[-1].to_dict()
            prev.update(id="", url=f"http://copy.example.gov.cn/{i}.html")
            doc = Document.from_dict(prev)
            doc.set_key(doc.url)
        docs.append(doc)
    return docs


@bench.command("status")
@click.option("--docs", "n", default=2000, show_default=True, help="Synthetic documents in the store.")
@click.option("--views", default=200, show_default=True, help="document_view() calls to time.")
def bench_status(n: int, views: int) -> None:
    """Time relink and document_view against saving the same documents.

    \b
    Example:
      policy bench status --docs 2000
    """
    click.echo(f"building {n} synthetic documents …", err=True)
    docs = synthetic_corpus(n)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "bench.sqlite3")
        start = time.perf_counter()
        for doc in docs:
            store.save_document(doc)
        base = time.perf_counter() - start
        start = time.perf_counter()
        report = relink(store, "2025-01-01")
        from_scratch = time.perf_counter() - start
        start = time.perf_counter()
        relink(store, "2025-01-01")
        again = time.perf_counter() - start
        ids = [d.id for d in docs[:views]]
        start = time.perf_counter()
        for doc_id in ids:
            document_view(store, doc_id, "2025-01-01")
        view = (time.perf_counter() - start) / max(len(ids), 1)
        store.close()
    per_doc = base / n
    click.echo(f"documents: {report.documents}, links: {report.links} ({report.resolved} resolved)")
    click.echo(f"baseline save_document: {base:.2f} s ({per_doc * 1000:.2f} ms per document)")
    click.echo(f"relink from scratch:    {from_scratch / base:.2f}x the baseline")
    click.echo(f"relink, nothing new:    {again / base:.2f}x the baseline")
    click.echo(f"document_view:          {view / per_doc:.2f}x one document's save")
