"""Read-only questions to the ledger, answered as plain dicts (the CLI, the JSON API and the web pages share them)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..article import ACTOR_KINDS
from ..errors import NotFound
from ..validation import InvalidValue, parse_choice, parse_id, parse_mode
from .actors import name_key, translit_key
from .fts import MAX_QUERY, fts_query, unmark  # noqa: F401 - MAX_QUERY: the views' cap
from .store import Store

PAGE = 50
MAX_PAGE = 500


def _page(limit: int | None, offset: int | None) -> tuple[int, int]:
    limit = PAGE if limit is None else max(1, min(int(limit), MAX_PAGE))
    return limit, max(0, int(offset or 0))


# -- actors --------------------------------------------------------------------------------------------------

def actors(store: Store, *, limit: int | None = None, offset: int | None = None,
           kind: str | None = None) -> list[dict[str, Any]]:
    """Actors, most quoted first: id, name, kind, aliases, titles, number of attributions."""
    limit, offset = _page(limit, offset)
    if kind:   # a kind no actor can have is a mistake to name, not an empty list
        kind = parse_choice(kind, ACTOR_KINDS, "kind")
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


MAX_MATCHES = 100


def matching_actors(store: Store, text: str) -> list[dict[str, Any]]:
    """Every actor a typed name can mean, most quoted first: by any name or alias, by its transliteration key
    ('Zelenskyy' finds 'Zelensky'), and for one word by surname ('Trump' finds Donald Trump, Ivanka Trump,
    Donald Trump Jr. and an untyped 'Trump'), so a lookup never hides one of several people behind another."""
    key = name_key(str(text))
    if not key:
        return []
    keys = [f"{kind}:{translit_key(text)}" for kind in ("person", "organization", "place", "unknown", "group")]
    tokens = translit_key(text).split()
    if len(tokens) == 1:
        keys.append(f"person:last:{tokens[0]}")
    elif tokens:
        keys.append(f"person:compact:{''.join(tokens)}")
    marks = ",".join("?" * len(keys))
    rows = store.all(
        "SELECT a.id, a.name, a.kind, (SELECT count(*) FROM attributions t WHERE t.actor_id = a.id) AS n"
        " FROM actors a WHERE a.id IN (SELECT actor_id FROM actor_names WHERE name_key = ? AND is_title = 0"
        f" UNION SELECT actor_id FROM actor_keys WHERE key IN ({marks}))"
        " ORDER BY n DESC, a.id LIMIT ?", (key, *keys, MAX_MATCHES))
    return [{"id": r["id"], "name": r["name"], "kind": r["kind"], "attributions": r["n"]} for r in rows]


def find_actor(store: Store, name_or_id: str) -> int:
    """An actor id from an id, a name or an alias: the actor of that very name, else the most quoted match
    (``matching_actors`` lists them all)."""
    text = str(name_or_id).strip()
    number = _row_id(text)
    if number is not None and store.one("SELECT 1 FROM actors WHERE id = ?", (number,)):
        return number
    # "%", "_", "*", a NUL: no letters to look up (and a junk actor may have an empty key)
    found = matching_actors(store, text) if name_key(text) else []
    if not found:
        raise NotFound("actor", text)
    # a full name typed is that actor; one word ('Trump') shows the most quoted of all it can mean
    own = [m for m in found if name_key(m["name"]) == name_key(text)] if " " in name_key(text) else []
    return (own or found)[0]["id"]


def _row_by_id(store: Store, sql: str, what: str, ident: int | str) -> sqlite3.Row:
    """The row ``sql`` (one ``?`` for the id) finds for a user-typed id; NotFound for an id that names no row,
    including one that cannot be an id at all (huge, negative, not a number)."""
    text = str(ident).strip()
    number = _row_id(text)
    row = store.one(sql, (number,)) if number is not None else None
    if row is None:
        raise NotFound(what, text)
    return row


def _row_id(text: str) -> int | None:
    """``text`` as a row id, or None where it cannot be one (not a number, 0, or beyond SQLite's 64 bits)."""
    try:
        return parse_id(text)
    except InvalidValue:
        return None


def actor(store: Store, name_or_id: str, *, limit: int | None = None, offset: int | None = None,
          merges: int = 200, mode: str = "all") -> dict[str, Any]:
    """One actor: identity, how each article's mention was merged into it (the first ``merges`` links), and its
    statements oldest first (only those of ``mode``, speech or thought, unless it is ``all``)."""
    mode_sql, mode_params = _mode_filter(mode)
    actor_id = find_actor(store, name_or_id)
    text = str(name_or_id).strip()
    matches = [] if text.isdigit() else matching_actors(store, text)
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
    rows = store.all(STATEMENT_SQL + " WHERE t.actor_id = ?" + mode_sql + " ORDER BY " + DATED_FIRST
                     + " LIMIT ? OFFSET ?", (actor_id, *mode_params, limit, offset))
    out["statements"] = [_statement(r) for r in rows]
    out["query"] = text
    out["matches"] = matches               # several: "3 actors match 'Trump'", each with its count
    out["curation"] = [dict(r) for r in store.all(
        "SELECT c.id, c.action, c.actor, c.value, c.article, c.who, c.at, c.why, e.detail FROM curation_effects e"
        " JOIN curations c ON c.id = e.curation_id WHERE e.actor_id = ? ORDER BY c.id", (actor_id,))]
    return out


# Statements oldest first with the undated ones (day '') after every dated one, not before: an undated statement
# has no place in time
DATED_FIRST = "t.day = '', t.day, t.id"

STATEMENT_SQL = (
    "SELECT t.id, t.local_id, t.article_id, t.kind, t.stance, t.claim_stance, t.claim_id, t.rule, t.confidence,"
    " t.content_text, t.content_start, t.content_end, t.cue_text, t.mention_text, t.speaker_name, t.actor_id,"
    " t.sentence_start, t.sentence_end, t.day, t.story_id, t.claim_link, t.polarity, t.position,"
    " substr(ar.text, t.sentence_start + 1, t.sentence_end - t.sentence_start) AS sentence,"
    " ar.title, ar.url, ar.site, ar.source, act.name AS actor_name, t.via_text, t.said_on, ar.date_method, ar.wire,"
    " t.mode"
    " FROM attributions t JOIN articles ar ON ar.id = t.article_id LEFT JOIN actors act ON act.id = t.actor_id")


def _statement(r: sqlite3.Row) -> dict[str, Any]:
    """A row of ``STATEMENT_SQL`` as the contract's statement (unpacked by position: pages list hundreds)."""
    (attribution, local_id, article, kind, stance, claim_stance, claim, rule, _confidence, content, content_start,
     content_end, cue, mention, speaker_name, actor, sentence_start, sentence_end, day, story, claim_link, polarity,
     position, sentence, title, url, site, source, actor_name, via, said_on, date_method, wire, mode) = tuple(r)
    return {"attribution": attribution, "local_id": local_id, "article": article, "title": title, "url": url,
            "site": site, "source": source, "date": day or None, "date_method": date_method, "said_on": said_on,
            "via": via, "wire": wire, "kind": kind, "stance": stance, "cue": cue,
            "content": content, "speaker": actor_name or speaker_name or mention, "actor": actor,
            "sentence": sentence, "sentence_span": [sentence_start, sentence_end],
            "content_span": [content_start, content_end], "claim": claim, "claim_stance": claim_stance,
            "claim_link": claim_link, "story": story, "mode": mode, "polarity": polarity, "position": position}


def _mode_filter(mode: str) -> tuple[str, tuple[str, ...]]:
    """SQL (after a WHERE) and parameters keeping attributions of ``mode``: speech, thought or all."""
    if parse_mode(mode) == "all":
        return "", ()
    return " AND t.mode = ?", (mode,)


# -- claims --------------------------------------------------------------------------------------------------

def _claim_filters(store: Store, statement: str, mode: str, contested: bool, about: str | None
                   ) -> tuple[list[str], list[Any]]:
    """WHERE terms and parameters on claims ``c`` shared by the claim and dispute lists: with a ``mode``, a statement
    of that mode matching ``statement`` (a SQL condition on attributions ``t``); contested; naming ``about``."""
    mode_sql, mode_params = _mode_filter(mode)
    where: list[str] = []
    params: list[Any] = []
    if mode_sql:
        where.append(f"c.id IN (SELECT t.claim_id FROM attributions t WHERE {statement}" + mode_sql + ")")
        params += mode_params
    if contested:
        where.append("c.contested = 1")
    if about:
        entities = _about_names(store, about)
        where.append(f"c.id IN (SELECT claim_id FROM claim_entities WHERE entity IN ({','.join('?' * len(entities))}))")
        params += entities
    return where, params


def claims(store: Store, *, contested: bool = False, about: str | None = None, limit: int | None = None,
           offset: int | None = None, mode: str = "all") -> list[dict[str, Any]]:
    """Claims, most recent first, each with its supporters and deniers (with a ``mode``: only claims stated in
    that mode, and only their statements of it)."""
    limit, offset = _page(limit, offset)
    where, params = _claim_filters(store, "t.claim_id IS NOT NULL", mode, contested, about)
    sql = "SELECT c.* FROM claims c" + (" WHERE " + " AND ".join(where) if where else "")
    rows = store.all(sql + " ORDER BY c.last_day DESC, c.id DESC LIMIT ? OFFSET ?", (*params, limit, offset))
    return [_claim(store, r, mode) for r in rows]


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


def claim(store: Store, claim_id: int | str, *, mode: str = "all") -> dict[str, Any]:
    """One claim with its statements (only those of ``mode``, speech or thought, unless it is ``all``)."""
    row = _row_by_id(store, "SELECT * FROM claims WHERE id = ?", "claim", claim_id)
    return _claim(store, row, mode)


def _claim(store: Store, row: sqlite3.Row, mode: str = "all") -> dict[str, Any]:
    mode_sql, mode_params = _mode_filter(mode)
    stmts = [_statement(r) for r in store.all(STATEMENT_SQL + " WHERE t.claim_id = ?" + mode_sql + " ORDER BY "
                                              + DATED_FIRST, (row["id"], *mode_params))]
    # sides as the dispute rules read them: stance and polarity ("will not support him" is no supporter)
    supporters = [s for s in stmts if s["position"] == "affirm"]
    deniers = [s for s in stmts if s["position"] == "negate"]
    others = [s for s in stmts if s["position"] is None]
    return {"id": row["id"], "text": row["text"], "entities": json.loads(row["entities"]),
            "contested": bool(row["contested"]), "first_date": row["first_day"] or None,
            "last_date": row["last_day"] or None,
            # a story republished by several outlets supports the claim once
            "support": len({(s["actor"] or s["speaker"], s["story"]) for s in supporters}),
            "denial": len({(s["actor"] or s["speaker"], s["story"]) for s in deniers}),
            "supporters": supporters, "deniers": deniers, "others": others}


# -- search, articles, errors --------------------------------------------------------------------------------

def search(store: Store, text: str, *, limit: int | None = None, offset: int | None = None,
           mode: str = "all") -> dict[str, Any]:
    """Articles and attributions matching ``text`` (the syntax of :mod:`.fts`), best first: one page of each from
    ``offset``, with the totals; attributions only of ``mode`` (speech or thought) unless it is ``all``. An
    article's ``snippet`` is plain text and ``hits`` its matched spans in it."""
    limit, offset = _page(limit, offset)
    mode_sql, mode_params = _mode_filter(mode)
    query = fts_query(text)
    out: dict[str, Any] = {"query": text, "limit": limit, "offset": offset,
                           "total": {"articles": 0, "attributions": 0}, "articles": [], "attributions": []}
    if not query:
        return out
    out["total"] = {
        "articles": store.one("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (query,))[0],
        "attributions": store.one("SELECT count(*) FROM attributions_fts f JOIN attributions t ON t.id = f.rowid"
                                  " WHERE attributions_fts MATCH ?" + mode_sql, (query, *mode_params))[0]}
    arts = store.all(
        "SELECT a.id, a.title, a.url, nullif(a.day, '') AS day, a.source,"
        " snippet(articles_fts, 1, char(2), char(3), '…', 16) AS marked"   # fts.HIT_START, fts.HIT_END
        " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
        " ORDER BY rank LIMIT ? OFFSET ?", (query, limit, offset))
    for r in arts:
        row = dict(r)
        row["snippet"], hits = unmark(row.pop("marked") or "")
        row["hits"] = [list(h) for h in hits]
        out["articles"].append(row)
    ranked = [r[0] for r in store.all(
        "SELECT f.rowid FROM attributions_fts f JOIN attributions t ON t.id = f.rowid"
        " WHERE attributions_fts MATCH ?" + mode_sql + " ORDER BY rank LIMIT ? OFFSET ?",
        (query, *mode_params, limit, offset))]
    if ranked:
        marks = ",".join("?" * len(ranked))
        by_id = {r["id"]: _statement(r) for r in store.all(STATEMENT_SQL + f" WHERE t.id IN ({marks})", ranked)}
        out["attributions"] = [by_id[i] for i in ranked if i in by_id]
    return out


def article(store: Store, article_id: int | str) -> dict[str, Any]:
    row = _row_by_id(store, "SELECT * FROM articles WHERE id = ?", "article", article_id)
    out = {k: row[k] for k in ("id", "key", "source", "format", "url", "title", "author", "site", "published",
                               "date_method", "day", "text", "story_id", "model", "ingested_at", "wire",
                               "language")}
    out["day"] = out["day"] or None   # undated: never shown as a date
    out["removals"] = json.loads(row["removals"])
    out["attributions"] = [_statement(r) for r in store.all(STATEMENT_SQL + " WHERE t.article_id = ? ORDER BY t.id",
                                                            (row["id"],))]
    return out


def errors(store: Store, *, limit: int | None = None, offset: int | None = None) -> list[dict[str, Any]]:
    limit, offset = _page(limit, offset)
    return [dict(r) for r in store.all(
        "SELECT source, reason, first_at, last_at, count FROM errors ORDER BY last_at DESC, id DESC LIMIT ? OFFSET ?",
        (limit, offset))]


# -- disputes ------------------------------------------------------------------------------------------------

def side_rows(store: Store, claim_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Every statement with its article, story, holder (actor or the state it speaks for), stance, polarity and
    position, for the dispute rules and the dispute benchmark (``claim_ids`` limits it to those claims)."""
    where, params = "", []
    if claim_ids is not None:
        where = f" WHERE t.claim_id IN ({','.join('?' * len(claim_ids))})"
        params = list(claim_ids)
    return [dict(r) for r in store.all(
        "SELECT t.id, t.article_id, t.story_id, t.actor_id, a.represents, t.day, t.stance, t.polarity, t.position,"
        " t.claim_id, t.claim_stance, t.claim_link, t.speaker_name, t.speaker_kind, t.content_text, t.content_start,"
        " t.content_end,"
        " t.parts, ar.source"
        " FROM attributions t JOIN articles ar ON ar.id = t.article_id LEFT JOIN actors a ON a.id = t.actor_id"
        + where + " ORDER BY t.id", tuple(params))]


def disputes(store: Store, *, contested: bool = False, about: str | None = None, limit: int | None = None,
             offset: int | None = None, mode: str = "all") -> list[dict[str, Any]]:
    """Disputes (claims on which at least two statements take a side), contested first, then most recent (with a
    ``mode``: only disputes with a statement of that mode taking a side, their camps read from those alone)."""
    limit, offset = _page(limit, offset)
    where, params = _claim_filters(store, "t.position IS NOT NULL", mode, contested, about)
    where.insert(0, "c.n_sides > 1")
    rows = store.all("SELECT c.* FROM claims c WHERE " + " AND ".join(where)
                     + " ORDER BY c.contested DESC, c.last_day DESC, c.id DESC LIMIT ? OFFSET ?",
                     (*params, limit, offset))
    return [_dispute(store, r, mode) for r in rows]


def dispute(store: Store, dispute_id: int | str, *, mode: str = "all") -> dict[str, Any]:
    """One dispute: camps and statements (only those of ``mode``, speech or thought, unless it is ``all``)."""
    row = _row_by_id(store, "SELECT * FROM claims WHERE id = ? AND n_sides > 0", "dispute", dispute_id)
    return _dispute(store, row, mode)


def _dispute(store: Store, row: sqlite3.Row, mode: str = "all",
             rows: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A dispute in the contract's JSON form (exactly the fields issue 17 lists); ``rows``: its sided statements
    (``_sided_statements``) when the caller has them already. With a ``mode``, contested only while both camps
    keep a statement of that mode: a verdict is never shown over sides the filter has emptied."""
    from .disputes import camps_of
    rows = rows if rows is not None else _sided_statements(store, row["id"], mode)
    statements = [{"attribution": s["attribution"], "article": s["article"], "source": s["source"], "url": s["url"],
                   "date": s["date"], "content_span": s["content_span"], "actor": s["actor"],
                   "speaker": s["speaker"], "stance": s["stance"], "polarity": s["polarity"],
                   "position": s["position"], "link": s["claim_link"]} for s in rows]
    camps = camps_of(statements)
    contested = bool(row["contested"]) and (mode == "all" or bool(camps["affirm"] and camps["negate"]))
    return {"id": row["id"], "proposition": row["text"], "contested": contested, "camps": camps,
            "statements": statements}


def _sided_statements(store: Store, claim_id: int, mode: str) -> list[dict[str, Any]]:
    """The statements of a dispute that take a side (of ``mode`` only, unless it is ``all``), dated first."""
    mode_sql, mode_params = _mode_filter(mode)
    return [_statement(r) for r in store.all(
        STATEMENT_SQL + " WHERE t.claim_id = ? AND t.position IS NOT NULL" + mode_sql + " ORDER BY " + DATED_FIRST,
        (claim_id, *mode_params))]


def dispute_page(store: Store, dispute_id: int | str, *, mode: str = "all") -> dict[str, Any]:
    """A dispute with what its page shows beside the JSON: each statement's sentence, cue and outlet, the changes
    of position, and why it is (or is not) contested (statements of ``mode`` only, unless it is ``all``)."""
    from .disputes import moves
    row = _row_by_id(store, "SELECT * FROM claims WHERE id = ? AND n_sides > 0", "dispute", dispute_id)
    rows = _sided_statements(store, row["id"], mode)
    data = _dispute(store, row, mode, rows)
    full = {s["attribution"]: s for s in rows}
    for r in store.all("SELECT id, cue_start, cue_end FROM attributions WHERE claim_id = ? AND position IS NOT NULL",
                       (data["id"],)):
        if r["id"] in full:     # not kept by the mode
            full[r["id"]]["cue_span"] = [r["cue_start"], r["cue_end"]]
    why = store.one("SELECT contested_why FROM claims WHERE id = ?", (data["id"],))
    return data | {"details": full, "changes": moves(data["camps"]), "why": why[0] if why else None}


def claim_propositions(store: Store) -> dict[int, Any]:
    """Every claim's stored proposition, by id (for re-judging disputes outside the writer)."""
    from .claims import Proposition
    return {r["id"]: Proposition(r["text"], tuple(r["terms"].split()), tuple(json.loads(r["entities"])), r["agent"])
            for r in store.all("SELECT id, text, terms, entities, agent FROM claims")}
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
    row = _row_by_id(store, "SELECT * FROM events WHERE id = ?", "event", event_id)
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
    # the side each statement takes, as the dispute rules read it (stance and polarity: "denied it had never
    # supplied them" is no statement against); one with no side (a refusal, a belief) is on neither list
    out["statements_for"] = [s for s in stmts if _side(s) == "affirm"]
    out["statements_against"] = [s for s in stmts if _side(s) == "negate"]
    return out


def _side(statement: dict[str, Any]) -> str | None:
    """A statement's side on what it states: its dispute position where the ledger gave one, else its stance
    towards the claim read with its polarity."""
    if statement["position"]:
        return statement["position"]
    from .disputes import position
    return position(statement["stance"], statement["polarity"], statement["claim_stance"] or statement["stance"],
                    statement["mode"])


def actor_events(store: Store, actor_id: int, *, limit: int = PAGE) -> dict[str, list[dict[str, Any]]]:
    """The acts an actor did (agent) and suffered (target), most recent first."""
    out: dict[str, list[dict[str, Any]]] = {}
    for key, role in (("did", "agent"), ("suffered", "target")):
        rows = store.all("SELECT e.* FROM events e JOIN event_participants p ON p.event_id = e.id"
                         " WHERE p.actor_id = ? AND p.role = ? ORDER BY e.last_day DESC, e.id DESC LIMIT ?",
                         (actor_id, role, limit))
        out[key] = [_event_summary(store, r) for r in rows]
    return out
