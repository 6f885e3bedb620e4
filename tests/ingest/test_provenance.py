"""Provenance settled per Document: metadata, then --date, then the format, then the text; else undated."""

from __future__ import annotations

import pytest

from onrecord.ingest.document import Document, Failure
from onrecord.ingest.metadata import parse
from onrecord.ingest.provenance import UNDATED, describe

META = parse("filename\tpublisher\tpublication_date\ttitle\n"
             "gazette_plan\tThe Gazette\t2021-05-02\tHarbour plan passes\n", "meta.tsv")
DATELINED = "Port deal signed\n\nLISBON, July 15 (Xinhua) -- The harbour board said on Friday it had signed."


def _doc(text: str, fmt: str = "text", source: str = "gazette_plan.txt", **kw) -> Document:
    return Document(source, text, fmt, **kw)


@pytest.mark.parametrize(("doc", "metadata", "run_date", "expected"), [
    # the user's metadata wins over everything
    (_doc("Budget row\n\nThe mayor spoke.", published="2020-01-01", date_method="html-meta"), META, "2022-02-02",
     ("2021-05-02", "metadata (meta.tsv)")),
    # then the date given for the run
    (_doc("Budget row\n\nThe mayor spoke.", published="2020-01-01", date_method="html-meta", source="x.txt"),
     META, "2022-02-02", ("2022-02-02", "given for the run (--date)")),
    # then the format's own metadata
    (_doc("Budget row\n\nThe mayor spoke.", published="2020-01-01", date_method="html-meta"), None, None,
     ("2020-01-01", "html-meta")),
    # then a date line in the text
    (_doc("Budget row\nPublished 2022-10-05\n\nThe mayor spoke."), None, None,
     ("2022-10-05", "date line (published)")),
    # a dateline without a year: undated, and the method says why
    (_doc(DATELINED), None, None, (None, "undated: dateline 'July 15' gives no year")),
    # ... unless a crawl date gives the year
    (_doc(DATELINED, fmt="warc", published="2024-07-20T08:00:00+00:00", date_method="warc-date"), None, None,
     ("2024-07-15", "dateline 'July 15', year from the crawl date 2024-07-20")),
    # nothing at all: undated, never today
    (_doc("The mayor spoke at length about the budget."), None, None, (None, UNDATED)),
])
def test_provenance_date_order(doc: Document, metadata, run_date, expected) -> None:
    out = describe(doc, metadata, run_date)
    assert (out.published, out.date_method) == expected


def test_provenance_title_outlet_wire_from_metadata_and_text() -> None:
    out = describe(_doc(DATELINED, source="elsewhere.txt"))
    assert (out.title, out.site, out.wire) == ("Port deal signed", None, "Xinhua")
    out = describe(_doc(DATELINED), META)
    assert (out.title, out.site, out.wire) == ("Harbour plan passes", "The Gazette", "Xinhua")


def test_provenance_html_title_not_replaced_by_first_line() -> None:
    out = describe(_doc("Budget row\n\nThe mayor spoke.", fmt="html", title="Page title"))
    assert out.title == "Page title"


def test_provenance_failure_passes_through() -> None:
    failure = Failure("a.txt", "no article text found")
    assert describe(failure, META) is failure
