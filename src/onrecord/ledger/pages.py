"""Read-only queries the web pages and JSON API need beyond :mod:`.queries`: lists, spans, aggregates."""

from __future__ import annotations

import json
from typing import Any

from . import queries
from .store import Store


def page(limit: int | None, offset: int | None) -> tuple[int, int]:
    """The same clamping as every query: 1..MAX_PAGE rows, offset ≥ 0."""
    return queries._page(limit, offset)


def articles(store: Store, *, limit: int | None = None, offset: int | None = None) -> list[dict[str, Any]]:
    """Articles, most recent day first and undated ones last (day '' sorts first ascending, so last here), with
    their number of attributions (no text)."""
    limit, offset = page(limit, offset)
    rows = store.all(
        "SELECT a.id, a.title, a.url, a.site, a.source, a.author, nullif(a.day, '') AS day, a.date_method, a.wire,"
        " a.story_id,"
        " (SELECT count(*) FROM attributions t WHERE t.article_id = a.id) AS attributions"
        " FROM articles a ORDER BY a.day DESC, a.id DESC LIMIT ? OFFSET ?", (limit, offset))
    return [dict(r) for r in rows]


def most_quoted(store: Store, *, limit: int = 10) -> list[dict[str, Any]]:
    """The actors with the most attributions (the actor index answers the count, not a scan of actors)."""
    rows = store.all(
        "SELECT a.id, a.name, a.kind, q.n AS attributions FROM"
        " (SELECT actor_id, count(*) AS n FROM attributions WHERE actor_id IS NOT NULL"
        "  GROUP BY actor_id ORDER BY n DESC, actor_id LIMIT ?) q JOIN actors a ON a.id = q.actor_id"
        " ORDER BY q.n DESC, a.id", (limit,))
    return [dict(r) for r in rows]


_SPAN_SQL = (
    "SELECT t.id, t.parts, t.cue_start, t.cue_end, t.mention_start, t.mention_end, t.rule, t.confidence,"
    " t.speaker_kind FROM attributions t WHERE t.article_id = ? ORDER BY t.id")


def article(store: Store, article_id: int | str) -> dict[str, Any]:
    """``queries.article`` with each attribution's exact spans: content parts, cue, speaker mention and rule."""
    out = queries.article(store, article_id)
    spans = {r["id"]: r for r in store.all(_SPAN_SQL, (out["id"],))}
    for a in out["attributions"]:
        r = spans[a["attribution"]]
        a["parts"] = [list(p) for p in json.loads(r["parts"])]
        a["cue_span"] = [r["cue_start"], r["cue_end"]] if r["cue_start"] is not None else None
        a["mention_span"] = [r["mention_start"], r["mention_end"]] if r["mention_start"] is not None else None
        a["rule"] = r["rule"]
        a["confidence"] = r["confidence"]
        a["speaker_kind"] = r["speaker_kind"]
    return out


def actor_timeline(store: Store, actor_id: int, mode: str = "all") -> list[dict[str, Any]]:
    """An actor's dated statements (of ``mode`` unless it is ``all``) per day and stance, oldest day first (every
    statement, not one page of them); undated statements have no place on a time line (``undated_statements``
    counts them)."""
    mode_sql, params = queries._mode_filter(mode)
    rows = store.all("SELECT t.day, t.stance, count(*) AS n FROM attributions t WHERE t.actor_id = ? AND t.day <> ''"
                     + mode_sql + " GROUP BY t.day, t.stance ORDER BY t.day, t.stance", (actor_id, *params))
    return [dict(r) for r in rows]


def actor(store: Store, name_or_id: str, *, limit: int | None = None, offset: int | None = None,
          merges: int = 200, mode: str = "all") -> dict[str, Any]:
    """``queries.actor`` plus the per-day timeline, the undated statements and all statements of ``mode`` counted
    (the page's total); NotFound for an unknown id or name."""
    out = queries.actor(store, name_or_id, limit=limit, offset=offset, merges=merges, mode=mode)
    mode_sql, params = queries._mode_filter(mode)
    out["timeline"] = actor_timeline(store, out["id"], mode)
    out["undated_statements"] = store.one("SELECT count(*) FROM attributions t WHERE t.actor_id = ? AND t.day = ''"
                                          + mode_sql, (out["id"], *params))[0]
    out["statements_total"] = (out["attributions"] if not mode_sql else store.one(
        "SELECT count(*) FROM attributions t WHERE t.actor_id = ?" + mode_sql, (out["id"], *params))[0])
    out["mode"] = mode
    return out


def merge_groups(store: Store, actor_id: int, *, limit: int = 50) -> list[dict[str, Any]]:
    """How an actor's mentions were merged into it, one row per (mention, method): how many articles, the best
    score with its evidence, and the first link (``onrecord split LINK`` undoes one article's merge)."""
    rows = store.all(
        "SELECT local_name, method, count(*) AS links, max(score) AS score, evidence, min(id) AS first_link,"
        " min(article_id) AS first_article FROM actor_links WHERE actor_id = ?"
        " GROUP BY local_name, method ORDER BY links DESC, local_name, method LIMIT ?", (actor_id, limit))
    return [dict(r) for r in rows]
