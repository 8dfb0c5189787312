"""The index's own errors, in a low module so the integrity checks need neither build nor query."""

from __future__ import annotations

from pathlib import Path


class IndexError_(Exception):
    """The index is missing, busy, or was built by another schema version."""


class IndexDamaged(IndexError_):
    """The live generation's files cannot be read; the store still holds everything, so a rebuild recovers."""

    def __init__(self, root: Path, detail: str):
        super().__init__(f"the search index in {root} is damaged ({detail}): run `policy index --rebuild`")
        self.detail = detail


class QueryError(ValueError):
    """A query that cannot be run; the message is for the user."""
