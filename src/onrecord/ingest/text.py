"""Read one plain-text input (a path or ``-`` for stdin) as the exact text that offsets refer to."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..errors import InputError

# A file whose first bytes hold NUL characters is not text (a PDF, an image, a renamed binary).
SNIFF_BYTES = 8192
TEXT_SUFFIXES = (".txt", ".text", ".md")
# The longest article text extracted: spaCy's own default max_length. News articles run to some 100,000
# characters at most; a longer "article" is a dump or a crafted input, and parsing one takes minutes
# (about a minute per million characters of prose on a laptop core), so it is refused with one line instead.
MAX_TEXT_CHARS = 1_000_000
# What every reader says of an input with no text to extract from (an empty file, a page of navigation only)
NO_TEXT = "no article text found"
# Lone UTF-16 surrogates: JSON escapes ("\ud800") and Python strings can hold them, UTF-8 cannot; left in, the
# first encode (hashing, SQLite, printing) raises. They are removed where text is decoded.
_SURROGATES = re.compile("[\ud800-\udfff]")


def too_long(text: str) -> str | None:
    """Why ``text`` is too long to extract from (one line), or None."""
    if len(text) <= MAX_TEXT_CHARS:
        return None
    return (f"text is {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} onrecord extracts from one "
            "article; split it into articles")


def scrub(text: str) -> str:
    """``text`` without lone surrogates (a string decoded from UTF-8 never has any)."""
    return _SURROGATES.sub("", text) if _SURROGATES.search(text) else text


def decode(data: bytes, name: str) -> str:
    """UTF-8 (a leading BOM is dropped; offsets count from after it) or a one-line InputError."""
    if b"\x00" in data[:SNIFF_BYTES]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(name, "is UTF-16; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
        raise InputError(name, "is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"is not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                               "convert it to UTF-8") from None


def read_text(path: str) -> str:
    """The text of ``path`` (``-`` reads standard input)."""
    if path == "-":
        return _capped(decode(sys.stdin.buffer.read(), "<stdin>"), "<stdin>")
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or directory")
    if p.is_dir():
        raise InputError(path, "is a folder" if _text_files(p) else
                         f"is a folder with no text files ({', '.join(sorted(TEXT_SUFFIXES))}) in it")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read: {exc.strerror or exc}") from None
    return _capped(decode(data, path), path)


def _capped(text: str, name: str) -> str:
    """``text``, or a one-line InputError when it is blank or too long to be one article."""
    if not text.strip():
        # reported and skipped like a bad file, not turned into an empty record that looks like a result
        raise InputError(name, f"{NO_TEXT} (the input is empty or only whitespace)")
    problem = too_long(text)
    if problem:
        raise InputError(name, problem)
    return text


def expand(paths: list[str]) -> list[str]:
    """Paths as given, with each directory replaced by the text files under it (sorted)."""
    out: list[str] = []
    for path in paths:
        found = _text_files(Path(path)) if path != "-" and Path(path).is_dir() else []
        out.extend(found or [path])   # a folder with no text files stays, so that reading it says so
    return out


def _text_files(folder: Path) -> list[str]:
    return [str(f) for f in sorted(folder.rglob("*")) if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES]
