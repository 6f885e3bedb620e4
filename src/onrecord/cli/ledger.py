"""Commands on the ledger: ingest, actors, actor, claims, claim, search, errors, export, backup, split."""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import OnrecordError
from ..models import DEFAULT_MODEL, check_installed
from ..validation import parse_id
from ..views.export import FORMATS as EXPORT_FORMATS
from ..views.export import TABLES as EXPORT_TABLES
from . import curation
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    add_db,
    add_format,
    add_limit,
    add_mode_option,
    add_page,
    add_summary_format,
    checked,
    error,
    interrupted,
    positive,
    print_json,
    printable,
    shorten,
    table,
)
from .reading import add_provenance, provenance_options

KINDS = ("person", "organization", "place", "group", "unknown")


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read articles (txt, html, jsonl, warc, rss/atom) into the SQLite ledger",
                       description="Read articles, extract attributions and store them in the ledger. Already "
                                   "stored articles are skipped, so a re-run completes an interrupted one.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or directory (recursive); - for stdin (text, or "
                                                            "JSONL when every line is a JSON object)")
    add_db(p)
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    p.add_argument("--field", action="append", default=[], metavar="NAME=FIELD",
                   help="JSONL field name, e.g. --field text=body --field published=date (names: text, title, url, "
                        "published, source, author)")
    p.add_argument("--no-clean", action="store_true", help="keep boilerplate lines and repeated paragraphs")
    add_provenance(p)
    p.add_argument("--batch-size", type=positive("--batch-size"), default=64, metavar="N",
                   help="articles per transaction (default 64)")
    p.add_argument("--workers", type=positive("--workers"), default=None, metavar="N",
                   help="extraction processes, one model each (default: all cores); 1 extracts in this process")
    add_summary_format(p)
    add_mode_option(p, "store only attributions of this mode: speech (said, wrote, quoted), thought (believes, "
                       "wants, plans) or all")
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("actors", help="list actors, most quoted first",
                       description="List the ledger's actors (people, organisations, places, groups), most quoted "
                                   "first, with the number of statements, aliases and titles.")
    add_db(p)
    add_format(p)
    add_page(p)
    p.add_argument("--kind", choices=KINDS, metavar="KIND",
                   help=f"only actors of this kind: {', '.join(KINDS)} (default: every kind)")
    p.set_defaults(run=cmd_actors)
    curation.add_actor_commands(p)   # actors merge|split|rename|kind (issue 16)

    p = sub.add_parser("actor", help="one actor: identity, merges and every statement, oldest first",
                       description="Show one actor: aliases, titles, affiliation and whom it speaks for; how each "
                                   "article's mention was merged into it, with the LINK number 'onrecord split' "
                                   "takes; and every statement, oldest first.")
    p.add_argument("name", metavar="NAME_OR_ID", help="the actor's id, or a name or alias it is known by")
    add_db(p)
    add_format(p)
    add_page(p, limit=500)
    add_mode_option(p, "list only statements of this mode: speech (said, wrote) or thought (believes, plans)")
    p.set_defaults(run=cmd_actor)

    p = sub.add_parser("claims", help="claims with who asserts and who denies them",
                       description="List claims, most recent first, each with who asserts it, who denies it and "
                                   "who otherwise speaks of it (counted by distinct speaker and story).")
    add_db(p)
    add_format(p)
    add_page(p, limit=20)
    p.add_argument("--contested", action="store_true", help="only claims one actor asserts and another denies")
    p.add_argument("--about", metavar="ENTITY", help="only claims mentioning this entity (name or alias)")
    add_mode_option(p, "read only statements of this mode: speech (said, wrote) or thought (believes, plans)")
    p.set_defaults(run=cmd_claims)

    p = sub.add_parser("claim", help="one claim with its supporters and deniers",
                       description="Show one claim: its dates and every statement asserting, denying or "
                                   "otherwise touching it, with speaker, cue, article and sentence.")
    p.add_argument("claim_id", metavar="ID", type=checked(parse_id, "ID"),
                   help="the claim's number, as 'onrecord claims' lists it")
    add_db(p)
    add_format(p)
    add_mode_option(p, "read only statements of this mode: speech (said, wrote) or thought (believes, plans)")
    p.set_defaults(run=cmd_claim)

    p = sub.add_parser("search", help="full-text search over articles and attributions (SQLite FTS5)",
                       description="Find articles (title and text) and attributions (content and speaker) "
                                   "holding every word of TEXT, best matches first (SQLite FTS5).")
    p.add_argument("text", metavar="TEXT", help="the words to find (quote several: onrecord search 'grain corridor')")
    add_db(p)
    add_format(p)
    add_limit(p, 20)
    add_mode_option(p, "match only attributions of this mode: speech (said, wrote) or thought (believes, plans)")
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("errors", help="inputs that could not be ingested, and why",
                       description="List the inputs (files, lines, records) that gave no article: source, reason, "
                                   "when last seen and how many times, most recent first.")
    add_db(p)
    add_format(p)
    add_page(p)
    p.set_defaults(run=cmd_errors)

    p = sub.add_parser("export", help="export the ledger as jsonl, csv, parquet, ClaimReview JSON-LD or "
                                      "FollowTheMoney entities",
                       description="Write one table of the ledger as JSONL, CSV or Parquet, every claim as "
                                   "schema.org ClaimReview JSON-LD, or the events as FollowTheMoney entities (JSON "
                                   "lines; needs the extra [ftm]), to standard output or to --out (an existing "
                                   "file is only replaced with --force).")
    add_db(p)
    p.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl",
                   help=f"{', '.join(EXPORT_FORMATS)} (default jsonl; parquet needs --out; ftm: events as "
                        "FollowTheMoney entities)")
    p.add_argument("--table", choices=EXPORT_TABLES, default="attributions",
                   help="which table (jsonl, csv, parquet; default attributions)")
    p.add_argument("--out", metavar="PATH", help="output file (default stdout; required for parquet)")
    p.add_argument("--force", action="store_true", help="replace --out if it exists (by default it is refused)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("backup", help="copy the ledger consistently into a new file, even while ingest writes",
                       description="Copy the ledger with SQLite's online backup API: the copy is the ledger as of "
                                   "one commit, taken without stopping a running ingest. OUT must not exist.")
    add_db(p)
    p.add_argument("out", metavar="OUT", help="the new file (never overwritten)")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("split", help="undo a wrong actor merge (LINK from 'onrecord actor NAME' merges)",
                       description="Undo a wrong actor merge: the mention behind merge link LINK becomes an actor "
                                   "of its own, its statements move with it, and its name never joins the old "
                                   "actor again (the ledger is written).")
    p.add_argument("link", type=checked(parse_id, "LINK"), metavar="LINK",
                   help="the merge link's number, from the merges 'onrecord actor NAME' lists")
    add_db(p)
    add_format(p)
    p.set_defaults(run=cmd_split)


def _open(args: argparse.Namespace, read_only: bool = True):
    from ..ledger.store import Store
    return Store.open(args.db, read_only=read_only)


# -- ingest -----------------------------------------------------------------------------------------------

def _fields(pairs: list[str]) -> dict[str, str]:
    from ..ingest.reader import ReadOptions
    fields = dict(ReadOptions().fields)
    for pair in pairs:
        name, sep, field = pair.partition("=")
        if not sep or name not in fields or not field:
            raise OnrecordError(f"--field {pair!r}: expected NAME=FIELD with NAME one of {', '.join(fields)}")
        fields[name] = field
    return fields


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..batch.runner import ProgressPrinter, default_workers, ingest
    from ..ingest.reader import ReadOptions

    options = ReadOptions(fields=_fields(args.field), clean=not args.no_clean, **provenance_options(args))
    workers = default_workers() if args.workers is None else args.workers
    check_installed(args.model)   # before the ledger file is created
    reporter = ProgressPrinter()
    # the ledger is opened (and checked to be writable) before anything is read or parsed
    with _open(args, read_only=False) as store:
        before = store.counts()["articles"]
        try:
            # the model is loaded where extraction runs: here with --workers 1 or a small input, else in each worker
            report = ingest(args.paths, store, model=args.model, options=options, batch_size=args.batch_size,
                            progress=reporter, workers=workers, mode=args.mode)
        except KeyboardInterrupt:
            reporter.done()
            return interrupted_run(store, before, "ingest")
        counts = store.counts()
    reporter.done()
    return summarise(args, report, counts, "failed")


def summarise(args: argparse.Namespace, report, counts: dict[str, int], failed: str) -> int:  # noqa: ANN001
    """The summary of an ingest or a load: failures one line each on stderr, then one line or one JSON object on
    stdout; exit 1 when any input gave no article."""
    for failure in report.failures:
        error(f"{failure.source}: {failure.reason}")
    if args.format == "json":
        print_json({"db": args.db, "added": report.added, "attributions": report.attributions,
                    "skipped": report.skipped, "failed": len(report.failures),
                    "failures": [{"source": f.source, "reason": f.reason} for f in report.failures],
                    "seconds": round(report.seconds, 3), "articles_per_second": round(report.articles_per_second, 3),
                    "ledger": counts})
    else:
        print(f"{args.db}: added {report.added} article(s) with {report.attributions} attribution(s), "
              f"skipped {report.skipped} already stored, {len(report.failures)} {failed} "
              f"({report.seconds:.1f} s, {report.articles_per_second:.1f} articles/s); "
              f"ledger: {counts['articles']} articles, {counts['stories']} stories, {counts['actors']} actors, "
              f"{counts['attributions']} attributions, {counts['claims']} claims")
    return EXIT_FAILED if report.failures else EXIT_OK


def interrupted_run(store, before: int, command: str) -> int:  # noqa: ANN001 - a writable Store
    """What a run stopped by Ctrl-C kept: the batches committed (counted in the ledger itself, so the figure is
    exact whenever the signal came); the batch in progress was rolled back."""
    kept = store.counts()["articles"] - before
    interrupted(f"{kept} article(s) committed to {store.path} before Ctrl-C are kept (the batch in progress was "
                f"rolled back)", f"run the same onrecord {command} again to resume: stored articles are skipped")
    return EXIT_INTERRUPTED


# -- queries ----------------------------------------------------------------------------------------------

def cmd_actors(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        rows = queries.actors(store, limit=args.limit, offset=args.offset, kind=args.kind)
    if args.format == "json":
        print_json(rows)
    else:
        sys.stdout.write(table(("ID", "NAME", "KIND", "N", "ALIASES / TITLES"),
                               [(r["id"], r["name"], r["kind"], r["attributions"],
                                 "; ".join(r["aliases"] + r["titles"])) for r in rows], (8, 32, 12, 6, None)))
    return EXIT_OK


def cmd_actor(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        data = queries.actor(store, args.name, limit=args.limit, offset=args.offset, mode=args.mode)
    if args.format == "json":
        print_json(data)
        return EXIT_OK
    out = _SafeOut(sys.stdout)
    if len(data["matches"]) > 1:
        # a lookup never hides one of several people behind another: all of them, with their counts
        out.write(f"{len(data['matches'])} actors match '{data['query']}':\n")
        for m in data["matches"]:
            mark = "*" if m["id"] == data["id"] else " "
            out.write(f"  {mark} {m['id']:>6}  {m['name']} ({m['kind']}, {m['attributions']} statement(s))\n")
        out.write(f"showing actor {data['id']} (*); 'onrecord actor ID' shows another\n\n")
    out.write(f"{data['name']}  (actor {data['id']}, {data['kind']}, {data['attributions']} statement(s))\n")
    for label, key in (("aliases", "aliases"), ("titles", "titles")):
        if data[key]:
            out.write(f"  {label}: {'; '.join(data[key])}\n")
    if data["affiliation"]:
        out.write(f"  affiliation: {data['affiliation']}\n")
    if data["represents"]:
        out.write(f"  speaks for: {data['represents']['name']} (actor {data['represents']['id']})\n")
    if data["speakers_for_it"]:
        out.write(f"  spoken for by: {', '.join(s['name'] for s in data['speakers_for_it'])}\n")
    for c in data["curation"]:
        out.write(f"  curator: {c['detail']} — {c['who']}, {c['at']}{': ' + c['why'] if c['why'] else ''}\n")
    out.write("  merges (LINK article: mention — method score — evidence):\n")
    for m in data["merges"]:
        out.write(f"    {m['link']} a{m['article']}: {m['local_name']} — {m['method']} {m['score']:.2f} — "
                  f"{m['evidence']}\n")
    out.write("\n")
    out.write(table(("DATE", "STANCE", "CUE", "ARTICLE", "SENTENCE"),
                    [(s["date"] or "undated", s["stance"], s["cue"], s["title"] or s["source"],
                      s["sentence"] or s["content"])
                     for s in data["statements"]], (10, 8, 14, 30, None)))
    return EXIT_OK


class _SafeOut:
    """Writes ledger text line by line through ``printable``: names and titles are whatever the articles held."""

    def __init__(self, stream) -> None:  # noqa: ANN001 - any text stream
        self.stream = stream

    def write(self, text: str) -> None:
        self.stream.write("\n".join(printable(line) for line in text.split("\n")))


def _date_range(first: str | None, last: str | None) -> str:
    """"2016-09-01 … 2016-10-03", one day alone, or "undated" (statements of articles without a date)."""
    if not first:
        return "undated"
    return first if not last or last == first else f"{first} … {last}"


def _via(statement: dict) -> str:
    return f" via {statement['via']}" if statement.get("via") else ""


def _claim_lines(c: dict) -> str:
    flag = "CONTESTED " if c["contested"] else ""
    lines = [f"claim {c['id']}: {flag}{shorten(c['text'], 200)}",
             f"  {_date_range(c['first_date'], c['last_date'])}; support {c['support']}, denial {c['denial']}"
             f" (distinct speaker and story)"]
    for label, entries in (("asserted by", c["supporters"]), ("denied by", c["deniers"]), ("other", c["others"])):
        for e in entries:
            # the cue tells apart two statements of one speaker in one sentence ("denied that …, calling the
            # accusation a provocation" links both to the claim)
            lines.append(f"  {label}: {e['speaker'] or '(unnamed)'} [{e['claim_stance']}, \"{shorten(e['cue'], 30)}\"]"
                         f" {e['date'] or 'undated'}{_via(e)}"
                         f" — {shorten(e['title'] or e['source'], 40)} (article {e['article']},"
                         f" chars {e['sentence_span'][0]}–{e['sentence_span'][1]}): {shorten(e['sentence'], 140)}")
    return "\n".join(printable(line) for line in lines) + "\n"


def cmd_claims(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        rows = queries.claims(store, contested=args.contested, about=args.about, limit=args.limit,
                              offset=args.offset, mode=args.mode)
    if args.format == "json":
        print_json(rows)
    else:
        sys.stdout.write("\n".join(_claim_lines(c) for c in rows) if rows else "no claims\n")
    return EXIT_OK


def cmd_claim(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        data = queries.claim(store, args.claim_id, mode=args.mode)
    if args.format == "json":
        print_json(data)
    else:
        sys.stdout.write(_claim_lines(data))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        data = queries.search(store, args.text, limit=args.limit, mode=args.mode)
    if args.format == "json":
        print_json(data)
        return EXIT_OK
    sys.stdout.write(f"articles matching {args.text!r} ({data['total']['articles']} in all):\n")
    sys.stdout.write(table(("ID", "DATE", "TITLE", "SNIPPET"),
                           [(a["id"], a["day"] or "undated", a["title"] or a["source"], a["snippet"])
                             for a in data["articles"]],
                           (6, 10, 40, None)))
    sys.stdout.write(f"\nattributions matching {args.text!r} ({data['total']['attributions']} in all):\n")
    sys.stdout.write(table(("ARTICLE", "SPEAKER", "STANCE", "CONTENT"),
                           [(s["article"], s["speaker"], s["stance"], s["content"]) for s in data["attributions"]],
                           (7, 28, 8, None)))
    return EXIT_OK


def cmd_errors(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        rows = queries.errors(store, limit=args.limit, offset=args.offset)
    if args.format == "json":
        print_json(rows)
    else:
        sys.stdout.write(table(("SOURCE", "REASON", "LAST", "COUNT"),
                               [(r["source"], r["reason"], r["last_at"], r["count"]) for r in rows],
                               (50, None, 25, 5)) if rows else "no errors\n")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ..views import export
    if args.format == "parquet" and not args.out:
        raise OnrecordError("export --format parquet needs --out FILE.parquet")
    if args.out:
        export.check_out(args.out, args.force)      # before the ledger is read: a wrong path fails at once
        if os.path.exists(args.out) and os.path.exists(args.db) and os.path.samefile(args.out, args.db):
            raise OnrecordError(f"{args.out}: is the ledger itself; name another file for the export")
    with _open(args) as store:
        if not args.out:
            n = export.write(store, args.format, args.table, sys.stdout)
        else:
            with export.output_file(args.out, args.force) as part:
                if args.format == "parquet":
                    n = export.write_parquet(store, args.table, part)
                else:
                    with open(part, "w", encoding="utf-8", newline="") as out:
                        n = export.write(store, args.format, args.table, out)
    if args.out:
        what = {"claimreview": "claims", "ftm": "entities"}.get(args.format, args.table)
        print(f"{args.out}: {n} {what} row(s) as {args.format}", file=sys.stderr)
    return EXIT_OK


def cmd_split(args: argparse.Namespace) -> int:
    from ..ledger.writer import split_link
    with _open(args, read_only=False) as store:
        data = split_link(store, args.link)
    if args.format == "json":
        print_json(data)
    else:
        print(f"merge link {data['link']}: '{printable(data['name'])}' is now actor {data['new_actor']} (split from "
              f"actor {data['from_actor']}; {data['attributions_moved']} attribution(s) moved)")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    import time

    from ..ledger.store import backup
    started = time.perf_counter()
    counts = backup(args.db, args.out)
    print(f"{args.out}: copy of {args.db} ({counts['articles']} articles, {counts['attributions']} attributions, "
          f"{counts['claims']} claims, {counts['errors']} errors) in {time.perf_counter() - started:.1f} s")
    return EXIT_OK
