"""Export of the ledger's events as FollowTheMoney entities (JSON lines), the format sanctions tooling reads.

A sanction the ledger holds as done, in force or announced becomes one ``Sanction`` per target (authority = the
agent, ``startDate``/``listingDate`` = the act's day, ``endDate`` for a lifting, ``sourceUrl`` = every report's
address); its targets become ``Person``, ``Company``, ``Organization`` or, for a state, ``PublicBody`` entities.
Transfers, attacks and sanctions only considered, threatened or denied are not sanctions: they become ``Event``
entities (organizer = agent, involved = targets) so nothing reported is lost. Entities are built through the
``followthemoney`` library (ids from ``make_id``, values cleaned by its types) and read back by its own reader.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO, Any

from ..ledger import queries
from ..ledger.store import Store

SCHEMA_OF_KIND = {"person": "Person", "company": "Company", "organization": "Organization", "state": "PublicBody",
                  "group": "Organization"}
SANCTION_DONE = frozenset({"done", "in force", "announced"})
DATASET = "onrecord"


def _model() -> Any:
    try:
        from followthemoney import model
    except ImportError as exc:   # an optional extra: the error says how to get it
        from ..errors import OnrecordError
        raise OnrecordError("export --format ftm needs the followthemoney library: pip install 'onrecord[ftm]'") \
            from exc
    return model


def _country(name: str) -> str | None:
    from rigour.territories import lookup_territory
    territory = lookup_territory(name)
    return str(territory.code) if territory is not None else None


def entities(store: Store) -> Iterator[Any]:
    """Every event of the ledger as FtM entity proxies: participants first, then the sanction or event."""
    model = _model()
    seen: set[str] = set()
    offset = 0
    while True:
        page = queries.events(store, limit=queries.MAX_PAGE, offset=offset)
        if not page:
            return
        offset += len(page)
        for summary in page:
            event = queries.event(store, summary["id"])
            yield from _event_entities(model, event, seen)


def _party(model: Any, who: dict[str, Any], seen: set[str]) -> tuple[Any | None, str | None]:
    """The entity of an agent or target (None for a place) and its id."""
    schema = SCHEMA_OF_KIND.get(who.get("kind") or "")
    if schema is None:
        return None, None
    proxy = model.make_entity(schema)
    proxy.make_id(DATASET, "actor", who["id"] if who.get("id") is not None else who["name"])
    proxy.add("name", who["name"])
    if who.get("kind") == "state" and (code := _country(who["name"])):
        proxy.add("jurisdiction", code)
    if proxy.id in seen:
        return None, proxy.id
    seen.add(proxy.id)
    return proxy, proxy.id


def _event_entities(model: Any, event: dict[str, Any], seen: set[str]) -> Iterator[Any]:
    urls = sorted({s["url"] for s in event["sources"] if s.get("url")})
    summary = next((s["sentence"] for s in event["sources"] if s.get("sentence")), None)
    agent = event.get("agent")
    agent_id = None
    if agent:
        entity, agent_id = _party(model, agent, seen)
        if entity is not None:
            yield entity
    targets = []
    for target in event["targets"]:
        entity, target_id = _party(model, target, seen)
        if entity is not None:
            yield entity
        targets.append((target, target_id))
    if event["type"] == "sanction" and event["status"] in SANCTION_DONE:
        for _target, target_id in targets:
            if target_id is None:
                continue
            sanction = model.make_entity("Sanction")
            sanction.make_id(DATASET, "event", event["id"], target_id)
            sanction.add("entity", target_id)
            if agent:
                sanction.add("authority", agent["name"])
                if agent.get("kind") == "state" and (code := _country(agent["name"])):
                    sanction.add("country", code)
            sanction.add("status", event["status"])
            if event["action"] == "lift":
                sanction.add("endDate", event["last_date"])
            else:
                sanction.add("startDate", event["first_date"])
                sanction.add("listingDate", event["first_date"])
            sanction.add("sourceUrl", urls)
            sanction.add("summary", summary)
            sanction.add("recordId", f"event:{event['id']}")
            yield sanction
        return
    act = model.make_entity("Event")
    act.make_id(DATASET, "event", event["id"])
    names = ", ".join(t["name"] for t, _id in targets)
    act.add("name", f"{event['type']} ({event['action']}, {event['status']}): "
                    f"{agent['name'] if agent else 'unknown'} → {names}")
    if agent_id:
        act.add("organizer", agent_id)
    act.add("involved", [i for _t, i in targets if i])
    act.add("date", event["first_date"])
    if event["last_date"] != event["first_date"]:
        act.add("endDate", event["last_date"])
    act.add("location", event.get("place"))
    act.add("keywords", [event["type"], event["action"], event["status"], f"CAMEO {event['cameo']}",
                         f"PLOVER {event['plover']}"] + ([event["theme"]] if event.get("theme") else []))
    act.add("sourceUrl", urls)
    act.add("summary", summary)
    act.add("recordId", f"event:{event['id']}")
    yield act


def write_ftm(store: Store, out: IO[str]) -> int:
    """FtM entities as JSON lines (``id`` first, as ``ftm`` writes them); returns how many."""
    n = 0
    for proxy in entities(store):
        data = proxy.to_dict()
        line = {"id": data.pop("id"), **data}
        out.write(json.dumps(line, ensure_ascii=False, sort_keys=False) + "\n")
        n += 1
    return n
