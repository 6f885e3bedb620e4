"""Curators' commands: ``actors merge|split|rename|kind``, ``curation export|import`` (replayed on ingest)."""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from ..errors import OnrecordError
from .common import EXIT_OK, add_db, add_format, print_json, printable


def _who() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container): the record still says a curator decided
        return "curator"


def _common(p: argparse.ArgumentParser) -> None:
    add_db(p)
    add_format(p)
    p.add_argument("--why", default="", metavar="TEXT", help="the reason, shown on the actor page (default none)")
    p.add_argument("--who", default=None, metavar="NAME", help="the curator (default: the login name)")


def add_actor_commands(actors: argparse.ArgumentParser) -> None:
    """``actors merge|split|rename|kind``; ``onrecord actors`` with no subcommand still lists actors."""
    sub = actors.add_subparsers(dest="curate", metavar="ACTION", required=False,
                                title="corrections (stored as curation records, applied again on every ingest)")
    p = sub.add_parser("merge", help="merge actor OTHER into actor ACTOR",
                       description="Merge OTHER into ACTOR: every statement, name and link of OTHER moves to "
                                   "ACTOR. The decision is kept and applied again to later ingests and rebuilds.")
    p.add_argument("actor", metavar="ACTOR", help="name or id of the actor that stays")
    p.add_argument("other", metavar="OTHER", help="name or id of the actor merged into it")
    _common(p)
    p.set_defaults(run=cmd_merge)

    p = sub.add_parser("split", help="split one article's mention off ACTOR into an actor of its own",
                       description="Split the mention named MENTION in article ARTICLE (id or key) off ACTOR. "
                                   "`onrecord actor ACTOR` lists its mentions and articles.")
    p.add_argument("actor", metavar="ACTOR", help="name or id of the actor holding the mention")
    p.add_argument("--mention", required=True, metavar="NAME", help="the mention as the article named it")
    p.add_argument("--article", required=True, metavar="ARTICLE", help="the article's id or key")
    _common(p)
    p.set_defaults(run=cmd_split)

    p = sub.add_parser("rename", help="give ACTOR the name NAME (kept over the automatic canonical name)",
                       description="Give ACTOR the name NAME. A curator's name stands: later ingests no longer "
                                   "replace it with the most complete form seen most often.")
    p.add_argument("actor", metavar="ACTOR", help="name or id of the actor")
    p.add_argument("new_name", metavar="NAME", help="the new name")
    _common(p)
    p.set_defaults(run=cmd_rename)

    p = sub.add_parser("kind", help="set ACTOR's kind (person, organization, place, group, unknown)",
                       description="Set ACTOR's kind (a spokesman read as an organization is a person). The "
                                   "decision is kept and applied again to later ingests and rebuilds.")
    p.add_argument("actor", metavar="ACTOR", help="name or id of the actor")
    p.add_argument("new_kind", metavar="KIND", choices=("person", "organization", "place", "group", "unknown"),
                   help="one of person, organization, place, group, unknown")
    _common(p)
    p.set_defaults(run=cmd_kind)


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("curation", help="export or import curators' corrections as JSON",
                       description="A newsroom's corrections to actors (merge, split, rename, kind) as one JSON "
                                   "file: export them from one ledger, import them into another (or a rebuilt one); "
                                   "imported records are applied at once and on every later ingest.")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    e = actions.add_parser("export", help="write every curation record as JSON",
                           description="Write every curation record (merge, split, rename, kind: who, when, why) "
                                       "as one JSON file that 'onrecord curation import' reads.")
    add_db(e)
    e.add_argument("--out", metavar="FILE", help="output file (default stdout)")
    e.set_defaults(run=cmd_export)
    i = actions.add_parser("import", help="read curation records from a JSON file and apply them",
                           description="Read curation records written by 'onrecord curation export', apply them to "
                                       "this ledger at once, and keep them so every later ingest applies them too.")
    i.add_argument("path", metavar="FILE", help="a file written by 'onrecord curation export'")
    add_db(i)
    add_format(i)
    i.set_defaults(run=cmd_import)


def _open(args: argparse.Namespace):
    from ..ledger.store import Store
    return Store.open(args.db)


def _record(args: argparse.Namespace, action: str, actor: str, value: str, article: str = "") -> int:
    from ..ledger import curation
    from ..ledger.curation import Curation
    with _open(args) as store:
        actor_name = _name(store, actor)
        if action == "merge":
            value = _name(store, value)
        if action == "split":
            article = _article_key(store, article)
        data = curation.add(store, Curation(action, actor_name, value, article, args.who or _who(), "", args.why))
    if args.format == "json":
        print_json(data)
    else:
        print(printable(f"curation {data['curation']}: {action} '{data['actor']}' {data['value']}"
                        f"{' in ' + data['article'] if data['article'] else ''} — {data['changes']} change(s); "
                        "applied again on every later ingest"))
    return EXIT_OK


def _name(store, ref: str) -> str:  # noqa: ANN001 - a Store
    """The actor's current name (records name actors, not row ids, so they apply to other ledgers)."""
    from ..ledger import queries
    actor_id = queries.find_actor(store, ref)
    return store.one("SELECT name FROM actors WHERE id = ?", (actor_id,))[0]


def _article_key(store, ref: str) -> str:  # noqa: ANN001 - a Store
    row = store.one("SELECT key FROM articles WHERE id = ?", (int(ref),)) if ref.strip().isdigit() else \
        store.one("SELECT key FROM articles WHERE key = ?", (ref.strip(),))
    if row is None:
        raise OnrecordError(f"--article {ref}: no such article id or key in the ledger")
    return row[0]


def cmd_merge(args: argparse.Namespace) -> int:
    return _record(args, "merge", args.actor, args.other)


def cmd_split(args: argparse.Namespace) -> int:
    return _record(args, "split", args.actor, args.mention, args.article)


def cmd_rename(args: argparse.Namespace) -> int:
    return _record(args, "rename", args.actor, args.new_name)


def cmd_kind(args: argparse.Namespace) -> int:
    return _record(args, "kind", args.actor, args.new_kind)


def cmd_export(args: argparse.Namespace) -> int:
    from ..ledger import curation
    with _open(args) as store:
        data = curation.export(store)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(text)
        print(f"{args.out}: {len(data['curations'])} curation record(s)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..ledger import curation
    try:
        with open(args.path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as exc:
        raise OnrecordError(f"{args.path}: cannot read ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise OnrecordError(f"{args.path}: not valid JSON ({exc})") from exc
    with _open(args) as store:
        result = curation.import_records(store, data, args.path)
    if args.format == "json":
        print_json(result)
    else:
        print(f"{args.path}: {result['records']} record(s), {result['added']} new, {result['changes']} change(s) "
              "to the ledger")
    return EXIT_OK
