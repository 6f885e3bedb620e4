"""The top of an article's text: its headline, a dateline ("TEHRAN, July 15 (Xinhua) --"), a date line
("Published 2022-10-05"), a byline ("By Jane Doe") and the wire credit the dateline carries.

Pure functions over the text; nothing is removed from it (offsets stay as they are). A dateline without a year
gives a month and day only: no year is invented for it (``Header.partial``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import dateparser

# How far into the text a header is looked for: headline, byline, date line and the dateline of the first
# paragraph fit in it; a dateline further down is a quoted dispatch, not this article's.
HEAD_CHARS = 1200
HEAD_LINES = 6
# A headline is one short line: longer first lines are a lede paragraph (PolNeAR's longest title has 19 words)
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 220

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# "July 15", "15 July", "Oct. 21, 2022", "21 October 2022"
_MONTH_DAY = rf"(?:{_MONTH}\s+{_DAY}|{_DAY}\s+{_MONTH})(?:,?\s+(?P<year>(?:19|20)\d\d))?"
# An upper-case place ("TEHRAN", "UNITED NATIONS", "NEW DELHI", "PORT-AU-PRINCE"), then perhaps a state or
# country as written in US datelines ("SAN JOSE, Calif.")
_PLACE = r"[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]+){0,3}(?:,\s+[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+\.?)?)?"
# "(Reuters)", "(AFP)", "(Xinhua)", "(AA)", "(dpa)" in brackets; "/TASS/" between slashes
_CREDIT = r"(?:\((?P<credit>[A-Za-z][A-Za-z.&'\- ]{0,28}[A-Za-z.])\)|/(?P<slashed>[A-Z][A-Za-z\-]{1,15})/)"
_END = r"\s*(?:--|[-–—:]|\.(?=\s))"
DATELINE = re.compile(
    rf"(?P<place>{_PLACE})?(?:,\s*|\s+)?(?P<date>{_MONTH_DAY})?\.?\s*(?:{_CREDIT})?\.?{_END}")
# "Published 2022-10-05", "Posted: Oct 5, 2022 10:02 GMT", "Last updated on 5 October 2022"
DATE_LINE = re.compile(r"(?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated|date)\s*(?:on\b|at\b|:)?\s*"
                       r"(?P<value>\S.{3,60}?)\s*$", re.IGNORECASE)
BYLINE = re.compile(r"By\s+(?P<name>[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|and|de|van|von|al|el|bin))"
                    r"{0,6})\s*(?:[,|]\s*[\w .'’]*)?$")
_HAS_DATE_WORD = re.compile(rf"\b(?:{_MONTH}|\d{{4}}-\d\d-\d\d)|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b")
_SENTENCE_INSIDE = re.compile(r"[a-z]{2,}[.!?]\s+[A-Z]")
_PARSE = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False,
          "PREFER_DAY_OF_MONTH": "first"}


@dataclass(frozen=True, slots=True)
class Header:
    """What the top of a text says about the article. Offsets are into the text; ``partial`` is a dateline's
    (month, day) when it names no year, ``dateline`` the span of the dateline itself (never a speaker)."""

    title: str | None = None
    published: str | None = None
    date_method: str | None = None
    partial: tuple[int, int] | None = None
    partial_text: str | None = None
    wire: str | None = None
    author: str | None = None
    dateline: tuple[int, int] | None = None


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, stripped line) of the first non-empty lines of the text."""
    out: list[tuple[int, str]] = []
    pos = 0
    head = text[:HEAD_CHARS]
    for raw in head.split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append((pos + raw.index(stripped[0]), stripped))
            if len(out) >= HEAD_LINES:
                break
        pos += len(raw) + 1
    return out


def parse_date(value: str) -> str | None:
    """``value`` (a date as written: "October 5, 2022", "2022-10-05", "5 Oct 2022 14:02") as an ISO date, or None.
    A value without a month name or numeric date is refused before dateparser sees it: "3 days ago" is not a
    publication date."""
    if not _HAS_DATE_WORD.search(value):
        return None
    try:
        found = dateparser.parse(value, languages=["en"], settings=_PARSE)
    except (ValueError, OverflowError):
        return None
    return found.date().isoformat() if found else None


def dateline_at(line: str) -> re.Match[str] | None:
    """The dateline opening ``line``, if it has one: a place in capitals, a date or a credit, then a dash,
    colon or full stop; a place alone needs a dash or colon ("UNITED NATIONS:", "KYIV —")."""
    m = DATELINE.match(line)
    if not m or m.end() == 0:
        return None
    place, when, credit = m.group("place"), m.group("date"), m.group("credit") or m.group("slashed")
    if not (place or when or credit):
        return None
    if place and not (when or credit):
        if not re.search(r"[A-Z]{2}", place) or m.group(0).rstrip().endswith("."):
            return None   # "I." or "US." opening a sentence: a full stop after a bare word is no dateline
        if len(place.replace(" ", "")) < 3 and not m.group(0).rstrip().endswith(":"):
            return None
    if when and not (place or credit):
        return None if m.group(0).rstrip().endswith(":") else m  # "July 15: the day …" is a sentence
    if credit and not credit[0].isupper():
        return None
    return m


def _month_day(text: str) -> tuple[int, int] | None:
    found = dateparser.parse(text, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                                               "REQUIRE_PARTS": ["day", "month"]})
    return (found.month, found.day) if found else None


def read_header(text: str, plain: bool = True) -> Header:
    """What the top of ``text`` tells: ``plain`` texts (no markup, no fields) may also give the headline."""
    lines = _lines(text)
    title = author = wire = published = method = partial_text = None
    partial: tuple[int, int] | None = None
    dateline: tuple[int, int] | None = None
    for index, (offset, line) in enumerate(lines):
        byline = BYLINE.match(line)
        if byline and len(line) <= 80:
            author = author or byline.group("name")
            continue
        date_line = DATE_LINE.fullmatch(line)
        if date_line and len(line) <= 80 and not published:
            found = parse_date(date_line.group("value"))
            if found:
                label = " ".join(date_line.group("label").lower().split())
                published, method = found, f"date line ({label})"
                continue
        if len(line) <= 60 and not published and _HAS_DATE_WORD.search(line) and parse_date(line):
            published, method = parse_date(line), "date line"
            continue
        m = dateline_at(line)
        if m and dateline is None:
            dateline = (offset, offset + len(m.group(0).rstrip(" -–—:")))
            wire = m.group("credit") or m.group("slashed")
            if m.group("date") and not published:
                if m.group("year"):
                    published, method = parse_date(m.group("date")), "dateline"
                else:
                    partial, partial_text = _month_day(m.group("date")), m.group("date").strip()
            break  # the dateline opens the body: the header is over
        if index == 0 and plain and _reads_as_headline(line, text):
            title = line.rstrip()
            continue
        if index > 0 and len(line) > TITLE_MAX_CHARS:
            break  # the body has begun
    return Header(title, published, method if published else None, partial, partial_text, wire, author, dateline)


def _reads_as_headline(line: str, text: str) -> bool:
    """A first line that is short, one sentence at most, does not open with a quote and stands alone: a
    paragraph of its own, or a line without a full stop (a lede's first line ends with one)."""
    if len(line) > TITLE_MAX_CHARS or len(line.split()) > TITLE_MAX_WORDS:
        return False
    after = text[text.find(line) + len(line):]
    if not after.strip():
        return False
    if line.endswith(".") and not re.match(r"[ \t]*\n[ \t]*\n", after):
        return False
    if line[0] in "\"'“‘«-–—*•" or line.endswith((":", ",", ";")):
        return False
    return not _SENTENCE_INSIDE.search(line.rstrip(".!?"))


def resolve_partial(partial: tuple[int, int], reference: str) -> str | None:
    """The latest (month, day) on or before ``reference`` (an ISO date, e.g. a crawl date) and within a year of it:
    a dateline is written on the day, so it cannot be later than a copy of the page."""
    try:
        ref = date.fromisoformat(reference[:10])
    except ValueError:
        return None
    for year in (ref.year, ref.year - 1):
        try:
            candidate = date(year, *partial)
        except ValueError:
            continue   # 29 February
        if candidate <= ref:
            return candidate.isoformat()
    return None


def datelines(text: str) -> list[tuple[int, int]]:
    """Spans of the datelines and bylines opening paragraphs anywhere in ``text`` (a digest holds several):
    words that say where a dispatch was filed or who wrote it, never who said something."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.lstrip()
        start = pos + len(raw) - len(stripped)
        if stripped:
            m = dateline_at(stripped)
            if m and (m.group("place") or m.group("credit") or m.group("slashed")):
                spans.append((start, start + len(m.group(0))))
            else:
                byline = BYLINE.match(stripped)
                if byline and len(stripped) <= 80:
                    spans.append((start, start + len(stripped)))
        pos += len(raw) + 1
    return spans
