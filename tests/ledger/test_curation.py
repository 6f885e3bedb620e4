"""Curators' corrections (issue 16): merge, split, rename and kind kept as records, replayed on every ingest,
exported and imported as JSON, shown on the actor page."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from onrecord.cli import main
from onrecord.errors import OnrecordError
from onrecord.ledger.curation import Curation

ROOT = Path(__file__).resolve().parents[2]
DISPUTE = ROOT / "examples" / "dispute"


def run_json(capsys, *argv):
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def statements(capsys, db, name):
    return run_json(capsys, "actor", name, "--format", "json", "--db", str(db))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("curation") / "base.db"
    assert main(["ingest", str(DISPUTE), "--db", str(db), "--workers", "1"]) == 0
    return db


def test_curation_merge_survives_reingest_and_a_fresh_ledger_after_import(ingested, tmp_path, capsys):
    db = tmp_path / "a.db"
    shutil.copy(ingested, db)
    before = statements(capsys, db, "Russia")["attributions"] + statements(capsys, db, "Kremlin")["attributions"]
    assert main(["actors", "merge", "Russia", "Kremlin", "--why", "the Kremlin speaks for Russia here",
                 "--who", "desk", "--db", str(db)]) == 0
    merged = statements(capsys, db, "Russia")
    assert merged["attributions"] == before
    assert any("merged 'Kremlin' into 'Russia'" in c["detail"] and c["who"] == "desk" for c in merged["curation"])
    # the same files again: nothing new, the merge still holds
    assert main(["ingest", str(DISPUTE), "--db", str(db), "--workers", "1"]) == 0
    assert statements(capsys, db, "Russia")["attributions"] == before
    # export, then a fresh ledger: import before ingest, and import after ingest, both end merged
    out = tmp_path / "curation.json"
    assert main(["curation", "export", "--out", str(out), "--db", str(db)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["schema"] == "onrecord.curation/1" and exported["curations"][0]["action"] == "merge"
    fresh = tmp_path / "fresh.db"
    assert main(["curation", "import", str(out), "--db", str(fresh)]) == 0
    assert main(["ingest", str(DISPUTE), "--db", str(fresh), "--workers", "1"]) == 0
    assert statements(capsys, fresh, "Russia")["attributions"] == before
    later = tmp_path / "later.db"
    shutil.copy(ingested, later)
    assert main(["curation", "import", str(out), "--db", str(later)]) == 0
    assert statements(capsys, later, "Russia")["attributions"] == before
    names = {a["name"] for a in run_json(capsys, "actors", "--format", "json", "--db", str(later))}
    assert "Kremlin" not in names


def test_curation_rename_and_kind_hold_over_the_automatic_name(ingested, tmp_path, capsys):
    db = tmp_path / "b.db"
    shutil.copy(ingested, db)
    assert main(["actors", "rename", "Maksym Kovalenko", "Capt. Maksym Kovalenko (navy)", "--db", str(db)]) == 0
    assert main(["actors", "kind", "Analysts at a Chicago brokerage", "organization", "--db", str(db)]) == 0
    actor = statements(capsys, db, "Kovalenko")
    assert actor["name"] == "Capt. Maksym Kovalenko (navy)"
    assert run_json(capsys, "actor", "Analysts at a Chicago brokerage", "--format", "json",
                    "--db", str(db))["kind"] == "organization"


def test_curation_split_moves_one_articles_mention_and_is_replayed(ingested, tmp_path, capsys):
    db = tmp_path / "c.db"
    shutil.copy(ingested, db)
    actor = statements(capsys, db, "Maksym Kovalenko")
    link = next(m for m in actor["merges"] if m["method"] != "new")
    assert main(["actors", "split", "Maksym Kovalenko", "--mention", link["local_name"], "--article",
                 str(link["article"]), "--why", "another spokesman", "--db", str(db)]) == 0
    after = statements(capsys, db, "Maksym Kovalenko")
    assert after["attributions"] < actor["attributions"]
    assert all(m["article"] != link["article"] or m["local_name"] != link["local_name"] for m in after["merges"])


@pytest.mark.parametrize("record, problem", [
    ({"action": "merge", "actor": "A"}, "missing or empty value"),
    ({"action": "fold", "actor": "A", "value": "B"}, "action 'fold'"),
    ({"action": "kind", "actor": "A", "value": "robot"}, "kind 'robot'"),
    ({"action": "split", "actor": "A", "value": "B"}, "needs the article key"),
    ({"action": "merge", "actor": "Donald Trump", "value": "Mr. Donald Trump"}, "with itself"),
    ("merge", "expected an object"),
])
def test_curation_bad_records_are_refused_with_one_line(record, problem):
    with pytest.raises(OnrecordError, match=problem):
        Curation.from_dict(record, "f.json: curation 1")


def test_curation_import_refuses_a_file_that_is_not_a_curation_file(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "other"}', encoding="utf-8")
    capsys.readouterr()
    assert main(["curation", "import", str(bad), "--db", str(tmp_path / "x.db")]) == 2
    assert "not a curation file" in capsys.readouterr().err
