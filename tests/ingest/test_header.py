"""The top of a text: headline, dateline, date line, byline and wire credit (sentences written for these tests)."""

from __future__ import annotations

import pytest

from onrecord.ingest.header import datelines, parse_date, read_header, resolve_partial


@pytest.mark.parametrize(("text", "published", "partial", "wire"), [
    # place, month and day, credit in brackets, double dash: no year, so only month and day
    ("Port deal signed\n\nLISBON, July 15 (Xinhua) -- The harbour board said on Friday it had signed.",
     None, (7, 15), "Xinhua"),
    # date and credit without a place
    ("Oct 21 (Reuters) - The ministry said it had no comment on the tender.", None, (10, 21), "Reuters"),
    # a full dateline with a year is a date
    ("Bridge to reopen\nBy Jane Doe\nKYIV, March 3, 2023 — The mayor said the bridge would reopen.",
     "2023-03-03", None, None),
    # the agency between slashes, TASS style
    ("OSLO, October 21. /TASS/. The fisheries office said quotas would fall.", None, (10, 21), "TASS"),
    # place and credit, no date
    ("DENVER (AP) — The governor said the fires were contained.", None, None, "AP"),
    # a date line under the headline
    ("Harbour plan approved\nPublished 2022-10-05\n\nThe council approved the plan.", "2022-10-05", None, None),
    ("Harbour plan approved\nPosted: Oct 5, 2022 10:02 GMT\n\nThe council approved it.", "2022-10-05", None, None),
    # a line that is only a date
    ("October 5, 2022\n\nThe council approved the plan on a show of hands.", "2022-10-05", None, None),
    # no header at all
    ("The council approved the plan on a show of hands, its chair said.", None, None, None),
])
def test_header_dateline_and_date_line(text: str, published: str | None, partial, wire: str | None) -> None:
    header = read_header(text)
    assert (header.published, header.partial, header.wire) == (published, partial, wire)


@pytest.mark.parametrize(("text", "title"), [
    ("Council backs new bridge\n\nThe council voted on Monday to fund the bridge.", "Council backs new bridge"),
    # a headline ending in a full stop, as a paragraph of its own
    ("Mayor Quits Over Budget Row.\n\nThe mayor resigned on Friday.", "Mayor Quits Over Budget Row."),
    # initials and abbreviations are no second sentence
    ("U.S. court weighs port rules\n\nA judge heard the case.", "U.S. court weighs port rules"),
    # a lede's first line (ends with a full stop, no blank line after it) is no title
    ("The mayor resigned on Friday.\nHer office gave no reason for the move.", None),
    # a long first paragraph is a lede
    ("The mayor resigned on Friday after a long dispute with the council over the budget and over the new "
     "bridge, which she had backed for years against the advice of her own party and its treasurer.\n\nMore.",
     None),
    # a quotation opening the text
    ("\"We will not pay,\" the mayor said.\n\nThe council disagreed.", None),
    # a text of one line has no headline
    ("Council backs new bridge", None),
])
def test_header_title_first_line(text: str, title: str | None) -> None:
    assert read_header(text).title == title


def test_header_title_only_for_plain_text() -> None:
    assert read_header("Council backs new bridge\n\nThe council voted.", plain=False).title is None


@pytest.mark.parametrize(("text", "spans"), [
    ("GENEVA: Three states called on the board to act.", ["GENEVA:"]),
    ("NEW DELHI, May 2 (IANS) - The minister said so.", ["NEW DELHI, May 2 (IANS) -"]),
    ("Budget row\nBy Jane Doe\nThe mayor said she would stay.", ["By Jane Doe"]),
    # a sentence opening with a capitalised name and a colon in running text is no dateline
    ("The mayor said: we will stay.", []),
    ("I. The first point is this.", []),
])
def test_header_datelines_spans(text: str, spans: list[str]) -> None:
    assert [text[s:e].rstrip() for s, e in datelines(text)] == spans


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-10-05", "2022-10-05"), ("5 October 2022", "2022-10-05"), ("Wed 5 Oct 2022 10.02 BST", "2022-10-05"),
    ("3 days ago", None), ("Monday", None), ("Oct 5", None),
])
def test_header_parse_date_needs_a_full_date(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(("partial", "reference", "expected"), [
    ((7, 15), "2024-07-20T08:00:00+00:00", "2024-07-15"),
    ((12, 30), "2024-01-02", "2023-12-30"),   # crawled after new year: last year's dateline
    ((2, 29), "2023-03-01", None),            # no 29 February within a year before
])
def test_header_resolve_partial_latest_not_after(partial, reference: str, expected: str | None) -> None:
    assert resolve_partial(partial, reference) == expected
