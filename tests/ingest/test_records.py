"""JSON arrays, CSV tables, URL lists and JSONL on stdin: read as records or refused in one line, never stored as one
raw-text article with no attributions (issue 21)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from onrecord.ingest.document import Document, Failure
from onrecord.ingest.reader import ReadOptions, read
from onrecord.ingest.records import is_url_list

FIRST = "The ferry company said on Friday that crossings would resume next week."
SECOND = "Council members voted to close the library for repairs, a spokeswoman said."


def _read(path, **fields) -> list[tuple[str, str, str]]:
    """(kind, source, text or reason) of everything read from ``path``."""
    options = ReadOptions(fields=fields) if fields else ReadOptions()
    return [(type(x).__name__, x.source, x.text if isinstance(x, Document) else x.reason)
            for x in read([str(path)], options)]


@pytest.mark.parametrize("name", ["articles.json", "articles"])   # by suffix, and sniffed without one
def test_records_json_array_is_read_like_jsonl_records_not_one_raw_text_article(tmp_path, name):
    path = tmp_path / name
    path.write_text(json.dumps([{"text": FIRST, "title": "Ferries"}, {"title": "no text"}, {"text": SECOND}],
                               indent=2), encoding="utf-8")
    out = _read(path)
    assert [(kind, source.rsplit("#", 1)[1]) for kind, source, _ in out] == \
        [("Document", "1"), ("Failure", "2"), ("Document", "3")]
    assert [text for kind, _, text in out if kind == "Document"] == [FIRST, SECOND]
    assert "--field text=NAME" in out[1][2]


def test_records_json_array_honours_field_names_and_reports_non_objects(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([{"body": FIRST}, "just a string", 7]), encoding="utf-8")
    out = _read(path, text="body")
    assert out[0][:1] == ("Document",) and out[0][2] == FIRST
    assert [reason for _, _, reason in out[1:]] == ["is a JSON string, not an object with a 'body' field",
                                                    "is a JSON number, not an object with a 'body' field"]


@pytest.mark.parametrize(("content", "expected"), [
    (json.dumps({"text": FIRST}, indent=2), ("Document", FIRST)),                   # one pretty-printed object
    ("[]", ("Failure", "is an empty JSON array: no article in it")),
    ('"a bare string"', ("Failure", "is a JSON string, not an array of article objects or one object")),
    ("[1, 2,", ("Failure", "is not valid JSON (line 1, column 7): Expecting value")),
])
def test_records_json_file_shapes(tmp_path, content, expected):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    (kind, _, text), = _read(path)
    assert (kind, text) == expected


def test_records_text_starting_with_a_bracket_stays_a_text_article(tmp_path):
    path = tmp_path / "note"
    path.write_text("[Updated 10:00] " + FIRST, encoding="utf-8")
    assert _read(path) == [("Document", str(path), "[Updated 10:00] " + FIRST)]


@pytest.mark.parametrize(("name", "content"), [
    ("news.csv", f'title,text\nFerries,"{FIRST}"\nEmpty,\nLibrary,"{SECOND}"\n'),
    ("news.tsv", f"title\ttext\nFerries\t{FIRST}\nEmpty\t\nLibrary\t{SECOND}\n"),
])
def test_records_csv_with_a_text_column_is_read_row_by_row(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = _read(path)
    assert [(kind, source.rsplit("#", 1)[1]) for kind, source, _ in out] == \
        [("Document", "1"), ("Failure", "2"), ("Document", "3")]
    assert [text for kind, _, text in out if kind == "Document"] == [FIRST, SECOND]


def test_records_csv_without_the_text_column_is_refused_naming_the_columns_and_the_fix(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(f'headline,body\nFerries,"{FIRST}"\n', encoding="utf-8")
    (kind, source, reason), = _read(path)
    assert (kind, source) == ("Failure", str(path))
    assert reason == ("is a CSV table without a 'text' column (columns: 'headline', 'body'); name the column holding "
                      "the article text with --field text=NAME")
    assert [kind for kind, _, _ in _read(path, text="body")] == ["Document"]


@pytest.mark.parametrize(("text", "expected"), [
    ("https://a.example/1\nhttp://b.example/news?id=2\n\n  https://c.example/x  \n", True),
    ("https://a.example/only-one\n", True),
    ("See https://a.example/1 for the full statement.\nhttps://b.example/2\n", False),
    (FIRST, False),
    ("", False),
])
def test_records_is_url_list(text, expected):
    assert is_url_list(text) is expected


def test_records_a_list_of_urls_is_refused_saying_onrecord_does_not_fetch(tmp_path):
    path = tmp_path / "links.txt"
    path.write_text("https://a.example/news/1\nhttps://b.example/news/2\n", encoding="utf-8")
    (kind, _, reason), = _read(path)
    assert kind == "Failure" and reason.startswith("looks like a list of URLs; onrecord does not fetch")


def _stdin(monkeypatch, data: bytes) -> list[Document | Failure]:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    return list(read(["-"]))


def test_records_jsonl_piped_to_stdin_is_read_as_jsonl_not_one_text(monkeypatch):
    data = (json.dumps({"text": FIRST}) + "\n" + json.dumps({"text": SECOND}) + "\n").encode()
    out = _stdin(monkeypatch, data)
    assert [(x.source, x.text) for x in out] == [("<stdin>:1", FIRST), ("<stdin>:2", SECOND)]


def test_records_json_array_and_url_list_on_stdin(monkeypatch):
    out = _stdin(monkeypatch, json.dumps([{"text": FIRST}]).encode())
    assert [(x.source, x.text) for x in out] == [("<stdin>#1", FIRST)]
    (failure,) = _stdin(monkeypatch, b"https://a.example/1\n")
    assert isinstance(failure, Failure) and "list of URLs" in failure.reason


def test_records_plain_text_on_stdin_is_still_one_article(monkeypatch):
    (doc,) = _stdin(monkeypatch, FIRST.encode())
    assert (doc.source, doc.text, doc.format) == ("<stdin>", FIRST, "text")
