"""Event pages and API: the list, one event with its reports and both sides, the actor's acts; CLI events/event."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from onrecord.cli import main
from onrecord.views.app import create_app

ARTICLES = {
    "a.txt": "Latvia says Belarus supplied shells\n\nRIGA - Latvia said on Monday that Belarus had supplied artillery "
             "shells to Russia.\n\nBelarus denied that it had supplied weapons to Russia.\n",
    "b.txt": "Oslo lists two firms\n\nOSLO - Norway on Friday imposed sanctions on the shipping firm "
             "Fjord Arctic Lines "
             "and the trader Ivan Sorokin.\n",
}


@pytest.fixture(scope="module")
def events_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("events")
    (folder / "in").mkdir()
    for name, text in ARTICLES.items():
        (folder / "in" / name).write_text(text, encoding="utf-8")
    db = folder / "e.db"
    assert main(["ingest", str(folder / "in"), "--db", str(db), "--workers", "1"]) == 0
    return db


@pytest.fixture(scope="module")
def events_client(events_db):
    with TestClient(create_app(events_db), raise_server_exceptions=False, base_url="http://localhost") as c:
        yield c


def test_events_pages_api_lists_events_with_type_filter(events_client):
    body = events_client.get("/api/v1/events").json()
    assert {e["type"] for e in body["items"]} == {"transfer", "sanction"}
    only = events_client.get("/api/v1/events", params={"type": "sanction"}).json()["items"]
    assert [(t["name"], t["kind"]) for t in only[0]["targets"]] == [("Fjord Arctic Lines", "company"),
                                                                    ("Ivan Sorokin", "person")]
    assert events_client.get("/api/v1/events", params={"type": "parade"}).status_code == 422


def test_events_pages_event_page_shows_both_sides(events_client):
    transfer = events_client.get("/api/v1/events", params={"type": "transfer"}).json()["items"][0]
    assert transfer["disputed"]
    page = events_client.get(f"/events/{transfer['id']}")
    assert page.status_code == 200
    assert "Statements against" in page.text and "Belarus denied" in page.text
    assert events_client.get("/events/9999").status_code == 404


def test_events_pages_actor_page_lists_acts(events_client):
    data = events_client.get("/api/v1/events", params={"about": "Norway"}).json()["items"]
    assert len(data) == 1
    target = data[0]["targets"][0]["id"]
    page = events_client.get(f"/actors/{target}")
    assert page.status_code == 200 and "Suffered" in page.text and f'href="/events/{data[0]["id"]}"' in page.text


def test_events_pages_cli_events_and_event(events_db, capsys):
    assert main(["events", "--db", str(events_db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 2
    assert main(["event", str(rows[0]["id"]), "--db", str(events_db)]) == 0
    assert "reports:" in capsys.readouterr().out
    assert main(["events", "--db", str(events_db), "--type", "attack"]) == 0
