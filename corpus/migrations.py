"""Schema of the store, as numbered steps.

``PRAGMA user_version`` holds the number of steps applied; opening a store
applies the missing ones in one transaction each.  Never edit a step that has
shipped: add a new one.  Tables stay plain (JSON in TEXT columns, no blobs
except the compressed raw pages) so ``sqlite3`` or datasette can read them.
"""

STEPS: list[str] = [
    # 1: raw pages with versions, per-URL crawl state, documents, clauses, change log, runs
    """
    CREATE TABLE pages (
        id           INTEGER PRIMARY KEY,
        url          TEXT NOT NULL,
        version      INTEGER NOT NULL,
        fetched_at   TEXT NOT NULL,
        status       INTEGER,
        content_type TEXT,
        headers      TEXT,              -- JSON object
        content_hash TEXT NOT NULL,     -- sha256 of the uncompressed body
        size         INTEGER NOT NULL,
        body         BLOB NOT NULL,     -- zlib-compressed bytes as fetched
        UNIQUE (url, version)
    );
    CREATE TABLE url_state (
        url           TEXT PRIMARY KEY,
        site          TEXT,
        kind          TEXT,             -- list | detail | attachment
        etag          TEXT,
        last_modified TEXT,
        content_hash  TEXT,
        first_seen    TEXT,
        last_seen     TEXT,
        last_changed  TEXT,
        last_status   TEXT,             -- ok | not_modified | failed | blocked
        last_error    TEXT,
        failures      INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE documents (
        id          TEXT PRIMARY KEY,
        url         TEXT,
        source      TEXT NOT NULL,
        site        TEXT,
        title       TEXT,
        issuer      TEXT,
        doc_number  TEXT,
        index_no    TEXT,
        published   TEXT,
        signed      TEXT,
        doc_type    TEXT,
        draft       INTEGER NOT NULL DEFAULT 0,
        province    TEXT,
        city        TEXT,
        county      TEXT,
        page_id     INTEGER REFERENCES pages(id),
        content_hash TEXT,              -- hash of the document JSON, to tell changed from unchanged
        first_seen  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        data        TEXT NOT NULL       -- the full document JSON (the public contract)
    );
    CREATE INDEX documents_published ON documents(published);
    CREATE INDEX documents_doc_number ON documents(doc_number);
    CREATE TABLE clauses (
        id          TEXT PRIMARY KEY,
        doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord         INTEGER NOT NULL,
        number      TEXT,
        path        TEXT NOT NULL,      -- JSON list of labels
        level       INTEGER NOT NULL,
        heading     TEXT,
        text        TEXT NOT NULL,
        departments TEXT NOT NULL,      -- JSON list of names as printed
        amounts     TEXT NOT NULL,      -- JSON list of {text, yuan, kind}
        max_yuan    REAL
    );
    CREATE INDEX clauses_doc ON clauses(doc_id, ord);
    CREATE TABLE changes (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        doc_id  TEXT NOT NULL,
        action  TEXT NOT NULL,          -- new | changed | deleted
        at      TEXT NOT NULL
    );
    CREATE TABLE runs (
        id          INTEGER PRIMARY KEY,
        command     TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        report      TEXT                -- JSON
    );
    """,
    # 2: what the status of a document rests on (corpus/facts.py, reasoning/)
    """
    CREATE TABLE doc_facts (
        doc_id  TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data    TEXT NOT NULL           -- JSON: dates, 文号/title, printed cites and repeals, text sketch
    );
    CREATE TABLE relations (
        src        TEXT NOT NULL,       -- the document that names or copies another
        kind       TEXT NOT NULL,       -- cites | repeals | draft_of | repost_of | duplicate_of
        ref_key    TEXT NOT NULL,       -- normalised 文号 or title of what it names
        dst        TEXT,                -- the stored document it resolves to; NULL until that arrives
        doc_number TEXT,                -- as printed
        title      TEXT,                -- as printed
        sentence   TEXT,                -- where the text says it
        ord        INTEGER NOT NULL DEFAULT 0,  -- order of mention in the text
        PRIMARY KEY (src, kind, ref_key)
    );
    CREATE INDEX relations_dst ON relations(dst, kind);
    CREATE TABLE statuses (
        doc_id    TEXT PRIMARY KEY,
        status    TEXT NOT NULL,        -- in_force | expired | repealed | draft | superseded | not_yet_effective | unknown
        rule      TEXT NOT NULL,
        sentence  TEXT,
        by_doc    TEXT,
        effective TEXT,
        expires   TEXT,
        as_of     TEXT NOT NULL,
        signature TEXT NOT NULL         -- hash of status and links: a change is logged when it moves
    );
    """,
    # 3 (crawler): the list entry a detail page was last seen under, when it was last fetched or
    # confirmed by a 304, where it redirected; per-site crawl marks (an unfinished crawl resumes)
    """
    ALTER TABLE url_state ADD COLUMN list_sig TEXT;
    ALTER TABLE url_state ADD COLUMN last_checked TEXT;
    ALTER TABLE url_state ADD COLUMN final_url TEXT;
    CREATE INDEX url_state_site ON url_state(site, kind);
    CREATE TABLE site_state (
        site         TEXT PRIMARY KEY,
        started_at   TEXT,
        finished_at  TEXT,              -- NULL or older than started_at: the last crawl was cut off
        report       TEXT               -- JSON: the last finished crawl's figures
    );
    """,
    # 3: an extension notice's new last day for the document it extends (reasoning/status.py)
    """
    ALTER TABLE relations ADD COLUMN until TEXT;
    """,
    # 5 (support, issue 14): one row per grant (cleaner/support.py) for the matcher and the finder;
    # a clause's max_yuan counts grants only (a threshold or a goal is no money given)
    """
    CREATE TABLE grants (
        clause_id   TEXT NOT NULL,
        doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord         INTEGER NOT NULL,   -- the grant's place among its clause's grants
        benefit     TEXT,               -- grant | reward | subsidy | interest_subsidy | tax | voucher | other
        kind        TEXT,               -- the amount's kind (cap, fixed, per_unit, floor, ratio) or NULL
        yuan        REAL,
        rate        REAL,
        level       TEXT,               -- who pays: national | province | city | county
        beneficiary TEXT,
        department  TEXT,
        deadline    TEXT,               -- the clause's own, else the notice's (YYYY-MM-DD)
        data        TEXT NOT NULL,      -- the grant JSON (corpus.model.Grant)
        PRIMARY KEY (clause_id, ord)
    );
    CREATE INDEX grants_doc ON grants(doc_id);
    CREATE INDEX grants_deadline ON grants(deadline);
    UPDATE clauses SET max_yuan = (
        SELECT max(json_extract(j.value, '$.yuan')) FROM json_each(clauses.amounts) j
        WHERE json_extract(j.value, '$.kind') IN ('cap', 'fixed', 'per_unit', 'floor', 'ratio')
    );
    """,
]
