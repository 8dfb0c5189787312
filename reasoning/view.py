"""One document as ``policy show --json`` and ``/api/doc/<id>`` return it: with its status and relations.

Reads the links near the document from the store (``Store.links_near``)
and decides its status on the day asked (``status.decide``), so a view
for another day needs no relink.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from corpus.facts import INVERSE, Link, facts_of

from .status import Graph, decide, today

if TYPE_CHECKING:
    from corpus.store import Store


def document_view(store: Store, doc_id: str, as_of: str | None = None, doc=None) -> dict | None:
    """One document with its status on ``as_of`` (today by default) and its relations.

    The document JSON (the public contract) plus ``status`` and ``relations``:
    ``cites``, ``cited_by``, ``repeals``, ``repealed_by``, ``draft_of``,
    ``final_of``, ``repost_of``, ``reposts``, ``duplicate_of``, ``duplicates``;
    each entry has ``doc_id`` (null while the named document is not stored),
    ``doc_number``, ``title``, ``url`` and ``sentence``.  ``sources`` lists the
    URLs of every copy of the document.  ``doc``: the document when the caller has it already.
    """
    doc = doc if doc is not None and doc.id == doc_id else store.document(doc_id)
    if doc is None:
        return None
    as_of = as_of or today()
    graph = Graph(*store.links_near(doc_id))
    if doc_id not in graph.facts:
        graph.facts[doc_id] = facts_of(doc)  # stored but never relinked: decide on its own words
    view = doc.to_dict()
    view["status"] = decide(doc_id, graph, as_of).to_dict()
    relations: dict[str, list[dict]] = {}
    copies = graph.copies(doc_id)
    for kind, inverse in INVERSE.items():
        relations[kind] = [_entry(ln.dst, ln, graph) for ln in graph.out(doc_id, kind)]
        # what names any copy of this document names this one
        incoming = [ln for d in copies for ln in graph.into(d, kind) if ln.src != doc_id]
        relations[inverse] = [_entry(ln.src, ln, graph) for ln in incoming]
    view["relations"] = relations
    view["sources"] = store.sources(graph.copies(doc_id)) or ([doc.url] if doc.url else [])
    return view


def _entry(other: str | None, ln: Link, graph: Graph) -> dict:
    f = graph.facts.get(other) if other else None
    if f and ln.src == other:  # a document naming this one: show it as stored
        number, title = f.doc_number, f.title
    else:  # a document this one names: as printed, completed from the store
        number = ln.doc_number or (f.doc_number if f else None)
        title = ln.title or (f.title if f else None)
    return {
        "doc_id": other,
        "doc_number": number,
        "title": title,
        "url": f.url if f else None,
        "sentence": ln.sentence,
    }
