"""The one consumer of crawl outcomes: applies them to the store and counts them.

Used by the Scrapy pipeline in a single-process crawl and by the Redis
consumer in distributed mode, so both store exactly the same way.  Order of
writes per page: raw page, document, url state; each outcome is applied
atomically (a transaction, or a savepoint inside a batch's transaction), so
a crash leaves every committed page intact, and a page whose state was not
yet written is fetched and cleaned again the next time.
"""

from __future__ import annotations

from collections.abc import Callable

from cleaner import Hints
from corpus.store import Store, content_hash

from .cleanpool import Prepared, prepare_page
from .config import SiteConfig
from .items import Disallowed, Failed, Fetched, ListPage, NotModified, Pending, Seen
from .stats import STORED_COUNTS, STORED_LISTS, CrawlStats


def charset_of(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        value = content_type.lower().split("charset=", 1)[1].split(";")[0].strip().strip("\"'")
        return value or None
    return None


def hints_for(site: SiteConfig | None, content_type: str | None) -> Hints:
    """What a site's config tells the cleaner about its pages (also used by `policy reclean`)."""
    return Hints(
        charset=charset_of(content_type),
        body_selector=site.detail.body if site else None,
        title_selector=site.detail.title if site else None,
        region=site.region if site else Hints().region,
        content_type=content_type,
    )


def _header(headers: dict[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


class StoreSink:
    """Applies outcomes of one or more sites' crawls to a store, keeping figures per site."""

    def __init__(self, store: Store, sites: dict[str, SiteConfig], stats: dict[str, CrawlStats]):
        self.store = store
        self.sites = sites
        self.stats = stats

    def checkpoint(self) -> Callable[[], None]:
        """The figures that count what was stored, as they are now, and a way back to them.

        Fetch figures (requests, pages) stay: the request was made even when
        its outcome could not be stored.
        """
        saved = {
            site: ([getattr(st, k) for k in STORED_COUNTS], [len(getattr(st, k)) for k in STORED_LISTS])
            for site, st in self.stats.items()
        }

        def restore() -> None:
            for site, st in self.stats.items():
                numbers, lengths = saved.get(site, ([0] * len(STORED_COUNTS), [0] * len(STORED_LISTS)))
                for key, value in zip(STORED_COUNTS, numbers, strict=True):
                    setattr(st, key, value)
                for key, length in zip(STORED_LISTS, lengths, strict=True):
                    del getattr(st, key)[length:]

        return restore

    def figures(self, site: str) -> CrawlStats:
        if site not in self.stats:
            self.stats[site] = CrawlStats(site=site)
        return self.stats[site]

    def apply(self, item) -> None:
        """Apply one outcome in one transaction (cleaning a fetched page first, outside it)."""
        if isinstance(item, Fetched):
            self.fetched(item)
        else:
            with self.store.transaction():
                self.write(item)

    def write(self, item) -> None:
        """Apply an outcome that needs no cleaning (everything but Fetched)."""
        if isinstance(item, Seen):
            self.store.record_seen(item.urls, site=item.site)
            self.figures(item.site).unchanged += len(item.urls)
        elif isinstance(item, Pending):
            self.store.record_pending(item.urls, site=item.site, kind=item.kind)
        elif isinstance(item, NotModified):
            st = self.figures(item.site)
            st.requests += 1
            st.unchanged += 1
            self.store.record_fetch(
                item.url,
                site=item.site,
                kind=item.kind,
                content_hash=None,
                list_sig=item.list_sig,
                status="not_modified",
            )
        elif isinstance(item, ListPage):
            self.figures(item.site).requests += 1
            self.figures(item.site).list_pages += 1
            self.figures(item.site).limits.extend(item.limits)
        elif isinstance(item, Disallowed):
            self.figures(item.site).disallowed += 1
            self.store.record_failure(
                item.url,
                site=item.site,
                kind=item.kind,
                error="disallowed by robots.txt",
                status="disallowed",
            )
        elif isinstance(item, Failed):
            st = self.figures(item.site)
            st.requests += 1
            st.fail(item.url, item.error, blocked=item.blocked)
            self.store.record_failure(
                item.url,
                site=item.site,
                kind=item.kind,
                error=item.error,
                status="blocked" if item.blocked else "failed",
            )

    def fetched(self, item: Fetched) -> None:
        """Store a fetched page and its document, preparing it inline (the Redis consumer's way)."""
        digest = content_hash(item.body)
        unchanged = self.unchanged(item, digest)
        prepared = None if unchanged else prepare_page(item.body, item.final_url, self.hints(item))
        with self.store.transaction():
            if prepared is None:
                self.known(item, digest)
            else:
                self.write_fetched(item, prepared, digest)

    def unchanged(self, item: Fetched, digest: str) -> bool:
        """True when the page is the same as its stored version and has its document: nothing to clean.

        Only reads the store: the caller then applies ``known`` or cleans the page for ``write_fetched``.
        """
        return self.store.page_unchanged(item.final_url, digest)

    def known(self, item: Fetched, digest: str) -> None:
        """A fetched page identical to the stored one: counted and its state refreshed."""
        st = self.count_page(item)
        st.unchanged += 1
        self.record(item, digest)

    def write_fetched(self, item: Fetched, prepared: Prepared, digest: str) -> None:
        """Write a fetched page made ready by ``prepare_page``: raw page, document, then URL state.

        The URL's state is written last, so a run killed in between (or a batch that was never
        committed) fetches the page again and cleans it then.
        """
        saved = self.store.save_page(
            item.final_url,
            item.body,
            status=item.status,
            content_type=item.content_type,
            headers=item.headers,
            compressed=prepared.compressed,
            digest=digest,
        )
        if not saved.changed and not saved.new and self.store.has_document_for(item.final_url):
            self.known(item, digest)  # the same page came twice in one run (two links redirecting to it)
            return
        st = self.count_page(item)
        if prepared.kind == "ok":
            action = self.store.save_document_rows(prepared.rows, page_id=saved.page_id, site=item.site)
            setattr(st, action, getattr(st, action) + 1)
            if action == "new":
                st.new_documents.append(prepared.rows.summary())
        elif prepared.kind == "not_a_document" and item.kind == "attachment":
            # kept raw: a re-clean reads it when the cleaner can
            st.kept_raw += 1
            st.notes.append(f"{item.final_url}: attachment kept raw ({prepared.message})")
        else:
            st.fail(
                item.final_url,
                f"not a document: {prepared.message}" if prepared.kind != "error" else prepared.message,
            )
        self.record(item, digest)

    def count_page(self, item: Fetched) -> CrawlStats:
        st = self.figures(item.site)
        st.requests += 1
        st.pages += 1
        return st

    def hints(self, item: Fetched) -> Hints:
        return hints_for(self.sites.get(item.site), item.content_type)

    def record(self, item: Fetched, digest: str) -> None:
        etag, modified = _header(item.headers, "ETag"), _header(item.headers, "Last-Modified")
        for url in dict.fromkeys((item.url, item.final_url)):
            self.store.record_fetch(
                url,
                site=item.site,
                kind=item.kind,
                content_hash=digest,
                etag=etag,
                last_modified=modified,
                list_sig=item.list_sig if url == item.url else None,
                final_url=item.final_url if item.final_url != item.url else None,
            )
