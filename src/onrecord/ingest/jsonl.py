"""JSON Lines dumps: one Document per line; a bad line is a Failure naming ``path:line`` and reading goes on.

Lines are streamed, never the whole file, so a dump of any size (or a gzip-compressed one) reads in
constant memory; each line is capped at ``max_record_bytes``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Mapping
from typing import IO

from ..errors import InputError
from .clean import NO_TEXT, finish
from .dates import iso
from .document import Document, Failure
from .text import decode

# Logical keys a JSONL record can fill; ReadOptions.fields maps each to the name used in the dump.
FIELD_KEYS: tuple[str, ...] = ("text", "title", "url", "published", "source", "author")

_CHUNK = 1 << 20


def field_value(record: Mapping[str, object], name: str) -> object:
    """``record[name]``, or for a dotted name ("meta.title") the nested value, or None."""
    if name in record:
        return record[name]
    value: object = record
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _json_type(value: object) -> str:
    names = {bool: "boolean", int: "number", float: "number", list: "array", dict: "object", str: "string"}
    return names.get(type(value), "null")


def _string(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(value)  # several authors
    return None


def parse_line(line: str, source: str, fields: Mapping[str, str], cleaning: bool = True) -> Document | Failure:
    """The Document held by one JSONL line (``source`` is ``path:line``), or why there is none."""
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        return Failure(source, f"is not valid JSON: {exc.msg}, column {exc.colno}")
    if not isinstance(record, dict):
        return Failure(source, f"is a JSON {_json_type(record)}, not an object")
    return parse_record(record, source, fields, cleaning)


def parse_record(record: Mapping[str, object], source: str, fields: Mapping[str, str], cleaning: bool = True,
                 fmt: str = "jsonl") -> Document | Failure:
    """The Document held by one record (a JSONL object, or a Parquet row as a dict), or why there is none."""
    text_field = fields["text"]
    if field_value(record, text_field) is None:
        return Failure(source, f"has no {text_field!r} field; name the field holding the article text with "
                               "--field text=NAME")
    text = field_value(record, text_field)
    if not isinstance(text, str):
        return Failure(source, f"field {text_field!r} is a JSON {_json_type(text)}, not a string")
    if not text.strip():
        return Failure(source, f"{NO_TEXT} (field {text_field!r} is empty)")
    published = iso(field_value(record, fields["published"]))
    return finish(source, text, fmt, cleaning=cleaning,
                  url=_string(field_value(record, fields["url"])),
                  title=_string(field_value(record, fields["title"])),
                  author=_string(field_value(record, fields["author"])),
                  site=_string(field_value(record, fields["source"])),
                  published=published, date_method=f"{fmt}:{fields['published']}" if published else None)


def read_jsonl(path: str, stream: IO[bytes], fields: Mapping[str, str], *, cleaning: bool = True,
               max_record_bytes: int = 50_000_000) -> Iterator[Document | Failure]:
    """Every line of ``stream`` (opened from ``path``, decompressed if need be); blank lines are skipped."""
    number = 0
    while True:
        number += 1
        source = f"{path}:{number}"
        try:
            raw = stream.readline(max_record_bytes + 1)
            if len(raw) > max_record_bytes and not raw.endswith(b"\n"):
                yield Failure(source, f"line is longer than {max_record_bytes} bytes (ReadOptions.max_record_bytes); "
                                      "skipped")
                _skip_line(stream)
                continue
        except (OSError, EOFError, zlib.error) as exc:
            # a truncated or corrupt .jsonl.gz: what was read stands, the rest is lost
            yield Failure(source, f"compressed data is truncated or damaged ({exc}); the lines before were read")
            return
        if not raw:
            return
        if not raw.strip():
            continue
        try:
            line = decode(raw, source)
        except InputError as exc:
            yield Failure(source, exc.problem)
            continue
        yield parse_line(line, source, fields, cleaning)


def _skip_line(stream: IO[bytes]) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return
