"""The extractor on any text: it returns, spans are exact, output is deterministic, hostile sizes stay fast (#7).

tests/attribution/test_properties.py draws news-like fragments; here the alphabet is all of Unicode (hypothesis
leaves out lone surrogates, which ingest removes at decode) plus control, bidi and zero-width characters, and the
sizes are hostile: long runs of quote marks, a 5 MB single line.
"""

from __future__ import annotations

import json
import time

import pytest
from hostile import CI
from hypothesis import given
from hypothesis import strategies as st

from onrecord import Article
from onrecord.attribution.cues import Intervals
from onrecord.attribution.extractor import _drop_overlaps
from onrecord.errors import InputError
from onrecord.ingest.text import MAX_TEXT_CHARS
from onrecord.nlp import LONG_RUN, load, make_doc, parse

HOSTILE = ["\x00", "\x07", "\x1b[31m", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\u200b", "\u200c",
           "\u200d", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069", "\ufeff", "\ufffd", "\U0001f600",
           "\U0001f1fa\U0001f1e6", "e\u0301", "\u05d0\u05de\u05e8", "\u0627\u0644", '"', "“", "”", "«", "»", "„",
           "'", "‘", "’", " said ", ", she said, ", " denied that ", "According to Ned Price, ", "Maria Zakharova",
           ".", "\n\n", " "]
any_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20),
                              st.builds(lambda c, n: c * n, st.sampled_from(HOSTILE), st.integers(1, 400))),
                    max_size=40).map("".join)


def check(text: str, article: Article) -> None:
    assert article.text_length == len(text)
    for a in article.attributions:
        for span in (a.content, a.cue, a.speaker.mention, a.sentence):
            if span is not None:
                assert text[span.start:span.end] == span.text
        assert all(a.content.start <= s < e <= a.content.end for s, e in a.content.parts)


@CI
@given(any_text)
def test_extract_hostile_any_text_returns_exact_spans_deterministically(extractor, text):
    first = extractor.extract(text)
    check(text, first)
    assert extractor.extract(text) == first
    # the JSON output is valid UTF-8 and reads back as the same article
    encoded = json.dumps(first.to_dict(), ensure_ascii=False).encode("utf-8")
    assert Article.from_dict(json.loads(encoded)) == first


@pytest.mark.parametrize("mark", ['"', "“", "«", "'"])
def test_extract_hostile_twenty_thousand_quote_marks_are_fast(extractor, mark):
    # spaCy's affix loop is quadratic on a whitespace-free run: 10,000 marks took 17 s, 20,000 over a minute
    text = f"The minister said {mark * 20_000} he said {mark * 5_000}. \u202e\u200d{mark}"
    started = time.perf_counter()
    article = extractor.extract(text)
    assert time.perf_counter() - started < 30
    check(text, article)


def test_extract_hostile_long_runs_are_cut_into_tokens_with_the_text_exact(extractor):
    nlp = load()
    text = "He said " + "“" * (LONG_RUN * 3 + 7) + " and left.\n" + "x" * (LONG_RUN - 1)
    doc = make_doc(nlp, text)
    assert doc.text == text
    run = [t.text for t in doc if t.text.startswith("“")]
    assert run == ["“" * LONG_RUN] * 3 + ["“" * 7]
    assert "x" * (LONG_RUN - 1) in [t.text for t in doc]      # shorter runs go to spaCy's tokenizer as before
    assert make_doc(nlp, "An ordinary sentence.") == "An ordinary sentence."
    assert parse(nlp, text).text == text


def test_extract_hostile_long_line_under_the_cap_returns(extractor):
    # a whitespace-free line of 540,000 characters: chunked, cut into tokens, parsed in seconds
    text = ("“" + "a\u200db\u202ec" * 2_000 + "”") * 54
    article = extractor.extract(text)
    check(text, article)


def test_extract_hostile_five_megabyte_line_is_refused_at_once_with_one_line(extractor):
    text = "The minister said the talks had failed. " * (5 * 1024 * 1024 // 40)
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        extractor.extract(text, source="big.txt")
    assert time.perf_counter() - started < 1
    assert str(caught.value) == (f"big.txt: text is {len(text):,} characters, more than the {MAX_TEXT_CHARS:,} "
                                 "onrecord extracts from one article; split it into articles")


ranges = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted).map(tuple), max_size=25)


@CI
@given(ranges, st.integers(0, 60), st.integers(0, 60))
def test_extract_hostile_intervals_answer_as_the_pass_over_all_ranges_did(pairs, s, e):
    held = Intervals(pairs)
    assert held.overlaps(s, e) == any(not (e <= a or s >= b) for a, b in pairs)
    assert held.covers(s, e) == any(a <= s and e <= b for a, b in pairs)


class _Cand:
    def __init__(self, start: int, end: int, continues: bool) -> None:
        self.start, self.end, self.continues = start, end, continues
        self.parts, self.quotes = [(start, end)], []   # one part, no quote: the covering span decides


@CI
@given(st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20), st.booleans()), max_size=30))
def test_extract_hostile_drop_overlaps_keeps_what_the_quadratic_version_kept(items):
    cands = [_Cand(s, s + n, c) for s, n, c in items]
    ranked = sorted(cands, key=lambda c: (c.continues, -(c.end - c.start)))
    expected: list[_Cand] = []
    for c in ranked:
        if not any(not (c.end <= k.start or c.start >= k.end) for k in expected):
            expected.append(c)
    assert _drop_overlaps(cands) == expected
