"""The search syntax users type, turned into an FTS5 query; and FTS5's marked snippets turned into text + hit spans.

What a user may type (documented in the README, "Search"):

- ``drones minister``: every word must occur; words match by stem (the index uses FTS5's ``porter`` tokenizer,
  so ``drone``, ``drones`` and ``droned`` find each other), case and accents ignored;
- ``drone*``: words starting with ``drone`` (a prefix, itself stemmed first);
- ``"foreign minister"``: these words together, in this order;
- ``-strike`` or ``-"air strike"``: leave out what contains it;
- ``iran OR russia``: either (``OR`` in capitals, between two terms).

Anything else (brackets, ``AND``/``NOT``/``NEAR``, column filters, quotes left open, stray ``*``) is read as plain
words, never as FTS5 syntax: a query built here cannot be malformed, so a search never fails on what was typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import OnrecordError

MAX_QUERY = 500        # characters of a search query
HIT_START, HIT_END = "\x02", "\x03"   # what snippet()/highlight() put around a hit (no article text holds them)

# a term: an optional '-', then a quoted phrase (closing quote optional) or a bare word, then an optional '*'
_TERM = re.compile(r'(?P<neg>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Term:
    """One thing to look for: its words (a phrase when several), whether the last is a prefix, whether excluded."""
    words: tuple[str, ...]
    prefix: bool = False
    exclude: bool = False

    def fts(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


def parse(text: str) -> list[Term | str]:
    """The terms of ``text`` in order, with the string ``"OR"`` where the user wrote OR between two terms."""
    if len(text) > MAX_QUERY:
        raise OnrecordError(f"search text is {len(text)} characters; at most {MAX_QUERY}")
    out: list[Term | str] = []
    for m in _TERM.finditer(text):
        raw = m.group("phrase") if m.group("phrase") is not None else m.group("word")
        if m.group("word") == "OR":
            out.append("OR")
            continue
        words = tuple(_WORD.findall(raw))
        if not words:
            continue
        prefix = raw.rstrip().endswith("*") or text[m.end():m.end() + 1] == "*"
        out.append(Term(words, prefix=prefix and raw.rstrip("*")[-1:].isalnum(), exclude=bool(m.group("neg"))))
    return out


def fts_query(text: str) -> str:
    """``text`` as an FTS5 query ('' when it asks for nothing): every group of OR-ed terms must match, and no
    excluded term may."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    joining = False
    for item in parse(text):
        if item == "OR":
            joining = bool(groups)
            continue
        assert isinstance(item, Term)
        if item.exclude:
            excluded.append(item.fts())
            joining = False
        elif joining:
            groups[-1].append(item.fts())
            joining = False
        else:
            groups.append([item.fts()])
    if not groups:   # only exclusions: FTS5 cannot list "everything but", so nothing is asked
        return ""
    query = " AND ".join("(" + " OR ".join(g) + ")" if len(g) > 1 else g[0] for g in groups)
    for term in excluded:
        query = f"({query}) NOT {term}"
    return query


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet with ``HIT_START``/``HIT_END`` around each hit → the plain text and the hits' [start, end) spans."""
    plain: list[str] = []
    hits: list[tuple[int, int]] = []
    at, start = 0, None
    for piece in re.split(f"([{HIT_START}{HIT_END}])", marked):
        if piece == HIT_START:
            start = at
        elif piece == HIT_END:
            if start is not None and at > start:
                hits.append((start, at))
            start = None
        else:
            plain.append(piece)
            at += len(piece)
    return "".join(plain), hits
