import onrecord


def test_public_api_all_is_exact():
    assert sorted(onrecord.__all__) == sorted([
        "SCHEMA", "Actor", "Article", "Attribution", "Content", "Extractor", "InputError", "LedgerError",
        "ModelError", "NotFound", "OnrecordError", "Span", "Speaker", "extract"])
    for name in onrecord.__all__:
        assert hasattr(onrecord, name)


def test_public_api_extract_returns_article():
    article = onrecord.extract("The Kremlin denied that talks had stalled.", source="t")
    assert isinstance(article, onrecord.Article)
    assert article.source == "t" and article.attributions[0].stance == "deny"
