"""Builders for invented predicted and gold attributions used across the evaluation tests."""

from __future__ import annotations

from onrecord.article import Article, Attribution, Content, Span, Speaker
from onrecord.evaluate.polnear import GoldAttribution


def at(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """Offsets of the ``nth`` occurrence of ``needle`` in ``text``."""
    i = -1
    for _ in range(nth):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def gold(text: str, *content: str, source: str | None = None, cue: str | None = None,
         gid: str = "E1") -> GoldAttribution:
    return GoldAttribution(gid, tuple(sorted(at(text, c) for c in content)),
                           (at(text, cue),) if cue else (), (at(text, source),) if source else ())


def pred(text: str, *content: str | tuple[int, int], speaker: str | tuple[int, int] | None = None,
         cue: str | tuple[int, int] | None = None, pid: str = "a1") -> Attribution:
    def offsets(x: str | tuple[int, int]) -> tuple[int, int]:
        return at(text, x) if isinstance(x, str) else x

    mention = Span.of(text, *offsets(speaker)) if speaker is not None else None
    return Attribution(pid, "direct", Content.of(text, [offsets(c) for c in content]),
                       Span.of(text, *offsets(cue)) if cue is not None else None,
                       Speaker(mention, mention.text if mention else None), "assert", "test", 1.0)


def article(name: str, text: str, *attributions: Attribution) -> Article:
    return Article(name, len(text), tuple(attributions))
