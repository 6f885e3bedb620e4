"""Said or thought: the mode of each attribution, read from quotes and cue words (issue 19)."""

import pytest

# (text, content excerpt, expected mode)
SPEECH = [
    ("The mayor said the pool would reopen in June.", "the pool would reopen", "speech"),
    ("Dara Quint told reporters that the vote was close.", "the vote was close", "speech"),
    ("The ministry announced that fares would rise.", "fares would rise", "speech"),
    ("Senator Alvarez tweeted that the bill was dead.", "the bill was dead", "speech"),
    ("Ivo Marsh wrote that the plan had failed.", "the plan had failed", "speech"),
    ('"We are not leaving," the coach said.', "We are not leaving", "speech"),
    # a quotation is speech whatever its cue
    ('"It cannot last," Nora Fell thought aloud.', "It cannot last", "speech"),
    # a poll or study finding is speech of that body
    ("A new survey found that most tenants favour the rent cap.", "most tenants favour", "speech"),
    ("According to the census office, the town grew by a tenth.", "the town grew", "speech"),
]
THOUGHT = [
    ("Security experts believe the leak came from inside.", "the leak came from inside", "thought"),
    ("Pia Rand thinks the council will back down.", "the council will back down", "thought"),
    ("The union wants the talks to resume.", "the talks to resume", "thought"),
    ("Residents hope the road will be repaired soon.", "the road will be repaired", "thought"),
    ("Farmers fear that the drought will last.", "the drought will last", "thought"),
    ("The campaign plans to open ten offices.", "open ten offices", "thought"),
    ("Analysts expect the bank to cut rates.", "the bank to cut rates", "thought"),
    ("The governor is convinced that the tax will pass.", "the tax will pass", "thought"),
    ("The firm intends to appeal the ruling.", "appeal the ruling", "thought"),
]


def _find(article, excerpt):
    return next(a for a in article.attributions if excerpt in a.content.text)


@pytest.mark.parametrize(("text", "excerpt", "mode"), SPEECH + THOUGHT)
def test_mode_of_cue_and_quote(run, text, excerpt, mode):
    assert _find(run(text), excerpt).mode == mode


@pytest.mark.parametrize(("text", "excerpt", "mode"), [
    # a light verb says a belief aloud: speech
    ("Tenants voiced concern that the heating would fail.", "the heating would fail", "speech"),
    # a noun cue for a held belief or plan: thought
    ("Her belief that the river is safe has never wavered.", "the river is safe", "thought"),
    ("Lee Tran's claim that the report was forged drew anger.", "the report was forged", "speech"),
])
def test_mode_of_noun_cues(run, text, excerpt, mode):
    assert _find(run(text), excerpt).mode == mode


@pytest.mark.parametrize(("text", "excerpt", "mode"), [
    # agreeing, declining or refusing to do something is an intention, not words
    ("The two clubs agreed to share the stadium.", "share the stadium", "thought"),
    ("The minister declined to discuss the budget.", "discuss the budget", "thought"),
    # agreeing that something is so is said
    ("Both parties agreed that the count was fair.", "the count was fair", "speech"),
])
def test_mode_of_intentions_with_an_infinitive(run, text, excerpt, mode):
    assert _find(run(text), excerpt).mode == mode
