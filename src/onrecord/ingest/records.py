"""Records that are not one article per file: a JSON array (or one object) and a CSV table with a text column.

Each record goes through the JSONL record reader, so the same ``--field`` names apply and a record without text
is a Failure naming ``path#N`` (record N, from 1; for a CSV, N is the row under the header) while the others are
read. A file of another shape is one Failure saying what it holds, never an article made of its raw bytes.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping

from .document import Document, Failure
from .jsonl import _json_type, parse_record

# A line that is only a web address (what a list of links to fetch looks like)
_URL_LINE = re.compile(r"\s*(?:https?|ftp)://\S+\s*", re.I)
URL_LIST = ("looks like a list of URLs; onrecord does not fetch pages: download them first (for example with "
            "wget --warc-file=pages URL...) and ingest the HTML or WARC files")


def is_url_list(text: str) -> bool:
    """True when every non-blank line of ``text`` is one URL (an article quoting a link has other lines too)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(_URL_LINE.fullmatch(line) for line in lines)


def read_json(path: str, text: str, fields: Mapping[str, str], *, cleaning: bool = True,
              sniffed: bool = False) -> Iterator[Document | Failure] | None:
    """The records of a JSON file; None when ``sniffed`` (the format was guessed from a leading ``[`` or ``{``,
    not named by a ``.json`` suffix) and the text is not JSON after all: it is then read as a text article."""
    try:
        value = json.loads(text)
    except ValueError as exc:
        if sniffed:
            return None
        where = f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
        return iter([Failure(path, f"is not valid JSON{where}: {getattr(exc, 'msg', exc)}")])
    return json_records(path, value, fields, cleaning=cleaning)


def json_records(path: str, value: object, fields: Mapping[str, str], *, cleaning: bool = True
              ) -> Iterator[Document | Failure]:
    """The records of a parsed JSON document: an array of objects (each an article, as a JSONL line is) or one
    object."""
    if isinstance(value, dict):
        yield parse_record(value, path, fields, cleaning, fmt="json")
        return
    if not isinstance(value, list):
        yield Failure(path, f"is a JSON {_json_type(value)}, not an array of article objects or one object")
        return
    if not value:
        yield Failure(path, "is an empty JSON array: no article in it")
        return
    for number, item in enumerate(value, 1):
        source = f"{path}#{number}"
        if isinstance(item, dict):
            yield parse_record(item, source, fields, cleaning, fmt="json")
        else:
            yield Failure(source, f"is a JSON {_json_type(item)}, not an object with a {fields['text']!r} field")


def read_csv(path: str, text: str, fields: Mapping[str, str], *, cleaning: bool = True
             ) -> Iterator[Document | Failure]:
    """Every row of a CSV (or TSV) table with a header: the column named like the text field holds the article;
    other columns fill title, url, published, source and author by the same names."""
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
    except csv.Error:
        pass                         # one column, or an unusual file: the default (commas) reads it
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield Failure(path, f"is not a readable CSV table ({exc})")
        return
    if fields["text"] not in header:
        shown = ", ".join(repr(h) for h in header[:8]) or "none"
        yield Failure(path, f"is a CSV table without a {fields['text']!r} column (columns: {shown}); name the "
                            "column holding the article text with --field text=NAME")
        return
    number = 0
    try:
        for number, row in enumerate(reader, 1):
            record = {k: v for k, v in row.items() if isinstance(k, str)}
            yield parse_record(record, f"{path}#{number}", fields, cleaning, fmt="csv")
    except csv.Error as exc:
        yield Failure(f"{path}#{number + 1}", f"is not a readable CSV row ({exc}); the rows before were read")
    if number == 0:
        yield Failure(path, "is a CSV table with a header and no rows: no article in it")
