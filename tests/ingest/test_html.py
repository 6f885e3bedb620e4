"""HTML pages: trafilatura's article text and metadata, canonical URL, dates with their method, charsets."""

from __future__ import annotations

import pytest

from onrecord.errors import InputError
from onrecord.ingest.document import Document, Failure
from onrecord.ingest.html import decode_html, fragment_text, parse

QUOTE = ('"We have listened to every objection and changed the plan three times," said Marta Lindqvist, '
         'who chairs the authority\'s board. "This version protects the spawning grounds."')


def _page(head: str = "", body: str | None = None) -> str:
    body = body or ("<article><h1>Bridge to reopen</h1>"
                    "<p>The old river bridge will reopen to traffic on Friday after six months of repairs, "
                    "the highways agency said in a statement on Wednesday morning.</p>"
                    "<p>Engineers replaced the deck and strengthened two of the piers, which had been damaged "
                    "by floods last winter, according to the agency's project manager.</p></article>")
    return f"<!DOCTYPE html><html><head><title>Bridge to reopen</title>{head}</head><body>{body}</body></html>"


def test_html_news_page_gives_text_and_metadata(fixtures):
    html = (fixtures / "page.html").read_text(encoding="utf-8")
    doc = parse(html, "page.html")
    assert isinstance(doc, Document)
    assert doc.format == "html" and doc.source == "page.html"
    assert doc.title == "Harbour dredging plan approved after long dispute"
    assert doc.author == "Nadia Okafor"
    assert doc.site == "The Coastal Courier"
    assert (doc.published, doc.date_method) == ("2024-03-14T09:30:00+00:00", "html-meta")
    # the canonical link wins over og:url
    assert doc.url == "https://courier.example/news/2024/03/harbour-dredging-plan"
    assert doc.text.count(QUOTE) == 1
    assert "ending a dispute with fishing crews that had lasted more than two years." in doc.text
    assert doc.text.rstrip().endswith("which also sets aside money for monitoring water quality.")
    for boilerplate in ("Home", "Sport", "cookies", "harbourwatcher", "oyster farmers", "Leave a comment",
                        "newsletter", "Follow us", "All rights reserved", "Share this", "Advertisement"):
        assert boilerplate not in doc.text, boilerplate


def test_html_cleaning_records_what_it_removed_from_the_page(fixtures):
    doc = parse((fixtures / "page.html").read_text(encoding="utf-8"), "page.html")
    assert [(r.reason, r.text) for r in doc.removals] == [("boilerplate", "Advertisement\n"),
                                                          ("repeated-paragraph", QUOTE + "\n")]
    raw = doc.raw_text()
    assert raw.count(QUOTE) == 2 and "Advertisement" in raw
    kept = parse((fixtures / "page.html").read_text(encoding="utf-8"), "page.html", cleaning=False)
    assert kept.text == raw and kept.removals == ()


def test_html_og_url_is_used_without_a_canonical_link_and_relative_links_resolve():
    doc = parse(_page('<meta property="og:url" content="https://news.example/bridge">'), "p.html")
    assert doc.url == "https://news.example/bridge"
    doc = parse(_page('<link rel="canonical" href="/2024/bridge">'), "p.html", url="https://news.example/x?a=1")
    assert doc.url == "https://news.example/2024/bridge"
    doc = parse(_page(), "p.html", url="https://news.example/x?a=1")
    assert doc.url == "https://news.example/x?a=1"
    assert parse(_page('<link rel="canonical" href="/relative-only">'), "p.html").url is None


def test_html_date_from_json_ld_then_fallback_then_none():
    jsonld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
              '[{"@type": "NewsArticle", "datePublished": "2024-05-02T07:00:00-04:00"}]}</script>')
    doc = parse(_page(jsonld), "p.html")
    assert (doc.published, doc.date_method) == ("2024-05-02T07:00:00-04:00", "html-jsonld")
    doc = parse(_page(), "p.html", fallback_date="2024-06-01T00:00:00+00:00", fallback_method="warc-date")
    assert (doc.published, doc.date_method) == ("2024-06-01T00:00:00+00:00", "warc-date")
    doc = parse(_page(), "p.html")
    assert (doc.published, doc.date_method) == (None, None)


def test_html_date_found_by_trafilatura_in_markup_is_marked_so():
    doc = parse(_page(body=None).replace("<article>", '<article><time class="published" '
                                                    'datetime="2023-11-20">20 November 2023</time>'), "p.html")
    assert (doc.published, doc.date_method) == ("2023-11-20", "trafilatura")


def test_html_page_without_article_text_is_a_failure():
    page = "<html><head><title>Empty</title></head><body><script>load()</script></body></html>"
    assert parse(page, "empty.html") == Failure("empty.html", "no article text found")
    assert parse(" \n", "blank.html") == Failure("blank.html", "no article text found")


def test_html_decode_uses_declared_charset_and_rejects_undeclared_non_utf8():
    page = '<html><head><meta charset="windows-1252"></head><body><p>“Café”</p></body></html>'
    assert decode_html(page.encode("cp1252"), "p.html") == page
    latin = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head>'
    assert decode_html((latin + "<p>Zürich</p>").encode("latin-1"), "p.html").endswith("<p>Zürich</p>")
    assert decode_html("<p>Zürich</p>".encode("latin-1"), "p.html", header_charset="latin-1") == "<p>Zürich</p>"
    with pytest.raises(InputError, match="is not valid UTF-8"):
        decode_html("<p>Zürich</p>".encode("latin-1"), "p.html")
    # a UTF-8 page mislabelled latin-1 by its server is still read as UTF-8
    assert decode_html("<p>Zürich “quoted”</p>".encode(), "p.html", header_charset="iso-8859-1") == \
        "<p>Zürich “quoted”</p>"
    with pytest.raises(InputError, match="is not valid cp1252 as it declares, nor UTF-8"):
        decode_html(b"<p>\x81\xff</p>", "p.html", header_charset="windows-1252")


def test_html_fragment_text_puts_blocks_on_lines_and_drops_scripts():
    markup = ("<p>First <em>point</em>,\n  made   here.</p><script>var x = 1;</script>"
              "<ul><li>one</li><li>two</li></ul>tail<br>after &amp; more<!-- note -->")
    assert fragment_text(markup) == "First point, made here.\none\ntwo\ntail\nafter & more"
    assert fragment_text("") == "" and fragment_text("plain words") == "plain words"
    assert fragment_text("<pre>line one\nline two</pre>") == "line one\nline two"
