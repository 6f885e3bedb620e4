"""RSS and Atom feeds: one Document per entry, HTML stripped, nothing fetched, external entities unresolved."""

from __future__ import annotations

import feedparser
import pytest

from onrecord.ingest.document import Document, Failure
from onrecord.ingest.feeds import read_feed
from onrecord.ingest.reader import read


def _all_strings(out: list[Document | Failure]) -> str:
    return "\n".join(str(value) for x in out for value in (x.__getattribute__(f) for f in x.__slots__))


def test_feeds_rss_entries_with_content_summary_and_none(fixtures):
    path = fixtures / "rss.xml"
    out = list(read([str(path)]))
    assert [x.source for x in out] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first, second, third = out
    assert first.format == "feed"
    assert first.text == ('Mayor Tom Ellis defended the new parking fees on Thursday.\n'
                          '"The money goes straight back into the roads," Ellis said.\n')
    assert [(r.reason, r.text) for r in first.removals] == [("boilerplate", "Share this:")]
    assert "alert" not in first.raw_text()
    assert (first.title, first.url, first.author, first.site) == (
        "Mayor defends new parking fees", "https://gazette.example/2024/03/parking-fees", "Priya Raman",
        "Valley Gazette")
    assert (first.published, first.date_method) == ("2024-03-14T09:30:00+01:00", "feed:published")
    # a summary stands in when there is no full content; its escaped HTML is stripped
    assert second.text == "The central library will stay open until 9 p.m. on weekdays, the council announced."
    assert second.published == "2024-03-15T12:00:00+00:00" and second.author is None
    assert third == Failure(f"{path}#3", "no article text found (the entry has neither content nor summary)")


def test_feeds_atom_prefers_content_to_summary_and_strips_html_titles(fixtures):
    path = fixtures / "atom.xml"
    first, second = read([str(path)])
    assert first.text == ("The ferry workers' union called off Monday's strike.\n"
                          '"We reached a fair deal," union leader Kim Novak said.')
    assert (first.title, first.url, first.author, first.site) == (
        "Ferry strike called off", "https://harbour.example/ferry-strike", "Olu Bakare", "Harbour Watch")
    assert (first.published, first.date_method) == ("2024-03-16T07:45:00-04:00", "feed:published")
    # plain-text content is kept as written; updated stands in for a missing published date
    assert second.text == "New tide tables are online.\nLine two stays as written."
    assert (second.published, second.date_method) == ("2024-03-15T10:00:00+00:00", "feed:updated")


def test_feeds_rss_author_written_as_email_and_name_gives_the_name():
    data = (b'<rss version="2.0"><channel><title>T</title><item><title>A</title>'
            b'<author>desk@paper.example (Tomas Berg)</author>'
            b'<description>Some words of the story.</description></item></channel></rss>')
    (doc,) = read_feed("f.rss", data)
    assert doc.author == "Tomas Berg"


@pytest.mark.parametrize("wrapper", [
    '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{uri}">]><rss version="2.0"><channel><title>&xxe;</title>'
    '<item><title>Leak &xxe;</title><link>https://x.example/&xxe;</link>'
    '<description>Story text &xxe; continues here.</description></item></channel></rss>',
    '<!DOCTYPE feed [<!ENTITY xxe SYSTEM "{uri}">]><feed xmlns="http://www.w3.org/2005/Atom">'
    '<title>&xxe;</title><entry><title>Leak &xxe;</title><author><name>&xxe;</name></author>'
    '<content type="text">Story text &xxe; continues here.</content></entry></feed>',
])
def test_feeds_external_entities_are_not_resolved(tmp_path, wrapper):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-XXE-CONTENT")
    feed = tmp_path / "evil.xml"
    feed.write_text('<?xml version="1.0" encoding="utf-8"?>\n' + wrapper.format(uri=secret.as_uri()))
    out = list(read([str(feed)]))
    assert out, "the feed gave nothing at all"
    assert "TOPSECRET" not in _all_strings(out)


def test_feeds_internal_entity_bombs_are_not_expanded():
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "lol">{lol}]>'
            '<rss version="2.0"><channel><item><description>Boom &l8; here.</description></item></channel></rss>')
    out = list(read_feed("bomb.rss", data.encode()))
    assert len(out) == 1 and "lollol" not in _all_strings(out)


def test_feeds_are_parsed_from_bytes_and_never_fetched(tmp_path, monkeypatch):
    def no_fetch(*args, **kwargs):
        raise AssertionError("feedparser tried to fetch a URL")

    monkeypatch.setattr(feedparser.http, "get", no_fetch)
    target = tmp_path / "target.rss"
    target.write_text('<rss version="2.0"><channel><item><description>LOCAL FILE READ</description>'
                      '</item></channel></rss>')
    for content in ("https://feeds.example/news.rss", str(target)):
        out = list(read_feed("looks-like-a-url.rss", content.encode()))
        assert len(out) == 1 and isinstance(out[0], Failure)
        assert "LOCAL FILE READ" not in _all_strings(out)


def test_feeds_broken_or_empty_feeds_are_one_failure(tmp_path):
    broken = tmp_path / "broken.rss"
    broken.write_text("this is not xml at all < > &")
    empty = tmp_path / "empty.atom"
    empty.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing yet</title></feed>')
    out = list(read([str(broken), str(empty)]))
    assert len(out) == 2
    assert out[0].source == str(broken) and out[0].reason.startswith("is not a readable feed (")
    assert out[1] == Failure(str(empty), "is a feed with no entries")
