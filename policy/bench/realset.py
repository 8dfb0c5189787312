"""The real set: pages nobody on the project wrote, with gold written by another hand.

``tests/fixtures/cleaner/real/`` holds the pages and texts (bytes as
published) and ``gold/batchN.json`` their gold; ``BINARIES.md`` lists real
PDF/DOCX attachments that are not committed, read from a local repository
snapshot (``$POLICY_MIRROR_DIR``, else /work/.mirror) when there is one and
checked against their sha256.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "cleaner" / "real"
DEFAULT_MIRROR = "/work/.mirror"


@dataclass(frozen=True)
class Entry:
    """One gold entry and where its bytes are (None when a binary's snapshot is absent)."""

    batch: str
    gold: dict
    path: Path | None
    binary: bool = False


def batch_names(root: Path = REAL_DIR) -> list[str]:
    """gold/batch1.json, batch2.json …, then other hands' batches (grants_batch1.json …); binaries.json is separate."""
    names = [p.name for p in (root / "gold").glob("*batch*.json")]
    return sorted(names, key=lambda n: (n.split("batch")[0], int(re.sub(r"\D", "", n) or 0)))


def load(batches: list[str] | None = None, root: Path = REAL_DIR, binaries: bool = True) -> list[Entry]:
    entries = []
    for name in batches or batch_names(root):
        for g in json.loads((root / "gold" / name).read_text(encoding="utf-8")):
            entries.append(Entry(name, g, root / g["file"]))
    if binaries and (root / "gold" / "binaries.json").exists():
        table = binary_sources(root)
        for g in json.loads((root / "gold" / "binaries.json").read_text(encoding="utf-8")):
            entries.append(Entry("binaries.json", g, table.get(g["file"]), binary=True))
    return entries


def binary_sources(root: Path = REAL_DIR) -> dict[str, Path | None]:
    """BINARIES.md rows -> a cached copy of the snapshot's blob (None when the snapshot or blob is missing)."""
    out: dict[str, Path | None] = {}
    md = root / "BINARIES.md"
    if not md.exists():
        return out
    mirror = Path(os.environ.get("POLICY_MIRROR_DIR") or DEFAULT_MIRROR)
    cache = Path(os.environ.get("TMPDIR", "/tmp")) / "policy-real-binaries"
    for line in md.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if (
            len(cells) < 5
            or not re.fullmatch(r"[0-9a-f]{40}", cells[2])
            or not re.fullmatch(r"[0-9a-f]{64}", cells[4])
        ):
            continue
        name, repo, commit, path, sha = cells[:5]
        out[name] = _blob(mirror / repo.replace("/", "+") / "repo", commit, path, sha, cache / name)
    return out


def _blob(git_dir: Path, commit: str, path: str, sha: str, target: Path) -> Path | None:
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == sha:
        return target
    if not git_dir.exists():
        return None
    r = subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"], capture_output=True, timeout=60
    )
    if r.returncode != 0 or hashlib.sha256(r.stdout).hexdigest() != sha:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(r.stdout)
    return target
