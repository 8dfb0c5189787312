"""`policy ingest` relinks; `policy show` prints one document with status and relations."""

import json
from pathlib import Path

from corpus.store import Store
from reasoning.view import document_view
from tests.conftest import run_policy

FIXTURES = Path(__file__).parent / "fixtures"


def test_ingest_links_and_show_prints_the_view(data_dir):
    files = [str(FIXTURES / n) for n in ("repealed_voucher_rules.txt", "repeal_decision_three.txt")]
    ingest = run_policy("ingest", *files, data_dir=data_dir)
    assert ingest.returncode == 0, ingest.stderr

    # the ingest session relinked when it closed the store: no explicit step needed
    with Store.in_dir(data_dir) as store:
        row = store.db.execute("SELECT id FROM documents WHERE doc_number LIKE '临政办字%'").fetchone()
        assert store.status(row["id"])["status"] == "repealed"
        expected = document_view(store, row["id"], "2024-01-01")

    shown = run_policy("show", "临政办字[2017]45号", "--json", "--as-of", "2024-01-01", data_dir=data_dir)
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    assert view == expected
    assert view["status"]["status"] == "repealed"
    assert "决定废止以下3件规范性文件" in view["status"]["sentence"]
    assert view["relations"]["repealed_by"][0]["doc_number"] == "临政发〔2023〕2号"

    text = run_policy("show", row["id"], "--as-of", "2020-01-01", data_dir=data_dir)
    assert text.returncode == 0 and "status: in_force" in text.stdout and "(as of 2020-01-01;" in text.stdout
    assert "repealed by:" in text.stdout and "临政发〔2023〕2号" in text.stdout


def test_show_errors_are_one_line(data_dir):
    missing = run_policy("show", "鲁政发〔2099〕1号", data_dir=data_dir)
    assert missing.returncode == 1 and missing.stderr.startswith("error: no stored document")
    assert "Traceback" not in missing.stderr
    bad = run_policy("show", "x", "--as-of", "2024-02-30", data_dir=data_dir)
    assert bad.returncode == 1 and bad.stderr.strip().startswith("error: --as-of")
