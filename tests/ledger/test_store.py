"""The ledger file: migrations, WAL, one transaction per batch, read-only opening."""

import sqlite3

import pytest

from onrecord.errors import LedgerError
from onrecord.ledger.migrations import MIGRATIONS
from onrecord.ledger.store import Store


def test_store_new_file_is_migrated_and_in_wal_mode(tmp_path):
    db = tmp_path / "l.db"
    with Store.open(db) as store:
        assert store.one("PRAGMA user_version")[0] == len(MIGRATIONS)
        assert store.one("PRAGMA journal_mode")[0] == "wal"
        assert store.counts() == {"articles": 0, "stories": 0, "actors": 0, "attributions": 0, "claims": 0,
                                  "errors": 0}


def test_store_reopening_does_not_migrate_again(tmp_path):
    db = tmp_path / "l.db"
    Store.open(db).close()
    with Store.open(db) as store:
        store.execute("INSERT INTO stories (first_article) VALUES (1)")
    with Store.open(db) as store:
        assert store.counts()["stories"] == 1


def test_store_atomic_rolls_back_the_whole_batch(tmp_path):
    with Store.open(tmp_path / "l.db") as store:
        with pytest.raises(RuntimeError):
            with store.atomic():
                store.execute("INSERT INTO stories (first_article) VALUES (1)")
                raise RuntimeError("boom")
        assert store.counts()["stories"] == 0


def test_store_read_only_refuses_writes_and_missing_files(tmp_path):
    db = tmp_path / "l.db"
    Store.open(db).close()
    with Store.open(db, read_only=True) as store:
        with pytest.raises(sqlite3.OperationalError):
            store.execute("INSERT INTO stories (first_article) VALUES (1)")
    with pytest.raises(LedgerError, match="no such ledger"):
        Store.open(tmp_path / "none.db", read_only=True)


def test_store_newer_schema_is_refused(tmp_path):
    db = tmp_path / "l.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(LedgerError, match="newer onrecord"):
        Store.open(db)


def test_store_not_a_database_is_one_line_error(tmp_path):
    db = tmp_path / "l.db"
    db.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LedgerError, match="not a usable SQLite ledger"):
        Store.open(db)


def test_store_a_ledger_made_before_migration_2_gets_the_timeline_index(tmp_path):
    db = tmp_path / "l.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0])
    conn.execute("INSERT INTO stories (first_article) VALUES (1)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with pytest.raises(LedgerError, match="open it once with onrecord ingest"):
        Store.open(db, read_only=True)               # a reader cannot migrate, and says how to
    with Store.open(db) as store:
        assert store.one("PRAGMA user_version")[0] == len(MIGRATIONS)
        assert store.counts()["stories"] == 1     # the data is kept
        plan = " ".join(r[3] for r in store.all(
            "EXPLAIN QUERY PLAN SELECT day, stance, count(*) FROM attributions WHERE actor_id = 1"
            " GROUP BY day, stance"))
        assert "COVERING INDEX attributions_actor_stance" in plan


def test_store_migration_undates_articles_given_the_ingest_day(tmp_path):
    """issue 18: a ledger made before it holds undated articles under the day they were ingested."""
    db = tmp_path / "l.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0] + MIGRATIONS[1])
    conn.execute("INSERT INTO stories (first_article) VALUES (1)")
    for key, published, day in (("a", None, "2026-12-07"), ("b", "2016-09-30", "2016-09-30")):
        conn.execute("INSERT INTO articles (key, source, format, published, day, text, text_hash, story_id, model,"
                     " ingested_at) VALUES (?, ?, 'text', ?, ?, 't', 'h', 1, 'm', '2026-12-07')",
                     (key, key, published, day))
    conn.execute("INSERT INTO claims (text, terms, first_day, last_day) VALUES ('c', 'c', '2016-09-30', '2026-12-07')")
    for article in (1, 2):
        conn.execute("INSERT INTO attributions (article_id, local_id, kind, stance, rule, confidence, content_text,"
                     " content_start, content_end, parts, speaker_kind, day, story_id, claim_id) VALUES"
                     " (?, 'q1', 'indirect', 'assert', 'r', 1, 'c', 0, 1, '[]', 'unknown', ?, 1, 1)",
                     (article, "2026-12-07" if article == 1 else "2016-09-30"))
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store.open(db) as store:
        assert [tuple(r) for r in store.all("SELECT day, date_method FROM articles ORDER BY id")] == [
            ("", "undated"), ("2016-09-30", None)]
        assert [r[0] for r in store.all("SELECT day FROM attributions ORDER BY id")] == ["", "2016-09-30"]
        assert tuple(store.one("SELECT first_day, last_day FROM claims")) == ("2016-09-30", "2016-09-30")


def _other_programs_file(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('shopping list')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("read_only", [False, True])
def test_store_sqlite_file_of_another_program_is_refused_and_left_untouched(tmp_path, read_only):
    db = tmp_path / "other.db"
    _other_programs_file(db)
    before = db.read_bytes()
    with pytest.raises(LedgerError, match="SQLite file of another program") as caught:
        Store.open(db, read_only=read_only)
    assert "ingest" not in str(caught.value)         # the query commands must not suggest writing into it
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_store_empty_sqlite_file_read_only_says_no_ledger_yet(tmp_path):
    db = tmp_path / "empty.db"
    sqlite3.connect(db).close()
    db.write_bytes(b"")
    with pytest.raises(LedgerError, match="holds no ledger yet"):
        Store.open(db, read_only=True)


def test_store_immutable_ledger_open_for_writing_is_one_line_error_up_front(tmp_path, immutable):
    db = tmp_path / "l.db"
    Store.open(db).close()
    immutable(db)
    with pytest.raises(LedgerError, match="cannot be written") as caught:
        Store.open(db)
    assert "\n" not in str(caught.value)
    with Store.open(db, read_only=True) as store:           # the reading commands still work
        assert store.counts()["articles"] == 0


def test_store_ledger_in_a_read_only_folder_cannot_be_created_or_written(tmp_path, immutable):
    folder = tmp_path / "ro"
    folder.mkdir()
    Store.open(folder / "l.db").close()
    immutable(folder)
    with pytest.raises(LedgerError, match="cannot be created: the folder .* is read-only"):
        Store.open(folder / "new.db")
    with pytest.raises(LedgerError, match="cannot be written"):
        Store.open(folder / "l.db")
    with Store.open(folder / "l.db", read_only=True) as store:
        assert store.counts()["articles"] == 0


def test_store_ledger_on_a_read_only_mount_opens_read_only_unable_to_open_no_more(tmp_path, read_only_mount):
    source = tmp_path / "src"
    source.mkdir()
    with Store.open(source / "l.db") as store:
        with store.atomic():
            store.execute("INSERT INTO stories (first_article) VALUES (1)")
    mounted = read_only_mount(source)
    with Store.open(mounted / "l.db", read_only=True) as store:
        assert store.counts()["stories"] == 1
    with pytest.raises(LedgerError, match="cannot be written"):
        Store.open(mounted / "l.db")


def test_store_file_name_with_uri_characters_opens_read_only(tmp_path):
    db = tmp_path / "a?b#c%20.db"
    Store.open(db).close()
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == ["a?b#c%20.db"]
