"""Commands on texts: ``onrecord extract`` (attributions of each article read) and ``onrecord eval`` (accuracy)."""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..article import Article, with_mode
from ..batch.runner import batches
from ..errors import InputError, OnrecordError
from ..ingest.document import Document, Failure
from ..ingest.reader import STDIN
from ..models import DEFAULT_MODEL, check_installed
from ..validation import MODES
from .common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_mode_option, error, printable, shorten
from .reading import add_provenance, provenance_options

# what the reader says of a path that does not exist: a usage error (exit 2), not a failed input
MISSING = "no such file or directory"

BATCH = 64


def add_commands(sub: argparse._SubParsersAction) -> None:
    ex = sub.add_parser("extract", help="print every attribution in articles (txt, html, jsonl, warc, rss/atom; "
                                        "- for stdin)",
                        description="Print every attribution in each article read, with exact character offsets "
                                    "into the article's text. Inputs are read as ingest reads them: one article "
                                    "per document (an HTML page, a JSONL line, a WARC response, a feed entry).")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="file or directory (recursive), or - for stdin text")
    ex.add_argument("--format", choices=("json", "jsonl", "table"), default="json",
                    help="json (default): one object for one article (one line each for several); jsonl; table")
    ex.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    ex.add_argument("--field", action="append", default=[], metavar="NAME=FIELD",
                    help="JSONL field name, as for ingest (default: the names themselves)")
    ex.add_argument("--no-clean", action="store_true",
                    help="keep boilerplate lines and repeated paragraphs (default: removed, as ingest does)")
    ex.add_argument("--with-text", action="store_true",
                    help="add each article's text (what the offsets count in) to the JSON (default: off)")
    add_provenance(ex)
    add_mode_option(ex, "print only attributions of this mode: speech (said, wrote, quoted), thought (believes, "
                        "wants, plans) or all")
    ex.set_defaults(run=cmd_extract)

    ev = sub.add_parser("eval", help="score extraction on an annotated corpus (PolNeAR, or hand-labelled wire copy)",
                        description="Score onrecord on an annotated corpus read by path. polnear: a PolNeAR split "
                                    "(brat standoff: text/ and attributions/), scored exact, partial, source and "
                                    "cue F1, optionally next to a baseline. wire: hand-labelled articles "
                                    "(NN-name.txt + NN-name.gold.json), scored as the share of gold attributions "
                                    "found with the right resolved speaker and of denials read as deny. disputes: "
                                    "the same pairs with statements labelled by dispute and position, scored "
                                    "through a ledger. speakers: speaker identity and cross-article actors on a "
                                    "PolNeAR split with entity labels. events: name.txt + name.gold.json pairs "
                                    "with gold events, scored by (type, agent, target), status and date. quotes: a "
                                    "speech-only quote corpus (NAME.txt + NAME.quotes.jsonl, or brat standoff), "
                                    "scored in speech mode: quote partial F1, exact F1 with split quotes part by "
                                    "part, and resolved-speaker accuracy.")
    ev.add_argument("corpus", choices=("polnear", "wire", "disputes", "speakers", "events", "quotes"),
                    help="polnear: brat standoff split; wire: NN-name.txt + NN-name.gold.json pairs; disputes: "
                         "the same pairs with statements labelled by dispute and position, scored through a "
                         "ledger; speakers: speaker identity and cross-article actors on a PolNeAR split with "
                         "entity labels; events: name.txt + name.gold.json pairs with gold events; quotes: "
                         "speech-only quotes (see README, Speech-only quote corpora)")
    ev.add_argument("split_dir", metavar="SPLIT_DIR",
                    help="polnear: folder with text/ and attributions/; wire, disputes, events, quotes: folder of "
                         "gold pairs")
    ev.add_argument("--errors", metavar="OUT.jsonl",
                    help="polnear, events and quotes: write every false positive and false negative (quotes: and "
                         "wrong speaker) here")
    ev.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or json")
    ev.add_argument("--baseline", choices=("textacy",),
                    help="polnear only: also score a peer (textacy) on the same texts and model")
    ev.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default {DEFAULT_MODEL})")
    ev.add_argument("--mode", choices=MODES, default=None,
                    help="polnear: score only output of this mode; speech scores it against the gold attributions "
                         "whose cue is a verb or noun of speaking or writing (see README, Said or thought); quotes: "
                         "the output scored (default all for polnear, speech for quotes)")
    ev.add_argument("--mode-labels", metavar="LABELS.tsv",
                    help="polnear: also report mode accuracy against hand labels (article, start, end, mode)")
    ev.add_argument("--labels", metavar="FILE",
                    help="speakers: entity labels (default: the bundled PolNeAR dev labels)")
    ev.add_argument("--part", choices=("seen", "unseen", "all"), default="seen",
                    help="speakers: which labels to score (default seen)")
    ev.set_defaults(run=cmd_eval)


def _documents(args: argparse.Namespace, failures: list[str]) -> Iterator[Document]:
    """The documents of every input, read as ingest reads them; each failure printed as one line and counted."""
    from ..ingest.reader import ReadOptions, read
    from .ledger import _fields

    options = ReadOptions(fields=_fields(args.field), clean=not args.no_clean, **provenance_options(args))
    for item in read(args.paths, options):
        if isinstance(item, Failure):
            error(f"{item.source}: {item.reason}")
            failures.append(("missing:" if item.reason == MISSING else "") + item.source)
        else:
            yield item


def cmd_extract(args: argparse.Namespace) -> int:
    from ..attribution.when import with_provenance
    from ..pipeline import Extractor

    check_installed(args.model)
    failures: list[str] = []
    documents = _documents(args, failures)
    # one article is printed as one indented object, several as one line each (several inputs, a folder, or a
    # container holding more than one document: two are read before deciding)
    first = list(itertools.islice(documents, 2))
    several = len(first) > 1 or len(args.paths) > 1 or any(os.path.isdir(p) for p in args.paths)
    extractor = Extractor(args.model) if first else None
    out = sys.stdout
    for batch in batches(itertools.chain(first, documents), BATCH):
        articles = extractor.extract_many([(d.source, d.text) for d in batch])
        for doc, article in zip(batch, articles):
            article = with_mode(with_provenance(article, doc), args.mode)
            if doc.source == STDIN:
                article = replace(article, source="-")
            data = article.to_dict() | ({"text": doc.text} if args.with_text else {})
            if args.format == "table":
                out.write(format_table(article))
            elif args.format == "json" and not several:
                out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
            else:
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
        out.flush()
    if any(f.startswith("missing:") for f in failures):
        return EXIT_USAGE
    return EXIT_FAILED if failures else EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..evaluate.modes import read_labels
    from ..evaluate.report import evaluate, format_table, mode_accuracy, to_json
    from ..pipeline import Extractor

    split = Path(args.split_dir)
    if args.corpus == "wire":
        for option, value in (("--baseline", args.baseline), ("--errors", args.errors)):
            if value:
                raise OnrecordError(f"eval wire: {option} is for polnear only (wire copy is scored by speaker and "
                                    "denial, with no baseline and no error file); leave it out")
        return _eval_wire(split, args)
    if args.corpus == "disputes":
        return _eval_disputes(split, args)
    if args.corpus == "speakers":
        return _eval_speakers(split, args)
    if args.corpus == "events":
        return _eval_events(split, args)
    if args.corpus == "quotes":
        return _eval_quotes(split, args)
    if not (split / "text").is_dir() or not (split / "attributions").is_dir():
        raise InputError(args.split_dir, "is not a PolNeAR split (expected text/ and attributions/ inside)")
    if args.mode_labels:
        try:
            labels = read_labels(args.mode_labels)
        except OSError as exc:
            raise InputError(args.mode_labels, exc.strerror or "cannot be read") from exc
        except ValueError as exc:
            error(str(exc))
            return EXIT_USAGE
        extractor = Extractor(args.model)
        try:
            figures = mode_accuracy(split, lambda items: list(extractor.extract_many(items)), labels).to_dict()
        except ValueError as exc:
            error(f"{args.mode_labels}: {exc}")
            return EXIT_USAGE
        if args.format == "json":
            print(json.dumps(figures, indent=2))
        else:
            print(f"{args.mode_labels}: {figures['labels']} hand-labelled gold attributions")
            print(f"extractor mode right on the {figures['found']} it found: {figures['extractor_right']}"
                  f" = {figures['extractor_accuracy']:.3f}")
            print(f"gold cue classes (--mode) right on the {figures['gold_classed']} classed: "
                  f"{figures['gold_classes_right']} = {figures['gold_class_accuracy']:.3f}")
        return EXIT_OK
    extractor = Extractor(args.model)
    reports = {"onrecord": evaluate(split, lambda items: list(extractor.extract_many(items)),
                                    errors_path=args.errors, mode=args.mode or "all")}
    if args.baseline == "textacy":
        from ..evaluate.baseline import textacy_extract_many
        reports["textacy"] = evaluate(split, textacy_extract_many(extractor.nlp))
    print(format_table(reports) if args.format == "table" else to_json(reports))
    return EXIT_OK


def _eval_disputes(folder, args: argparse.Namespace) -> int:
    from ..evaluate import disputes
    from ..pipeline import Extractor

    if not folder.is_dir() or not list(folder.glob("*.gold.json")):
        raise InputError(str(folder), "holds no *.gold.json files")
    try:
        figures = disputes.evaluate(folder, Extractor(args.model).extract_many)
    except ValueError as exc:
        raise InputError(str(folder), str(exc)) from None
    if args.errors:
        Path(args.errors).write_text("\n".join(json.dumps(e, ensure_ascii=False)
                                               for e in figures["errors"] + figures["unlisted"]) + "\n",
                                    encoding="utf-8")
    if args.format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(disputes.format_table(folder, figures), end="")
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


def _eval_speakers(split, args: argparse.Namespace) -> int:
    from ..evaluate.speakers import default_labels, read_labels, score
    from ..pipeline import Extractor

    if not (split / "text").is_dir():
        raise InputError(str(split), "is not a PolNeAR split (expected text/ inside)")
    labels = read_labels(args.labels or default_labels())
    figures = score(split, labels, Extractor(args.model).extract_many, args.part)
    if args.format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{split} ({figures['part']} labels): {figures['articles']} articles, {figures['identifiable']} "
          f"identifiable source mentions, {figures['matched']} matched by a predicted speaker")
    print(f"speaker accuracy: {figures['speaker_right']}/{figures['matched']} = {figures['speaker_accuracy']:.3f}"
          f" (over resolved speakers only: {figures['resolved_precision']:.3f} of {figures['resolved']})")
    print(f"cross-article pairwise: precision {figures['pairwise_precision']:.3f} "
          f"({figures['pairs_same_actor']} pairs in one actor), recall {figures['pairwise_recall']:.3f} "
          f"({figures['pairs_same_entity']} pairs of one entity)")
    print(f"B-cubed: precision {figures['bcubed_precision']:.3f}, recall {figures['bcubed_recall']:.3f}")
    print(f"merges of two given names: {len(figures['given_name_merges'])}"
          f"{' — ' + '; '.join(figures['given_name_merges']) if figures['given_name_merges'] else ''}")
    generic = figures["generic_cross_article_actors"]
    print(f"generic labels as cross-article actors: {len(generic)}{' — ' + ', '.join(generic) if generic else ''}")
def _eval_quotes(folder: Path, args: argparse.Namespace) -> int:
    from ..evaluate.quotes import evaluate, format_report
    from ..evaluate.report import write_jsonl
    from ..pipeline import Extractor

    if args.baseline:
        raise OnrecordError("eval quotes: --baseline is for polnear only; leave it out")
    errors: list[dict] | None = [] if args.errors else None
    # the model is loaded once the corpus has been read (a bad gold file fails in a second, not after the load)
    report = evaluate(folder, lambda items: list(Extractor(args.model).extract_many(items)),
                      mode=args.mode or "speech", errors=errors)
    if args.errors:
        write_jsonl(args.errors, errors or [])
    print(json.dumps(report.to_dict(), indent=2) if args.format == "json" else format_report(report))
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
