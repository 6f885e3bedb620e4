"""Statement dates: weekday phrases and dates in the attribution's sentence, counted from the publication date."""

from __future__ import annotations

import pytest

from onrecord.article import Attribution, Content, Span, Speaker
from onrecord.attribution.when import date_statements, said_on

# 2023-03-10 is a Friday
FRIDAY = "2023-03-10"


def _attribution(text: str, content: str, cue: str) -> Attribution:
    c = text.index(content)
    q = text.index(cue)
    return Attribution("q1", "indirect", Content.of(text, [(c, c + len(content))]), Span.of(text, q, q + len(cue)),
                       Speaker(None, None), "assert", "test", 0.5, sentence=Span.of(text, 0, len(text)))


@pytest.mark.parametrize(("text", "content", "expected"), [
    ("The mayor said on Monday that the bridge would open.", "the bridge would open", "2023-03-06"),
    ("The mayor said Wednesday that the bridge would open.", "the bridge would open", "2023-03-08"),
    # the day of publication itself
    ("The mayor said on Friday that the bridge would open.", "the bridge would open", "2023-03-10"),
    # "last Friday" in a Friday paper is a week earlier
    ("The mayor said last Friday that the bridge would open.", "the bridge would open", "2023-03-03"),
    ("The mayor told reporters last Thursday the bridge would open.", "the bridge would open", "2023-03-09"),
    ("The mayor said yesterday the bridge would open.", "the bridge would open", "2023-03-09"),
    ("On Tuesday, the mayor said the bridge would open.", "the bridge would open", "2023-03-07"),
    ("The mayor said on March 2 that the bridge would open.", "the bridge would open", "2023-03-02"),
    # a day inside what was said is not when it was said
    ("The mayor said the bridge would open on Monday.", "the bridge would open on Monday", None),
    # a day to come is not when it was said
    ("The mayor, who will speak on Monday, said the bridge would open.", "the bridge would open", None),
    ("The mayor said the bridge would open.", "the bridge would open", None),
    # a weekday in a name or before "night's" is no statement date
    ("On Fox News Sunday the mayor said the bridge would open.", "the bridge would open", None),
    ("Before Monday night's vote the mayor said the bridge would open.", "the bridge would open", None),
])
def test_when_said_on_weekday_phrases(text: str, content: str, expected: str | None) -> None:
    assert said_on(text, _attribution(text, content, "said" if "said" in text else "told"), FRIDAY) == expected


def test_when_undated_article_gives_no_statement_date() -> None:
    text = "The mayor said on Monday that the bridge would open."
    att = _attribution(text, "the bridge would open", "said")
    assert said_on(text, att, None) is None
    assert date_statements(text, (att,), None) == (att,)
