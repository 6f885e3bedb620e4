"""The stance read from a cue and its content: a judgement that dismisses an earlier claim is a denial."""

from __future__ import annotations

import pytest

from onrecord.attribution.stance import stance_of


@pytest.mark.parametrize(("content", "expected"), [
    ('the accusation "a provocation staged by Kyiv."', "deny"),   # was assert here and deny in the ledger
    ('the report as "another provocation"', "deny"),
    ("the latest allegations pure fiction", "deny"),
    ('these claims "a fabrication"', "deny"),
    ("the charges a smear", "deny"),
    ('the rumours "nonsense"', "deny"),
    # said of an event, not of a claim: a judgement of the world, not a denial
    ("the naval drills a provocation", "assert"),
    ("the border closure an act of war", "assert"),
    # the object states a claim of its own: not a pointer to an earlier one
    ("the report that the port was shelled a provocation", "assert"),
])
def test_stance_judgement_dismissing_a_claim_is_a_denial(content, expected):
    assert stance_of("call", False, content, frame="judge") == expected


def test_stance_dismissal_words_outside_a_judgement_are_left_alone():
    # "said the accusation was a provocation" is read by the ledger's back-reference rules, not by this one
    assert stance_of("say", False, "the drills a provocation") == "assert"


@pytest.mark.parametrize(("content", "expected"), [
    ("the watchdog's findings were riddled with errors and politically motivated", "deny"),
    ('the newspaper report was "one-sided"', "deny"),
    ("these allegations are unsubstantiated", "deny"),
    # the same words said of the world, not of a report: an accusation or a view, not a denial
    ("the ministry spreads disinformation about the harvest", "assert"),
    ("the referee was biased against the visitors", "assert"),
])
def test_stance_report_judged_in_discrediting_words_is_a_denial(content, expected):
    assert stance_of("say", False, content) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ('the rival\'s accusations "a tale that has nothing to do with reality"', "deny"),
    ("a claim with no relation to the truth", "deny"),
    ("the festival has nothing to do with politics", "assert"),   # a plain negative, rebutting nobody
])
def test_stance_nothing_to_do_with_reality_is_a_denial(content, expected):
    assert stance_of("say", False, content) == expected


@pytest.mark.parametrize(("cue", "content", "frame", "expected"), [
    ("ask", "to leave", "to", "assert"),                 # "had not asked to leave": no request, no rejection
    ("urge", "a boycott of the games", "", "assert"),
    ("accept", "that the vote was fair", "", "deny"),    # "did not accept that …" still rejects the content
    ("deny", "that the vote was rigged", "", "assert"),  # "did not deny"
])
def test_stance_negated_request_is_no_denial(cue, content, frame, expected):
    assert stance_of(cue, True, content, frame=frame) == expected


@pytest.mark.parametrize(("content", "expected"), [
    ("the allegations were false", "deny"),
    ("these are false claims made by our rivals", "deny"),
    ("the story is false in every detail", "deny"),
    ("a loose cable had given the pilots a false reading", "assert"),   # said of a thing, not of a claim
    ("the smoke set off a false alarm in the depot", "assert"),
])
def test_stance_false_of_a_claim_not_of_a_thing(content, expected):
    assert stance_of("say", False, content) == expected
