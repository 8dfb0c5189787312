"""`policy bench wording`: abbreviation candidates mined from a corpus, for ``indexer/dict/abbreviations.txt``.

Two sources, both the corpus's own:
- definitions: "国务院科学技术行政部门（以下简称科技部门）" pairs the short name
  with the words before it, trimmed to where the short name's first
  character starts and its characters occur in order;
- character-dropping abbreviations: a run of two or three words (研究 开发)
  one character of each of which (研发) spell a word of the corpus too.
Both by the rules the index mines the same pairs with when it is built
(``indexer.lexicon``: every query reaches them without a list); this command
shows them, with their counts, for the kept lists.
Candidates are printed with their counts; a person keeps the lines that name
one thing (the file is data, reviewed, never written by this command).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import click

from policy.bench import bench

_RUN = re.compile(r"[\u4e00-\u9fff]+$")


def defined_names(text: str) -> list[tuple[str, str]]:
    """(full, short) pairs of the text's "（以下简称…）" definitions, as the index mines them
    (``indexer.lexicon.definitions``)."""
    from indexer.lexicon import definitions

    return definitions(text)


def dropped_characters(tokens: list[str]) -> list[tuple[str, str]]:
    """(full, short) candidates: adjacent words whose first characters spell a shorter word (研究 开发 -> 研发)."""
    from indexer.lexicon import abbreviates

    out = []
    for n in (2, 3):
        for i in range(len(tokens) - n + 1):
            words = tokens[i : i + n]
            if not all(len(w) >= 2 and _RUN.fullmatch(w) for w in words):
                continue
            full = "".join(words)
            # the first character of each word (审查批准 -> 审批), or the first word's first with
            # any of the last word's (研究开发 -> 研发)
            shorts = {"".join(w[0] for w in words)} | {words[0][0] + c for c in words[-1]}
            for short in shorts:
                if abbreviates(short, full):  # the index's own rule (indexer.lexicon)
                    out.append((full, short))
    return out


def mine(texts: list[str], cut) -> list[tuple[str, str, int, int, str]]:
    """(full, short, pairs seen, clauses printing the short form, source) candidates, best first."""
    defined: Counter = Counter()
    dropped: Counter = Counter()
    vocabulary: Counter = Counter()
    for text in texts:
        defined.update(defined_names(text))
        words = [w for w in cut(text) if w]
        vocabulary.update(set(words))
        dropped.update(dropped_characters(words))
    out = [(f, s, n, vocabulary[s], "definition") for (f, s), n in defined.items()]
    out += [
        (f, s, n, vocabulary[s], "dropped")
        for (f, s), n in dropped.items()
        if n >= 3 and vocabulary[s] >= 3 and (f, s) not in defined
    ]
    return sorted(out, key=lambda r: (r[4] != "definition", -min(r[2], r[3]), r[0]))


@bench.command("wording")
@click.option(
    "--bench-dir",
    envvar="POLICY_BENCH_DIR",
    default="./data/bench-relevance",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A bench dir built by `policy bench relevance --build` (its clauses.jsonl).",
)
@click.option("--top", default=200, show_default=True, help="Candidates printed.")
def bench_wording(bench_dir: Path, top: int) -> None:
    """Print abbreviation candidates mined from the bench corpus, for a person to review.

    \b
    Example:
      policy bench wording --top 100
    """
    import jieba

    from indexer.analysis import tokenizer

    path = bench_dir / "clauses.jsonl"
    if not path.exists():
        raise click.ClickException(f"no {path}: run `policy bench relevance --build` first")
    tokenizer()
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    rows = mine(texts, jieba.lcut)
    for full, short, n, df, source in rows[:top]:
        click.echo(f"{full}\t{short}\t{n}\t{df}\t{source}")
    click.echo(f"{len(rows)} candidates from {len(texts)} clauses", err=True)
