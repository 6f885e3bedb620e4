"""Dispute rules without a database: sides, contested, changes of position, camps (issue 17)."""

import pytest

from onrecord.ledger.disputes import Placed, camps_of, changes_of, judge, moves, position


@pytest.mark.parametrize("stance, polarity, claim_stance, expected", [
    ("assert", "affirm", "assert", "affirm"),
    ("assert", "negate", "assert", "negate"),        # "she will not vote for him" is no supporter
    ("accuse", "affirm", "accuse", "affirm"),
    ("deny", "negate", "deny", "negate"),
    ("deny", "affirm", "deny", "negate"),            # a record of onrecord.article/1 has no polarity
    ("deny", "negate", "assert", "affirm"),          # "rejected the denial" upholds the claim
    ("assert", "affirm", "deny", "negate"),          # "said the reports were pure fiction"
    ("decline", "affirm", "decline", None),          # "declined to comment" takes no side
    ("question", "affirm", "question", None),
    ("demand", "affirm", "demand", None),
    ("assert", "affirm", None, None),                # no claim
])
def test_disputes_position(stance, polarity, claim_stance, expected):
    assert position(stance, polarity, claim_stance) == expected


def _p(attribution, article, story, holder, day, side):
    return Placed(attribution, article, story, holder, day, side)


def test_disputes_two_actors_in_two_stories_are_contested():
    v = judge([_p(1, 1, 1, "actor:1", "2026-01-01", "affirm"), _p(2, 2, 2, "actor:2", "2026-01-02", "negate")])
    assert v.contested and v.pair == (1, 2) and v.camps == {"affirm": ("actor:1",), "negate": ("actor:2",)}


@pytest.mark.parametrize("name, statements", [
    ("same-actor", [_p(1, 1, 1, "actor:1", "2026-01-01", "affirm"), _p(2, 2, 2, "actor:1", "2026-01-01", "negate")]),
    ("same-document", [_p(1, 1, 1, "actor:1", "2026-01-01", "affirm"), _p(2, 1, 1, "actor:2", "2026-01-01", "negate")]),
    ("one-republished-story", [_p(1, 1, 7, "actor:1", "2026-01-01", "affirm"),
                               _p(2, 2, 7, "actor:2", "2026-01-01", "negate")]),
    ("unresolved-speaker", [_p(1, 1, 1, None, "2026-01-01", "affirm"), _p(2, 2, 2, "actor:2", "2026-01-02", "negate")]),
    ("one-camp", [_p(1, 1, 1, "actor:1", "2026-01-01", "affirm"), _p(2, 2, 2, "actor:2", "2026-01-02", "affirm")]),
])
def test_disputes_never_a_contradiction(name, statements):
    assert not judge(statements).contested, name


def test_disputes_an_actor_who_moved_is_a_change_of_position_not_a_contradiction():
    statements = [_p(1, 1, 1, "actor:1", "2026-01-01", "negate"), _p(2, 2, 2, "actor:2", "2026-01-02", "affirm"),
                  _p(3, 3, 3, "actor:1", "2026-02-01", "affirm")]
    v = judge(statements)
    assert not v.contested                                    # both now affirm
    assert v.camps["affirm"] == ("actor:1", "actor:2") and v.camps["negate"] == ()
    (change,) = changes_of(statements)
    assert (change.holder, change.before, change.after, change.left, change.joined) == \
        ("actor:1", "negate", "affirm", "2026-01-01", "2026-02-01")


def test_disputes_camps_group_statements_per_actor_with_dates_and_moves():
    statements = [
        {"attribution": 1, "actor": 5, "speaker": "Corvan", "date": "2026-08-03", "position": "negate"},
        {"attribution": 2, "actor": 5, "speaker": "Corvan", "date": "2026-08-05", "position": "negate"},
        {"attribution": 3, "actor": 9, "speaker": "Union", "date": "2026-08-03", "position": "affirm"},
        {"attribution": 4, "actor": 5, "speaker": "Corvan", "date": "2026-09-14", "position": "affirm"},
        {"attribution": 5, "actor": None, "speaker": "a pilot", "date": "2026-08-04", "position": "affirm"},
    ]
    camps = camps_of(statements)
    assert [(e["name"], e["statements"], e["first"], e["last"]) for e in camps["negate"]] == \
        [("Corvan", [1, 2], "2026-08-03", "2026-08-05")]
    assert [e["name"] for e in camps["affirm"]] == ["Union", "a pilot", "Corvan"]
    assert moves(camps) == [{"actor": 5, "name": "Corvan", "from": "negate", "to": "affirm", "since": "2026-09-14",
                             "until": "2026-08-05"}]


# (affirming name, negating name, contested): one person held as two actors ("Obama" / "Barack Obama", PolNeAR
# train's false contradiction) is never set against itself; two people of one family name are
@pytest.mark.parametrize("a_name, n_name, expected", [
    ("Barack Obama", "Obama", False),
    ("Hollenbeck Chemicals", "Hollenbeck", False),
    ("Hillary Clinton", "H. Clinton", False),
    ("Hillary Clinton", "Bill Clinton", True),
    ("Kaja Rebane", "Yuri Sedov", True),
])
def test_disputes_same_person_under_two_actors_is_no_contradiction(a_name, n_name, expected):
    a = Placed(1, 1, 1, "actor:1", "2026-01-01", "affirm", name=a_name)
    n = Placed(2, 2, 2, "actor:2", "2026-01-02", "negate", name=n_name)
    assert judge([a, n]).contested is expected


# (affirming content, negating content, contested): PolNeAR train's false contradictions, each a fixed bug
@pytest.mark.parametrize("a_text, n_text, expected", [
    # condemning one thing and rejecting another named thing is no contradiction
    ("Republican presidential candidate Donald Trump's call for a ban on Muslims entering the United States",
     "Republican presidential candidate Donald Trump's offer to make an exception to his call for a ban on Muslims"
     " entering the United States", False),
    # sharing only how someone is described ("presumptive Republican presidential nominee")
    ("presumptive Republican presidential nominee Donald Trump was a failure in business",
     "Donald Trump, the presumptive Republican presidential nominee, could be the next occupant of the White House",
     False),
    # a real one: the same state of affairs, stated and denied
    ("more than 1,300 Clinton emails contained classified material",
     "there was no classified material on her email account", True),
])
def test_disputes_nominal_and_descriptive_contents_decide_no_contradiction(a_text, n_text, expected):
    from onrecord.ledger.claims import normalise
    a = Placed(1, 1, 1, "actor:1", "2026-01-01", "affirm", proposition=normalise(a_text), name="A")
    n = Placed(2, 2, 2, "actor:2", "2026-01-02", "negate", proposition=normalise(n_text), name="B")
    assert judge([a, n]).contested is expected
