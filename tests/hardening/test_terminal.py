"""Ledger text printed by the CLI cannot drive the terminal: escape sequences and bidi overrides come out escaped.

An article can carry ESC sequences (clear the screen, rewrite the line, OSC-8 links to anywhere) and bidi
overrides (reorder what the reader sees) in its title, its text and so in speaker names and contents (#7).
"""

from __future__ import annotations

import pytest

from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker
from onrecord.cli import main
from onrecord.cli.common import printable
from onrecord.ingest.document import Document, Failure
from onrecord.ledger.store import Store
from onrecord.ledger.writer import Ledger

NAME = "Eve\x1b[2J Smith"
TEXT = (f"{NAME} said that the vote count\u202e was rigged in the capital \x1b]8;;https://evil.example\x07here"
        "\x1b]8;;\x07 last week.")
EVE = Actor("person:eve-smith", NAME, "person", (), ("head of the \x1b[31mcommittee",))


def _records() -> tuple[Document, Article]:
    content = TEXT.index("that the vote"), TEXT.index(" last week.")
    cue = TEXT.index("said")
    att = Attribution("q1", "indirect", Content.of(TEXT, [content]), Span.of(TEXT, cue, cue + 4),
                      Speaker(Span.of(TEXT, 0, len(NAME)), NAME, "person", EVE.id), "assert", "clause-complement",
                      0.9, Span.of(TEXT, 0, len(TEXT)))
    doc = Document("evil\x1b[0m.txt", TEXT, "text", url="https://x.example/1",
                   title="\x1b[1;31mBREAKING\u202e headline", published="2026-11-20")
    return doc, Article(doc.source, len(TEXT), (att,), (EVE,))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("terminal") / "ledger.db"
    with Store.open(path) as store:
        Ledger(store).add_batch([_records()], [Failure("dump\x1b[2K.jsonl:3", "is not valid JSON")], model="test")
    return path


@pytest.mark.parametrize("argv", [["actors"], ["actor", "1"], ["claims"], ["claim", "1"], ["search", "vote"],
                                  ["errors"]])
def test_terminal_query_output_holds_no_escape_sequence_or_bidi_override(db, capsys, argv):
    assert main([*argv, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\x1b" in out


def test_terminal_printable_keeps_joiners_and_marks_and_escapes_the_rest():
    assert printable("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f52c \u200f") == (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \U0001f469\u200d\U0001f52c \u200f")
    assert printable("a\x1b[2Jb\u202ec\u2028d\udcffe\tf") == "a\\x1b[2Jb\\u202ec\\u2028d\\udcffe\\tf"
