"""Read-only questions to the ledger, answered as plain dicts (the CLI, the JSON API and the web pages share them)."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from ..errors import NotFound, OnrecordError
from .actors import name_key
from .store import Store

PAGE = 50
MAX_PAGE = 500
MAX_QUERY = 500        # characters of a search query


def _page(limit: int | None, offset: int | None) -> tuple[int, int]:
    limit = PAGE if limit is None else max(1, min(int(limit), MAX_PAGE))
    return limit, max(0, int(offset or 0))


# -- actors --------------------------------------------------------------------------------------------------

def actors(store: Store, *, limit: int | None = None, offset: int | None = None,
           kind: str | None = None) -> list[dict[str, Any]]:
    """Actors, most quoted first: id, name, kind, aliases, titles, number of attributions."""
    limit, offset = _page(limit, offset)
    where, params = ("WHERE a.kind = ?", [kind]) if kind else ("", [])
    rows = store.all(
        f"SELECT a.id, a.name, a.kind, a.affiliation, a.represents,"
        f" (SELECT count(*) FROM attributions t WHERE t.actor_id = a.id) AS n"
        f" FROM actors a {where} ORDER BY n DESC, a.id LIMIT ? OFFSET ?", (*params, limit, offset))
    return [_actor_summary(store, r) for r in rows]


def _actor_summary(store: Store, row: sqlite3.Row) -> dict[str, Any]:
    names = store.all("SELECT name, is_title FROM actor_names WHERE actor_id = ? ORDER BY name", (row["id"],))
    represents = None
    if row["represents"]:
        state = store.one("SELECT id, name FROM actors WHERE id = ?", (row["represents"],))
        represents = {"id": state["id"], "name": state["name"]} if state else None
    return {"id": row["id"], "name": row["name"], "kind": row["kind"],
            "aliases": [n["name"] for n in names if not n["is_title"] and n["name"] != row["name"]],
            "titles": [n["name"] for n in names if n["is_title"]],
            "affiliation": row["affiliation"], "represents": represents,
            "attributions": row["n"]}


def find_actor(store: Store, name_or_id: str) -> int:
    """An actor id from an id, a name or an alias (the most quoted when several share the name)."""
    text = str(name_or_id).strip()
    if text.isdigit() and store.one("SELECT 1 FROM actors WHERE id = ?", (int(text),)):
        return int(text)
    key = name_key(text)
    row = store.one(
        "SELECT n.actor_id FROM actor_names n WHERE n.name_key = ? AND n.is_title = 0"
        " ORDER BY (SELECT count(*) FROM attributions t WHERE t.actor_id = n.actor_id) DESC LIMIT 1", (key,))
    if row is None:
        raise NotFound("actor", text)
    return row[0]


def actor(store: Store, name_or_id: str, *, limit: int | None = None, offset: int | None = None,
          merges: int = 200) -> dict[str, Any]:
    """One actor: identity, how each article's mention was merged into it (the first ``merges`` links), and its
    statements oldest first."""
    actor_id = find_actor(store, name_or_id)
    row = store.one("SELECT a.id, a.name, a.kind, a.affiliation, a.represents,"
                    " (SELECT count(*) FROM attributions t WHERE t.actor_id = a.id) AS n FROM actors a WHERE id = ?",
                    (actor_id,))
    out = _actor_summary(store, row)
    out["speakers_for_it"] = [{"id": r["id"], "name": r["name"], "kind": r["kind"]} for r in store.all(
        "SELECT id, name, kind FROM actors WHERE represents = ? ORDER BY name", (actor_id,))]
    out["merges"] = [dict(r) for r in store.all(
        "SELECT l.id AS link, l.article_id AS article, l.local_name, l.method, l.score, l.evidence"
        " FROM actor_links l WHERE l.actor_id = ? ORDER BY l.id LIMIT ?", (actor_id, merges))] if merges > 0 else []
    limit, offset = _page(limit, offset)
    rows = store.all(STATEMENT_SQL + " WHERE t.actor_id = ? ORDER BY t.day, t.id LIMIT ? OFFSET ?",
                     (actor_id, limit, offset))
    out["statements"] = [_statement(r) for r in rows]
    return out


STATEMENT_SQL = (
    "SELECT t.id, t.local_id, t.article_id, t.kind, t.stance, t.claim_stance, t.claim_id, t.rule, t.confidence,"
    " t.content_text, t.content_start, t.content_end, t.cue_text, t.mention_text, t.speaker_name, t.actor_id,"
    " t.sentence_start, t.sentence_end, t.day, t.story_id, t.claim_link,"
    " substr(ar.text, t.sentence_start + 1, t.sentence_end - t.sentence_start) AS sentence,"
    " ar.title, ar.url, ar.site, ar.source, act.name AS actor_name"
    " FROM attributions t JOIN articles ar ON ar.id = t.article_id LEFT JOIN actors act ON act.id = t.actor_id")


def _statement(r: sqlite3.Row) -> dict[str, Any]:
    """A row of ``STATEMENT_SQL`` as the contract's statement (unpacked by position: pages list hundreds)."""
    (attribution, local_id, article, kind, stance, claim_stance, claim, rule, _confidence, content, content_start,
     content_end, cue, mention, speaker_name, actor, sentence_start, sentence_end, day, story, claim_link, sentence,
     title, url, site, source, actor_name) = tuple(r)
    return {"attribution": attribution, "local_id": local_id, "article": article, "title": title, "url": url,
            "site": site, "source": source, "date": day, "kind": kind, "stance": stance, "cue": cue,
            "content": content, "speaker": actor_name or speaker_name or mention, "actor": actor,
            "sentence": sentence, "sentence_span": [sentence_start, sentence_end],
            "content_span": [content_start, content_end], "claim": claim, "claim_stance": claim_stance,
            "claim_link": claim_link, "story": story}


# -- claims --------------------------------------------------------------------------------------------------

def claims(store: Store, *, contested: bool = False, about: str | None = None, limit: int | None = None,
           offset: int | None = None) -> list[dict[str, Any]]:
    """Claims, most recent first, each with its supporters and deniers."""
    limit, offset = _page(limit, offset)
    where, params = [], []
    if contested:
        where.append("c.contested = 1")
    if about:
        entities = _about_names(store, about)
        marks = ",".join("?" * len(entities))
        where.append(f"c.id IN (SELECT claim_id FROM claim_entities WHERE entity IN ({marks}))")
        params += entities
    sql = "SELECT c.* FROM claims c" + (" WHERE " + " AND ".join(where) if where else "")
    rows = store.all(sql + " ORDER BY c.last_day DESC, c.id DESC LIMIT ? OFFSET ?", (*params, limit, offset))
    return [_claim(store, r) for r in rows]


def _about_names(store: Store, about: str) -> list[str]:
    """An entity as written, plus the canonical name and aliases of the actor it names, if any."""
    names = {about.strip()}
    try:
        actor_id = find_actor(store, about)
    except NotFound:
        return sorted(names)
    row = store.one("SELECT name, affiliation FROM actors WHERE id = ?", (actor_id,))
    names.add(row["name"])
    names |= {r[0] for r in store.all("SELECT name FROM actor_names WHERE actor_id = ? AND is_title = 0",
                                      (actor_id,))}
    return sorted(names)


def claim(store: Store, claim_id: int | str) -> dict[str, Any]:
    text = str(claim_id).strip()
    row = store.one("SELECT * FROM claims WHERE id = ?", (int(text),)) if text.isdigit() else None
    if row is None:
        raise NotFound("claim", text)
    return _claim(store, row)


def _claim(store: Store, row: sqlite3.Row) -> dict[str, Any]:
    stmts = [_statement(r) for r in store.all(STATEMENT_SQL + " WHERE t.claim_id = ? ORDER BY t.day, t.id",
                                              (row["id"],))]
    supporters = [s for s in stmts if s["claim_stance"] in ("assert", "accuse")]
    deniers = [s for s in stmts if s["claim_stance"] == "deny"]
    others = [s for s in stmts if s["claim_stance"] not in ("assert", "accuse", "deny")]
    return {"id": row["id"], "text": row["text"], "entities": json.loads(row["entities"]),
            "contested": bool(row["contested"]), "first_date": row["first_day"], "last_date": row["last_day"],
            # a story republished by several outlets supports the claim once
            "support": len({(s["actor"] or s["speaker"], s["story"]) for s in supporters}),
            "denial": len({(s["actor"] or s["speaker"], s["story"]) for s in deniers}),
            "supporters": supporters, "deniers": deniers, "others": others}


# -- search, articles, errors --------------------------------------------------------------------------------

_FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms (no operator injection; all terms must occur)."""
    if len(text) > MAX_QUERY:
        raise OnrecordError(f"search text is {len(text)} characters; at most {MAX_QUERY}")
    terms = _FTS_TOKEN.findall(text)
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search(store: Store, text: str, *, limit: int | None = None) -> dict[str, Any]:
    """Articles and attributions matching ``text`` (SQLite FTS5, best first)."""
    limit, _ = _page(limit, 0)
    query = fts_query(text)
    if not query:
        return {"query": text, "articles": [], "attributions": []}
    arts = store.all(
        "SELECT a.id, a.title, a.url, a.day, a.source, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
        " ORDER BY rank LIMIT ?", (query, limit))
    atts = store.all(
        STATEMENT_SQL + " WHERE t.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?"
        " ORDER BY rank LIMIT ?)", (query, limit))
    return {"query": text, "articles": [dict(r) for r in arts], "attributions": [_statement(r) for r in atts]}


def article(store: Store, article_id: int | str) -> dict[str, Any]:
    text = str(article_id).strip()
    row = store.one("SELECT * FROM articles WHERE id = ?", (int(text),)) if text.isdigit() else None
    if row is None:
        raise NotFound("article", text)
    out = {k: row[k] for k in ("id", "key", "source", "format", "url", "title", "author", "site", "published",
                               "date_method", "day", "text", "story_id", "model", "ingested_at")}
    out["removals"] = json.loads(row["removals"])
    out["attributions"] = [_statement(r) for r in store.all(STATEMENT_SQL + " WHERE t.article_id = ? ORDER BY t.id",
                                                            (row["id"],))]
    return out


def errors(store: Store, *, limit: int | None = None, offset: int | None = None) -> list[dict[str, Any]]:
    limit, offset = _page(limit, offset)
    return [dict(r) for r in store.all(
        "SELECT source, reason, first_at, last_at, count FROM errors ORDER BY last_at DESC, id DESC LIMIT ? OFFSET ?",
        (limit, offset))]


# -- events (issue 20) ---------------------------------------------------------------------------------------

EVENT_TYPES = ("sanction", "transfer", "attack")


def events(store: Store, *, type: str | None = None, about: str | None = None, limit: int | None = None,
           offset: int | None = None) -> list[dict[str, Any]]:
    """Events, most recent first: who did what to whom, how far it went, how many reports and denials."""
    limit, offset = _page(limit, offset)
    where, params = [], []
    if type:
        where.append("e.type = ?")
        params.append(type)
    if about:
        ids = _about_actor_ids(store, about)
        marks = ",".join("?" * len(ids)) or "NULL"
        where.append(f"e.id IN (SELECT event_id FROM event_participants WHERE actor_id IN ({marks})"
                     f" OR name = ? COLLATE NOCASE)")
        params += [*ids, about.strip()]
    sql = "SELECT e.* FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
    rows = store.all(sql + " ORDER BY e.last_day DESC, e.id DESC LIMIT ? OFFSET ?", (*params, limit, offset))
    return [_event_summary(store, r) for r in rows]


def _about_actor_ids(store: Store, about: str) -> list[int]:
    try:
        return [find_actor(store, about)]
    except NotFound:
        return []


def _event_summary(store: Store, row: sqlite3.Row) -> dict[str, Any]:
    people = store.all("SELECT actor_id, role, name, kind FROM event_participants WHERE event_id = ?"
                       " ORDER BY role, name", (row["id"],))
    agent = next(({"id": p["actor_id"], "name": p["name"], "kind": p["kind"]} for p in people
                  if p["role"] == "agent"), None)
    if agent is None and row["agent_name"]:
        agent = {"id": None, "name": row["agent_name"], "kind": None}
    counts = store.one("SELECT count(*) AS n, sum(status = 'denied') AS denied FROM event_mentions"
                       " WHERE event_id = ?", (row["id"],))
    return {"id": row["id"], "type": row["type"], "action": row["action"], "plover": row["plover"],
            "cameo": row["cameo"], "status": row["status"], "agent": agent,
            "targets": [{"id": p["actor_id"], "name": p["name"], "kind": p["kind"]} for p in people
                        if p["role"] == "target"],
            "theme": row["theme"], "place": row["place"], "first_date": row["first_day"],
            "last_date": row["last_day"], "reports": counts["n"], "denials": counts["denied"] or 0,
            "disputed": bool(counts["denied"]) and (counts["denied"] or 0) < counts["n"]}


def event(store: Store, event_id: int | str) -> dict[str, Any]:
    """One event with every report of it (article, sentence, status, on whose word) and the statements for and
    against it: the attributions that carry it and those of the claims it is stated in."""
    text = str(event_id).strip()
    row = store.one("SELECT * FROM events WHERE id = ?", (int(text),)) if text.isdigit() else None
    if row is None:
        raise NotFound("event", text)
    out = _event_summary(store, row)
    mentions = store.all(
        "SELECT m.*, ar.title, ar.url, ar.site, ar.source, ar.day AS article_day,"
        " substr(ar.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) AS sentence"
        " FROM event_mentions m JOIN articles ar ON ar.id = m.article_id WHERE m.event_id = ? ORDER BY m.day, m.id",
        (row["id"],))
    out["sources"] = [{"article": m["article_id"], "title": m["title"], "url": m["url"], "site": m["site"],
                       "source": m["source"], "local_id": m["local_id"], "status": m["status"],
                       "in_force_from": m["in_force_from"], "date": m["day"], "date_method": m["date_method"],
                       "date_text": m["date_text"], "sentence": m["sentence"],
                       "sentence_span": [m["sentence_start"], m["sentence_end"]],
                       "attribution": m["attribution_id"], "speaker": m["speaker"],
                       "stated_by": "attribution" if m["attribution_id"] else "reporter",
                       "merge_evidence": m["merge_evidence"]} for m in mentions]
    out["claims"] = [r[0] for r in store.all("SELECT claim_id FROM event_claims WHERE event_id = ? ORDER BY claim_id",
                                             (row["id"],))]
    carriers = [m["attribution_id"] for m in mentions if m["attribution_id"]]
    marks_a = ",".join("?" * len(carriers)) or "NULL"
    marks_c = ",".join("?" * len(out["claims"])) or "NULL"
    stmts = [_statement(r) for r in store.all(
        STATEMENT_SQL + f" WHERE t.id IN ({marks_a}) OR t.claim_id IN ({marks_c}) ORDER BY t.day, t.id",
        (*carriers, *out["claims"]))]
    against = [s for s in stmts if (s["claim_stance"] or s["stance"]) == "deny"]
    out["statements_for"] = [s for s in stmts if (s["claim_stance"] or s["stance"]) in ("assert", "accuse")]
    out["statements_against"] = against
    return out


def actor_events(store: Store, actor_id: int, *, limit: int = PAGE) -> dict[str, list[dict[str, Any]]]:
    """The acts an actor did (agent) and suffered (target), most recent first."""
    out: dict[str, list[dict[str, Any]]] = {}
    for key, role in (("did", "agent"), ("suffered", "target")):
        rows = store.all("SELECT e.* FROM events e JOIN event_participants p ON p.event_id = e.id"
                         " WHERE p.actor_id = ? AND p.role = ? ORDER BY e.last_day DESC, e.id DESC LIMIT ?",
                         (actor_id, role, limit))
        out[key] = [_event_summary(store, r) for r in rows]
    return out
