"""Tests for the speech-only convention: gold cue classes, hand labels and mode agreement (issue 19)."""

from __future__ import annotations

import dataclasses

import pytest
from evalhelpers import article, gold, pred

from onrecord.evaluate.modes import ModeAgreement, cue_words_mode, gold_cue_mode, lemmas, read_labels
from onrecord.evaluate.polnear import GoldArticle
from onrecord.evaluate.report import evaluate_articles, gold_of_mode, mode_agreement


@pytest.mark.parametrize(("word", "lemma"), [
    ("said", "say"), ("told", "tell"), ("believes", "believe"), ("planned", "plan"), ("hoping", "hope"),
    ("denied", "deny"), ("worries", "worry"), ("announcing", "announce"), ("wrote", "write"),
])
def test_modes_lemmas_guess_the_lexicon_lemma(word, lemma):
    assert lemma in lemmas(word)


@pytest.mark.parametrize(("cue", "mode"), [
    ("said", "speech"), ("has tweeted", "speech"), ("according to", "speech"), ("spoke about", "speech"),
    ("in a statement", "speech"), ("the poll", "speech"),
    ("believes", "thought"), ("is convinced", "thought"), ("plans", "thought"), ("worried about", "thought"),
    # the first classed word decides: a belief voiced is speech
    ("voiced concern", "speech"),
    # nothing classed
    ("sat", None), ("", None),
])
def test_modes_cue_words_class(cue, mode):
    assert cue_words_mode(cue.lower().split()) == mode


@pytest.mark.parametrize(("text", "content", "cue", "mode"), [
    ("Lena Ortiz said the bridge is safe.", "the bridge is safe", "said", "speech"),
    ("Lena Ortiz fears the bridge is unsafe.", "the bridge is unsafe", "fears", "thought"),
    # a quotation without a classed cue is speech; without either it is in no class
    ('Lena Ortiz, on the bridge: "It is safe."', '"It is safe."', None, "speech"),
    ("Lena Ortiz, on the bridge: it is safe.", "it is safe", None, None),
])
def test_modes_gold_cue_mode(text, content, cue, mode):
    assert gold_cue_mode(text, gold(text, content, cue=cue)) == mode


@pytest.mark.parametrize(("text", "content", "cue", "source", "mode"), [
    # a punctuation cue (an interview transcript, a "Name: words" line) introduces words said
    ("ORTIZ: The bridge is safe.", "The bridge is safe.", ":", "ORTIZ", "speech"),
    ("Ortiz -- the bridge is safe.", "the bridge is safe", "--", "Ortiz", "speech"),
    # a preposition alone takes its source's class: a poll's finding is speech, a view is thought
    ("In a new poll, most voters back the bridge.", "most voters back the bridge", "In", "a new poll", "speech"),
    ("In her view, the bridge is unsafe.", "the bridge is unsafe", "In", "her view", "thought"),
    ("In the town, the bridge is news.", "the bridge is news", "In", "the town", None),
    # answering (or not) a request is no statement, as extraction reads it; answering a question is speech
    ("The mayor did not respond to requests for comment.", "to requests for comment", "did not respond", "The mayor",
     "thought"),
    ("The mayor responded that the bridge is safe.", "that the bridge is safe", "responded", "The mayor", "speech"),
    # an irregular participle of a speech verb
    ("Polls have shown the bridge is popular.", "the bridge is popular", "shown", "Polls", "speech"),
])
def test_modes_gold_cue_mode_from_punctuation_prepositions_and_requests(text, content, cue, source, mode):
    assert gold_cue_mode(text, gold(text, content, cue=cue, source=source)) == mode


def test_modes_read_labels_names_the_bad_line(tmp_path):
    path = tmp_path / "labels.tsv"
    path.write_text("# comment\nalpha\t3\t9\tspeech\nbeta\t1\t4\tmaybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels.tsv: line 3"):
        read_labels(str(path))
    path.write_text("alpha\t3\t9\tthought\n", encoding="utf-8")
    assert [(x.article, x.start, x.end, x.mode) for x in read_labels(str(path))] == [("alpha", 3, 9, "thought")]


TEXT = "Ana Lind said the dam will hold. Ben Ross hopes the rain stops. Cy Moe believes the dam is weak."


def _gold_article() -> GoldArticle:
    return GoldArticle("dam", TEXT, (gold(TEXT, "the dam will hold", cue="said", gid="E1"),
                                     gold(TEXT, "the rain stops", cue="hopes", gid="E2"),
                                     gold(TEXT, "the dam is weak", cue="believes", gid="E3")))


def _predicted():
    said = pred(TEXT, "the dam will hold", cue="said", pid="q1")
    hopes = dataclasses.replace(pred(TEXT, "the rain stops", cue="hopes", pid="q2"), mode="thought")
    # a belief the extractor wrongly calls speech
    believes = pred(TEXT, "the dam is weak", cue="believes", pid="q3")
    return article("dam", TEXT, said, hopes, believes)


def test_modes_gold_of_mode_keeps_that_class():
    assert [g.id for g in gold_of_mode(_gold_article(), "speech").attributions] == ["E1"]
    assert [g.id for g in gold_of_mode(_gold_article(), "thought").attributions] == ["E2", "E3"]


def test_modes_agreement_counts_matched_pairs():
    assert mode_agreement(_gold_article(), _predicted(), "speech") == ModeAgreement(1, 2, 1)
    assert mode_agreement(_gold_article(), _predicted(), "thought") == ModeAgreement(1, 1, 2)


def test_modes_evaluate_speech_scores_speech_output_against_speech_gold():
    report = evaluate_articles([_gold_article()], lambda items: [_predicted()], mode="speech")
    # two speech predictions, one speech gold: the mislabelled belief is a false positive
    assert (report.counts.n_pred, report.counts.n_gold, report.counts.partial) == (2, 1, 1)
    assert report.to_dict()["mode_agreement"]["precision"] == 0.5
    everything = evaluate_articles([_gold_article()], lambda items: [_predicted()])
    assert (everything.counts.n_pred, everything.counts.partial) == (3, 3)
    assert "mode_agreement" not in everything.to_dict()


@pytest.mark.parametrize(("text", "content", "cue", "mode"), [
    ("The clubs agreed to share the ground.", "to share the ground", "agreed", "thought"),
    ("The clubs agreed that the ground was shared.", "the ground was shared", "agreed", "speech"),
    # a quotation makes any cue speech
    ('Ada Moss remembered "a cold, long winter."', '"a cold, long winter."', "remembered", "speech"),
])
def test_modes_gold_cue_mode_intentions_and_quotes(text, content, cue, mode):
    assert gold_cue_mode(text, gold(text, content, cue=cue)) == mode
