"""What every command shares: exit codes, the one-line error, ``--format`` and ``--db`` options, table output."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def error(message: str) -> None:
    """One line on stderr, whatever the message holds: a line break, a bidi override or a lone surrogate in a file
    name or a reason is printed as its escape (``\\n``, ``\\u202e``, ``\\udcff``), never acted on by the terminal."""
    print(f"onrecord: error: {printable(message)}", file=sys.stderr)


# Characters a terminal acts on instead of showing: controls (ESC starts colour, cursor and OSC-8 link sequences),
# surrogates, line and paragraph separators, and the bidi embeddings, overrides and isolates that reorder a line
# ("Trojan Source"). Zero-width joiners and left/right marks stay: Persian and emoji need them, and reorder nothing.
_UNSAFE_CATEGORIES = ("Cc", "Cs", "Zl", "Zp")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(c: str) -> bool:
    return unicodedata.category(c) in _UNSAFE_CATEGORIES or c in _BIDI_CONTROLS


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on written as its escape (``\\x1b``, ``\\u202e``)."""
    if text.isprintable():
        return text
    return "".join(c.encode("unicode_escape").decode("ascii") if _unsafe(c) else c for c in text)


def add_db(parser: argparse.ArgumentParser) -> None:
    from ..ledger.store import DEFAULT_DB
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"ledger file (default ./{DEFAULT_DB})")


def add_mode_option(parser: argparse.ArgumentParser, what: str) -> None:
    """``--mode speech|thought|all`` (default all): said or written versus believed, wanted or planned."""
    parser.add_argument("--mode", choices=("speech", "thought", "all"), default="all",
                        help=f"{what} (default all)")


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or json")


def add_page(parser: argparse.ArgumentParser, limit: int = 50) -> None:
    parser.add_argument("--limit", type=int, default=limit, help=f"rows per page (default {limit}, at most 500)")
    parser.add_argument("--offset", type=int, default=0, help="rows to skip (for the next page)")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def shorten(text: str | None, width: int) -> str:
    """One line of at most ``width`` characters, safe to print (ledger text is whatever the articles held)."""
    text = printable(" ".join((text or "").split()))
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[int | None]) -> str:
    """Columns padded to their content, capped by ``widths`` (None: the rest of the terminal)."""
    total = max(80, shutil.get_terminal_size((120, 20)).columns)
    cells = [[shorten(str(c) if c is not None else "—", 10_000) for c in r] for r in rows]
    sizes = []
    for i, head in enumerate(headers):
        natural = max([len(head)] + [len(r[i]) for r in cells])
        sizes.append(min(natural, widths[i]) if widths[i] else natural)
    fixed = sum(s for s, w in zip(sizes, widths) if w) + 2 * (len(headers) - 1)
    sizes = [s if w else max(20, min(s, total - fixed)) for s, w in zip(sizes, widths)]
    lines = ["  ".join(h.ljust(s) for h, s in zip(headers, sizes)).rstrip()]
    for r in cells:
        lines.append("  ".join(shorten(c, s).ljust(s) for c, s in zip(r, sizes)).rstrip())
    return "\n".join(lines) + "\n"
