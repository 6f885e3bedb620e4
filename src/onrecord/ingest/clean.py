"""Cleaning article text: removing boilerplate lines and repeated paragraphs, and nothing else.

Cleaning only ever removes whole lines; it never re-wraps, re-quotes or trims what it keeps, and every
removed piece is recorded as a Removal, so ``Document.raw_text()`` rebuilds the input exactly. Line
endings are normalised first (``\\r\\n`` -> ``\\n``); offsets, including ``Removal.at``, count in that
normalised text.

A paragraph is a run of non-blank lines between blank lines. A text with no blank line between two
non-blank lines (trafilatura's output, most JSONL dumps) puts one paragraph on each line, so there each
line is a paragraph.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from .document import Document, Failure, Removal
from .text import NO_TEXT, scrub, too_long

# A repeated paragraph shorter than this is kept: short lines ("Photo: AP", "* * *", a one-word answer
# in an interview) legitimately recur, while scraped duplicates are whole paragraphs of prose.
MIN_REPEAT_CHARS = 25

# Any of these in a line means it may carry a quotation, which is what onrecord is for: never remove it
# as boilerplate. The right single quote is left out because it is the typographic apostrophe.
QUOTE_MARKS = frozenset('"“”„‟«»‹›「」『』‘')


@cache
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The patterns of ``onrecord/data/boilerplate.tsv`` (first column), compiled case-insensitive."""
    data = resources.files("onrecord.data").joinpath("boilerplate.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in data.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(re.compile(row[0], re.IGNORECASE) for row in rows)


def is_boilerplate(line: str) -> bool:
    """Whether a whole line (surrounding whitespace ignored) is site boilerplate."""
    stripped = line.strip()
    if not stripped or any(ch in QUOTE_MARKS for ch in stripped):
        return False
    return any(p.fullmatch(stripped) for p in boilerplate_patterns())


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n")


def _lines(text: str) -> list[str]:
    # split on "\n" only: str.splitlines would also split on \r, \f, \u2028 ... and lose the exact text
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _paragraphs(lines: list[str]) -> list[tuple[list[int], list[int]]]:
    """(content line indices, trailing blank line indices) per paragraph; leading blank lines are left out."""
    blank = [not line.strip() for line in lines]
    content = [i for i, b in enumerate(blank) if not b]
    # blank lines strictly between content lines separate paragraphs; without any, each line is one
    by_blocks = bool(content) and any(blank[content[0]:content[-1]])
    paragraphs: list[tuple[list[int], list[int]]] = []
    for i, is_blank in enumerate(blank):
        if is_blank:
            if paragraphs:
                paragraphs[-1][1].append(i)
        elif by_blocks and paragraphs and not paragraphs[-1][1] and paragraphs[-1][0][-1] == i - 1:
            paragraphs[-1][0].append(i)
        else:
            paragraphs.append(([i], []))
    return paragraphs


def clean(text: str) -> tuple[str, tuple[Removal, ...]]:
    """The text without boilerplate lines and repeated paragraphs, and what was removed where."""
    lines = _lines(normalise_newlines(text))
    reason: list[str | None] = [None] * len(lines)
    seen: set[str] = set()
    for content, trailing in _paragraphs(lines):
        for i in content:
            if is_boilerplate(lines[i]):
                reason[i] = "boilerplate"
        kept = [i for i in content if reason[i] is None]
        if kept:
            key = " ".join("".join(lines[i] for i in kept).split())
            if len(key) >= MIN_REPEAT_CHARS and key in seen:
                for i in kept:
                    reason[i] = "repeated-paragraph"
            seen.add(key)
        if all(reason[i] is not None for i in content):
            # the paragraph is gone: take its separator with it so no gap of blank lines is left
            for i in trailing:
                reason[i] = reason[content[-1]]
    out: list[str] = []
    removals: list[Removal] = []
    at = 0
    pending: list[str] = []
    for i, line in enumerate(lines):
        if reason[i] is None:
            out.append(line)
            at += len(line)
            continue
        pending.append(line)
        if i + 1 == len(lines) or reason[i + 1] != reason[i]:
            removals.append(Removal(at, "".join(pending), reason[i]))
            pending = []
    return "".join(out), tuple(removals)


def _tidy(value: object) -> str | None:
    if value is None:
        return None
    text = scrub(" ".join(str(value).split()))
    return text or None


def finish(source: str, text: str | None, fmt: str, *, cleaning: bool = True,
           url: str | None = None, title: str | None = None, author: str | None = None,
           site: str | None = None, published: str | None = None,
           date_method: str | None = None) -> Document | Failure:
    """A Document from text a format module found (cleaned when asked), or a Failure if no text is left."""
    if text is None or not text.strip():
        return Failure(source, NO_TEXT)
    text = scrub(text)
    if cleaning:
        body, removals = clean(text)
        if not body.strip():
            return Failure(source, f"{NO_TEXT} (every line was boilerplate or repeated)")
    else:
        body, removals = normalise_newlines(text), ()
    problem = too_long(body)
    if problem:
        return Failure(source, problem)
    return Document(source, body, fmt, url=_tidy(url), title=_tidy(title), author=_tidy(author),
                    site=_tidy(site), published=published, date_method=date_method if published else None,
                    removals=removals)
