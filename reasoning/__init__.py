"""Reasoning over stored documents: pure, like the cleaner (facts in, statuses and relations out).

- ``relations``: which documents cite, repeal, extend, repost or copy which,
  and which draft became which final (``link``);
- ``status``: whether a document still applies on a given day (``decide``);
- ``relinking``: both over the whole store, results handed back to the store
  to keep; the ``policy`` command calls it once, right before indexing;
- ``view``: one document with its status and relations (``document_view``);
- ``support``: which grants fit a company (``match``), each condition met,
  unmet or unknown with the sentence that says so; ``profile``: the company
  profile it reads (``load_profile``, ``profile_from``).

The store (``corpus``) keeps the facts these read and the results they
give, and never imports this package.
"""

from .relinking import RelinkReport, relink, relink_safely
from .status import STATUSES, Status, decide
from .view import document_view

__all__ = ["STATUSES", "RelinkReport", "Status", "decide", "document_view", "relink", "relink_safely"]
