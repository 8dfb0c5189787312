"""Relink: recompute every link and today's status over the whole store, and hand them back to it.

The store keeps facts and results (``corpus/store_standing.py``); this module
reads the facts, runs the pure reasoning (``relations.link``,
``status.decide``) and gives the store what to keep.  The ``policy``
command layer calls it once per command, right before indexing, so the
index copies statuses that are today's (``policy update``, ``index``,
``ingest``, ``reclean``, ``crawl``, ``consume``, ``demo``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from corpus.facts import INVERSE

from .relations import link
from .status import Graph, Status, decide, today

if TYPE_CHECKING:
    from corpus.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RelinkReport:
    documents: int
    links: int
    resolved: int
    changed: int  # documents whose links or status changed (logged for the indexer)

    def line(self) -> str:
        return (
            f"relinked {self.documents} documents: {self.links} links ({self.resolved} resolved),"
            f" {self.changed} changed"
        )


def relink(store: Store, as_of: str | None = None) -> RelinkReport:
    """Recompute every link and today's status; the store logs a change for each document that moved."""
    as_of = as_of or today()
    with store.transaction():
        store.backfill_facts()
        facts = store.all_facts()
        graph = Graph(facts, link(facts.values()))
        statuses = {}
        for doc_id in facts:
            s = decide(doc_id, graph, as_of)
            statuses[doc_id] = (s, _signature(doc_id, graph, s))
        changed = store.save_standing(graph.links, statuses, as_of)
    report = RelinkReport(
        documents=len(facts),
        links=len(graph.links),
        resolved=sum(1 for ln in graph.links if ln.dst),
        changed=changed,
    )
    log.info("%s (as of %s)", report.line(), as_of)
    return report


def relink_safely(store: Store, as_of: str | None = None) -> RelinkReport | None:
    """``relink`` for a command that has saved its work: a failure is logged and the command goes on.

    A bug or a locked store here must not turn a finished crawl into a failed
    one; statuses stay as they were and the next relink catches up.
    """
    try:
        return relink(store, as_of)
    except sqlite3.Error as e:
        log.warning("relink failed, statuses stay as they were: %s", e)
    except Exception:
        log.exception("relink failed, statuses stay as they were")
    return None


def _signature(doc_id: str, graph: Graph, s: Status) -> str:
    """What the index shows of a document's standing: status, dates, links in and out."""
    parts = [s.status, s.rule, s.effective, s.expires, s.by]
    for kind in INVERSE:
        parts += [(ln.kind, ln.key, ln.dst) for ln in graph.out(doc_id, kind)]
        parts += [(ln.kind, ln.src) for ln in graph.into(doc_id, kind)]
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()
