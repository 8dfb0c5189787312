"""A plain install (`pip install .`, no dev extra) carries everything the commands use."""

from __future__ import annotations

import re
from importlib.metadata import requires


def core_requirements() -> set[str]:
    """The names the installed project requires outside any extra, read from its installed metadata."""
    names = set()
    for line in requires("policy-harvester") or []:
        if "extra ==" in line:
            continue
        names.add(re.split(r"[\s<>=!~;\[]", line, maxsplit=1)[0].lower().replace("_", "-"))
    return names


def test_tantivy_is_a_core_dependency():
    # `policy index` picks tantivy by itself from 20,000 clauses: an install without it
    # crashed on its first large index
    assert "tantivy" in core_requirements()


def test_every_runtime_import_is_a_core_dependency():
    core = core_requirements()
    for name in ("scrapy", "whoosh3", "jieba", "flask", "click", "waitress", "pdfminer.six", "python-docx"):
        assert name in core, name
