"""What every answer passes through before the pages: a trusted Host, and the security headers on the way out.

A page never holds the request's Host (links are relative: see ``web.pager`` and ``api.listing``), so a forged
Host cannot be written into a kept page. The Host is still checked, before the page cache, because a server that
answers any Host can be read by another site through DNS rebinding (a name the attacker controls, pointed at
127.0.0.1). ``serve`` allows the loopback names by default, the address it listens on, and the names given with
``--allowed-host``; ``*`` allows any Host (behind a proxy that checks it).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# The pages run no script and load nothing from elsewhere: only this server's stylesheet and images, forms that
# post here, no framing (clickjacking), no MIME sniffing, and no Referer sent to the outlets an article links to.
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self' data:; "
                                 b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")
ANY_HOST = "*"
WILDCARD_ADDRESSES = ("0.0.0.0", "::", "")   # listening on every interface names no host


def host_name(header: str) -> str:
    """The name in a Host header, lower-cased, without port, brackets or a trailing dot ('' if malformed)."""
    text = header.strip().lower()
    if text.startswith("["):   # an IPv6 literal: [::1]:8000
        end = text.find("]")
        return text[1:end] if end > 0 else ""
    name = text.rsplit(":", 1)[0] if text.count(":") == 1 else text
    return name.rstrip(".")


def allowed_hosts(listen: str, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The Host names ``serve --host LISTEN --allowed-host …`` answers to: loopback, the listening address unless
    it is a wildcard, and ``extra``."""
    names = [*LOOPBACK_HOSTS]
    if listen.strip().lower() not in WILDCARD_ADDRESSES:
        names.append(host_name(listen) if not listen.count(":") > 1 else listen.strip("[]").lower())
    names += [ANY_HOST if e.strip() == ANY_HOST else host_name(e) for e in extra if e.strip()]
    return tuple(dict.fromkeys(n for n in names if n))


class TrustedHosts:
    """Middleware: 400 for a request whose Host is not in ``hosts`` (or has none), before any page or cache."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(hosts)
        self.any = ANY_HOST in self.hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.any:
            await self.app(scope, receive, send)
            return
        header = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"host"), "")
        if host_name(header) in self.hosts:
            await self.app(scope, receive, send)
            return
        message = "this server does not answer to that Host; start it with --allowed-host NAME to add one"
        if scope.get("path", "").startswith("/api/"):
            body, kind = json.dumps({"error": message, "status": 400}).encode(), b"application/json"
        else:
            body, kind = message.encode() + b"\n", b"text/plain; charset=utf-8"
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Middleware: ``SECURITY_HEADERS`` on every answer (pages, kept pages, the API, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def add(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, add)
