"""The extraction API: text in, :class:`~onrecord.article.Article` out, with the parser loaded once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language

from .article import Article
from .attribution.extractor import attribute_doc
from .errors import InputError
from .events import find_events
from .ingest.text import too_long
from .nlp import DEFAULT_MODEL, load, parse_many


class Extractor:
    """Holds one spaCy pipeline; ``extract`` one text or ``extract_many`` a stream (batched parsing)."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None) -> None:
        self.model = model
        self.nlp = nlp if nlp is not None else load(model)

    def extract(self, text: str, source: str = "<text>") -> Article:
        return next(self.extract_many([(source, text)]))

    def extract_many(self, items: Iterable[tuple[str, str]], batch_size: int = 32,
                     on_chunk: Callable[[str, int, int], None] | None = None) -> Iterator[Article]:
        """(source, text) pairs in, one Article per pair out, in order; InputError for a text over MAX_TEXT_CHARS
        (checked before anything is parsed). ``on_chunk(source, parsed, chunks)`` follows a long text's parse."""
        items = list(items)
        for source, text in items:
            problem = too_long(text)
            if problem:
                raise InputError(source, problem)
        hook = (lambda i, done, total: on_chunk(items[i][0], done, total)) if on_chunk else None
        docs = parse_many(self.nlp, (text for _source, text in items), batch_size=batch_size, on_chunk=hook)
        for (source, text), doc in zip(items, docs):
            attributions, actors = attribute_doc(doc)
            events = find_events(doc, attributions)
            yield Article(source, len(text), tuple(attributions), tuple(actors), events=tuple(events))


_extractors: dict[str, Extractor] = {}


def extract(text: str, *, source: str = "<text>", model: str = DEFAULT_MODEL) -> Article:
    """Every attribution in ``text``; ``model`` names any installed spaCy pipeline (loaded once)."""
    if model not in _extractors:
        _extractors[model] = Extractor(model)
    return _extractors[model].extract(text, source)
