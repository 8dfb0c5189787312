"""Scores of the cleaner on the real set: per page, per batch and in total, with each page's time.

The test (tests/cleaner/test_real.py) asserts floors on the batches it lists;
this report prints every batch there is, so a new batch can be read before
any rule is changed for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from policy.bench.realset import Entry, load
from policy.bench.scoring import METRICS, norm, pred_clauses, score_doc, summarize


@dataclass
class PageScore:
    entry: Entry
    scores: dict[str, float | None]
    seconds: float
    pages: int = 1  # PDF pages, for pages/s of attachments
    error: str | None = None
    pred: dict | None = None


def predict(entry: Entry) -> tuple[dict, float, str | None]:
    """The cleaner's document as JSON for one entry, the seconds it took, and the refusal if any."""
    from cleaner import Hints, NotADocument, clean

    data = entry.path.read_bytes()  # type: ignore[union-attr]
    ctype = "application/pdf" if data[:5] == b"%PDF-" else None
    start = time.perf_counter()
    try:
        doc = clean(data, source=entry.gold["file"], hints=Hints(content_type=ctype))
    except NotADocument as e:
        return {}, time.perf_counter() - start, str(e)
    return doc.to_dict(), time.perf_counter() - start, None


def score_all(batches: list[str] | None = None, binaries: bool = True) -> list[PageScore]:
    out = []
    for entry in load(batches, binaries=binaries):
        if entry.path is None:
            continue
        pred, spent, error = predict(entry)
        scores = score_doc(entry.gold, pred)
        if error:  # a refused page loses what its gold defines
            scores = {k: (None if v is None else 0.0) for k, v in scores.items()}
        out.append(PageScore(entry, scores, spent, _pdf_pages(entry), error, pred))
    return out


def _pdf_pages(entry: Entry) -> int:
    if not entry.binary or entry.path is None or entry.path.suffix.lower() != ".pdf":
        return 1
    try:
        import pypdfium2

        return len(pypdfium2.PdfDocument(str(entry.path)))
    except Exception:  # noqa: BLE001 - a count for the report only
        return 1


def misses(gold: dict, pred: dict) -> list[str]:
    """What the prediction got wrong, one line each (the grader's --verbose)."""
    from collections import Counter

    lines = []
    for k in ("title", "issuer", "doc_number", "published", "signed", "doc_type", "draft", "index_no"):
        if k not in gold:
            continue
        gv, pv = gold[k], pred.get(k)
        if k == "draft":
            ok = bool(gv) == bool(pv)
        elif gv is None:
            ok = pv in (None, "", [])
        elif isinstance(gv, list):
            ok = norm(pv) in {norm(x) for x in gv}
        else:
            ok = norm(gv) == norm(pv)
        if not ok:
            lines.append(f"field {k}: gold={gv!r} pred={pv!r}")
    for k, gv in (gold.get("region") or {}).items():
        pv = (pred.get("region") or {}).get(k)
        if not ((pv in (None, "")) if gv is None else norm(gv) == norm(pv)):
            lines.append(f"field region.{k}: gold={gv!r} pred={pv!r}")
    if "outline" in gold:
        from policy.bench.scoring import label_core

        g_out = Counter(
            ("/".join(label_core(x) for x in it["path"]), norm(it["heading"])[:4]) for it in gold["outline"]
        )
        p_out = Counter((key, head) for key, head, _ in pred_clauses(pred))
        if g_out - p_out:
            lines.append(f"outline missed: {sorted(g_out - p_out)[:10]}")
        if p_out - g_out:
            lines.append(f"outline extra: {sorted(p_out - g_out)[:10]}")
        g_dep = Counter(
            ("/".join(label_core(x) for x in it["path"]), norm(d))
            for it in gold["outline"]
            for d in it.get("departments", [])
        )
        p_dep = Counter(
            (key, norm(d)) for key, _, c in pred_clauses(pred) for d in c.get("departments") or []
        )
        if g_dep - p_dep:
            lines.append(f"departments missed: {sorted(g_dep - p_dep)[:10]}")
        if p_dep - g_dep:
            lines.append(f"departments extra: {sorted(p_dep - g_dep)[:10]}")
    return lines


def report(batches: list[str] | None, verbose: bool, echo: Callable[[str], None]) -> list[PageScore]:
    results = score_all(batches)
    by_batch: dict[str, list[PageScore]] = {}
    for r in results:
        by_batch.setdefault(r.entry.batch, []).append(r)
    for batch, rows in by_batch.items():
        echo(f"== {batch}")
        for r in rows:
            figures = " ".join(f"{k}={v:.2f}" for k, v in r.scores.items() if v is not None)
            speed = f"{r.seconds * 1000:6.0f} ms" + (
                f" ({r.pages / r.seconds:.0f} pages/s)" if r.pages > 1 else ""
            )
            echo(
                f"  {r.entry.gold['file']}: {figures}  {speed}" + (f"  REFUSED: {r.error}" if r.error else "")
            )
            if verbose and r.pred is not None:
                for line in misses(r.entry.gold, r.pred):
                    echo(f"      {line}")
        echo(f"  {batch}: " + _summary([r.scores for r in rows]))
    echo("total: " + _summary([r.scores for r in results]) + f"  ({len(results)} pages)")
    slow = [r for r in results if r.seconds > 1 and not r.entry.binary]
    echo(
        f"slowest page: {max((r.seconds for r in results), default=0):.2f} s; HTML/text pages over 1 s: {len(slow)}"
    )
    return results


def _summary(scores: list[dict[str, float | None]]) -> str:
    means = summarize(scores)
    return " ".join(f"{k}={means[k]:.3f}" for k in (*METRICS, "overall") if k in means)
