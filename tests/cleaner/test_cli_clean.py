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


def test_ingest_walks_a_folder_of_markdown_laws_and_says_what_it_left(tmp_path):
    """A folder as a law repository publishes it: Markdown laws, a section index with front
    matter only, an image and a hidden folder.  The laws are stored; the rest is named, never
    silently dropped, and none of it makes the run fail."""
    folder = tmp_path / "法律"
    (folder / "行政法").mkdir(parents=True)
    (folder / ".git").mkdir()
    for name in ("law_md_administrative_penalty_npc_then_npcsc.txt", "law_md_antimonopoly_toc_links.txt"):
        md = folder / "行政法" / name.replace(".txt", ".md")
        md.write_bytes((FILES / "real" / name).read_bytes())
    (folder / "行政法" / "_index.md").write_text("---\nbookCollapseSection: true\n---\n", encoding="utf-8")
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    out = run_policy("ingest", str(folder), data_dir=tmp_path / "data")
    assert out.returncode == 0, out.stderr
    assert "2 new" in out.stdout and "1 not documents" in out.stdout
    assert "left alone (other types): 1 .png" in out.stdout and "HEAD" not in out.stdout
    assert "_index.md" in out.stderr and "Traceback" not in out.stderr
    assert run_policy("index", data_dir=tmp_path / "data").returncode == 0
    shown = run_policy("search", "行政处罚 听证", "--json", "--limit", "3", data_dir=tmp_path / "data")
    assert "中华人民共和国行政处罚法" in shown.stdout


def test_ingest_fails_when_no_file_is_a_document(tmp_path):
    junk = FILES / "junk" / "challenge_js.html"
    out = run_policy("ingest", str(junk), data_dir=tmp_path / "data")
    assert out.returncode == 1 and "1 not documents" in out.stdout and "Traceback" not in out.stderr
