"""Event scoring: precision and recall by (type, agent, each target); status and date on matched events."""

from __future__ import annotations

from onrecord.article import Article, Event, Participant, Span
from onrecord.evaluate.events import EventScore, score_article

TEXT = "Britain sanctioned Ann Lee and Foo Ltd on Monday."


def _event(targets, status="done", agent="Britain"):
    span = Span.of(TEXT, 8, 18)
    return Event("e1", "sanction", "impose", "SANCTION", "163", span, Participant(agent, "state"),
                 tuple(Participant(n, k) for n, k in targets), status, Span.of(TEXT, 0, len(TEXT)),
                 date=Span.of(TEXT, 42, 48))


GOLD = {"published": "2025-06-04", "events": [
    {"type": "sanction", "agent": ["United Kingdom"], "status": "done", "date": "2025-06-02",
     "targets": [{"name": "Ann Lee", "kind": "person"}, {"name": "Foo Ltd", "kind": "company"}]}]}


def test_events_score_counts_each_target_and_folds_country_names():
    score = EventScore()
    article = Article("a", len(TEXT), events=(_event([("Ann Lee", "person"), ("Bar Ltd", "company")]),))
    score_article("a", GOLD, article, score)
    figures = score.to_dict()
    assert (figures["precision"], figures["recall"]) == (0.5, 0.5)
    assert figures["status_accuracy"] == 1.0 and figures["date_accuracy"] == 1.0


def test_events_score_status_wrong_when_considered_is_read_as_done():
    score = EventScore()
    article = Article("a", len(TEXT), events=(_event([("Ann Lee", "person"), ("Foo Ltd", "company")],
                                                       status="considered"),))
    score_article("a", GOLD, article, score)
    assert score.to_dict()["precision"] == 1.0
    assert score.to_dict()["status_accuracy"] == 0.0


def test_events_score_wrong_agent_is_no_match():
    score = EventScore()
    article = Article("a", len(TEXT), events=(_event([("Ann Lee", "person")], agent="France"),))
    score_article("a", GOLD, article, score)
    assert score.to_dict()["precision"] == 0.0
