"""Hostile files in one ``onrecord ingest`` batch: each bad one is one error line naming it, the rest is stored.

Where the single-file behaviour is already tested elsewhere, these tests check it inside a mixed batch (one line,
the batch goes on, nothing lost) and the unit tests stay where they are:

- XXE in RSS/Atom, internal entity bombs, never fetching: tests/ingest/test_feeds.py
- gzip bomb in an HTTP Content-Encoding inside a WARC: tests/ingest/test_warc.py (compressed_body_is_capped)
- truncated WARC, gzip or plain, cut anywhere: tests/ingest/test_warc.py
- JSONL bad lines, over-long lines, cut .jsonl.gz: tests/ingest/test_jsonl.py
- binary, UTF-16 and missing files in a batch: tests/ingest/test_reader.py, tests/test_cli.py
- CSV formula injection: tests/ledger/test_writer.py (csv_export_neutralises_formulas); more in test_exports.py
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile import SECRET, gzip_bomb_warc, page, warc_pages, xxe_feed

from onrecord.cli import main
from onrecord.ingest.document import Document, Failure
from onrecord.ingest.reader import ReadOptions, read
from onrecord.ingest.text import MAX_TEXT_CHARS

GOOD_JSONL = [{"text": f"The port authority said cargo volumes rose {i} percent in March.", "url": f"https://j.example/{i}"}
              for i in range(3)]
BOMB_BYTES = 64 << 20        # over ReadOptions.max_record_bytes (50 MB)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """One folder of good and hostile inputs, ingested once; (folder, db, exit code, stderr lines, seconds)."""
    root = tmp_path_factory.mktemp("hostile")
    d = root / "in"
    d.mkdir()
    secret = root / "secret.txt"
    secret.write_text(SECRET)
    (d / "01-good.txt").write_text("The mayor said the bridge would reopen on Friday.\n")
    (d / "02-bad-utf8.txt").write_bytes(b"The mayor said \xff\xfe the bridge would reopen.")
    (d / "03-utf16-bom.txt").write_bytes("The mayor said the bridge would reopen.".encode("utf-16"))
    (d / "04-photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4096))
    (d / "05-huge-attribute.html").write_text(
        page("Huge attribute", "The harbour will be dredged.", prefix=f'<div data-x="{"a" * 10_000_000}"></div>'))
    (d / "06-nested.html").write_text(page("Nested", "Deep inside.", prefix="<div>" * 10_000) + "</div>" * 10_000)
    gzip_bomb_warc(d / "07-bomb.warc.gz", BOMB_BYTES)
    whole = warc_pages(root / "crawl.warc.gz", 3).read_bytes()
    (d / "08-truncated.warc.gz").write_bytes(whole[: len(whole) * 5 // 6])
    xxe_feed(d / "09-xxe.rss", secret)
    lines = [json.dumps(GOOD_JSONL[0]), '{"text": "cut off', json.dumps(GOOD_JSONL[1]),
             '{"text": "lone \\ud800 surrogate, the minister said."}', json.dumps(GOOD_JSONL[2])]
    (d / "10-dump.jsonl").write_text("\n".join(lines) + "\n")
    (d / "11-one-line.txt").write_text("word " * (5 * 1024 * 1024 // 5))       # a 5 MB single line
    (d / "12-evil\n\u202ename.txt").write_bytes(b"\x00\x01binary")
    os.close(os.open(os.fsencode(d) + b"/13-name-\xff.txt", os.O_CREAT | os.O_WRONLY, 0o644))
    with open(os.fsencode(d) + b"/13-name-\xff.txt", "wb") as f:
        f.write(b"The port said the strike was over.\n")
    db = root / "ledger.db"
    err, out = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["ingest", str(d), "--db", str(db), "--workers", "1"])
    return Batch(d, db, code, [line for line in err.getvalue().splitlines() if not PROGRESS.match(line)],
                 out.getvalue(), time.perf_counter() - started)


# Progress lines share stderr with the errors: a run slower than 10 s (a loaded machine) prints one, and a long
# text's parse prints its own; they are not errors and would make the one-line-per-error check flaky.
PROGRESS = re.compile(r"\d+(/~\d+)? done: |onrecord: pars(ing|ed) ")


@dataclass
class Batch:
    folder: Path
    db: Path
    code: int
    errors: list[str]
    summary: str
    seconds: float

    def error_for(self, name: str) -> str:
        found = [line for line in self.errors if line.startswith(f"onrecord: error: {self.folder}/{name}")]
        assert len(found) == 1, (name, self.errors)
        return found[0]

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, params).fetchall()


def test_hostile_batch_exit_code_is_1_and_every_error_is_one_line_naming_its_file(batch):
    assert batch.code == 1
    assert all(line.startswith(f"onrecord: error: {batch.folder}/") for line in batch.errors), batch.errors
    # bad UTF-8, UTF-16, binary, nested HTML, bomb record, the dump's cut line, 5 MB line, cut WARC, evil name
    assert len(batch.errors) == 9, batch.errors


@pytest.mark.parametrize(("name", "problem"), [
    ("02-bad-utf8.txt", ": is not valid UTF-8 (byte 15: b'\\xff'); convert it to UTF-8"),
    ("03-utf16-bom.txt", ": is UTF-16; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"),
    ("04-photo.txt", ": is a binary file, not text"),
    ("06-nested.html", ": HTML nests tags more than 255 deep, where the parser stops; the page cannot be read whole"),
    ("07-bomb.warc.gz", "@0: record body is larger than 50000000 bytes (ReadOptions.max_record_bytes); skipped"),
    ("10-dump.jsonl", ":2: is not valid JSON: Unterminated string starting at, column 10"),
    ("11-one-line.txt", f": text is 5,242,880 characters, more than the {MAX_TEXT_CHARS:,} onrecord extracts from "
                        "one article; split it into articles"),
])
def test_hostile_file_error_line(batch, name, problem):
    assert batch.error_for(name) == f"onrecord: error: {batch.folder}/{name}{problem}"


def test_hostile_truncated_warc_keeps_the_records_before_the_cut(batch):
    line = batch.error_for("08-truncated.warc.gz")
    assert "the 2 records before it were read" in line
    urls = {r[0] for r in batch.rows("SELECT url FROM articles WHERE source LIKE ?", ("%08-truncated%",))}
    assert urls == {"https://news.example/0", "https://news.example/1"}


def test_hostile_file_names_are_printed_escaped_on_one_line_and_stored_as_text(batch):
    # a line break and a right-to-left override in a name must not split the error line or reorder the terminal
    assert batch.error_for("12-evil\\n\\u202ename.txt").endswith(": is a binary file, not text")
    # a name that is not UTF-8 crashed the whole ingest (SQLite refuses lone surrogates): now stored escaped
    assert batch.rows("SELECT source FROM articles WHERE source LIKE ?", ("%13-name-%",)) == [
        (f"{batch.folder}/13-name-\\xff.txt",)]


def test_hostile_batch_stores_every_good_article(batch):
    sources = sorted(r[0].removeprefix(f"{batch.folder}/") for r in batch.rows("SELECT source FROM articles"))
    assert sources == ["01-good.txt", "05-huge-attribute.html", "07-bomb.warc.gz@" + sources[2].split("@")[1],
                       "08-truncated.warc.gz@0", sources[4], "09-xxe.rss#1", "10-dump.jsonl:1", "10-dump.jsonl:3",
                       "10-dump.jsonl:4", "10-dump.jsonl:5", "13-name-\\xff.txt"]
    assert "added 11 article(s)" in batch.summary and "9 failed" in batch.summary
    assert batch.rows("SELECT count(*) FROM errors") == [(9,)]


def test_hostile_huge_attribute_page_is_read_quickly(batch):
    ((text,),) = batch.rows("SELECT text FROM articles WHERE source LIKE ?", ("%05-huge-attribute.html",))
    assert text.startswith("The harbour will be dredged.") and "aaaa" not in text
    assert batch.seconds < 120     # the whole batch; the 10 MB attribute alone takes about a second


def test_hostile_external_entity_is_never_resolved(batch):
    stored = "\n".join(str(v) for row in batch.rows("SELECT * FROM articles") for v in row)
    assert "The harbour master said the port would reopen" in stored
    assert SECRET not in stored


def test_hostile_lone_surrogate_escape_in_jsonl_is_removed_not_fatal(batch):
    # '\ud800' is valid JSON but no UTF-8: it used to crash the whole run at the first hash of the text
    assert batch.rows("SELECT text FROM articles WHERE source LIKE ?", ("%10-dump.jsonl:4",)) == [
        ("lone  surrogate, the minister said.",)]


def test_hostile_gzip_bomb_is_capped_and_the_next_record_is_read(tmp_path):
    path = gzip_bomb_warc(tmp_path / "bomb.warc.gz", 64 << 20)
    assert path.stat().st_size < 200_000
    out = list(read([str(path)], ReadOptions(max_record_bytes=1_000_000)))
    assert [type(x) for x in out] == [Failure, Document]
    assert out[0] == Failure(f"{path}@0", "record body is larger than 1000000 bytes (ReadOptions.max_record_bytes); "
                                          "skipped")
    assert out[1].url == "https://news.example/after-bomb"
