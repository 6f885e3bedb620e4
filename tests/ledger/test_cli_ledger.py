"""The ledger commands as a user runs them on awkward ledgers and arguments (issue 21): another program's SQLite
file, a ledger that cannot be written, read-only mounts, export paths, bad limits, JSON summaries, Ctrl-C."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from onrecord.cli import main

ROOT = Path(__file__).resolve().parents[2]
DISPUTE = ROOT / "examples" / "dispute"
READ_ONLY_COMMANDS = [["claims"], ["actors"], ["actor", "Kovalenko"], ["claim", "1"], ["search", "mined"],
                      ["errors"], ["export"], ["export", "--format", "claimreview"]]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ledger") / "dispute.db"
    assert main(["ingest", str(DISPUTE), "--db", str(db), "--workers", "1"]) == 0
    return db


def _err_lines(capsys) -> list[str]:
    return capsys.readouterr().err.strip().splitlines()


def _other_programs_file(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO recipes (name) VALUES ('soup')")
    conn.commit()
    conn.close()
    return path.read_bytes()


def test_cli_ledger_ingest_into_another_programs_sqlite_file_is_refused_and_adds_nothing(tmp_path, capsys):
    other = tmp_path / "other.db"
    before = _other_programs_file(other)
    assert main(["ingest", str(DISPUTE), "--db", str(other), "--workers", "1"]) == 2
    (line,) = _err_lines(capsys)
    assert line.startswith(f"onrecord: error: {other}: is an SQLite file of another program (tables recipes)")
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]      # no -wal, no -shm either


@pytest.mark.parametrize("argv", READ_ONLY_COMMANDS)
def test_cli_ledger_query_on_another_programs_file_does_not_suggest_running_ingest_on_it(tmp_path, capsys, argv):
    other = tmp_path / "other.db"
    _other_programs_file(other)
    assert main([*argv, "--db", str(other)]) == 2
    (line,) = _err_lines(capsys)
    assert "another program" in line and "ingest" not in line


def test_cli_ledger_ingest_into_an_immutable_ledger_fails_up_front_before_parsing(ledger, tmp_path, capsys,
                                                                                 immutable, monkeypatch):
    db = tmp_path / "l.db"
    shutil.copy(ledger, db)
    immutable(db)
    import onrecord.batch.runner as runner

    def never(*args, **kwargs):
        raise AssertionError("ingest started reading and parsing before the ledger was found unwritable")
    monkeypatch.setattr(runner, "ingest", never)
    assert main(["ingest", str(DISPUTE), "--db", str(db), "--workers", "1"]) == 2
    (line,) = _err_lines(capsys)
    assert line.startswith(f"onrecord: error: {db}: cannot be written")
    assert main(["claims", "--db", str(db), "--limit", "1"]) == 0      # reading it still works


@pytest.mark.parametrize("argv", READ_ONLY_COMMANDS)
def test_cli_ledger_read_only_commands_work_on_a_read_only_mount(ledger, tmp_path, capsys, read_only_mount, argv):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ledger, folder / "l.db")
    mounted = read_only_mount(folder)
    capsys.readouterr()
    assert main([*argv, "--db", str(mounted / "l.db")]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.strip()


def test_cli_ledger_serve_app_reads_a_ledger_on_a_read_only_mount(ledger, tmp_path, read_only_mount):
    from fastapi.testclient import TestClient

    from onrecord.views.app import create_app
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ledger, folder / "l.db")
    mounted = read_only_mount(folder)
    with TestClient(create_app(mounted / "l.db"), base_url="http://localhost") as client:
        assert client.get("/").status_code == 200
        assert client.get("/claims").status_code == 200


def test_cli_ledger_ingest_on_a_read_only_mount_is_one_line_error(ledger, tmp_path, capsys, read_only_mount):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ledger, folder / "l.db")
    mounted = read_only_mount(folder)
    for db, problem in ((mounted / "l.db", "cannot be written"), (mounted / "new.db", "cannot be created")):
        assert main(["ingest", str(DISPUTE), "--db", str(db), "--workers", "1"]) == 2
        (line,) = _err_lines(capsys)
        assert problem in line


def test_cli_ledger_export_to_a_missing_folder_is_one_line_error_not_a_traceback(ledger, capsys):
    assert main(["export", "--format", "csv", "--out", "/nonexistent/dir/x.csv", "--db", str(ledger)]) == 2
    assert _err_lines(capsys) == ["onrecord: error: /nonexistent/dir/x.csv: cannot be written: no such folder "
                                  "/nonexistent/dir"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "claimreview", "parquet"])
def test_cli_ledger_export_does_not_overwrite_an_existing_file_unless_force(ledger, tmp_path, capsys, fmt):
    out = tmp_path / f"x.{fmt}"
    out.write_text("precious\n", encoding="utf-8")
    assert main(["export", "--format", fmt, "--out", str(out), "--db", str(ledger)]) == 2
    (line,) = _err_lines(capsys)
    assert "exists already" in line and "--force" in line
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert main(["export", "--format", fmt, "--out", str(out), "--db", str(ledger), "--force"]) == 0
    assert out.read_bytes() != b"precious\n" and out.stat().st_size > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]      # no scratch file left beside it


def test_cli_ledger_export_never_writes_over_the_ledger_itself(ledger, tmp_path, capsys):
    db = tmp_path / "l.db"
    shutil.copy(ledger, db)
    before = db.read_bytes()
    assert main(["export", "--out", str(db), "--force", "--db", str(db)]) == 2
    assert "is the ledger itself" in _err_lines(capsys)[0]
    assert db.read_bytes() == before


@pytest.mark.parametrize(("argv", "message"), [
    (["claims", "--limit", "0"], "argument --limit: must be between 1 and 500 (got '0')"),
    (["claims", "--limit", "-5"], "argument --limit: must be between 1 and 500 (got '-5')"),
    (["claims", "--offset", "-5"], "argument --offset: must be 0 or more (got '-5')"),
    (["actors", "--limit", "ten"], "argument --limit: must be a whole number (got 'ten')"),
    (["search", "x", "--limit", "501"], "argument --limit: must be between 1 and 500 (got '501')"),
    (["errors", "--offset", "-1"], "argument --offset: must be 0 or more (got '-1')"),
    (["ingest", "x.txt", "--batch-size", "0"], "argument --batch-size: must be 1 or more (got '0')"),
    (["ingest", "x.txt", "--workers", "0"], "argument --workers: must be 1 or more (got '0')"),
    (["claim", "9" * 20], "argument ID: must be between 1 and 9223372036854775807"),
    (["split", "-3"], "argument LINK: must be between 1 and 9223372036854775807 (got '-3')"),
    (["serve", "--workers", "0"], "argument --workers: must be 1 or more (got '0')"),
    (["ledger", "load", "d", "--batch-size", "0"], "argument --batch-size: must be 1 or more (got '0')"),
])
def test_cli_ledger_bad_limits_offsets_and_batch_sizes_are_refused_in_one_line(tmp_path, capsys, argv, message):
    with pytest.raises(SystemExit) as info:
        main([*argv, "--db", str(tmp_path / "l.db")])
    assert info.value.code == 2
    (line,) = _err_lines(capsys)
    assert line.startswith(f"onrecord: error: {message}")
    assert not (tmp_path / "l.db").exists()


def test_cli_ledger_ingest_format_json_is_one_summary_object(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text('"The port is closed," harbour master Ines Berg said on Monday.\n',
                                             encoding="utf-8")
    (tmp_path / "in" / "links.txt").write_text("https://a.example/1\nhttps://b.example/2\n", encoding="utf-8")
    db = tmp_path / "l.db"
    capsys.readouterr()
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "1", "--format", "json"]) == 1
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert (summary["added"], summary["skipped"], summary["failed"], summary["attributions"]) == (1, 0, 1, 1)
    assert summary["failures"][0]["source"].endswith("links.txt")
    assert summary["failures"][0]["reason"].startswith("looks like a list of URLs; onrecord does not fetch")
    assert summary["ledger"]["articles"] == 1 and summary["db"] == str(db)
    assert "links.txt: looks like a list of URLs" in captured.err


@pytest.mark.parametrize(("name", "content"), [
    ("dump.json", json.dumps([{"text": '"The port is closed," harbour master Ines Berg said on Monday.'},
                              {"text": '"Ships wait outside," the coast guard said.'}])),
    ("dump.csv", 'title,text\nPort,"""The port is closed,"" harbour master Ines Berg said on Monday."\n'
                 'Ships,"""Ships wait outside,"" the coast guard said."\n'),
])
def test_cli_ledger_ingest_json_array_and_csv_store_each_record_with_its_attributions(tmp_path, capsys, name,
                                                                                      content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    capsys.readouterr()
    assert main(["ingest", str(path), "--db", str(tmp_path / "l.db"), "--workers", "1", "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["added"], summary["failed"]) == (2, 0) and summary["attributions"] >= 2


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def test_cli_ledger_ctrl_c_exits_130_saying_what_was_kept_and_that_a_rerun_resumes(tmp_path):
    dump = tmp_path / "ports.jsonl"
    with dump.open("w", encoding="utf-8") as f:
        for n in range(400):
            f.write(json.dumps({"text": f'"Berth {n} is repaired," harbour master Ines Berg said on day {n}.',
                                "url": f"https://ports.example/{n}"}) + "\n")
    db = tmp_path / "l.db"
    cmd = [sys.executable, "-m", "onrecord.cli", "ingest", str(dump), "--db", str(db), "--batch-size", "10",
           "--workers", "1"]
    env = os.environ | {"PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while _count(db) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is None, "ingest ended before Ctrl-C could be sent"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    kept = _count(db)
    assert 20 <= kept < 400
    assert err.strip().splitlines()[-1] == (
        f"onrecord: interrupted: {kept} article(s) committed to {db} before Ctrl-C are kept (the batch in progress "
        "was rolled back); run the same onrecord ingest again to resume: stored articles are skipped")
    assert "Traceback" not in err and out == ""
    rerun = subprocess.run([*cmd, "--format", "json"], env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert (summary["skipped"], summary["added"], summary["ledger"]["articles"]) == (kept, 400 - kept, 400)
