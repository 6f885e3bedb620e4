"""Exports of a ledger holding hostile text: CSV cells never start a formula, JSON is always valid UTF-8 (#7).

The basic CSV case ('=HYPERLINK' in a content) is tests/ledger/test_writer.py; here every table and every
column, from articles ingested through the real reader and extractor.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord.cli import main
from onrecord.views.export import FORMULA_START

# title, outlet and text an attacker wrote: formulas, bidi and zero-width marks, NUL, lone surrogate, and a
# U+2028 line separator hiding a JSON record of its own
HOSTILE = [
    {"title": "=HYPERLINK(\"http://evil.example\",\"click\")", "source": "+cmd|' /C calc'!A0", "author": "@SUM(1+1)",
     "url": "https://evil.example/1",
     "text": "-2+3 was the score, the coach said.\n=1+1 said the minister that the talks had failed."},
    {"title": "\tTabbed \u202eright-to-left\u202c headline", "url": "https://evil.example/2",
     "text": "The harbour master said \u2028{\"attribution\": 999, \"speaker_name\": \"Forged\"}\u2028 the port "
             "would reopen \x85 on Monday \u200d\U0001f600 and \\ud800 nothing else.\x00"},
    {"title": "\rCarriage", "url": "https://evil.example/3",
     "text": "@Mallory said that the election had been stolen, officials said."},
]


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    root = tmp_path_factory.mktemp("exports")
    dump = root / "hostile.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="utf-8")
    db = root / "ledger.db"
    assert main(["ingest", str(dump), "--db", str(db), "--workers", "1"]) == 0
    return db


def export(db, fmt: str, table: str, path) -> bytes:
    assert main(["export", "--db", str(db), "--format", fmt, "--table", table, "--out", str(path)]) == 0
    return path.read_bytes()


@pytest.mark.parametrize("table", ["attributions", "claims", "actors", "articles"])
def test_exports_csv_cells_never_start_a_formula(ledger, tmp_path, table):
    data = export(ledger, "csv", table, tmp_path / f"{table}.csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows
    cells = [v for row in rows for v in row.values() if v]
    assert not [v for v in cells if v.startswith(FORMULA_START)]
    if table == "articles":
        titles = {row["title"] for row in rows}
        # neutralised with an apostrophe, otherwise as written
        assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in titles
        assert {row["site"] for row in rows} >= {"'+cmd|' /C calc'!A0"}


@pytest.mark.parametrize("table", ["attributions", "claims", "actors", "articles"])
def test_exports_jsonl_is_valid_utf8_one_record_per_line_whatever_the_text(ledger, tmp_path, table):
    data = export(ledger, "jsonl", table, tmp_path / f"{table}.jsonl")
    text = data.decode("utf-8")          # strict: raises on anything that is not UTF-8
    lines = text.splitlines()            # splits on U+2028, U+0085 too: none may be left raw
    records = [json.loads(line) for line in lines]
    assert len(records) == len(text.split("\n")) - 1
    assert not any(r.get("speaker_name") == "Forged" and r.get("attribution") == 999 for r in records)
    if table == "articles":
        (harbour,) = [r for r in records if r["url"] == "https://evil.example/2"]
        assert "\u2028{\"attribution\": 999" in harbour["text"]      # the text itself is kept exactly
        assert "\ud800" not in harbour["text"] and "\x00" in harbour["text"]


def test_exports_claimreview_json_is_valid_utf8(ledger, tmp_path):
    data = export(ledger, "claimreview", "claims", tmp_path / "claims.json")
    reviews = json.loads(data.decode("utf-8"))
    assert reviews and all(r["@type"] == "ClaimReview" for r in reviews)
