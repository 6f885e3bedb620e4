"""Reader for PolNeAR brat standoff: one GoldArticle (text + gold attributions) per text file.

Layout of a split directory: ``text/<name>.txt`` and ``attributions/<name>[_<annotator>].ann``.
An article annotated by several annotators has one ``.ann`` per annotator; the canonical one is
``<name>.ann`` if present, else the annotator file whose id sorts first.

A gold attribution is a brat ``E`` line whose roles point at ``T`` lines: ``Content`` (``Content2``,
``Content3``… are further parts of the same content), ``Cue`` and ``Source``. ``T`` offsets may be
discontinuous (``start end;start end``). The reader never raises on a bad annotation: malformed
lines, offsets that do not match the text and events without content are skipped and recorded in
``GoldArticle.problems`` (the total is logged once per split).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

Parts = tuple[tuple[int, int], ...]

_RECORD_START = re.compile(r"^(?:[TERAMN]\d+|#\d*|\*)\t")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$", re.DOTALL)
_E_LINE = re.compile(r"^(E\d+)\t(\S+(?: \S+)*)\s*$")
_ROLE = re.compile(r"^(Content|Cue|Source)(\d*)$")


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One gold attribution: sorted, non-overlapping character parts; ``()`` when a role is absent."""

    id: str
    content: Parts
    cue: Parts = ()
    source: Parts = ()

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """A PolNeAR article: its text, the annotation file used and the gold attributions in it."""

    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    annotation: str = ""
    problems: tuple[str, ...] = ()


def normalise_parts(parts: list[tuple[int, int]] | Parts) -> Parts:
    """Sort parts and merge the ones that overlap or touch."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(parts):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def annotation_files(split_dir: str | Path) -> dict[str, Path]:
    """Map every text name in the split to its canonical annotation file (texts without one are absent)."""
    root = Path(split_dir)
    names = {p.stem for p in (root / "text").glob("*.txt")}
    canonical: dict[str, Path] = {}
    by_annotator: dict[str, list[tuple[str, Path]]] = {}
    for path in (root / "attributions").glob("*.ann"):
        stem = path.stem
        if stem in names:
            canonical[stem] = path
            continue
        base, sep, annotator = stem.rpartition("_")
        if sep and base in names:
            by_annotator.setdefault(base, []).append((annotator, path))
    for name, files in by_annotator.items():
        canonical.setdefault(name, min(files)[1])
    return canonical


def _records(lines: list[str], problems: list[str]) -> list[str]:
    """Group physical lines into brat records: a span text containing newlines continues on the next lines."""
    records: list[str] = []
    for number, line in enumerate(lines, 1):
        if _RECORD_START.match(line):
            records.append(line)
        elif records and records[-1].startswith("T"):
            records[-1] += "\n" + line
        elif line.strip():
            problems.append(f"line {number}: unrecognised {line[:40]!r}")
    return records


def _same_text(annotated: str, actual: str) -> bool:
    return annotated == actual or annotated.split() == actual.split()


def _parse_t(record: str, text: str, problems: list[str]) -> tuple[str, Parts] | None:
    match = _T_LINE.match(record.rstrip("\n"))
    if match is None:
        problems.append(f"malformed span line {record[:40]!r}")
        return None
    tid, _kind, offsets, annotated = match.groups()
    parts = [tuple(int(x) for x in frag.split()) for frag in offsets.split(";")]
    if any(not 0 <= s < e <= len(text) for s, e in parts):
        problems.append(f"{tid}: invalid offsets {offsets}")
        return None
    if not _same_text(annotated, " ".join(text[s:e] for s, e in parts)):
        problems.append(f"{tid}: span text does not match the text at {offsets}")
        return None
    return tid, normalise_parts(parts)  # type: ignore[arg-type]


def _parse_e(record: str, spans: dict[str, Parts], problems: list[str]) -> GoldAttribution | None:
    match = _E_LINE.match(record)
    if match is None:
        problems.append(f"malformed event line {record[:40]!r}")
        return None
    eid, args = match.groups()
    roles: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
    for arg in args.split()[1:]:  # the first argument is the trigger
        role, sep, target = arg.partition(":")
        role_match = _ROLE.match(role)
        if not sep or role_match is None:
            continue
        if target not in spans:
            problems.append(f"{eid}: {role} points at missing or invalid span {target}")
            return None
        roles[role_match.group(1)].extend(spans[target])
    if not roles["Content"]:
        problems.append(f"{eid}: no content")
        return None
    return GoldAttribution(eid, normalise_parts(roles["Content"]), normalise_parts(roles["Cue"]),
                           normalise_parts(roles["Source"]))


def parse_ann(ann: str, text: str) -> tuple[tuple[GoldAttribution, ...], tuple[str, ...]]:
    """Parse the content of one ``.ann`` file against its text: (gold attributions, problems)."""
    problems: list[str] = []
    records = _records(ann.replace("\r\n", "\n").split("\n"), problems)
    spans: dict[str, Parts] = {}
    for record in records:
        if record.startswith("T"):
            parsed = _parse_t(record, text, problems)
            if parsed is not None:
                spans[parsed[0]] = parsed[1]
    attributions = []
    for record in records:
        if record.startswith("E"):
            gold = _parse_e(record, spans, problems)
            if gold is not None:
                attributions.append(gold)
    attributions.sort(key=lambda g: (g.start, g.end, g.id))
    return tuple(attributions), tuple(problems)


def read_article(text_path: str | Path, ann_path: str | Path | None) -> GoldArticle:
    """Read one text and (optionally) its annotation file; a missing annotation gives no gold."""
    text_path = Path(text_path)
    text = text_path.read_text(encoding="utf-8")
    if ann_path is None:
        return GoldArticle(text_path.stem, text, (), "", ("no annotation file",))
    ann_path = Path(ann_path)
    try:
        ann = ann_path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return GoldArticle(text_path.stem, text, (), ann_path.name, (f"unreadable: {exc}",))
    attributions, problems = parse_ann(ann, text)
    return GoldArticle(text_path.stem, text, attributions, ann_path.name, problems)


def read_split(split_dir: str | Path) -> list[GoldArticle]:
    """Read every ``text/*.txt`` of a split with its canonical annotation file, sorted by name."""
    root = Path(split_dir)
    if not (root / "text").is_dir():
        raise FileNotFoundError(f"{root}: no text/ directory")
    anns = annotation_files(root)
    articles = [read_article(path, anns.get(path.stem)) for path in sorted((root / "text").glob("*.txt"))]
    skipped = sum(len(a.problems) for a in articles)
    if skipped:
        log.warning("%s: %d annotation problems skipped in %d articles", root, skipped,
                    sum(1 for a in articles if a.problems))
    return articles
