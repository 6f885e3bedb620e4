"""Article identity: canonical URLs and normalised-text hashes."""

import pytest

from onrecord.ledger.identity import article_key, canonical_url, text_hash


@pytest.mark.parametrize("a, b", [
    ("https://News.example.com/a/b/?utm_source=rss&utm_medium=x", "https://news.example.com/a/b"),
    ("http://news.example.com/a/b#comments", "https://news.example.com/a/b"),
    ("https://news.example.com:443/a?id=3&fbclid=abc", "https://news.example.com/a?id=3"),
    ("https://news.example.com/a?b=2&a=1", "https://news.example.com/a?a=1&b=2"),
])
def test_identity_same_page_is_one_url(a, b):
    assert canonical_url(a) == canonical_url(b)


@pytest.mark.parametrize("a, b", [
    ("https://news.example.com/a?id=3", "https://news.example.com/a?id=4"),
    ("https://news.example.com/a", "https://other.example.com/a"),
])
def test_identity_different_pages_stay_apart(a, b):
    assert canonical_url(a) != canonical_url(b)


def test_identity_empty_url_is_none():
    assert canonical_url("  ") is None
    assert canonical_url(None) is None


def test_identity_text_hash_ignores_spacing_case_and_quote_style():
    assert text_hash("He said “yes”.\n\n  Then left.") == text_hash('he said "yes". then left.')
    assert text_hash("He said yes.") != text_hash("He said no.")


def test_identity_key_prefers_url_then_text():
    assert article_key("https://x.example/a/", "t") == "url:https://x.example/a"
    assert article_key(None, "Some text") == "text:" + text_hash("Some text")
