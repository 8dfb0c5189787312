"""`policy bench laws`: clean a folder of real laws and regulations and count what is missing.

The laws corpus (LawRefBook/Laws, the national folders) is never committed:
the command reads the folder given, else ``$POLICY_LAWS_DIR``, else
/work/laws.  A document without a title, an issuer or a date, a title that
swallowed its adoption line, an adoption line read as a clause, or an article
left inside another clause (第一千一百八十八条 printed with long numerals) is
a rule the cleaner lacks; the examples name the files to look at, and the
longest clauses show where an outline may have missed its labels.  The
outline's shape is counted too (policy/bench/law_shape.py): items holding a
paragraph (a 款 glued to the last 项), quotations cut apart, empty clauses,
repeated 章/条 paths, article numbering breaks.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from policy.bench import bench
from policy.bench.law_shape import SYMPTOMS, symptoms

DEFAULT_DIR = "/work/laws"
SUFFIXES = (".md", ".txt", ".html", ".htm")
# an article label at the start of a line inside a clause: an article the outline did not split off
_ARTICLE_INSIDE = re.compile(r"\n[\s　]*第[零〇一二三四五六七八九十百千\d]+条")
_HISTORY_WORDS = re.compile(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日.{0,60}(?:通过|公布|发布|修正|修订|施行)")


@dataclass
class Report:
    """Counts over a corpus: documents read, refused, and for each check the files that fail it."""

    files: int = 0
    documents: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    seconds: float = 0.0
    slowest: tuple[float, str] = (0.0, "")
    longest: list[tuple[int, str, str]] = field(default_factory=list)  # (characters, file, clause path)
    clauses: int = 0
    # the outline's structural symptoms (policy/bench/law_shape.py): count, documents, examples "file: where"
    shape: Counter[str] = field(default_factory=Counter)
    shape_documents: Counter[str] = field(default_factory=Counter)
    shape_examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def share(self, key: str) -> float:
        return 1 - len(self.missing[key]) / self.documents if self.documents else 0.0


def laws_dir(path: str | None) -> Path:
    return Path(path or os.environ.get("POLICY_LAWS_DIR") or DEFAULT_DIR)


def check(files: list[Path]) -> Report:
    """Clean every file and note what each document lacks (pure apart from reading the files)."""
    from cleaner import NotADocument, clean

    report = Report(files=len(files))
    try:  # the first call imports cn2an and compiles patterns: not a document's own time
        clean("第一条 本条例自2020年1月1日起施行，补助五十万元。")
    except NotADocument:
        pass
    for f in files:
        data = f.read_bytes()
        start = time.perf_counter()
        try:
            doc = clean(data, source=str(f))
        except NotADocument as e:
            report.refused.append((str(f), str(e)))
            continue
        spent = time.perf_counter() - start
        report.seconds += spent
        report.slowest = max(report.slowest, (spent, str(f)))
        report.documents += 1
        if not doc.title:
            report.missing["title"].append(str(f))
        elif _HISTORY_WORDS.search(doc.title):
            report.missing["title free of adoption lines"].append(str(f))
        if not doc.issuer:
            report.missing["issuer"].append(str(f))
        if not (doc.published or doc.signed):
            report.missing["date (published or signed)"].append(str(f))
        if any(_HISTORY_WORDS.match(c.text) and len(c.text) < 300 for c in doc.clauses[:6]):
            report.missing["adoption lines kept out of clauses"].append(str(f))
        if any(_ARTICLE_INSIDE.search(c.text) for c in doc.clauses):
            report.missing["articles each a clause"].append(str(f))
        if not _first_line_kept(data, doc):
            report.missing["first body line kept"].append(str(f))
        report.clauses += len(doc.clauses)
        counts, examples = symptoms(doc)
        report.shape.update(counts)
        report.shape_documents.update(counts.keys())
        for key, found in examples.items():
            report.shape_examples[key].extend(f"{f}: {where}" for where in found[:2])
        longest = max(doc.clauses, key=lambda c: len(c.text), default=None)
        if longest is not None:
            report.longest.append((len(longest.text), str(f), "/".join(longest.path) or "(unnumbered)"))
    report.longest.sort(reverse=True)
    return report


_INFO_END = "<!-- INFO END -->"
_SPACES = re.compile(r"\s+")


def _first_line_kept(data: bytes, doc) -> bool:
    """The first line after LawRefBook's head marker is somewhere in the document: a clause, the title, its history
    or its validity line (a head rule that reads a body line as an addressee or a title line loses it)."""
    text = data.decode("utf-8", errors="replace")
    if _INFO_END not in text:
        return True
    lines = [ln.strip().lstrip("-#").strip() for ln in text.split(_INFO_END, 1)[1].splitlines()]
    first = next((_SPACES.sub("", ln)[:15] for ln in lines if ln), "")
    kept = [
        doc.title or "",
        doc.validity_text or "",
        *(e.text for e in doc.history),
        *(c.text for c in doc.clauses),
    ]
    return not first or any(first in _SPACES.sub("", t) for t in kept)


@bench.command("laws")
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--examples", default=5, show_default=True, help="Files named for each missing field.")
def bench_laws(folder: str | None, examples: int) -> None:
    """Clean a folder of laws and regulations; print how many lack a title, issuer or date.

    FOLDER defaults to $POLICY_LAWS_DIR, else /work/laws (LawRefBook/Laws'
    national folders; never committed).  `make corpus-check` runs it.

    \b
    Example:
      policy bench laws
      POLICY_LAWS_DIR=~/laws policy bench laws --examples 10
    """
    root = laws_dir(folder)
    if not root.is_dir():
        raise click.ClickException(f"no laws folder at {root} (give FOLDER or set POLICY_LAWS_DIR)")
    files = sorted(f for f in root.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
    if not files:
        raise click.ClickException(f"no {'/'.join(SUFFIXES)} files under {root}")
    report = check(files)
    click.echo(f"{report.files} files, {report.documents} documents, {len(report.refused)} not documents")
    for path, why in report.refused[:examples]:
        click.echo(f"  not a document: {path}: {why}")
    for key in (
        "title",
        "title free of adoption lines",
        "issuer",
        "date (published or signed)",
        "adoption lines kept out of clauses",
        "articles each a clause",
        "first body line kept",
    ):
        bad = report.missing[key]
        click.echo(
            f"{key:40} {report.documents - len(bad):5d}/{report.documents} ok ({report.share(key):.1%})"
        )
        for path in bad[:examples]:
            click.echo(f"  fails: {path}")
    click.echo(f"outline shape ({report.clauses} clauses; each symptom: clauses, documents):")
    for key in SYMPTOMS:
        click.echo(f"  {key:46} {report.shape[key]:6d} in {report.shape_documents[key]:4d}")
        for example in report.shape_examples[key][:examples]:
            click.echo(f"    e.g. {example}")
    for size, path, clause in report.longest[:examples]:
        click.echo(f"  longest clause: {size} characters, {path} {clause}")
    if report.documents:
        click.echo(
            f"clean(): {report.documents / report.seconds:.1f} documents/s, "
            f"slowest {report.slowest[0]:.2f} s ({report.slowest[1]})"
        )
    sys.stdout.flush()
