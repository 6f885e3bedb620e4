"""The Host check in front of every answer: loopback names and the configured ones pass, any other Host is 400."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from onrecord.views.app import create_app
from onrecord.views.guard import allowed_hosts, host_name


@pytest.mark.parametrize(("header", "expected"), [
    ("localhost:8000", "localhost"),
    ("LocalHost", "localhost"),
    ("127.0.0.1:80", "127.0.0.1"),
    ("[::1]:8000", "::1"),
    ("[::1]", "::1"),
    ("news.example.org.", "news.example.org"),
    ("evil.example:8000", "evil.example"),
    ("[broken", ""),
    ("", ""),
])
def test_guard_host_name_drops_port_brackets_case_and_trailing_dot(header, expected):
    assert host_name(header) == expected


@pytest.mark.parametrize(("listen", "extra", "expected"), [
    ("127.0.0.1", (), ("localhost", "127.0.0.1", "::1")),
    ("0.0.0.0", (), ("localhost", "127.0.0.1", "::1")),                  # a wildcard address names no host
    ("::", (), ("localhost", "127.0.0.1", "::1")),
    ("192.168.1.5", ("News.Example.org",), ("localhost", "127.0.0.1", "::1", "192.168.1.5", "news.example.org")),
    ("0.0.0.0", ("*",), ("localhost", "127.0.0.1", "::1", "*")),
])
def test_guard_allowed_hosts_are_loopback_the_listening_address_and_the_named_ones(listen, extra, expected):
    assert allowed_hosts(listen, extra) == expected


@pytest.mark.parametrize("path", ["/", "/actors?offset=1", "/api/v1/actors", "/static/onrecord.css", "/docs"])
def test_guard_forged_host_gets_400_and_no_ledger_data(client, path):
    """DNS rebinding: a page fetched as evil.example must not answer with the ledger."""
    r = client.get(path, headers={"host": "evil.example"})
    assert r.status_code == 400 and "--allowed-host" in r.text
    assert "x-onrecord-cache" not in r.headers                # refused before the page cache is asked
    if path.startswith("/api/"):
        assert r.json() == {"error": r.json()["error"], "status": 400}


def test_guard_named_host_is_answered(examples_db):
    with TestClient(create_app(examples_db, hosts=allowed_hosts("0.0.0.0", ["news.example.org"])),
                    base_url="http://news.example.org:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/", headers={"host": "other.example.org"}).status_code == 400


@pytest.mark.parametrize(("path", "headers"), [
    ("/", {}),
    ("/", {}),                                   # the second time from the page cache
    ("/articles/1", {}),
    ("/articles/999999", {}),                    # an error page
    ("/api/v1/articles", {}),
    ("/api/v1/articles/999999", {}),
    ("/static/onrecord.css", {}),
    ("/docs", {}),
    ("/", {"host": "evil.example"}),             # a refused Host
])
def test_guard_security_headers_on_every_response(client, path, headers):
    """There were none: no CSP, no nosniff, no framing rule, no referrer policy."""
    r = client.get(path, headers=headers)
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "no-referrer"
