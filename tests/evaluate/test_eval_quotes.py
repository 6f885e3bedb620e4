"""Tests for scoring a speech-only quote corpus: split quotes part by part, speakers, mode (issue 19)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from evalhelpers import article, at, pred

from onrecord.article import Speaker
from onrecord.evaluate.quote_gold import GoldQuote, QuoteArticle
from onrecord.evaluate.quotes import evaluate, format_report, name_key, same_speaker, score_article

TEXT = '"The pier will reopen in May," said Ines Varga, the harbour master. "The divers finished last week."'
A, B = "The pier will reopen in May,", "The divers finished last week."


def _gold(*quotes: GoldQuote) -> QuoteArticle:
    return QuoteArticle("pier", TEXT, quotes)


SPLIT = GoldQuote("q1", (at(TEXT, A), at(TEXT, B)), (at(TEXT, "Ines Varga"),), ("Ines Varga",))


def _named(attribution, name):
    return dataclasses.replace(attribution, speaker=Speaker(attribution.speaker.mention, name))


@pytest.mark.parametrize(("contents", "exact_parts", "predicted_parts", "matched"), [
    # found as its two parts: two of two, and one quote found
    ([(A, B)], 2, 2, 1),
    # found as one span running over the cue clause between the parts: no part exact, the quote still found
    ([(f'{A}" said Ines Varga, the harbour master. "{B}',)], 0, 1, 1),
    # found as two separate attributions: each part is exact, one of them matches the quote
    ([(A,), (B,)], 2, 2, 1),
    # only the second part (short of half the quote's words): exact for that part, quote not found
    ([(B,)], 1, 1, 0),
    # quote marks and the comma before the cue are trimmed on both sides
    ([(f'"{A}"', f'"{B}"')], 2, 2, 1),
])
def test_quotes_split_quote_scored_part_by_part(contents, exact_parts, predicted_parts, matched):
    preds = [pred(TEXT, *c, speaker="Ines Varga", pid=f"a{i}") for i, c in enumerate(contents)]
    counts, _ = score_article(_gold(SPLIT), preds)
    assert (counts.exact_parts, counts.gold_parts, counts.predicted_parts) == (exact_parts, 2, predicted_parts)
    assert counts.matched == matched and counts.split_gold == 1 and counts.split_matched == matched


@pytest.mark.parametrize(("predicted", "gold", "same"), [
    ("Ines Varga", "Ines Varga", True),
    ("Dr. Ines M. Varga", "Ines Varga", True),
    ("Mayor Ines Varga", "Ines Varga", True),
    ("INES VARGA", "Ines Varga", True),
    ("José Álvarez", "Jose Alvarez", True),
    ("The Health Ministry", "health ministry", True),
    # a surname alone, a given name alone or another person is not the resolved speaker
    ("Varga", "Ines Varga", False),
    ("Ines", "Ines Varga", False),
    ("Anna Varga", "Ines Varga", False),
    ("", "Ines Varga", False),
])
def test_quotes_name_key_decides_the_resolved_speaker(predicted, gold, same):
    assert same_speaker(predicted, [gold]) is same
    assert (name_key(predicted) == name_key(gold)) is same


@pytest.mark.parametrize(("text", "gold", "predicted", "right"), [
    ("Ines Varga said that the pier is safe.", "the pier is safe", "that the pier is safe", 1),
    ("Ines Varga said that the pier is safe.", "that the pier is safe", "the pier is safe", 1),
    # "that" is dropped only as the first word
    ("Ines Varga said the pier, that old thing, is safe.", "the pier, that old thing, is safe", "that old thing", 0),
])
def test_quotes_exact_ignores_a_leading_that(text, gold, predicted, right):
    quote = GoldQuote("q1", (at(text, gold),))
    counts, _ = score_article(QuoteArticle("pier", text, (quote,)), [pred(text, predicted)])
    assert counts.exact_parts == right


def test_quotes_resolved_speaker_counts_matched_named_quotes_only():
    unnamed = GoldQuote("q2", (at(TEXT, B),), (), ())
    one = GoldQuote("q1", (at(TEXT, A),), (at(TEXT, "Ines Varga"),), ("Ines Varga", "Varga"))
    cases = [([_named(pred(TEXT, A, speaker="Ines Varga"), "Ines Varga")], 1, 1, 0),
             # an alias is accepted
             ([_named(pred(TEXT, A, speaker="Ines Varga"), "Varga")], 1, 1, 0),
             # unresolved: wrong, and counted as such
             ([_named(pred(TEXT, A, speaker="Ines Varga"), None)], 1, 0, 1),
             ([_named(pred(TEXT, A, speaker="harbour master"), "harbour master")], 1, 0, 0)]
    for preds, named, right, unresolved in cases:
        counts, _ = score_article(_gold(one, unnamed), preds)
        assert (counts.named, counts.name_right, counts.unresolved) == (named, right, unresolved)
    # the speaker span: the mention overlaps the gold speaker (or both have none)
    counts, _ = score_article(_gold(one, unnamed), [pred(TEXT, A, speaker="harbour master"), pred(TEXT, B)])
    assert (counts.matched, counts.speaker_span) == (2, 1)


def test_quotes_evaluate_scores_speech_mode_and_lists_errors(tmp_path):
    text = "Ines Varga said the pier will reopen. Tomas Brek fears the pier will sink."
    (tmp_path / "pier.txt").write_text(text, encoding="utf-8")
    gold = {"content": [list(at(text, "the pier will reopen"))], "speaker": list(at(text, "Ines Varga")),
            "name": "Ines Varga"}
    (tmp_path / "pier.quotes.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    said = _named(pred(text, "the pier will reopen", speaker="Ines Varga", pid="a1"), "Anna Varga")
    feared = dataclasses.replace(pred(text, "the pier will sink", speaker="Tomas Brek", pid="a2"), mode="thought")

    def extract_many(items):
        assert items == [("pier", text)]
        return [article("pier", text, said, feared)]

    errors: list[dict] = []
    speech = evaluate(tmp_path, extract_many, errors=errors)
    assert (speech.counts.predicted, speech.counts.matched, speech.counts.exact_parts) == (1, 1, 1)
    assert speech.counts.partial.precision == 1.0 and speech.counts.name_right == 0
    assert [e["kind"] for e in errors] == ["speaker"] and errors[0]["predicted_name"] == "Anna Varga"
    everything = evaluate(tmp_path, extract_many, mode="all")
    assert everything.counts.predicted == 2 and everything.counts.partial.precision == 0.5
    assert "1 gold quotes (0 split), 1 predicted in speech mode" in format_report(speech)
    assert speech.to_dict()["resolved_speaker"] == {"right": 0, "named": 1, "accuracy": 0.0, "unresolved": 0}
