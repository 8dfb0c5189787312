"""The laws corpus as the relevance bench reads it: the allowed folders of LawRefBook/Laws only.

The corpus is never committed (``policy.bench.laws.laws_dir``: env
``POLICY_LAWS_DIR``, default /work/laws).  The cleaner reads the laws'
Markdown itself (``cleaner/markdown.py``); this module only says which files
are laws the team may use, and gives each a key that does not depend on
where the corpus was extracted, so clause ids (and the judgements on them)
hold across machines.
"""

from __future__ import annotations

from pathlib import Path

# The folders the team may use; 地方性法规/ and DLC/ are reserved for evaluation and never read.
ALLOWED_FOLDERS = (
    "行政法规",
    "宪法相关法",
    "民法商法",
    "行政法",
    "经济法",
    "社会法",
    "刑法",
    "诉讼与非诉讼程序法",
)


def law_files(root: Path) -> list[Path]:
    """The laws in the allowed folders, in a fixed order; folder index pages (_index.md) are not laws."""
    out: list[Path] = []
    for folder in ALLOWED_FOLDERS:
        out += sorted(p for p in (root / folder).rglob("*.md") if p.name != "_index.md")
    return out


def law_key(root: Path, path: Path) -> str:
    """laws:行政法规/X.md, wherever the corpus lives."""
    return "laws:" + path.relative_to(root).as_posix()
