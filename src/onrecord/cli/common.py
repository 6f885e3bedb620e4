"""What every command shares: exit codes, the one-line error, ``--format`` and ``--db`` options, table output."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from .. import validation

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130   # 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C


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


class Parser(argparse.ArgumentParser):
    """argparse with onrecord's one-line errors: a bad argument is one line on stderr and exit 2 (the usage is
    what ``--help`` prints, not a second line of the error). Subcommand parsers inherit the class."""

    def error(self, message: str) -> Any:  # noqa: ANN401 - never returns
        error(f"{message}; see: {self.prog} --help")
        sys.exit(EXIT_USAGE)


def checked(parse: Callable[..., Any], *extra: Any) -> Callable[[str], Any]:
    """An argparse ``type`` from a parse_* function of :mod:`onrecord.validation`, the layer the web and API use,
    so ``--limit 0`` is refused here as ``?limit=0`` is there."""
    def convert(text: str) -> Any:  # noqa: ANN401 - whatever ``parse`` returns
        try:
            return parse(text, *extra)
        except validation.InvalidValue as exc:
            raise argparse.ArgumentTypeError(f"{exc.problem} (got {text[:60]!r})") from None
    convert.__name__ = getattr(parse, "__name__", "value").removeprefix("parse_")
    return convert


def add_db(parser: argparse.ArgumentParser) -> None:
    from ..ledger.store import DEFAULT_DB
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help=f"ledger file (default ./{DEFAULT_DB})")


def add_mode_option(parser: argparse.ArgumentParser, what: str) -> None:
    """``--mode speech|thought|all`` (default all): said or written versus believed, wanted or planned."""
    parser.add_argument("--mode", choices=validation.MODES, default="all",
                        help=f"{what} (default all)")


def add_format(parser: argparse.ArgumentParser, what: str = "") -> None:
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help=f"table (default) or json{what}")


def add_summary_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="the summary on stdout: one line of text (default) or one JSON object (json)")


def interrupted(kept: str, rerun: str) -> None:
    """The one line a run stopped by Ctrl-C leaves on stderr: what it kept, and how to go on."""
    print(f"onrecord: interrupted: {kept}; {rerun}", file=sys.stderr)


def add_limit(parser: argparse.ArgumentParser, limit: int) -> None:
    parser.add_argument("--limit", type=checked(validation.parse_limit, "--limit"), default=limit, metavar="N",
                        help=f"rows per page, 1 to {validation.MAX_LIMIT} (default {limit})")


def add_page(parser: argparse.ArgumentParser, limit: int = 50) -> None:
    add_limit(parser, limit)
    parser.add_argument("--offset", type=checked(validation.parse_offset, "--offset"), default=0, metavar="N",
                        help="rows to skip, for the next page (default 0)")


def positive(name: str) -> Callable[[str], int]:
    """An argparse ``type`` for a count of 1 or more (``--batch-size``, ``--workers``)."""
    return checked(validation.parse_positive, name)


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
