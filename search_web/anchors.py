"""Where a clause lives on its document page: its anchor and its breadcrumb."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Crumb:
    label: str  # 四、
    heading: str | None  # 重点任务
    anchor: str | None  # the ancestor's anchor on the document page, when known


def clause_anchor(clause_id: str) -> str:
    """The fragment of a clause on /doc/<doc id>: its id without the document part.

    Clause ids are ``<doc id>:<path key>`` (``82882197:四-三-2``), stable as long
    as the text is, so a link to a clause survives a re-crawl of an unchanged
    document.  The ``c-`` prefix keeps clause anchors apart from the page's own.
    """
    return "c-" + clause_id.split(":", 1)[-1]


def breadcrumb(
    doc_id: str,
    clause_id: str,
    path: list[str],
    heading: str | None,
    headed: dict[tuple[str, tuple[str, ...]], tuple[str, str]],
) -> list[Crumb]:
    """四、重点任务 › （三）加强平台 › 2. from the path labels and the ancestors' headings.

    ``headed`` maps (doc id, path) to (clause id, heading) for headed clauses,
    as ``Store.clause_headings`` returns it.
    """
    crumbs = []
    for i, label in enumerate(path):
        if i == len(path) - 1:
            crumbs.append(Crumb(label, heading, clause_anchor(clause_id)))
            continue
        found = headed.get((doc_id, tuple(path[: i + 1])))
        if found:
            crumbs.append(Crumb(label, found[1], clause_anchor(found[0])))
        else:
            crumbs.append(Crumb(label, None, None))
    return crumbs


def split_lead(number: str | None, heading: str | None, text: str) -> tuple[str, str]:
    """(label + heading, the rest) when the text opens with them, so the page can set them in bold.

    The cleaner keeps a clause's text as printed, label and heading included
    (（一）统筹规划，分步实施。注重…); only the opening is emphasised, nothing is cut.
    """
    lead = (number or "") + (heading or "")
    if lead and text.startswith(lead):
        return lead, text[len(lead) :]
    if number and text.startswith(number):
        return number, text[len(number) :]
    return "", text
