"""JSONL dumps: one Document per line, custom field names, a Failure naming path:line for each bad line."""

from __future__ import annotations

import gzip
import io
import json

from onrecord.ingest.document import Document, Failure
from onrecord.ingest.jsonl import parse_line, read_jsonl
from onrecord.ingest.reader import ReadOptions, read

CUSTOM = {"text": "body", "title": "headline", "url": "link", "published": "date", "source": "outlet",
          "author": "byline"}


def _read(path, **options) -> list[Document | Failure]:
    return list(read([str(path)], ReadOptions(**options)))


def test_jsonl_dump_with_custom_fields_and_one_bad_line(fixtures):
    path = fixtures / "dump.jsonl"
    out = _read(path, fields=CUSTOM)
    assert [type(x).__name__ for x in out] == ["Document", "Failure", "Document", "Document"]
    first, bad, second, third = out
    assert bad == Failure(f"{path}:2", "is not valid JSON: Unterminated string starting at, column 25")
    assert first.source == f"{path}:1" and first.format == "jsonl"
    assert first.text == 'The city council voted 7-2 to close the Elm Street bridge for repairs.\n\n' \
                         '"The bridge is not safe," said engineer Rosa Diaz.'
    assert (first.title, first.url, first.site, first.author) == (
        "Council closes Elm Street bridge", "https://daily.example/bridge", "The Daily Example", "Sam Reed")
    assert (first.published, first.date_method) == ("2024-03-14T09:30:00+00:00", "jsonl:date")
    assert second.source == f"{path}:3"
    assert second.author == "Ana Ruiz, Lee Park"
    assert second.published == "2024-03-14T18:05:00-05:00"
    assert second.text == "Schools will reopen on Monday after the storm, the district said.\n"
    assert second.raw_text() == "Schools will reopen on Monday after the storm, the district said.\nNo comments\n"
    assert (third.url, third.author, third.site, third.published) == (None, None, None, "2024-03-15")


def test_jsonl_default_fields_are_the_logical_names_and_missing_text_field_is_named(fixtures):
    out = _read(fixtures / "dump.jsonl")
    assert [x.reason for x in out if isinstance(x, Failure)][0] == \
        "has no 'text' field; name the field holding the article text with --field text=NAME"
    record = {"text": "Prices rose again in March, the statistics office said.", "title": "Prices rise",
              "url": "https://x.example/p", "published": 1710408600, "source": "X News", "author": "Jo Li"}
    doc = parse_line(json.dumps(record), "d.jsonl:1", ReadOptions().fields)
    assert (doc.title, doc.url, doc.site, doc.author) == ("Prices rise", "https://x.example/p", "X News", "Jo Li")
    assert (doc.published, doc.date_method) == ("2024-03-14T09:30:00+00:00", "jsonl:published")


def test_jsonl_each_bad_line_is_its_own_failure_with_its_line_number(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [b'{"text": "A good first article about the harbour."}',
             b'["not", "an", "object"]',
             b'',
             b'{"title": "no text here"}',
             b'{"text": "   "}',
             b'{"text": 42}',
             b'{"text": "caf\xe9 au lait"}',
             b'{"nested": {"body": "Nested text is found too."}, "text": "Last good line."}']
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = _read(path)
    assert [(x.source.rsplit(":", 1)[1], x.reason if isinstance(x, Failure) else x.text) for x in out] == [
        ("1", "A good first article about the harbour."),
        ("2", "is a JSON array, not an object"),
        ("4", "has no 'text' field; name the field holding the article text with --field text=NAME"),
        ("5", "no article text found (field 'text' is empty)"),
        ("6", "field 'text' is a JSON number, not a string"),
        ("7", "is not valid UTF-8 (byte 13: b'\\xe9'); convert it to UTF-8"),
        ("8", "Last good line."),
    ]
    nested = _read(path, fields={"text": "nested.body"})
    assert [x.text for x in nested if isinstance(x, Document)] == ["Nested text is found too."]


def test_jsonl_line_over_the_cap_is_skipped_and_reading_goes_on(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "Small article."}) + "\n")
    out = _read(path, max_record_bytes=100)
    assert out[0] == Failure(f"{path}:1", "line is longer than 100 bytes (ReadOptions.max_record_bytes); skipped")
    assert isinstance(out[1], Document) and out[1].text == "Small article." and out[1].source == f"{path}:2"


def test_jsonl_gzip_dump_is_streamed_and_a_cut_one_keeps_what_was_read(tmp_path):
    body = "".join(json.dumps({"text": f"Article number {i} about the river."}) + "\n" for i in range(200))
    packed = gzip.compress(body.encode())
    whole = tmp_path / "dump.jsonl.gz"
    whole.write_bytes(packed)
    assert len([x for x in _read(whole) if isinstance(x, Document)]) == 200
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(packed[: len(packed) * 2 // 3])
    out = _read(cut)
    failures = [x for x in out if isinstance(x, Failure)]
    assert len(failures) == 1 and out[-1] is failures[0]
    assert "compressed data is truncated or damaged" in failures[0].reason
    assert failures[0].source == f"{cut}:{len(out)}"
    assert [x.text for x in out[:-1]] == [f"Article number {i} about the river." for i in range(len(out) - 1)]


def test_jsonl_read_jsonl_takes_any_byte_stream():
    stream = io.BytesIO(b'{"text": "One."}\r\n{"text": "Two."}')
    assert [(d.source, d.text) for d in read_jsonl("s", stream, ReadOptions().fields)] == [
        ("s:1", "One."), ("s:2", "Two.")]
