"""Commands for corpora beyond one process: ``onrecord batch`` (Spark → Parquet) and ``onrecord ledger load``."""

from __future__ import annotations

import argparse

from ..models import DEFAULT_MODEL
from .common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    add_db,
    add_summary_format,
    error,
    interrupted,
    positive,
    print_json,
)
from .reading import add_provenance, provenance_options

# How many of a batch run's failures are printed; the failures table holds them all
FAILURES_SHOWN = 5


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Registers ``batch`` and ``ledger``."""
    p = sub.add_parser("batch", help="extract a corpus on Apache Spark into Parquet tables",
                       description="Read articles (txt, html, jsonl, warc, rss/atom, parquet with a text column), "
                                   "extract attributions on Spark and write the Parquet tables articles, "
                                   "attributions, actors and failures under --out (tables there are replaced). "
                                   "Load them into a ledger with: onrecord ledger load DIR --db FILE.")
    p.add_argument("paths", nargs="+", metavar="INPUT",
                   help="file or directory (recursive), local or a URI the executors can read (hdfs://, s3a://)")
    p.add_argument("--engine", choices=("spark",), default="spark", help="spark (default; needs onrecord[spark])")
    p.add_argument("--out", required=True, metavar="DIR", help="where the Parquet tables are written")
    p.add_argument("--master", metavar="URL",
                   help="Spark master: local[N], spark://HOST:PORT, yarn, k8s://… (default: the one spark-submit "
                        "sets, else local[*]); on a cluster the executors run this Python unless --python-env")
    p.add_argument("--python-env", metavar="FILE.tar.gz",
                   help="a packed environment with onrecord and the model (venv-pack or conda-pack), shipped to "
                        "the executors through spark.archives and run as ./env/bin/python (default: none)")
    p.add_argument("--conf", action="append", default=[], type=_setting, metavar="KEY=VALUE",
                   help="a Spark setting, as spark-submit --conf (repeatable; default: none)")
    p.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy pipeline installed on every executor "
                                                          f"(default {DEFAULT_MODEL})")
    p.add_argument("--partitions", type=positive("--partitions"), metavar="N",
                   help="partitions documents are extracted in (default 4 × the cluster's cores)")
    p.add_argument("--field", action="append", default=[], metavar="NAME=FIELD",
                   help="JSONL field / Parquet column name, e.g. --field text=body (as for ingest)")
    p.add_argument("--no-clean", action="store_true", help="keep boilerplate lines and repeated paragraphs")
    add_provenance(p)
    add_summary_format(p)
    p.set_defaults(run=cmd_batch)

    p = sub.add_parser("ledger", help="ledger maintenance: load Parquet tables written by onrecord batch")
    commands = p.add_subparsers(dest="ledger_command", metavar="COMMAND", required=True)
    q = commands.add_parser("load", help="build or extend a ledger from the tables of onrecord batch",
                            description="Add the articles of the Parquet tables under DIR to the ledger (actors "
                                        "merged, claims, contradictions), in input order. Stored articles are "
                                        "skipped, so loading twice changes nothing.")
    q.add_argument("directory", metavar="DIR", help="the --out folder of onrecord batch")
    add_db(q)
    q.add_argument("--batch-size", type=positive("--batch-size"), default=64, metavar="N",
                   help="articles per transaction (default 64)")
    add_summary_format(q)
    q.set_defaults(run=cmd_load)


def _setting(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not KEY=VALUE (e.g. spark.executor.memory=4g)")
    return key.strip(), value


def cmd_batch(args: argparse.Namespace) -> int:
    from ..batch.spark import run_batch
    from ..ingest.reader import ReadOptions
    from .ledger import _fields

    options = ReadOptions(fields=_fields(args.field), clean=not args.no_clean, **provenance_options(args))
    try:
        report = run_batch(args.paths, args.out, model=args.model, master=args.master, options=options,
                           partitions=args.partitions, conf=dict(args.conf), python_env=args.python_env)
    except KeyboardInterrupt:
        interrupted(f"the tables under {args.out} are incomplete and must not be loaded",
                    "run the same onrecord batch again: it replaces them")
        return EXIT_INTERRUPTED
    failures = first_failures(args.out, FAILURES_SHOWN) if report.failures else []
    for source, reason in failures:
        error(f"{source}: {reason}")
    if report.failures > len(failures):
        error(f"… and {report.failures - len(failures)} more input(s) that gave no article: onrecord ledger load "
              f"records them all in the ledger's errors (onrecord errors), or read {args.out}/failures")
    if args.format == "json":
        print_json({"out": args.out, "articles": report.articles, "attributions": report.attributions,
                    "actor_mentions": report.actors, "failed": report.failures,
                    "failures": [{"source": s, "reason": r} for s, r in failures],
                    "seconds": round(report.seconds, 3)})
    else:
        print(f"{args.out}: {report.articles} article(s) with {report.attributions} attribution(s) and "
              f"{report.actors} actor mention(s), {report.failures} failed ({report.seconds:.1f} s); "
              f"load them with: onrecord ledger load {args.out} --db FILE")
    return EXIT_FAILED if report.failures else EXIT_OK


def first_failures(directory: str, n: int) -> list[tuple[str, str]]:
    """The first ``n`` rows (source, reason) of the failures table under ``directory``, in input order."""
    from itertools import islice

    from ..ledger.load import table_rows
    return [(row["source"], row["reason"]) for row in islice(table_rows(directory, "failures"), n)]


def cmd_load(args: argparse.Namespace) -> int:
    from ..batch.runner import ProgressPrinter
    from ..ledger.load import load
    from ..ledger.store import Store
    from .ledger import interrupted_run, summarise

    reporter = ProgressPrinter()
    with Store.open(args.db) as store:
        before = store.counts()["articles"]
        try:
            report = load(args.directory, store, batch_size=args.batch_size, progress=reporter)
        except KeyboardInterrupt:
            reporter.done()
            return interrupted_run(store, before, "ledger load")
        counts = store.counts()
    reporter.done()
    # as ingest: the inputs that gave no article are listed, kept in the ledger's errors, and make the exit code 1
    return summarise(args, report, counts, "failure(s) recorded")
