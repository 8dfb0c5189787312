"""`policy bench ...`: speed measured as ratios against a baseline run in the same process.

Each area adds its own subcommand module here; figures go in the issue notes,
never in test assertions.
"""

from __future__ import annotations

import click


@click.group()
def bench() -> None:
    """Benchmarks that print figures as ratios against a same-run baseline.

    \b
    Example:
      policy bench clean                 # clean() against trafilatura on the fixtures
      policy bench search --clauses 20000
      policy bench relevance             # our search against BM25 on the judged laws corpus
      policy bench support --why         # grants against the hand-written gold
    """


from policy.bench import clean as _clean  # noqa: E402,F401  (registers `policy bench clean`)
from policy.bench import crawl as _crawl  # noqa: E402,F401  (registers `policy bench crawl`)
from policy.bench import laws as _laws  # noqa: E402,F401  (registers `policy bench laws`)
from policy.bench import lists as _lists  # noqa: E402,F401  (registers `policy bench lists`)
from policy.bench import pdf as _pdf  # noqa: E402,F401  (registers `policy bench pdf`)
from policy.bench import relevance as _relevance  # noqa: E402,F401  (registers `policy bench relevance`)
from policy.bench import search as _search  # noqa: E402,F401  (registers `policy bench search`)
from policy.bench import status as _status  # noqa: E402,F401  (registers `policy bench status`)
from policy.bench import support as _support  # noqa: E402,F401  (registers `policy bench support`)
from policy.bench import web as _web  # noqa: E402,F401  (registers `policy bench web`)
from policy.bench import wording as _wording  # noqa: E402,F401  (registers `policy bench wording`)
