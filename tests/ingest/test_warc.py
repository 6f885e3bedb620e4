"""WARC archives: HTML responses become Documents; requests, non-HTML and error pages are passed over."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.ingest.document import Document, Failure
from onrecord.ingest.reader import ReadOptions, read


def _offsets(path: Path) -> list[int]:
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        return [records.get_record_offset() for _ in records]


@pytest.mark.parametrize("gzip_records", [True, False])
def test_warc_html_responses_become_documents_and_other_records_are_passed_over(tmp_path, build_warc,
                                                                                   gzip_records):
    path = build_warc(tmp_path / ("crawl.warc.gz" if gzip_records else "crawl.warc"), gzip_records)
    out = list(read([str(path)]))
    assert all(isinstance(x, Document) for x in out) and len(out) == 2
    offsets = _offsets(path)
    first, second = out
    assert first.source == f"{path}@{offsets[2]}" and second.source == f"{path}@{offsets[5]}"
    assert first.format == "warc"
    assert first.url == "https://news.example/wind-farm"
    assert first.title == "Council backs wind farm"
    assert (first.published, first.date_method) == ("2024-03-14", "html-meta")
    assert "The wind farm will go ahead." in first.text and "far too short" in first.text
    # the canonical link, resolved against WARC-Target-URI; the crawl date stands in for a missing date
    assert second.url == "https://news.example/cafes"
    assert (second.published, second.date_method) == ("2024-03-15T10:00:00+00:00", "warc-date")
    assert "Owners of the “Café Central” protested." in second.text


def test_warc_truncated_file_yields_documents_read_so_far_and_one_failure(tmp_path, build_warc):
    path = build_warc(tmp_path / "crawl.warc.gz")
    offsets = _offsets(path)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: offsets[5] + (len(data) - offsets[5]) // 2])  # half-way into the last record
    out = list(read([str(cut)]))
    assert [type(x).__name__ for x in out] == ["Document", "Failure"]
    assert out[0].url == "https://news.example/wind-farm"
    assert out[1].source == f"{cut}@{offsets[5]}"
    assert "the 5 records before it were read" in out[1].reason


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_warc_uncompressed_file_cut_anywhere_in_a_record_gives_one_failure(tmp_path, build_warc, keep):
    path = build_warc(tmp_path / "crawl.warc", gzip_records=False)
    offsets = _offsets(path)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: offsets[2] + int((offsets[3] - offsets[2]) * keep)])  # inside the first page
    out = list(read([str(cut)]))
    assert len(out) == 1 and isinstance(out[0], Failure)
    assert out[0].source == f"{cut}@{offsets[2]}"
    assert "the 2 records before it were read" in out[0].reason


def test_warc_record_over_the_cap_is_a_failure_and_reading_goes_on(tmp_path, build_warc):
    path = build_warc(tmp_path / "crawl.warc.gz")
    out = list(read([str(path)], ReadOptions(max_record_bytes=300)))
    kinds = [(type(x).__name__, x.source) for x in out]
    offsets = _offsets(path)
    assert kinds == [("Failure", f"{path}@{offsets[2]}"), ("Failure", f"{path}@{offsets[5]}")]
    assert out[0].reason == "record body is larger than 300 bytes (ReadOptions.max_record_bytes); skipped"


def test_warc_file_that_is_not_a_warc_is_one_failure(tmp_path):
    path = tmp_path / "fake.warc"
    path.write_text("This is a plain note, not an archive.\n")
    out = list(read([str(path)]))
    assert len(out) == 1 and isinstance(out[0], Failure) and out[0].source == str(path)
    assert out[0].reason.startswith("is not a WARC file")


def test_warc_compressed_body_is_capped_after_decompression(tmp_path):
    bomb = gzip.compress(b"<html><body><p>" + b"a" * 5_000_000 + b"</p></body></html>")
    path = tmp_path / "bomb.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://x.example/bomb", "response",
                                                      payload=io.BytesIO(bomb), length=len(bomb),
                                                      http_headers=headers))
    assert len(bomb) < 100_000
    (failure,) = read([str(path)], ReadOptions(max_record_bytes=1_000_000))
    assert failure == Failure(f"{path}@0", "record body is larger than 1000000 bytes "
                                           "(ReadOptions.max_record_bytes); skipped")
