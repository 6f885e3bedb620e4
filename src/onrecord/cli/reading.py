"""Options shared by the commands that read articles (extract, ingest, batch): --metadata and --date."""

from __future__ import annotations

import argparse
from typing import Any

from ..errors import OnrecordError


def add_provenance(parser: argparse.ArgumentParser) -> None:
    """Adds ``--metadata FILE`` and ``--date DATE``."""
    parser.add_argument("--metadata", metavar="FILE",
                        help="CSV, TSV or JSONL giving each article's date, outlet, URL, title, language or wire "
                             "by file name or URL (columns such as filename/url, publication_date/date, "
                             "publisher/outlet, title, language, wire); wins over the article's own dates "
                             "(default: none)")
    parser.add_argument("--date", metavar="DATE",
                        help="publication date (ISO 8601) of every article of this run that --metadata does not "
                             "date (default: none; articles without a date of their own are undated)")


def provenance_options(args: argparse.Namespace) -> dict[str, Any]:
    """``metadata`` and ``date`` for ReadOptions, or an OnrecordError naming the bad value."""
    from ..ingest.dates import iso
    from ..ingest.metadata import load

    date = None
    if args.date is not None:
        date = iso(args.date.strip())
        if not date:
            raise OnrecordError(f"--date {args.date!r}: expected an ISO 8601 date such as 2016-10-09")
    return {"metadata": load(args.metadata) if args.metadata else None, "date": date}
