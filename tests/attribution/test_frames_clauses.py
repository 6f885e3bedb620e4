"""Reported clauses and quotes: where a content starts and ends, and which cue a quote belongs to."""

import pytest

# (text, [(exact content text, resolved speaker name), ...])
CASES = {
    # a new paragraph after a quote and its cue starts a new quotation with a cue of its own
    "quote-new-paragraph-own-cue": (
        '"The school will stay closed," a district spokeswoman said in a statement.\n\n'
        '"We will not be renewing the contract," county board chair Wilma Ostrander told The Ledger by phone.',
        [("We will not be renewing the contract", "Wilma Ostrander")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_frames_and_clauses(run, name):
    text, expected = CASES[name]
    article = run(text)
    got = [(a.content.text, a.speaker.name) for a in article.attributions]
    for content, speaker in expected:
        assert (content, speaker) in got, f"{name}: {got}"
