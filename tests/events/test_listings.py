"""Listings: names put on a sanctions list or taken off it, and the closing list of a release."""

from __future__ import annotations

import pytest


def _summary(ev):
    return (ev.type, ev.action, ev.agent.name if ev.agent else None, tuple(t.name for t in ev.targets), ev.status)


@pytest.mark.parametrize(("text", "expected"), [
    # the closing list names the targets of the measure announced before it, with that measure's agent
    ("Australia has imposed targeted financial sanctions on two individuals and one entity.\n\n"
     "Those designated are Karl Weber, a logistics manager; Anna Reiter, who owns a freight agency; and "
     "Ostwind Cargo GmbH, a freight forwarder based in Hamburg.",
     [("sanction", "impose", "Australia", ("Karl Weber", "Anna Reiter", "Ostwind Cargo GmbH"), "done")]),
    # the subject of the sentence before acts when no measure was told with a name
    ("The U.S. Department of the Treasury took action against three suppliers on Tuesday.\n\n"
     "Sanctioned today are Luis Ortega and Compania del Norte S.A., a shipping agent based in Panama.",
     [("sanction", "impose", "U.S. Department of the Treasury", ("Luis Ortega", "Compania del Norte S.A."),
       "done")]),
    # other participles opening a sentence are no listing
    ("The union held its congress on Monday.\n\nThose invited are Karl Weber and Anna Reiter.", []),
    # names on another kind of list are no sanction
    ("The magazine added the chef Paolo Conti to its list of rising stars.", []),
    # a sanctions list by its own words; off a list is a lift
    ("Canada on Friday added the broker Selim Aksoy to its sanctions list.",
     [("sanction", "impose", "Canada", ("Selim Aksoy",), "done")]),
    ("Switzerland imposed sanctions on Syria in 2011. On Monday Switzerland removed the trader Omar Haddad from "
     "the list.",
     [("sanction", "impose", "Switzerland", ("Syria",), "done"),
      ("sanction", "lift", "Switzerland", ("Omar Haddad",), "done")]),
])
def test_listings_give_sanction_events(run, text, expected):
    assert [_summary(ev) for ev in run(text).events] == expected
