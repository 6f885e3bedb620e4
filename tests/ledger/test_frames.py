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
    # a one-word name and the full name
    ("Hollenbeck concealed test results", "Hollenbeck Chemicals hid groundwater test results from regulators",
     False, True),
    # another agent, another object, another place
    ("Ukraine was behind the sabotage of the cable", "Russia was behind the sabotage of the cable", False, False),
    ("Russia shelled the hospital in Kherson", "Russia shelled the hospital in Kharkiv", False, False),
    ("Russia shelled the hospital", "Russia shelled the railway station", False, False),
    # no blamed act: no frame, no link
    ("Russia supports the peace plan", "Russia supports the peace talks", False, False),
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
