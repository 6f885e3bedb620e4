"""Rendered pages kept in memory until the ledger changes (an ASGI middleware around the HTML pages).

The ledger is read-only to the server and changes only when an ingest commits; SQLite's ``PRAGMA data_version``,
asked on one idle connection, changes exactly then. So a page rendered once is served again as it was, until the
version moves, and then every kept page is dropped at once. Each server process keeps its own pages (at most
``MAX_PAGES`` and ``MAX_BYTES``, least recently used dropped first); only GET answers with status 200 are kept;
the API, static files and error pages pass through untouched.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from ..ledger.store import Store

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_PAGES = 2048
MAX_BYTES = 64 * 1024 * 1024
PASS_THROUGH = ("/api/", "/static/", "/docs", "/openapi.json")
HIT, MISS = (b"x-onrecord-cache", b"hit"), (b"x-onrecord-cache", b"miss")   # said on every page it handles


class PageCache:
    """Middleware: ``app`` with its HTML pages answered from memory while the ledger at ``db`` is unchanged."""

    def __init__(self, app: ASGIApp, db: str | Path, max_pages: int = MAX_PAGES, max_bytes: int = MAX_BYTES) -> None:
        self.app = app
        self.max_pages, self.max_bytes = max_pages, max_bytes
        self.pages: OrderedDict[str, tuple[list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0
        self._store = Store.open(db, read_only=True)   # its own connection: data_version is per connection
        self.version = self._version()

    def _version(self) -> int:
        return self._store.one("PRAGMA data_version")[0]

    def _drop_all_if_changed(self) -> None:
        version = self._version()
        if version != self.version:
            self.pages.clear()
            self.size = 0
            self.version = version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope["method"] != "GET" or path.startswith(PASS_THROUGH):
            await self.app(scope, receive, send)
            return
        self._drop_all_if_changed()
        key = path + "?" + scope.get("query_string", b"").decode("latin-1")
        kept = self.pages.get(key)
        if kept is not None:
            self.hits += 1
            self.pages.move_to_end(key)
            headers, body = kept
            await send({"type": "http.response.start", "status": 200, "headers": [*headers, HIT]})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        version = self.version   # kept only if the ledger is still at this version once the page is written
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                message = {**message, "headers": [*message.get("headers", []), MISS]}
            elif message["type"] == "http.response.body" and start.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and self._version() == version == self.version:
                    self._keep(key, list(start.get("headers", [])), b"".join(chunks))
            await send(message)

        await self.app(scope, receive, keep)

    def _keep(self, key: str, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        if len(body) > self.max_bytes // 16:
            return
        self.pages[key] = (headers, body)
        self.size += len(body)
        while len(self.pages) > self.max_pages or self.size > self.max_bytes:
            _, (_, dropped) = self.pages.popitem(last=False)
            self.size -= len(dropped)

    def close(self) -> None:
        self._store.close()
