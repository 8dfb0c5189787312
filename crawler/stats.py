"""What one crawl of one site did, for the summary line and the nightly report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class CrawlStats:
    site: str
    requests: int = 0
    pages: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    blocked: int = 0
    errors: list[str] = field(default_factory=list)
    new_documents: list[dict] = field(default_factory=list)

    def as_report(self) -> dict:
        d = asdict(self)
        d.pop("new_documents")
        d.pop("site")
        return d

    def summary(self) -> str:
        return (
            f"crawl {self.site}: {self.requests} requests, {self.pages} pages, {self.new} new, "
            f"{self.changed} changed, {self.unchanged} unchanged, {self.failed} failed, {self.blocked} blocked"
        )
