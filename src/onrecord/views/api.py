"""The JSON API under /api/v1/: the same data as the pages, paginated with ``limit`` (at most 500) and ``offset``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from ..article import ACTOR_KINDS
from ..ledger import pages, queries
from . import schemas
from .app import StoreDep, relative_url

# every route documents the errors it really answers, as {"error", "status"} (FastAPI's own 422 schema,
# {"detail": [...]}, is replaced: the one error handler answers every error in that shape)
router = APIRouter(prefix="/api/v1", tags=["ledger"], responses=schemas.ERRORS)

# Larger limits are accepted and capped, as the CLI does; absurd numbers are refused before SQLite sees them.
Limit = Query(50, ge=1, le=1_000_000, description=f"rows per page (capped at {queries.MAX_PAGE})")
Offset = Query(0, ge=0, le=1_000_000_000, description="rows to skip")
Kind = Query(None, description="one of: " + ", ".join(ACTOR_KINDS))
Contested = Query(False, description="only claims asserted by one actor and denied by another")
About = Query(None, max_length=200, description="only claims naming this entity or one of its aliases")
ClaimLimit = Query(20, ge=1, le=1_000_000, description=f"rows per page (capped at {queries.MAX_PAGE})")
Text = Query(..., max_length=queries.MAX_QUERY,
             description='words, all of which must occur (matched by stem: drone finds drones); word* for a prefix; '
                         '"a phrase"; -word to leave out; a OR b')
Mode = Query("all", description="speech (said, written), thought (believed, planned) or all")
EventType = Query(None, pattern="^(sanction|transfer|attack)?$", description="sanction, transfer or attack")
EventAbout = Query(None, max_length=200, description="only events this actor did or suffered (name, alias or id)")
SearchLimit = Query(20, ge=1, le=1_000_000, description=f"results per kind (capped at {queries.MAX_PAGE})")


def listing(request: Request, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page of items with the address of the next page, relative to this server (null on the last page)."""
    limit, offset = pages.page(limit, offset)
    nxt = relative_url(request, limit=limit, offset=offset + limit) if len(items) >= limit else None
    return {"items": items, "limit": limit, "offset": offset, "next": nxt}


@router.get("/articles", response_model=schemas.ArticlePage, summary="Articles, most recent first (no text)")
async def articles(store: StoreDep, request: Request, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
    return listing(request, pages.articles(store, limit=limit, offset=offset), limit, offset)


@router.get("/articles/{article_id}", response_model=schemas.Article,
            summary="One article: its text and every attribution with exact spans")
async def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    return pages.article(store, article_id)


@router.get("/actors", response_model=schemas.ActorPage, summary="Actors, most quoted first")
async def actors(store: StoreDep, request: Request, limit: int = Limit, offset: int = Offset,
           kind: str | None = Kind) -> dict[str, Any]:
    return listing(request, queries.actors(store, limit=limit, offset=offset, kind=kind), limit, offset)


@router.get("/actors/{ref}", response_model=schemas.Actor,
            summary="One actor by id, name or alias: identity, merges, statements oldest first")
async def actor(store: StoreDep, request: Request, ref: str, limit: int = Limit,
                offset: int = Offset, mode: str = Mode) -> dict[str, Any]:
    data = pages.actor(store, ref, limit=limit, offset=offset, mode=mode)
    # the statements are the paginated part; identity and timeline come whole with every page
    page = listing(request, data.pop("statements"), limit, offset)
    data["statements"], data["limit"], data["offset"], data["next"] = (page["items"], page["limit"],
                                                                        page["offset"], page["next"])
    return data


@router.get("/claims", response_model=schemas.ClaimPage,
            summary="Claims, most recent first, with supporters and deniers")
async def claims(store: StoreDep, request: Request, contested: bool = Contested, about: str | None = About,
           limit: int = ClaimLimit, offset: int = Offset, mode: str = Mode) -> dict[str, Any]:
    rows = queries.claims(store, contested=contested, about=about or None, limit=limit, offset=offset, mode=mode)
    return listing(request, rows, limit, offset)


@router.get("/claims/{claim_id}", response_model=schemas.Claim,
            summary="One claim with its supporters, deniers and others")
async def claim(store: StoreDep, claim_id: str, mode: str = Mode) -> dict[str, Any]:
    return queries.claim(store, claim_id, mode=mode)


@router.get("/events", response_model=schemas.EventPage,
            summary="Events (sanction, transfer, attack), most recent first, with agent and targets")
async def events(store: StoreDep, request: Request, type: str | None = EventType, about: str | None = EventAbout,
                 limit: int = ClaimLimit, offset: int = Offset) -> dict[str, Any]:
    rows = queries.events(store, type=type or None, about=about or None, limit=limit, offset=offset)
    return listing(request, rows, limit, offset)


@router.get("/events/{event_id}", response_model=schemas.Event,
            summary="One event with its reports and the statements for and against it")
async def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    return queries.event(store, event_id)


Disputed = Query(False, description="only disputes where two different actors stand on opposite sides in "
                                     "different stories")
DisputeAbout = Query(None, max_length=200, description="only disputes naming this entity or one of its aliases")


@router.get("/disputes", response_model=schemas.DisputePage,
            summary="Disputes, contested first: the proposition, the affirm and negate camps, statements")
async def disputes(store: StoreDep, request: Request, contested: bool = Disputed, about: str | None = DisputeAbout,
                   limit: int = ClaimLimit, offset: int = Offset, mode: str = Mode) -> dict[str, Any]:
    rows = queries.disputes(store, contested=contested, about=about or None, limit=limit, offset=offset, mode=mode)
    return listing(request, rows, limit, offset)


@router.get("/disputes/{dispute_id}", response_model=schemas.Dispute,
            summary="One dispute: camps and every statement with its link")
async def dispute(store: StoreDep, dispute_id: str, mode: str = Mode) -> dict[str, Any]:
    return queries.dispute(store, dispute_id, mode=mode)


@router.get("/search", response_model=schemas.Search,
            summary="Full-text search (SQLite FTS5) over articles and attribution contents")
async def search(store: StoreDep, request: Request, q: str = Text, limit: int = SearchLimit,
                 offset: int = Offset, mode: str = Mode) -> dict[str, Any]:
    data = queries.search(store, q, limit=limit, offset=offset, mode=mode)
    more = data["offset"] + data["limit"] < max(data["total"].values())
    data["next"] = relative_url(request, limit=data["limit"], offset=data["offset"] + data["limit"]) if more else None
    return data
