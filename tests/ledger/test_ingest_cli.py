"""`onrecord ingest` and the ledger queries end to end, on the bundled dispute (three outlets, three formats)."""

from __future__ import annotations

import csv
import io
import json
import os
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


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    db = tmp_path_factory.mktemp("ledger") / "dispute.db"
    assert main(["ingest", str(DISPUTE), "--db", str(db)]) == 0
    return db


def run_json(capsys, *argv) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_ingest_cli_dispute_shows_the_contested_claim_once_with_merged_actors(ledger, capsys):
    claims = run_json(capsys, "claims", "--contested", "--format", "json", "--db", str(ledger))
    mines = [c for c in claims if "mine" in c["text"]]
    assert len(mines) == 1, [c["text"] for c in claims]
    claim = mines[0]
    supporters = {s["speaker"] for s in claim["supporters"]}
    deniers = {s["speaker"] for s in claim["deniers"]}
    # the first outlet's headline ("Ukraine says Russian warships mined …") is the same claim, asserted by Ukraine
    assert supporters == {"Ukraine", "Maksym Kovalenko"}
    assert {"Russian Defence Ministry", "Kremlin"} <= deniers
    # the spokesman is one actor across all three outlets, under three spellings
    kovalenko = [s for s in claim["supporters"] if s["speaker"] == "Maksym Kovalenko"]
    assert len({s["actor"] for s in kovalenko}) == 1
    assert len({s["article"] for s in kovalenko}) == 3
    assert len({s["article"] for s in claim["deniers"]}) == 3
    for entry in claim["supporters"] + claim["deniers"]:
        assert entry["sentence"] and entry["date"].startswith("2026-11-0")


def test_ingest_cli_actor_lists_statements_oldest_first_with_merges(ledger, capsys):
    data = run_json(capsys, "actor", "Kovalenko", "--format", "json", "--db", str(ledger))
    assert data["name"] == "Maksym Kovalenko"
    assert "Maxim Kovalenko" in data["aliases"]
    dates = [s["date"] for s in data["statements"]]
    assert dates == sorted(dates) and dates[0] == "2026-11-03"
    assert {m["method"] for m in data["merges"]} - {"new"}


def test_ingest_cli_metadata_from_each_format(ledger):
    conn = sqlite3.connect(ledger)
    rows = {r[0]: r[1:] for r in conn.execute("SELECT format, title, published, site FROM articles")}
    assert rows["html"][0] == "Ukraine says Russian warships mined Black Sea grain corridor"
    assert rows["html"][1].startswith("2026-11-03")
    assert rows["jsonl"][1].startswith("2026-11-04")
    assert rows["feed"][1].startswith("2026-11-05")
    html_text = conn.execute("SELECT text FROM articles WHERE format = 'html'").fetchone()[0]
    assert "No comments" not in html_text and "Share this" not in html_text


def test_ingest_cli_twice_changes_nothing(ledger, capsys):
    conn = sqlite3.connect(ledger)
    tables = ("articles", "attributions", "actors", "claims", "stories", "actor_links")
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    assert main(["ingest", str(DISPUTE), "--db", str(ledger)]) == 0
    assert "skipped 4 already stored" in capsys.readouterr().out
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    assert before == after


def test_ingest_cli_search_and_claim(ledger, capsys):
    found = run_json(capsys, "search", "Soviet-era", "--format", "json", "--db", str(ledger))
    assert found["articles"] and found["attributions"]
    claims = run_json(capsys, "claims", "--about", "Russia", "--format", "json", "--db", str(ledger))
    assert claims
    one = run_json(capsys, "claim", str(claims[0]["id"]), "--format", "json", "--db", str(ledger))
    assert one["id"] == claims[0]["id"]


def test_ingest_cli_unknown_ids_are_one_line_errors(ledger, capsys):
    assert main(["claim", "999999", "--db", str(ledger)]) == 2
    assert main(["actor", "Nobody Atall", "--db", str(ledger)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["onrecord: error: no claim '999999' in the ledger",
                   "onrecord: error: no actor 'Nobody Atall' in the ledger"]


def test_ingest_cli_queries_on_a_missing_ledger(tmp_path, capsys):
    assert main(["actors", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such ledger" in capsys.readouterr().err


def test_ingest_cli_export_formats(ledger, tmp_path, capsys):
    capsys.readouterr()
    assert main(["export", "--format", "csv", "--db", str(ledger)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {"content", "speaker_name", "stance", "sentence", "url"} <= set(rows[0])
    assert main(["export", "--format", "claimreview", "--db", str(ledger)]) == 0
    reviews = json.loads(capsys.readouterr().out)
    assert all(r["@type"] == "ClaimReview" and r["claimReviewed"] for r in reviews)
    assert any(r["itemReviewed"]["appearance"] for r in reviews)
    out = tmp_path / "att.parquet"
    assert main(["export", "--format", "parquet", "--out", str(out), "--db", str(ledger)]) == 0
    import pyarrow.parquet as pq
    assert pq.read_table(out).num_rows == len(rows)
    assert main(["export", "--format", "jsonl", "--table", "actors", "--db", str(ledger)]) == 0
    actors = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(a["name"] == "Maksym Kovalenko" for a in actors)


def test_ingest_cli_bad_file_is_recorded_and_the_rest_goes_on(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text('"The port is closed," harbour master Ines Berg said on Monday.\n',
                                             encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00b\x00a\x00d")
    (tmp_path / "in" / "dump.jsonl").write_text('{"text": "Officials said the bridge would reopen."}\n{oops\n',
                                                encoding="utf-8")
    db = tmp_path / "l.db"
    assert main(["ingest", str(tmp_path / "in"), "--db", str(db)]) == 1
    captured = capsys.readouterr()
    assert "added 2 article(s)" in captured.out
    assert "bad.txt" in captured.err and "dump.jsonl:2" in captured.err
    errors = run_json(capsys, "errors", "--format", "json", "--db", str(db))
    assert {e["source"].rsplit("/", 1)[-1] for e in errors} == {"bad.txt", "dump.jsonl:2"}


def _count(db: Path, sql: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def test_ingest_cli_kill_9_mid_ingest_then_rerun_completes_without_duplicates(tmp_path):
    """A process killed mid-ingest leaves a consistent ledger; the re-run ends with every article exactly once."""
    places = ["Odesa", "Gdansk", "Varna", "Batumi", "Izmir", "Mombasa", "Santos", "Osaka"]
    dump = tmp_path / "thousand.jsonl"
    with dump.open("w", encoding="utf-8") as f:
        for n in range(1000):
            text = (f'"The port of {places[n % 8]} will reopen on day {n}," harbour master Ines Berg said. '
                    f"Officials said berth {n} was repaired.")
            f.write(json.dumps({"text": text, "url": f"https://ports.example/{n}"}) + "\n")
    db = tmp_path / "l.db"
    cmd = [sys.executable, "-m", "onrecord.cli", "ingest", str(dump), "--db", str(db), "--batch-size", "25"]
    env = os.environ | {"PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _count(db, "SELECT count(*) FROM articles") < 100 and time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "ingest ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _count(db, "SELECT count(*) FROM articles")
    assert 100 <= partial < 1000
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"skipped {partial} already stored" in rerun.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1000
    assert conn.execute("SELECT count(DISTINCT key) FROM articles").fetchone()[0] == 1000
    n_att, n_distinct = conn.execute(
        "SELECT count(*), count(DISTINCT article_id || ':' || local_id) FROM attributions").fetchone()
    assert n_att == n_distinct
    # every article has its two attributions: nothing half-written by the killed run
    assert conn.execute("SELECT count(*) FROM (SELECT article_id FROM attributions GROUP BY article_id"
                        " HAVING count(*) = 2)").fetchone()[0] == 1000


def test_ingest_cli_claim_text_lines_name_the_cue_so_no_two_lines_are_the_same(ledger, capsys):
    # the defence ministry both denies the claim and calls it "a provocation" in one sentence: two statements,
    # two lines, told apart by their cue
    capsys.readouterr()
    assert main(["claims", "--contested", "--db", str(ledger)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  denied by:")]
    ministry = [line for line in lines if "defence ministry" in line and "article 1," in line]
    assert len(ministry) == 2
    assert {'[deny, "denied"]', '[deny, "calling"]'} == {line.split("] ")[0].split(" [")[1].join("[]")
                                                          for line in ministry}
    assert len(set(lines)) == len(lines)


def test_ingest_cli_undated_text_is_undated_in_every_view(tmp_path, capsys):
    """issue 18: plain text without a date was given the ingest day in every view, silently."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "undated.txt").write_text("Harbour dispute\n\nThe harbour master denied that the port had been "
                                        "closed to fishing boats.\n", encoding="utf-8")
    (folder / "datelined.txt").write_text("Harbour talks\n\nLISBON, March 3, 2023 (Reuters) - The fishermen's "
                                          "union said the port had been closed to fishing boats.\n",
                                          encoding="utf-8")
    db = tmp_path / "u.db"
    assert main(["ingest", str(folder), "--db", str(db), "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "csv", "--table", "articles", "--db", str(db)]) == 0
    rows = {r["title"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert (rows["Harbour dispute"]["day"], rows["Harbour dispute"]["date_method"]) == ("", "undated")
    assert (rows["Harbour talks"]["day"], rows["Harbour talks"]["date_method"], rows["Harbour talks"]["wire"]) == (
        "2023-03-03", "dateline", "Reuters")
    claims = run_json(capsys, "claims", "--format", "json", "--db", str(db))
    dates = {s["title"]: s["date"] for c in claims for s in c["supporters"] + c["deniers"] + c["others"]}
    assert dates == {"Harbour dispute": None, "Harbour talks": "2023-03-03"}
    capsys.readouterr()
    assert main(["claims", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "undated" in out and "2023-03-03" in out
    review = run_json(capsys, "export", "--format", "claimreview", "--db", str(db))
    appearances = [a for r in review for a in r["itemReviewed"]["appearance"]]
    undated = [a for a in appearances if a["name"] == "Harbour dispute"]
    assert undated and all("datePublished" not in a and a["onrecord:date"] == "undated" for a in undated)


def test_ingest_cli_mode_speech_stores_only_speech(tmp_path, capsys):
    text = tmp_path / "harbour.txt"
    text.write_text("Harbour master Ines Sola said the pier would reopen on Friday. Fishermen believe the pier is "
                    "still unsafe.\n", encoding="utf-8")
    stored = {}
    for mode in ("all", "speech"):
        db = tmp_path / f"{mode}.db"
        assert main(["ingest", str(text), "--db", str(db), "--workers", "1", "--mode", mode]) == 0
        with sqlite3.connect(db) as conn:
            stored[mode] = sorted(m for (m,) in conn.execute("SELECT mode FROM attributions"))
    assert stored == {"all": ["speech", "thought"], "speech": ["speech"]}
    found = run_json(capsys, "search", "pier", "--db", str(tmp_path / "all.db"), "--format", "json",
                     "--mode", "thought")
    assert [a["mode"] for a in found["attributions"]] == ["thought"]
