"""What the user knows about each input (``--metadata FILE``): publication date, outlet, URL, title, language, wire.

A metadata file is CSV, TSV or JSON Lines, one row per article, keyed by file name (with or without its suffix,
or the path as given) or by URL. Column names are matched loosely so that a corpus's own file loads as it is
(PolNeAR's ``metadata.tsv`` has ``filename``, ``publisher``, ``publication_date``, ``title``, ``wire``).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..errors import InputError
from .dates import iso

# The columns each field is read from, first found wins (compared case-insensitively, "-" and " " as "_").
COLUMNS: dict[str, tuple[str, ...]] = {
    "file": ("filename", "file", "file_name", "path", "name", "source_file", "id"),
    "url": ("url", "link", "uri", "canonical_url"),
    "published": ("published", "publication_date", "date", "pubdate", "date_published", "datepublished",
                  "published_at", "publish_date"),
    "outlet": ("outlet", "publisher", "site", "sitename", "site_name", "source", "medium", "newspaper"),
    "title": ("title", "headline"),
    "language": ("language", "lang"),
    "author": ("author", "authors", "byline"),
    "wire": ("wire", "agency", "wire_service"),
}
# Cells that mean "no value" in spreadsheets and pandas dumps
_EMPTY = {"", "none", "null", "nan", "n/a", "na", "-"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One article's metadata as the user gave it; ``published`` is ISO 8601 or None."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None
    author: str | None = None
    wire: str | None = None


@dataclass(frozen=True, slots=True)
class Metadata:
    """Entries by key (file name, file stem, path or URL); ``path`` is the file they were read from."""

    path: str
    entries: Mapping[str, Entry] = field(default_factory=dict)

    def lookup(self, source: str, url: str | None = None) -> Entry | None:
        """The entry for a document read from ``source`` (a path, maybe with a ``:line``/``#n``/``@offset``
        locator of a container) or published at ``url``; None when the file names neither."""
        for key in _keys(source, url):
            entry = self.entries.get(key)
            if entry is not None:
                return entry
        return None

    def __reduce__(self):  # a MappingProxyType does not pickle; worker processes and Spark need the options
        return (Metadata, (self.path, dict(self.entries)))


def _keys(source: str, url: str | None) -> Iterable[str]:
    if url:
        yield url.strip()
    yield source
    name = os.path.basename(source)
    yield name
    stem, dot, _suffix = name.partition(".")
    if dot:
        yield stem                      # "breitbart_2016-09-30_the-latest.txt" -> "breitbart_2016-09-30_the-latest"
        yield name.rsplit(".", 1)[0]    # "a.b.txt" -> "a.b"


def _norm(column: str) -> str:
    return column.strip().lower().replace("-", "_").replace(" ", "_")


def _value(row: Mapping[str, object], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in row:
            value = row[name]
            if value is None:
                continue
            text = " ".join(str(value).split())
            if text.lower() not in _EMPTY:
                return text
    return None


def entry_of(row: Mapping[str, object], where: str) -> tuple[list[str], Entry]:
    """(keys, entry) of one row whose column names are already normalised; InputError for an unreadable date."""
    raw_date = _value(row, COLUMNS["published"])
    published = iso(raw_date) if raw_date else None
    if raw_date and not published:
        raise InputError(where, f"date {raw_date!r} is not an ISO 8601 or RFC 822 date")
    entry = Entry(published, _value(row, COLUMNS["outlet"]), _value(row, COLUMNS["url"]),
                  _value(row, COLUMNS["title"]), _value(row, COLUMNS["language"]), _value(row, COLUMNS["author"]),
                  _value(row, COLUMNS["wire"]))
    keys = [k for k in (_value(row, COLUMNS["file"]), entry.url) if k]
    return keys, entry


def parse(text: str, path: str) -> Metadata:
    """The Metadata held in ``text`` (the content of ``path``: CSV, TSV or JSONL, told apart by its first line)."""
    rows = _jsonl_rows(text, path) if text.lstrip().startswith("{") else _table_rows(text, path)
    entries: dict[str, Entry] = {}
    for line, row in rows:
        keys, entry = entry_of({_norm(k): v for k, v in row.items() if isinstance(k, str)}, f"{path}:{line}")
        if not keys:
            raise InputError(path, f"row has no file name or URL column (one of {', '.join(COLUMNS['file'])}, "
                                   f"{', '.join(COLUMNS['url'])})", line)
        for key in keys:
            entries[key] = entry
    if not entries:
        raise InputError(path, "holds no metadata rows")
    return Metadata(path, MappingProxyType(entries))


def _table_rows(text: str, path: str) -> Iterable[tuple[int, Mapping[str, object]]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    columns = {_norm(c) for c in reader.fieldnames or ()}
    if not columns & set(COLUMNS["file"] + COLUMNS["url"]):
        raise InputError(path, f"has no file name or URL column in its header ({first[:80]!r}); name one "
                               f"{COLUMNS['file'][0]!r} or 'url'")
    for row in reader:
        yield reader.line_num, row


def _jsonl_rows(text: str, path: str) -> Iterable[tuple[int, Mapping[str, object]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"is not valid JSON: {exc.msg}", number) from None
        if not isinstance(row, dict):
            raise InputError(path, "is not a JSON object", number)
        yield number, row


def load(path: str) -> Metadata:
    """The metadata file at ``path``, or a one-line InputError naming what is wrong with it."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            text = stream.read()
    except FileNotFoundError:
        raise InputError(path, "no such metadata file") from None
    except UnicodeDecodeError:
        raise InputError(path, "is not valid UTF-8; convert the metadata file to UTF-8") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    return parse(text, path)
