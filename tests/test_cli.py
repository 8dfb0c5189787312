import pytest

from tests.conftest import SAMPLE_DOCS, copy_data, run_policy

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


def test_ingest_then_search(sample_indexed, tmp_path):
    data_dir = copy_data(sample_indexed, tmp_path)  # the sample pages ingested and indexed (conftest)
    r = run_policy("search", "揭榜挂帅", "--json", "--limit", "3", data_dir=data_dir)
    import json

    out = json.loads(r.stdout)
    assert out["query"] == "揭榜挂帅" and out["total"] >= 4 and len(out["hits"]) == 3


@pytest.mark.parametrize(
    "args",
    [
        ("--bogus",),
        ("search", "--bogus", "x"),
        ("search",),
        ("bench", "clean", "--bogus"),
        ("clean", "no-such-file.html"),
    ],
)
def test_a_wrong_flag_or_argument_is_one_line(args, data_dir):
    r = run_policy(*args, data_dir=data_dir)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "--help" in lines[0], r.stderr


def test_a_damaged_store_is_one_line_that_says_how_to_check_it(sample_ingested, tmp_path):
    data_dir = copy_data(sample_ingested, tmp_path)  # the sample pages ingested (conftest)
    store = data_dir / "policy.sqlite3"
    raw = bytearray(store.read_bytes())
    half = len(raw) // 2  # the store opens (header, schema and migrations intact); its tables do not read
    raw[half:] = b"Z" * (len(raw) - half)
    store.write_bytes(bytes(raw))
    r = run_policy("index", "--rebuild", data_dir=data_dir)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.strip().splitlines() == [
        f"error: store {store}: database disk image is malformed; check it with: sqlite3 {store} 'PRAGMA integrity_check'"
    ]


def test_serve_and_demo_name_the_option_when_a_port_is_taken(data_dir):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        serve = run_policy("serve", "--port", port, data_dir=data_dir, timeout=30)
        demo = run_policy("demo", "--mirror-port", port, data_dir=data_dir, timeout=30)
    assert serve.returncode == 1 and serve.stderr.strip() == (
        f"error: port {port} on 127.0.0.1 is already in use: choose another with --port N"
    )
    assert demo.returncode == 1 and "--mirror-port" in demo.stderr and "Traceback" not in demo.stderr
    assert not (data_dir / "policy.sqlite3").exists()  # the demo stopped before crawling


def test_show_prints_the_dates_that_decided_the_status(sample_ingested, tmp_path):
    """The 十四五 plan says nothing of its end; its title does, and `show` prints that end."""
    data_dir = copy_data(sample_ingested, tmp_path)  # the sample pages ingested (conftest)
    now = run_policy("show", "临科发[2022]3号", data_dir=data_dir)
    then = run_policy("show", "临科发（2022）3号", "--as-of", "2022-05-01", data_dir=data_dir)
    assert now.returncode == 0 and then.returncode == 0, now.stderr + then.stderr
    assert "status: expired" in now.stdout and "valid: 2022-01-18 to 2025-12-31" in now.stdout
    assert "status: in_force since 2022-01-18 (as of 2022-05-01; rule validity_statement)" in then.stdout


def test_output_cut_short_by_a_pipe_is_not_an_error(sample_ingested, tmp_path):
    """`policy export | head -1`: the reader closes the pipe; no error line, no traceback."""
    import os
    import subprocess
    import sys

    data_dir = copy_data(sample_ingested, tmp_path)  # the sample pages ingested (conftest)
    env = {**os.environ, "POLICY_DATA_DIR": str(data_dir)}
    cmd = [sys.executable, "-m", "policy", "export", "--format", "csv"]
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert p.stdout.readline().startswith("\ufeffdoc_id,".encode())
    p.stdout.close()  # as head does after its line; the export is far longer than a pipe buffer
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 1
    assert "error" not in err and "Traceback" not in err, err


def test_ctrl_c_stops_the_demo_once_it_serves(tmp_path):
    """The demo crawls with Scrapy (which takes over SIGINT), then serves: Ctrl-C must still stop it."""
    import os
    import signal
    import socket
    import subprocess
    import sys

    ports = []
    for _ in range(2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            ports.append(str(s.getsockname()[1]))
    env = {**os.environ, "POLICY_DATA_DIR": str(tmp_path / "data")}
    cmd = [sys.executable, "-m", "policy", "demo", "--port", ports[0], "--mirror-port", ports[1]]
    # a shell that starts jobs in the background (a CI runner, `land.sh &`) hands them SIGINT ignored,
    # and Python then never installs its Ctrl-C handler: give the demo the default, as a terminal does
    p = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        lines = []
        while not (lines and lines[-1].startswith("serving ")):
            line = p.stdout.readline()
            assert line, f"demo ended early: {lines}"
            lines.append(line)
        p.send_signal(signal.SIGINT)
        assert p.wait(timeout=15) is not None
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
            pytest.fail("the demo ignored Ctrl-C")


def _every_command():
    """(path, command) for every `policy` command and every `policy bench` subcommand, read from click."""
    import click

    from policy.cli import cli

    out = []
    for name, command in sorted(cli.commands.items()):
        out.append((name, command))
        if isinstance(command, click.Group):
            out += [(f"{name} {sub}", c) for sub, c in sorted(command.commands.items())]
    return out


def test_every_command_and_benchmark_has_an_example_that_runs_it():
    from click.testing import CliRunner

    from policy.cli import cli

    assert len(_every_command()) > 20  # the registration imports ran: a bare group would pass vacuously
    missing = []
    for path, _ in _every_command():
        r = CliRunner().invoke(cli, [*path.split(), "--help"])
        assert r.exit_code == 0, (path, r.output)
        example = r.output.split("Example:", 1)[1].split("Options:", 1)[0] if "Example:" in r.output else ""
        # an example names its own command (after any VAR=value or --data-dir prefix), never only --help
        runs = [line for line in example.splitlines() if "--help" not in line]
        if not any(f"policy {path}" in line or f"bench {path.split()[-1]} " in line for line in runs):
            missing.append(path)
    assert not missing, f"--help without an example of the command itself: {missing}"


def test_the_readme_lists_every_command():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    missing = [path for path, _ in _every_command() if " " not in path and f"policy {path}" not in block]
    assert not missing, f"README's Commands section lacks: {missing}"
