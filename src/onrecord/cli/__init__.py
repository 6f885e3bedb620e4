"""Command line: thin commands that parse arguments, call one library function and format the result.

Commands on texts live in :mod:`.extract` (extract, eval); commands on the ledger in :mod:`.ledger`
(ingest, actors, actor, claims, claim, search, errors, export, split); disputes in :mod:`.disputes`; curators'
corrections in :mod:`.curation` (actors merge|split|rename|kind, curation export|import); events in
:mod:`.events` (events, event).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import OnrecordError
from . import curation, disputes, events, extract, ledger, scale, web
from .common import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, Parser, error


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="onrecord", description="Who said what, who denies it, and about whom.")
    parser.add_argument("--version", action="version", version=f"onrecord {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    extract.add_commands(sub)
    ledger.add_commands(sub)
    disputes.add_commands(sub)
    curation.add_commands(sub)
    events.add_commands(sub)
    web.add_commands(sub)
    scale.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.run(args)
    except OnrecordError as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("onrecord: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
