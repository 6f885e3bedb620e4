"""Publication dates as found in the wild (ISO 8601, RFC 822, epoch seconds) turned into ISO 8601 strings."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

# "2024-03-14" alone is a date, not midnight: keep it a date so no time or zone is invented.
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Epoch values above this are milliseconds (1e11 seconds is the year 5138).
_MILLIS = 1e11


def iso(value: object) -> str | None:
    """``value`` as an ISO 8601 date ("2024-03-14") or datetime ("2024-03-14T09:30:00+00:00"), else None.

    Accepts ISO 8601 strings (a trailing "Z" too), RFC 822 dates as feeds write them, epoch seconds or
    milliseconds (read as UTC), and date/datetime objects. Anything else is None rather than a guess.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        try:
            # inside the try: a JSON integer of 400 digits overflows already in the division
            seconds = value / 1000 if abs(value) > _MILLIS else value
            return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _DATE_ONLY.fullmatch(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace(" ", "T", 1) if _DATE_ONLY.match(text) else text).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        # OverflowError: a year of twenty digits ("Mon, 01 Jan 99999999999999999999 00:00:00 GMT"; found by the fuzzer)
        return None
