"""Hand-built records for the web tests: an article an attacker wrote, and a free loopback port."""

from __future__ import annotations

import socket

from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker
from onrecord.ingest.document import Document

# Text an attacker controls: markup, an attribute breakout, and a quote split around its cue ("he said").
EVIL_TEXT = ('Mallory <script>alert(1)</script> said that the "<b>bridge</b>" was sold.\n'
             '"We never sold it," she said, "x" onmouseover="alert(2)" & never will."\n'
             'Trent denied that the " onmouseover=alert(3) bridge was sold.')
MALLORY = Actor("person:mallory-<script>", 'Mallory <script>alert(1)</script>', "person", ("Mallory",),
                ('chief " onmouseover="alert(4)',))
TRENT = Actor("person:trent", "Trent", "person")


def _span(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    at = text.index(piece, start)
    return at, at + len(piece)


def evil_records() -> tuple[Document, Article]:
    t = EVIL_TEXT
    line2 = t.index("\n") + 1
    line3 = t.index("\n", line2) + 1
    q2_parts = [_span(t, "We never sold it,", line2), _span(t, 'x" onmouseover="alert(2)" & never will.', line2)]
    atts = (
        Attribution("q1", "indirect", Content.of(t, [_span(t, 'that the "<b>bridge</b>" was sold')]),
                    Span.of(t, *_span(t, "said")), Speaker(Span.of(t, *_span(t, MALLORY.name)), MALLORY.name,
                                                           "person", MALLORY.id),
                    "assert", "clause-complement", 0.9, Span.of(t, 0, line2 - 1)),
        Attribution("q2", "direct", Content.of(t, q2_parts), Span.of(t, *_span(t, "said", line2)),
                    Speaker(Span.of(t, *_span(t, "she", line2)), MALLORY.name, "person", MALLORY.id),
                    "deny", "quote-split", 0.9, Span.of(t, line2, line3 - 1)),
        Attribution("q3", "indirect", Content.of(t, [_span(t, 'that the " onmouseover=alert(3) bridge was sold')]),
                    Span.of(t, *_span(t, "denied")), Speaker(Span.of(t, *_span(t, "Trent")), "Trent", "person",
                                                             TRENT.id),
                    "deny", "clause-complement", 0.9, Span.of(t, line3, len(t))),
    )
    doc = Document("evil.txt", t, "text", url="https://evil.example/x?a=1&b=<2>",
                   title='<img src=x onerror="alert(5)"> headline', published="2026-11-10")
    return doc, Article("evil.txt", len(t), atts, (MALLORY, TRENT))


def script_url_records() -> tuple[Document, Article]:
    """An article whose stored URL is ``javascript:`` (kept as given: it has no host to canonicalise)."""
    text = "Nothing was said here."
    return (Document("js.txt", text, "text", url="javascript:alert(6)", title="Script URL"),
            Article("js.txt", len(text), (), ()))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
