"""Reported clauses and infinitives of cue verbs whose speaker sits away from the verb."""

import pytest

# (text, content excerpt, speaker mention)
CASES = {
    # the infinitive hangs on an adjective: "X was eager to add that …"
    "adjective-infinitive": (
        "Karen Holt was eager to add that the new budget leaves the schools short.",
        "the new budget leaves the schools short", "Karen Holt"),
    "likely-to-stress": (
        "The governor is likely to stress that the tax cuts will pay for themselves.",
        "the tax cuts will pay for themselves", "The governor"),
    # a passive subject is the speaker of the participle in its "after" phrase
    "passive-then-participle": (
        "The adviser was sidelined after arguing that the bridge plan needed more money.",
        "the bridge plan needed more money", "The adviser"),
    # a passive subject is the speaker of a coordinated active verb
    "passive-and-active": (
        "Local officials were angered by the ruling and predicted it would slow the harbor project.",
        "it would slow the harbor project", "Local officials"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_frames_verbs_speaker_away_from_verb(run, name):
    text, excerpt, speaker = CASES[name]
    hits = [a for a in run(text).attributions if excerpt in a.content.text]
    assert hits, f"{name}: no attribution contains {excerpt!r}"
    assert hits[0].speaker.mention is not None and hits[0].speaker.mention.text == speaker


def test_frames_verbs_perfect_asked_is_a_request(run):
    # "has asked X to V" is a request by a named asker, not a reporter's question ("Asked whether …, X said")
    text = "The city council has asked the state court to halt the pipeline work."
    hits = [a for a in run(text).attributions if "to halt the pipeline work" in a.content.text]
    assert hits and hits[0].speaker.mention.text == "The city council"


@pytest.mark.parametrize("text, excerpt", [
    # "recall N": the memory recounted is the content
    ("The mayor recalled the flood that wiped out the old harbor in 1987.", "the flood that wiped out the old harbor"),
    # "remind X of / about N": what they are reminded of
    ("Martha Lund reminded voters of the painful tax hike in the last budget.",
     "the painful tax hike"),
])
def test_frames_verbs_recall_and_remind_of(run, text, excerpt):
    assert any(excerpt in a.content.text for a in run(text).attributions)


def test_frames_verbs_passive_intended_infinitive(run):
    # "N was intended to V": the intention (of unnamed makers) is the subject and the infinitive
    text = "The new levy was intended to punish the largest polluters."
    hits = [a for a in run(text).attributions if "to punish the largest polluters" in a.content.text]
    assert hits and "The new levy" in hits[0].content.text


def test_frames_verbs_passive_asked_infinitive(run):
    # "X was asked to V": a request by someone unnamed; the content is X and the infinitive
    text = "The senator was asked to list three bills she had written."
    hits = [a for a in run(text).attributions if "to list three bills" in a.content.text]
    assert hits and "The senator" in hits[0].content.text


def test_frames_verbs_trailing_cue_without_clause(run):
    # '<clause>, she told reporters.': the parser may attach the cue to the clause's verb instead of the clause to
    # the cue; the clause before the comma is still what she told them
    text = "Clean water for every home matters more than a new stadium and a faster highway, she told reporters."
    hits = [a for a in run(text).attributions if "Clean water for every home matters" in a.content.text]
    assert hits and hits[0].speaker.mention.text == "she" and hits[0].cue.text == "told"
    assert "reporters" not in hits[0].content.text


def test_frames_verbs_source_hung_on_noun_before_comma():
    # "… of his deal, Ion Vasile, 52, said that …" parsed with the name as an appositive of "deal" and no subject
    # for "said": the name right before the cue's comma is the source
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from onrecord.attribution.cues import speaker_head
    words = ["Under", "his", "deal", ",", "Ion", "Vasile", ",", "52", ",", "said", "that", "he", "lied", "."]
    heads = [9, 2, 0, 2, 5, 2, 5, 5, 5, 9, 12, 12, 9, 9]
    deps = ["prep", "poss", "pobj", "punct", "compound", "appos", "punct", "appos", "punct", "ROOT", "mark", "nsubj",
            "ccomp", "punct"]
    pos = ["ADP", "PRON", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "SCONJ", "PRON", "VERB",
           "PUNCT"]
    tags = ["IN", "PRP$", "NN", ",", "NNP", "NNP", ",", "CD", ",", "VBD", "IN", "PRP", "VBD", "."]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, sent_starts=[True] + [False] * 13)
    speaker = speaker_head(doc[9])
    assert speaker is not None and speaker.text == "Vasile"


def _cue_for(run, text, excerpt):
    """The cue of the first attribution whose content holds ``excerpt``, or None."""
    hits = [a for a in run(text).attributions if excerpt in a.content.text]
    return hits[0].cue.text if hits else None


def _cue_of(run, text, content):
    """The cue of the first attribution whose content is exactly ``content``, or None."""
    hits = [a for a in run(text).attributions if a.content.text == content]
    return hits[0].cue.text if hits else None


@pytest.mark.parametrize("text, cue, excerpt", [
    # praise and blame of a person or thing: the object (with what it is credited or blamed for) is the content
    ("The council credited the new librarian with the rise in young readers.", "credited",
     "the new librarian with the rise in young readers"),
    ("The coach chided the referees for a string of missed calls.", "chided", "the referees for a string"),
    ("The audit painted a grim picture of the harbor's finances.", "painted", "a grim picture of the harbor"),
    ("The mayor attributed the drop in crime to the new street lights.", "attributed", "the drop in crime"),
    # beliefs with a clause
    ("Few voters imagined the tiny party would win the seat.", "imagined", "the tiny party would win the seat"),
    ("By noon the candidate realized the race was lost.", "realized", "the race was lost"),
])
def test_frames_verbs_praise_blame_and_belief_cues(run, text, cue, excerpt):
    assert _cue_for(run, text, excerpt) == cue


@pytest.mark.parametrize("text, cue, excerpt", [
    ("On her way in she noticed the side gate was unlocked.", "noticed", "the side gate was unlocked"),
    ("The residents begged the council to keep the pool open.", "begged", "to keep the pool open"),
    ("The minister affirmed her backing for the river treaty.", "affirmed", "her backing for the river treaty"),
    ("The board regretted the long delay in paying the nurses.", "regretted", "the long delay"),
])
def test_frames_verbs_finding_plea_and_regret_cues(run, text, cue, excerpt):
    assert _cue_for(run, text, excerpt) == cue


def _parsed(rows):
    """A Doc with a given parse: rows of (word, head index, dep, pos, tag[, lemma])."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    rows = [r if len(r) == 6 else (*r, r[0].lower()) for r in rows]
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    return Doc(Vocab(), words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), tags=list(tags),
               lemmas=list(lemmas), sent_starts=[True] + [False] * (len(rows) - 1))


def test_frames_verbs_source_of_odd_parses():
    from onrecord.attribution.cues import speaker_head
    # "…, said a former aide to the mayor" with the noun read as the subject of a later verb: the person noun right
    # after an inverted cue is the source
    doc = _parsed([("Rents", 1, "nsubj", "NOUN", "NNS"), ("rose", 3, "ccomp", "VERB", "VBD"),
                   (",", 3, "punct", "PUNCT", ","), ("said", 3, "ROOT", "VERB", "VBD"),
                   ("a", 6, "det", "DET", "DT"), ("former", 6, "amod", "ADJ", "JJ"),
                   ("aide", 7, "nsubj", "NOUN", "NN"), ("left", 3, "ccomp", "VERB", "VBD"),
                   (".", 3, "punct", "PUNCT", ".")])
    assert speaker_head(doc[3]).text == "aide"
    # "…, Dana Reyes, the county clerk, said that …" with the name a conjunct of what comes before and the cue
    # without a subject: the name the appositive describes is the source
    doc = _parsed([("Tired", 9, "advcl", "ADJ", "JJ"), (",", 0, "punct", "PUNCT", ","),
                   ("Dana", 3, "compound", "PROPN", "NNP"), ("Reyes", 0, "conj", "PROPN", "NNP"),
                   (",", 3, "punct", "PUNCT", ","), ("the", 7, "det", "DET", "DT"),
                   ("county", 7, "compound", "NOUN", "NN"), ("clerk", 3, "appos", "NOUN", "NN"),
                   (",", 9, "punct", "PUNCT", ","), ("said", 9, "ROOT", "VERB", "VBD"),
                   ("that", 12, "mark", "SCONJ", "IN"), ("she", 12, "nsubj", "PRON", "PRP"),
                   ("left", 9, "ccomp", "VERB", "VBD"), (".", 9, "punct", "PUNCT", ".")])
    assert speaker_head(doc[9]).text == "Reyes"


@pytest.mark.parametrize("text, cue, excerpt", [
    # intentions and demands that are cues only with a to-infinitive ('pushed the cart' is not one)
    ("The mayor pushed to delay the vote on the stadium.", "pushed", "to delay the vote on the stadium"),
    ("The challenger challenged the governor to publish his tax returns.", "challenged", "to publish his tax returns"),
])
def test_frames_verbs_infinitive_only_push_and_challenge(run, text, cue, excerpt):
    assert _cue_for(run, text, excerpt) == cue
    assert not run("The porters pushed the cart up the ramp.").attributions


@pytest.mark.parametrize("text, cue, excerpt", [
    # the if-clause after "ask" is the question even when the parser reads it as a condition
    ("At the hearing, the judge asked the witness if she had seen the van that night.", "asked",
     "if she had seen the van that night"),
    ("The clerk asked the farmers if they would sell the north field.", "asked", "if they would sell the north field"),
    # a story told: what it is of, or the story itself
    ("He told the story of a nurse in Leeds who worked three jobs.", "told", "a nurse in Leeds who worked three jobs"),
    ("At the fair she told a joke about her first campaign.", "told", "a joke about her first campaign"),
])
def test_frames_verbs_asked_if_and_told_story(run, text, cue, excerpt):
    assert _cue_for(run, text, excerpt) == cue


@pytest.mark.parametrize("text, excerpt", [
    ("The mayor made it clear that the pool would stay closed.", "the pool would stay closed"),
    ("The mayor made clear that the pool would stay closed.", "the pool would stay closed"),
    ("The governor has made no secret of her plans for the port.", "her plans for the port"),
])
def test_frames_verbs_made_clear_and_made_no_mention(run, text, excerpt):
    assert (_cue_for(run, text, excerpt) or "").startswith("made")


def test_frames_verbs_call_with_bare_appositive_judgement():
    # "Okafor called her uncle her hero" parsed with "her hero" as an appositive of the object: with no comma
    # before it, it is the judgement, and "call" is a cue
    from onrecord.attribution.cues import cue_lemma
    doc = _parsed([("Okafor", 1, "nsubj", "PROPN", "NNP"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
                   ("her", 3, "poss", "PRON", "PRP$"), ("uncle", 1, "dobj", "NOUN", "NN"),
                   ("her", 5, "poss", "PRON", "PRP$"), ("hero", 3, "appos", "NOUN", "NN"),
                   (".", 1, "punct", "PUNCT", ".")])
    assert cue_lemma(doc[1]) == "call"
    # with a comma the appositive describes ("called her uncle, a farmer"): a phone call, no judgement
    doc = _parsed([("Okafor", 1, "nsubj", "PROPN", "NNP"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
                   ("her", 3, "poss", "PRON", "PRP$"), ("uncle", 1, "dobj", "NOUN", "NN"),
                   (",", 3, "punct", "PUNCT", ","), ("a", 6, "det", "DET", "DT"),
                   ("farmer", 3, "appos", "NOUN", "NN"), (".", 1, "punct", "PUNCT", ".")])
    assert cue_lemma(doc[1]) is None


@pytest.mark.parametrize("text, cue, excerpt", [
    # cue verbs, not the low-confidence fallback for any verb with a that-clause
    ("The engineers calculated that the bridge could carry twice the load.", "calculated", "the bridge could carry"),
    ("The clerk clarified that the office would stay open on Fridays.", "clarified", "the office would stay open"),
    ("The home team relished the fight with the league over ticket prices.", "relished", "the fight with the league"),
])
def test_frames_verbs_reasoning_and_relish_cues(run, text, cue, excerpt):
    hits = [a for a in run(text).attributions if excerpt in a.content.text]
    assert hits and hits[0].cue.text == cue and hits[0].rule != "generic-complement"


@pytest.mark.parametrize("text, cue, excerpt", [
    ("The coach guessed the storm would pass by noon.", "guessed", "the storm would pass by noon"),
    ("The minister reassured farmers that the subsidy would stay.", "reassured", "the subsidy would stay"),
])
def test_frames_verbs_guess_and_reassure_cues(run, text, cue, excerpt):
    hits = [a for a in run(text).attributions if excerpt in a.content.text]
    assert hits and hits[0].cue.text == cue and hits[0].rule != "generic-complement"


def test_frames_verbs_anonymous_in_the_content_is_no_request_for_anonymity(run):
    # "anonymous" inside what was said is part of it; only a request to stay unnamed drops a content
    text = "Rumours passed around on message boards often carry more weight than an anonymous news report, she said."
    (attr,) = run(text).attributions
    assert attr.cue.text == "said" and "anonymous news report" in attr.content.text
    text = "The pier will close in May, said an official who asked to remain anonymous."
    assert [a.content.text for a in run(text).attributions] == ["The pier will close in May"]


@pytest.mark.parametrize("text, content", [
    ('Couple a long winter with a "ferry that never runs" and islanders get restless, said Ruth Okafor, a '
     'councillor on the island.', 'Couple a long winter with a "ferry that never runs" and islanders get restless'),
    ('The pledge to "fix the pier" and "lower the levy" appeals to older voters who long for a time when the harbour '
     'was busy and the town was full, said Ruth Okafor, a historian at the port museum.',
     'The pledge to "fix the pier" and "lower the levy" appeals to older voters'),
])
def test_frames_verbs_inverted_trailing_cue_with_the_clause_subject_on_the_cue(run, text, content):
    # the parser hangs the clause's subject on the trailing cue as a second subject: the one nearest the cue is
    # the source, the clause before the comma the content
    attr = next(a for a in run(text).attributions if a.cue is not None and a.cue.text == "said")
    assert attr.content.text.startswith(content) and attr.speaker.mention.text.startswith("Ruth Okafor")


@pytest.mark.parametrize("text, question", [
    ("Asked if the pier would close, the mayor said no.", "if the pier would close"),
    ("During the debate the candidate was asked if he would ever raise the levy.",
     "if he would ever raise the levy"),
])
def test_frames_verbs_question_read_as_a_condition_after_asked(run, text, question):
    # after "asked" with no named asker, an if-clause the parser reads as a condition is the question put
    asked = next(a for a in run(text).attributions if a.cue.text.lower() == "asked")
    assert asked.content.text == question


@pytest.mark.parametrize("text, topic", [
    ("Asked at a briefing on Monday about the ferry timetable, the spokesman declined to comment.",
     "the ferry timetable"),
    ("When asked at the town meeting about the levy, she changed the subject.", "the levy"),
])
def test_frames_verbs_asked_about_hung_on_the_setting(run, text, topic):
    # the parser hangs "about" on the noun of the setting ("at a briefing about …"): it is still what was asked
    asked = next(a for a in run(text).attributions if a.cue.text.lower() == "asked")
    assert asked.content.text == topic


def test_frames_verbs_cue_clause_set_before_the_reported_clause(run):
    # "X told Y," before the reported clause, read by the parser as an adverbial of it: the clause is reported,
    # with the words before the cue clause
    text = "And yet every Friday, the former treasurer told the Gazette, the mayor would sign the cheques herself."
    (attr,) = run(text).attributions
    assert attr.cue.text == "told" and attr.speaker.mention.text == "the former treasurer"
    assert [text[s:e] for s, e in attr.content.parts] == ["And yet every Friday",
                                                         "the mayor would sign the cheques herself"]
    # a "when" clause is no cue clause of that kind
    text = "When two firms write a contract, the lawyers usually read it twice."
    assert not [a for a in run(text).attributions if a.cue.text == "write"]


@pytest.mark.parametrize("text, excerpt", [
    # blame without its "for" phrase still names whom or what is blamed
    ("The coach blamed the referees.", "the referees"),
    ("The farmer blamed the flood on the new dam upstream.", "the flood on the new dam upstream"),
])
def test_frames_verbs_blame_with_plain_object(run, text, excerpt):
    assert _cue_of(run, text, excerpt) == "blamed"


@pytest.mark.parametrize("text, excerpt", [
    # the judgement after "as" is an adjective or a participle, which the parser hangs on the verb as a clause
    ("Most residents see the new tax as deeply unfair.", "the new tax as deeply unfair"),
    ("Critics viewed the mayor as driven by ambition.", "the mayor as driven by ambition"),
])
def test_frames_verbs_see_as_adjective(run, text, excerpt):
    assert any(a.content.text == excerpt for a in run(text).attributions)


@pytest.mark.parametrize("text, excerpt", [
    # "see" and "view" in the present state a belief about their object
    ("Many investors see little risk in the merger.", "little risk in the merger"),
    ("The union views the new contract with suspicion.", "the new contract"),
])
def test_frames_verbs_see_in_the_present(run, text, excerpt):
    hits = [a for a in run(text).attributions if a.content.text.startswith(excerpt)]
    assert hits and hits[0].cue.text in ("see", "views")


def test_frames_verbs_saw_is_perception(run):
    # in the past tense "saw" reports what was seen, not a belief
    assert not run("The inspectors saw the damage last week.").attributions


@pytest.mark.parametrize("text, excerpt", [
    # the quoted judgement after the one called, which the parser hangs on nothing or reads as a preposition
    # phrase ("beyond"), or after a relative clause of the object
    ('The treasurer called that "beyond ridiculous."', '"beyond ridiculous.'),
    ('Okafor called the fee that doubled the cost of permits "a quiet tax," but the board disagreed.',
     'the fee that doubled the cost of permits "a quiet tax,'),
])
def test_frames_verbs_call_with_quoted_judgement(run, text, excerpt):
    assert _cue_for(run, text, excerpt) == "called"


def test_frames_verbs_call_a_quoted_meeting_is_no_judgement(run):
    # nothing is called something: the quote is what is convened
    assert not run("The chair has the authority to call a “special session” next week.").attributions


def test_frames_verbs_verb_tagged_as_noun(run):
    # after a long subject the parser tags "support" as a noun, yet gives it a subject and an object
    text = ("Fewer than half of the dockworkers surveyed in the new study released Friday support the proposed "
            "harbor levy.")
    assert _cue_of(run, text, "the proposed harbor levy") == "support"


@pytest.mark.parametrize("text, excerpt", [
    ("The harbor survey puts the mayor's approval at 41 percent.", "the mayor's approval at 41 percent"),
    ("Later counts put the total closer to 900 ballots.", "the total closer to 900 ballots"),
])
def test_frames_verbs_put_a_figure_is_an_estimate(run, text, excerpt):
    assert _cue_of(run, text, excerpt) in ("puts", "put")


def test_frames_verbs_put_at_risk_is_no_estimate(run):
    assert not run("The storm put the harbor at risk for a week.").attributions


@pytest.mark.parametrize("text, cue, excerpt", [
    # a stance taken on the noun a relative clause hangs on: the relative word, or the noun phrase for "that"
    ("The council dropped the harbor levy, which most growers opposed.", "opposed", "which"),
    ("The governor signed the bill that the senator had backed for years.", "backed", "the bill"),
])
def test_frames_verbs_stance_on_a_relative_object(run, text, cue, excerpt):
    hits = [a for a in run(text).attributions if a.cue is not None and a.cue.text == cue]
    assert hits and hits[0].content.text == excerpt


@pytest.mark.parametrize("text, excerpt", [
    ("Ruiz sounded a hopeful note about the harbor plan.", "the harbor plan"),
    ("The auditor sounded the alarm over the missing funds.", "the missing funds"),
])
def test_frames_verbs_sounded_a_note(run, text, excerpt):
    assert _cue_of(run, text, excerpt) == "sounded"


def test_frames_verbs_sounded_without_a_note_is_no_cue(run):
    assert not run("The band sounded great on the harbor stage.").attributions


@pytest.mark.parametrize("text, source", [
    # the parser heads the source on a word of the quoted title inside it
    ('The bridge would cost about $4 billion over a decade, according to the "Roads for all" report she released.',
     'the "Roads for all" report she released'),
    ('The tunnel would take ten years to dig, according to the "Rail for all" study he published.',
     'the "Rail for all" study he published'),
])
def test_frames_verbs_according_to_a_titled_source(run, text, source):
    hits = [a for a in run(text).attributions if a.cue is not None and a.cue.text == "according to"]
    assert hits and hits[0].speaker.mention.text == source


def test_frames_verbs_according_to_parsed_as_the_root(run):
    # the parser makes "According" the root and hangs the clause on the source as an apposition
    text = ("According to a poll by the Moor Group based on census figures, voters who are rural skew older in "
            "Vermont than elsewhere in the region.")
    hits = [a for a in run(text).attributions if a.cue is not None and a.cue.text == "According to"]
    assert hits and hits[0].content.text.startswith("voters who are rural skew older")


def test_frames_verbs_cue_clause_split_off_as_a_sentence():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from onrecord.attribution.trailing import trailing_clause
    # "Rents rose sharply, even downtown, she said." with the sentence ended before the comma: the cue clause is a
    # sentence of its own, and the clause it reports is the one before it
    rows = [("Rents", 1, "nsubj", "NOUN", "NNS"), ("rose", 1, "ROOT", "VERB", "VBD"),
            ("sharply", 1, "advmod", "ADV", "RB"), (",", 1, "punct", "PUNCT", ","),
            ("even", 5, "advmod", "ADV", "RB"), ("downtown", 1, "advmod", "ADV", "RB"),
            (",", 8, "punct", "PUNCT", ","), ("she", 8, "nsubj", "PRON", "PRP"), ("said", 8, "ROOT", "VERB", "VBD"),
            (".", 8, "punct", "PUNCT", ".")]
    words, heads, deps, pos, tags = zip(*rows)
    doc = Doc(Vocab(), words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), tags=list(tags),
              lemmas=[w.lower() if w != "said" else "say" for w in words],
              sent_starts=[i in (0, 6) for i in range(len(rows))])
    got = trailing_clause(doc[8])
    assert got is not None and [doc.text[s:e] for s, e in got[0]] == ["Rents rose sharply , even downtown"]


@pytest.mark.parametrize("text, cue, excerpt", [
    # the parser hangs the that-clause on the last noun of a chain of "of" phrases, as a relative clause
    ("The harbor master noted in the last of a dozen radio bulletins that the barge was carrying fuel and grain "
     "when it ran aground.", "noted", "the barge was carrying fuel and grain"),
    ("The mayor wrote in one of a string of posts that the crew was repairing pumps when the storm hit.", "wrote",
     "the crew was repairing pumps"),
])
def test_frames_verbs_clause_after_a_chain_of_of_phrases(run, text, cue, excerpt):
    assert _cue_for(run, text, excerpt) == cue


def test_frames_verbs_inverted_source_read_as_a_later_subject(run):
    # "…, said a former aide …, who later joined the party Mr. Brandt helped start": the parser takes the source
    # for the subject of "helped start"; the clause before the cue is what was said
    text = ("Rents in the old quarter climbed again last spring, said a former aide to Portugal's Housing Ministry, "
            "Rui Matos, who later joined the small party Mr. Brandt helped start.")
    assert _cue_for(run, text, "Rents in the old quarter climbed again last spring") == "said"


def test_frames_verbs_trailing_cue_with_words_of_the_clause_hung_on_it():
    import spacy
    from spacy.tokens import Doc

    from onrecord.attribution.indirect import _content_parts
    # "The mill has made it easy for crews to work late, she said." with "for crews to work late" hung on the cue:
    # the cue clause starts at the comma before its subject, and the words before it are still the content's
    rows = [("The", 1, "det", "DET", "DT", "the"), ("mill", 3, "nsubj", "NOUN", "NN", "mill"),
            ("has", 3, "aux", "AUX", "VBZ", "have"), ("made", 3, "ROOT", "VERB", "VBN", "make"),
            ("it", 5, "nsubj", "PRON", "PRP", "it"), ("easy", 3, "ccomp", "ADJ", "JJ", "easy"),
            ("for", 13, "mark", "SCONJ", "IN", "for"), ("crews", 13, "nsubj", "NOUN", "NNS", "crew"),
            ("to", 9, "aux", "PART", "TO", "to"), ("work", 13, "advcl", "VERB", "VB", "work"),
            ("late", 9, "advmod", "ADV", "RB", "late"), (",", 13, "punct", "PUNCT", ",", ","),
            ("she", 13, "nsubj", "PRON", "PRP", "she"), ("said", 3, "advcl", "VERB", "VBD", "say"),
            (".", 3, "punct", "PUNCT", ".", ".")]
    words, heads, deps, pos, tags, lemmas = zip(*rows)
    doc = Doc(spacy.blank("en").vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos),
              tags=list(tags), lemmas=list(lemmas), spaces=[True] * 10 + [False, True, True, False, False])
    got = _content_parts(doc[13], "say")
    assert got is not None
    assert [doc.text[s:e] for s, e in got[0]] == ["The mill has made it easy for crews to work late"]


@pytest.mark.parametrize("text, cue, excerpt", [
    # manner-of-speaking verbs report a quote or a clause, and nothing else
    ('"Get back to your office," the senator barked.', "barked", "Get back to your office"),
    ('"We were never consulted," Mayor Ines Cordero fumed on Tuesday.', "fumed", "We were never consulted"),
    ("The pastor proclaimed that the old church would reopen in May.", "proclaimed", "the old church would reopen"),
])
def test_frames_verbs_manner_of_speaking_cues(run, text, cue, excerpt):
    assert _cue_for(run, text, excerpt) == cue


def test_frames_verbs_manner_of_speaking_needs_a_clause_or_quote(run):
    assert run("The dog barked at the mail carrier all morning.").attributions == ()
