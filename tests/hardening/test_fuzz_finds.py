"""Crashes benchmarks/fuzz.py found, each kept as a test named after it (#7)."""

from __future__ import annotations

import json

import pytest

from onrecord.cli import main
from onrecord.ingest.dates import iso
from onrecord.ingest.document import Document, Failure
from onrecord.ingest.reader import read
from onrecord.ledger.identity import canonical_url

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


def test_fuzz_find_feed_link_with_an_unclosed_ipv6_bracket_is_no_url(tmp_path):
    # urlsplit raised "Invalid IPv6 URL" from web_url and the feed was lost
    path = tmp_path / "feed.rss"
    path.write_text('<rss version="2.0"><channel><item><link>https://[gazette.example/a</link>'
                    "<description>The mayor said the fees would stay.</description></item></channel></rss>")
    (doc,) = read([str(path)])
    assert isinstance(doc, Document) and doc.url is None


@pytest.mark.parametrize("url", ["https://[gazette.example/a", "https://gazette.example:99999/a"])
def test_fuzz_find_jsonl_url_that_urlsplit_refuses_is_kept_as_the_key(tmp_path, capsys, url):
    # the same ValueError in the ledger's URL canonicalisation stopped the whole ingest before extraction
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"text": "The mayor said the fees would stay.", "url": url}) + "\n"
                    + json.dumps({"text": "The port said the strike was over.", "url": "https://x.example/2"}) + "\n")
    assert canonical_url(url) == url
    assert main(["ingest", str(path), "--db", str(tmp_path / "l.db"), "--workers", "1"]) == 0
    assert "added 2 article(s)" in capsys.readouterr().out
