"""In-article evidence for the ledger: the gender an article's mentions give its actors, and the one bearer of a
title an unnamed description stands for. Hand-built records, no parser."""

from __future__ import annotations

import pytest

from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker
from onrecord.ledger.actors import Candidate
from onrecord.ledger.bearers import Bearer, bears, qualified, said_genders, title_bearer, title_keys, title_words


def person(name, titles=(), local="p1"):
    return Actor(local, name, "person", (), tuple(titles))


def cand(id, name, titles=(), affiliation=None, statements=5):
    return Candidate(id, name, "person", (), tuple(titles), affiliation, statements)


# --- gender from the article's own mentions -------------------------------------------------------------------

def _attribution(n, text, mention, local):
    m = text.index(mention)
    return Attribution(f"q{n}", "indirect", Content.of(text, [(0, 1)]), None,
                       Speaker(Span.of(text, m, m + len(mention)), mention, "person", local), "assert",
                       "clause-complement", 0.9)


def test_bearers_said_genders_reads_each_local_actors_mentions():
    text = "Clinton said no. She said yes. Trump said so."
    art = Article("<t>", len(text), (_attribution(1, text, "Clinton", "a"), _attribution(2, text, "She", "a"),
                                     _attribution(3, text, "Trump", "b")),
                  (person("Clinton", local="a"), person("Trump", local="b")))
    assert said_genders(art) == {"a": "f"}


# --- titles ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, same", [
    ("Vermont Sen.", "the Vermont senator", True),
    ("GOP nominee", "Republican nominee", True),
    ("Iran's foreign minister", "the top Iranian foreign minister", True),
    ("Republican vice-presidential nominee Gov.", "the Republican nominee", False),
    ("former president", "president", False),
])
def test_bearers_title_words(a, b, same):
    assert bears(a, title_words(b)) == same


@pytest.mark.parametrize("description, narrow", [
    ("Vermont senator", True),
    ("Democratic nominee", True),
    ("Iranian foreign minister", True),
    ("senator", False),                 # a bare role: many senators
    ("former president", False),        # one role word and a marker
    ("his wife", False),                # relative to someone in its article
    ("Trump's running mate", True),
])
def test_bearers_qualified(description, narrow):
    assert (qualified(description) is not None) == narrow


SANDERS = cand(7, "Bernie Sanders", titles=("Vermont Sen.",), statements=12)
LEAHY = cand(8, "Patrick Leahy", titles=("Vermont Sen.", "senior senator"), statements=3)
LAVROV = cand(9, "Sergei Lavrov", titles=("foreign minister",), affiliation="Russia")


@pytest.mark.parametrize("description, bearers, states, expected", [
    ("Vermont senator", [Bearer(SANDERS, True)], (), 7),
    ("Vermont senator", [Bearer(SANDERS, True), Bearer(LEAHY, True)], (), None),    # two bearers: no guess
    ("Vermont senator", [Bearer(SANDERS, False)], (), None),                      # not at that time
    ("Vermont senator", [Bearer(SANDERS, False), Bearer(LEAHY, True)], (), 8),
    ("senator", [Bearer(SANDERS, True)], (), None),                                # a bare role names nobody
    ("foreign minister", [Bearer(LAVROV, True)], (), None),     # the article names no Russia: not Lavrov
    ("foreign minister", [Bearer(LAVROV, True)], ("Russia",), 9),
    ("Russian foreign minister", [Bearer(LAVROV, True)], (), 9),
    ("former Vermont senator", [Bearer(SANDERS, True)], (), None),                 # another office
])
def test_bearers_title_bearer(description, bearers, states, expected):
    m = title_bearer(person(description), bearers, context_states=states)
    assert (m.actor_id if m else None) == expected
    if m:
        assert m.method == "title-bearer" and description.split()[-1] in m.evidence.split("'")[1]


def test_bearers_title_keys_skip_markers_and_fillers():
    assert title_keys(["former Vermont Sen.", "Republican presidential candidate"]) == {
        "title:vermont", "title:senator", "title:republican", "title:nominee"}
