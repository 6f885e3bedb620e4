"""RSS, Atom and RDF feeds: one Document per entry, parsed by feedparser from bytes already read.

feedparser is handed a byte stream, never a string: given a string it would fetch anything that looks
like a URL and open anything that names a file. Its XML parser leaves external entities unresolved.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import feedparser

from .clean import NO_TEXT, finish
from .dates import iso
from .document import Document, Failure
from .html import fragment_text, web_url

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_EMAIL_NAME = re.compile(r"[^\s@()]+@[^\s@()]+\s*\((.+)\)")


def _text(detail: object, value: str | None) -> str:
    """The text of a feed text construct: HTML stripped, plain text as it is."""
    if not value:
        return ""
    kind = (detail.get("type") if isinstance(detail, dict) else None) or "text/html"
    return fragment_text(value) if kind in _HTML_TYPES else value


def _body(entry: feedparser.FeedParserDict) -> str:
    """The entry's full content if it has any, else its summary."""
    for content in entry.get("content") or ():
        text = _text(content, content.get("value"))
        if text.strip():
            return text
    return _text(entry.get("summary_detail"), entry.get("summary"))


def _date(entry: feedparser.FeedParserDict) -> tuple[str | None, str | None]:
    for key in ("published", "updated", "created"):
        # the string as written keeps its zone; feedparser's *_parsed form is in UTC only
        date = iso(entry.get(key))
        if not date and entry.get(f"{key}_parsed"):
            date = datetime(*entry[f"{key}_parsed"][:6], tzinfo=UTC).isoformat()
        if date:
            return date, f"feed:{key}"
    return None, None


def _author(value: str | None) -> str | None:
    """The name in an RSS ``<author>`` written "email (Name)" (feedparser's own split mangles it)."""
    if not value:
        return None
    found = _EMAIL_NAME.fullmatch(value.strip())
    return found.group(1) if found else value


def read_feed(path: str, data: bytes, *, cleaning: bool = True) -> Iterator[Document | Failure]:
    """The entries of the feed in ``data`` (read from ``path``); ``path#n`` names entry n, from 1."""
    try:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    except (UnicodeError, LookupError, ValueError) as exc:
        # feedparser decodes the XML declaration itself: a non-UTF-8 byte or an unknown codec in
        # encoding="…" raises from inside it (found by benchmarks/fuzz.py)
        yield Failure(path, f"is not a readable feed ({type(exc).__name__}: {' '.join(str(exc).split())})")
        return
    if not parsed.entries:
        if parsed.get("bozo"):
            problem = " ".join(str(parsed.get("bozo_exception") or "unreadable").split())
            yield Failure(path, f"is not a readable feed ({problem})")
        else:
            yield Failure(path, "is a feed with no entries")
        return
    site = _text(parsed.feed.get("title_detail"), parsed.feed.get("title")) or None
    for number, entry in enumerate(parsed.entries, start=1):
        source = f"{path}#{number}"
        text = _body(entry)
        if not text.strip():
            yield Failure(source, f"{NO_TEXT} (the entry has neither content nor summary)")
            continue
        published, method = _date(entry)
        title = _text(entry.get("title_detail"), entry.get("title")) or None
        author = _author(entry.get("author"))
        yield finish(source, text, "feed", cleaning=cleaning, url=web_url(entry.get("link"), None),
                     title=title, author=author, site=site,
                     published=published, date_method=method)
