"""Rendered pages kept until the ledger changes: served again without the handler, dropped at the next commit."""

from __future__ import annotations

import shutil
import sqlite3

from fastapi.testclient import TestClient

from onrecord.views import web
from onrecord.views.app import create_app


def _broken(*args, **kwargs):
    raise RuntimeError("the handler ran")


def test_a_page_is_served_again_until_the_ledger_changes(examples_db, tmp_path, monkeypatch):
    db = tmp_path / "copy.db"
    shutil.copy(examples_db, db)
    with TestClient(create_app(db), raise_server_exceptions=False, base_url="http://localhost") as c:
        first = c.get("/articles/1")
        assert first.status_code == 200
        monkeypatch.setattr(web.pages, "article", _broken)
        again = c.get("/articles/1")          # from memory: the broken handler is not called
        assert again.status_code == 200 and again.text == first.text
        assert (first.headers["x-onrecord-cache"], again.headers["x-onrecord-cache"]) == ("miss", "hit")
        assert again.headers["content-type"] == first.headers["content-type"]
        assert c.get("/articles/2").status_code == 500   # a page not kept yet runs the (broken) handler

        with sqlite3.connect(db) as writer:   # an ingest commits: every kept page is dropped
            writer.execute("UPDATE articles SET title = 'Retitled <b>' WHERE id = 1")
        assert c.get("/articles/1").status_code == 500
        monkeypatch.undo()
        fresh = c.get("/articles/1")
        assert fresh.status_code == 200 and "Retitled &lt;b&gt;" in fresh.text


def test_errors_queries_and_the_api_are_not_kept(examples_db, tmp_path, monkeypatch):
    db = tmp_path / "copy.db"
    shutil.copy(examples_db, db)
    with TestClient(create_app(db), raise_server_exceptions=False, base_url="http://localhost") as c:
        assert c.get("/articles/999999").status_code == 404
        assert c.get("/api/v1/articles/1").status_code == 200
        assert c.get("/search?q=drones").status_code == 200
        monkeypatch.setattr(web.pages, "article", _broken)
        monkeypatch.setattr(web.queries, "search", _broken)
        assert c.get("/articles/999999").status_code == 500     # the 404 was not kept
        assert c.get("/api/v1/articles/1").status_code == 500   # nor the API's answer
        assert c.get("/search?q=drones").status_code == 200      # a query string is part of the key
        assert c.get("/search?q=minister").status_code == 500


def test_no_cache_renders_every_time(examples_db, monkeypatch):
    with TestClient(create_app(examples_db, cache=False), raise_server_exceptions=False,
                    base_url="http://localhost") as c:
        assert c.get("/articles/1").status_code == 200
        monkeypatch.setattr(web.pages, "article", _broken)
        assert c.get("/articles/1").status_code == 500


def test_cache_forged_host_header_never_poisons_a_kept_page(examples_db, tmp_path):
    """`GET /actors?offset=1` with `Host: evil.example` once kept pager links to http://evil.example/… and served
    them to everyone. Even where every Host is allowed ('*'), no page holds the request's host."""
    db = tmp_path / "copy.db"
    shutil.copy(examples_db, db)
    with TestClient(create_app(db, hosts=("*",)), base_url="http://localhost") as c:
        forged = c.get("/actors?offset=1&limit=1", headers={"host": "evil.example"})
        assert forged.status_code == 200 and forged.headers["x-onrecord-cache"] == "miss"
        assert 'rel="next"' in forged.text and 'rel="prev"' in forged.text
        assert "evil.example" not in forged.text
        ordinary = c.get("/actors?offset=1&limit=1")
        assert ordinary.headers["x-onrecord-cache"] == "hit" and ordinary.text == forged.text
        assert 'href="/actors?limit=1&amp;offset=2"' in ordinary.text    # relative: this server, whatever its name
        api = c.get("/api/v1/actors?limit=1", headers={"host": "evil.example"}).json()
        assert api["next"] == "/api/v1/actors?limit=1&offset=1"
