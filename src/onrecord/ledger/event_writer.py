"""The events part of the ledger writer: each extracted event joins the stored event it reports or starts one.

A mixin of :class:`onrecord.ledger.writer.Ledger`, which gives it the connection and the actor resolution.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..article import Actor, Article, Event, Participant
from ..events.dates import in_force_day, resolve
from . import events as event_rules
from .claim_writer import MAX_CANDIDATES, UNDATED_DAY


class EventWriter:
    """Stores an article's events, their participants, mentions and the claims that carry them."""

    conn: sqlite3.Connection

    if TYPE_CHECKING:
        def _state_actor(self, state: str) -> int: ...

        def _resolve_actor(self, actor: Actor, context: Sequence[str]) -> tuple[int, str, float, str]: ...

    def _add_events(self, article_id: int, day: str, published: str | None, article: Article) -> None:
        """Each event of the article joins the stored event it reports (ledger/events.py) or starts one; its
        participants become ledger actors; the claim of the attribution carrying it links event and claim."""
        if not article.events:
            return
        carriers = {r["local_id"]: (r["id"], r["claim_id"]) for r in self.conn.execute(
            "SELECT id, local_id, claim_id FROM attributions WHERE article_id = ?", (article_id,))}
        for ev in article.events:
            act_day, method = resolve(ev, published or day)
            act_day = act_day or day
            agent_id = self._participant_actor(ev.agent) if ev.agent else None
            target_ids = [self._participant_actor(t) for t in ev.targets]
            agent_key = f"a:{agent_id}" if agent_id is not None else "-"
            targets = frozenset(f"a:{t}" for t in target_ids)
            event_id, evidence = self._event_for(ev, agent_key, targets, act_day, article_id)
            if event_id is None:
                event_id = self.conn.execute(
                    "INSERT INTO events (type, family, phase, action, plover, cameo, agent_id, agent_name, agent_key,"
                    " target_keys, theme, place, status, first_day, last_day)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (ev.type, event_rules.family(ev), event_rules.phase(ev.status), ev.action, ev.plover, ev.cameo,
                     agent_id, ev.agent.name if ev.agent else None, agent_key, json.dumps(sorted(targets)),
                     ev.theme, ev.place.name if ev.place else None, ev.status, act_day, act_day)).lastrowid
                evidence = "first report"
            else:
                self.conn.execute(
                    "UPDATE events SET first_day = min(first_day, ?), last_day = max(last_day, ?),"
                    " status = CASE WHEN ? >= last_day THEN ? ELSE status END,"
                    " theme = coalesce(theme, ?), place = coalesce(place, ?) WHERE id = ?",
                    (act_day, act_day, act_day, ev.status, ev.theme, ev.place.name if ev.place else None, event_id))
            rows = [(event_id, agent_id, "agent", ev.agent.name, ev.agent.kind)] if ev.agent and agent_id else []
            rows += [(event_id, a, "target", t.name, t.kind) for a, t in zip(target_ids, ev.targets)]
            self.conn.executemany("INSERT OR IGNORE INTO event_participants (event_id, actor_id, role, name, kind)"
                                  " VALUES (?, ?, ?, ?, ?)", rows)
            carrier, claim_id = carriers.get(ev.attribution, (None, None)) if ev.attribution else (None, None)
            self.conn.execute(
                "INSERT INTO event_mentions (event_id, article_id, local_id, status, in_force_from, day, date_method,"
                " date_text, trigger_start, trigger_end, sentence_start, sentence_end, attribution_id, speaker,"
                " merge_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (event_id, article_id, ev.id, ev.status, in_force_day(ev, published or day), act_day, method,
                 ev.date.text if ev.date else None, ev.trigger.start, ev.trigger.end, ev.sentence.start,
                 ev.sentence.end, carrier, ev.speaker, evidence))
            if claim_id is not None:
                self.conn.execute("INSERT OR IGNORE INTO event_claims (event_id, claim_id) VALUES (?, ?)",
                                  (event_id, claim_id))

    def _participant_actor(self, who: Participant) -> int:
        """The ledger actor of an agent or target, merged by the same rules as speakers."""
        kind = {"state": "place", "company": "organization"}.get(who.kind, who.kind)
        local = Actor(f"{kind}:{who.name}", who.name, kind if kind in ("person", "organization", "place", "group")
                      else "unknown")
        if who.kind == "state":
            return self._state_actor(who.name)
        return self._resolve_actor(local, [])[0]

    def _event_for(self, ev: Event, agent_key: str, targets: frozenset[str], day: str,
                   article_id: int) -> tuple[int | None, str]:
        kind, stage = event_rules.family(ev), event_rules.phase(ev.status)
        slack = event_rules.MERGE_DAYS[ev.type]
        if day == UNDATED_DAY:
            # an undated report gives no day to compare: it joins only an event reported in the same article
            # ("X supplied shells … X denied it had supplied weapons"), never one from another undated article
            rows = self.conn.execute(
                "SELECT id, family, phase, agent_key, target_keys, first_day, last_day FROM events"
                " WHERE type = ? AND agent_key = ? AND id IN (SELECT event_id FROM event_mentions"
                " WHERE article_id = ?) ORDER BY id DESC LIMIT ?",
                (ev.type, agent_key, article_id, MAX_CANDIDATES)).fetchall()
        else:
            rows = self.conn.execute(
                "SELECT id, family, phase, agent_key, target_keys, first_day, last_day FROM events"
                " WHERE type = ? AND agent_key = ? AND last_day >= date(?, ?) AND first_day <= date(?, ?)"
                " ORDER BY last_day DESC LIMIT ?",
                (ev.type, agent_key, day, f"-{slack} days", day, f"+{slack} days", MAX_CANDIDATES)).fetchall()
        for r in rows:
            old = event_rules.StoredEvent(r["id"], r["family"], r["phase"], r["agent_key"],
                                          frozenset(json.loads(r["target_keys"])), r["first_day"], r["last_day"])
            why = event_rules.same_event(kind, stage, agent_key, targets, day, old, ev.type)
            if why:
                if not targets <= old.targets:
                    self.conn.execute("UPDATE events SET target_keys = ? WHERE id = ?",
                                      (json.dumps(sorted(old.targets | targets)), r["id"]))
                return r["id"], why
        return None, ""
