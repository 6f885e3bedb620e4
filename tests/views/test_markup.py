"""The markup helpers of the dispute page: which words of a sentence put a statement in its camp."""

import pytest

from onrecord.views.markup import wording

SENTENCE = "The ministry denied that its troops had shelled the town."


@pytest.mark.parametrize("position, marked", [
    ("negate", ["denied"]),
    ("affirm", ["denied"]),        # the cue is always marked; negating words only on the negate side
])
def test_markup_wording_marks_the_cue(position, marked):
    start = 100
    cue = [start + SENTENCE.index("denied"), start + SENTENCE.index("denied") + len("denied")]
    content = [start + SENTENCE.index("its troops"), start + len(SENTENCE) - 1]
    pieces = wording(SENTENCE, start, cue, content, position)
    assert "".join(t for t, _c in pieces) == SENTENCE
    assert [t for t, c in pieces if c.startswith("wording-")] == marked
    assert [t for t, c in pieces if c == "content"] == ["its troops had shelled the town"]


def test_markup_wording_marks_negating_words_on_the_negate_side():
    sentence = '"We never shelled it," he said.'
    pieces = wording(sentence, 0, [sentence.index("said"), sentence.index("said") + 4], [1, 20], "negate")
    assert [t for t, c in pieces if c == "wording-negate"] == ["never", "said"]
    assert wording("", None, None, [0, 0], "affirm") == [("", "")]
