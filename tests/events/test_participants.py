"""Kinds and canonical names of the participants of an act."""

from __future__ import annotations

import pytest

from onrecord.events.participants import fold, kind_of, state_of


@pytest.mark.parametrize(("name", "labels", "expected"), [
    ("Volga Trans LLC", ["ORG"], "company"),
    ("Qods Aviation Industries Ltd.", ["ORG"], "company"),
    ("Meridian Bullion Ltd", ["ORG"], "company"),
    ("Central Bank of Syria", ["ORG"], "organization"),
    ("Volgaprom Bank", ["ORG"], "company"),
    ("Ministry of Defence", ["ORG"], "organization"),
    ("Belarus", ["GPE"], "state"),
    ("Oleg Petrov", ["ORG"], "person"),          # the small model says ORG; the given name says person
    ("Kyiv", ["PERSON"], "place"),
])
def test_participants_kind_of_a_name(name, labels, expected):
    assert kind_of(name, labels) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("Britain", "United Kingdom"), ("the U.S.", "United States"), ("Iran", "Iran"), ("Kyiv", None),
    ("European Union", None),
])
def test_participants_state_of_a_name(name, expected):
    assert state_of(name) == expected


def test_participants_fold_ignores_case_dots_and_the():
    assert fold("The U.S. Treasury") == fold("us treasury") == "us treasury"
