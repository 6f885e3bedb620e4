"""Relays (issue 18): who said it stays the speaker; the outlet, agency, channel or platform it came through is
``via``. Datelines and bylines are never speakers. Sentences written for these tests."""

from __future__ import annotations

import pytest

from onrecord.attribution.relays import is_relay


def _said(article, cue: str):
    return next(a for a in article.attributions if a.cue and a.cue.text == cue)


@pytest.mark.parametrize(("text", "cue", "speaker", "via"), [
    # a trailing "X reported" around a statement of its own
    ("Chile rejected on Tuesday the claims that it had sold the rifles, Anadolu Agency reported.",
     "rejected", "Chile", "Anadolu Agency"),
    ("The harbour master said the port would stay shut, the local newspaper reported.",
     "said", "harbour master", "local newspaper"),
    ("The senator said the vote was delayed, state news agency Bernama reported.", "said", "senator", "Bernama"),
    # "according to" an agency, opening the sentence and holding another speaker
    ("According to Reuters, the finance minister said the tax would be scrapped.", "said", "finance minister",
     "Reuters"),
    # the relay as the addressee of "told"
    ("The general told Sputnik that the convoy had turned back.", "told", "general", "Sputnik"),
    # a platform named where the statement was posted
    ("The ministry said in a statement posted on Telegram that the shelling had hit empty warehouses.", "said",
     "ministry", "Telegram"),
    ("The coach said in an interview with CNN that he would stay.", "said", "coach", "CNN"),
    # a trailing "quoted him as saying" clause with no cue of its own
    ("The envoy said the talks would resume in May, the NHK TV channel quoted him as saying.", "said", "envoy",
     "NHK TV channel"),
])
def test_relays_speaker_kept_and_relay_as_via(run, text: str, cue: str, speaker: str, via: str) -> None:
    a = _said(run(text), cue)
    assert speaker in (a.speaker.name or a.speaker.mention.text)
    assert a.via is not None and a.via.text == via
    assert text[a.via.start:a.via.end] == a.via.text


@pytest.mark.parametrize(("text", "cue", "speaker"), [
    # "according to X" where X made the statement: X stays the speaker and there is no relay
    ("According to the health ministry, the clinic had closed.", "According to", "ministry"),
    # an agency reporting on its own account is the speaker
    ("The mine had flooded overnight, according to IRNA.", "according to", "IRNA"),
    ("The BBC said the studio would close next year.", "said", "BBC"),
    # a named addressee who is no outlet is no relay
    ("The mayor told reporters that the bridge was safe.", "told", "mayor"),
])
def test_relays_no_relay(run, text: str, cue: str, speaker: str) -> None:
    a = _said(run(text), cue)
    assert speaker in (a.speaker.name or a.speaker.mention.text)
    assert a.via is None


@pytest.mark.parametrize(("text", "not_speaker"), [
    ("GENEVA: Three states called on the board to publish the audit.", "GENEVA"),
    ("UNITED NATIONS: Five members urged the council to vote again.", "UNITED NATIONS"),
    ("Harbour row\nBy Jane Doe\nThe mayor said the harbour would reopen.", "Jane Doe"),
])
def test_relays_dateline_or_byline_is_never_a_speaker(run, text: str, not_speaker: str) -> None:
    article = run(text)
    assert article.attributions
    assert all(not_speaker not in (a.speaker.mention.text if a.speaker.mention else "") for a in article.attributions)


@pytest.mark.parametrize(("words", "expected"), [
    ("Anadolu Agency", True), ("state news agency IRNA", True), ("the local newspaper", True),
    ("NHK TV channel", True), ("Telegram", True), ("the mayor", False), ("reporters", False),
    ("Associated Press", True), ("the AP", True), ("APEC", False), ("Monday", False),
    # a regulator or network of people is no medium
    ("the Medicines and Devices Agency", False), ("the International Energy Agency", False),
    ("the smuggling network", False), ("CNN's Wolf Blitzer", False), ("RT America audience", False),
    ("the state news agency", True), ("a local TV station", True),
])
def test_relays_is_relay(words: str, expected: bool) -> None:
    assert is_relay(words) is expected


def test_relays_dateline_credit_is_no_antecedent(run) -> None:
    """'GENEVA, March 3 (Reuters) - The agency said …' gave the statement to Reuters, named only in the credit."""
    a = _said(run("LIMA, June 9 (Reuters) - The agency said the camps were full.\n"), "said")
    assert a.speaker.name != "Reuters"
