"""Events in the ledger: the merge rule across articles, participants as actors, reports and statements for and
against, the actor's acts; on hand-built records (no parser)."""

from __future__ import annotations

import pytest

from onrecord.article import Actor, Article, Attribution, Content, Event, Participant, Span, Speaker
from onrecord.ingest.document import Document
from onrecord.ledger import events as rules
from onrecord.ledger import queries
from onrecord.ledger.store import Store
from onrecord.ledger.writer import Ledger


def _stored(family="transfer", phase="act", agent="a:1", targets=("a:2",), first="2025-03-01", last="2025-03-01"):
    return rules.StoredEvent(1, family, phase, agent, frozenset(targets), first, last)


@pytest.mark.parametrize(("new", "old", "merged"), [
    (("transfer", "act", "a:1", {"a:2"}, "2025-03-10", "transfer"), _stored(), True),     # 9 days: a transfer
    (("attack", "act", "a:1", {"a:2"}, "2025-03-03", "attack"), _stored("attack"), False),  # 2 days: two attacks
    (("attack", "act", "a:1", {"a:2"}, "2025-03-02", "attack"), _stored("attack"), True),
    (("sanction:impose", "act", "a:1", {"a:2", "a:3"}, "2025-03-01", "sanction"), _stored("sanction:impose"), True),
    (("sanction:impose", "intent", "a:1", {"a:2"}, "2025-03-01", "sanction"), _stored("sanction:impose"), False),
    (("sanction:lift", "act", "a:1", {"a:2"}, "2025-03-01", "sanction"), _stored("sanction:impose"), False),
    (("transfer", "act", "a:9", {"a:2"}, "2025-03-01", "transfer"), _stored(), False),
    (("transfer", "act", "-", {"a:2"}, "2025-03-01", "transfer"), _stored(agent="-"), False),  # no agent: no merge
    (("transfer", "act", "a:1", {"a:3"}, "2025-03-01", "transfer"), _stored(), False),
])
def test_events_same_event_rule(new, old, merged):
    kind, stage, agent, targets, day, type_ = new
    assert (rules.same_event(kind, stage, agent, frozenset(targets), day, old, type_) is not None) is merged


def _article(url: str, published: str, text: str, act: str, agent: str, target: str, status: str,
             speaker: str | None, stance: str = "assert") -> tuple[Document, Article]:
    i = text.index(act)
    trigger = Span.of(text, i, i + len(act))
    sentence = Span.of(text, 0, len(text))
    atts: tuple[Attribution, ...] = ()
    actors: tuple[Actor, ...] = ()
    carrier = None
    if speaker:
        s = text.index(speaker)
        actor = Actor(f"place:{speaker.lower()}", speaker, "place")
        atts = (Attribution("q1", "indirect", Content.of(text, [(i, len(text) - 1)]), None,
                            Speaker(Span.of(text, s, s + len(speaker)), speaker, "place", actor.id), stance,
                            "clause-complement", 0.9, sentence),)
        actors = (actor,)
        carrier = "q1"
    a = text.index(agent)
    t = text.index(target)
    ev = Event("e1", "transfer", "supply", "AID", "062", trigger,
               Participant(agent, "state", Span.of(text, a, a + len(agent))),
               (Participant(target, "state", Span.of(text, t, t + len(target))),), status, sentence, theme="ammunition",
               attribution=carrier, speaker=speaker)
    return (Document(url, text, "text", url=url, published=published),
            Article(url, len(text), atts, actors, events=(ev,)))


@pytest.fixture()
def ledger(tmp_path):
    with Store.open(tmp_path / "l.db") as store:
        Ledger(store).add_batch([
            _article("https://a/1", "2025-03-01", "Latvia said Belarus supplied shells to Russia.", "supplied",
                     "Belarus", "Russia", "done", "Latvia"),
            _article("https://a/2", "2025-03-04", "Belarus denied it supplied shells to Russia.", "supplied",
                     "Belarus", "Russia", "denied", "Belarus", stance="deny"),
            _article("https://a/3", "2025-03-04", "Belarus is said to weigh supplying shells to Russia.", "supplying",
                     "Belarus", "Russia", "considered", None),
        ])
        yield store


def test_events_assertion_and_denial_are_one_disputed_event(ledger):
    rows = queries.events(ledger, type="transfer")
    assert len(rows) == 2        # the act (asserted and denied) and the act only considered
    act = next(r for r in rows if r["reports"] == 2)
    assert act["disputed"] and act["denials"] == 1
    assert act["agent"]["name"] == "Belarus" and [t["name"] for t in act["targets"]] == ["Russia"]
    data = queries.event(ledger, act["id"])
    assert [s["stated_by"] for s in data["sources"]] == ["attribution", "attribution"]
    assert [s["speaker"] for s in data["statements_for"]] == ["Latvia"]
    assert [s["speaker"] for s in data["statements_against"]] == ["Belarus"]
    assert data["sources"][1]["merge_evidence"].startswith("same transfer")


def test_events_about_an_actor_lists_what_it_did_and_suffered(ledger):
    belarus = queries.find_actor(ledger, "Belarus")
    russia = queries.find_actor(ledger, "Russia")
    assert len(queries.events(ledger, about="Belarus")) == 2
    assert len(queries.actor_events(ledger, belarus)["did"]) == 2
    assert len(queries.actor_events(ledger, russia)["suffered"]) == 2
    assert queries.actor_events(ledger, russia)["did"] == []


def test_events_unknown_event_is_not_found(ledger):
    from onrecord.errors import NotFound
    with pytest.raises(NotFound):
        queries.event(ledger, "999")


def test_ledger_events_undated_reports_merge_only_within_their_article():
    """Undated articles (issue 18) have no day to compare: `date('', '-30 days')` found no candidate and a
    report and its denial in one article became two events; across articles nothing undated may merge."""
    old = rules.StoredEvent(1, "transfer", "act", "a:2", frozenset({"a:3"}), "", "")
    assert rules.same_event("transfer", "act", "a:2", frozenset({"a:3"}), "", old, "transfer")
    dated = rules.StoredEvent(1, "transfer", "act", "a:2", frozenset({"a:3"}), "2026-11-01", "2026-11-01")
    assert rules.same_event("transfer", "act", "a:2", frozenset({"a:3"}), "", dated, "transfer") is None
    assert rules.same_event("transfer", "act", "a:2", frozenset({"a:3"}), "2026-11-01", old, "transfer") is None
