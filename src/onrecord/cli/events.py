"""Commands on the ledger's events: ``onrecord events`` (list) and ``onrecord event ID`` (one, with its sources)."""

from __future__ import annotations

import argparse
import sys

from ..validation import parse_choice
from .common import EXIT_OK, add_db, add_format, add_page, print_json, printable, table

TYPES = ("sanction", "transfer", "attack")


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="acts reported in the ledger: who sanctions, supplies or strikes whom",
                       description="Events merged across articles, most recent first: type, agent, targets, how far "
                                   "the act went and how many reports and denials it has.")
    add_db(p)
    add_format(p)
    add_page(p, limit=20)
    p.add_argument("--type", choices=TYPES, help="only events of this type (default: all)")
    p.add_argument("--about", metavar="ENTITY", help="only events this actor did or suffered (name, alias or id)")
    p.set_defaults(run=cmd_events)

    p = sub.add_parser("event", help="one event with every report of it and the statements for and against it",
                       description="One event: its reports (article, sentence, status, the reporter's word or an "
                                   "attribution's) and the statements that assert or deny it.")
    p.add_argument("event_id", metavar="ID", help="event id from 'onrecord events'")
    add_db(p)
    add_format(p)
    p.set_defaults(run=cmd_event)


def _open(args: argparse.Namespace):
    from ..ledger.store import Store
    return Store.open(args.db, read_only=True)


def _who(part: dict | None) -> str:
    return part["name"] if part else "?"


def cmd_events(args: argparse.Namespace) -> int:
    from ..ledger import queries
    kind = parse_choice(args.type, TYPES, "--type") if args.type else None
    with _open(args) as store:
        rows = queries.events(store, type=kind, about=args.about, limit=args.limit, offset=args.offset)
    if args.format == "json":
        print_json(rows)
        return EXIT_OK
    sys.stdout.write(table(
        ("ID", "DATE", "TYPE", "STATUS", "AGENT", "TARGETS", "REPORTS"),
        [(r["id"], r["last_date"], f"{r['type']}:{r['action']}", r["status"] + (" (disputed)" if r["disputed"] else ""),
          _who(r["agent"]), "; ".join(f"{t['name']} ({t['kind']})" for t in r["targets"]),
          f"{r['reports']} ({r['denials']} denied)" if r["denials"] else r["reports"]) for r in rows],
        (6, 10, 16, 22, 24, None, 14)))
    return EXIT_OK


def cmd_event(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        data = queries.event(store, args.event_id)
    if args.format == "json":
        print_json(data)
        return EXIT_OK
    lines = [f"event {data['id']}: {data['type']} ({data['action']}; PLOVER {data['plover']}, CAMEO {data['cameo']})"
             f" — {data['status']}{' (disputed)' if data['disputed'] else ''}",
             f"  agent: {_who(data['agent'])}",
             "  targets: " + "; ".join(f"{t['name']} ({t['kind']})" for t in data["targets"])]
    if data["theme"]:
        lines.append(f"  theme: {data['theme']}")
    if data["place"]:
        lines.append(f"  place: {data['place']}")
    lines.append(f"  dates: {data['first_date']}" + (f" … {data['last_date']}" if data["last_date"] !=
                                                    data["first_date"] else ""))
    lines.append(f"  claims: {', '.join(map(str, data['claims'])) or '—'}")
    lines.append("  reports:")
    for s in data["sources"]:
        word = f"{s['speaker']} (attribution {s['attribution']})" if s["attribution"] else "the reporter"
        lines.append(f"    {s['date']} ({s['date_method']}) [{s['status']}] article {s['article']}"
                     f" {s['title'] or s['source']} — on the word of {word}: {s['sentence']}")
    for label, key in (("statements for", "statements_for"), ("statements against", "statements_against")):
        lines.append(f"  {label}:")
        for s in data[key] or []:
            lines.append(f"    {s['date']} {s['speaker']} [{s['claim_stance'] or s['stance']}]: {s['sentence']}")
        if not data[key]:
            lines.append("    —")
    sys.stdout.write("\n".join(printable(line) for line in lines) + "\n")
    return EXIT_OK
