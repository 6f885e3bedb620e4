"""The act's day from its date words and the article's date, and how it was found."""

from __future__ import annotations

import pytest

from onrecord.article import Event, Span


def _event(date_text: str | None) -> Event:
    text = f"x {date_text}" if date_text else "x"
    date = Span.of(text, 2, len(text)) if date_text else None
    trigger = Span.of(text, 0, 1)
    return Event("e1", "sanction", "impose", "SANCTION", "163", trigger, None, (), "done", trigger, date=date)


@pytest.mark.parametrize(("words", "article_day", "expected"), [
    ("Tuesday", "2025-04-16", ("2025-04-15", "relative")),       # the last Tuesday on or before the article
    ("Wednesday", "2025-04-16", ("2025-04-16", "relative")),
    ("March 3", "2025-03-04", ("2025-03-03", "relative")),
    ("March 3, 2024", "2025-03-04", ("2024-03-03", "stated")),
    (None, "2025-03-04", ("2025-03-04", "article")),
    (None, None, (None, "unknown")),
    ("Tuesday", None, (None, "unknown")),
])
def test_dates_resolve_reads_the_day_against_the_article(words, article_day, expected):
    from onrecord.events.dates import resolve
    assert resolve(_event(words), article_day) == expected
