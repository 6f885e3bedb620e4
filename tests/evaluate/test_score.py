"""Tests for the metrics: trimming, token Jaccard, greedy one-to-one matching, roles and quote split."""

from __future__ import annotations

import pytest
from evalhelpers import gold, pred

from onrecord.evaluate.score import (
    PRF,
    Counts,
    greedy_match,
    has_quote,
    jaccard,
    match_article,
    role_ok,
    score_article,
    token_ids,
    token_spans,
    trim_span,
)


def trimmed(text: str) -> str:
    s, e = trim_span(text, 0, len(text))
    return text[s:e]


@pytest.mark.parametrize(("raw", "expected"), [
    ("  \u201cHello, world.\u201d;  ", "Hello, world"),
    ("\"We are ready,\"", "We are ready"),
    ("'tis fine'", "tis fine"),
    ("\u2018single curly\u2019:", "single curly"),
    ('He said: "yes";', 'He said: "yes'),
    (", leading comma stays", ", leading comma stays"),
    ("trailing dash stays -", "trailing dash stays -"),
    ("\"...\"", ""),
])
def test_trim_span(raw, expected):
    assert trimmed(raw) == expected


def test_trim_span_keeps_offsets_inside_the_text():
    text = 'x "abc." y'
    assert trim_span(text, 2, 8) == (3, 6)
    assert trim_span(text, 3, 3) == (3, 3)


def test_tokens_are_whitespace_runs_and_overlap_counts():
    text = "one  two\tthree\n\u201cfour\u201d"
    assert token_spans(text) == ((0, 3), (5, 8), (9, 14), (15, 21))
    assert token_ids(token_spans(text), [(1, 6)]) == {0, 1}  # partial overlap of "one" and "two"
    assert token_ids(token_spans(text), [(3, 5)]) == frozenset()  # whitespace only
    assert token_ids(token_spans(text), [(0, 3), (16, 17)]) == {0, 3}
    assert jaccard(frozenset({1, 2}), frozenset({2, 3})) == pytest.approx(1 / 3)
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_exact_after_trimming_quotes_and_punctuation():
    text = 'Ortiz said: "We are ready." Then she left.'
    c = score_article(text, [gold(text, "We are ready")], [pred(text, '"We are ready."')])
    assert (c.exact, c.partial, c.n_gold, c.n_pred) == (1, 1, 1, 1)
    assert c.prf("exact").f1 == 1.0


def test_one_extra_word_is_partial_not_exact():
    text = "Mayor Ortiz said the new bridge would open in May."
    c = score_article(text, [gold(text, "the new bridge would open in May")],
                      [pred(text, "said the new bridge would open in May")])  # Jaccard 7/8
    assert (c.exact, c.partial) == (0, 1)
    assert c.prf("exact") == PRF(0, 1, 1) and c.prf("exact").f1 == 0.0


@pytest.mark.parametrize(("gold_text", "pred_span", "matched"), [
    ("one two three four", "one two", True),  # 2/4 = 0.5: at the threshold
    ("one two three four five", "one two", False),  # 2/5 = 0.4
    ("one two three four", (1, 7), True),  # "ne two" still touches the tokens one, two
    ("one two three four", "three four five six", False),  # 2/6
])
def test_partial_jaccard_threshold(gold_text, pred_span, matched):
    text = "one two three four five six"
    c = score_article(text, [gold(text, gold_text)], [pred(text, pred_span)])
    assert c.partial == int(matched)
    assert c.prf("partial").f1 == (1.0 if matched else 0.0)


def test_one_gold_two_predictions_counts_once():
    text = "a b c d e f"
    c = score_article(text, [gold(text, "a b c d")], [pred(text, "a b c d"), pred(text, "b c d")])
    assert (c.exact, c.partial) == (1, 1)
    prf = c.prf("partial")
    assert (prf.precision, prf.recall) == (0.5, 1.0)
    assert prf.f1 == pytest.approx(2 / 3)


def test_one_prediction_two_golds_takes_the_best():
    text = "a b c d e f"
    golds = [gold(text, "a b", gid="E0"), gold(text, "a b c", gid="E1")]
    m = match_article(text, golds, [pred(text, "a b c")])
    assert [(g, p) for g, p, _ in m.partial] == [(1, 0)]  # J 1.0 beats J 2/3
    c = score_article(text, golds, [pred(text, "a b c")])
    assert (c.prf("partial").precision, c.prf("partial").recall) == (1.0, 0.5)


def test_greedy_takes_best_overlap_first_not_gold_order():
    text = "a b c d e f g h"
    golds = [gold(text, "a b c d", gid="E0"), gold(text, "a b c d e f g h", gid="E1")]
    preds = [pred(text, "a b c d e f"), pred(text, "a b c")]
    # J(E0,P0)=4/6  J(E1,P0)=6/8  J(E0,P1)=3/4  J(E1,P1)=3/8: gold-order greedy would give 1 match
    m = match_article(text, golds, preds)
    assert [(g, p, round(j, 3)) for g, p, j in m.partial] == [(0, 1, 0.75), (1, 0, 0.75)]


def test_greedy_match_is_one_to_one_with_deterministic_ties():
    assert greedy_match([(0.6, 0, 0), (0.9, 0, 1), (0.9, 1, 1), (0.7, 1, 0)]) == [(0, 1), (1, 0)]
    assert greedy_match([]) == []


SOURCE_TEXT = "Mayor Lena Ortiz said the bridge would open soon. Delays are expected, it was announced."


def source_golds():
    t = SOURCE_TEXT
    return [gold(t, "the bridge would open soon", source="Mayor Lena Ortiz", cue="said", gid="E0"),
            gold(t, "Delays are expected", cue="was announced", gid="E1")]


def test_source_and_cue_overlap_or_both_absent():
    t = SOURCE_TEXT
    preds = [pred(t, "the bridge would open soon", speaker="Ortiz", cue="said"),
             pred(t, "Delays are expected", speaker=None, cue="announced"),
             pred(t, "Mayor Lena Ortiz", speaker="Mayor", cue="said")]  # no content match
    c = score_article(t, source_golds(), preds)
    assert (c.partial, c.source, c.cue) == (2, 2, 2)
    assert c.prf("source").precision == pytest.approx(2 / 3) and c.prf("source").recall == 1.0


def test_source_mismatches():
    t = SOURCE_TEXT
    preds = [pred(t, "the bridge would open soon", speaker="bridge", cue="would"),  # no overlap
             pred(t, "Delays are expected", speaker="Delays", cue=None)]  # gold has none / has one
    c = score_article(t, source_golds(), preds)
    assert (c.partial, c.source, c.cue) == (2, 0, 0)
    missing = [pred(t, "the bridge would open soon", speaker=None, cue="said"),
               pred(t, "Delays are expected", speaker=None, cue="was")]
    c = score_article(t, source_golds(), missing)
    assert (c.source, c.cue) == (1, 2)  # E0 lacks its speaker; E1 has none on both sides
    assert c.prf("source").f1 == 0.5


def test_source_needs_a_content_match():
    t = SOURCE_TEXT
    c = score_article(t, source_golds(), [pred(t, "soon", speaker="Mayor Lena Ortiz", cue="said")])
    assert (c.partial, c.source, c.cue) == (0, 0, 0)


def test_role_ok():
    assert role_ok((), ()) and role_ok(((0, 5),), ((4, 9),))
    assert not role_ok(((0, 5),), ((5, 9),)) and not role_ok(((0, 5),), ()) and not role_ok((), ((0, 1),))


MULTI = 'Ortiz said on Monday: "We are ready," she said. "The steel is in place."'


@pytest.mark.parametrize(("pred_parts", "exact", "partial"), [
    (['"We are ready," she said. "The steel is in place."'], 1, 1),  # covering span, J 8/10
    (['"We are ready,"', '"The steel is in place."'], 1, 1),
    (['"We are ready,"'], 0, 0),  # J 3/8
    (['"The steel is in place."'], 0, 1),  # J 5/8
    (['We are ready," she said. "The steel'], 0, 1),  # covering span differs after trimming
])
def test_multi_part_content(pred_parts, exact, partial):
    golds = [gold(MULTI, '"We are ready,"', '"The steel is in place."')]
    c = score_article(MULTI, golds, [pred(MULTI, *pred_parts)])
    assert (c.exact, c.partial) == (exact, partial)


def test_quote_and_non_quote_recall():
    text = '"We are ready," Ortiz said. Delays are expected, officials said. She said "no" later.'
    golds = [gold(text, '"We are ready,"', gid="E0"), gold(text, "Delays are expected", gid="E1"),
             gold(text, '"no" later', gid="E2")]
    c = score_article(text, golds, [pred(text, "Delays are expected")])
    assert (c.gold_quote, c.quote_hit, c.gold_nonquote, c.nonquote_hit) == (2, 0, 1, 1)
    assert (c.quote_recall, c.nonquote_recall) == (0.0, 1.0)


@pytest.mark.parametrize(("raw", "expected"), [
    ('"yes"', True), ("\u201cyes", True), ("\u2018yes\u2019", True), ("'yes'", True),
    ("don't", False), ("Clinton\u2019s plan", False), ("the voters' plan", False), ("plain", False),
])
def test_has_quote(raw, expected):
    assert has_quote(raw, [(0, len(raw))]) is expected


def test_prf_and_counts_arithmetic():
    assert PRF(0, 0, 0).f1 == 0.0 and PRF(0, 0, 3).recall == 0.0
    prf = PRF(2, 3, 4)
    assert (prf.precision, prf.recall, prf.f1) == (pytest.approx(2 / 3), 0.5, pytest.approx(4 / 7))
    total = Counts(n_gold=2, n_pred=1, partial=1) + Counts(n_gold=3, n_pred=4, partial=2, gold_quote=1)
    assert total == Counts(n_gold=5, n_pred=5, partial=3, gold_quote=1)
    assert Counts().quote_recall == 0.0


def test_no_predictions_no_gold():
    c = score_article("Nothing here.", [], [])
    assert c == Counts()


def test_equal_jaccard_prefers_the_exact_pair():
    text = 'Ortiz said "a b cc." and left.'
    g = gold(text, "a b cc", source="Ortiz", cue="said")
    cut = pred(text, (text.index("a b"), text.index("cc") + 1), speaker="left", pid="p0")  # same tokens
    whole = pred(text, '"a b cc."', speaker="Ortiz", cue="said", pid="p1")
    m = match_article(text, [g], [cut, whole])
    assert [(gi, pi) for gi, pi, _ in m.partial] == [(0, 1)]
    assert len(m.source_ok) == 1 and len(m.exact) == 1
