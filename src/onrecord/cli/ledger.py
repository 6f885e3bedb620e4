"""Commands on the ledger: ingest, actors, actor, claims, claim, search, errors, export, backup, split."""

from __future__ import annotations

import argparse
import sys

from ..errors import OnrecordError
from ..models import DEFAULT_MODEL, check_installed
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    add_db,
    add_format,
    add_page,
    error,
    print_json,
    printable,
    shorten,
    table,
)


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ingest", help="read articles (txt, html, jsonl, warc, rss/atom) into the SQLite ledger",
                       description="Read articles, extract attributions and store them in the ledger. Already "
                                   "stored articles are skipped, so a re-run completes an interrupted one.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="file or directory (recursive); - for stdin text")
    add_db(p)
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    p.add_argument("--field", action="append", default=[], metavar="NAME=FIELD",
                   help="JSONL field name, e.g. --field text=body --field published=date (names: text, title, url, "
                        "published, source, author)")
    p.add_argument("--no-clean", action="store_true", help="keep boilerplate lines and repeated paragraphs")
    p.add_argument("--batch-size", type=int, default=64, help="articles per transaction (default 64)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="extraction processes, one model each (default: all cores); 1 extracts in this process")
    p.set_defaults(run=cmd_ingest)

    p = sub.add_parser("actors", help="list actors, most quoted first")
    add_db(p)
    add_format(p)
    add_page(p)
    p.add_argument("--kind", choices=("person", "organization", "place", "group", "unknown"))
    p.set_defaults(run=cmd_actors)

    p = sub.add_parser("actor", help="one actor: identity, merges and every statement, oldest first")
    p.add_argument("name", metavar="NAME_OR_ID")
    add_db(p)
    add_format(p)
    add_page(p, limit=500)
    p.set_defaults(run=cmd_actor)

    p = sub.add_parser("claims", help="claims with who asserts and who denies them")
    add_db(p)
    add_format(p)
    add_page(p, limit=20)
    p.add_argument("--contested", action="store_true", help="only claims one actor asserts and another denies")
    p.add_argument("--about", metavar="ENTITY", help="only claims mentioning this entity (name or alias)")
    p.set_defaults(run=cmd_claims)

    p = sub.add_parser("claim", help="one claim with its supporters and deniers")
    p.add_argument("claim_id", metavar="ID")
    add_db(p)
    add_format(p)
    p.set_defaults(run=cmd_claim)

    p = sub.add_parser("search", help="full-text search over articles and attributions (SQLite FTS5)")
    p.add_argument("text", metavar="TEXT")
    add_db(p)
    add_format(p)
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("errors", help="inputs that could not be ingested, and why")
    add_db(p)
    add_format(p)
    add_page(p)
    p.set_defaults(run=cmd_errors)

    p = sub.add_parser("export", help="export the ledger as jsonl, csv, parquet, ClaimReview JSON-LD or "
                                      "FollowTheMoney entities")
    add_db(p)
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "claimreview", "ftm"), default="jsonl",
                   help="jsonl (default), csv, parquet, claimreview (claims), ftm (events as FollowTheMoney "
                        "entities, JSON lines)")
    p.add_argument("--table", choices=("attributions", "claims", "actors", "articles", "events"),
                   default="attributions", help="which table (jsonl, csv, parquet; default attributions)")
    p.add_argument("--out", metavar="PATH", help="output file (default stdout; required for parquet)")
    p.set_defaults(run=cmd_export)

    p = sub.add_parser("backup", help="copy the ledger consistently into a new file, even while ingest writes",
                       description="Copy the ledger with SQLite's online backup API: the copy is the ledger as of "
                                   "one commit, taken without stopping a running ingest. OUT must not exist.")
    add_db(p)
    p.add_argument("out", metavar="OUT", help="the new file (never overwritten)")
    p.set_defaults(run=cmd_backup)

    p = sub.add_parser("split", help="undo a wrong actor merge (LINK from 'onrecord actor NAME' merges)")
    p.add_argument("link", type=int, metavar="LINK")
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

    options = ReadOptions(fields=_fields(args.field), clean=not args.no_clean)
    workers = default_workers() if args.workers is None else args.workers
    if workers < 1:
        raise OnrecordError(f"--workers {workers}: expected 1 or more")
    check_installed(args.model)   # before the ledger file is created
    reporter = ProgressPrinter()
    with _open(args, read_only=False) as store:
        # the model is loaded where extraction runs: here with --workers 1 or a small input, else in each worker
        report = ingest(args.paths, store, model=args.model, options=options, batch_size=max(1, args.batch_size),
                        progress=reporter, workers=workers)
        counts = store.counts()
    reporter.done()
    for failure in report.failures:
        error(f"{failure.source}: {failure.reason}")
    print(f"{args.db}: added {report.added} article(s) with {report.attributions} attribution(s), "
          f"skipped {report.skipped} already stored, {len(report.failures)} failed "
          f"({report.seconds:.1f} s, {report.articles_per_second:.1f} articles/s); "
          f"ledger: {counts['articles']} articles, {counts['stories']} stories, {counts['actors']} actors, "
          f"{counts['attributions']} attributions, {counts['claims']} claims")
    return EXIT_FAILED if report.failures else EXIT_OK


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
        data = queries.actor(store, args.name, limit=args.limit, offset=args.offset)
    if args.format == "json":
        print_json(data)
        return EXIT_OK
    out = _SafeOut(sys.stdout)
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
    out.write("  merges (LINK article: mention — method score — evidence):\n")
    for m in data["merges"]:
        out.write(f"    {m['link']} a{m['article']}: {m['local_name']} — {m['method']} {m['score']:.2f} — "
                  f"{m['evidence']}\n")
    out.write("\n")
    out.write(table(("DATE", "STANCE", "CUE", "ARTICLE", "SENTENCE"),
                    [(s["date"], s["stance"], s["cue"], s["title"] or s["source"], s["sentence"] or s["content"])
                     for s in data["statements"]], (10, 8, 14, 30, None)))
    return EXIT_OK


class _SafeOut:
    """Writes ledger text line by line through ``printable``: names and titles are whatever the articles held."""

    def __init__(self, stream) -> None:  # noqa: ANN001 - any text stream
        self.stream = stream

    def write(self, text: str) -> None:
        self.stream.write("\n".join(printable(line) for line in text.split("\n")))


def _claim_lines(c: dict) -> str:
    flag = "CONTESTED " if c["contested"] else ""
    lines = [f"claim {c['id']}: {flag}{shorten(c['text'], 200)}",
             f"  {c['first_date']} … {c['last_date']}; support {c['support']}, denial {c['denial']}"
             f" (distinct speaker and story)"]
    for label, entries in (("asserted by", c["supporters"]), ("denied by", c["deniers"]), ("other", c["others"])):
        for e in entries:
            # the cue tells apart two statements of one speaker in one sentence ("denied that …, calling the
            # accusation a provocation" links both to the claim)
            lines.append(f"  {label}: {e['speaker'] or '(unnamed)'} [{e['claim_stance']}, \"{shorten(e['cue'], 30)}\"]"
                         f" {e['date']} — {shorten(e['title'] or e['source'], 40)} (article {e['article']},"
                         f" chars {e['sentence_span'][0]}–{e['sentence_span'][1]}): {shorten(e['sentence'], 140)}")
    return "\n".join(printable(line) for line in lines) + "\n"


def cmd_claims(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        rows = queries.claims(store, contested=args.contested, about=args.about, limit=args.limit,
                              offset=args.offset)
    if args.format == "json":
        print_json(rows)
    else:
        sys.stdout.write("\n".join(_claim_lines(c) for c in rows) if rows else "no claims\n")
    return EXIT_OK


def cmd_claim(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        data = queries.claim(store, args.claim_id)
    if args.format == "json":
        print_json(data)
    else:
        sys.stdout.write(_claim_lines(data))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    from ..ledger import queries
    with _open(args) as store:
        data = queries.search(store, args.text, limit=args.limit)
    if args.format == "json":
        print_json(data)
        return EXIT_OK
    sys.stdout.write(f"articles matching {args.text!r}:\n")
    sys.stdout.write(table(("ID", "DATE", "TITLE", "SNIPPET"),
                           [(a["id"], a["day"], a["title"] or a["source"], a["snippet"]) for a in data["articles"]],
                           (6, 10, 40, None)))
    sys.stdout.write(f"\nattributions matching {args.text!r}:\n")
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
    with _open(args) as store:
        if args.format == "parquet":
            n = export.write_parquet(store, args.table, args.out)
        else:
            out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
            try:
                if args.format == "jsonl":
                    n = export.write_jsonl(store, args.table, out)
                elif args.format == "csv":
                    n = export.write_csv(store, args.table, out)
                elif args.format == "ftm":
                    from ..views.ftm import write_ftm
                    n = write_ftm(store, out)
                else:
                    n = export.write_claimreview(store, out)
            finally:
                if args.out:
                    out.close()
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
