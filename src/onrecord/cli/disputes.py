"""Commands on disputes: who affirms a proposition, who negates it, since when (issue 17)."""

from __future__ import annotations

import argparse
import sys

from ..validation import parse_id
from .common import EXIT_OK, add_db, add_format, add_mode_option, add_page, print_json, printable, shorten


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("disputes", help="disputes: who affirms a proposition, who negates it, since when",
                       description="Disputes, contested first and most recent first: each proposition with its two "
                                   "camps (actors who affirm it, actors who negate it) and their first and last "
                                   "dates. Refusals ('declined to comment') and questions take no side.")
    add_db(p)
    add_format(p)
    add_page(p, limit=20)
    p.add_argument("--contested", action="store_true",
                   help="only disputes where two different actors stand on opposite sides in different stories "
                        "(default: all disputes)")
    p.add_argument("--about", metavar="ENTITY", help="only disputes naming this entity (name or alias; default: all)")
    add_mode_option(p, "camps read only from statements of this mode: speech (said, wrote) or thought "
                       "(believes, plans)")
    p.set_defaults(run=cmd_disputes)

    p = sub.add_parser("dispute", help="one dispute: camps, changes of position and every statement with its link",
                       description="One dispute with both camps, the actors who changed position, and each "
                                   "statement with the sentence, its character span and why it joined.")
    p.add_argument("dispute_id", metavar="ID", help="dispute id (as listed by onrecord disputes)")
    add_db(p)
    add_format(p)
    add_mode_option(p, "read only statements of this mode: speech (said, wrote) or thought (believes, plans)")
    p.set_defaults(run=cmd_dispute)


def _open(args: argparse.Namespace):
    from ..ledger.store import Store
    return Store.open(args.db, read_only=True)


def _camp_lines(d: dict) -> list[str]:
    lines = []
    for side, label in (("affirm", "affirm"), ("negate", "negate")):
        for e in d["camps"][side]:
            span = e["first"] if e["first"] == e["last"] else f"{e['first']} … {e['last']}"
            lines.append(f"  {label}: {e['name'] or '(unnamed)'} ({len(e['statements'])} statement(s), {span})")
    return lines


def dispute_lines(d: dict, details: dict | None = None, changes: list | None = None) -> str:
    flag = "CONTESTED " if d["contested"] else ""
    dates = [s["date"] for s in d["statements"]]
    # with --mode, a dispute can hold no statement of that mode: it is shown, with none
    span = f"{min(dates)} … {max(dates)}" if dates else "no statement of this mode"
    lines = [f"dispute {d['id']}: {flag}{shorten(d['proposition'], 200)}",
             f"  {span}; {len(d['camps']['affirm'])} affirm, {len(d['camps']['negate'])} negate"]
    lines += _camp_lines(d)
    for c in changes or []:
        lines.append(f"  change of position: {c['name']} from {c['from']} (until {c['until']}) to {c['to']}"
                     f" (since {c['since']})")
    if details is not None:
        for s in d["statements"]:
            full = details[s["attribution"]]
            lines.append(f"  [{s['position']}] {s['speaker'] or '(unnamed)'} ({s['stance']}/{s['polarity']},"
                         f" \"{shorten(full['cue'], 30)}\") {s['date']} — {shorten(full['site'] or full['source'], 30)}"
                         f" (article {s['article']}, chars {full['sentence_span'][0]}–{full['sentence_span'][1]}):"
                         f" {shorten(full['sentence'], 140)}")
            lines.append(f"      link: {shorten(s['link'], 150)}")
    return "\n".join(printable(line) for line in lines) + "\n"


def cmd_disputes(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        rows = queries.disputes(store, contested=args.contested, about=args.about, limit=args.limit,
                                offset=args.offset, mode=args.mode)
    if args.format == "json":
        print_json(rows)
    else:
        sys.stdout.write("\n".join(dispute_lines(d) for d in rows) if rows else "no disputes\n")
    return EXIT_OK


def cmd_dispute(args: argparse.Namespace) -> int:
    from ..ledger import queries
    dispute_id = parse_id(args.dispute_id, "dispute id")
    with _open(args) as store:
        page = queries.dispute_page(store, dispute_id, mode=args.mode)
    if args.format == "json":
        print_json({k: page[k] for k in ("id", "proposition", "contested", "camps", "statements")})
    else:
        sys.stdout.write(dispute_lines(page, page["details"], page["changes"]))
    return EXIT_OK
