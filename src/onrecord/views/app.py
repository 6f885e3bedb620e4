"""The FastAPI application behind ``onrecord serve``: the read-only store, templates and the one error handler."""

from __future__ import annotations

import logging
import os
import queue
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import URL
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..article import STANCES
from ..errors import NotFound, OnrecordError
from ..ledger.store import Store
from ..validation import InvalidValue
from .cache import PageCache
from .guard import LOOPBACK_HOSTS, SecurityHeaders, TrustedHosts
from .markup import claim_link_text, statement_rows, with_hits

HERE = Path(__file__).parent
log = logging.getLogger("onrecord.serve")


class Ledger:
    """A pool of read-only connections: each request holds one of its own for as long as it runs.

    Requests interleave on the event loop wherever the framework awaits, so two requests may be in flight at
    once; a connection goes with the request, and the pool grows to as many as are ever in flight together.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._idle.put(Store.open(path, read_only=True))   # a missing or unusable file fails now, not later

    def acquire(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:   # every connection is busy: one more (at most one per concurrent request)
            return Store.open(self.path, read_only=True)

    def release(self, store: Store) -> None:
        self._idle.put(store)

    def close(self) -> None:
        while True:
            try:
                self._idle.get_nowait().close()
            except queue.Empty:
                break


async def get_store(request: Request) -> AsyncIterator[Store]:
    """Dependency: a read-only store for this request alone (async: taking one from the pool never blocks)."""
    ledger: Ledger = request.app.state.ledger
    store = ledger.acquire()
    try:
        yield store
    finally:
        ledger.release(store)


StoreDep = Annotated[Store, Depends(get_store)]


def relative_url(request: Request, **params: object) -> str:
    """This request's path and query with ``params`` replaced: never scheme or host, which come from the
    request's Host header (a client's to forge) and would be kept with the page by the cache."""
    path = "/" + request.url.path.lstrip("/")   # never "//name/…", which a browser reads as another host
    return str(URL(path + "?" + request.url.query).include_query_params(**params))


def web_url(url: str | None) -> str | None:
    """An article's URL if it is http(s): a stored ``javascript:`` URL must never become a link."""
    return url if url and url.strip().lower().startswith(("http://", "https://")) else None


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(HERE / "templates"))   # autoescape is on for .html
    t.env.globals.update(version=__version__, stances=STANCES)
    t.env.filters["web_url"] = web_url
    t.env.filters["with_hits"] = with_hits
    t.env.filters["claim_link_text"] = claim_link_text
    t.env.globals["statement_rows"] = statement_rows
    t.env.trim_blocks = True
    t.env.lstrip_blocks = True
    # the templates are part of the installed package: no stat of every template file on every render
    t.env.auto_reload = False
    return t


# -- the one error handler ------------------------------------------------------------------------------

def _status_and_message(exc: Exception) -> tuple[int, str]:
    if isinstance(exc, NotFound):
        return 404, str(exc)
    if isinstance(exc, InvalidValue):   # a query parameter out of range or not one of its values
        return 422, str(exc)
    if isinstance(exc, OnrecordError):
        return 400, str(exc)
    if isinstance(exc, RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return 422, problems or "invalid request"
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code, str(exc.detail) if exc.status_code != 404 else "no such page"
    return 500, "internal error; the details are in the server log"


async def handle_error(request: Request, exc: Exception) -> Response:
    """Every error, as JSON under /api/ and as a plain page elsewhere; never a traceback to the client."""
    status, message = _status_and_message(exc)
    if status >= 500:
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    page = request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status)
    return page


DB_ENV = "ONRECORD_SERVE_DB"   # how `serve --workers N` tells each worker process which ledger to open
CACHE_ENV = "ONRECORD_SERVE_CACHE"   # and whether to keep rendered pages ("1") or not ("0")
HOSTS_ENV = "ONRECORD_SERVE_HOSTS"   # and which Host names to answer (comma-separated)


def create_app(db: str | Path, *, cache: bool = True, hosts: tuple[str, ...] = LOOPBACK_HOSTS) -> FastAPI:
    """The app over the ledger at ``db`` (opened read-only; LedgerError if it is missing); with ``cache``, pages
    are kept in memory until the ledger changes (see cache.py); a request naming a Host not in ``hosts`` gets
    400 before any page or kept page is looked at (see guard.py).

    Handlers are ``async`` and query SQLite on the event loop: every query is bounded (pages of at most
    ``MAX_PAGE`` rows, capped query length) and takes milliseconds, so a thread hop would cost more than it saves,
    and threads sharing one GIL queue behind each other (measured on the 10k-article ledger: 40 threads served
    79 actor pages/s where one served 500). More cores are used by more processes: ``serve --workers N``.
    """
    from . import api, web

    ledger = Ledger(str(db))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        ledger.close()

    app = FastAPI(title="onrecord", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who said what, who denies it, and about whom: a read-only JSON API over the ledger.")
    app.state.ledger = ledger
    app.state.templates = templates()
    for exc_class in (Exception, StarletteHTTPException, RequestValidationError, OnrecordError):
        app.add_exception_handler(exc_class, handle_error)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(web.router)
    if cache:
        app.add_middleware(PageCache, db=str(db))
    app.add_middleware(TrustedHosts, hosts=hosts)   # outside the cache
    app.add_middleware(SecurityHeaders)              # outermost: on refusals and kept pages too
    return app


def app_from_environment() -> FastAPI:
    """The app factory each ``serve --workers N`` process calls: the ledger's path comes in ``ONRECORD_SERVE_DB``."""
    hosts = tuple(h for h in os.environ.get(HOSTS_ENV, "").split(",") if h) or LOOPBACK_HOSTS
    return create_app(os.environ[DB_ENV], cache=os.environ.get(CACHE_ENV, "1") == "1", hosts=hosts)
