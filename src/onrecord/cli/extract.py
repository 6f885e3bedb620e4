"""Commands on texts: ``onrecord extract`` (attributions of each input) and ``onrecord eval`` (accuracy)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Iterator

from ..article import Article
from ..batch.runner import batches
from ..errors import InputError
from ..ingest.text import expand, read_text
from ..models import DEFAULT_MODEL
from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error, printable, shorten

BATCH = 64


def add_commands(sub: argparse._SubParsersAction) -> None:
    ex = sub.add_parser("extract", help="print every attribution in articles (plain text files or - for stdin)",
                        description="Print every attribution in each input, with exact character offsets.")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="text file, directory of .txt files, or - for stdin")
    ex.add_argument("--format", choices=("json", "jsonl", "table"), default="json",
                    help="json: one object for one input (one line each for several); jsonl; table")
    ex.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    ex.set_defaults(run=cmd_extract)

    ev = sub.add_parser("eval", help="score extraction on an annotated corpus (PolNeAR, or hand-labelled wire copy)",
                        description="Score onrecord (and optionally a baseline) on a PolNeAR split read by path.")
    ev.add_argument("corpus", choices=("polnear", "wire", "events"),
                    help="polnear: brat standoff split; wire: NN-name.txt + NN-name.gold.json pairs; "
                         "events: name.txt + name.gold.json pairs with gold events")
    ev.add_argument("split_dir", metavar="SPLIT_DIR",
                    help="polnear: folder with text/ and attributions/; wire, events: folder of gold pairs")
    ev.add_argument("--errors", metavar="OUT.jsonl", help="write every false positive and false negative here")
    ev.add_argument("--format", choices=("table", "json"), default="table")
    ev.add_argument("--baseline", choices=("textacy",), help="also score a peer on the same texts and model")
    ev.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    ev.set_defaults(run=cmd_eval)


def _read_all(paths: list[str], failures: list[str]) -> Iterator[tuple[str, str]]:
    for path in paths:
        try:
            yield path, read_text(path)
        except InputError as exc:
            error(str(exc))
            failures.append(path if exc.problem != "no such file or directory" else "missing:" + path)


def cmd_extract(args: argparse.Namespace) -> int:
    from ..pipeline import Extractor

    paths = expand(args.paths)
    extractor = Extractor(args.model)
    failures: list[str] = []
    several = len(paths) > 1
    out = sys.stdout
    for batch in batches(_read_all(paths, failures), BATCH):
        for article in extractor.extract_many(batch):
            if args.format == "table":
                out.write(format_table(article))
            elif args.format == "json" and not several:
                out.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    if any(f.startswith("missing:") for f in failures):
        return EXIT_USAGE
    return EXIT_FAILED if failures else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..evaluate.report import evaluate, format_table, to_json
    from ..pipeline import Extractor

    split = Path(args.split_dir)
    if args.corpus == "wire":
        return _eval_wire(split, args)
    if args.corpus == "events":
        return _eval_events(split, args)
    if not (split / "text").is_dir() or not (split / "attributions").is_dir():
        raise InputError(args.split_dir, "is not a PolNeAR split (expected text/ and attributions/ inside)")
    extractor = Extractor(args.model)
    reports = {"onrecord": evaluate(split, lambda items: list(extractor.extract_many(items)),
                                    errors_path=args.errors)}
    if args.baseline == "textacy":
        from ..evaluate.baseline import textacy_extract_many
        reports["textacy"] = evaluate(split, textacy_extract_many(extractor.nlp))
    print(format_table(reports) if args.format == "table" else to_json(reports))
    return EXIT_OK


def _eval_wire(folder, args: argparse.Namespace) -> int:
    from ..evaluate.wire import load_gold, score_directory
    from ..pipeline import Extractor

    if not folder.is_dir() or not load_gold(folder):
        raise InputError(str(folder), "holds no *.gold.json files")
    score = score_directory(folder, Extractor(args.model).extract_many)
    figures = score.to_dict()
    if args.format == "json":
        print(json.dumps(figures | {"misses": score.misses}, ensure_ascii=False, indent=2))
    else:
        print(f"{folder}: {figures['gold']} gold attributions, {figures['predicted']} predicted")
        print(f"found with the right resolved speaker: {figures['found_with_right_speaker']}/{figures['gold']}"
              f" = {figures['speaker_accuracy']:.3f}")
        print(f"denials with deny stance: {figures['denials_right']}/{figures['denials']}"
              f" = {figures['deny_accuracy']:.3f}")
        print(f"stance right on found attributions: {figures['stance_right']}/{figures['found']}")
    return EXIT_OK


def _eval_events(folder, args: argparse.Namespace) -> int:
    from ..evaluate.events import score_directory
    from ..pipeline import Extractor

    if not folder.is_dir():
        raise InputError(str(folder), "is not a directory")
    score = score_directory(folder, Extractor(args.model).extract_many)
    figures = score.to_dict()
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            for err in score.errors:
                out.write(json.dumps(err, ensure_ascii=False) + "\n")
    if args.format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(f"{folder}: {figures['gold']} gold (type, agent, target) tuples, {figures['predicted']} predicted")
        print(f"precision {figures['true_positive_predicted']}/{figures['predicted']} = {figures['precision']:.3f}"
              f"   recall {figures['found_gold']}/{figures['gold']} = {figures['recall']:.3f}")
        print(f"on {figures['matched_events']} matched events: status accuracy {figures['status_accuracy']:.3f},"
              f" date accuracy {figures['date_accuracy']:.3f}; target kind accuracy"
              f" {figures['target_kind_accuracy']:.3f}")
    return EXIT_OK


def format_table(article: Article) -> str:
    """A readable terminal table: speaker, stance, cue and shortened content, one attribution a row."""
    width = max(80, shutil.get_terminal_size((120, 20)).columns)
    rows = [(a.speaker.name or (a.speaker.mention.text if a.speaker.mention else "?"), a.stance,
             a.cue.text if a.cue else "—", " … ".join(a.content.text[s - a.content.start:e - a.content.start]
                                                     for s, e in a.content.parts))
            for a in article.attributions]
    head = ("SPEAKER", "STANCE", "CUE", "CONTENT")
    w_speaker = min(28, max([len(head[0])] + [len(r[0]) for r in rows]))
    w_stance = max(len(head[1]), *(len(r[1]) for r in rows)) if rows else len(head[1])
    w_cue = min(14, max([len(head[2])] + [len(r[2]) for r in rows]))
    w_content = max(20, width - w_speaker - w_stance - w_cue - 6)
    lines = [f"# {printable(article.source)}: {len(article.attributions)} attribution(s)",
             f"{head[0]:<{w_speaker}}  {head[1]:<{w_stance}}  {head[2]:<{w_cue}}  {head[3]}"]
    for speaker, stance, cue, content in rows:
        lines.append(f"{shorten(speaker, w_speaker):<{w_speaker}}  {stance:<{w_stance}}  "
                     f"{shorten(cue, w_cue):<{w_cue}}  {shorten(content, w_content)}")
    return "\n".join(lines) + "\n\n"
