"""Metadata files given with --metadata: CSV, TSV and JSONL, columns matched loosely, bad rows named."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import InputError
from onrecord.ingest.metadata import Entry, load, parse

POLNEAR_METADATA = Path("/work/shared/datasets/polnear/metadata.tsv")


@pytest.mark.parametrize(("text", "source", "expected"), [
    # TSV in the columns of a corpus table; the key is the file name without its suffix
    ("filename\tpublisher\tpublication_date\ttitle\twire\n"
     "harbour_2021-05-02_plan\tThe Gazette\t2021-05-02\tHarbour plan passes\tNone\n",
     "corpus/harbour_2021-05-02_plan.txt",
     Entry("2021-05-02", "The Gazette", None, "Harbour plan passes", None, None, None)),
    # CSV keyed by URL
    ("url,date,outlet,language\nhttps://example.org/a,2020-01-31T10:00:00Z,Example News,en\n",
     "dump.jsonl:3", None),
    # JSONL with a full file name
    ('{"file": "b.html", "published": "Tue, 02 Mar 2021 08:00:00 GMT", "site": "Daily Example"}\n',
     "pages/b.html", Entry("2021-03-02T08:00:00+00:00", "Daily Example")),
])
def test_metadata_parse_formats(text: str, source: str, expected: Entry | None) -> None:
    meta = parse(text, "meta")
    assert meta.lookup(source) == expected


def test_metadata_lookup_by_url() -> None:
    meta = parse("url,date,outlet,language\nhttps://example.org/a,2020-01-31,Example News,en\n", "m.csv")
    assert meta.lookup("dump.jsonl:3", "https://example.org/a") == Entry("2020-01-31", "Example News",
                                                                         "https://example.org/a", language="en")


@pytest.mark.parametrize(("text", "problem"), [
    ("outlet,date\nX,2020-01-01\n", "has no file name or URL column"),
    ("file,date\na.txt,the day after\n", "is not an ISO 8601"),
    ('{"file": "a.txt"}\n[1]\n', "is not a JSON object"),
    ("file,date\n", "holds no metadata rows"),
])
def test_metadata_bad_file_one_line_error(text: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        parse(text, "m.csv")


def test_metadata_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such metadata file"):
        load(str(tmp_path / "none.tsv"))


@pytest.mark.skipif(not POLNEAR_METADATA.exists(), reason="PolNeAR is read by path where it is installed")
def test_metadata_polnear_table_loads_as_it_is() -> None:
    meta = load(str(POLNEAR_METADATA))
    entry = meta.lookup("dev/text/breitbart_2016-09-30_the-latest-trump-urges-supporter.txt")
    assert entry is not None and entry.published == "2016-09-30" and entry.outlet == "breitbart"
    assert entry.wire == "AP"
