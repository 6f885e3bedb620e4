"""``serve`` reads while ``ingest`` writes, and ``backup`` copies meanwhile: no lock errors, no lost article (#7).

The ingest runs in its own process, as ``onrecord ingest`` does beside ``onrecord serve``, committing one article
per transaction so the readers meet as many commits as possible.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onrecord.cli import main
from onrecord.errors import LedgerError
from onrecord.ledger.store import Store, backup
from onrecord.views.app import create_app

ROOT = Path(__file__).resolve().parents[2]
N_ARTICLES = 120
PAGES = ["/api/v1/articles?limit=50", "/api/v1/claims", "/api/v1/actors", "/api/v1/search?q=minister", "/",
         "/articles", "/claims?contested=true"]
PEOPLE = ["Ana Lima", "Tomas Berg", "Priya Raman", "Kim Novak", "Olu Bakare", "Ines Berg"]


def _articles(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_ARTICLES):
        who = PEOPLE[i % len(PEOPLE)]
        (folder / f"{i:04d}.txt").write_text(
            f"Story {i}. {who} said the bridge over the river {i} would reopen on day {i}.\n"
            f"\"We will not wait for item {i},\" the minister said on Tuesday.\n")


def _consistent(copy: Path) -> int:
    """The copy passes SQLite's integrity check and is one snapshot: every index agrees with its table."""
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        # the full-text index is written in the same transaction as the article
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == articles
        assert conn.execute("SELECT count(*) FROM attributions WHERE article_id NOT IN (SELECT id FROM articles)"
                            ).fetchone()[0] == 0
        return articles
    finally:
        conn.close()


def test_concurrency_serve_and_backup_while_ingest_writes(tmp_path):
    _articles(tmp_path / "in")
    db = tmp_path / "ledger.db"
    Store.open(db).close()                      # an empty, migrated ledger: serve needs one to start
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    ingest = subprocess.Popen([sys.executable, "-m", "onrecord.cli", "ingest", str(tmp_path / "in"), "--db", str(db),
                               "--workers", "1", "--batch-size", "1"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    client = TestClient(create_app(str(db)), base_url="http://localhost")
    bad: list[tuple[str, int, str]] = []
    seen: list[int] = []                        # articles in each backup copy, in order
    requests = 0
    deadline = time.monotonic() + 240
    try:
        while ingest.poll() is None and time.monotonic() < deadline:
            for page in PAGES:
                r = client.get(page)
                requests += 1
                if r.status_code != 200 or "locked" in r.text:
                    bad.append((page, r.status_code, r.text[:200]))
            copy = tmp_path / f"backup-{len(seen)}.db"
            backup(db, copy)
            seen.append(_consistent(copy))
            copy.unlink()
    finally:
        if ingest.poll() is None:
            ingest.kill()
        out, err = ingest.communicate()
    assert ingest.returncode == 0, err
    assert "locked" not in err.lower() and "busy" not in err.lower()
    assert bad == []
    # the reads really overlapped the writes: some copies caught the ledger half-written
    assert any(0 < n < N_ARTICLES for n in seen), seen
    assert seen == sorted(seen)                 # each copy is a later snapshot than the one before
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == N_ARTICLES
    assert len(client.get("/api/v1/articles?limit=500").json()["items"]) == N_ARTICLES
    assert f"added {N_ARTICLES} article(s)" in out and "0 failed" in out
    assert requests > len(PAGES)


def test_concurrency_backup_refuses_to_overwrite_and_leaves_no_partial_file(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    Store.open(db).close()
    out = tmp_path / "copy.db"
    out.write_bytes(b"precious")
    assert main(["backup", "--db", str(db), str(out)]) == 2
    assert capsys.readouterr().err == (f"onrecord: error: {out}: exists already; onrecord backup never overwrites a "
                                       "file: remove it or name a new one\n")
    assert out.read_bytes() == b"precious"
    with pytest.raises(LedgerError, match="no such ledger"):
        backup(tmp_path / "missing.db", tmp_path / "new.db")
    assert not [p.name for p in tmp_path.iterdir() if ".part-" in p.name or p.name.startswith("new.db")]


def test_concurrency_backup_copy_is_a_plain_file_that_opens_as_a_ledger(tmp_path, capsys):
    db = tmp_path / "ledger.db"
    (tmp_path / "a.txt").write_text("The mayor said the bridge would reopen on Friday.\n")
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--workers", "1"]) == 0
    capsys.readouterr()
    copy = tmp_path / "copy.db"
    assert main(["backup", "--db", str(db), str(copy)]) == 0
    assert capsys.readouterr().out.startswith(f"{copy}: copy of {db} (1 articles, ")
    assert not (tmp_path / "copy.db-wal").exists()
    with Store.open(copy, read_only=True) as store:
        assert store.counts()["articles"] == 1
