"""Near-duplicate detection: a republished wire story is one story, a different article is not."""

from onrecord.ledger.stories import SAME_STORY, bands, resemblance, signature

STORY = ("Ukraine accused Russia on Monday of laying sea mines in the shipping lane that carries grain from its "
         "southern ports. Ukrainian navy spokesman Maksym Kovalenko said Russian warships had laid mines in the "
         "grain corridor overnight, forcing two cargo vessels to turn back. Russia's defence ministry denied it.")


def test_stories_republished_copy_is_the_same_story():
    copy = "By Staff Writer\n\n" + STORY.replace("Monday", "Monday morning") + "\n\nReporting by the wire desk."
    a, b = signature(STORY), signature(copy)
    assert resemblance(a, b) >= SAME_STORY
    assert set(bands(a)) & set(bands(b))


def test_stories_other_article_is_not():
    other = ("Wheat futures rose three percent on Tuesday as ships waited outside Black Sea ports, traders said, "
             "and analysts expected the rise to continue if the corridor stayed closed for another week.")
    assert resemblance(signature(STORY), signature(other)) < 0.2


def test_stories_signature_is_stable_and_empty_for_no_words():
    assert signature(STORY) == signature(STORY)
    assert signature("   ") == b""
    assert bands(b"") == []
    assert len(signature("Two words")) == 256
