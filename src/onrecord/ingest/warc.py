"""WARC archives (plain or gzip): each HTML response record becomes a Document through the html module.

Records are streamed, so an archive of any size reads in constant memory; one record's decoded body is
capped at ``max_record_bytes`` (gzip or brotli bodies can decompress to far more than they occupy). A file
that ends early or is damaged yields the documents read so far and then one Failure.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader

from ..errors import InputError
from .dates import iso
from .document import Document, Failure
from .html import decode_html, parse

HTML_TYPES = ("text/html", "application/xhtml+xml")
_BUFFER = 1 << 16


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """("text/html", "windows-1252") from "text/html; charset=windows-1252"."""
    if not content_type:
        return "", None
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _html_payload(record) -> tuple[bool, str | None]:  # noqa: ANN001 - warcio records are untyped
    """Whether a record holds an HTML page worth reading, and its declared charset."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        media, charset = _media_type(record.http_headers.get_header("Content-Type"))
        # redirects and error pages are not articles
        return status.startswith("2") and media in HTML_TYPES, charset
    if record.rec_type == "resource":
        media, charset = _media_type(record.rec_headers.get_header("Content-Type"))
        return media in HTML_TYPES, charset
    return False, None


def _drain(record) -> bool:  # noqa: ANN001
    """Read what is left of the record; whether all its declared bytes were there."""
    stream = record.raw_stream
    while stream.read(_BUFFER):
        pass
    # every WARC record has a Content-Length; warcio hands over one without (or with an empty one) when
    # the file stops inside the record's headers
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    return declared.isdigit() and isinstance(stream, LimitReader) and stream.limit == 0


def _leftover(stream: IO[bytes], offset: int) -> int | None:
    """Where something other than blank lines follows ``offset`` (the end of the last whole record)."""
    try:
        if not stream.seekable():
            return None
        stream.seek(offset)
        while chunk := stream.read(_BUFFER):
            rest = chunk.lstrip()
            if rest:
                return offset + len(chunk) - len(rest)
            offset += len(chunk)
    except (OSError, ValueError):  # closed or unreadable after a failure: the offset is only a pointer
        return None
    return None


def _starts_like_warc(stream: IO[bytes]) -> bool:
    """Whether the stream opens with a WARC version line, compressed or not (the stream is rewound)."""
    if not stream.seekable():
        return True
    head = stream.read(512)
    stream.seek(0)
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(path: str, stream: IO[bytes], *, cleaning: bool = True,
              max_record_bytes: int = 50_000_000) -> Iterator[Document | Failure]:
    """The HTML pages in a WARC; other records (requests, metadata, images, redirects) are passed over."""
    if not _starts_like_warc(stream):
        yield Failure(path, "is not a WARC file (it does not start with a WARC/1.x version line)")
        return
    records = ArchiveIterator(stream)
    iterator = iter(records)
    count = 0
    offset = 0  # where the next record starts, to name it if reading it fails
    while True:
        # only reading the archive is guarded here: a problem with one page is that page's Failure
        try:
            record = next(iterator, None)
            if record is None:
                # warcio ends quietly when a file stops inside a record's headers: look past the last record
                rest = _leftover(stream, offset)
                if rest is not None:
                    yield Failure(f"{path}@{rest}", f"WARC ends inside a record: the file is cut short; the "
                                                    f"{count} records before it were read")
                return
            wanted, charset = _html_payload(record)
            body = record.content_stream().read(max_record_bytes + 1) if wanted else b""
            complete = _drain(record)
            start = records.get_record_offset()
            length = records.get_record_length()
        except Exception as exc:  # noqa: BLE001 - warcio raises almost anything (even AttributeError) on cut files
            problem = " ".join(str(exc).split()) or type(exc).__name__
            if count == 0 and isinstance(exc, ArchiveLoadFailed):
                yield Failure(path, f"is not a WARC file ({problem})")
            else:
                rest = _leftover(stream, offset)
                at = offset if rest is None else rest
                yield Failure(f"{path}@{at}", f"WARC is truncated or damaged ({problem}); the {count} records "
                                              "before it were read")
            return
        source = f"{path}@{start}"
        if not complete:
            yield Failure(source, f"WARC record is cut short: the file ends early; the {count} records "
                                  "before it were read")
            return
        offset = start + length
        count += 1
        if not wanted:
            continue
        if len(body) > max_record_bytes:
            yield Failure(source, f"record body is larger than {max_record_bytes} bytes "
                                  "(ReadOptions.max_record_bytes); skipped")
            continue
        yield _page(body, source, record, charset, cleaning)


def _page(body: bytes, source: str, record, charset: str | None, cleaning: bool) -> Document | Failure:  # noqa: ANN001
    try:
        html = decode_html(body, source, header_charset=charset)
    except InputError as exc:
        return Failure(source, exc.problem)
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = iso(record.rec_headers.get_header("WARC-Date"))
    return parse(html, source, cleaning=cleaning, url=url.strip("<>") if url else None,
                 fallback_date=crawled, fallback_method="warc-date", fmt="warc")
