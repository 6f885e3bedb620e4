"""Quote-mark pairing over raw text: curly, straight and guillemet quotes, split and multi-paragraph quotes.

Pure text, no parser: it works on any input, never raises, and keeps offsets exact. Straight quotes are
classified as opening or closing from their neighbours; a paragraph that opens a quote without closing it
continues into the next paragraph when that one opens with a quote mark (the newspaper convention);
otherwise the quote ends at the paragraph end (best effort, flagged ``closed=False``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“„«‟"
CLOSERS = "”»"
STRAIGHT = '"'
ALL_MARKS = OPENERS + CLOSERS + STRAIGHT
# UK style uses single quotes; they are only considered when a text has no double quote marks at all,
# because apostrophes ("Iran's", "players'") make single marks ambiguous.
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"

_PARAGRAPH = re.compile(r"[^\n]+")
_OPEN_CONTEXT = set(" \t\n([{—–-/:") | {"\u00a0"}
_TRIM = " \t\n\u00a0"


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted piece inside one paragraph. ``start``/``end`` are the inner text (marks excluded)."""

    open_mark: int          # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when the paragraph ended first
    start: int
    end: int
    paragraph: int          # index of the paragraph holding it

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    @property
    def outer_end(self) -> int:
        return self.close_mark + 1 if self.close_mark is not None else self.end


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """Quotes that form one quotation: a multi-paragraph quote, or one piece."""

    pieces: tuple[Quote, ...]

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    @property
    def open_mark(self) -> int:
        return self.pieces[0].open_mark

    @property
    def outer_end(self) -> int:
        return self.pieces[-1].outer_end

    @property
    def closed(self) -> bool:
        return self.pieces[-1].closed


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; news paragraphs are lines once blank lines are dropped."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _role(text: str, i: int, marks_open: str, marks_close: str, straight: str) -> str:
    """'open', 'close' or 'either' for the quote mark at ``text[i]``."""
    ch = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in marks_open:
        # and the opening mark for both ends: '“It is late,“ she said' (a mark after a comma or full stop and
        # before a space closes)
        if before in ",.?!" and (after.isspace() or after in ",;:"):
            return "close"
        return "open"
    if ch in marks_close:
        # scraped copy sometimes uses the closing mark for both ends
        if (before in _OPEN_CONTEXT) and not after.isspace() and after not in ",.;:!?":
            return "open"
        return "close"
    # straight (or apostrophe-like single) mark: decide from the neighbours
    opens = before in _OPEN_CONTEXT or before in ALL_MARKS
    closes = after.isspace() or after in ",.;:!?)]}—–-" or after in ALL_MARKS or after == "\n"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


# Some newspapers' archives (and LaTeX-style copy) write double quotes as two apostrophes or backticks.
DOUBLED = re.compile(r"''|``")


# Scraped copy keeps some markup: the quote marks around a tag's attribute values ('<post author="ann"
# id="12">') quote nobody.
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>\n]*)?/?>")


def _in_tags(text: str, pstart: int, pend: int) -> set[int]:
    return {i for m in _TAG.finditer(text, pstart, pend) for i in range(m.start(), m.end())}


def _paragraph_quotes(text: str, pstart: int, pend: int, index: int, single: bool) -> list[Quote]:
    if DOUBLED.search(text, pstart, pend):
        return _doubled_quotes(text, pstart, pend, index)
    opens, closes = (SINGLE_OPEN, SINGLE_CLOSE) if single else (OPENERS, CLOSERS)
    marks = opens + closes + ("'" if single else STRAIGHT)
    quotes: list[Quote] = []
    open_at: int | None = None
    markup = _in_tags(text, pstart, pend) if "<" in text[pstart:pend] else set()
    for i in range(pstart, pend):
        if text[i] not in marks or i in markup:
            continue
        if single and text[i] in "'’":
            # an apostrophe inside a word (Iran's, don't) is never a quote mark
            if i > 0 and text[i - 1].isalnum() and i + 1 < len(text) and text[i + 1].isalnum():
                continue
        role = _role(text, i, opens, closes, "'" if single else STRAIGHT)
        if role == "either":
            role = "close" if open_at is not None else "open"
        if role == "open":
            if open_at is not None:
                # a second opening mark before any closing one: the first quote was left unclosed
                s, e = _trim(text, open_at + 1, i)
                if e > s:
                    quotes.append(Quote(open_at, None, s, e, index))
            open_at = i
        elif open_at is not None:
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                quotes.append(Quote(open_at, i, s, e, index))
            open_at = None
        # a closing mark with nothing open is a stray mark: ignored
    if open_at is not None:
        s, e = _trim(text, open_at + 1, pend)
        if e > s:
            quotes.append(Quote(open_at, None, s, e, index))
    return quotes


def _doubled_quotes(text: str, pstart: int, pend: int, index: int) -> list[Quote]:
    """Pairing when marks may be two characters long ('' or ``), mixed with ordinary double marks."""
    marks = [(m.start(), m.end()) for m in re.finditer(r"''|``|[\"“”„«»‟]", text[pstart:pend])]
    quotes: list[Quote] = []
    open_at: tuple[int, int] | None = None
    for s, e in marks:
        s, e = s + pstart, e + pstart
        before = text[s - 1] if s > 0 else "\n"
        after = text[e] if e < len(text) else "\n"
        opens = text[s] in "`“„«‟" or (before in _OPEN_CONTEXT and not after.isspace())
        closes = text[s] in "”»" or (not before.isspace() and (after.isspace() or after in ",.;:!?)"))
        role = "open" if opens and not closes else "close" if closes and not opens else (
            "close" if open_at is not None else "open")
        if role == "open":
            if open_at is not None:
                a, b = _trim(text, open_at[1], s)
                if b > a:
                    quotes.append(Quote(open_at[0], None, a, b, index))
            open_at = (s, e)
        elif open_at is not None:
            a, b = _trim(text, open_at[1], s)
            if b > a:
                quotes.append(Quote(open_at[0], e - 1, a, b, index))
            open_at = None
    if open_at is not None:
        a, b = _trim(text, open_at[1], pend)
        if b > a:
            quotes.append(Quote(open_at[0], None, a, b, index))
    return quotes


def find_quotes(text: str) -> list[QuoteGroup]:
    """Every quotation in ``text``, in order, with multi-paragraph quotes grouped."""
    single = not any(ch in text for ch in ALL_MARKS) and not DOUBLED.search(text)
    paras = paragraphs(text)
    groups: list[list[Quote]] = []
    for index, (pstart, pend) in enumerate(paras):
        quotes = _paragraph_quotes(text, pstart, pend, index, single)
        for q in quotes:
            previous = groups[-1][-1] if groups else None
            continues = (
                previous is not None
                and not previous.closed
                and previous.paragraph == index - 1
                and q.open_mark == _first_char(text, pstart, pend)
            )
            if continues:
                groups[-1].append(q)
            else:
                groups.append([q])
    return [QuoteGroup(tuple(g)) for g in groups]


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start] in _TRIM:
        start += 1
    return start

