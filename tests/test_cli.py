import pytest

from tests.conftest import SAMPLE_DOCS, run_policy

COMMANDS = ["clean", "ingest", "mirror", "crawl", "index", "search", "serve", "demo"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    r = run_policy(command, "--help")
    assert r.returncode == 0 and "Example" in r.stdout


def test_clean_json_prints_one_object_per_file():
    import json

    r = run_policy("clean", *map(str, SAMPLE_DOCS[:2]), "--json")
    assert r.returncode == 0, r.stderr
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(docs) == 2 and all(d["clauses"] for d in docs)


def test_search_without_index_is_one_clear_line(data_dir):
    r = run_policy("search", "中试基地", data_dir=data_dir)
    assert r.returncode == 1
    assert r.stderr.strip().startswith("error:") and "policy index" in r.stderr
    assert "Traceback" not in r.stderr


def test_unknown_site_is_one_clear_line(data_dir):
    r = run_policy("crawl", "nosuchsite", data_dir=data_dir)
    assert r.returncode == 1 and "no site config" in r.stderr and "Traceback" not in r.stderr


def test_ingest_then_search(data_dir):
    assert run_policy("ingest", *map(str, SAMPLE_DOCS), data_dir=data_dir).returncode == 0
    assert run_policy("index", data_dir=data_dir).returncode == 0
    r = run_policy("search", "揭榜挂帅", "--json", "--limit", "3", data_dir=data_dir)
    import json

    out = json.loads(r.stdout)
    assert out["query"] == "揭榜挂帅" and out["total"] >= 4 and len(out["hits"]) == 3
