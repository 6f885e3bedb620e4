"""The API's pydantic models: every answer validates against its model, and the OpenAPI document says so."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from onrecord.views import schemas

ANSWERS = [
    ("/api/v1/articles?limit=100", schemas.ArticlePage),
    ("/api/v1/articles/1", schemas.Article),
    ("/api/v1/articles/5", schemas.Article),
    ("/api/v1/actors?limit=100", schemas.ActorPage),
    ("/api/v1/actors/1", schemas.Actor),
    ("/api/v1/actors/2?limit=1", schemas.Actor),
    ("/api/v1/claims?limit=100", schemas.ClaimPage),
    ("/api/v1/claims?contested=true", schemas.ClaimPage),
    ("/api/v1/claims/1", schemas.Claim),
    ("/api/v1/search?q=said", schemas.Search),
    ("/api/v1/search?q=-nothing", schemas.Search),
]


def _no_extra(model: BaseModel) -> None:
    """The models name every field the API answers (extra fields are allowed only so none is ever dropped)."""
    assert not model.model_extra, (type(model).__name__, sorted(model.model_extra or {}))
    for value in model.__dict__.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                _no_extra(item)


@pytest.mark.parametrize(("path", "model"), ANSWERS)
def test_schemas_every_answer_validates_against_its_model(client, path, model):
    r = client.get(path)
    assert r.status_code == 200
    _no_extra(model.model_validate(r.json()))


def test_schemas_hostile_ledger_answers_validate(evil_client):
    for path, model in ANSWERS[:3] + ANSWERS[3:5] + ANSWERS[6:9]:
        r = evil_client.get(path)
        if r.status_code == 200:
            _no_extra(model.model_validate(r.json()))


@pytest.mark.parametrize(("path", "status"), [
    ("/api/v1/articles/999", 404), ("/api/v1/actors?limit=0", 422), ("/api/v1/actors?kind=banana", 422),
    ("/api/v1/search", 422), ("/api/v1/claims/1", 405),
])
def test_schemas_errors_are_the_documented_error_shape(client, path, status):
    r = client.get(path) if status != 405 else client.post(path)
    assert r.status_code == status
    _no_extra(schemas.Error.model_validate(r.json()))
    assert r.json()["status"] == status


def test_schemas_openapi_documents_typed_answers_404_and_422_as_answered(client):
    """The document had untyped answers, no 404, and a 422 of {detail: [...]}, which the API never answers."""
    doc = client.get("/openapi.json").json()
    components = doc["components"]["schemas"]
    assert "HTTPValidationError" not in components and "Error" in components
    assert set(components["Error"]["required"]) == {"error", "status"}
    for path, ops in doc["paths"].items():
        responses = ops["get"]["responses"]
        ok = responses["200"]["content"]["application/json"]["schema"]
        assert ok.get("$ref", "").startswith("#/components/schemas/"), (path, ok)
        for status in ("404", "422"):
            assert responses[status]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"}, (path, status)
    stance = components["Statement"]["properties"]["stance"]
    assert set(stance["enum"]) >= {"assert", "deny"}


def test_schemas_disputes_validate_against_their_models(client):
    from onrecord.views import schemas
    page = client.get("/api/v1/disputes", params={"limit": 100})
    assert page.status_code == 200
    parsed = schemas.DisputePage.model_validate(page.json())
    assert not parsed.model_extra
    for d in parsed.items:
        assert not d.model_extra and all(not s.model_extra for s in d.statements)
        one = schemas.Dispute.model_validate(client.get(f"/api/v1/disputes/{d.id}").json())
        assert one.id == d.id
