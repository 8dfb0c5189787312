"""`policy clean` and `policy ingest` on PDF, DOCX and junk, through the real command."""

import json
from pathlib import Path

from tests.conftest import run_policy

FILES = Path(__file__).resolve().parent.parent / "fixtures" / "cleaner"


def test_clean_reads_pdf_and_docx_and_reports_junk(tmp_path):
    pdf = FILES / "files" / "pdf_wrapped_lines.pdf"
    docx = FILES / "files" / "docx_notice.docx"
    junk = FILES / "junk" / "challenge_js.html"
    out = run_policy("clean", str(pdf), str(docx), str(junk), "--json")
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [d["doc_number"] for d in docs] == ["临科发〔2022〕15号", "临科发〔2022〕15号"]
    assert out.returncode == 1
    assert out.stderr.strip().startswith("error:") and "challenge" in out.stderr
    assert "Traceback" not in out.stderr


def test_ingest_takes_attachments(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("pdf_wrapped_lines.pdf", "docx_notice.docx"):
        (folder / name).write_bytes((FILES / "files" / name).read_bytes())
    out = run_policy("ingest", str(folder), data_dir=tmp_path / "data")
    assert out.returncode == 0, out.stderr
    assert "2 new" in out.stdout


def test_an_unreadable_file_does_not_stop_the_others(tmp_path):
    good = FILES / "files" / "docx_notice.docx"
    locked = tmp_path / "locked.html"
    locked.symlink_to("/proc/self/mem")  # exists, yet reading it from the start fails (EIO), even as root
    out = run_policy("clean", str(locked), str(good), "--json")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert [json.loads(line)["doc_number"] for line in out.stdout.splitlines()] == ["临科发〔2022〕15号"]
    assert f"error: {locked}" in out.stderr
