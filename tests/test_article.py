import pytest

from onrecord.article import SCHEMA, Actor, Article, Attribution, Content, Span, Speaker, with_mode


def _sample() -> tuple[str, Article]:
    text = '"No," she said, "never."'
    content = Content.of(text, [(17, 23), (1, 3)])
    att = Attribution("q1", "direct", content, Span.of(text, 9, 13),
                      Speaker(Span.of(text, 5, 8), "Maria Zakharova", "person", "person:maria-zakharova"),
                      "deny", "quote-split", 0.9)
    actor = Actor("person:maria-zakharova", "Maria Zakharova", "person", ("Zakharova",), ("spokeswoman",))
    return text, Article("x.txt", len(text), (att,), (actor,))


def test_article_content_of_sorts_parts_and_covers_them():
    text, article = _sample()
    content = article.attributions[0].content
    assert content.parts == ((1, 3), (17, 23))
    assert (content.start, content.end) == (1, 23)
    assert content.text == text[1:23]


def test_article_round_trip_through_dict():
    _text, article = _sample()
    data = article.to_dict()
    assert data["schema"] == SCHEMA == "onrecord.article/2"
    assert Article.from_dict(data) == article


def test_article_to_dict_has_the_documented_fields():
    _text, article = _sample()
    data = article.to_dict()
    assert set(data) == {"schema", "source", "text_length", "attributions", "actors", "url", "title", "outlet",
                         "published", "date_method", "wire", "language", "events"}
    att = data["attributions"][0]
    assert set(att) == {"id", "kind", "content", "cue", "speaker", "stance", "rule", "confidence", "sentence",
                        "via", "said_on", "mode", "polarity"}
    assert set(att["content"]) == {"text", "start", "end", "parts"}
    assert set(att["speaker"]) == {"mention", "name", "kind", "actor"}
    assert set(data["actors"][0]) == {"id", "name", "kind", "aliases", "titles"}


def test_article_provenance_and_relay_round_trip():
    text = "Iran denied the report, Anadolu Agency reported on Friday."
    content = Content.of(text, [(12, 22)])
    att = Attribution("q1", "indirect", content, Span.of(text, 5, 11), Speaker(Span.of(text, 0, 4), "Iran"),
                      "deny", "verb", 0.8, via=Span.of(text, 24, 38), said_on="2023-03-03")
    article = Article("x.txt", len(text), (att,), title="Denial", outlet="Gazette", published="2023-03-04",
                      date_method="metadata (m.tsv)", wire="AA")
    data = article.to_dict()
    assert data["attributions"][0]["via"] == {"text": "Anadolu Agency", "start": 24, "end": 38}
    assert Article.from_dict(data) == article


def test_article_reads_schema_1_without_the_new_fields():
    _text, article = _sample()
    data = article.to_dict() | {"schema": "onrecord.article/1"}
    for name in ("url", "title", "outlet", "published", "date_method", "wire", "language"):
        del data[name]
    for att in data["attributions"]:
        del att["via"], att["said_on"]
    assert Article.from_dict(data) == article


def test_article_from_dict_rejects_another_schema():
    _text, article = _sample()
    data = article.to_dict() | {"schema": "other/9"}
    try:
        Article.from_dict(data)
    except ValueError as exc:
        assert "other/9" in str(exc)
    else:
        raise AssertionError("accepted a foreign schema")


def test_article_sentence_holds_content_cue_and_speaker(extractor):
    text = ("The minister spoke in Geneva.\n"
            "Officials said the talks had failed. \"We will try again,\" Maria Ortega said on Friday. Rain fell.")
    article = extractor.extract(text)
    by_content = {a.content.text: a for a in article.attributions}
    talks = by_content["the talks had failed"]
    assert talks.sentence.text == "Officials said the talks had failed."
    quote = next(a for a in article.attributions if "try again" in a.content.text)
    assert quote.sentence.text == "\"We will try again,\" Maria Ortega said on Friday."
    assert text[quote.sentence.start:quote.sentence.end] == quote.sentence.text


def test_article_from_dict_accepts_records_without_sentence():
    _text, article = _sample()
    data = article.to_dict()
    for att in data["attributions"]:
        del att["sentence"]
    assert all(a.sentence is None for a in Article.from_dict(data).attributions)


def test_article_sentence_of_a_continued_quote_stays_in_its_paragraph(extractor):
    # (a second sentence after the cue clause: without it the next paragraph's quote is a second part of the first)
    text = ('"The port will reopen on Monday," harbour master Ines Berg said. The storm shut it in March.\n\n'
            '"We have cleared every berth and the cranes are working again."')
    article = extractor.extract(text)
    follow = next(a for a in article.attributions if "cleared every berth" in a.content.text)
    assert follow.sentence.start > text.index("\n\n")
    assert "cleared every berth" in follow.sentence.text


def test_article_from_dict_reads_the_previous_schema():
    _text, article = _sample()
    data = article.to_dict() | {"schema": "onrecord.article/1"}
    assert Article.from_dict(data) == article


def test_article_mode_of_a_previous_schema_record_is_speech():
    _text, article = _sample()
    data = article.to_dict() | {"schema": "onrecord.article/1"}
    for att in data["attributions"]:
        del att["mode"]
    assert {a.mode for a in Article.from_dict(data).attributions} == {"speech"}


@pytest.mark.parametrize(("mode", "kept"), [("all", 2), ("speech", 1), ("thought", 1)])
def test_article_with_mode_keeps_that_mode_and_its_speakers(extractor, mode, kept):
    text = "Lina Berg said the bridge would close in May. Tom Hale believes the work will take a year."
    article = with_mode(extractor.extract(text), mode)
    assert len(article.attributions) == kept
    assert {a.speaker.actor for a in article.attributions} == {a.id for a in article.actors}


def test_article_from_dict_reads_a_record_without_polarity_as_affirm():
    _text, article = _sample()
    data = article.to_dict() | {"schema": "onrecord.article/1"}
    for att in data["attributions"]:
        del att["polarity"]
    assert all(a.polarity == "affirm" for a in Article.from_dict(data).attributions)


def test_article_events_round_trip_and_default_for_v1():
    from onrecord.article import Event, Participant

    text = "Britain sanctioned Ann Lee."
    ev = Event("e1", "sanction", "impose", "SANCTION", "163", Span.of(text, 8, 18), Participant("United Kingdom",
               "state", Span.of(text, 0, 7)), (Participant("Ann Lee", "person", Span.of(text, 19, 26)),), "done",
               Span.of(text, 0, len(text)), attribution="q1", speaker="Foreign Office")
    article = Article("x.txt", len(text), events=(ev,))
    assert Article.from_dict(article.to_dict()) == article
    v1 = {"schema": "onrecord.article/1", "source": "x", "text_length": 3, "attributions": [], "actors": []}
    assert Article.from_dict(v1).events == ()
