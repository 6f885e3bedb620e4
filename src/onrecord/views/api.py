"""The JSON API under /api/v1/: the same data as the pages, paginated with ``limit`` (at most 500) and ``offset``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from ..ledger import pages, queries
from .app import StoreDep

router = APIRouter(prefix="/api/v1", tags=["ledger"])

# Larger limits are accepted and capped, as the CLI does; absurd numbers are refused before SQLite sees them.
Limit = Query(50, ge=1, le=1_000_000, description=f"rows per page (capped at {queries.MAX_PAGE})")
Offset = Query(0, ge=0, le=1_000_000_000, description="rows to skip")
Kind = Query(None, description="person, organization, place, group or unknown")
Contested = Query(False, description="only claims asserted by one actor and denied by another")
About = Query(None, max_length=200, description="only claims naming this entity or one of its aliases")
ClaimLimit = Query(20, ge=1, le=1_000_000, description=f"rows per page (capped at {queries.MAX_PAGE})")
EventType = Query(None, pattern="^(sanction|transfer|attack)?$", description="sanction, transfer or attack")
EventAbout = Query(None, max_length=200, description="only events this actor did or suffered (name, alias or id)")
Text = Query(..., max_length=queries.MAX_QUERY, description="words; all must occur")
SearchLimit = Query(20, ge=1, le=1_000_000, description=f"results per kind (capped at {queries.MAX_PAGE})")


def listing(request: Request, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page of items with the address of the next page (null on the last page)."""
    limit, offset = pages.page(limit, offset)
    nxt = (str(request.url.include_query_params(limit=limit, offset=offset + limit))
           if len(items) >= limit else None)
    return {"items": items, "limit": limit, "offset": offset, "next": nxt}


@router.get("/articles", summary="Articles, most recent first (no text)")
async def articles(store: StoreDep, request: Request, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    return listing(request, pages.articles(store, limit=limit, offset=offset), limit, offset)


@router.get("/articles/{article_id}", summary="One article: its text and every attribution with exact spans")
async def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    return pages.article(store, article_id)


@router.get("/actors", summary="Actors, most quoted first")
async def actors(store: StoreDep, request: Request, limit: int = Limit, offset: int = Offset,
           kind: str | None = Kind) -> dict[str, Any]:
    return listing(request, queries.actors(store, limit=limit, offset=offset, kind=kind), limit, offset)


@router.get("/actors/{ref}", summary="One actor by id, name or alias: identity, merges, statements oldest first")
async def actor(store: StoreDep, request: Request, ref: str, limit: int = Limit,
                offset: int = Offset) -> dict[str, Any]:
    data = pages.actor(store, ref, limit=limit, offset=offset)
    # the statements are the paginated part; identity and timeline come whole with every page
    page = listing(request, data.pop("statements"), limit, offset)
    data["statements"], data["limit"], data["offset"], data["next"] = (page["items"], page["limit"],
                                                                        page["offset"], page["next"])
    return data


@router.get("/claims", summary="Claims, most recent first, with supporters and deniers")
async def claims(store: StoreDep, request: Request, contested: bool = Contested, about: str | None = About,
           limit: int = ClaimLimit, offset: int = Offset) -> dict[str, Any]:
    rows = queries.claims(store, contested=contested, about=about or None, limit=limit, offset=offset)
    return listing(request, rows, limit, offset)


@router.get("/claims/{claim_id}", summary="One claim with its supporters, deniers and others")
async def claim(store: StoreDep, claim_id: str) -> dict[str, Any]:
    return queries.claim(store, claim_id)


@router.get("/events", summary="Events (sanction, transfer, attack), most recent first, with agent and targets")
async def events(store: StoreDep, request: Request, type: str | None = EventType, about: str | None = EventAbout,
                 limit: int = ClaimLimit, offset: int = Offset) -> dict[str, Any]:
    rows = queries.events(store, type=type or None, about=about or None, limit=limit, offset=offset)
    return listing(request, rows, limit, offset)


@router.get("/events/{event_id}", summary="One event with its reports and the statements for and against it")
async def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    return queries.event(store, event_id)


@router.get("/search", summary="Full-text search (SQLite FTS5) over articles and attribution contents")
async def search(store: StoreDep, q: str = Text, limit: int = SearchLimit) -> dict[str, Any]:
    return queries.search(store, q, limit=limit)
