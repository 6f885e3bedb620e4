"""An article the ledger cannot store costs only itself: the rest of its batch is stored, the failure recorded (#7)."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.article import Article
from onrecord.ingest.document import Document, Failure
from onrecord.ledger.store import Store
from onrecord.ledger.writer import Ledger


def _doc(n: int) -> tuple[Document, Article]:
    text = f"Article number {n} says nothing in particular about anything at all."
    return Document(f"a{n}.txt", text, "text", url=f"https://x.example/{n}"), Article(f"a{n}.txt", len(text), (), ())


def test_ledger_isolation_one_unstorable_article_is_a_failure_and_the_batch_is_stored(tmp_path, monkeypatch):
    original = Ledger._add_article

    def fragile(self, key, doc, article, model):  # noqa: ANN001
        result = original(self, key, doc, article, model)      # half written: its rows must be rolled back
        if doc.source == "a1.txt":
            raise ValueError("cannot store\nthis one")
        return result

    monkeypatch.setattr(Ledger, "_add_article", fragile)
    with Store.open(tmp_path / "l.db") as store:
        result = Ledger(store).add_batch([_doc(0), _doc(1), _doc(2)])
        assert (result.added, result.failed) == (2, 1)
        assert result.unstored == [Failure("a1.txt", "could not be stored (ValueError: cannot store this one)")]
        assert [r[0] for r in store.all("SELECT source FROM articles ORDER BY id")] == ["a0.txt", "a2.txt"]
        assert store.all("SELECT count(*) FROM articles_fts")[0][0] == 2
        assert [tuple(r) for r in store.all("SELECT source, reason FROM errors")] == [
            ("a1.txt", "could not be stored (ValueError: cannot store this one)")]


def test_ledger_isolation_a_locked_or_full_file_still_stops_the_batch(tmp_path, monkeypatch):
    def locked(self, *args):  # noqa: ANN001
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Ledger, "_add_article", locked)
    with Store.open(tmp_path / "l.db") as store:
        with pytest.raises(sqlite3.OperationalError):
            Ledger(store).add_batch([_doc(0)])
        assert store.counts()["articles"] == 0 and store.counts()["errors"] == 0
