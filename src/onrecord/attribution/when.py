"""The day a statement was made, where the report says it ("said on Monday", "told reporters last Thursday",
"said yesterday", "said on March 3"), resolved against the article's publication date.

Only the words of the attribution's sentence outside what was said are read: in "said the strike happened on
Monday" the Monday is the strike's. Weekdays are resolved by hand, not with dateparser: dateparser reads "Friday"
in an article of a Friday as the Friday a week before, while news copy means that very day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..article import Article, Attribution
from ..ingest.document import Document
from ..ingest.header import resolve_partial

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WHEN = re.compile(
    r"\b(?:(?P<last>last|this past)\s+(?P<lastday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?P<on>(?:on|late|early)\s+)?(?P<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?!['’]s|\s+(?:night|morning|afternoon|evening)['’]s)"
    r"|on\s+(?P<month>jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<date>[12]\d|3[01]|0?[1-9])(?!\d|,?\s+\d{4})"
    r"|(?P<yesterday>yesterday)|(?P<today>today|earlier today))\b", re.IGNORECASE)
# "will meet on Monday", "next Monday": a day still to come is not when something was said
_FUTURE = re.compile(r"\b(?:will|would|to|next|plans?|planned|due|scheduled)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve(match: re.Match[str], published: date) -> str | None:
    """The ISO date a WHEN match names, counted back from the publication day."""
    if match.group("today"):
        return published.isoformat()
    if match.group("yesterday"):
        return (published - timedelta(days=1)).isoformat()
    if match.group("month"):
        month = _MONTHS.index(match.group("month")[:3].lower()) + 1
        return resolve_partial((month, int(match.group("date"))), published.isoformat())
    name = (match.group("day") or match.group("lastday")).lower()
    back = (published.weekday() - WEEKDAYS.index(name)) % 7
    if match.group("last") and back == 0:
        back = 7   # "last Friday" in a Friday paper is the Friday before
    return (published - timedelta(days=back)).isoformat()


def _after_cue(text: str, at: int, attribution: Attribution) -> bool:
    cue = attribution.cue
    return cue is not None and text[cue.end:at].strip() == "" and at > cue.end


def said_on(text: str, attribution: Attribution, published: str | None) -> str | None:
    """The day ``attribution`` was made, if its sentence says so and the article is dated; else None."""
    day = _day(published)
    if day is None:
        return None
    if attribution.sentence is not None:
        start, end = attribution.sentence.start, attribution.sentence.end
    else:
        anchor = attribution.cue or attribution.content
        start, end = max(0, anchor.start - 80), min(len(text), anchor.end + 80)
    inside = attribution.content.parts
    anchor_at = attribution.cue.start if attribution.cue else attribution.content.start
    best: tuple[int, str] | None = None
    for m in WHEN.finditer(text, start, end):
        if any(s <= m.start() < e for s, e in inside):
            continue
        if _FUTURE.search(text[max(start, m.start() - 40):m.start()]):
            continue
        if m.group("day") and not m.group("on") and not _after_cue(text, m.start(), attribution):
            continue   # a bare weekday only right after the cue ("said Monday"): "Fox News Sunday" is a show
        found = resolve(m, day)
        distance = abs(m.start() - anchor_at)
        if found and (best is None or distance < best[0]):
            best = (distance, found)
    return best[1] if best else None


def date_statements(text: str, attributions: tuple[Attribution, ...], published: str | None
                    ) -> tuple[Attribution, ...]:
    """``attributions`` with ``said_on`` filled where the text gives the day."""
    if _day(published) is None:
        return attributions
    return tuple(replace(a, said_on=said_on(text, a, published)) for a in attributions)


def with_provenance(article: Article, document: Document) -> Article:
    """``article`` with where it comes from (``document``'s date, title, outlet, wire) and each statement's own
    day where the text gives it, counted from the publication date."""
    return replace(article, url=document.url, title=document.title, outlet=document.site,
                   published=document.published, date_method=document.date_method, wire=document.wire,
                   language=document.language,
                   attributions=date_statements(document.text, article.attributions, document.published))
