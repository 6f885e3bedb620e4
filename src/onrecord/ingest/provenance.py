"""Where an article comes from, settled once per Document: its date, title, outlet, wire credit and language.

The publication date is taken, in order, from the metadata the user gave (``--metadata``), the date given for
the whole run (``--date``), the format's own metadata (HTML meta tags, feed entries, JSONL fields), the top of
the text (a date line "Published 2022-10-05", a dateline "KYIV, March 3, 2023 —"), and last a WARC record's
crawl date. Otherwise the article is undated: ``published`` None and ``date_method`` "undated". The day the
article was read is never its date. A dateline without a year ("TEHRAN, July 15 (Xinhua) --") gets a year only
from a crawl date (the latest such day not after it); else it stays undated and ``date_method`` says so.
"""

from __future__ import annotations

import os
from dataclasses import replace

from .document import Document, Failure
from .header import read_header, resolve_partial
from .metadata import Entry, Metadata

UNDATED = "undated"
# date methods of the formats that are no publication date but a copy's date: weaker than the text's own dateline
CRAWL_METHODS = ("warc-date",)


def describe(item: Document | Failure, metadata: Metadata | None = None, run_date: str | None = None
             ) -> Document | Failure:
    """``item`` with its provenance settled (a Failure passes through)."""
    if isinstance(item, Failure):
        return item
    doc = item
    entry = metadata.lookup(doc.source, doc.url) if metadata is not None else None
    entry = entry or Entry()
    header = read_header(doc.text, plain=doc.format == "text")
    published, method = _date(doc, entry, metadata, run_date, header)
    return replace(doc, published=published, date_method=method,
                   title=entry.title or doc.title or header.title,
                   site=entry.outlet or doc.site,
                   url=doc.url or entry.url,
                   author=doc.author or entry.author or header.author,
                   wire=entry.wire or doc.wire or header.wire,
                   language=entry.language or doc.language)


def _date(doc: Document, entry: Entry, metadata: Metadata | None, run_date: str | None, header
          ) -> tuple[str | None, str]:
    if entry.published and metadata is not None:
        return entry.published, f"metadata ({os.path.basename(metadata.path)})"
    if run_date:
        return run_date, "given for the run (--date)"
    crawl = doc.published if doc.date_method in CRAWL_METHODS else None
    if doc.published and not crawl:
        return doc.published, doc.date_method or doc.format
    if header.published:
        return header.published, header.date_method or "dateline"
    if header.partial and crawl:
        resolved = resolve_partial(header.partial, crawl)
        if resolved:
            return resolved, f"dateline '{header.partial_text}', year from the crawl date {crawl[:10]}"
    if crawl:
        return crawl, doc.date_method or "warc-date"   # the day the page was archived: the method says so
    if header.partial:
        return None, f"{UNDATED}: dateline '{header.partial_text}' gives no year"
    return None, UNDATED
