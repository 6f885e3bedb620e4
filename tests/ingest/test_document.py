"""Document, Removal and Failure: the records ingest hands on."""

from __future__ import annotations

import dataclasses

import pytest

from onrecord.ingest.document import Document, Failure, Removal


def test_document_raw_text_inserts_removals_in_order_even_at_one_offset():
    doc = Document("x.txt", "Alpha\nOmega\n", "text",
                   removals=(Removal(6, "Advertisement\n", "boilerplate"),
                             Removal(6, "Alpha\n", "repeated-paragraph"),
                             Removal(12, "No comments\n", "boilerplate")))
    assert doc.raw_text() == "Alpha\nAdvertisement\nAlpha\nOmega\nNo comments\n"


def test_document_raw_text_without_removals_is_the_text():
    assert Document("x.txt", "Just text.", "text").raw_text() == "Just text."


def test_document_records_are_frozen_and_slotted():
    doc = Document("x.txt", "t", "text")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "other"  # type: ignore[misc]
    assert not hasattr(doc, "__dict__")
    assert not hasattr(Failure("x", "y"), "__dict__")
    assert [f.name for f in dataclasses.fields(Document)] == [
        "source", "text", "format", "url", "title", "author", "site", "published", "date_method", "removals",
            "wire", "language"]
