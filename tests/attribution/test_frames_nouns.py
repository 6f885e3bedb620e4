"""Noun cues and judgements: one invented sentence per construction."""


def _contents(article):
    return [(a.content.text, a.speaker.mention.text if a.speaker.mention else None) for a in article.attributions]


def test_call_judgement_object_hung_on_judgement(run):
    # "called the ruling unfair": the parser makes "the ruling" part of the judgement, with no object
    got = _contents(run("The governor called the ruling unfair."))
    assert ("the ruling unfair", "The governor") in got


def test_call_judgement_what_they_call(run):
    # "what X calls Y": the relative word and the judgement are the content
    text = "The firm was fined for what the auditor calls plain fraud."
    article = run(text)
    hit = [a for a in article.attributions if a.cue and a.cue.text == "calls"]
    assert hit and hit[0].speaker.mention.text == "the auditor"
    assert [text[s:e] for s, e in hit[0].content.parts] == ["what", "plain fraud"]


def test_received_support_from(run):
    # "X drew criticism from Y": the one criticized is the content, the giver the source
    got = _contents(run("The tax proposal drew sharp criticism from rival candidates."))
    assert ("The tax proposal", "rival candidates") in got


def test_won_the_endorsement_of(run):
    got = _contents(run("The senator won the endorsement of the state's largest union."))
    assert ("The senator", "the state's largest union") in got


def test_noun_with_its_preposition(run):
    # "her assessment of the budget": the object of the noun's preposition is the content
    got = _contents(run("In her assessment of the new budget, the treasurer was blunt."))
    assert any(c == "the new budget" for c, _ in got)


def test_seems_with_predicate_adjective(run):
    # "X seemed unperturbed": the subject and the predicate are the (unattributed) impression
    text = "Her supporters seemed equally unperturbed."
    article = run(text)
    hit = [a for a in article.attributions if a.cue and a.cue.text == "seemed"]
    assert hit and [text[s:e] for s, e in hit[0].content.parts] == ["Her supporters", "equally unperturbed"]


def test_in_possessor_view(run):
    # "In X's view, <clause>": the clause is X's opinion
    got = _contents(run("In the mayor's view, the new parking rule would hurt small shops."))
    assert any(c == "the new parking rule would hurt small shops" and s and "mayor" in s for c, s in got)


def test_self_described_label(run):
    got = _contents(run("Jones, a self-described fiscal hawk, voted against the budget."))
    assert any(c == "fiscal hawk" for c, _ in got)


def test_reduced_participle_known_as(run):
    # "the rally known as Freedom Day": the noun and its name are the content, in two parts
    text = "Thousands marched in the annual rally known as Freedom Day."
    article = run(text)
    hit = [a for a in article.attributions if a.cue and a.cue.text == "known"]
    assert hit and [text[s:e] for s, e in hit[0].content.parts][-1] == "Freedom Day"


def test_what_critics_labeled(run):
    # the "what they call Y" frame with another judging verb
    text = "The bank lent money for what critics labeled a giveaway."
    article = run(text)
    hit = [a for a in article.attributions if a.cue and a.cue.text == "labeled"]
    assert hit and [text[s:e] for s, e in hit[0].content.parts] == ["what", "a giveaway"]


def _parts(run, text, cue):
    """The content parts of the attributions cued by ``cue`` in ``text``."""
    return [[text[s:e] for s, e in a.content.parts] for a in run(text).attributions if a.cue and a.cue.text == cue]


def test_raising_auxiliary_seemed_with_participle(run):
    # the parser makes "seemed" an auxiliary of "shaken": the subject and the participle are the impression
    assert _parts(run, "The lawyer seemed shaken by the verdict.", "seemed") == [
        ["The lawyer", "shaken by the verdict"]]


def test_raising_participle_as_clause(run):
    assert _parts(run, "The mayor appeared stunned after the vote.", "appeared") == [
        ["The mayor", "stunned after the vote"]]


def test_raising_relative_and_referential_subjects(run):
    assert _parts(run, "Several donors, who seemed to be losing patience, stayed home.", "seemed") == [
        ["who", "to be losing patience"]]
    assert _parts(run, "The budget row dragged on, and it appeared to stall the talks.", "appeared") == [
        ["it", "to stall the talks"]]


def test_raising_like_and_as_if(run):
    assert _parts(run, "The deal seemed like a long shot.", "seemed") == [["The deal", "like a long shot"]]
    assert _parts(run, "The cabin looked dark, and the trip seemed as if it would never end.", "seemed") == [
        ["the trip", "as if it would never end"]]


def test_it_seems_that_clause(run):
    # expletive "it": nothing is raised, the clause is the impression (no speaker)
    article = run("It appears that the bridge will reopen next month.")
    hit = [a for a in article.attributions if a.cue and a.cue.text == "appears"]
    assert hit and hit[0].content.text == "that the bridge will reopen next month" and hit[0].speaker.mention is None


def test_reduced_stance_participle_with_agent(run):
    # "X, opposed by Y, …": the noun is what the agent takes a stance on; the adverb stays out
    got = _contents(run("The fuel tax, opposed by most farmers, was dropped in May."))
    assert ("The fuel tax", "most farmers") in got
    got = _contents(run("The council scrapped a plan strongly backed by local shop owners."))
    assert ("a plan", "local shop owners") in got
    # a reporting participle states no stance
    assert _contents(run("The figures reported by the agency were late.")) == []


def test_interview_labels_are_not_colon_speakers(run):
    # "A: …" names no one: the reported speech inside the answer is found instead
    got = _contents(run("Q: How did the vote go?\n\nA: Well, the treasurer told us the budget would pass easily."))
    assert got == [("the budget would pass easily", "the treasurer")]


def test_clause_before_colon_is_not_a_speaker(run):
    # "Mayor Lind is furious: …" is a clause, not a name, before the colon
    article = run("Ferry fares rise again.\n\nMayor Lind is furious: the harbor office will not explain the fares.")
    assert not [a for a in article.attributions if a.rule == "colon-line"]


def test_possessor_support_among_group(run):
    # "X's support among Y": the possessor is the one backed, the group is the source
    got = _contents(run("The governor's support among rural voters has slipped since spring."))
    assert ("The governor's", "rural voters") in got


def test_more_adjective_states(run):
    assert ("the new grazing rules", "The farmers") in _contents(run("The farmers are sick of the new grazing rules."))
    assert ("the road closure", "Residents") in _contents(run("Residents were unaware of the road closure."))


def test_passive_accusation_with_its_preposition(run):
    # "X is accused of Y": the one accused and the charge are the content (no speaker named); a formal
    # "charged with" stays an event (test_constructions)
    assert _parts(run, "The clerk is accused of taking bribes from two firms.", "accused") == [
        ["The clerk", "of taking bribes from two firms"]]


def test_colon_line_needs_more_than_a_slogan(run):
    article = run("Hale: Stay the course.\n\nThe county board met on Monday.")
    assert not [a for a in article.attributions if a.rule == "colon-line"]


def test_criticism_over_a_thing(run):
    # "criticism over/about/on X": X is what is criticized, as with "criticism of X"
    got = _contents(run("The minister faced harsh criticism over the late rail contract."))
    assert any(c == "the late rail contract" for c, _ in got)


def test_a_stance_noun_in_a_list_inside_a_preposition_phrase(run):
    # "won with appeals to farmers and attacks on the governor": one item of the reporter's list
    got = [a for a in run("The senator won with appeals to farmers and attacks on the governor.").attributions
           if a.rule == "noun-cue"]
    assert got == []


def test_criticism_received_for_a_reason(run):
    # "X faced criticism for Y" with no giver named: the one criticised and the reason are the content
    assert _parts(run, "The governor has faced criticism for raising taxes on farmers.", "faced criticism") == [
        ["The governor", "for raising taxes on farmers"]]
    # the parser may hang "to the port authority" on the verb: it still ends the reason
    assert _parts(run, "Lind faced criticism for unpaid fees to the port authority in May.", "faced criticism") == [
        ["Lind", "for unpaid fees to the port authority in May"]]


def test_possessive_pronoun_owns_a_noun_cue_after_a_preposition(run):
    # "angered farmers with his claim that …": the verb is not the saying, so the possessive names the source;
    # "kept up her attacks on …" (the noun is the verb's object) stays with the verb's subject
    got = _contents(run("The mayor angered the farmers with his claim that the river was clean."))
    assert ("that the river was clean", "his") in got
    got = _contents(run("The senator kept up her attacks on the ferry contract."))
    assert ("the ferry contract", "The senator") in got


def test_possessive_pronoun_beats_a_relative_subject(run):
    # "a fight that sharpened her view of …": "that" is no holder of the view, the possessive is
    got = _contents(run("It was a fight that sharpened her view of the harbor board."))
    assert ("the harbor board", "her") in got


def test_trailing_show_parsed_as_a_noun(run):
    # "…, county records show." with "show" tagged as a noun: the clause before the comma is what they show
    got = _contents(run("The firm gave $4,000 to the fund in 2012, county records show."))
    assert ("The firm gave $4,000 to the fund in 2012", "county records") in got
    got = _contents(run("The barn was insured for $9,000 in 2014, records show, and the owners say it is worth less."))
    assert ("The barn was insured for $9,000 in 2014", "records") in got


def test_subject_under_a_stance_noun(run):
    # "X came under attack from Y", "X is under scrutiny": X is what the stance is about; Y, when named, the source
    got = _contents(run("The pier project came under attack from anglers over the fees."))
    assert ("The pier project", "anglers") in got
    assert _parts(run, "The harbor deal is under intense scrutiny.", "is under intense scrutiny") == [
        ["The harbor deal"]]


def test_the_attacks_with_no_one_making_them_are_violence(run):
    # "the attacks on the ferry terminal": no one named makes them, a violent act rather than words
    assert not [a for a in run("Nobody was hurt in the attacks on the ferry terminal last night.").attributions
                if a.rule == "noun-cue"]


def test_frames_nouns_a_statement_a_cue_verb_spoke_in_is_no_cue_of_its_own(run):
    # "denied in a statement that …": the parser may hang the that-clause on "statement", but the denial is the
    # attribution, even where the noun's content would run on over a participle gloss the verb's content cuts
    text = ("The airline on Friday denied in a statement that it had cancelled flights to the island, deepening a "
            "row with the tourism board.")
    (a,) = run(text).attributions
    assert (a.cue.text, a.stance) == ("denied", "deny")
    assert a.content.text == "that it had cancelled flights to the island"
