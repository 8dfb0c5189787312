"""An amount with where it stands in its clause's text (shared by amounts, ratios and grants)."""

from __future__ import annotations

from dataclasses import dataclass

from corpus.model import Amount


@dataclass(frozen=True)
class AmountSpan:
    """An amount at text[start:end], and whether a ratio took it as its cap."""

    start: int
    end: int
    amount: Amount
    absorbed: bool = False  # the cap of a ratio printed beside it: part of that ratio, not a grant of its own
