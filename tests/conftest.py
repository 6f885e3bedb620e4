"""Shared fixtures: one spaCy pipeline per test session, and span-invariant checking."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord import Article, Extractor

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


def assert_spans_exact(text: str, article: Article) -> None:
    """Every span in ``article`` is the text it claims to be."""
    for a in article.attributions:
        assert text[a.content.start:a.content.end] == a.content.text
        for s, e in a.content.parts:
            assert a.content.start <= s < e <= a.content.end
        if a.cue:
            assert text[a.cue.start:a.cue.end] == a.cue.text
        if a.speaker.mention:
            m = a.speaker.mention
            assert text[m.start:m.end] == m.text
        if a.sentence:
            s = a.sentence
            assert text[s.start:s.end] == s.text
            assert s.start <= a.content.start and a.content.end <= s.end


@pytest.fixture()
def run(extractor):
    """Extract ``text`` and check the span invariant on the way."""
    def _run(text: str) -> Article:
        article = extractor.extract(text)
        assert_spans_exact(text, article)
        return article
    return _run
