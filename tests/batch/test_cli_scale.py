"""`onrecord ledger load` and `onrecord batch` summaries and exit codes, on Parquet tables written by hand (no
Spark needed): failures make the exit code 1 as they do for ingest, and are listed, not only counted (issue 21)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.batch.spark import BatchReport
from onrecord.cli import main

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def failures_only_tables(out: Path, n: int) -> Path:
    """The four tables of a batch run in which all ``n`` inputs failed (no article to load)."""
    for name in ("articles", "attributions", "actors"):
        (out / name).mkdir(parents=True)
    (out / "failures").mkdir()
    rows = [{"rank": 0, "file": f"in/{i:02d}.txt", "record": 0, "source": f"in/{i:02d}.txt",
             "reason": f"is a binary file, not text (case {i})"} for i in range(n)]
    pq.write_table(pa.Table.from_pylist(rows), out / "failures" / "part-00000.parquet")
    return out


def test_cli_scale_ledger_load_with_failures_exits_1_like_ingest_not_0(tmp_path, capsys):
    tables = failures_only_tables(tmp_path / "tables", 6)
    assert main(["ledger", "load", str(tables), "--db", str(tmp_path / "l.db")]) == 1
    captured = capsys.readouterr()
    assert "6 failure(s) recorded" in captured.out
    assert [line.split(": ")[2] for line in captured.err.strip().splitlines()] == \
        [f"in/{i:02d}.txt" for i in range(6)]


def test_cli_scale_ledger_load_format_json_is_one_summary_object(tmp_path, capsys):
    tables = failures_only_tables(tmp_path / "tables", 2)
    assert main(["ledger", "load", str(tables), "--db", str(tmp_path / "l.db"), "--format", "json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert (summary["added"], summary["failed"], summary["ledger"]["errors"]) == (0, 2, 2)
    assert summary["failures"][1] == {"source": "in/01.txt", "reason": "is a binary file, not text (case 1)"}


@pytest.mark.parametrize(("fmt", "failed"), [("text", 7), ("json", 7), ("text", 0)])
def test_cli_scale_batch_prints_its_failures_not_only_see_the_failures_table(tmp_path, capsys, monkeypatch, fmt,
                                                                             failed):
    out = failures_only_tables(tmp_path / "tables", failed)
    import onrecord.batch.spark as spark
    monkeypatch.setattr(spark, "run_batch", lambda *a, **k: BatchReport(3, 5, 4, failed, 1.0))
    code = main(["batch", "in", "--out", str(out), "--format", fmt])
    assert code == (1 if failed else 0)
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    if not failed:
        assert errors == []
        return
    assert errors[:5] == [f"onrecord: error: in/{i:02d}.txt: is a binary file, not text (case {i})" for i in range(5)]
    assert errors[5].startswith("onrecord: error: … and 2 more input(s) that gave no article")
    if fmt == "json":
        summary = json.loads(captured.out)
        assert (summary["articles"], summary["failed"], len(summary["failures"])) == (3, 7, 5)
    else:
        assert "7 failed" in captured.out
