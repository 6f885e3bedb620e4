"""The HTML pages: real content, highlights for every attribution, links, the claim's two columns, escaping, 404s."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from viewhelpers import EVIL_TEXT

from onrecord.ledger import pages
from onrecord.ledger.store import Store
from onrecord.views.markup import highlight

VOID = {"meta", "link", "input", "br", "img", "hr"}


class Page(HTMLParser):
    """Start tags with their attributes, the text, and a check that every element is closed in order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []
        self.scripts = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.scripts += tag == "script"
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)

    def having(self, attr: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if attr in a]

    def links(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a" and a.get("href")]


def parse(html: str) -> Page:
    page = Page(html)
    assert page.stack == [], page.stack
    return page


def test_home_shows_recent_articles_most_quoted_actors_and_contested_claims(client):
    page = parse(client.get("/").text)
    links = page.links()
    assert {f"/articles/{i}" for i in range(1, 6)} <= set(links)
    assert any(re.fullmatch(r"/actors/\d+", h) for h in links) and any(re.fullmatch(r"/claims/\d+", h) for h in links)
    text = "".join(page.text)
    assert "Hossein Amir-Abdollahian" in text and "Russian warships mined" in text


@pytest.mark.parametrize("article_id", [1, 2, 3, 4, 5])
def test_article_page_highlights_every_attribution_with_its_stance(client, examples_db, article_id):
    with Store.open(examples_db, read_only=True) as store:
        data = pages.article(store, article_id)
    page = parse(client.get(f"/articles/{article_id}").text)
    marks = page.having("data-attribution")
    assert sorted(int(m["data-attribution"]) for m in marks) == sorted(a["attribution"] for a in data["attributions"])
    by_id = {a["attribution"]: a for a in data["attributions"]}
    for m in marks:
        a = by_id[int(m["data-attribution"])]
        assert m["data-stance"] == a["stance"] and m["id"] == f"a{a['attribution']}" and m["tabindex"] == "0"
        assert f"stance: {a['stance']}" in m["title"] and f"rule: {a['rule']}" in m["title"]
        assert (a["speaker"] or "unresolved") in m["title"]
    # every resolved speaker's mention links to its actor
    mention_links = {a["href"] for t, a in page.tags if t == "a" and "mention" in (a.get("class") or "")}
    assert mention_links == {f"/actors/{a['actor']}" for a in data["attributions"] if a["actor"]}
    # the text reads exactly as stored once the markup is taken away
    body = client.get(f"/articles/{article_id}").text
    inner = body.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    assert "".join(parse(inner).text) == data["text"]


def test_article_page_marks_the_split_quote_as_one_element_with_an_unshaded_gap(client):
    html = client.get("/articles/5").text
    split = re.search(r'<mark [^>]*data-stance="deny"[^>]*>These reports are baseless<span class="gap">(.*?)'
                      r'and we reject them completely\.</mark>', html)
    assert split, "the split quote is not one <mark> with a gap"
    gap = split.group(1)
    assert '<span class="cue"' in gap and 'class="mention"' in gap and gap.endswith("</span>")
    assert "<mark" not in gap


def test_actor_page_shows_identity_merges_chart_and_statements_oldest_first(client):
    r = client.get("/actors/Kovalenko", follow_redirects=False)
    assert r.status_code == 303 and re.fullmatch(r"/actors/\d+", r.headers["location"])
    page = parse(client.get(r.headers["location"]).text)
    text = " ".join(page.text)
    assert "Maksym Kovalenko" in text and "Maxim Kovalenko" in text       # the merge and its evidence
    assert "Ukrainian navy spokesman" in text                                # a title
    bars = [a for t, a in page.tags if t == "rect"]
    assert bars and all("stance-" in a["class"] for a in bars)
    dates = re.findall(r'<td class="date">(\d{4}-\d\d-\d\d)</td>', client.get(r.headers["location"]).text)
    total = client.get("/api/v1" + r.headers["location"]).json()["attributions"]
    assert dates == sorted(dates) and len(dates) == total and len(set(dates)) == 3
    assert any(re.fullmatch(r"/articles/\d+#a\d+", h) for h in page.links())


def test_actor_page_shows_who_speaks_for_a_state(client):
    html = client.get("/actors/Russia", follow_redirects=True).text
    assert "Spoken for by" in html and "Kremlin" in html
    kremlin = client.get("/actors/Kremlin", follow_redirects=True).text
    assert "Speaks for" in kremlin and "Russia" in kremlin


def test_actor_statements_are_paginated(client):
    url = client.get("/actors/Amir-Abdollahian", follow_redirects=False).headers["location"]
    first = client.get(url, params={"limit": 2}).text
    assert first.count('<td class="date">') == 2 and 'rel="next"' in first and "1–2 of 5" in first
    last = client.get(url, params={"limit": 2, "offset": 4}).text
    assert last.count('<td class="date">') == 1 and 'rel="next"' not in last and 'rel="prev"' in last


def test_claim_page_has_asserted_and_denied_columns_linking_to_the_sentences(client):
    contested = client.get("/api/v1/claims", params={"contested": "true", "limit": 100}).json()["items"]
    mines = next(c for c in contested if "mine" in c["text"])
    html = client.get(f"/claims/{mines['id']}").text
    page = parse(html)
    asserted = html.split('id="asserted"', 1)[1].split('id="denied"', 1)[0]
    denied = html.split('id="denied"', 1)[1]
    assert "Maksym Kovalenko" in asserted and "Kremlin" not in asserted
    assert "Kremlin" in denied and "defence ministry" in denied.lower() and "Maksym Kovalenko" not in denied
    for s in mines["supporters"] + mines["deniers"]:
        assert f'/articles/{s["article"]}#a{s["attribution"]}' in page.links()
    for outlet in ("Harbour Courier", "Wire Digest", "Grain Monitor"):
        assert outlet in html
    assert asserted.count("<blockquote>") == len(mines["supporters"])
    assert denied.count("<blockquote>") == len(mines["deniers"])


def test_contested_claims_list_and_search_link_into_articles(client):
    page = parse(client.get("/claims", params={"contested": "true"}).text)
    assert any(re.fullmatch(r"/claims/\d+", h) for h in page.links())
    found = parse(client.get("/search", params={"q": "drones"}).text)
    assert "/articles/5" in found.links() and any(re.fullmatch(r"/articles/5#a\d+", h) for h in found.links())
    assert client.get("/search", params={"q": "x" * 501}).status_code == 422


def test_hostile_article_text_renders_as_text(evil_client):
    html = evil_client.get("/articles/1").text
    page = parse(html)
    assert page.scripts == 0
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)     # no injected handler
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;bridge&lt;/b&gt;" in html
    assert len(page.having("data-attribution")) == 3
    inner = html.split('<div class="text">', 1)[1].split("</div>", 1)[0]
    assert "".join(parse(inner).text) == EVIL_TEXT
    assert "&lt;img src=x" in html                                                   # the title
    for path in ("/", "/actors/1", "/claims/1", "/claims", "/actors", "/articles", "/search?q=bridge"):
        page = parse(evil_client.get(path).text)
        assert page.scripts == 0 and not any(k.startswith("on") for _, a in page.tags for k in a), path


def test_a_javascript_url_is_never_a_link(evil_client):
    page = parse(evil_client.get("/articles/2").text)
    assert not any(h.lower().startswith("javascript:") for h in page.links())
    assert "javascript:alert(6)" in "".join(page.text)


def test_unknown_ids_give_html_404_pages(client):
    for path in ("/articles/999", "/articles/abc", "/actors/999999", "/actors/Nobody%20Here", "/claims/0",
                 "/claims/x", "/no/such/page"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("text/html") and "Not found" in r.text
        assert "Traceback" not in r.text


def test_a_server_error_is_a_plain_page_without_the_traceback(examples_db, monkeypatch):
    from fastapi.testclient import TestClient

    from onrecord.views import web
    from onrecord.views.app import create_app

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals /etc/passwd")
    monkeypatch.setattr(web.pages, "articles", broken)
    with TestClient(create_app(examples_db), raise_server_exceptions=False) as c:
        r = c.get("/")
        assert r.status_code == 500 and "Server error" in r.text
        assert "secret internals" not in r.text and "Traceback" not in r.text
        api = c.get("/api/v1/articles")
        assert api.status_code == 500 and api.json() == {"error": "internal error; the details are in the server log",
                                                          "status": 500}


def test_pages_are_read_only(client):
    assert client.post("/articles/1").status_code == 405
    assert client.delete("/").status_code == 405


def test_highlight_keeps_crossing_and_touching_spans_well_formed_and_the_text_exact():
    text = "abcdefghijklmnopqrstuvwxyz <&> \"q\""
    atts = [
        {"attribution": 1, "stance": "assert", "speaker": "A", "actor": 1, "cue": "c", "rule": "r",
         "parts": [[0, 10]], "content_span": [0, 10], "mention_span": [8, 14], "cue_span": [10, 12]},
        {"attribution": 2, "stance": "deny", "speaker": "B", "actor": None, "cue": None, "rule": "r",
         "parts": [[5, 9], [12, 20]], "content_span": [5, 20], "mention_span": [8, 14], "cue_span": None},
        {"attribution": 3, "stance": "question", "speaker": None, "actor": None, "cue": None, "rule": "r",
         "parts": [[20, len(text)]], "content_span": [20, len(text)], "mention_span": None, "cue_span": [0, 0]},
    ]
    html = str(highlight(text, atts))
    page = parse(html)
    assert "".join(page.text) == text
    assert sorted(a["data-attribution"] for a in page.having("data-attribution")) == ["1", "2", "3"]
    assert len(page.having("data-continues")) >= 1                  # a crossed content is reopened, not doubled
    assert 'title="speaker: A; B"' in html                          # one mention shared by two attributions


def test_actor_page_lists_every_actor_a_name_matches(tmp_path):
    # issue 16: "3 actors match 'Trump'" on the web as on the command line, each linked with its count
    from fastapi.testclient import TestClient

    from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker
    from onrecord.ingest.document import Document
    from onrecord.ledger.writer import Ledger
    from onrecord.views.app import create_app

    def said(name, url):
        text = f"{name} said the count was fair."
        actor = Actor("person:x", name, "person")
        att = Attribution("q1", "indirect", Content.of(text, [(text.index("the"), len(text) - 1)]),
                          Span.of(text, len(name) + 1, len(name) + 5), Speaker(Span.of(text, 0, len(name)), name,
                                                                               "person", actor.id),
                          "assert", "clause-complement", 0.9, Span.of(text, 0, len(text)))
        return Document(url, text, "text", url=url, published="2016-05-01"), Article(url, len(text), (att,), (actor,))

    db = tmp_path / "trumps.db"
    with Store.open(db) as store:
        Ledger(store).add_batch([said("Donald Trump", "https://t.example/1"), said("Ivanka Trump", "https://t.example/2"),
                                 said("Donald Trump Jr.", "https://t.example/3")], model="test")
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        page = parse(client.get("/actors/Trump", follow_redirects=False).text)
        text = " ".join(page.text)
        assert "3 actors match 'Trump'" in text and "Ivanka Trump" in text and "Donald Trump Jr." in text
        assert len([h for h in page.links() if re.fullmatch(r"/actors/\d+", h)]) >= 3
        assert client.get("/actors/Ivanka Trump", follow_redirects=False).status_code == 303
        assert len(client.get("/api/v1/actors/Trump").json()["matches"]) == 3
