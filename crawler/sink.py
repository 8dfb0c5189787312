"""The one consumer of crawl outcomes: applies them to the store and counts them.

Used by the Scrapy pipeline in a single-process crawl and by the Redis
consumer in distributed mode, so both store exactly the same way.  Order of
writes per page: raw page, url state, document; each is one transaction, so
a crash leaves every earlier page intact, and a page whose document was not
yet written is cleaned again the next time it is fetched.
"""

from __future__ import annotations

from cleaner import Hints
from corpus.store import SavedPage, Store, content_hash

from .cleanpool import Outcome, clean_outcome
from .config import SiteConfig
from .items import Disallowed, Failed, Fetched, ListPage, NotModified, Seen
from .stats import CrawlStats


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

    def figures(self, site: str) -> CrawlStats:
        if site not in self.stats:
            self.stats[site] = CrawlStats(site=site)
        return self.stats[site]

    def apply(self, item) -> None:
        if isinstance(item, Fetched):
            self.fetched(item)
        elif isinstance(item, Seen):
            self.store.record_seen(item.urls, site=item.site)
            self.figures(item.site).unchanged += len(item.urls)
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
            if item.blocked:
                st.blocked += 1
            else:
                st.failed += 1
            st.errors.append(f"{item.url}: {item.error}")
            self.store.record_failure(
                item.url,
                site=item.site,
                kind=item.kind,
                error=item.error,
                status="blocked" if item.blocked else "failed",
            )

    def fetched(self, item: Fetched) -> None:
        """Store a fetched page and its document, cleaning inline (the Redis consumer's way)."""
        saved = self.store_raw(item)
        if saved is not None:
            self.store_document(item, saved, clean_outcome(item.body, item.final_url, self.hints(item)))

    def store_raw(self, item: Fetched) -> SavedPage | None:
        """Keep the raw page; returns it when it wants cleaning, None when it is the same as stored.

        The URL's state is written only once the document is (store_document), so a run killed
        in between fetches the page again and cleans it then.
        """
        st = self.figures(item.site)
        st.requests += 1
        st.pages += 1
        saved = self.store.save_page(
            item.final_url,
            item.body,
            status=item.status,
            content_type=item.content_type,
            headers=item.headers,
        )
        if not saved.changed and not saved.new and self.store.has_document_for(item.final_url):
            st.unchanged += 1  # the same bytes as the stored version: nothing to clean
            self.record(item)
            return None
        return saved

    def hints(self, item: Fetched) -> Hints:
        return hints_for(self.sites.get(item.site), item.content_type)

    def store_document(self, item: Fetched, saved: SavedPage, outcome: Outcome) -> None:
        st = self.figures(item.site)
        kind, value = outcome
        if kind == "ok":
            doc = value
            action = self.store.save_document(doc, page_id=saved.page_id, site=item.site)
            setattr(st, action, getattr(st, action) + 1)
            if action == "new":
                st.new_documents.append(
                    {"url": doc.url, "title": doc.title, "issuer": doc.issuer, "published": doc.published}
                )
        elif kind == "not_a_document" and item.kind == "attachment":
            # kept raw: a re-clean reads it when the cleaner can
            st.kept_raw += 1
            st.notes.append(f"{item.final_url}: attachment kept raw ({value})")
        else:
            st.failed += 1
            st.errors.append(
                f"{item.final_url}: " + (f"not a document: {value}" if kind != "error" else value)
            )
        self.record(item)

    def record(self, item: Fetched) -> None:
        digest = content_hash(item.body)
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
