"""New notices: the documents the last runs brought, newest first, under the run that found them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RunSummary:
    id: int
    command: str
    started_at: str
    finished_at: str | None
    new: int
    changed: int
    failed: int
    sites: list[str]

    @property
    def running(self) -> bool:
        return self.finished_at is None


@dataclass
class NoticeGroup:
    run: RunSummary | None  # None: documents that came in outside a recorded run (policy ingest)
    documents: list[dict] = field(default_factory=list)


def summarize(run: dict) -> RunSummary:
    """A run row of the store, its per-site report added up (the crawler records one per site)."""
    report = run.get("report") or {}
    sites = report.get("sites") or {}
    total = {"new": 0, "changed": 0, "failed": 0}
    for figures in sites.values():
        for key in total:
            value = figures.get(key) if isinstance(figures, dict) else None
            total[key] += value if isinstance(value, int) else 0
    return RunSummary(
        id=run["id"],
        command=run["command"],
        started_at=run["started_at"],
        finished_at=run.get("finished_at"),
        new=total["new"],
        changed=total["changed"],
        failed=total["failed"],
        sites=sorted(sites),
    )


def group_by_run(runs: list[dict], documents: list[dict]) -> list[NoticeGroup]:
    """Each document (newest first_seen first) under the run whose time span holds its first_seen.

    Times are the store's ISO-8601 UTC stamps, so comparing strings compares times.
    """
    summaries = [summarize(r) for r in runs]
    groups: list[NoticeGroup] = []
    for doc in documents:
        seen = doc.get("first_seen") or ""
        run = next(
            (
                s
                for s in summaries
                if s.started_at <= seen and (s.finished_at is None or seen <= s.finished_at)
            ),
            None,
        )
        # Consecutive documents of one run form one group, so the list stays newest first.
        if not groups or groups[-1].run != run:
            groups.append(NoticeGroup(run=run))
        groups[-1].documents.append(doc)
    return groups
