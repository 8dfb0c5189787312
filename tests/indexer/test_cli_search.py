"""`policy search` and `policy index` as a user runs them: the JSON contract, options, one-line errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from policy.cli import cli

HIT_KEYS = {
    "source", "url", "title", "issuer", "doc_number", "published", "region", "path", "heading", "text",
    "departments", "amounts", "score", "snippet",
}  # fmt: skip


def run(data_dir, *args):
    return CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args], catch_exceptions=False)


def test_json_contract(indexed):
    r = run(indexed, "search", "揭榜挂帅", "--json", "--limit", "3")
    assert r.exit_code == 0
    out = json.loads(r.output)
    assert {"query", "total", "hits"} <= set(out) and out["query"] == "揭榜挂帅"
    assert len(out["hits"]) == 3 and all(HIT_KEYS <= set(h) for h in out["hits"])


def test_filters_sorts_and_status_options(indexed):
    r = run(
        indexed, "search", "补助", "--json", "--region", "临沂", "--sort", "amount", "--status", "repealed"
    )
    hits = json.loads(r.output)["hits"]
    assert hits and all(h["region"]["city"] == "临沂市" and h["status"]["status"] == "repealed" for h in hits)


def test_a_year_finds_the_documents_of_that_year(indexed):
    r = json.loads(run(indexed, "search", "2023", "创新券", "--json").output)
    assert r["total"] > 0 and not r["fallback"]
    # the year's clauses on 创新券 first; other years' clauses on it after them
    years = [h["published"][:4] for h in r["hits"] if "创新券" in h["text"]]
    assert r["hits"][0]["published"].startswith("2023")
    assert years and years == sorted(years, key=lambda y: y != "2023")


def test_errors_are_one_line(indexed, tmp_path):
    r = run(indexed, "search", "x" * 300)
    assert r.exit_code == 1 and r.output.startswith("error: ") and r.output.count("\n") == 1
    r = run(indexed, "search", "科技", "--status", "valid")
    assert r.exit_code == 1 and "error: " in r.output
    r = run(tmp_path / "empty", "search", "科技")
    assert r.exit_code == 1 and "policy index" in r.output


def test_help_has_examples():
    for cmd in ("index", "search"):
        r = CliRunner().invoke(cli, [cmd, "--help"])
        assert "Example:" in r.output
    r = CliRunner().invoke(cli, ["bench", "search", "--help"])
    assert "Example:" in r.output


def test_text_output_prints_each_hit_once(indexed):
    r = run(indexed, "search", "揭榜挂帅", "--limit", "2")
    assert r.exit_code == 0
    numbered = [line for line in r.output.splitlines() if line[:3] in ("1. ", "2. ")]
    assert len(numbered) == 2, r.output


def test_page_and_limit_out_of_range_are_refused(indexed):
    r = CliRunner().invoke(cli, ["--data-dir", str(indexed), "search", "中试基地", "--page", "0"])
    assert r.exit_code != 0 and "--page" in r.output


def test_an_exclusion_is_part_of_the_query_not_an_option(indexed):
    for argv in (["孵化器", "-众创空间"], ["-众创空间 孵化器"], ["孵化器 -众创空间"]):
        r = run(indexed, "search", *argv, "--json", "--limit", "100")
        assert r.exit_code == 0, r.output
        out = json.loads(r.output)
        assert out["total"] > 0 and "-众创空间" in out["query"]
        assert all("众创空间" not in h["text"] for h in out["hits"])
    typo = CliRunner().invoke(cli, ["--data-dir", str(indexed), "search", "孵化器", "--jsno"])
    assert typo.exit_code != 0 and "--jsno" in typo.output
