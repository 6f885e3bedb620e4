"""Who did an act: the verbs an act word climbs to, and the subjects that share a joint act."""

from __future__ import annotations

import pytest

from onrecord.events.agents import governors


@pytest.fixture(scope="module")
def nlp():
    from onrecord.nlp import load
    return load()


@pytest.mark.parametrize(("text", "act", "expected"), [
    ("Ottawa is considering imposing sanctions on the firm.", "imposing", ["considering"]),
    ("Seoul threatened to strike the depot.", "strike", ["threatened"]),
    ("Norway shipped rifles to Chad.", "shipped", []),
])
def test_agents_governors_of_an_act_word(nlp, text, act, expected):
    from onrecord.nlp import parse
    doc = parse(nlp, text)
    tok = next(t for t in doc if t.text == act)
    assert [g.text for g in governors(tok)] == expected


@pytest.mark.parametrize(("text", "agents"), [
    ("Chile and Peru imposed sanctions on the smuggler Raul Ortega on Monday.", ["Chile", "Peru"]),
    # the subjects of a verb far above the act did not do it together
    ("Obama and Erdogan met on Friday, after weeks of talks to stop the shelling of Kobani.", [None]),
])
def test_agents_a_joint_act_gives_one_agent_each(run, text, agents):
    assert [ev.agent.name if ev.agent else None for ev in run(text).events] == agents


@pytest.mark.parametrize(("text", "agent"), [
    # "the country" is the state named last before it; one of several goods is enough for a transfer
    ("Armenia's foreign ministry said on Monday that the country had never supplied Iran with machine parts "
     "and drones.", "Armenia"),
    # a relative clause that the parser hangs on a verbless sentence's name has that name as subject
    ("The Council of the EU on Friday renewed for a year its arms embargo on Sudan.", "Council of the EU"),
    # an earlier full name stands behind its short form
    ("The Council of the EU imposed sanctions on Belarus. The Council then removed the trader Oleg Bratko "
     "from the list.", "Council of the EU"),
])
def test_agents_read_through_anaphors_and_misparses(run, text, agent):
    assert {ev.agent.name for ev in run(text).events} == {agent}
