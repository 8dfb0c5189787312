"""The trap site (corpus/sample/traps): each fault real government sites have, crawled for real.

One crawl of a copy of the whole trap site serves every test (module fixture); the
test that changes pages for a second run does it on a copy of that crawl's store and puts the
pages back.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from corpus.store import Store
from crawler.config import sites_dir
from crawler.mirror import serve_in_thread, traps_root
from tests.conftest import copy_data, run_policy


def crawl_traps(data_dir, url, report, env=None):
    result = run_policy(
        "update",
        "--site",
        "traps",
        "--report",
        str(report),
        data_dir=data_dir,
        env={"POLICY_TRAPS_URL": url, **(env or {})},
    )
    return result, json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def traps(tmp_path_factory):
    """One `policy update --site traps` of the module's own copy of the trap site into a fresh store."""
    tmp = tmp_path_factory.mktemp("traps")
    root = Path(shutil.copytree(traps_root(), tmp / "site"))
    server, url = serve_in_thread(root)
    data_dir = tmp / "data"
    result, report = crawl_traps(data_dir, url, tmp / "report.json")
    crawled = Path(shutil.copytree(data_dir, tmp / "crawled"))  # as the crawl left it, for a test to copy
    store = Store.in_dir(data_dir)
    yield {
        "url": url,
        "root": root,
        "server": server,
        "requests": list(server.requests),  # this crawl's, whatever a later test fetches
        "result": result,
        "report": report["sites"]["traps"],
        "store": store,
        "crawled": crawled,
        "json": report,
    }
    store.close()
    server.shutdown()
    server.server_close()


def gets(t, path_prefix: str) -> list[tuple[str, int]]:
    return [(p, s) for m, p, s in t["requests"] if m == "GET" and p.startswith(path_prefix)]


def state(t, path: str):
    return t["store"].url_state(t["url"] + path)


def doc_by_url(t, path: str):
    row = t["store"].db.execute("SELECT id FROM documents WHERE url=?", (t["url"] + path,)).fetchone()
    return t["store"].document(row["id"]) if row else None


def test_run_reports_failures_and_exits_nonzero(traps):
    r = traps["report"]
    assert traps["result"].returncode == 1, "failed fetches must make the exit code non-zero"
    assert set(r) == {
        "requests",
        "pages",
        "new",
        "changed",
        "unchanged",
        "failed",
        "blocked",
        "failures",
        "blocked_pages",
        "limits",
        "pending",
    }
    assert r["blocked"] == 2
    # 404 page, 404 attachment, 500, timeout, redirect loop
    assert r["failed"] == 5, traps["result"].stdout


def test_the_report_names_each_failure_and_blocked_page(traps):
    r, url = traps["report"], traps["url"]
    failures = {f["url"]: f["reason"] for f in r["failures"]}
    assert len(r["failures"]) == r["failed"] == len(failures)
    assert failures[url + "/error/500.html"] == "HTTP 500"
    assert "redirect loop" in failures[url + "/redirect/loop-a"]
    assert any(u.endswith("/slow/timeout.html") for u in failures)
    assert sum(reason == "HTTP 404" for reason in failures.values()) == 2
    blocked = {b["url"]: b["reason"] for b in r["blocked_pages"]}
    assert blocked == {
        url + "/guard/challenge-412.html": "anti-bot challenge (HTTP 412)",
        url + "/guard/challenge-202.html": "anti-bot challenge (HTTP 202)",
    }
    assert r["limits"] == []
    assert "Traceback" not in traps["result"].stderr
    assert "traps: " in traps["result"].stdout and "blocked" in traps["result"].stdout


def test_gbk_pages_are_decoded(traps):
    doc = doc_by_url(traps, "/zcwj/202401/gbk_notice.html")
    assert doc.title == "关于开展高新技术企业培育工作的通知"
    assert any("最高20万元" in c.text for c in doc.clauses)
    # the same bytes served as plain text/html: only the page's <meta> names GBK
    assert (
        "charset"
        not in traps["store"].page_versions(traps["url"] + "/zcwj/202409/gbk_noheader.html")[0].content_type
    )
    assert doc_by_url(traps, "/zcwj/202409/gbk_noheader.html").title == "关于推进科技金融结合的实施意见"


def test_script_built_pagination_is_followed(traps):
    assert gets(traps, "/zcwj/index_1.html"), "createPageHTML(2, 0, ...) names index_1.html"
    assert doc_by_url(traps, "/zcwj/202410/second_page.html").title == "关于加快科技企业孵化器发展的意见"


@pytest.mark.parametrize(
    "path",
    ["/zcwj/202402/root_relative.html", "/zcwj/202403/absolute.html", "/zcwj/202404/protocol_relative.html"],
)
def test_relative_absolute_and_protocol_relative_links(traps, path):
    assert doc_by_url(traps, path) is not None
    assert state(traps, path).last_status == "ok"


def test_tracking_parameters_lead_to_one_fetch_and_one_document(traps):
    hits = gets(traps, "/zcwj/202401/gbk_notice.html")
    assert len(hits) == 1
    urls = [r["url"] for r in traps["store"].db.execute("SELECT url FROM url_state")]
    assert not [u for u in urls if "utm_" in u or "spm=" in u]
    n = (
        traps["store"]
        .db.execute("SELECT COUNT(*) FROM documents WHERE url LIKE '%gbk_notice%'")
        .fetchone()[0]
    )
    assert n == 1
    # the attachment link carried ?spm=… too
    assert state(traps, "/files/policy.docx").last_status == "ok"


def test_redirect_chain_ends_at_the_final_page(traps):
    assert [p for p, _ in gets(traps, "/redirect/chain")] == ["/redirect/chain-1", "/redirect/chain-2"]
    doc = doc_by_url(traps, "/zcwj/202405/redirected.html")  # tracking parameter of the redirect dropped
    assert doc.title == "关于实施科技特派员制度的方案"
    assert state(traps, "/redirect/chain-1").final_url == traps["url"] + "/zcwj/202405/redirected.html"


def test_redirect_loop_is_a_failure_not_a_hang(traps):
    st = state(traps, "/redirect/loop-a")
    assert st.last_status == "failed" and "redirect loop" in st.last_error
    assert len(gets(traps, "/redirect/loop")) <= 6


@pytest.mark.parametrize(
    "path, error",
    [
        ("/zcwj/202406/missing.html", "HTTP 404"),
        ("/error/500.html", "HTTP 500"),
        ("/slow/timeout.html", "took longer than"),
        ("/files/missing.xls", "HTTP 404"),
    ],
)
def test_errors_and_timeouts_are_recorded(traps, path, error):
    st = state(traps, path)
    assert st.last_status == "failed" and error in st.last_error and st.failures == 1
    assert not traps["store"].page_versions(traps["url"] + path)


def test_server_errors_are_retried(traps):
    assert [s for _, s in gets(traps, "/error/500.html")] == [500, 500]  # retry_times = 1


@pytest.mark.parametrize("path", ["/guard/challenge-412.html", "/guard/challenge-202.html"])
def test_challenge_pages_are_blocked_never_documents(traps, path):
    st = state(traps, path)
    assert st.last_status == "blocked" and "challenge" in st.last_error
    assert not traps["store"].page_versions(traps["url"] + path)
    assert doc_by_url(traps, path) is None


def test_robots_disallow_is_obeyed(traps):
    assert not gets(traps, "/private/")
    assert gets(traps, "/robots.txt")
    assert state(traps, "/private/secret.html").last_status == "disallowed"
    assert "disallowed by robots.txt" in traps["result"].stdout


@pytest.mark.parametrize(
    "path, ctype, title",
    [
        ("/files/policy.pdf", "application/pdf", "示例市科技型中小企业研发费用补助实施细则"),
        ("/files/policy.docx", "officedocument", "示例市科技成果转化奖励办法"),
    ],
)
def test_pdf_and_docx_attachments_are_stored_raw_and_cleaned(traps, path, ctype, title):
    versions = traps["store"].page_versions(traps["url"] + path)
    assert len(versions) == 1 and ctype in versions[0].content_type
    raw = (traps_root() / path.lstrip("/")).read_bytes()
    assert versions[0].body == raw
    assert state(traps, path).kind == "attachment"
    assert doc_by_url(traps, path).title == title


def test_a_10_mb_page_is_stored_and_cleaned(traps):
    versions = traps["store"].page_versions(traps["url"] + "/huge/big.html")
    assert versions and len(versions[0].body) == 10 * 1024 * 1024
    doc = doc_by_url(traps, "/huge/big.html")
    assert doc.title == "关于组织申报科技创新券的通知"
    assert all("base64" not in c.text for c in doc.clauses)


def test_new_documents_are_listed_in_the_report(traps):
    titles = {d["title"] for d in traps["json"]["new_documents"]}
    assert "关于加快科技企业孵化器发展的意见" in titles and "示例市科技成果转化奖励办法" in titles
    assert not any("验证" in (t or "") for t in titles)


def test_changed_page_gets_a_new_version_and_a_failed_fetch_removes_nothing(traps, tmp_path):
    """The first run is the module's crawl; the second, with the recheck every night, runs on a copy
    of its store while the site has a changed page, a lost page and an empty attachment."""
    root, url = traps["root"], traps["url"]
    data_dir = copy_data(traps["crawled"], tmp_path)
    sites = tmp_path / "sites"
    sites.mkdir()
    toml = (sites_dir() / "traps.toml").read_text(encoding="utf-8")
    (sites / "traps.toml").write_text(
        re.sub(r"recheck_days = \d+", "recheck_days = 0", toml), encoding="utf-8"
    )
    env = {"POLICY_SITES_DIR": str(sites)}
    with Store.in_dir(data_dir) as store:
        before = store.count_documents()
        kept = store.document(
            store.db.execute(
                "SELECT id FROM documents WHERE url=?", (url + "/zcwj/202402/root_relative.html",)
            ).fetchone()["id"]
        )

    changing = root / "zcwj/202408/changing.html"
    lost = root / "zcwj/202402/root_relative.html"
    pdf_file = root / "files/policy.pdf"
    originals = {path: path.read_bytes() for path in (changing, lost, pdf_file)}
    try:
        changing.write_text(
            changing.read_text(encoding="utf-8").replace("2024年9月30日", "2024年10月31日"), "utf-8"
        )
        lost.unlink()  # the site loses a page: a 404 from now on
        pdf_file.write_bytes(b"")  # and serves an empty attachment

        result, r2 = crawl_traps(data_dir, url, tmp_path / "r2.json", env)
    finally:  # the module's site as it was
        for path, body in originals.items():
            path.write_bytes(body)
    assert r2["sites"]["traps"]["changed"] == 1 and r2["sites"]["traps"]["new"] == 0
    with Store.in_dir(data_dir) as store:
        assert store.count_documents() == before
        versions = store.page_versions(url + "/zcwj/202408/changing.html")
        assert len(versions) == 2
        assert "2024年9月30日".encode() in versions[0].body and "2024年10月31日".encode() in versions[1].body
        assert store.document(kept.id).title == kept.title
        assert store.page_versions(url + "/zcwj/202402/root_relative.html")
        assert store.url_state(url + "/zcwj/202402/root_relative.html").last_status == "failed"
        pdf = store.page_versions(url + "/files/policy.pdf")
        assert len(pdf) == 1 and pdf[0].body.startswith(b"%PDF")
        changed = [c for c in store.changes_since(0) if c[2] == "changed"]
        assert len(changed) == 1
