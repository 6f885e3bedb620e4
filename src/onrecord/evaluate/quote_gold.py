"""Reader for a speech-only quote corpus: one QuoteArticle (text + gold quotes with speakers) per text file.

A folder ``DIR`` holds the corpus in one of four layouts, read by :func:`read_corpus`:

- **JSONL**: ``NAME.txt`` beside ``NAME.quotes.jsonl``, one gold quote per line::

      {"content": [[120, 164], [181, 230]], "speaker": [166, 174], "name": "Ines Varga", "aliases": ["Varga"]}

  ``content`` is a list of ``[start, end)`` character offsets into the text, one pair per part: a split quote
  (``"A," she said, "B."``) has one part per piece. ``speaker`` is the speaker's mention in the text (``null`` when
  the text names none), ``name`` the speaker resolved to a full name (``null`` when the corpus gives none) and
  ``aliases`` other acceptable names. Optional ``id``; optional ``text`` and ``speaker_text`` are checked against
  the offsets (``text``: the parts' texts joined by one space). Any other key is an error;
- **brat standoff**, as brat writes it (``NAME.txt`` beside ``NAME.ann``) or as PolNeAR lays it out
  (``text/NAME.txt`` and ``attributions/NAME.ann``): event lines with ``Content`` (``Content2``… further parts),
  ``Source`` and ``Cue`` roles (see :mod:`.polnear`); a speaker's name is an ``AnnotatorNotes`` comment on the
  event or on its ``Source`` span (``#1<TAB>AnnotatorNotes T3<TAB>Ines Varga | Varga``: ``|`` separates aliases).

- **a JSON list per article**, as the Gender Gap Tracker's human-annotated quotes are kept: ``NAME.txt`` beside
  ``NAME.json`` (or texts in ``rawtext/`` and lists in ``humanAnnotatedQuotes/``), each quote an object with
  ``quote_index`` ``"(start, end)"``, ``speaker_index`` ``"(start, end)"`` or ``""``, and ``speaker`` (the mention's
  text, also taken as the speaker's name unless it is a pronoun or has no capital letter); other keys (``quote``,
  ``verb``, ``is_floating_quote``…) are ignored. A quote whose ``quote_index`` cannot be read is an error naming
  the file and the quote's position in the list.

Offsets count Unicode characters of the text read as UTF-8 (a byte-order mark dropped). A JSONL line that cannot
be read raises InputError naming the file and line; brat annotations that do not match the text are skipped and
counted in ``problems``, as for PolNeAR.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .polnear import GoldAttribution, Parts, annotation_files, normalise_parts, parse_ann

JSONL_SUFFIX = ".quotes.jsonl"
LIST_TEXTS, LIST_GOLD = "rawtext", "humanAnnotatedQuotes"     # the Gender Gap Tracker's folder names
_INDEX = re.compile(r"^\(?\s*(\d+)\s*,\s*(\d+)\s*\)?$")
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers", "their"})
KEYS = frozenset({"id", "content", "speaker", "name", "aliases", "text", "speaker_text"})
_NOTE = re.compile(r"^#\d*\tAnnotatorNotes ([TE]\d+)\t(.*)$")
_T_OFFSETS = re.compile(r"^(T\d+)\t\S+ (\d+ \d+(?:;\d+ \d+)*)\t")


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """One gold quote: its content parts, the speaker's mention (``()`` if none) and acceptable names."""

    id: str
    content: Parts
    speaker: Parts = ()
    names: tuple[str, ...] = ()     # the resolved name first, then aliases; () when the gold gives no name

    def as_attribution(self) -> GoldAttribution:
        """The same quote as a PolNeAR gold attribution (no cue), for the shared matching of :mod:`.score`."""
        return GoldAttribution(self.id, self.content, (), self.speaker)


@dataclass(frozen=True, slots=True)
class QuoteArticle:
    name: str
    text: str
    quotes: tuple[GoldQuote, ...]
    problems: tuple[str, ...] = ()


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"is not valid UTF-8 (byte {exc.start})") from None


def _span(value: Any, text: str, what: str) -> tuple[int, int]:   # noqa: ANN401 - JSON
    if (not isinstance(value, list) or len(value) != 2 or not all(type(x) is int for x in value)
            or not 0 <= value[0] < value[1] <= len(text)):
        raise ValueError(f"{what} must be [start, end] with 0 <= start < end <= {len(text)} (got {value!r})")
    return value[0], value[1]


def _same(expected: Any, actual: str) -> bool:   # noqa: ANN401 - JSON
    return isinstance(expected, str) and expected.split() == actual.split()


def parse_quote(data: Any, text: str, number: int) -> GoldQuote:   # noqa: ANN401 - JSON
    """One JSONL gold quote; ValueError saying what is wrong with it."""
    if not isinstance(data, dict):
        raise ValueError("a line must be one JSON object")
    unknown = set(data) - KEYS
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r} (keys: {', '.join(sorted(KEYS))})")
    content = data.get("content")
    if not isinstance(content, list) or not content:
        raise ValueError("content must be a non-empty list of [start, end] parts")
    parts = normalise_parts([_span(p, text, "each content part") for p in content])
    if "text" in data and not _same(data["text"], " ".join(text[s:e] for s, e in parts)):
        raise ValueError(f"text does not match the content offsets {[list(p) for p in parts]}")
    speaker: Parts = ()
    if data.get("speaker") is not None:
        speaker = (_span(data["speaker"], text, "speaker"),)
        if "speaker_text" in data and not _same(data["speaker_text"], text[speaker[0][0]:speaker[0][1]]):
            raise ValueError(f"speaker_text does not match the speaker offsets {list(speaker[0])}")
    name, aliases = data.get("name"), data.get("aliases") or []
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ValueError("name must be a non-empty string or null")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise ValueError("aliases must be a list of names")
    if aliases and name is None:
        raise ValueError("aliases need a name")
    names = tuple(n.strip() for n in ([name] if name else []) + aliases)
    return GoldQuote(str(data.get("id", f"q{number}")), parts, speaker, names)


def read_jsonl(text_path: Path, gold_path: Path) -> QuoteArticle:
    """A text and its ``.quotes.jsonl``; InputError naming the file and line of the first bad quote."""
    text = _read_text(text_path)
    quotes = []
    with gold_path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                quotes.append(parse_quote(json.loads(line), text, number))
            except ValueError as exc:   # json.JSONDecodeError is a ValueError
                raise InputError(str(gold_path), str(exc), number) from None
    quotes.sort(key=lambda q: (q.content[0], q.id))
    return QuoteArticle(text_path.name.removesuffix(".txt"), text, tuple(quotes))


def _index(value: Any, text: str, what: str) -> tuple[int, int] | None:   # noqa: ANN401 - JSON
    """``"(start, end)"`` (or ``[start, end]``) as offsets; None for an empty index; ValueError otherwise."""
    if value in (None, "", []):
        return None
    if isinstance(value, str) and (m := _INDEX.match(value.strip())) is not None:
        value = [int(m.group(1)), int(m.group(2))]
    return _span(value, text, what)


def parse_listed_quote(data: Any, text: str, number: int) -> GoldQuote | None:   # noqa: ANN401 - JSON
    """One quote of a JSON list (Gender Gap Tracker form); None for an entry without a quote span."""
    if not isinstance(data, dict):
        raise ValueError("each quote must be a JSON object")
    content = _index(data.get("quote_index"), text, "quote_index")
    if content is None:
        return None
    speaker_span = _index(data.get("speaker_index"), text, "speaker_index")
    mention = data.get("speaker") if isinstance(data.get("speaker"), str) else ""
    mention = " ".join(mention.split())
    named = mention and mention.lower() not in PRONOUNS and any(c.isupper() for c in mention)
    return GoldQuote(f"q{number}", (content,), (speaker_span,) if speaker_span else (), (mention,) if named else ())


def read_listed(text_path: Path, gold_path: Path) -> QuoteArticle:
    """A text and its JSON list of quotes; InputError naming the file and the quote's position if one is bad."""
    text = _read_text(text_path)
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise InputError(str(gold_path), f"is not a JSON list of quotes ({exc})") from None
    if not isinstance(data, list):
        raise InputError(str(gold_path), "is not a JSON list of quotes")
    quotes = []
    for number, item in enumerate(data, 1):
        try:
            quote = parse_listed_quote(item, text, number)
        except ValueError as exc:
            raise InputError(str(gold_path), f"quote {number}: {exc}") from None
        if quote is not None:
            quotes.append(quote)
    quotes.sort(key=lambda q: (q.content[0], q.id))
    return QuoteArticle(text_path.name.removesuffix(".txt"), text, tuple(quotes))


def brat_names(ann: str) -> tuple[dict[str, tuple[str, ...]], dict[Parts, tuple[str, ...]]]:
    """Names given as AnnotatorNotes in a ``.ann`` file: by event id, and by the parts of the span they annotate."""
    spans: dict[str, Parts] = {}
    notes: dict[str, tuple[str, ...]] = {}
    for line in ann.replace("\r\n", "\n").split("\n"):
        if (t := _T_OFFSETS.match(line)) is not None:
            spans[t.group(1)] = normalise_parts([tuple(int(x) for x in frag.split())   # type: ignore[misc]
                                                 for frag in t.group(2).split(";")])
        elif (note := _NOTE.match(line)) is not None:
            names = tuple(n.strip() for n in note.group(2).split("|") if n.strip())
            if names:
                notes[note.group(1)] = names
    by_event = {ref: names for ref, names in notes.items() if ref.startswith("E")}
    by_span = {spans[ref]: names for ref, names in notes.items() if ref in spans}
    return by_event, by_span


def read_brat(text_path: Path, ann_path: Path) -> QuoteArticle:
    """A text and its brat ``.ann``: events as quotes, names from AnnotatorNotes."""
    text = _read_text(text_path)
    try:
        ann = ann_path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(str(ann_path), exc.strerror or "cannot be read") from None
    attributions, problems = parse_ann(ann, text)
    by_event, by_span = brat_names(ann)
    quotes = tuple(GoldQuote(g.id, g.content, g.source, by_event.get(g.id) or by_span.get(g.source, ()))
                   for g in attributions)
    return QuoteArticle(text_path.name.removesuffix(".txt"), text, quotes, problems)


def read_corpus(folder: str | Path) -> list[QuoteArticle]:
    """Every article of the corpus in ``folder`` (see the module docstring), sorted by name."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(str(root), "is not a directory")
    if (root / "text").is_dir():            # PolNeAR's layout: text/ and attributions/
        anns = annotation_files(root)
        texts = sorted((root / "text").glob("*.txt"))
        missing = [p for p in texts if p.stem not in anns]
        if missing:
            raise InputError(str(missing[0]), "has no annotation file in attributions/")
        return [read_brat(p, anns[p.stem]) for p in texts]
    texts_dir, lists_dir = root, root
    if (root / LIST_TEXTS).is_dir() and (root / LIST_GOLD).is_dir():    # the Gender Gap Tracker's layout
        texts_dir, lists_dir = root / LIST_TEXTS, root / LIST_GOLD
    articles = []
    for path in sorted(texts_dir.glob("*.txt")):
        jsonl, ann = path.with_name(path.stem + JSONL_SUFFIX), path.with_suffix(".ann")
        listed = lists_dir / (path.stem + ".json")
        found = [p for p in (jsonl, ann, listed) if p.is_file()]
        if len(found) > 1:
            raise InputError(str(path), f"has two gold files ({found[0].name} and {found[1].name}); keep one")
        if jsonl.is_file():
            articles.append(read_jsonl(path, jsonl))
        elif ann.is_file():
            articles.append(read_brat(path, ann))
        elif listed.is_file():
            articles.append(read_listed(path, listed))
        else:
            raise InputError(str(path), f"has no gold file ({jsonl.name}, {ann.name} or {listed.name} beside it; "
                                        "an article without quotes needs an empty one)")
    if not articles:
        raise InputError(str(root), f"holds no quote corpus (NAME.txt with NAME{JSONL_SUFFIX}, NAME.ann or NAME.json, "
                                    f"or text/ and attributions/, or {LIST_TEXTS}/ and {LIST_GOLD}/)")
    return articles
