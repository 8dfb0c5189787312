"""Web fixtures: a store and index built from the sample pages, a real waitress server, one Chromium.

The store is filled the way a crawl fills it (raw page saved, cleaned by
``clean()``, document saved inside a recorded run) but in-process, which is
quick; the XSS test runs a real crawl in a subprocess instead.  One page gets
a second, edited version so the document page has versions to compare.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from cleaner import Hints, clean
from corpus.store import Store
from crawler.mirror import site_root
from indexer import update_index
from reasoning import relink
from search_web import create_app
from tests.conftest import SAMPLE_DOCS

SITE = "http://kjj.example.gov.cn"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EDITED = "t20220518_1822.html"  # the sample page that gets a second version


def sample_url(path: Path) -> str:
    return f"{SITE}/{path.relative_to(site_root()).as_posix()}"


def fill_store(data_dir: Path) -> None:
    with Store.in_dir(data_dir) as store:
        run = store.start_run("crawl sample")
        for path in SAMPLE_DOCS:
            url = sample_url(path)
            body = path.read_bytes()
            saved = store.save_page(url, body, content_type="text/html")
            doc = clean(body, url=url, hints=Hints())
            store.save_document(doc, page_id=saved.page_id, site="sample")
        store.finish_run(run, {"sites": {"sample": {"new": len(SAMPLE_DOCS), "changed": 0, "failed": 0}}})
        edited = next(p for p in SAMPLE_DOCS if p.name == EDITED)
        url = sample_url(edited)
        body = edited.read_bytes().replace("最高50万元".encode(), "最高80万元".encode(), 1)
        assert body != edited.read_bytes()
        saved = store.save_page(url, body, content_type="text/html")
        store.save_document(clean(body, url=url, hints=Hints()), page_id=saved.page_id, site="sample")
    # as the commands do: relink (links and today's statuses) right before indexing; the index copies them
    with Store.in_dir(data_dir) as store:
        relink(store)
        update_index(store, data_dir)


@pytest.fixture(scope="session")
def web_data(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("web") / "data"
    fill_store(data_dir)
    return data_dir


@pytest.fixture(scope="session")
def app(web_data):
    return create_app(data_dir=web_data)


@pytest.fixture()
def client(app):
    return app.test_client()


def serve(app) -> tuple[str, object]:
    """The app under a real waitress server on a free 127.0.0.1 port, in a thread."""
    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4, ident="policy-harvester")
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.effective_port}", server


@pytest.fixture(scope="session")
def live_url(app):
    url, server = serve(app)
    yield url
    server.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is needed for the browser tests (make system-deps)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True
    )
    context.set_default_timeout(10_000)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.errors = errors
    yield pg
    context.close()


@pytest.fixture(scope="session")
def shots_dir() -> Path:
    """Screenshots land here for a person (or the engineer) to look at."""
    out = Path(__file__).resolve().parents[2] / "data" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out
