"""`ingest --workers N`: the same ledger as one process, resumable, a crash costs one document, progress lines."""

from __future__ import annotations

import io
import json

import pytest
from batch_fakes import fake_extractor, refusing_extractor
from batchhelpers import contested, port_records, snapshot, two_sided, write_jsonl

from onrecord.batch.runner import IngestReport, ProgressPrinter, count_documents, ingest
from onrecord.batch.workers import DIED, chunked, ingest_parallel
from onrecord.cli import main
from onrecord.ledger.store import Store


def test_two_workers_build_the_same_ledger_as_one(corpus, tmp_path, capsys):
    inputs = [str(corpus / "dispute"), str(corpus / "embassy-drones.txt"), str(corpus / "ports.jsonl")]
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    # batches of 4: the 18 inputs make several batches, so the two-worker run really uses its workers
    assert main(["ingest", *inputs, "--db", str(one), "--workers", "1", "--batch-size", "4"]) == 1
    out_one = capsys.readouterr().out
    assert main(["ingest", *inputs, "--db", str(two), "--workers", "2", "--batch-size", "4"]) == 1
    out_two = capsys.readouterr().out
    assert "added 17 article(s)" in out_one and "1 failed" in out_one
    assert out_one.split(": ", 1)[1].split("(")[0] == out_two.split(": ", 1)[1].split("(")[0]
    assert snapshot(one) == snapshot(two)
    assert contested(one) == contested(two) and contested(one)
    assert two_sided(one) == two_sided(two) and len(two_sided(one)) >= 12


def test_rerun_skips_what_is_stored_before_dispatching(tmp_path):
    dump = write_jsonl(tmp_path / "d.jsonl", port_records(20))
    db = tmp_path / "l.db"
    with Store.open(db) as store:
        first = ingest_parallel([str(dump)], store, fake_extractor(""), workers=2, batch_size=4,
                                factory=fake_extractor)
        assert (first.added, first.skipped, len(first.failures), first.workers) == (20, 0, 1, 2)
        # a second run may not extract anything: every document is known before it would be handed to a worker
        again = ingest_parallel([str(dump)], store, refusing_extractor(""), workers=2, batch_size=4,
                                factory=refusing_extractor)
        assert (again.added, again.skipped, len(again.failures)) == (0, 20, 1)


def test_resumed_run_completes_an_interrupted_one(tmp_path):
    part = write_jsonl(tmp_path / "a.jsonl", port_records(7))
    full = write_jsonl(tmp_path / "b.jsonl", port_records(20))      # its first 7 items are a.jsonl's
    db = tmp_path / "l.db"
    with Store.open(db) as store:
        ingest_parallel([str(part)], store, fake_extractor(""), workers=2, batch_size=3, factory=fake_extractor)
        report = ingest_parallel([str(full)], store, fake_extractor(""), workers=2, batch_size=3,
                                 factory=fake_extractor)
        assert (report.added, report.skipped) == (13, 7)
        assert store.counts()["articles"] == 20


def test_a_worker_crash_or_an_exception_costs_only_that_document(tmp_path):
    records = port_records(14)
    records[5]["text"] = "This one CRASHes the worker process.\n"
    records[9]["text"] = "This one RAISEs inside extraction.\n"
    dump = write_jsonl(tmp_path / "d.jsonl", records)
    with Store.open(tmp_path / "l.db") as store:
        report = ingest_parallel([str(dump)], store, fake_extractor(""), workers=2, batch_size=4,
                                 factory=fake_extractor, chunk_size=2)
        reasons = {f.source.rsplit("/", 1)[-1]: f.reason for f in report.failures}
        assert report.added == 12
        assert reasons == {"d.jsonl:6": DIED, "d.jsonl:10": "extraction failed: ValueError: bad document",
                           "d.jsonl:15": reasons["d.jsonl:15"]}
        assert store.counts()["errors"] == 3


def test_a_model_that_is_not_installed_is_one_error_not_a_failure_per_document(tmp_path, capsys):
    dump = write_jsonl(tmp_path / "d.jsonl", port_records(10))
    code = main(["ingest", str(dump), "--db", str(tmp_path / "l.db"), "--workers", "2", "--batch-size", "2",
                 "--model", "no_such_model_xyz"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert err[0].startswith("onrecord: error: spaCy model 'no_such_model_xyz': is not installed")
    assert not (tmp_path / "l.db").exists()      # said before the ledger file is created


def test_a_model_that_fails_in_the_workers_stops_the_run_with_its_error(tmp_path):
    from onrecord.batch.workers import model_extractor
    from onrecord.errors import OnrecordError
    dump = write_jsonl(tmp_path / "d.jsonl", port_records(10))
    with Store.open(tmp_path / "l.db") as store, pytest.raises(OnrecordError, match="no_such_model_xyz.*not installed"):
        ingest_parallel([str(dump)], store, fake_extractor(""), workers=2, batch_size=2, factory=model_extractor,
                        model="no_such_model_xyz")


def test_progress_is_plain_lines_when_not_a_terminal(tmp_path):
    stream = io.StringIO()
    printer = ProgressPrinter(stream, interval=0)
    dump = write_jsonl(tmp_path / "d.jsonl", port_records(9))
    with Store.open(tmp_path / "l.db") as store:
        ingest_parallel([str(dump)], store, fake_extractor(""), workers=2, batch_size=3, factory=fake_extractor,
                        progress=printer)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 4 and "\r" not in stream.getvalue()
    assert lines[-1].startswith("10") and "9 added" in lines[-1] and "1 errors" in lines[-1]
    assert "articles/s" in lines[-1] and "ETA" in lines[-1]


def test_progress_is_a_bar_with_rate_errors_and_eta_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True
    stream = Terminal()
    printer = ProgressPrinter(stream)
    printer(IngestReport(read=50, added=48, skipped=0, failures=[], seconds=12.0, total=200))
    printer.done()
    shown = stream.getvalue()
    assert shown.startswith("\r[#####-") and "24%" in shown and "4.0 articles/s" in shown
    assert "0 errors" in shown and "ETA 0m38s" in shown and shown.endswith("\n")


def test_count_documents_estimates_the_total(corpus):
    # 1 html + 3 jsonl lines + feed entries + 1 text + 13 lines of ports.jsonl (one of them bad)
    total = count_documents([str(corpus)])
    assert 18 <= total <= 22


def test_chunks_share_a_batch_between_workers():
    docs = list(range(20))
    assert [len(c) for c in chunked(docs, 2, 16)] == [10, 10]
    assert [len(c) for c in chunked(docs[:64] * 4, 2, 16)][:2] == [16, 16]
    assert chunked([], 2) == []


def test_ingest_keeps_its_serial_signature_for_its_callers(corpus, extractor, tmp_path):
    with Store.open(tmp_path / "l.db") as store:
        report = ingest([str(corpus / "dispute")], store, extractor.extract_many)
    assert report.added == 4 and report.workers == 1
    json.dumps({"added": report.added})
