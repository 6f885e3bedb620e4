"""Read-only questions to the ledger, answered as plain dicts (the CLI, the JSON API and the web pages share them)."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from ..errors import NotFound, OnrecordError
from .actors import name_key, translit_key
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
    if text.isdigit() and store.one("SELECT 1 FROM actors WHERE id = ?", (int(text),)):
        return int(text)
    found = matching_actors(store, text)
    if not found:
        raise NotFound("actor", text)
    # a full name typed is that actor; one word ('Trump') shows the most quoted of all it can mean
    own = [m for m in found if name_key(m["name"]) == name_key(text)] if " " in name_key(text) else []
    return (own or found)[0]["id"]


def actor(store: Store, name_or_id: str, *, limit: int | None = None, offset: int | None = None,
          merges: int = 200) -> dict[str, Any]:
    """One actor: identity, how each article's mention was merged into it (the first ``merges`` links), and its
    statements oldest first."""
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
    rows = store.all(STATEMENT_SQL + " WHERE t.actor_id = ? ORDER BY t.day, t.id LIMIT ? OFFSET ?",
                     (actor_id, limit, offset))
    out["statements"] = [_statement(r) for r in rows]
    out["query"] = text
    out["matches"] = matches               # several: "3 actors match 'Trump'", each with its count
    out["curation"] = [dict(r) for r in store.all(
        "SELECT c.id, c.action, c.actor, c.value, c.article, c.who, c.at, c.why, e.detail FROM curation_effects e"
        " JOIN curations c ON c.id = e.curation_id WHERE e.actor_id = ? ORDER BY c.id", (actor_id,))]
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
