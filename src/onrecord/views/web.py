"""Server-rendered pages: home, articles with highlighted attributions, actors, claims, events, search, API docs."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..ledger import pages, queries
from ..validation import parse_mode
from .app import StoreDep, relative_url
from .markup import highlight, timeline, wording

router = APIRouter(include_in_schema=False)

Limit = Query(50, ge=1, le=1_000_000, description="rows per page (at most 500)")
Offset = Query(0, ge=0, le=1_000_000_000)
About = Query(None, max_length=200)
ClaimLimit = Query(20, ge=1, le=1_000_000)
SearchLimit = Query(25, ge=1, le=1_000_000)
EventType = Query(None, pattern="^(sanction|transfer|attack)?$")
# checked by validation.parse_mode (one message for CLI, API and pages), not by a pattern here
Mode = Query("all", max_length=20)
MODE_LABELS = (("all", "all statements"), ("speech", "said or written"), ("thought", "believed or planned"))


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def pager(request: Request, limit: int, offset: int, shown: int, total: int | None = None) -> dict[str, Any]:
    """Previous/next links that keep the other query parameters."""
    def url(new_offset: int) -> str:
        return relative_url(request, limit=limit, offset=max(0, new_offset))
    more = offset + shown < total if total is not None else shown >= limit
    return {"limit": limit, "offset": offset, "shown": shown, "total": total,
            "prev": url(offset - limit) if offset > 0 else None, "next": url(offset + limit) if more else None}


def mode_links(request: Request, mode: str) -> list[dict[str, Any]]:
    """Links to this page with each mode (the other parameters kept, a pager back at its first page)."""
    first = {"offset": 0} if "offset" in request.query_params else {}
    return [{"mode": value, "label": label, "current": value == mode,
             "url": relative_url(request, mode=value, **first)} for value, label in MODE_LABELS]


# -- pages ------------------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
async def home(store: StoreDep, request: Request) -> HTMLResponse:
    return render(request, "home.html", counts=store.counts(), articles=pages.articles(store, limit=10),
                  actors=pages.most_quoted(store, limit=10), claims=queries.claims(store, contested=True, limit=10))


@router.get("/articles", response_class=HTMLResponse)
async def article_list(store: StoreDep, request: Request, limit: int = Limit, offset: int = Offset) -> HTMLResponse:
    limit, offset = pages.page(limit, offset)
    rows = pages.articles(store, limit=limit, offset=offset)
    return render(request, "articles.html", articles=rows,
                  pager=pager(request, limit, offset, len(rows), store.counts()["articles"]))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article(store: StoreDep, request: Request, article_id: str) -> HTMLResponse:
    data = pages.article(store, article_id)
    return render(request, "article.html", article=data, text=highlight(data["text"], data["attributions"]))


@router.get("/actors", response_class=HTMLResponse)
async def actor_list(store: StoreDep, request: Request, limit: int = Limit, offset: int = Offset,
               kind: str | None = None) -> HTMLResponse:
    limit, offset = pages.page(limit, offset)
    rows = queries.actors(store, limit=limit, offset=offset, kind=kind)
    return render(request, "actors.html", actors=rows, kind=kind, pager=pager(request, limit, offset, len(rows)))


@router.get("/actors/{ref}", response_class=HTMLResponse, response_model=None)
async def actor(store: StoreDep, request: Request, ref: str, limit: int = Limit, offset: int = Offset,
                mode: str = Mode) -> Response:
    mode = parse_mode(mode)
    if not (ref.isascii() and ref.isdigit()):   # a name or alias: one canonical address per actor
        matches = queries.matching_actors(store, ref)
        if len(matches) > 1:   # "3 actors match 'Trump'": every one of them, with its count
            return render(request, "actor_matches.html", query=ref, matches=matches)
        keep = f"?mode={mode}" if mode != "all" else ""
        return RedirectResponse(f"/actors/{queries.find_actor(store, ref)}{keep}", status_code=303)
    limit, offset = pages.page(limit, offset)
    data = pages.actor(store, ref, limit=limit, offset=offset, merges=0, mode=mode)
    return render(request, "actor.html", actor=data, chart=timeline(data["timeline"]),
                  merges=pages.merge_groups(store, data["id"]), acts=queries.actor_events(store, data["id"]),
                  mode=mode, mode_links=mode_links(request, mode),
                  pager=pager(request, limit, offset, len(data["statements"]), data["statements_total"]))


@router.get("/claims", response_class=HTMLResponse)
async def claim_list(store: StoreDep, request: Request, contested: bool = False, about: str | None = About,
               limit: int = ClaimLimit, offset: int = Offset, mode: str = Mode) -> HTMLResponse:
    limit, offset, mode = *pages.page(limit, offset), parse_mode(mode)
    rows = queries.claims(store, contested=contested, about=about or None, limit=limit, offset=offset, mode=mode)
    return render(request, "claims.html", claims=rows, contested=contested, about=about or "", mode=mode,
                  modes=MODE_LABELS, pager=pager(request, limit, offset, len(rows)))


@router.get("/disputes", response_class=HTMLResponse)
async def dispute_list(store: StoreDep, request: Request, contested: bool = False, about: str | None = About,
                       limit: int = ClaimLimit, offset: int = Offset, mode: str = Mode) -> HTMLResponse:
    mode = parse_mode(mode)
    rows = queries.disputes(store, contested=contested, about=about or None, limit=limit, offset=offset, mode=mode)
    return render(request, "disputes.html", disputes=rows, contested=contested, about=about or "", mode=mode,
                  modes=MODE_LABELS, pager=pager(request, limit, offset, len(rows)))


@router.get("/disputes/{dispute_id}", response_class=HTMLResponse)
async def dispute(store: StoreDep, request: Request, dispute_id: str, mode: str = Mode) -> HTMLResponse:
    mode = parse_mode(mode)
    page = queries.dispute_page(store, dispute_id, mode=mode)
    for s in page["statements"]:
        full = page["details"][s["attribution"]]
        full["pieces"] = wording(full["sentence"] or "", full["sentence_span"][0], full.get("cue_span"),
                                 s["content_span"], s["position"])
    return render(request, "dispute.html", dispute=page, mode=mode, mode_links=mode_links(request, mode))


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
async def claim(store: StoreDep, request: Request, claim_id: str, mode: str = Mode) -> HTMLResponse:
    mode = parse_mode(mode)
    return render(request, "claim.html", claim=queries.claim(store, claim_id, mode=mode), mode=mode,
                  mode_links=mode_links(request, mode))


@router.get("/events", response_class=HTMLResponse)
async def event_list(store: StoreDep, request: Request, type: str | None = EventType, about: str | None = About,
                     limit: int = ClaimLimit, offset: int = Offset) -> HTMLResponse:
    limit, offset = pages.page(limit, offset)
    rows = queries.events(store, type=type or None, about=about or None, limit=limit, offset=offset)
    return render(request, "events.html", events=rows, type=type or "", about=about or "",
                  pager=pager(request, limit, offset, len(rows)))


@router.get("/events/{event_id}", response_class=HTMLResponse)
async def event(store: StoreDep, request: Request, event_id: str) -> HTMLResponse:
    return render(request, "event.html", event=queries.event(store, event_id))


@router.get("/search", response_class=HTMLResponse)
async def search(store: StoreDep, request: Request, q: str = Query("", max_length=queries.MAX_QUERY),
                 limit: int = SearchLimit, offset: int = Offset, mode: str = Mode) -> HTMLResponse:
    mode = parse_mode(mode)
    if not q.strip():
        return render(request, "search.html", q=q, results=None, pager=None)
    limit, offset = pages.page(limit, offset)
    results = queries.search(store, q, limit=limit, offset=offset, mode=mode)
    shown = max(len(results["articles"]), len(results["attributions"]))   # one page of each list
    return render(request, "search.html", q=q, results=results, mode=mode, mode_links=mode_links(request, mode),
                  pager=pager(request, limit, offset, shown, max(results["total"].values())))


@router.get("/docs", response_class=HTMLResponse)
async def docs(request: Request) -> HTMLResponse:
    """The API's routes from the OpenAPI schema, on a page that needs no network (Swagger UI loads from a CDN)."""
    schema = request.app.openapi()
    routes = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
               "description": op.get("description", ""),
               "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "description": p.get("description", ""),
                               "type": p.get("schema", {}).get("type", "")} for p in op.get("parameters", [])]}
              for path, ops in schema["paths"].items() for method, op in ops.items()]
    return render(request, "docs.html", routes=routes, info=schema["info"])
