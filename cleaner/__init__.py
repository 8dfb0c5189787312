"""Pure extraction: page bytes or text (+ URL, site hints) -> ``Document``.

``clean()`` is the whole public face, with the ``Hints`` a site config passes
and the ``NotADocument`` it raises for pages that are not documents.  The
chain of steps lives in ``cleaner/pipeline.py``; each step in its own module
(decode, page, head, outline, departments, amounts, validity ...).
No network, no disk.
"""

from __future__ import annotations

from .errors import NotADocument
from .pipeline import Hints, clean

__all__ = ["clean", "Hints", "NotADocument"]
