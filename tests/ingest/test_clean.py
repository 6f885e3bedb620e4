"""clean(): boilerplate lines and repeated paragraphs removed, nothing else changed, all of it reversible."""

from __future__ import annotations

import re
from importlib import resources

from hypothesis import given
from hypothesis import strategies as st

from onrecord.ingest.clean import MIN_REPEAT_CHARS, clean, is_boilerplate
from onrecord.ingest.document import Document, Removal


def _lines(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _raw(text: str, removals: tuple[Removal, ...]) -> str:
    return Document("t", text, "text", removals=removals).raw_text()


def test_clean_removes_no_comments_and_the_repeated_paragraph(fixtures):
    raw = (fixtures / "blog.txt").read_text(encoding="utf-8")
    text, removals = clean(raw)
    assert text == ("Town hall meeting draws record crowd\n\n"
                    "More than four hundred residents packed the town hall on Tuesday to hear the\n"
                    "plans for the new water treatment plant.\n\n"
                    "\"We need clean water, and we need it before the summer,\" said resident\n"
                    "Carla Mendes, who spoke first.\n\n"
                    "The council will vote on the plans next month.\n\n")
    assert [(r.reason, r.text) for r in removals] == [
        ("repeated-paragraph", "More than four hundred residents packed the town hall on Tuesday to hear the\n"
                               "plans for the new water treatment plant.\n\n"),
        ("boilerplate", "No comments\n\nLeave a comment\n")]
    assert removals[0].at == text.index("The council will vote")
    assert removals[1].at == len(text)
    assert _raw(text, removals) == raw


def test_clean_never_removes_a_boilerplate_line_holding_a_quotation():
    raw = 'He wrote:\n"Share this:"\n“Read more”\nShare this:\n'
    text, removals = clean(raw)
    assert text == 'He wrote:\n"Share this:"\n“Read more”\n'
    assert removals == (Removal(len(text), "Share this:\n", "boilerplate"),)
    assert not is_boilerplate('"No comments," the minister said.')


def test_clean_leaves_prose_that_merely_starts_like_boilerplate():
    prose = ["Share prices fell sharply on Monday.",
             "Advertisement revenue fell by a third, the company said.",
             "Follow-up talks are planned for May.",
             "Comments from the minister were not immediately available.",
             "Read more closely, the report says something else.",
             "No comment was made by the police on Tuesday."]
    raw = "\n".join(prose) + "\n"
    assert clean(raw) == (raw, ())


def test_clean_normalises_crlf_and_counts_offsets_in_the_normalised_text():
    raw = "First paragraph of the story.\r\n\r\nAdvertisement\r\n\r\nLast paragraph of the story.\r\n"
    text, removals = clean(raw)
    assert text == "First paragraph of the story.\n\nLast paragraph of the story.\n"
    assert removals == (Removal(31, "Advertisement\n\n", "boilerplate"),)
    assert _raw(text, removals) == raw.replace("\r\n", "\n")


def test_clean_treats_each_line_as_a_paragraph_when_no_blank_line_separates_them():
    para = "The ministry said the talks would resume next week in Geneva."
    raw = f"{para}\nOfficials gave no further details.\n{para}\nAdvertisement\nThe end of the report."
    text, removals = clean(raw)
    assert text == f"{para}\nOfficials gave no further details.\nThe end of the report."
    assert [r.reason for r in removals] == ["repeated-paragraph", "boilerplate"]
    assert _raw(text, removals) == raw


def test_clean_keeps_short_repeated_paragraphs():
    raw = "* * *\n\nQ: Why?\n\nBecause the river rose overnight.\n\n* * *\n\nQ: Why?\n"
    assert len("Q: Why?") < MIN_REPEAT_CHARS
    assert clean(raw) == (raw, ())


def test_clean_repeats_compare_after_whitespace_normalisation_only():
    first = "The mayor said the budget would be balanced by next spring."
    raw = f"{first}\n\nThe mayor   said the budget would be\nbalanced by next spring.\n\n{first.upper()}\n"
    text, removals = clean(raw)
    assert text == f"{first}\n\n{first.upper()}\n"
    assert [r.reason for r in removals] == ["repeated-paragraph"]


def test_clean_boilerplate_data_file_examples_match_their_own_patterns():
    data = resources.files("onrecord.data").joinpath("boilerplate.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in data.splitlines() if line.strip() and not line.startswith("#")]
    assert len(rows) >= 20
    for row in rows:
        pattern, example = row
        re.compile(pattern)
        assert is_boilerplate(example), (pattern, example)
        assert is_boilerplate(f"  {example.upper()}  ")


LINES = st.one_of(
    st.sampled_from(["No comments", "Share this:", "Advertisement", "  Read more  ", "", "   ", "\t",
                     "The council met on Tuesday to discuss the harbour plan.",
                     '"We will not back down," she said on the steps of the court.',
                     "Short line.", "Leave a comment", "Comments (3)", "Follow us on Twitter"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=60))


@given(st.lists(st.tuples(LINES, st.sampled_from(["\n", "\r\n", "\n\n", "\r\n\r\n", "\r"])), max_size=30),
       st.booleans())
def test_clean_property_raw_text_round_trips_and_keeps_lines_in_order(pieces, trailing):
    raw = "".join(line + sep for line, sep in pieces)
    if not trailing and pieces:
        raw = raw[:-len(pieces[-1][1])]
    text, removals = clean(raw)
    normalised = raw.replace("\r\n", "\n")
    assert _raw(text, removals) == normalised
    assert all(r.reason in ("boilerplate", "repeated-paragraph") and r.text for r in removals)
    assert [r.at for r in removals] == sorted(r.at for r in removals)
    # the cleaned lines are the raw lines with some left out, in the same order and unchanged
    raw_lines = iter(_lines(normalised))
    assert all(any(line == candidate for candidate in raw_lines) for line in _lines(text))
    assert all(r.text.endswith("\n") or r.at == len(text) for r in removals)
