"""The `policy` command: thin wiring of the stages.

Each subcommand reads its input, calls one stage, and prints a short
summary; errors become one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import click

from corpus.store import Store, StoreError
from indexer import IndexError_, QueryError

DEFAULT_DATA_DIR = "./data"


class Context:
    def __init__(self, data_dir: str):
        self.data_dir = Path(data_dir)

    def store(self) -> Store:
        return Store.in_dir(self.data_dir)


def fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def usage_fail(e: click.UsageError) -> None:
    """A wrong flag or a missing argument as one line (click prints four), exit 2 as click does."""
    if isinstance(e, click.exceptions.NoArgsIsHelpError):
        raise e  # a bare `policy` or `policy bench`: the help is the answer
    hint = f" (see `{e.ctx.command_path} --help`)" if e.ctx is not None else ""
    click.echo(f"error: {e.format_message()}{hint}", err=True)
    sys.exit(e.exit_code)


def _cleaner_errors() -> tuple[type[Exception], ...]:
    """NotADocument when the cleaner is loaded: a command that never cleaned cannot raise it.

    An except clause reads this when an error arrives, so `policy search`
    does not pay the cleaner's import (a fifth of its start) to name it.
    """
    cleaner = sys.modules.get("cleaner")
    return (cleaner.NotADocument,) if cleaner else ()


class PolicyGroup(click.Group):
    """Turns the errors users can act on into one line instead of a traceback."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as e:
            usage_fail(e)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except click.UsageError as e:
            usage_fail(e)
        except (StoreError, IndexError_, QueryError, *_cleaner_errors()) as e:
            fail(str(e))
        except sqlite3.DatabaseError as e:
            # a damaged store file (a disk fault, a copy taken mid-write) or a locked one
            store = Path(ctx.obj.data_dir) / "policy.sqlite3" if ctx.obj else "the store"
            hint = "" if "locked" in str(e) else f"; check it with: sqlite3 {store} 'PRAGMA integrity_check'"
            fail(f"store {store}: {e}{hint}")
        except BrokenPipeError:
            # `policy search … | head`: the reader has what it wanted; say nothing, as cat and grep do
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as e:
            fail(f"{e.strerror or e}: {e.filename}" if getattr(e, "filename", None) else str(e))


@click.group(cls=PolicyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--data-dir",
    envvar="POLICY_DATA_DIR",
    default=DEFAULT_DATA_DIR,
    show_default=True,
    help="Where the store and the index live (env POLICY_DATA_DIR).",
)
@click.pass_context
def cli(ctx: click.Context, data_dir: str) -> None:
    """Harvest, clean, index and search Chinese science-and-technology policy documents.

    \b
    Example:
      policy demo                      # mirror + crawl + index + serve the bundled corpus
      policy search 中试基地 --json
    """
    ctx.obj = Context(data_dir)


def main() -> None:
    cli(prog_name="policy")


# Commands live in one module per area; importing them registers them on `cli`.
import policy.cmd_export  # noqa: E402,F401  (web: policy export)
import policy.cmd_match  # noqa: E402,F401  (support: policy match)
import policy.cmd_reclean  # noqa: E402,F401  (policy reclean)
import policy.cmd_show  # noqa: E402,F401  (status: policy show)
from policy import cmd_clean, cmd_crawl, cmd_index, cmd_web  # noqa: E402,F401
from policy.bench import bench  # noqa: E402

cli.add_command(bench)

if __name__ == "__main__":
    main()
