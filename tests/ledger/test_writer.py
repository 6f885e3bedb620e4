"""The ledger's write path on hand-built records (no parser): merges, claims, contradictions, idempotency, splits."""

from __future__ import annotations

import dataclasses

import pytest

from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker
from onrecord.ingest.document import Document, Failure
from onrecord.ledger import queries
from onrecord.ledger.store import Store
from onrecord.ledger.writer import UNDATED_DAY, Ledger, day_of, split_link
from onrecord.validation import InvalidValue


def build(text: str, url: str | None, published: str | None, actors: list[Actor],
          said: list[tuple[str, str, str, str]]) -> tuple[Document, Article]:
    """said: (speaker actor id, cue, content, stance); offsets are found in ``text``."""
    by_id = {a.id: a for a in actors}
    atts = []
    for n, (actor_id, cue, content, stance) in enumerate(said, 1):
        c = text.index(content)
        k = text.index(cue)
        actor = by_id[actor_id]
        m = text.index(actor.name) if actor.name in text else text.index(actor.aliases[0])
        mention = Span.of(text, m, m + len(actor.name if actor.name in text else actor.aliases[0]))
        sentence = Span.of(text, text.rfind("\n", 0, min(c, k, m)) + 1,
                           text.find("\n", c) if "\n" in text[c:] else len(text))
        atts.append(Attribution(f"q{n}", "indirect", Content.of(text, [(c, c + len(content))]),
                                Span.of(text, k, k + len(cue)), Speaker(mention, actor.name, actor.kind, actor.id),
                                stance, "clause-complement", 0.9, sentence))
    return (Document(url or "<test>", text, "text", url=url, published=published),
            Article(url or "<test>", len(text), tuple(atts), tuple(actors)))


KOV = Actor("person:maksym-kovalenko", "Maksym Kovalenko", "person", ("Kovalenko",), ("Ukrainian navy spokesman",))
KOV2 = Actor("person:maxim-kovalenko", "Maxim Kovalenko", "person", ("Kovalenko",), ("spokesman for Ukraine's navy",))
MOD = Actor("organization:russia-s-defence-ministry", "Russia's defence ministry", "organization")
MOD2 = Actor("organization:russian-defence-ministry", "Russian Defence Ministry", "organization")
KREMLIN = Actor("organization:kremlin", "Kremlin", "organization")

TEXT1 = ("Ukrainian navy spokesman Maksym Kovalenko said Russian warships had laid mines in the grain corridor "
         "overnight.\nRussia's defence ministry denied that Russian warships had laid mines in the grain corridor, "
         "calling the accusation \"a provocation.\"")
TEXT2 = ("The Russian Defence Ministry denied that Russian warships had laid mines in the grain corridor.\n"
         "Maxim Kovalenko, a spokesman for Ukraine's navy, said Russian warships had laid mines in the grain "
         "corridor and that divers had found them.")
TEXT3 = "The Kremlin denied that Russian warships had laid mines in the grain corridor, officials in Moscow said."


def article1():
    return build(TEXT1, "https://a.example/1", "2026-11-03T08:15:00+00:00", [KOV, MOD], [
        (KOV.id, "said", "Russian warships had laid mines in the grain corridor overnight", "assert"),
        (MOD.id, "denied", "that Russian warships had laid mines in the grain corridor", "deny"),
        (MOD.id, "calling", "the accusation \"a provocation.\"", "deny")])


def article2():
    return build(TEXT2, "https://b.example/2", "2026-11-04", [MOD2, KOV2], [
        (MOD2.id, "denied", "that Russian warships had laid mines in the grain corridor", "deny"),
        (KOV2.id, "said", "Russian warships had laid mines in the grain corridor and that divers had found them",
         "assert")])


def article3():
    return build(TEXT3, None, "2026-11-05", [KREMLIN], [
        (KREMLIN.id, "denied", "that Russian warships had laid mines in the grain corridor", "deny")])


@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path / "ledger.db") as s:
        yield s


def test_writer_merges_actors_across_articles_and_surfaces_the_contradiction(store):
    Ledger(store).add_batch([article1(), article2(), article3()], model="test")
    contested = queries.claims(store, contested=True)
    assert len(contested) == 1
    claim = contested[0]
    supporters = {s["speaker"] for s in claim["supporters"]}
    deniers = {s["speaker"] for s in claim["deniers"]}
    assert supporters == {"Maksym Kovalenko"}
    assert deniers == {"Russian Defence Ministry", "Kremlin"}  # the proper form names it
    assert len(claim["supporters"]) == 2 and len(claim["deniers"]) == 4   # incl. "the accusation" back-reference
    assert claim["first_date"] == "2026-11-03"
    kov = queries.actor(store, "Kovalenko")
    assert kov["name"] == "Maksym Kovalenko" and "Maxim Kovalenko" in kov["aliases"]
    assert [s["date"] for s in kov["statements"]] == ["2026-11-03", "2026-11-04"]
    assert all(m["evidence"] for m in kov["merges"])


def test_writer_back_reference_links_to_the_claim_before_it(store):
    Ledger(store).add_batch([article1()], model="test")
    rows = store.all("SELECT local_id, claim_id, claim_stance, claim_link FROM attributions ORDER BY id")
    assert rows[2]["claim_id"] == rows[1]["claim_id"]
    assert rows[2]["claim_link"].startswith("back-reference")


def test_writer_kremlin_speaks_for_russia(store):
    Ledger(store).add_batch([article3()], model="test")
    kremlin = queries.actor(store, "Kremlin")
    assert kremlin["represents"]["name"] == "Russia"
    assert queries.actor(store, "Russia")["speakers_for_it"][0]["name"] == "Kremlin"


def test_writer_ingesting_twice_changes_nothing(store):
    ledger = Ledger(store)
    first = ledger.add_batch([article1(), article2()], model="test")
    counts = store.counts()
    again = ledger.add_batch([article1(), article2()], model="test")
    assert (first.added, again.added, again.skipped) == (2, 0, 2)
    assert store.counts() == counts


def test_writer_republished_story_is_counted_once(store):
    ledger = Ledger(store)
    doc, art = article1()
    copy = Document(doc.source, doc.text, "text", url="https://mirror.example/copy", published=doc.published)
    ledger.add_batch([(doc, art), (copy, art)], model="test")
    assert store.counts()["articles"] == 2 and store.counts()["stories"] == 1
    claim = queries.claims(store)[0]
    assert claim["support"] == 1


def test_writer_failures_are_recorded_and_cleared_on_success(store):
    ledger = Ledger(store)
    ledger.add_batch([], [Failure("https://a.example/1", "no article text found")])
    ledger.add_batch([], [Failure("https://a.example/1", "no article text found")])
    (err,) = queries.errors(store)
    assert err["count"] == 2 and err["source"] == "https://a.example/1"
    ledger.add_batch([article1()])
    assert queries.errors(store) == []


def test_writer_split_undoes_a_wrong_merge(store):
    Ledger(store).add_batch([article1(), article2()], model="test")
    kov = queries.actor(store, "Maksym Kovalenko")
    link = next(m for m in kov["merges"] if m["local_name"] == "Maxim Kovalenko")
    result = split_link(store, link["link"])
    assert result["attributions_moved"] == 1
    maxim = queries.actor(store, str(result["new_actor"]))
    assert maxim["name"] == "Maxim Kovalenko" and len(maxim["statements"]) == 1
    assert len(queries.actor(store, "Maksym Kovalenko")["statements"]) == 1
    # the same name arriving again stays apart from the actor it was split from
    doc, art = article2()
    Ledger(store).add_batch([(Document(doc.source, doc.text + "\n", "text", url="https://c.example/3"), art)])
    assert len(queries.actor(store, "Maksym Kovalenko")["statements"]) == 1


@pytest.mark.parametrize("published, expected", [("2026-11-03T08:15:00+00:00", "2026-11-03"),
                                                  ("2026-11-04", "2026-11-04")])
def test_writer_day_of_published(published, expected):
    assert day_of(published) == expected


@pytest.mark.parametrize("published", [None, "sometime in May", "2026-13-45"])
def test_writer_day_of_unknown_date_is_undated_not_today(published):
    """issue 18: an article without a publication date was given the ingest day, silently."""
    assert day_of(published) == UNDATED_DAY == ""


def test_writer_undated_article_is_shown_undated_and_sorted_after_dated(store):
    doc, art = article1()
    undated_doc, undated_art = build(TEXT3, None, None, [KREMLIN], [
        (KREMLIN.id, "denied", "that Russian warships had laid mines in the grain corridor", "deny")])
    Ledger(store).add_batch([(undated_doc, undated_art), (doc, art)])
    stored = queries.article(store, 1)
    assert (stored["day"], stored["published"], stored["date_method"]) == (None, None, "undated")
    claim = next(c for c in queries.claims(store) if c["deniers"])
    # the claim's range counts its dated statements only; the undated denial comes after the dated ones
    assert (claim["first_date"], claim["last_date"]) == ("2026-11-03", "2026-11-03")
    dates = [s["date"] for s in claim["supporters"] + claim["deniers"]]
    assert dates[-1] is None and set(dates[:-1]) == {"2026-11-03"}


def test_writer_only_undated_statements_give_an_undated_claim(store):
    doc, art = build(TEXT3, None, None, [KREMLIN], [
        (KREMLIN.id, "denied", "that Russian warships had laid mines in the grain corridor", "deny")])
    Ledger(store).add_batch([(doc, art)])
    claim = queries.claims(store)[0]
    assert (claim["first_date"], claim["last_date"]) == (None, None)


def test_writer_stores_relay_and_statement_day(store):
    text = "Iran denied on Monday that it had sent drones, the Anadolu Agency reported."
    c = text.index("that it had sent drones")
    via = text.index("Anadolu Agency")
    att = Attribution("q1", "indirect", Content.of(text, [(c, c + 23)]), Span.of(text, 5, 11),
                      Speaker(Span.of(text, 0, 4), "Iran", "place", "place:iran"), "deny", "verb", 0.9,
                      Span.of(text, 0, len(text)), via=Span.of(text, via, via + 14))
    doc = Document("a.txt", text, "text", published="2023-03-10", date_method="metadata (m.tsv)", wire="AA")
    Ledger(store).add_batch([(doc, Article("a.txt", len(text), (att,), (Actor("place:iran", "Iran", "place"),)))])
    statement = queries.article(store, 1)["attributions"][0]
    assert (statement["via"], statement["said_on"], statement["wire"]) == ("Anadolu Agency", "2023-03-06", "AA")


def test_writer_role_swap_is_kept_apart_across_articles(store):
    """The agent is stored with the claim, so 'A shelled B' and 'B shelled A' stay two claims in the ledger."""
    arm = Actor("organization:armenian-defence-ministry", "Armenian defence ministry", "organization")
    aze = Actor("organization:azerbaijani-defence-ministry", "Azerbaijani defence ministry", "organization")
    t1 = "The Armenian defence ministry said Azerbaijan shelled Armenian border villages on Sunday."
    t2 = "The Azerbaijani defence ministry said Armenia shelled Azerbaijani border villages on Sunday."
    Ledger(store).add_batch([
        build(t1, "https://a.example/arm", "2026-11-01", [arm],
              [(arm.id, "said", "Azerbaijan shelled Armenian border villages on Sunday", "assert")]),
        build(t2, "https://a.example/aze", "2026-11-01", [aze],
              [(aze.id, "said", "Armenia shelled Azerbaijani border villages on Sunday", "assert")])])
    assert store.counts()["claims"] == 2


def test_writer_csv_export_neutralises_formulas(store, tmp_path):
    import csv
    import io

    from onrecord.views.export import write_csv
    text = 'Ines Berg said =HYPERLINK("http://evil.example","click") was found in the ledger.'
    berg = Actor("person:ines-berg", "Ines Berg", "person")
    Ledger(store).add_batch([build(text, "https://x.example/1", "2026-11-01", [berg],
                                   [(berg.id, "said", '=HYPERLINK("http://evil.example","click") was found in the '
                                                      'ledger', "assert")])])
    out = io.StringIO()
    write_csv(store, "attributions", out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["content"].startswith("'=HYPERLINK")
    assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())


def test_writer_stores_mode_and_queries_filter_on_it(store):
    doc, art = article1()
    believed = dataclasses.replace(art.attributions[0], mode="thought")
    store_one = Ledger(store)
    store_one.add_batch([(doc, dataclasses.replace(art, attributions=(believed, *art.attributions[1:])))], [])
    kov = queries.find_actor(store, "Maksym Kovalenko")
    assert [s["mode"] for s in queries.actor(store, str(kov))["statements"]] == ["thought"]
    assert queries.actor(store, str(kov), mode="speech")["statements"] == []
    assert len(queries.actor(store, str(kov), mode="thought")["statements"]) == 1
    found = queries.search(store, "grain corridor", mode="speech")["attributions"]
    assert found and {s["mode"] for s in found} == {"speech"}
    with pytest.raises(InvalidValue):
        queries.search(store, "grain", mode="spoken")


def _said(name: str, url: str, kind: str = "person", titles: tuple[str, ...] = ()):
    text = f"{name} said the count was fair."
    actor = Actor(f"{kind}:x", name, kind, (), titles)
    return build(text, url, "2016-05-01", [actor], [(actor.id, "said", "the count was fair", "assert")])


def test_writer_lookup_lists_every_actor_a_name_can_mean(store):
    # issue 16: `onrecord actor Trump` showed one of five Trumps with no hint of the others
    Ledger(store).add_batch([_said("Donald Trump", "https://t.example/1"), _said("Ivanka Trump", "https://t.example/2"),
                             _said("Donald Trump Jr.", "https://t.example/3"),
                             _said("Marco Rubio", "https://t.example/4")], model="test")
    found = {m["name"] for m in queries.matching_actors(store, "Trump")}
    assert found == {"Donald Trump", "Ivanka Trump", "Donald Trump Jr."}
    data = queries.actor(store, "Trump")
    assert len(data["matches"]) == 3 and data["name"] in found
    assert {m["name"] for m in queries.matching_actors(store, "Donald Trump")} == {"Donald Trump"}


def test_writer_generic_labels_are_one_actor_per_article(store):
    Ledger(store).add_batch([_said("voters", "https://v.example/1", "group"),
                             _said("voters", "https://v.example/2", "group"),
                             _said("woman", "https://v.example/3", "person"),
                             _said("woman", "https://v.example/4", "person")], model="test")
    rows = store.all("SELECT actor_id, method FROM actor_links")
    assert len({r["actor_id"] for r in rows}) == 4 and {r["method"] for r in rows} == {"article-scoped"}


def test_writer_canonical_name_is_the_most_complete_form_seen_most_often(store):
    Ledger(store).add_batch([_said("Donald J. Trump", "https://c.example/1"), _said("Donald Trump", "https://c.example/2"),
                             _said("Donald Trump", "https://c.example/3")], model="test")
    (row,) = store.all("SELECT name FROM actors")
    assert row["name"] == "Donald Trump"


# --- in-article evidence carried across articles (issue 16, session 2) -----------------------------------------

def _person(name, titles=(), local="p1"):
    return Actor(local, name, "person", (), tuple(titles))


def _attribution(n, text, mention, local):
    m = text.index(mention)
    return Attribution(f"q{n}", "indirect", Content.of(text, [(0, 1)]), None,
                       Speaker(Span.of(text, m, m + len(mention)), mention, "person", local), "assert",
                       "clause-complement", 0.9)


def _doc(source, text, published, actors, said):
    atts = tuple(_attribution(n, text, mention, local) for n, (mention, local) in enumerate(said, 1))
    return Document(source, text, "text", published=published), Article(source, len(text), atts, tuple(actors))


def _ledger_of(tmp_path, items):
    store = Store.open(tmp_path / "l.db")
    Ledger(store).add_batch(items)
    return store


def _actor_of(store, source, mention):
    return store.all("SELECT t.actor_id FROM attributions t JOIN articles a ON a.id = t.article_id"
                     " WHERE a.source = ? AND t.speaker_name = ?", (source, mention))[0][0]


def test_writer_description_links_the_title_bearer_of_a_dated_article(tmp_path):
    first = _doc("a", "Vermont Sen. Bernie Sanders spoke at length.", "2016-09-20",
                 [_person("Bernie Sanders", titles=("Vermont Sen.",))], [("Bernie Sanders", "p1")])
    later = _doc("b", "The Vermont senator spoke again.", "2016-10-02",
                 [Actor("p1", "Vermont senator", "person")], [("Vermont senator", "p1")])
    with _ledger_of(tmp_path, [first, later]) as store:
        assert _actor_of(store, "b", "Vermont senator") == _actor_of(store, "a", "Bernie Sanders")
        (evidence,) = store.all("SELECT evidence FROM actor_links WHERE local_name = 'Vermont senator'")[0]
        assert "Bernie Sanders" in evidence and "Vermont Sen." in evidence


@pytest.mark.parametrize("published", [None, "2019-03-01"])      # no date, or years later: no "then"
def test_writer_description_stays_in_its_article_without_a_near_date(tmp_path, published):
    first = _doc("a", "Vermont Sen. Bernie Sanders spoke at length.", "2016-09-20",
                 [_person("Bernie Sanders", titles=("Vermont Sen.",))], [("Bernie Sanders", "p1")])
    later = _doc("b", "The Vermont senator spoke again.", published,
                 [Actor("p1", "Vermont senator", "person")], [("Vermont senator", "p1")])
    with _ledger_of(tmp_path, [first, later]) as store:
        assert _actor_of(store, "b", "Vermont senator") != _actor_of(store, "a", "Bernie Sanders")


def test_writer_bare_surname_called_she_joins_hillary_not_bill(tmp_path):
    bill = _doc("a", "Bill Clinton said it.", "2016-09-20", [_person("Bill Clinton")], [("Bill Clinton", "p1")])
    hillary = _doc("b", "Hillary Clinton said it.", "2016-09-21", [_person("Hillary Clinton")],
                   [("Hillary Clinton", "p1")])
    bare = _doc("c", "Clinton said it. She said more.", "2016-09-22", [_person("Clinton")],
                [("Clinton", "p1"), ("She", "p1")])
    with _ledger_of(tmp_path, [bill, hillary, bare]) as store:
        assert _actor_of(store, "c", "Clinton") == _actor_of(store, "b", "Hillary Clinton")


def test_writer_description_joins_a_bearer_whose_title_comes_later(tmp_path):
    # the article with "the Vermont senator" came first; the title arrives with a later article
    early = _doc("b", "The Vermont senator spoke again.", "2016-09-16",
                 [Actor("p1", "Vermont senator", "person")], [("Vermont senator", "p1")])
    later = _doc("a", "Vermont Sen. Bernie Sanders spoke at length.", "2016-10-04",
                 [_person("Bernie Sanders", titles=("Vermont Sen.",))], [("Bernie Sanders", "p1")])
    with _ledger_of(tmp_path, [early, later]) as store:
        assert _actor_of(store, "b", "Vermont senator") == _actor_of(store, "a", "Bernie Sanders")
        (method, evidence), = store.all("SELECT method, evidence FROM actor_links WHERE local_name = 'Vermont senator'")
        assert method == "title-bearer" and "when the title was first seen" in evidence
        assert store.all("SELECT count(*) FROM actors WHERE name = 'Vermont senator'")[0][0] == 0


def test_writer_late_title_with_two_bearers_links_nobody(tmp_path):
    early = _doc("b", "The Vermont senator spoke again.", "2016-09-16",
                 [Actor("p1", "Vermont senator", "person")], [("Vermont senator", "p1")])
    one = _doc("a", "Vermont Sen. Patrick Leahy and Vermont Sen. Bernie Sanders spoke.", "2016-10-04",
               [_person("Patrick Leahy", titles=("Vermont Sen.",)), _person("Bernie Sanders", ("Vermont Sen.",), "p2")],
               [("Patrick Leahy", "p1"), ("Bernie Sanders", "p2")])
    with _ledger_of(tmp_path, [early, one]) as store:
        assert _actor_of(store, "b", "Vermont senator") not in (_actor_of(store, "a", "Bernie Sanders"),
                                                                 _actor_of(store, "a", "Patrick Leahy"))


def test_writer_organisation_the_article_calls_mr_is_the_person(tmp_path):
    # the parser tagged "Trump" an organisation, but the article says "Mr. Trump": the one Donald Trump
    first = _doc("a", "Donald Trump said it.", "2016-09-20", [_person("Donald Trump")], [("Donald Trump", "p1")])
    tagged = _doc("b", "Trump said it. Mr. Trump said more.", "2016-09-21",
                  [Actor("o1", "Trump", "organization")], [("Trump", "o1"), ("Mr. Trump", "o1")])
    untagged = _doc("c", "Trump said it again.", "2016-09-22",
                    [Actor("o1", "Trump", "organization")], [("Trump", "o1")])
    with _ledger_of(tmp_path, [first, tagged, untagged]) as store:
        assert _actor_of(store, "b", "Trump") == _actor_of(store, "a", "Donald Trump")
        assert _actor_of(store, "c", "Trump") != _actor_of(store, "a", "Donald Trump")   # no evidence: apart
