"""The JSON API under /api/v1/ through an ASGI client: data, pagination, filters, errors, read-only."""

from __future__ import annotations

from onrecord.article import STANCES
from onrecord.ledger import queries


def test_api_articles_are_paginated_with_a_next_link(client):
    first = client.get("/api/v1/articles", params={"limit": 2}).json()
    assert [set(a) >= {"id", "title", "day", "attributions"} for a in first["items"]] == [True, True]
    assert first["limit"] == 2 and first["offset"] == 0 and "offset=2" in first["next"]
    second = client.get(first["next"]).json()
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    everything = client.get("/api/v1/articles", params={"limit": 100}).json()
    assert len(everything["items"]) == 5 and everything["next"] is None


def test_api_limit_is_capped_at_500_and_nonsense_is_a_json_422(client):
    assert client.get("/api/v1/actors", params={"limit": 100000}).json()["limit"] == queries.MAX_PAGE
    for params in ({"limit": 0}, {"limit": "many"}, {"offset": -1}, {"offset": 10**12}):
        r = client.get("/api/v1/actors", params=params)
        assert r.status_code == 422 and r.headers["content-type"].startswith("application/json")
        assert r.json()["status"] == 422 and "Traceback" not in r.text


def test_api_article_has_text_and_exact_spans_for_every_attribution(client):
    data = client.get("/api/v1/articles/5").json()
    text = data["text"]
    assert len(data["attributions"]) == 15
    for a in data["attributions"]:
        start, end = a["content_span"]
        assert text[start:end] == a["content"]
        assert all(start <= s < e <= end for s, e in a["parts"])
        if a["cue_span"]:
            assert text[a["cue_span"][0]:a["cue_span"][1]] == a["cue"]
        assert a["rule"] and a["stance"] in STANCES
    assert any(len(a["parts"]) == 2 for a in data["attributions"])       # the split quote


def test_api_actor_by_name_or_id_with_merges_timeline_and_paged_statements(client):
    by_name = client.get("/api/v1/actors/Kovalenko").json()
    assert by_name["name"] == "Maksym Kovalenko"
    assert {m["local_name"] for m in by_name["merges"]} >= {"Maksym Kovalenko", "Maxim Kovalenko"}
    assert sum(d["n"] for d in by_name["timeline"]) == by_name["attributions"]
    page = client.get(f"/api/v1/actors/{by_name['id']}", params={"limit": 1, "offset": 1}).json()
    assert page["statements"] == by_name["statements"][1:2] and page["next"]
    dates = [s["date"] for s in by_name["statements"]]
    assert dates == sorted(dates)


def test_api_claims_filters_contested_and_about(client):
    contested = client.get("/api/v1/claims", params={"contested": "true", "limit": 100}).json()["items"]
    assert contested and all(c["contested"] for c in contested)
    mines = [c for c in contested if "mine" in c["text"]]
    assert len(mines) == 1 and mines[0]["supporters"] and mines[0]["deniers"]
    about = client.get("/api/v1/claims", params={"about": "Russia", "limit": 100}).json()["items"]
    assert mines[0]["id"] in {c["id"] for c in about}
    nobody = client.get("/api/v1/claims", params={"about": "Atlantis"}).json()
    assert nobody["items"] == [] and nobody["next"] is None
    one = client.get(f"/api/v1/claims/{mines[0]['id']}").json()
    assert one["text"] == mines[0]["text"] and one["denial"] >= 2


def test_api_search_and_query_length_limit(client):
    found = client.get("/api/v1/search", params={"q": "grain corridor"}).json()
    assert found["articles"] and found["attributions"]
    assert all("grain" in a["content"].lower() or "corridor" in a["content"].lower() for a in found["attributions"])
    long = client.get("/api/v1/search", params={"q": "x" * (queries.MAX_QUERY + 1)})
    assert long.status_code == 422 and "error" in long.json()
    assert client.get("/api/v1/search", params={"q": 'AND OR NOT "( *'}).status_code == 200   # no FTS injection


def test_api_search_mode_filter(client):
    everything = client.get("/api/v1/search", params={"q": "grain corridor"}).json()["attributions"]
    for mode in ("speech", "thought"):
        some = client.get("/api/v1/search", params={"q": "grain corridor", "mode": mode}).json()["attributions"]
        assert [a["attribution"] for a in some] == [a["attribution"] for a in everything if a["mode"] == mode]
    bad = client.get("/api/v1/search", params={"q": "grain", "mode": "spoken"})
    assert bad.status_code in (400, 422) and "mode" in bad.json()["error"]


def test_api_claims_and_disputes_take_the_mode_filter(client):
    claim = client.get("/api/v1/claims", params={"contested": "true"}).json()["items"][0]["id"]
    dispute = client.get("/api/v1/disputes").json()["items"][0]["id"]
    for path in ("/api/v1/claims", "/api/v1/disputes", f"/api/v1/claims/{claim}", f"/api/v1/disputes/{dispute}"):
        every, default = client.get(path, params={"mode": "all"}).json(), client.get(path).json()
        every.pop("next", None), default.pop("next", None)     # the next page's address repeats ?mode=all
        assert every == default, path
        bad = client.get(path, params={"mode": "spoken"})
        assert bad.status_code == 422 and "speech, thought, all" in bad.json()["error"], path
    speech = client.get(f"/api/v1/claims/{claim}", params={"mode": "speech"}).json()
    assert {s["mode"] for s in speech["supporters"] + speech["deniers"] + speech["others"]} <= {"speech"}


def test_api_unknown_ids_are_json_404s(client):
    for path in ("/api/v1/articles/999", "/api/v1/articles/abc", "/api/v1/actors/999999", "/api/v1/actors/Nobody",
                 "/api/v1/claims/999", "/api/v1/nothing"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("application/json") and r.json()["status"] == 404


def test_api_is_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        r = getattr(client, method)("/api/v1/articles/1")
        assert r.status_code == 405 and r.json()["status"] == 405
    schema = client.get("/openapi.json").json()
    assert {m for ops in schema["paths"].values() for m in ops} == {"get"}
    assert set(schema["paths"]) == {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/actors",
                                    "/api/v1/actors/{ref}", "/api/v1/claims", "/api/v1/claims/{claim_id}",
                                    "/api/v1/search", "/api/v1/disputes", "/api/v1/disputes/{dispute_id}",
                                    "/api/v1/events", "/api/v1/events/{event_id}"}


def test_api_docs_page_works_offline_and_lists_every_route(client):
    page = client.get("/docs").text
    assert "<script" not in page and "cdn" not in page.lower()
    for path in client.get("/openapi.json").json()["paths"]:
        assert path in page


def test_api_huge_ids_are_404_not_500(client):
    """`/api/v1/articles/9999…` was a 500 (OverflowError)."""
    for path in (f"/api/v1/articles/{'9' * 50}", f"/api/v1/claims/{'9' * 50}", f"/api/v1/actors/{'9' * 50}",
                 f"/api/v1/articles/{2**63}"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.json() == {"error": r.json()["error"], "status": 404}


def test_api_unknown_actor_kind_is_422_naming_the_allowed_kinds(client):
    """`/api/v1/actors?kind=banana` answered 200 with an empty list."""
    r = client.get("/api/v1/actors", params={"kind": "banana"})
    assert r.status_code == 422
    body = r.json()
    assert body["status"] == 422 and "kind" in body["error"]
    assert "person, organization, place, group, unknown" in body["error"]
    people = client.get("/api/v1/actors", params={"kind": "person"}).json()["items"]
    assert people and {a["kind"] for a in people} == {"person"}


def test_api_search_pages_with_offset_totals_and_next(client):
    """`/api/v1/search` had no offset, no total and no `next`."""
    everything = client.get("/api/v1/search", params={"q": "said", "limit": 100}).json()
    total = everything["total"]["articles"]
    first = client.get("/api/v1/search", params={"q": "said", "limit": 2}).json()
    assert first["total"] == everything["total"] and (first["limit"], first["offset"]) == (2, 0)
    assert first["next"] == "/api/v1/search?q=said&limit=2&offset=2"
    second = client.get(first["next"]).json()
    assert len(second["articles"]) == min(2, total - 2)
    assert not {a["id"] for a in first["articles"]} & {a["id"] for a in second["articles"]}
    assert everything["next"] is None
    for a in everything["articles"]:
        assert all(0 <= s < e <= len(a["snippet"]) for s, e in a["hits"])


def test_api_search_drone_and_prefix_find_what_drones_finds(client):
    ids = {q: {a["id"] for a in client.get("/api/v1/search", params={"q": q}).json()["articles"]}
           for q in ("drones", "drone", "drone*", "dron*")}
    assert ids["drones"] and ids["drone"] == ids["drone*"] == ids["dron*"] == ids["drones"]


def test_api_disputes_have_exactly_the_contract_fields(client):
    items = client.get("/api/v1/disputes", params={"contested": "true", "limit": 100}).json()["items"]
    mines = [d for d in items if "mined" in d["proposition"]]
    assert mines and all(d["contested"] for d in items)
    d = client.get(f"/api/v1/disputes/{mines[0]['id']}").json()
    assert set(d) == {"id", "proposition", "contested", "camps", "statements"}
    assert set(d["camps"]) == {"affirm", "negate"}
    for side in ("affirm", "negate"):
        assert d["camps"][side]
        for e in d["camps"][side]:
            assert set(e) == {"actor", "name", "statements", "first", "last"}
    for s in d["statements"]:
        assert set(s) == {"attribution", "article", "source", "url", "date", "content_span", "actor", "speaker",
                          "stance", "polarity", "position", "link"}
        assert s["stance"] != "decline" and s["position"] in ("affirm", "negate")
        text = client.get(f"/api/v1/articles/{s['article']}").json()["text"]
        assert text[s["content_span"][0]:s["content_span"][1]]
    names = {side: {e["name"] for e in d["camps"][side]} for side in ("affirm", "negate")}
    assert "Maksym Kovalenko" in names["affirm"] and not names["affirm"] & names["negate"]
    assert client.get("/api/v1/disputes/999999").status_code == 404
