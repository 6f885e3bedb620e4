"""textacy baseline: Article records from ``textacy.extract.triples.direct_quotations``.

textacy is an optional dependency, imported only when the baseline is built. Each
(speaker, cue, content) triple becomes one direct Attribution: the speaker mention and the cue are
the spans covering their tokens (textacy may return non-contiguous tokens), the content is the
quotation span including its quote marks. textacy refuses a document with an odd number of quote
marks (``ValueError``); such a document gets no attributions, as it would from textacy itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from onrecord.article import Article, Attribution, Content, Span, Speaker

ExtractMany = Callable[[list[tuple[str, str]]], list[Article]]
RULE = "textacy.direct_quotations"


def _require_textacy() -> Any:
    try:
        from textacy.extract import triples
    except ImportError as exc:
        raise ImportError("the textacy baseline needs the optional package textacy: "
                          "pip install 'onrecord[eval]' (or pip install textacy)") from exc
    return triples


def _covering(text: str, tokens: Sequence[Any]) -> Span | None:
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Span.of(text, start, end)


def triple_to_attribution(text: str, triple: Any, index: int) -> Attribution:
    """Convert one textacy ``DQTriple`` (speaker tokens, cue tokens, content Span) to an Attribution."""
    mention = _covering(text, triple.speaker)
    content = Content.of(text, [(triple.content.start_char, triple.content.end_char)])
    return Attribution(id=f"a{index}", kind="direct", content=content,
                       cue=_covering(text, triple.cue),
                       speaker=Speaker(mention, mention.text if mention else None),
                       stance="assert", rule=RULE, confidence=1.0)


def doc_attributions(doc: Any,
                     direct_quotations: Callable[[Any], Any] | None = None) -> tuple[Attribution, ...]:
    """All textacy direct quotations of a spaCy Doc as Attributions (none if textacy bails out)."""
    if direct_quotations is None:
        direct_quotations = _require_textacy().direct_quotations
    try:
        found = list(direct_quotations(doc))
    except ValueError:  # unbalanced quote marks: textacy gives up on the whole document
        return ()
    return tuple(triple_to_attribution(doc.text, t, i) for i, t in enumerate(found, 1))


def textacy_extract_many(nlp: Any, *, batch_size: int = 16) -> ExtractMany:
    """An ``extract_many`` callable running textacy's direct quotations over ``nlp`` (a spaCy Language)."""
    direct_quotations = _require_textacy().direct_quotations

    def extract_many(items: list[tuple[str, str]]) -> list[Article]:
        texts = [text for _, text in items]
        docs = nlp.pipe(texts, batch_size=batch_size)
        return [Article(source=name, text_length=len(text),
                        attributions=doc_attributions(doc, direct_quotations))
                for (name, text), doc in zip(items, docs, strict=True)]

    return extract_many
