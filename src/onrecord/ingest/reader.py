"""Reading inputs as they arrive: paths, directories or stdin, each format found and read into Documents.

``read`` never raises for a bad input: whatever cannot be read becomes a Failure and reading goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import IO

from ..errors import InputError
from .clean import finish
from .document import Document, Failure
from .feeds import read_feed
from .html import decode_html, parse
from .jsonl import FIELD_KEYS, read_jsonl
from .metadata import Metadata
from .provenance import describe
from .records import URL_LIST, is_url_list, read_csv, read_json
from .text import SNIFF_BYTES, decode
from .warc import read_warc

STDIN = "<stdin>"
# The reason given when a format reader raised something no rule foresaw (benchmarks/fuzz.py counts it as a crash)
UNEXPECTED = "could not be read: unexpected error"
GZIP_MAGIC = b"\x1f\x8b"

# Longest suffixes first: ".warc.gz" must win over ".gz".
SUFFIX_FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".jsonl.gz", "jsonl"), (".ndjson.gz", "jsonl"), (".warc", "warc"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".txt", "text"), (".text", "text"), (".md", "text"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".xml", "feed"), (".rss", "feed"),
    (".atom", "feed"), (".rdf", "feed"), (".json", "json"), (".csv", "csv"), (".tsv", "csv"),
)


def _identity_fields() -> Mapping[str, str]:
    return MappingProxyType({key: key for key in FIELD_KEYS})


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read: JSONL field names, whether to clean, and the cap on one record's size in bytes.

    ``fields`` maps the logical keys ("text", "title", "url", "published", "source", "author") to the
    names a JSONL dump uses (dotted names reach into nested objects); keys left out keep their own name.
    The JSONL "source" field is the outlet, and fills ``Document.site``. ``metadata`` (``--metadata``) gives
    dates, outlets and titles by file name or URL; ``date`` (ISO 8601, ``--date``) dates every article of a run
    that the metadata does not (see ingest.provenance for the order).
    """

    fields: Mapping[str, str] = field(default_factory=_identity_fields)
    clean: bool = True
    max_record_bytes: int = 50_000_000
    metadata: Metadata | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.fields) - set(FIELD_KEYS))
        if unknown:
            raise ValueError(f"unknown JSONL field keys {unknown}; the keys are {list(FIELD_KEYS)}")
        if self.max_record_bytes <= 0:
            raise ValueError("max_record_bytes must be positive")
        object.__setattr__(self, "fields", MappingProxyType({**_identity_fields(), **self.fields}))


def read(paths: Iterable[str], options: ReadOptions = ReadOptions()) -> Iterator[Document | Failure]:
    """Documents (and Failures) from every path in order; a directory is read recursively, sorted."""
    for path in map(os.fspath, paths):
        if path == "-":
            yield from _stdin(options)
        elif os.path.isdir(path):
            files = _walk(path)
            if not files:
                yield Failure(display_name(path), "is a folder with no files in it")
            for file in files:
                yield from read_file(file, options)
        elif not os.path.lexists(path):
            yield Failure(display_name(path), "no such file or directory")
        else:
            yield from read_file(path, options)


def display_name(path: str) -> str:
    """``path`` as printable, storable text: bytes of a file name that are not UTF-8 (which Python keeps as lone
    surrogates, and SQLite and a UTF-8 terminal refuse) are written as ``\\xff``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _walk(directory: str) -> list[str]:
    """Files under ``directory`` in path order, hidden files and folders left out, symlinked folders not followed."""
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(os.path.join(root, name) for name in files if not name.startswith("."))
    # sorted by path components, so "b/2.md" comes between "a.txt" and "c.html", as text.expand does
    return sorted(found, key=lambda f: Path(f).parts)


def _stdin(options: ReadOptions) -> Iterator[Document | Failure]:
    data = sys.stdin.buffer.read(options.max_record_bytes + 1)
    if len(data) > options.max_record_bytes:
        yield Failure(STDIN, _too_large(options))
        return
    # sniffed as a file without a suffix is: JSONL piped in is read line by line, not stored as one text
    yield from read_stream(STDIN, io.BytesIO(data), options)


def format_of(path: str, head: bytes) -> str:
    """The format of a file: by its suffix, else by its first bytes (``head``), else "text"."""
    name = path.lower()
    for suffix, fmt in SUFFIX_FORMATS:
        if name.endswith(suffix):
            return fmt
    return sniff(head)


def sniff(head: bytes) -> str:
    """The format the first bytes of a file suggest; "gzip" for compressed data that is not a WARC."""
    if head.startswith(GZIP_MAGIC):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return "gzip"
        return "warc" if inner.startswith(b"WARC/1.") else "gzip"
    if head.startswith(b"WARC/1."):
        return "warc"
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    lower = start[:2048].lower()
    if lower.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf", b"<!--")):
        if any(tag in lower for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
    if lower.startswith((b"<!doctype html", b"<html")) or (
            lower.startswith(b"<") and any(tag in lower for tag in (b"<html", b"<head", b"<body"))):
        return "html"
    if start.startswith(b"{") and _looks_like_jsonl(start):
        return "jsonl"
    if start.startswith((b"[", b"{")):
        return "json?"        # a JSON array or a pretty-printed object, if it parses; else text
    return "text"


def _looks_like_jsonl(start: bytes) -> bool:
    line, newline, _ = start.partition(b"\n")
    if not newline and len(start) >= SNIFF_BYTES - 16:
        return True  # a first line longer than the sniffed bytes: only its opening brace can tell
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def read_file(path: str, options: ReadOptions = ReadOptions()) -> Iterator[Document | Failure]:
    """Documents (and Failures) from one file, of whichever format it is."""
    name = display_name(path)
    try:
        with open(path, "rb") as stream:
            yield from read_stream(name, stream, options)
    except IsADirectoryError:
        yield Failure(name, "is a directory")
    except OSError as exc:
        yield Failure(name, f"cannot be read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - the boundary of one file: a parser's surprise costs this file only
        problem = " ".join(str(exc).split())
        yield Failure(name, f"{UNEXPECTED} ({type(exc).__name__}: {problem}); the rest of the file is not read")


def read_stream(path: str, stream: IO[bytes], options: ReadOptions = ReadOptions()) -> Iterator[Document | Failure]:
    """Documents (and Failures) from one seekable binary stream named ``path`` (a file, or bytes Spark handed over),
    each with its date, title and outlet settled (ingest.provenance)."""
    for item in _read_format(path, stream, options):
        yield describe(item, options.metadata, options.date)


def _read_format(path: str, stream: IO[bytes], options: ReadOptions) -> Iterator[Document | Failure]:
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    fmt = format_of(path, head)
    if fmt == "warc":
        yield from read_warc(path, stream, cleaning=options.clean,
                             max_record_bytes=options.max_record_bytes)
    elif fmt == "jsonl":
        yield from _jsonl(path, stream, head, options)
    elif fmt == "gzip":
        yield Failure(path, "is gzip-compressed but not a WARC; decompress it, or name a compressed "
                            "JSONL dump .jsonl.gz")
    else:
        data = stream.read(options.max_record_bytes + 1)
        if len(data) > options.max_record_bytes:
            yield Failure(path, _too_large(options))
        elif fmt == "feed":
            yield from read_feed(path, data, cleaning=options.clean)
        elif fmt == "html":
            yield _html(data, path, options)
        elif fmt in ("json", "json?", "csv"):
            yield from _records(data, path, fmt, options)
        else:
            yield _text(data, path, options)


def _jsonl(path: str, stream: IO[bytes], head: bytes, options: ReadOptions) -> Iterator[Document | Failure]:
    # gzip.GzipFile streams; per-line caps in read_jsonl stop a decompression bomb
    source: IO[bytes] = gzip.GzipFile(fileobj=stream, mode="rb") if head.startswith(GZIP_MAGIC) else stream
    yield from read_jsonl(path, source, options.fields, cleaning=options.clean,
                          max_record_bytes=options.max_record_bytes)


def _html(data: bytes, path: str, options: ReadOptions) -> Document | Failure:
    try:
        html = decode_html(data, path)
    except InputError as exc:
        return Failure(path, exc.problem)
    return parse(html, path, cleaning=options.clean)


def _records(data: bytes, path: str, fmt: str, options: ReadOptions) -> Iterator[Document | Failure]:
    try:
        text = decode(data, path)
    except InputError as exc:
        yield Failure(path, exc.problem)
        return
    if fmt == "csv":
        yield from read_csv(path, text, options.fields, cleaning=options.clean)
        return
    records = read_json(path, text, options.fields, cleaning=options.clean, sniffed=fmt == "json?")
    if records is None:
        yield _text(data, path, options)
    else:
        yield from records


def _text(data: bytes, path: str, options: ReadOptions) -> Document | Failure:
    try:
        text = decode(data, path)
    except InputError as exc:
        return Failure(path, exc.problem)
    if is_url_list(text):
        return Failure(path, URL_LIST)
    return finish(path, text, "text", cleaning=options.clean)


def _too_large(options: ReadOptions) -> str:
    return f"is larger than {options.max_record_bytes} bytes; raise ReadOptions.max_record_bytes to read it"
