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
    with TestClient(create_app(examples_db), raise_server_exceptions=False, base_url="http://localhost") as c:
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


HUGE = "9" * 50


@pytest.mark.parametrize("path", [f"/articles/{HUGE}", f"/claims/{HUGE}", f"/actors/{HUGE}", f"/claims/{2**63}",
                                  "/articles/-1", "/articles/%C2%B2", "/claims/%C2%B2", "/actors/%C2%B2"])
def test_pages_huge_or_odd_ids_are_404_not_500(client, path):
    """`/articles/<50 nines>` was a 500 (OverflowError in the SQLite driver); '²' passed isdigit() but not int()."""
    r = client.get(path, follow_redirects=False)
    assert r.status_code == 404, (path, r.status_code)
    assert "Traceback" not in r.text


@pytest.fixture(scope="module")
def junk_client(tmp_path_factory):
    """A ledger holding a junk actor whose name has no letters (a headline fragment such as '—')."""
    from fastapi.testclient import TestClient

    from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker
    from onrecord.ingest.document import Document
    from onrecord.ledger.store import Store
    from onrecord.ledger.writer import Ledger
    from onrecord.views.app import create_app

    text = '"It was fine," — said.'
    junk = Actor("unknown:junk", "—", "unknown")
    att = Attribution("q1", "direct", Content.of(text, [(1, 13)]), Span.of(text, 17, 21),
                      Speaker(Span.of(text, 15, 16), "—", "unknown", junk.id), "assert", "quote-cue", 0.5,
                      Span.of(text, 0, len(text)))
    db = tmp_path_factory.mktemp("junk") / "junk.db"
    with Store.open(db) as store:
        Ledger(store).add_batch([(Document("junk.txt", text, "text"), Article("junk.txt", len(text), (att,),
                                                                              (junk,)))], model="test")
    with TestClient(create_app(db), raise_server_exceptions=False, base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("ref", ["%00", "%25", "_", "%2A", "%20", "-"])
def test_pages_actor_wildcard_names_do_not_redirect_to_a_junk_actor(junk_client, ref):
    """`/actors/%00`, `%25`, `_`, `%2A` all redirected to one junk actor: their name keys were all empty."""
    assert junk_client.get("/actors").status_code == 200
    r = junk_client.get(f"/actors/{ref}", follow_redirects=False)
    assert r.status_code == 404, (ref, r.status_code, r.headers.get("location"))
    assert junk_client.get(f"/api/v1/actors/{ref}").status_code == 404


def test_pages_unknown_actor_kind_is_422_naming_the_kinds(client):
    r = client.get("/actors", params={"kind": "banana"})
    assert r.status_code == 422 and "person, organization, place, group, unknown" in r.text
    assert client.get("/actors", params={"kind": "person"}).status_code == 200


def test_pages_search_has_totals_next_page_and_mark_not_brackets(client):
    """`/search?q=…` showed one page with no total and no next page, hits marked "[…]" like resolved pronouns."""
    api = client.get("/api/v1/search", params={"q": "said", "limit": 100}).json()
    total = api["total"]["articles"]
    assert total >= 3
    first = client.get("/search", params={"q": "said", "limit": 2}).text
    assert f"({total})" in first and f"1–2 of {max(api['total'].values())}" in first
    page = parse(first)
    assert any(h.startswith("/search?q=said&limit=2&offset=2") for h in page.links())
    assert '<mark class="hit">said</mark>' in first or '<mark class="hit">Said</mark>' in first
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', first, re.S)
    assert len(snippets) == 2 and not any("[" in re.sub(r"<[^>]+>", "", s) for s in snippets)
    second = client.get("/search", params={"q": "said", "limit": 2, "offset": 2}).text
    assert second.count('<p class="snippet">') == min(2, total - 2) and 'rel="prev"' in second


def test_pages_search_escapes_snippets_around_marks(evil_client):
    html = evil_client.get("/search", params={"q": "Mallory"}).text
    assert "<script>" not in html.split("<main>", 1)[1] and '<mark class="hit">Mallory</mark>' in html


def test_pages_article_statement_has_one_stance_in_text_table_and_claim_page(client):
    """'calling the accusation "a provocation staged by Kyiv"' was ASSERT in the text and deny in the table and on
    its claim page: one statement, two stances."""
    hit = client.get("/api/v1/search", params={"q": '"provocation staged"'}).json()["attributions"]
    assert len(hit) == 1
    statement = hit[0]
    assert statement["stance"] == statement["claim_stance"] == "deny"
    html = client.get(f"/articles/{statement['article']}").text
    mark = re.search(rf'<mark [^>]*id="a{statement["attribution"]}"[^>]*>', html).group(0)
    assert 'data-stance="deny"' in mark
    claim = client.get(f"/claims/{statement['claim']}").text
    denied = claim.split('id="denied"', 1)[1]
    assert f'#a{statement["attribution"]}"' in denied


def test_pages_claim_link_evidence_is_words_not_stems(client):
    """The claim page showed 'shared: corridor, e:russia, grain, min, warship' and '(4 distinct speaker and story)'."""
    contested = client.get("/api/v1/claims", params={"contested": "true", "limit": 100}).json()["items"]
    mines = next(c for c in contested if "mine" in c["text"])
    html = client.get(f"/claims/{mines['id']}").text
    why = " ".join(re.findall(r'<p class="why">(.*?)</p>', html, re.S))
    assert why and "e:" not in why and "shared:" not in why and "distinct speaker" not in html
    assert not re.search(r"\b(min|warship|bridg|saf)\b", why) and "q5" not in why
    assert re.search(r"\(\d+ speakers?\)", html)
    if any("same claim" in (s["claim_link"] or "") for s in mines["supporters"] + mines["deniers"]):
        assert "both mention" in why


@pytest.mark.parametrize(("link", "sentence", "expected"), [
    ("same claim (similarity 0.62; shared: corridor, e:russia, min, warship)",
     "Russian warships laid mines in the corridor.",
     "the same claim as earlier statements, by wording (62 % alike; both mention corridor, Russian, mines, warships)"),
    ("same claim (similarity 0.5; shared: bridg, e:united states)", "Nothing matches here.",
     "the same claim as earlier statements, by wording (50 % alike; both mention United States)"),
    ("new claim", "Anything.", "the first statement of this claim"),
    ("back-reference: 'the denial' points to the claim of q4 ('that X'), stated 3 time(s) before in the article; "
     "deny of a denial counts as assert", "",
     "'the denial' refers back to the claim 'that X', made 3 times before in the article; denying a denial "
     "supports the claim"),
])
def test_pages_claim_link_text_for_readers(link, sentence, expected):
    from onrecord.views.markup import claim_link_text
    assert claim_link_text({"claim_link": link, "content": "", "sentence": sentence}) == expected


def test_pages_contested_list_shows_who_asserts_and_who_denies(client):
    from markupsafe import escape

    """The CLI listed supporters and deniers of each contested claim; the page did not."""
    contested = client.get("/api/v1/claims", params={"contested": "true", "limit": 100}).json()["items"]
    html = client.get("/claims", params={"contested": "true", "limit": 100}).text
    for c in contested:
        row = html.split(f'href="/claims/{c["id"]}"', 1)[1].split("</li>", 1)[0]
        asserted = row.split('class="who asserted">', 1)[1].split("</span>", 1)[0]
        denied = row.split('class="who denied">', 1)[1].split("</span>", 1)[0]
        assert asserted.startswith("asserted by ") and denied.startswith("denied by ")
        assert all(str(escape(s["speaker"])) in asserted for s in c["supporters"] if s["speaker"])
        assert all(str(escape(s["speaker"])) in denied for s in c["deniers"] if s["speaker"])


def test_dispute_page_has_camps_side_by_side_a_timeline_and_marked_wording(client):
    listed = client.get("/disputes", params={"contested": "true"})
    assert listed.status_code == 200
    ids = [int(x) for x in re.findall(r'href="/disputes/(\d+)"', listed.text)]
    assert ids
    page = client.get(f"/disputes/{ids[0]}").text
    assert 'id="affirm"' in page and 'id="negate"' in page and "Timeline" in page
    assert re.search(r'href="/articles/\d+#a\d+"', page)
    assert '<mark class="wording-negate">denied</mark>' in page     # the negating wording is highlighted
    assert "wording-affirm" in page
    assert client.get("/disputes/999999").status_code == 404


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
    with TestClient(create_app(db), raise_server_exceptions=False, base_url="http://localhost") as client:
        page = parse(client.get("/actors/Trump", follow_redirects=False).text)
        text = " ".join(page.text)
        assert "3 actors match 'Trump'" in text and "Ivanka Trump" in text and "Donald Trump Jr." in text
        assert len([h for h in page.links() if re.fullmatch(r"/actors/\d+", h)]) >= 3
        assert client.get("/actors/Ivanka Trump", follow_redirects=False).status_code == 303
        assert len(client.get("/api/v1/actors/Trump").json()["matches"]) == 3


# -- issue 19: ?mode= on the pages that list statements ---------------------------------------------------------

def _mode_records():
    """Two stories on one claim: Ines Varga says it and Oleg Brandt denies it (speech); later Varga believes it."""
    from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker
    from onrecord.ingest.document import Document

    varga, brandt = Actor("person:varga", "Ines Varga", "person"), Actor("person:brandt", "Oleg Brandt", "person")

    def att(text, aid, speaker, actor, cue, content, stance, mode):
        s = text.index(content)
        return Attribution(aid, "indirect", Content.of(text, [(s, s + len(content))]),
                           Span.of(text, text.index(cue), text.index(cue) + len(cue)),
                           Speaker(Span.of(text, text.index(speaker), text.index(speaker) + len(speaker)),
                                   actor.name, "person", actor.id),
                           stance, "clause-complement", 0.9, Span.of(text, 0, len(text)), mode=mode,
                           polarity="affirm")

    one = ("Ines Varga said that Russian warships mined the grain corridor. "
           "Oleg Brandt denied that Russian warships mined the grain corridor.")
    two = "Ines Varga believes that Russian warships mined the grain corridor."
    first = Article("one.txt", len(one), (
        att(one, "q1", "Ines Varga", varga, "said", "Russian warships mined the grain corridor", "assert", "speech"),
        att(one, "q2", "Oleg Brandt", brandt, "denied", "Russian warships mined the grain corridor", "deny",
            "speech")), (varga, brandt))
    second = Article("two.txt", len(two), (
        att(two, "q1", "Ines Varga", varga, "believes", "Russian warships mined the grain corridor", "assert",
            "thought"),), (varga,))
    return [(Document("one.txt", one, "text", url="https://a.example/1", site="Harbour Courier",
                      published="2026-05-01"), first),
            (Document("two.txt", two, "text", url="https://b.example/2", site="Grain Monitor",
                      published="2026-05-04"), second)]


@pytest.fixture(scope="module")
def mode_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from onrecord.ledger.writer import Ledger
    from onrecord.views.app import create_app

    db = tmp_path_factory.mktemp("modes") / "modes.db"
    with Store.open(db) as store:
        Ledger(store).add_batch(_mode_records(), model="test")
    with TestClient(create_app(db), raise_server_exceptions=False, base_url="http://localhost") as client:
        yield client


def _statement_links(html: str) -> set[str]:
    return {h for h in parse(html).links() if re.fullmatch(r"/articles/\d+#a\d+", h)}


def _links_by_mode(client, actor: str) -> dict[str, set[str]]:
    statements = client.get(f"/api/v1/actors/{actor}").json()["statements"]
    out: dict[str, set[str]] = {"speech": set(), "thought": set()}
    for s in statements:
        out[s["mode"]].add(f"/articles/{s['article']}#a{s['attribution']}")
    return out


def test_pages_mode_filter_on_the_actor_page(mode_client):
    url = mode_client.get("/actors/Ines Varga", params={"mode": "thought"}, follow_redirects=False)
    assert url.status_code == 303 and url.headers["location"].endswith("?mode=thought")   # the mode survives
    actor = url.headers["location"].split("?")[0]
    by_mode = _links_by_mode(mode_client, "Ines Varga")
    assert len(by_mode["speech"]) == 1 and len(by_mode["thought"]) == 1
    for mode in ("speech", "thought"):
        html = mode_client.get(actor, params={"mode": mode}).text
        assert _statement_links(html) == by_mode[mode], mode
        assert html.count('<td class="date">') == 1 and '<strong aria-current="page">' in html
    everything = mode_client.get(actor).text
    assert _statement_links(everything) == by_mode["speech"] | by_mode["thought"]
    page = parse(everything)
    switch = {a["data-mode"]: a["href"] for t, a in page.tags if t == "a" and "data-mode" in a}
    assert switch == {"speech": f"{actor}?mode=speech", "thought": f"{actor}?mode=thought"}
    # the pager counts the statements of the mode
    assert "1–1 of 2" in mode_client.get(actor, params={"limit": 1}).text
    assert 'rel="next"' not in mode_client.get(actor, params={"mode": "speech", "limit": 1}).text


def test_pages_mode_filter_on_claim_and_dispute_pages(mode_client):
    by_mode = _links_by_mode(mode_client, "Ines Varga")
    brandt = _links_by_mode(mode_client, "Oleg Brandt")["speech"]
    (claim,) = mode_client.get("/api/v1/claims").json()["items"]
    path = f"/claims/{claim['id']}"
    assert _statement_links(mode_client.get(path, params={"mode": "speech"}).text) == by_mode["speech"] | brandt
    assert _statement_links(mode_client.get(path, params={"mode": "thought"}).text) == by_mode["thought"]
    assert _statement_links(mode_client.get(path).text) == by_mode["speech"] | by_mode["thought"] | brandt
    # a belief takes no side in a dispute: the dispute's statements are the speech ones, and none in thought mode
    path = f"/disputes/{claim['id']}"
    assert _statement_links(mode_client.get(path).text) == by_mode["speech"] | brandt
    assert _statement_links(mode_client.get(path, params={"mode": "speech"}).text) == by_mode["speech"] | brandt
    assert _statement_links(mode_client.get(path, params={"mode": "thought"}).text) == set()
    thought_claim = mode_client.get(f"/api/v1/claims/{claim['id']}", params={"mode": "thought"}).json()
    # the belief is kept, on neither side; support and denial are counted from the statements kept
    assert (thought_claim["support"], thought_claim["denial"], len(thought_claim["others"])) == (0, 0, 1)
    speech_claim = mode_client.get(f"/api/v1/claims/{claim['id']}", params={"mode": "speech"}).json()
    assert (speech_claim["support"], speech_claim["denial"], speech_claim["others"]) == (1, 1, [])


def test_pages_mode_filter_on_the_lists_and_search(mode_client):
    by_mode = _links_by_mode(mode_client, "Ines Varga")
    for path, mode in (("/claims", "thought"), ("/disputes", "speech")):
        html = mode_client.get(path, params={"mode": mode}).text
        assert f'<option value="{mode}" selected>' in html
        assert re.search(rf'href="{path}/\d+\?mode={mode}"', html), path
    assert "No disputes." in mode_client.get("/disputes", params={"mode": "thought"}).text
    listed = mode_client.get("/api/v1/claims", params={"mode": "thought"}).json()["items"]
    assert [len(c["others"]) for c in listed] == [1] and listed[0]["supporters"] == listed[0]["deniers"] == []
    found = mode_client.get("/search", params={"q": "warships", "mode": "thought"}).text
    assert _statement_links(found) == by_mode["thought"]
    assert by_mode["speech"] <= _statement_links(mode_client.get("/search", params={"q": "warships"}).text)


@pytest.mark.parametrize("path", ["/actors/1", "/claims", "/claims/1", "/disputes", "/disputes/1", "/search",
                                  "/actors/Ines Varga"])
def test_pages_unknown_mode_is_422_naming_the_modes(mode_client, path):
    r = mode_client.get(path, params={"mode": "spoken", "q": "warships"}, follow_redirects=False)
    assert r.status_code == 422 and "speech, thought, all" in r.text
