"""What one crawl of one site did, for the summary line and the nightly report."""

from __future__ import annotations

from dataclasses import dataclass, field

# The keys of a site's figures in the --report JSON, in order (the nightly report's contract).
REPORT_KEYS = ("requests", "pages", "new", "changed", "unchanged", "failed", "blocked")
# The figures a store write adds to, which go back when the store undoes the write (crawler/batch.py).
STORED_COUNTS = ("new", "changed", "unchanged", "failed", "blocked", "kept_raw")
STORED_LISTS = ("new_documents", "notes", "errors", "failures", "blocked_pages")


@dataclass
class CrawlStats:
    site: str
    requests: int = 0  # URLs asked for: list pages, pages, attachments (retries and redirects not counted)
    pages: int = 0  # detail pages and attachments that came back with a body
    new: int = 0  # documents stored for the first time
    changed: int = 0  # documents whose content changed (a new page version)
    unchanged: int = 0  # known pages not due, answered 304, or the same as stored
    failed: int = 0
    blocked: int = 0  # anti-bot challenge pages
    list_pages: int = 0
    disallowed: int = 0  # links robots.txt forbids: never requested, not a failure
    kept_raw: int = 0  # attachments stored raw because the cleaner cannot read them (yet)
    unstored: int = 0  # outcomes the store refused (a full disk): the site's crawl is not finished
    pending: int = 0  # after the run: URLs listed but never stored, fetched first by the next run
    closed: str = ""  # why the crawl stopped, when not "finished"
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # where a cap cut the site short (list.max_entries, pagination.max_pages): the night missed pages
    limits: list[str] = field(default_factory=list)
    failures: list[dict] = field(default_factory=list)  # {"url", "reason"}: one for each of `failed`
    blocked_pages: list[dict] = field(default_factory=list)  # {"url", "reason"}: one for each of `blocked`
    new_documents: list[dict] = field(default_factory=list)
    # CPU or wall seconds by stage (clean, rows, compress in the workers; writes, relink here):
    # what `policy bench crawl` breaks a page's cost down by
    seconds: dict[str, float] = field(default_factory=dict)

    def spent(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    def fail(self, url: str, reason: str, *, blocked: bool = False) -> None:
        """Count a page that brought no document, with its URL and why, for the report."""
        if blocked:
            self.blocked += 1
            self.blocked_pages.append({"url": url, "reason": reason})
        else:
            self.failed += 1
            self.failures.append({"url": url, "reason": reason})
        self.errors.append(f"{url}: {reason}")

    def as_report(self) -> dict:
        """The figures, then each failure, each blocked page and each limit hit (what an operator acts on)."""
        return {
            **{key: getattr(self, key) for key in REPORT_KEYS},
            "failures": [dict(f) for f in self.failures],
            "blocked_pages": [dict(b) for b in self.blocked_pages],
            "limits": list(self.limits),
            "pending": self.pending,
        }

    @property
    def ok(self) -> bool:
        return not (self.failed or self.blocked)

    def summary(self) -> str:
        extra = f", {self.kept_raw} attachments kept raw" if self.kept_raw else ""
        extra += f", {self.disallowed} disallowed by robots.txt" if self.disallowed else ""
        stop = f" (stopped: {self.closed})" if self.closed and self.closed != "finished" else ""
        stop += f" (cut short by {len(self.limits)} limit(s), see the report)" if self.limits else ""
        extra += f", {self.pending} pending (listed, not stored yet)" if self.pending else ""
        return (
            f"{self.site}: {self.requests} requests, {self.pages} pages, {self.new} new, "
            f"{self.changed} changed, {self.unchanged} unchanged, {self.failed} failed, "
            f"{self.blocked} blocked{extra}{stop}"
        )
