"""Server-rendered pages: home, articles with highlighted attributions, actors, claims, search, offline API docs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from ..ledger import pages, queries
from .app import STANCES, StoreDep

router = APIRouter(include_in_schema=False)

Limit = Query(50, ge=1, le=1_000_000, description="rows per page (at most 500)")
Offset = Query(0, ge=0, le=1_000_000_000)
About = Query(None, max_length=200)
ClaimLimit = Query(20, ge=1, le=1_000_000)


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def pager(request: Request, limit: int, offset: int, shown: int, total: int | None = None) -> dict[str, Any]:
    """Previous/next links that keep the other query parameters."""
    def url(new_offset: int) -> str:
        return str(request.url.include_query_params(limit=limit, offset=max(0, new_offset)))
    more = offset + shown < total if total is not None else shown >= limit
    return {"limit": limit, "offset": offset, "shown": shown, "total": total,
            "prev": url(offset - limit) if offset > 0 else None, "next": url(offset + limit) if more else None}


# -- highlighting -----------------------------------------------------------------------------------------

# Outer elements first when two spans start together: content holds its gaps, mentions and cues.
_RANK = {"content": 0, "gap": 1, "mention": 2, "cue": 3}


@dataclass
class _Span:
    start: int
    end: int
    kind: str
    attributions: list[dict[str, Any]] = field(default_factory=list)
    opened: bool = False
    close: str = ""

    def key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _RANK[self.kind])


def _tip(a: dict[str, Any]) -> str:
    cue = f"“{a['cue']}”" if a.get("cue") else "none"
    return f"speaker: {a['speaker'] or 'unresolved'} · stance: {a['stance']} · cue: {cue} · rule: {a['rule']}"


def _open_tag(span: _Span, stack: list[_Span]) -> str:
    a = span.attributions[0]
    if span.kind == "content":
        cls = f"content stance-{escape(a['stance'])}"
        if span.opened:   # the rest of a content interrupted by a crossing span: same shading, no second id
            return f'<mark class="{cls} cont" data-continues="{a["attribution"]}">'
        tip = escape(_tip(a))
        return (f'<mark class="{cls}" id="a{a["attribution"]}" data-attribution="{a["attribution"]}"'
                f' data-stance="{escape(a["stance"])}" tabindex="0" title="{tip}" data-tip="{tip}">')
    if span.kind == "gap":
        return '<span class="gap">'
    names = "; ".join(dict.fromkeys(x["speaker"] or "unresolved" for x in span.attributions))
    if span.kind == "cue":
        title = escape(f"cue ({'; '.join(dict.fromkeys(x['stance'] for x in span.attributions))}) · speaker: {names}")
        return f'<span class="cue" title="{title}">'
    actor = a.get("actor")
    nested_link = any(s.kind == "mention" and s.attributions[0].get("actor") for s in stack)
    if actor and not nested_link:   # a link inside a link is not HTML: the inner mention stays plain
        return f'<a class="mention" href="/actors/{int(actor)}" title="{escape("speaker: " + names)}">'
    return f'<span class="mention" title="{escape("speaker mention: " + names)}">'


def _spans(text: str, attributions: list[dict[str, Any]]) -> list[_Span]:
    n = len(text)
    out: list[_Span] = []
    shared: dict[tuple[str, int, int], _Span] = {}

    def add(kind: str, start: int | None, end: int | None, a: dict[str, Any]) -> None:
        if start is None or end is None:
            return
        start, end = max(0, int(start)), min(n, int(end))
        if start >= end:
            return
        if kind in ("mention", "cue"):   # one element for a mention or cue that several attributions share
            key = (kind, start, end)
            if key in shared:
                shared[key].attributions.append(a)
                return
            shared[key] = _Span(start, end, kind, [a])
            out.append(shared[key])
            return
        out.append(_Span(start, end, kind, [a]))

    for a in attributions:
        parts = sorted(tuple(p) for p in a.get("parts") or [a["content_span"]])
        add("content", parts[0][0], max(p[1] for p in parts), a)
        for (_, e1), (s2, _) in pairwise(parts):
            add("gap", e1, s2, a)
        add("mention", *(a.get("mention_span") or (None, None)), a)
        add("cue", *(a.get("cue_span") or (None, None)), a)
    return sorted(out, key=_Span.key)


def highlight(text: str, attributions: list[dict[str, Any]]) -> Markup:
    """The article text as HTML, every piece escaped, with each attribution's content, mention and cue marked.

    Spans may nest, touch or cross; the markup is built from sorted boundaries with a stack of open elements, and
    an element crossed by another is closed and reopened, so the HTML stays well formed.
    """
    spans = _spans(text, attributions)
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starts: dict[int, list[_Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    stack: list[_Span] = []
    html: list[str] = []
    for i, pos in enumerate(cuts):
        if any(s.end == pos for s in stack):
            # close down to the deepest ending element; reopen the ones still running, outermost first
            depth = min(k for k, s in enumerate(stack) if s.end == pos)
            popped = stack[depth:]
            for s in reversed(popped):
                html.append(s.close)
            del stack[depth:]
            for s in popped:
                if s.end > pos:
                    _push(s, stack, html)
        for s in starts.get(pos, ()):
            _push(s, stack, html)
        if i + 1 < len(cuts):
            html.append(escape(text[pos:cuts[i + 1]], quote=False))
    for s in reversed(stack):
        html.append(s.close)
    return Markup("".join(html))


def _push(span: _Span, stack: list[_Span], html: list[str]) -> None:
    tag = _open_tag(span, stack)
    span.opened = True
    span.close = "</mark>" if tag.startswith("<mark") else ("</a>" if tag.startswith("<a") else "</span>")
    stack.append(span)
    html.append(tag)


# -- the timeline chart -----------------------------------------------------------------------------------

def timeline(rows: list[dict[str, Any]], width: int = 720, height: int = 120) -> dict[str, Any] | None:
    """Stacked bars of statements per day (per week past a year) by stance, as geometry for an inline SVG."""
    if not rows:
        return None
    days = [dt.date.fromisoformat(r["day"][:10]) for r in rows]
    first, last = min(days), max(days)
    span = (last - first).days + 1
    step = 7 if span > 366 else 1   # past a year a day is under 2 px wide: weeks stay readable
    buckets: dict[int, dict[str, int]] = {}
    for day, r in zip(days, rows):
        buckets.setdefault((day - first).days // step, {}).setdefault(r["stance"], 0)
        buckets[(day - first).days // step][r["stance"]] += r["n"]
    slots = (span - 1) // step + 1
    top = max(sum(b.values()) for b in buckets.values())
    bar = width / slots
    bars = []
    for slot, by_stance in sorted(buckets.items()):
        y = height
        label_day = first + dt.timedelta(days=slot * step)
        label = ", ".join(f"{n} {s}" for s, n in sorted(by_stance.items(), key=lambda x: STANCES.index(x[0])
                                                          if x[0] in STANCES else 9))
        for stance in sorted(by_stance, key=lambda s: STANCES.index(s) if s in STANCES else 9):
            h = by_stance[stance] / top * height
            y -= h
            bars.append({"x": round(slot * bar, 2), "y": round(y, 2), "w": round(min(max(bar - 1, 1), 24), 2),
                         "h": round(h, 2), "stance": stance,
                         "title": f"{'week of ' if step == 7 else ''}{label_day.isoformat()}: {label}"})
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["stance"]] = totals.get(r["stance"], 0) + r["n"]
    return {"width": width, "height": height, "bars": bars, "totals": totals, "first": first.isoformat(),
            "last": last.isoformat(), "top": top, "unit": "week" if step == 7 else "day",
            "total": sum(totals.values())}


# -- pages ------------------------------------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def home(store: StoreDep, request: Request) -> HTMLResponse:
    return render(request, "home.html", counts=store.counts(), articles=pages.articles(store, limit=10),
                  actors=pages.most_quoted(store, limit=10), claims=queries.claims(store, contested=True, limit=10))


@router.get("/articles", response_class=HTMLResponse)
def article_list(store: StoreDep, request: Request, limit: int = Limit, offset: int = Offset) -> HTMLResponse:
    limit, offset = pages.page(limit, offset)
    rows = pages.articles(store, limit=limit, offset=offset)
    return render(request, "articles.html", articles=rows,
                  pager=pager(request, limit, offset, len(rows), store.counts()["articles"]))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(store: StoreDep, request: Request, article_id: str) -> HTMLResponse:
    data = pages.article(store, article_id)
    return render(request, "article.html", article=data, text=highlight(data["text"], data["attributions"]))


@router.get("/actors", response_class=HTMLResponse)
def actor_list(store: StoreDep, request: Request, limit: int = Limit, offset: int = Offset,
               kind: str | None = None) -> HTMLResponse:
    limit, offset = pages.page(limit, offset)
    rows = queries.actors(store, limit=limit, offset=offset, kind=kind)
    return render(request, "actors.html", actors=rows, kind=kind, pager=pager(request, limit, offset, len(rows)))


@router.get("/actors/{ref}", response_class=HTMLResponse, response_model=None)
def actor(store: StoreDep, request: Request, ref: str, limit: int = Limit, offset: int = Offset) -> Response:
    if not ref.isdigit():   # a name or alias: one canonical address per actor
        return RedirectResponse(f"/actors/{queries.find_actor(store, ref)}", status_code=303)
    limit, offset = pages.page(limit, offset)
    data = pages.actor(store, ref, limit=limit, offset=offset)
    return render(request, "actor.html", actor=data, chart=timeline(data["timeline"]),
                  pager=pager(request, limit, offset, len(data["statements"]), data["attributions"]))


@router.get("/claims", response_class=HTMLResponse)
def claim_list(store: StoreDep, request: Request, contested: bool = False, about: str | None = About,
               limit: int = ClaimLimit, offset: int = Offset) -> HTMLResponse:
    limit, offset = pages.page(limit, offset)
    rows = queries.claims(store, contested=contested, about=about or None, limit=limit, offset=offset)
    return render(request, "claims.html", claims=rows, contested=contested, about=about or "",
                  pager=pager(request, limit, offset, len(rows)))


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(store: StoreDep, request: Request, claim_id: str) -> HTMLResponse:
    return render(request, "claim.html", claim=queries.claim(store, claim_id))


@router.get("/search", response_class=HTMLResponse)
def search(store: StoreDep, request: Request, q: str = Query("", max_length=queries.MAX_QUERY)) -> HTMLResponse:
    results = queries.search(store, q, limit=50) if q.strip() else None
    return render(request, "search.html", q=q, results=results)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API's routes from the OpenAPI schema, on a page that needs no network (Swagger UI loads from a CDN)."""
    schema = request.app.openapi()
    routes = [{"path": path, "method": method.upper(), "summary": op.get("summary", ""),
               "description": op.get("description", ""),
               "parameters": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                               "description": p.get("description", ""),
                               "type": p.get("schema", {}).get("type", "")} for p in op.get("parameters", [])]}
              for path, ops in schema["paths"].items() for method, op in ops.items()]
    return render(request, "docs.html", routes=routes, info=schema["info"])
