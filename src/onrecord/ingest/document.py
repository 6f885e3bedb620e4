"""The records ingest hands on: a Document per article read, a Failure per input that could not be read.

Offsets in every later stage refer to ``Document.text``. That text has had its line endings normalised
(``\\r\\n`` -> ``\\n``) and, when cleaning is on, boilerplate lines and repeated paragraphs removed; each
removal is kept, so ``Document.raw_text()`` gives back the text as it was before cleaning (after the
line-ending normalisation) and a reader can check that nothing else was touched.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMATS: tuple[str, ...] = ("text", "html", "jsonl", "warc", "feed", "json", "csv")
REMOVAL_REASONS: tuple[str, ...] = ("boilerplate", "repeated-paragraph")


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece cut out of the text: ``text`` stood at offset ``at`` of the cleaned text."""

    at: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """One article: its cleaned text and what is known about where and when it was published.

    ``source`` is the path, with a locator inside containers: ``dump.jsonl:12`` (line, from 1),
    ``feed.xml#3`` (entry, from 1), ``crawl.warc.gz@1234`` (byte offset of the WARC record).
    ``site`` is the outlet. ``published`` is None for an undated article (never the day it was read), and
    ``date_method`` says where the date came from, or why there is none ("undated", see ingest.provenance).
    """

    source: str
    text: str
    format: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    published: str | None = None
    date_method: str | None = None
    removals: tuple[Removal, ...] = ()
    # the news agency the text credits ("Reuters" from "(Reuters) -", "TASS" from "/TASS/"), or as the user gave it
    wire: str | None = None
    language: str | None = None

    def raw_text(self) -> str:
        """The text before cleaning, rebuilt from ``text`` and ``removals`` (in order; several may share ``at``)."""
        pieces: list[str] = []
        pos = 0
        for r in self.removals:
            pieces.append(self.text[pos:r.at])
            pieces.append(r.text)
            pos = r.at
        pieces.append(self.text[pos:])
        return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input (or one record inside a container) that gave no Document, and why, in one line."""

    source: str
    reason: str
