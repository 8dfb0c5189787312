"""What every part of the store shares: its errors and its clock.

A low module so the store's parts (corpus/store*.py) need not import the
``Store`` class that brings them together.
"""

from __future__ import annotations

from datetime import UTC, datetime


class StoreError(Exception):
    """The store file cannot be opened or is newer than this program."""


class DamagedDocument(StoreError):
    """A stored document row no longer reads as a document (a disk fault, a hand edit).

    Its raw page is kept apart, so cleaning that page again restores it.
    """

    def __init__(self, doc_id: str, detail: str):
        super().__init__(
            f"document {doc_id} is damaged in the store ({detail}): "
            "run `policy reclean` to clean it again from its stored page"
        )
        self.doc_id = doc_id


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
