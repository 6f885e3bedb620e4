"""Search syntax → FTS5 query, and search over a ledger: stems, prefixes, phrases, exclusions, OR, totals, pages."""

from __future__ import annotations

import sqlite3

import pytest

from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker
from onrecord.errors import OnrecordError
from onrecord.ingest.document import Document
from onrecord.ledger import queries
from onrecord.ledger import store as store_module
from onrecord.ledger.fts import fts_query, unmark
from onrecord.ledger.migrations import MIGRATIONS
from onrecord.ledger.store import Store
from onrecord.ledger.writer import Ledger


@pytest.mark.parametrize(("text", "expected"), [
    ("drones", '"drones"'),
    ("drone*", '"drone"*'),
    ("Drones   minister", '"Drones" AND "minister"'),
    ('"foreign minister"', '"foreign minister"'),
    ('"foreign mini"*', '"foreign mini"*'),
    ("well-known", '"well known"'),                      # one word to the reader: a phrase to FTS5
    ("drones -strike", '("drones") NOT "strike"'),
    ('drones -"air strike"', '("drones") NOT "air strike"'),
    ("iran OR russia drones", '("iran" OR "russia") AND "drones"'),
    ("iran or russia", '"iran" AND "or" AND "russia"'),  # only capital OR joins
    ("-strike", ""),                                     # nothing asked but exclusions: nothing found
    ("OR drones", '"drones"'),
    ('AND OR NOT "( *', '("AND" OR "NOT")'),             # operators and brackets are words or nothing
    ("NEAR(a b) title:x", '"NEAR a" AND "b" AND "title x"'),   # one typed token, one phrase
    ('"open quote', '"open quote"'),
    ("*", ""),
    ("", ""),
])
def test_fts_query_from_what_users_type(text, expected):
    assert fts_query(text) == expected


def test_fts_query_longer_than_the_cap_is_refused():
    with pytest.raises(OnrecordError, match="at most 500"):
        fts_query("x" * 501)


@pytest.mark.parametrize(("marked", "plain", "hits"), [
    ("Iran sent \x02drones\x03 to \x02Russia\x03", "Iran sent drones to Russia", [(10, 16), (20, 26)]),
    ("no hit", "no hit", []),
    ("\x02\x03empty", "empty", []),
])
def test_fts_unmark_gives_plain_text_and_hit_spans(marked, plain, hits):
    assert unmark(marked) == (plain, hits)


TEXTS = [
    'The ministers said the drones were shot down over the harbour. "Nothing was hit," the mayor said.',
    "A drone strike closed the bridge, the governor said.",
    "The café reopened after the storm, its owner said.",
]


def _records(i: int, text: str) -> tuple[Document, Article]:
    cue = text.rindex("said")
    speaker_end = cue - 1
    speaker_start = text.rindex(" ", 0, speaker_end - 1) + 1
    name = text[speaker_start:speaker_end]
    actor = Actor(f"person:{name}", name.title(), "person")
    att = Attribution("q1", "indirect", Content.of(text, [(0, speaker_start - 2)]), Span.of(text, cue, cue + 4),
                      Speaker(Span.of(text, speaker_start, speaker_end), actor.name, "person", actor.id),
                      "assert", "test", 0.9, Span.of(text, 0, len(text)))
    return Document(f"t{i}.txt", text, "text"), Article(f"t{i}.txt", len(text), (att,), (actor,))


@pytest.fixture()
def ledger(tmp_path):
    db = tmp_path / "search.db"
    with Store.open(db) as s:
        Ledger(s).add_batch([_records(i, t) for i, t in enumerate(TEXTS)], model="test")
    return db


def _found(db, text: str, **kwargs) -> tuple[list[str], int]:
    with Store.open(db, read_only=True) as s:
        data = queries.search(s, text, **kwargs)
    return [a["source"] for a in data["articles"]], data["total"]["articles"]


@pytest.mark.parametrize(("text", "sources"), [
    ("drones", ["t0.txt", "t1.txt"]),
    ("drone", ["t0.txt", "t1.txt"]),          # `search drone` found nothing where `search drones` did
    ("drone*", ["t0.txt", "t1.txt"]),         # nor did `search 'drone*'`
    ("dron*", ["t0.txt", "t1.txt"]),
    ("minister", ["t0.txt"]),
    ("cafe", ["t2.txt"]),                     # accents folded
    ('"drone strike"', ["t1.txt"]),
    ('"strike drone"', []),
    ("drones -bridge", ["t0.txt"]),
    ("harbour OR storm", ["t0.txt", "t2.txt"]),
    ("-drones", []),
])
def test_fts_search_by_stem_prefix_phrase_exclusion_and_or(ledger, text, sources):
    found, total = _found(ledger, text)
    assert sorted(found) == sources and total == len(sources)


def test_fts_search_pages_with_totals_and_marks_hits(ledger):
    with Store.open(ledger, read_only=True) as s:
        first = queries.search(s, "said", limit=2)
        second = queries.search(s, "said", limit=2, offset=2)
    assert first["total"]["articles"] == 3 and (first["limit"], first["offset"]) == (2, 0)
    assert len(first["articles"]) == 2 and len(second["articles"]) == 1
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    for a in first["articles"] + second["articles"]:
        assert "[" not in a["snippet"] and a["hits"]   # no "[…]", which means a resolved pronoun elsewhere
        assert all(a["snippet"][h0:h1].lower() == "said" for h0, h1 in a["hits"])


def test_fts_statements_are_found_by_stem_too(ledger):
    with Store.open(ledger, read_only=True) as s:
        data = queries.search(s, "ministers")
        stem = queries.search(s, "minister")
    assert data["total"]["attributions"] == stem["total"]["attributions"] == 1
    assert [a["attribution"] for a in data["attributions"]] == [a["attribution"] for a in stem["attributions"]]


def test_fts_migration_rebuilds_an_older_ledgers_index_by_stem(tmp_path, monkeypatch):
    """A ledger written before the porter index is migrated on open and finds `drone` in what it already held."""
    db = tmp_path / "old.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:2])
    with Store.open(db):
        pass
    monkeypatch.undo()
    # rows as the onrecord of that schema wrote them (today's writer knows columns later migrations add)
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO stories (id, first_article) VALUES (1, 1)")
        for i, text in enumerate(TEXTS):
            rowid = conn.execute(
                "INSERT INTO articles (key, source, format, day, text, text_hash, story_id, model, ingested_at)"
                " VALUES (?, ?, 'text', '2026-11-01', ?, ?, 1, 'test', '2026-11-01T00:00:00')",
                (f"text:{i}", f"t{i}.txt", text, str(i))).lastrowid
            conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, NULL, ?)", (rowid, text))
        assert conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"drone\"'"
                            ).fetchone()[0] == 1   # old: exact words only
    with Store.open(db) as s:   # migrates
        assert s.one("PRAGMA user_version")[0] == len(MIGRATIONS)
    assert sorted(_found(db, "drone")[0]) == ["t0.txt", "t1.txt"]
    assert _found(db, "Nothing hit")[0] == ["t0.txt"]


def test_fts_cli_search_drone_and_prefix_find_what_drones_finds(ledger, capsys):
    """The CLI shares the query: `search drone` and `search 'drone*'` found nothing where `search drones` did."""
    import json

    from onrecord.cli import main

    found = {}
    for text in ("drones", "drone", "drone*"):
        assert main(["search", text, "--format", "json", "--db", str(ledger)]) == 0
        data = json.loads(capsys.readouterr().out)
        found[text] = (sorted(a["source"] for a in data["articles"]), data["total"])
    assert found["drone"] == found["drone*"] == found["drones"] == (["t0.txt", "t1.txt"],
                                                                     {"articles": 2, "attributions": 2})
    assert main(["search", "drone", "--db", str(ledger)]) == 0
    assert "(2 in all)" in capsys.readouterr().out
