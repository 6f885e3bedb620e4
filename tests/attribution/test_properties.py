"""Property tests: for any text the extractor returns, spans are exact, and the output is deterministic."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord import Extractor
from onrecord.article import STANCES

FRAGMENTS = ['"', "“", "”", "'", "‘", "’", "«", "»", " said ", " he said", ", she said, ", "said:\n",
             "According to Ned Price, ", "Maria Zakharova ", "The ministry ", " denied that ", " the talks ",
             "failed", ".", ",", ":", "\n", "\n\n", " ", "It", "They ", "\u200d", "\u200f", "\x00", "\t",
             "Tehran", " accused ", " of ", " urged ", " to ", "?", "GENEVA (Reuters) - "]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)

_extractor = None


def _get() -> Extractor:
    global _extractor
    if _extractor is None:
        _extractor = Extractor()
    return _extractor


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_properties_spans_exact_and_deterministic(text):
    first = _get().extract(text)
    for a in first.attributions:
        assert text[a.content.start:a.content.end] == a.content.text
        assert all(a.content.start <= s < e <= a.content.end for s, e in a.content.parts)
        for span in (a.cue, a.speaker.mention):
            if span is not None:
                assert text[span.start:span.end] == span.text
        assert a.stance in STANCES and a.polarity in ("affirm", "negate")
        assert a.kind in ("direct", "indirect", "mixed")
        assert 0.0 <= a.confidence <= 1.0
    assert _get().extract(text) == first


def test_properties_ten_thousand_quote_marks_do_not_crash():
    text = ('"' * 10_000) + " he said " + ("“" * 5_000)
    article = _get().extract(text)
    for a in article.attributions:
        assert text[a.content.start:a.content.end] == a.content.text
