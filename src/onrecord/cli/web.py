"""Commands serving the ledger over HTTP: ``onrecord serve`` (issue #5)."""

from __future__ import annotations

import argparse

from .common import EXIT_OK, add_db, positive


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
    p.add_argument("--workers", type=positive("--workers"), default=1, metavar="N",
                   help="server processes (default 1); each answers one request at a time, so use about one per "
                        "core when many people browse at once")
    p.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                   help="also answer requests whose Host is NAME (repeatable; default: only localhost, 127.0.0.1, "
                        "::1 and the --host address; '*' answers any Host, for use behind a proxy that checks it); "
                        "other Hosts get 400, so another site cannot read the ledger through DNS rebinding")
    p.add_argument("--no-cache", action="store_true",
                   help="render every page on every request (by default a rendered page is kept in memory until "
                        "the ledger changes)")
    p.set_defaults(run=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    from ..views.guard import allowed_hosts
    from ..views.server import serve

    hosts = ", ".join(allowed_hosts(args.host, args.allowed_host))
    serve(args.db, args.host, args.port, args.workers, cache=not args.no_cache, allowed=tuple(args.allowed_host),
          announce=f"onrecord: serving {args.db} read-only at http://{args.host}:{args.port}/ "
                   f"({args.workers} worker{'s' if args.workers > 1 else ''}; Ctrl-C stops); "
                   f"answering Host {hosts} (more with --allowed-host NAME)")
    return EXIT_OK
