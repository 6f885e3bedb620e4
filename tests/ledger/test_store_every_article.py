"""Any article that extracts must store: local actor ids are unique by construction (issue 21, data loss)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onrecord.attribution.extractor import actor_ids
from onrecord.attribution.speakers import ActorDraft
from onrecord.ingest.document import Document
from onrecord.ledger.store import Store
from onrecord.ledger.writer import Ledger


def test_store_every_article_actor_ids_unique_for_punctuation_twins():
    drafts = [ActorDraft("Donald Trump Jr:", "person"), ActorDraft("Donald Trump Jr.", "person"),
              ActorDraft("Hillary Clinton's Remarks", "unknown"), ActorDraft("Hillary Clinton's Remarks", "unknown")]
    ids = actor_ids(drafts)
    assert len(set(ids.values())) == 4
    assert ids[id(drafts[0])] == "person:donald-trump-jr"
    assert ids[id(drafts[1])] == "person:donald-trump-jr-2"


def test_store_every_article_unique_constraint_failed_actor_links(extractor, tmp_path):
    # the article that lost itself: one person written with a colon once and a full stop once
    text = ('Donald Trump Jr: "We will keep fighting for every vote."\n\n'
            '"The polls are wrong," Donald Trump Jr. said on Tuesday.\n\n'
            'Hillary Clinton\'s Remarks said the plan was sound. Hillary Clinton\'s Remarks said it was cheap.')
    article = extractor.extract(text)
    assert len({a.id for a in article.actors}) == len(article.actors)
    with Store.open(tmp_path / "l.db") as store:
        result = Ledger(store).add_batch([(Document("t.txt", text, "text"), article)], model="test")
    assert (result.added, result.failed) == (1, 0)


FIRST = st.sampled_from(["Donald", "Ivana", "Hossein", "Maria", "Jean-Luc", "O'Neil", "Zhang"])
LAST = st.sampled_from(["Trump", "Amir-Abdollahian", "Zakharova", "de Blasio", "Kan'ani", "Smith"])
TAIL = st.sampled_from(["", " Jr.", " Jr:", " Jr", ",", ":", "'s", " Sr.", "."])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(st.tuples(FIRST, LAST, TAIL), min_size=1, max_size=5))
def test_store_every_article_random_names_with_punctuation_variants_all_store(extractor, tmp_path_factory, people):
    lines = []
    for n, (first, last, tail) in enumerate(people):
        lines.append(f'"Point number {n} stands," {first} {last}{tail} said.')
        lines.append(f"{first} {last}{tail} said that the second point number {n} stands too.")
    text = "\n\n".join(lines)
    article = extractor.extract(text)
    assert len({a.id for a in article.actors}) == len(article.actors)
    with Store.open(tmp_path_factory.mktemp("ledger") / "l.db") as store:
        result = Ledger(store).add_batch([(Document("p.txt", text, "text"), article)], model="test")
    assert result.failed == 0 and result.added == 1
