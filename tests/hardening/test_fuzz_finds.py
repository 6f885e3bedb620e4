"""Crashes benchmarks/fuzz.py found, each kept as a test named after it (#7)."""

from __future__ import annotations

import json

from onrecord.ingest.dates import iso
from onrecord.ingest.document import Document, Failure
from onrecord.ingest.reader import read

ITEM = "<item><title>T</title><pubDate>{date}</pubDate><description>The mayor said the fees would stay.</description>"


def test_fuzz_find_feed_encoding_declaration_in_non_utf8_bytes_is_one_failure(tmp_path):
    # feedparser decoded the declared encoding name as UTF-8 itself and raised UnicodeDecodeError through read()
    path = tmp_path / "feed.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="\x07\x13\xd7\xf7UTF-8"?>\n<rss version="2.0"><channel>'
                     + ITEM.format(date="Mon, 01 Jan 2024 00:00:00 GMT").encode() + b"</item></channel></rss>")
    (failure,) = read([str(path)])
    assert isinstance(failure, Failure) and failure.source == str(path)
    assert failure.reason.startswith("is not a readable feed (UnicodeDecodeError: ")


def test_fuzz_find_rfc822_date_with_a_twenty_digit_year_is_no_date(tmp_path):
    # email.utils.parsedate_to_datetime raised OverflowError, which iso() did not catch
    path = tmp_path / "feed.rss"
    path.write_text(f'<rss version="2.0"><channel>{ITEM.format(date="Mon, 01 Jan 99999999999999999999 00:00:00 GMT")}'
                    "</item></channel></rss>")
    (doc,) = read([str(path)])
    assert isinstance(doc, Document) and doc.published is None
    assert iso("Mon, 01 Jan 99999999999999999999 00:00:00 GMT") is None


def test_fuzz_find_jsonl_epoch_of_four_hundred_digits_is_no_date(tmp_path):
    # the milliseconds check divided the integer before the try: OverflowError
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"text": "The mayor said the fees would stay.", "published": 10**400}) + "\n")
    (doc,) = read([str(path)])
    assert isinstance(doc, Document) and doc.published is None
