"""FollowTheMoney export: Sanction per target with its authority, dates and sources; participants of the right
schema; other acts as Event; the output read back by followthemoney's own reader without errors."""

from __future__ import annotations

import io

import pytest

from onrecord.article import Article, Event, Participant, Span
from onrecord.ingest.document import Document
from onrecord.ledger.store import Store
from onrecord.ledger.writer import Ledger
from onrecord.views.ftm import write_ftm

pytest.importorskip("followthemoney")


def _record(url, published, text, type_, action, agent, targets, status):
    def span(name):
        i = text.index(name)
        return Span.of(text, i, i + len(name))
    ev = Event("e1", type_, action, "SANCTION" if type_ == "sanction" else "AID", "163" if type_ == "sanction"
               else "062", span(action if action in text else text.split()[1]),
               Participant(agent, "state", span(agent)), tuple(Participant(n, k, span(n)) for n, k in targets),
               status, Span.of(text, 0, len(text)))
    return Document(url, text, "text", url=url, published=published), Article(url, len(text), events=(ev,))


@pytest.fixture()
def ledger(tmp_path):
    with Store.open(tmp_path / "f.db") as store:
        Ledger(store).add_batch([
            _record("https://news.example/1", "2025-03-04", "United Kingdom sanctioned Ann Volkova, Pavel Orlov, "
                    "Ivan Grek and Orion Shipping LLC.", "sanction", "impose", "United Kingdom",
                    [("Ann Volkova", "person"), ("Pavel Orlov", "person"), ("Ivan Grek", "person"),
                     ("Orion Shipping LLC", "company")], "done"),
            _record("https://news.example/2", "2025-03-05", "Japan is considering sanctions on Orion Shipping LLC.",
                    "sanction", "impose", "Japan", [("Orion Shipping LLC", "company")], "considered"),
            _record("https://news.example/3", "2025-03-06", "Belarus supplied shells to Russia.", "transfer",
                    "supply", "Belarus", [("Russia", "state")], "done"),
        ])
        yield store


def test_ftm_export_reads_back_with_followthemoney(ledger, tmp_path):
    from followthemoney import ValueEntity
    from followthemoney.cli.util import path_entities

    path = tmp_path / "out.ftm.json"
    with open(path, "w", encoding="utf-8") as out:
        n = write_ftm(ledger, out)
    read = list(path_entities(path, ValueEntity))
    assert len(read) == n
    by_schema: dict[str, list] = {}
    for e in read:
        by_schema.setdefault(e.schema.name, []).append(e)
    sanctions = by_schema["Sanction"]
    assert len(sanctions) == 4          # one per target of the sanction done; the one considered is no Sanction
    people = {e.id: e.first("name") for e in by_schema["Person"]}
    companies = {e.id: e.first("name") for e in by_schema["Company"]}
    assert sorted(people.values()) == ["Ann Volkova", "Ivan Grek", "Pavel Orlov"]
    assert list(companies.values()) == ["Orion Shipping LLC"]
    for s in sanctions:
        assert s.first("entity") in people or s.first("entity") in companies
        assert s.first("authority") == "United Kingdom" and s.first("country") == "gb"
        assert s.first("startDate") == "2025-03-04"
        assert s.get("sourceUrl") == ["https://news.example/1"]
    events = {e.first("recordId"): e for e in by_schema["Event"]}
    assert len(events) == 2             # the sanction considered and the transfer
    assert any("considered" in e.get("keywords") for e in events.values())


def test_ftm_export_of_an_empty_ledger_is_empty(tmp_path):
    with Store.open(tmp_path / "e.db") as store:
        out = io.StringIO()
        assert write_ftm(store, out) == 0 and out.getvalue() == ""
