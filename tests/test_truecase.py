"""Title-case headlines are re-cased from the article's own usage before parsing; offsets never move."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from onrecord.nlp import load, parse
from onrecord.truecase import recase

BODY = "\n\nThe mayor said on Monday that the budget plan was a disgrace. Ruth Okafor leads the council."


def test_truecase_title_line_lowers_the_words_the_article_writes_in_lower_case():
    text = "Mayor Slams Budget Plan As A Disgrace, Ruth Okafor Says" + BODY
    assert recase(text).splitlines()[0] == "Mayor slams budget plan as a disgrace, Ruth Okafor says"


@pytest.mark.parametrize("text", [
    "The mayor said the budget plan was a disgrace." + BODY,      # a sentence-case headline
    "NATO And EU" + BODY,                                            # too few words to judge
    "Ruth Okafor" + BODY,
    "",
])
def test_truecase_text_without_a_title_line_is_returned_as_it_is(text):
    assert recase(text) is text


def test_truecase_names_acronyms_and_unknown_words_keep_their_capitals():
    # "Base" is neither in the article nor a function word or cue: it is left as it is
    text = "Council Backs Okafor Over NATO Base In McAllen" + BODY
    assert recase(text).splitlines()[0] == "Council backs Okafor over NATO Base in McAllen"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("AaBbİıẞß ÅåΣσς\n'’-:,."), max_size=80))
def test_truecase_changes_case_only_and_keeps_every_offset(text):
    cased = recase(text)
    assert len(cased) == len(text)
    assert cased.lower() == text.lower() or all(
        a == b or a.lower() == b.lower() for a, b in zip(cased, text))


def test_truecase_parse_restores_the_original_words_with_the_recased_analysis():
    text = "Mayor Slams Budget Plan As A Disgrace" + BODY
    doc = parse(load(), text)
    assert doc.text == text
    slams = next(t for t in doc if t.text == "Slams")
    assert slams.pos_ == "VERB" and slams.lemma_ == "slam"


def test_truecase_headline_attribution_is_found(run):
    article = run("Minister Denies Report Of Troop Build-Up Near Border" + BODY)
    (a,) = [a for a in article.attributions if a.cue.text == "Denies"]
    assert a.content.text == "Report Of Troop Build-Up Near Border"
    assert a.stance == "deny" and a.speaker.mention.text == "Minister"
