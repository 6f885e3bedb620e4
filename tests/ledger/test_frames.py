"""Frames: an accusation's agent, act and object, and when two of them state one accusation (onrecord.ledger.frames)."""

from __future__ import annotations

import pytest

from onrecord.ledger.claims import normalise
from onrecord.ledger.frames import frame_of, same_event


def _frame(text: str, speaker: str | None = None, kind: str | None = None):
    return frame_of(normalise(text, speaker=speaker, speaker_kind=kind))


# (a, b, same article, expected): the wordings of one accusation join, other accusations stay apart
@pytest.mark.parametrize("a, b, same_article, expected", [
    # a responsibility phrase against a named act, with a shared object
    ("Russia had ordered the sabotage of an undersea power cable",
     "Russia was behind the sabotage of the Estlink 3 cable", False, True),
    ("Moscow had a hand in damaging the Estlink 3 power cable", "Russia had ordered the sabotage of a power cable",
     False, True),
    # the event only pointed at: within one article only
    ("Russia had nothing to do with the incident", "Russia had ordered the sabotage of an undersea power cable",
     True, True),
    ("Russia had nothing to do with the incident", "Russia had ordered the sabotage of an undersea power cable",
     False, False),
    ("Moscow ordered this operation", "Russia was behind the sabotage of the Estlink 3 cable", True, True),
    # a described agent joins the named one of the same article only
    ("the paramilitary group had fired artillery at the hospital",
     "the Rapid Support Forces shelled the main hospital in the town of Dar Salim", True, True),
    ("the paramilitary group had fired artillery at the hospital",
     "the Rapid Support Forces shelled the main hospital in the town of Dar Salim", False, False),
    ("the company had concealed groundwater test results", "Hollenbeck shelled the hospital", True, False),
    # an act named as a noun describes no agent ("the attacks in Orlando", "the possibility of voter fraud")
    ("the terrorist attacks in Orlando", "Mateen attacked the nightclub in Orlando", True, False),
    ("the possibility of voter fraud during the election", "the United States rigged the election", True, False),
    # a question of intent: the same act or object, answered either way; "we have evidence" is the speaker's
    ("the crew deliberately dragged an anchor over the cable", "[Finnish police] have evidence that the anchor was"
     " lowered on purpose and dragged for miles", True, True),
    ("the damage was an accident", "its crew had damaged the cable on purpose", False, True),
    ("officers will deliberately appear in shorts", "the ruling deliberately appears to target voters", False, False),
    # a one-word name and the full name
    ("Hollenbeck concealed test results", "Hollenbeck Chemicals hid groundwater test results from regulators",
     False, True),
    # another agent, another object, another place
    ("Ukraine was behind the sabotage of the cable", "Russia was behind the sabotage of the cable", False, False),
    ("Russia shelled the hospital in Kherson", "Russia shelled the hospital in Kharkiv", False, False),
    ("Russia shelled the hospital", "Russia shelled the railway station", False, False),
    # no blamed act: no frame, no link
    ("Russia supports the peace plan", "Russia supports the peace talks", False, False),
    # everyday acts are no blamed acts: "sent a message", "release his tax returns"
    ("Clinton sent emails to her staff", "Clinton sent a message to voters", False, False),
    ("Trump will release his tax returns", "Trump was not releasing his tax returns", False, False),
    # across articles, "attack" (what politicians do to each other) and one word are not enough
    ("Trump attacked the entire field", "Trump engaged in personal attacks the entire time", False, False),
])
def test_frames_same_event(a, b, same_article, expected):
    fa, fb = _frame(a), _frame(b)
    got = fa is not None and fb is not None and same_event(fa, fb, same_article=same_article) is not None
    assert got is expected


@pytest.mark.parametrize("text, agent, anaphoric", [
    ("Russia had nothing to do with the incident", "Russia", True),
    ("the attack was carried out by Ukrainian forces", "Ukraine", False),
    ("Russia supports the peace plan", None, None),     # no blamed act: no frame
])
def test_frames_frame_of_agent_and_pointer(text, agent, anaphoric):
    f = _frame(text)
    if anaphoric is None:
        assert f is None
    else:
        assert f is not None and f.agent == agent and f.anaphoric is anaphoric


def test_frames_reported_subject_pronoun_is_the_speaker():
    # "Moscow dismissed allegations that it had a hand in damaging the cable": "it" is Moscow, so Russia
    f = _frame("it had a hand in damaging the Estlink 3 power cable", speaker="Moscow", kind="place")
    assert f is not None and f.agent == "Russia"


def test_frames_answering_intent_the_other_way_is_marked_opposite():
    f = _frame("the damage was an accident")
    assert f is not None and f.opposite
    g = _frame("the anchor was lowered deliberately")
    assert g is not None and not g.opposite


def test_frames_reading_takes_the_later_sentence_that_blames_someone():
    from onrecord.ledger.frames import reading
    p = reading("Our captain followed every procedure. No one on board dropped the anchor deliberately")
    assert "deliberate" in p.terms
    q = reading("Our captain followed every procedure. The weather was bad")
    assert "captain" in q.terms
