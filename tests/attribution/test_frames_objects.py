"""Object, preposition and noun frames: where the content of "denied the report", "pointed to the poll",
"her criticism of the plan" starts and ends (boundary conventions of PolNeAR's annotators)."""

import pytest


def _objects(run, text):
    """The contents the object-content rule finds in ``text``."""
    return [a.content.text for a in run(text).attributions if a.rule == "object-content"]


# name: (text, content the extractor must find exactly)
EXACT = {
    "prep-object-as-phrase": (
        "The senator referred to the new tariff as a tax on every family.",
        "the new tariff as a tax on every family"),
    # the medium is where it was said, not what was said
    "object-medium-interview": (
        "The governor praised the new school budget in an interview on Sunday.",
        "the new school budget"),
    "object-medium-twitter": (
        "Jenkins mocked the proposal on Twitter.",
        "the proposal"),
    # an infinitive after an object noun that takes one ("efforts to …") belongs to the object
    "object-noun-infinitive": (
        "The mayor backed calls from local pastors to close the casino.",
        "calls from local pastors to close the casino"),
    # how the object was named or valued is part of what was said about it
    "object-by-name": (
        "The governor did not mention the mayor by name.",
        "the mayor by name"),
    "object-at-value": (
        "The magazine estimated her fortune at $3 billion.",
        "her fortune at $3 billion"),
    # the parser splits a hyphenated object noun into objects of their own
    "object-hyphenated": (
        "The governor endorsed the re-election of the mayor.",
        "the re-election of the mayor"),
    # a preposition phrase the parser hangs on the verb still describes the object of "complained about"
    "prep-object-trailing-prep": (
        "She complained about Smith on the budget.",
        "Smith on the budget"),
    # "asked for N" is a demand, its object what is demanded
    "prep-object-ask-for": (
        "The union asked for a raise of ten percent.",
        "a raise of ten percent"),
    # a light verb with an attitude noun states the attitude; the content is what the attitude is about
    "light-verb-attitude": (
        "The senator expressed concern about the new pipeline.",
        "the new pipeline"),
    "light-verb-owned-words": (
        "The mayor offered his thoughts on the stadium deal.",
        "the stadium deal"),
    # an owned stance is stated whole
    "light-verb-owned-stance": (
        "The governor reiterated his support for the stadium deal.",
        "his support for the stadium deal"),
    # "took aim at", "took issue with": phrasal cues, their prepositional object the content
    "take-aim-at": (
        "The senator took aim at the new tax on diesel.",
        "the new tax on diesel"),
    "take-issue-with": (
        "The mayor took issue with the auditor's report.",
        "the auditor's report"),
    # a non-restrictive relative clause at the end of a noun cue's content is the reporter's aside
    "noun-cue-aside": (
        "The mayor's decision to close the library, which had served the town since 1920, drew protests.",
        "to close the library"),
    # a bracket opened inside the content is closed inside it
    "closing-bracket": (
        "The governor praised Senator Ann Lee (D-Ore).",
        "Senator Ann Lee (D-Ore)"),
    # after a preposition object, a trailing appositive is the reporter's gloss
    "prep-object-appositive": (
        "The senator complained about Dana Smith, the city's chief auditor.",
        "Dana Smith"),
}
# texts in which these frames must find nothing
NOTHING = {
    "take-questions-at": "The governor took questions at the town hall.",
    # a question puts the stance to its subject, it does not report it
    "question-do-you-support": "Do you support the new stadium?",
    "question-will-endorse": "Will the governor endorse the mayor?",
}


@pytest.mark.parametrize("name", sorted(EXACT))
def test_frame_content_boundaries(run, name):
    text, content = EXACT[name]
    got = [a.content.text for a in run(text).attributions]
    assert content in got, got


@pytest.mark.parametrize("name", sorted(NOTHING))
def test_frame_not_a_cue(run, name):
    assert [a.content.text for a in run(NOTHING[name]).attributions] == []


def test_frames_objects_stated_attitude_keeps_the_attitude_in_the_cue(run):
    text = 'The ministers expressed "deep concern" over the expansion of the mine.'
    (a,) = run(text).attributions
    assert a.content.text == "the expansion of the mine"
    assert a.cue.text == 'expressed "deep concern" over' and a.rule == "stated-attitude"


def test_frames_objects_a_participle_naming_a_noun_is_no_judgement(run):
    # "a charity called Open Doors" names the charity; nobody judges anything
    text = "The money went to a charity called Open Doors last winter."
    assert [a.rule for a in run(text).attributions if a.rule == "call-judgement"] == []
    # a subject set off by commas is still a speaker judging ("Ruiz, the treasurer, called the deal unfair")
    (a,) = run("Ruiz, the club's treasurer, called the new lease unfair.").attributions
    assert a.rule == "call-judgement" and a.content.text.startswith("the new lease")


@pytest.mark.parametrize("text, content", [
    ("The two mayors sparred over the transit budget on Monday.", "the transit budget"),
    ("The columnist mused about the governor's chances in the fall.", "the governor's chances in the fall"),
    ("The farmers scoffed at the new water rules.", "the new water rules"),
])
def test_frames_objects_more_verb_preposition_frames(run, text, content):
    assert content in [a.content.text for a in run(text).attributions]


def test_frames_objects_stance_taken_in_a_fixed_phrase(run):
    # "voted in favor of N": N is the content; the verb and the phrase are the cue
    (a,) = run("The council voted in favor of the new parking rules.").attributions
    assert a.content.text == "the new parking rules" and a.cue.text == "voted in favor of"
    (b,) = run("Several pastors spoke out in support of the striking nurses.").attributions
    assert b.content.text == "the striking nurses"


@pytest.mark.parametrize("text, content", [
    ("The report drew attention to the backlog of housing claims.", "the backlog of housing claims"),
    ("The lawmakers pushed back on the plan to close two clinics.", "the plan to close two clinics"),
])
def test_frames_objects_attention_and_push_back(run, text, content):
    assert content in [a.content.text for a in run(text).attributions]


def test_frames_objects_turned_to_is_no_cue_without_attention(run):
    assert [a.content.text for a in run("The ferry turned to the harbor at dusk.").attributions] == []


def test_frames_objects_an_infinitive_on_a_noun_is_the_noun_content(run):
    # "her refusal to endorse N": the infinitive is what the refusal is about, not a stance on N of its own
    got = [(a.rule, a.content.text) for a in run("Her refusal to endorse the tax drew criticism.").attributions]
    assert ("noun-cue", "to endorse the tax") in got and not any(r == "object-content" for r, _ in got)


@pytest.mark.parametrize("text", [
    "The union has pushed for months to reopen the plant.",
    "Those were the rules the coach complained about yesterday.",
])
def test_frames_objects_a_time_is_not_a_preposition_object(run, text):
    assert [a.content.text for a in run(text).attributions if a.rule == "prep-object"] == []


def test_frames_objects_a_person_pronoun_is_a_position_but_it_is_not(run):
    # "endorsed her": the position is on a person; "opposed it" leaves the thing to the sentence that names it
    got = [(a.cue.text, a.content.text) for a in run("The union endorsed her on Monday.").attributions]
    assert ("endorsed", "her") in got
    assert [a.content.text for a in run("The council opposed it.").attributions] == []


@pytest.mark.parametrize("text, source, content", [
    ("New polls showing the governor ahead by six points worried the challenger.", "polls",
     "the governor ahead by six points"),
    ("A new survey that shows the senator behind in Ohio alarmed her staff.", "", "the senator behind in Ohio"),
])
def test_frames_objects_a_finding_participle_on_a_finding_noun(run, text, source, content):
    # "polls showing N", "a survey that shows N": the noun is the one that finds, N is the finding
    got = [(a.speaker.mention.text, a.content.text) for a in run(text).attributions if a.cue.text.startswith("show")]
    assert any(source in s and c == content for s, c in got)


@pytest.mark.parametrize("text, content", [
    ("He labeled them traitors.", "them traitors"),
    ("He deemed the offer an insult.", "the offer an insult"),
])
def test_frames_objects_a_second_object_is_the_judgement(run, text, content):
    # "labeled them traitors" parsed with two direct objects: the one judged and the judgement
    got = [(a.rule, a.content.text) for a in run(text).attributions]
    assert ("call-judgement", content) in got


def test_frames_objects_the_thing_said_about_a_topic(run):
    # "the odd things the mayor said about N": what was said is the noun the relative clause hangs on
    (a,) = [a for a in run("These are the odd things the mayor said about cyclists last spring.").attributions
            if a.rule == "prep-object"]
    assert a.content.text.startswith("the odd things") and "cyclists" in a.content.text


def test_frames_objects_an_inquiry_finds(run):
    # "the inquiry found N": an inquiry, like a poll or a study, reports what it finds
    got = [a.content.text for a in run("An internal inquiry found serious flaws in the billing system.").attributions]
    assert "serious flaws in the billing system" in got


@pytest.mark.parametrize("text", [
    "It is a good time to revisit the parking plan.",
    "There are better ways to voice your anger.",
])
def test_frames_objects_an_occasion_infinitive_is_no_stance(run, text):
    # "a good time to revisit N", "ways to voice N": an occasion for a stance, nobody's stance
    assert _objects(run, text) == []


@pytest.mark.parametrize("text, content", [
    ("Critics painted the council as bigoted.", "the council as bigoted"),
    ("The report described the agency as badly run.", "the agency as badly run"),
])
def test_frames_objects_an_as_judgement_without_a_noun(run, text, content):
    # "painted N as bigoted": the parser reads the judgement as a clause of its own ("as" its marker); it is
    # said of the object and belongs to it
    got = _objects(run, text)
    assert got == [content]


def test_frames_objects_an_as_clause_with_a_subject_is_a_time(run):
    # "praised N as she left": a clause with a subject of its own is when, not what was said
    got = [a.content.text for a in run("The senator praised the mayor as she left the hall.").attributions]
    assert got == ["the mayor"]


def test_frames_objects_a_subjectless_verb_inside_a_that_clause(run):
    # "the worry is that parents opposing N will …": the participle is part of what the clause reports, not a
    # stance of its own; the noun cue takes the whole clause
    got = [(a.rule, a.content.text) for a in run(
        "The worry is that parents opposing the new curriculum will pull their children out.").attributions]
    assert got == [("noun-cue", "that parents opposing the new curriculum will pull their children out")]


@pytest.mark.parametrize("text", [
    "If the council backs the stadium plan, the vote will be close.",
    "The club will fold if the city denies the permit.",
])
def test_frames_objects_a_hypothetical_stance_is_not_reported(run, text):
    # "if the council backs N": a stance that may be taken, not one reported
    assert [a.content.text for a in run(text).attributions if a.rule in ("object-content", "prep-object")] == []


def test_frames_objects_the_rest_of_a_list_hung_on_the_verb(run):
    # "discussed the economy, health care, …": the parser hangs the rest of the list on the verb; it is still
    # what was discussed
    got = _objects(run, "Voters discussed the economy, health care, the environment or immigration.")
    assert got == ["the economy, health care, the environment or immigration"]


@pytest.mark.parametrize("text, content", [
    ("The mayor said little about the budget in recent weeks.", "the budget"),
    ("The coach said almost nothing about the injury.", "the injury"),
])
def test_frames_objects_an_amount_of_talk_about_a_topic(run, text, content):
    # "said little about N": the amount says how much was said; what it was about is the content
    got = _objects(run, text)
    assert got == [content]


@pytest.mark.parametrize("text, raised", [
    ("The mayor is expected to sign the bill, potentially ending the dispute.", "to sign the bill"),
    ("The firm appears to have ties to a rival bank, which denies any link.", "to have ties to a rival bank"),
])
def test_frames_objects_a_raised_infinitive_ends_before_the_reporters_tail(run, text, raised):
    # "is expected to sign N, potentially ending …", "appears to have ties to N, which …": a participle
    # clause or a relative aside after a comma is the reporter's, not what is expected or seems
    (a,) = [a for a in run(text).attributions if a.rule == "raising"]
    assert [text[s:e] for s, e in a.content.parts][-1] == raised


@pytest.mark.parametrize("text, judgement", [
    ("The deal was widely criticized as a giveaway to the banks, which had lobbied hard for it.",
     "as a giveaway to the banks"),
    ("The mayor was hailed as a reformer, a label she rejects.", "as a reformer"),
])
def test_frames_objects_a_passive_judgement_ends_before_an_aside(run, text, judgement):
    # "was criticized as N, which …": the relative or descriptive aside after the judgement is the reporter's
    (a,) = [a for a in run(text).attributions if a.rule == "passive-object"]
    assert [text[s:e] for s, e in a.content.parts][-1] == judgement


@pytest.mark.parametrize("text, named", [
    ("The mayor attacked Ruiz, the city's longtime auditor.", "Ruiz"),
    ("The union endorsed Delgado — the only candidate who visited the plant.", "Delgado"),
])
def test_frames_objects_a_description_after_a_named_object(run, text, named):
    # "attacked Ruiz, the city's auditor": after a name, the comma or dash opens the reporter's description
    got = _objects(run, text)
    assert got == [named]


def test_frames_objects_the_one_spoken_with_is_not_the_topic(run):
    # "discussed the issue with Microsoft": the "with" phrase the parser hangs on the verb names the other
    # party to the talk, not what was discussed
    got = _objects(run, "Ames discussed the issue with Microsoft.")
    assert got == ["the issue"]


def test_frames_objects_an_as_judgement_clause_after_regard(run):
    # "regard N as doomed": the judgement the parser reads as an "as" clause makes the object-as frame too
    got = [(a.rule, a.content.text) for a in run("Analysts regard the plan as doomed.").attributions]
    assert got == [("object-as", "the plan as doomed")]


@pytest.mark.parametrize("text", [
    "\"The harvest was poor,\" said Lena Ortiz, a farmer who backs the new levy.",
    "Tom Reyes, a teacher who supports the mayor, said the schools need more money.",
])
def test_frames_objects_a_speaker_profile_takes_no_stance(run, text):
    # "said Lena Ortiz, a farmer who backs the levy": the relative clause on the speaker's description is the
    # reporter's profile of the speaker
    assert [a for a in run(text).attributions if a.rule in ("object-content", "prep-object")] == []
