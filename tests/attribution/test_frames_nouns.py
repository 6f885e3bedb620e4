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
