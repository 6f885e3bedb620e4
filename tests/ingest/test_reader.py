"""read(): paths, directories and stdin; formats by suffix or first bytes; a bad input never stops a batch."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys

import pytest

from onrecord.ingest.document import Document, Failure
from onrecord.ingest.reader import ReadOptions, format_of, read
from onrecord.ingest.text import expand, read_text

ARTICLE = ("<!DOCTYPE html><html><head><title>Dam repairs</title></head><body><article>"
           "<p>Repairs to the old dam will start in June and take a year, the water board said on Monday.</p>"
           "<p>The board said the reservoir would stay open to boats during the work, but not to swimmers.</p>"
           "</article></body></html>")


def _kinds(out: list[Document | Failure]) -> list[tuple[str, str]]:
    return [(type(x).__name__, x.source) for x in out]


def test_reader_batch_with_bad_files_goes_on(tmp_path, fixtures):
    good = tmp_path / "good.txt"
    good.write_text("The harbour reopened on Monday.\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    utf16 = tmp_path / "notes.txt"
    utf16.write_bytes("Hello".encode("utf-16"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    paths = [str(good), str(binary), str(tmp_path / "missing.txt"), str(utf16), str(empty),
             str(fixtures / "page.html")]
    out = list(read(paths))
    assert [x.reason if isinstance(x, Failure) else x.text[:20] for x in out] == [
        "The harbour reopened",
        "is a binary file, not text",
        "no such file or directory",
        "is UTF-16; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)",
        "no article text found",
        "Harbour dredging pla"]
    assert [x.source for x in out] == paths


def test_reader_directory_is_read_recursively_sorted_without_hidden_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.md").write_text("Second, in a folder.")
    (tmp_path / "a.txt").write_text("First at the top.")
    (tmp_path / "c.html").write_text(ARTICLE)
    (tmp_path / ".hidden.txt").write_text("Never read.")
    (tmp_path / ".git" / "x.txt").write_text("Never read either.")
    out = list(read([str(tmp_path)]))
    assert _kinds(out) == [("Document", str(tmp_path / "a.txt")), ("Document", str(tmp_path / "b" / "2.md")),
                           ("Document", str(tmp_path / "c.html"))]
    assert [x.format for x in out] == ["text", "text", "html"]


def test_reader_sniffs_formats_of_files_without_a_known_suffix(tmp_path, fixtures, build_warc):
    warc = build_warc(tmp_path / "w.warc.gz")
    files = {"page.dat": ARTICLE.encode(), "feed.dat": (fixtures / "rss.xml").read_bytes(),
             "atom": (fixtures / "atom.xml").read_bytes(), "crawl.bin": warc.read_bytes(),
             "dump.data": (fixtures / "dump.jsonl").read_bytes(), "NOTES": b"Just a note about the dam.\n",
             "packed.gz": gzip.compress(b"not a warc")}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert {name: format_of(name, data[:8192]) for name, data in files.items()} == {
        "page.dat": "html", "feed.dat": "feed", "atom": "feed", "crawl.bin": "warc", "dump.data": "jsonl",
        "NOTES": "text", "packed.gz": "gzip"}
    assert [x.format for x in read([str(tmp_path / "crawl.bin")])] == ["warc", "warc"]
    (failure,) = read([str(tmp_path / "packed.gz")])
    assert failure.reason == ("is gzip-compressed but not a WARC; decompress it, or name a compressed JSONL "
                              "dump .jsonl.gz")


def test_reader_suffixes_choose_the_format():
    assert [format_of(name, b"") for name in ("a.TXT", "b.text", "c.md", "d.HTM", "e.html", "f.jsonl",
                                              "g.ndjson", "h.jsonl.gz", "i.warc", "j.warc.gz", "k.xml",
                                              "l.rss", "m.atom", "n.rdf")] == [
        "text", "text", "text", "html", "html", "jsonl", "jsonl", "jsonl", "warc", "warc", "feed", "feed",
        "feed", "feed"]


def test_reader_stdin_is_plain_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbfFrom a pipe.\r\nNo comments\r\n")))
    (doc,) = read(["-"])
    assert (doc.source, doc.format, doc.text) == ("<stdin>", "text", "From a pipe.\n")
    assert doc.raw_text() == "From a pipe.\nNo comments\n"


def test_reader_clean_false_keeps_the_text_as_read(fixtures):
    (doc,) = read([str(fixtures / "blog.txt")], ReadOptions(clean=False))
    assert doc.removals == ()
    assert doc.text == (fixtures / "blog.txt").read_text(encoding="utf-8")


def test_reader_options_merge_field_names_and_reject_unknown_keys():
    assert dict(ReadOptions(fields={"text": "body"}).fields) == {
        "text": "body", "title": "title", "url": "url", "published": "published", "source": "source",
        "author": "author"}
    with pytest.raises(ValueError, match="unknown JSONL field keys \\['headline'\\]"):
        ReadOptions(fields={"headline": "title"})


def test_reader_file_over_the_cap_is_a_failure(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 100)
    (failure,) = read([str(big)], ReadOptions(max_record_bytes=100))
    assert failure == Failure(str(big), "is larger than 100 bytes; raise ReadOptions.max_record_bytes to read it")


def test_reader_every_document_has_text_and_rebuilds_its_raw_text(fixtures, tmp_path):
    shutil.copytree(fixtures, tmp_path / "in")
    (tmp_path / "in" / "crlf.txt").write_bytes(b"Line one.\r\n\r\nShare this:\r\nLine two.\r\n")
    out = list(read([str(tmp_path / "in")], ReadOptions(fields={"text": "body"})))
    docs = [x for x in out if isinstance(x, Document)]
    assert len(docs) == 10
    for doc in docs:
        assert doc.text.strip()
        plain = list(read([doc.source.rsplit("#", 1)[0].rsplit(":", 1)[0]], ReadOptions(fields={"text": "body"},
                                                                                       clean=False)))
        assert doc.raw_text() in [p.text for p in plain if isinstance(p, Document)]
    crlf = next(d for d in docs if d.source.endswith("crlf.txt"))
    assert crlf.text == "Line one.\n\nLine two.\n" and crlf.raw_text() == "Line one.\n\nShare this:\nLine two.\n"


def test_reader_leaves_text_module_behaviour_alone(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.html").write_text("<p>x</p>")
    assert expand([str(tmp_path)]) == [str(tmp_path / "a.txt")]
    assert read_text(str(tmp_path / "a.txt")) == "x"
    assert json.dumps(expand(["-"])) == '["-"]'


def test_read_an_empty_folder_is_a_failure_naming_it_not_a_silent_nothing(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "one.txt").write_text("Officials said the port would reopen on Monday.", encoding="utf-8")
    items = list(read([str(tmp_path / "empty"), str(tmp_path / "one.txt")]))
    assert [type(i) for i in items] == [Failure, Document]
    assert items[0].source.endswith("empty") and items[0].reason == "is a folder with no files in it"
