"""Curators' corrections to actors — merge, split, rename, kind — kept as records and replayed on every ingest.

A record names actors by the names they had when the curator decided, never by row ids, so the same file of
records (``onrecord curation export``) applies to a ledger rebuilt from scratch or to another newsroom's ledger.
``replay`` runs at the end of every batch ``Ledger.add_batch`` writes (``ingest``, ``ledger load``): a new article
whose "Donald J. Trump" the rules made a new actor is folded into "Donald Trump" again, a split mention is split
again. Replaying twice changes nothing. This module is part of the ledger's write path (its SQL lives here as
``writer.py``'s does).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from ..errors import NotFound, OnrecordError
from .actors import name_key
from .store import Store

SCHEMA = "onrecord.curation/1"
ACTIONS = ("merge", "split", "rename", "kind")
KINDS = ("person", "organization", "place", "group", "unknown")


@dataclass(frozen=True, slots=True)
class Curation:
    """One decision: ``merge`` actor ← value (another actor), ``split`` the mention ``value`` in ``article``
    off ``actor``, ``rename`` actor → value, ``kind`` actor → value."""

    action: str
    actor: str
    value: str
    article: str = ""
    who: str = ""
    at: str = ""
    why: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any, where: str = "record") -> Curation:
        if not isinstance(data, dict):
            raise OnrecordError(f"{where}: expected an object, got {type(data).__name__}")
        missing = [k for k in ("action", "actor", "value") if not isinstance(data.get(k), str) or not data[k].strip()]
        if missing:
            raise OnrecordError(f"{where}: missing or empty {', '.join(missing)}")
        record = cls(**{k: str(data.get(k) or "").strip() for k in
                        ("action", "actor", "value", "article", "who", "at", "why")})
        return record.checked(where)

    def checked(self, where: str = "record") -> Curation:
        if self.action not in ACTIONS:
            raise OnrecordError(f"{where}: action {self.action!r} is not one of {', '.join(ACTIONS)}")
        if self.action == "kind" and self.value not in KINDS:
            raise OnrecordError(f"{where}: kind {self.value!r} is not one of {', '.join(KINDS)}")
        if self.action == "split" and not self.article:
            raise OnrecordError(f"{where}: a split needs the article key the mention is in")
        if self.action == "merge" and name_key(self.actor) == name_key(self.value):
            raise OnrecordError(f"{where}: cannot merge {self.actor!r} with itself")
        return self


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- finding actors by name ----------------------------------------------------------------------------------------

def find(conn: sqlite3.Connection, name: str) -> int | None:
    """The actor a record names: an actor id as text, else the actor whose own name has that key, else the one
    most quoted of those holding it as an alias. None when the ledger has no such actor (yet)."""
    text = name.strip()
    if text.isdigit():
        row = conn.execute("SELECT id FROM actors WHERE id = ?", (int(text),)).fetchone()
        return row[0] if row else None
    key = name_key(text)
    rows = conn.execute(
        "SELECT a.id, a.name, (SELECT count(*) FROM attributions t WHERE t.actor_id = a.id) AS n FROM actors a"
        " WHERE a.id IN (SELECT actor_id FROM actor_names WHERE name_key = ? AND is_title = 0)"
        " ORDER BY n DESC, a.id", (key,)).fetchall()
    best = [r for r in rows if name_key(r[1]) == key] or rows
    return best[0][0] if best else None


def _named(conn: sqlite3.Connection, name: str, besides: int) -> int | None:
    """Another actor whose own name is ``name`` (a later article's "Donald J. Trump" made new again)."""
    key = name_key(name)
    for actor_id, own in conn.execute(
            "SELECT a.id, a.name FROM actors a WHERE a.id != ? AND a.id IN"
            " (SELECT actor_id FROM actor_names WHERE name_key = ? AND is_title = 0) ORDER BY a.id", (besides, key)):
        if name_key(own) == key:
            return actor_id
    return None


def _found(conn: sqlite3.Connection, name: str) -> int:
    actor_id = find(conn, name)
    if actor_id is None:
        raise NotFound("actor", name)
    return actor_id


# -- applying ------------------------------------------------------------------------------------------------------

def _effect(conn: sqlite3.Connection, curation_id: int, actor_id: int, detail: str) -> None:
    conn.execute("INSERT OR IGNORE INTO curation_effects (curation_id, actor_id, detail) VALUES (?, ?, ?)",
                 (curation_id, actor_id, detail))


def merge_actors(conn: sqlite3.Connection, into: int, other: int, why: str) -> int:
    """Fold actor ``other`` into ``into``: its links, statements, names and keys move; it is deleted. Returns the
    number of statements moved."""
    conn.execute("UPDATE actor_links SET actor_id = ?, evidence = evidence || ? WHERE actor_id = ?",
                 (into, f"; merged by a curator: {why}", other))
    moved = conn.execute("UPDATE attributions SET actor_id = ? WHERE actor_id = ?", (into, other)).rowcount
    conn.execute("INSERT OR IGNORE INTO actor_names (actor_id, name, name_key, is_title)"
                 " SELECT ?, name, name_key, is_title FROM actor_names WHERE actor_id = ?", (into, other))
    conn.execute("DELETE FROM actor_names WHERE actor_id = ?", (other,))
    conn.execute("INSERT OR IGNORE INTO actor_keys (key, actor_id) SELECT key, ? FROM actor_keys WHERE actor_id = ?",
                 (into, other))
    conn.execute("DELETE FROM actor_keys WHERE actor_id = ?", (other,))
    conn.execute("UPDATE actors SET represents = ? WHERE represents = ?", (into, other))
    conn.execute("UPDATE curation_effects SET actor_id = ? WHERE actor_id = ?", (into, other))
    conn.execute("DELETE FROM actor_splits WHERE actor_id = ?", (other,))
    conn.execute("DELETE FROM actors WHERE id = ?", (other,))
    return moved


def _apply(conn: sqlite3.Connection, cid: int, c: Curation) -> int:
    """One record against the ledger as it is now; the number of changes it made (0 once it holds)."""
    from .writer import split_link_rows  # the split shares the writer's code for a hand split

    actor_id = find(conn, c.actor)
    if c.action == "merge":
        other = find(conn, c.value)
        changes = 0
        while actor_id is not None and other is not None and other != actor_id:
            moved = merge_actors(conn, actor_id, other, f"{c.why or 'same person'} ({c.who}, {c.at})")
            _effect(conn, cid, actor_id, f"merged '{c.value}' into '{c.actor}' ({moved} statement(s))")
            changes += 1
            other = _named(conn, c.value, actor_id)   # the next actor of that name (new articles made several)
        return changes
    if actor_id is None:
        return 0
    if c.action == "rename":
        row = conn.execute("SELECT name, renamed FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row["name"] == c.value and row["renamed"]:
            return 0
        conn.execute("UPDATE actors SET name = ?, renamed = 1 WHERE id = ?", (c.value, actor_id))
        conn.execute("INSERT OR IGNORE INTO actor_names (actor_id, name, name_key, is_title) VALUES (?, ?, ?, 0)",
                     (actor_id, c.value, name_key(c.value)))
        _effect(conn, cid, actor_id, f"renamed '{row['name']}' → '{c.value}'")
        return 1
    if c.action == "kind":
        row = conn.execute("SELECT kind FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row["kind"] == c.value:
            return 0
        conn.execute("UPDATE actors SET kind = ? WHERE id = ?", (c.value, actor_id))
        _effect(conn, cid, actor_id, f"kind {row['kind']} → {c.value}")
        return 1
    # split: the mention named value in that article, while it still sits on the actor
    link = conn.execute(
        "SELECT l.id FROM actor_links l JOIN articles a ON a.id = l.article_id"
        " WHERE a.key = ? AND l.actor_id = ? AND l.local_name = ?", (c.article, actor_id, c.value)).fetchone()
    if link is None:
        return 0
    done = split_link_rows(conn, link[0], f"split by a curator: {c.why or 'not this actor'} ({c.who}, {c.at})")
    _effect(conn, cid, actor_id, f"split '{c.value}' of article {c.article} off into actor {done['new_actor']}")
    _effect(conn, cid, done["new_actor"], f"split off actor '{c.actor}' ({c.why or 'not this actor'})")
    return 1


def replay(conn: sqlite3.Connection) -> int:
    """Every record, oldest first, inside the caller's transaction; the number of changes made."""
    rows = conn.execute("SELECT id, action, actor, value, article, who, at, why FROM curations ORDER BY id").fetchall()
    return sum(_apply(conn, r[0], Curation(*r[1:])) for r in rows)


def add(store: Store, curation: Curation) -> dict[str, Any]:
    """Store a decision (with who and when filled in) and apply it; a decision about an actor the ledger does
    not hold is refused."""
    c = curation.checked()
    c = Curation(c.action, c.actor, c.value, c.article, c.who or "curator", c.at or now(), c.why)
    with store.atomic() as conn:
        _found(conn, c.actor)
        if c.action == "merge":
            _found(conn, c.value)
        cur = conn.execute("INSERT OR IGNORE INTO curations (action, actor, value, article, who, at, why)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)", (c.action, c.actor, c.value, c.article, c.who, c.at, c.why))
        cid = cur.lastrowid if cur.rowcount else conn.execute(
            "SELECT id FROM curations WHERE action = ? AND actor = ? AND value = ? AND article = ?",
            (c.action, c.actor, c.value, c.article)).fetchone()[0]
        changes = _apply(conn, cid, c)
        changes += replay(conn)
    return {"curation": cid, **c.to_dict(), "changes": changes}


def export(store: Store) -> dict[str, Any]:
    rows = store.all("SELECT action, actor, value, article, who, at, why FROM curations ORDER BY id")
    return {"schema": SCHEMA, "curations": [Curation(*r).to_dict() for r in rows]}


def import_records(store: Store, data: Any, where: str) -> dict[str, int]:
    """Records from an exported file into this ledger, then replayed; records it holds already are skipped."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("curations"), list):
        raise OnrecordError(f"{where}: not a curation file (expected an object with schema {SCHEMA!r} and a "
                            "'curations' list)")
    records = [Curation.from_dict(d, f"{where}: curation {i + 1}") for i, d in enumerate(data["curations"])]
    added = 0
    with store.atomic() as conn:
        for c in records:
            added += conn.execute(
                "INSERT OR IGNORE INTO curations (action, actor, value, article, who, at, why)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (c.action, c.actor, c.value, c.article, c.who or "curator", c.at or now(), c.why)).rowcount
        changes = replay(conn)
    return {"records": len(records), "added": added, "changes": changes}
