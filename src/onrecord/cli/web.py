"""Commands serving the ledger over HTTP: ``onrecord serve`` (issue #5)."""

from __future__ import annotations

import argparse

from .common import EXIT_OK, add_db


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Registers ``serve``."""
    p = sub.add_parser("serve", help="browse the ledger in a web browser, with a JSON API (read-only)",
                       description="Serve the ledger read-only: pages at http://HOST:PORT/, the JSON API under "
                                   "/api/v1/ and its description at /docs.")
    add_db(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 exposes the ledger "
                        "to the network)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.set_defaults(run=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..views.app import create_app

    app = create_app(args.db)          # a missing ledger raises LedgerError here: one line, exit 2
    print(f"onrecord: serving {args.db} read-only at http://{args.host}:{args.port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return EXIT_OK
