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
