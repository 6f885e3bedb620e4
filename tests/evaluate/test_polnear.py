"""Tests for the brat standoff reader on the invented ``fixtures/mini`` split."""

from __future__ import annotations

import logging
from pathlib import Path

from onrecord.evaluate.polnear import GoldAttribution, annotation_files, normalise_parts, parse_ann, read_split


def by_name(split: Path) -> dict:
    return {a.name: a for a in read_split(split)}


def test_reads_every_text_sorted_and_ignores_orphan_annotations(mini_split):
    articles = read_split(mini_split)
    assert [a.name for a in articles] == ["alpha", "beta", "gamma"]
    assert articles[0].text.startswith("Mayor Lena Ortiz said")


def test_annotator_choice(mini_split):
    files = annotation_files(mini_split)
    assert files["alpha"].name == "alpha_a1f0.ann"  # first annotator id, not alpha_b2c3
    assert files["beta"].name == "beta.ann"  # <name>.ann wins over annotator files
    assert "gamma" not in files and "orphan" not in files
    articles = by_name(mini_split)
    assert articles["beta"].annotation == "beta.ann"
    assert articles["beta"].attributions == (GoldAttribution("E1", ((25, 60),), ((10, 14),), ((0, 9),)),)


def test_gold_attributions_of_alpha(mini_split):
    alpha = by_name(mini_split)["alpha"]
    text = alpha.text
    e1, e2, e3, e4 = alpha.attributions
    assert e1 == GoldAttribution("E1", ((33, 70),), ((17, 21),), ((0, 16),))
    assert text[33:70] == "that the new bridge would open in May"
    # discontinuous T line written out of order: parts sorted
    assert e2.id == "E2" and e2.content == ((72, 87), (100, 124))
    assert [text[s:e] for s, e in e2.content] == ['"We are ready,"', '"The steel is in place."']
    assert (e2.start, e2.end) == (72, 124)
    assert text[e2.source[0][0]:e2.source[0][1]] == "Ortiz"
    # Content + Content2 are parts of one content
    assert e3.content == ((146, 156), (157, 169))
    assert text[e3.start:e3.end] == "the budget is too small"
    # Attribution-no-source: cue but no source
    assert e4.source == () and text[e4.cue[0][0]:e4.cue[0][1]] == "was announced"


def test_malformed_lines_are_skipped_and_counted(mini_split, caplog):
    with caplog.at_level(logging.WARNING):
        articles = {a.name: a for a in read_split(mini_split)}
    problems = articles["alpha"].problems
    assert len(problems) == 6
    joined = "\n".join(problems)
    for expected in ("unrecognised 'this line is garbage'", "T18: invalid offsets",
                     "T21: span text does not match",
                     "E5: Content points at missing", "E6: no content", "E7: Source points at missing"):
        assert expected in joined
    # the continuation line of T17 (span text with a newline) and the note line are not problems
    assert not any("T17" in p or "#1" in p or "We are" in p for p in problems)
    assert articles["beta"].problems == ()
    assert articles["gamma"].attributions == () and articles["gamma"].problems == ("no annotation file",)
    assert "7 annotation problems" in caplog.text


def test_parse_ann_never_raises_on_junk():
    text = "Someone said something."
    junk = "\n".join(["", "T1\tContent x y\tfoo", "E2\tAttribution:T9 Content:T9", "E1", "\x00\x01",
                      "T2\tContent 8 4\tbad", "T3\tContent 13 22\tsomething",
                      "E3\tAttribution:T3 Content:T3 Bogus"])
    attributions, problems = parse_ann(junk, text)
    assert attributions == (GoldAttribution("E3", ((13, 22),)),)
    assert len(problems) == 5


def test_crlf_and_whitespace_tolerant_text_check():
    text = "A\nB said it."
    attributions, problems = parse_ann("T1\tContent 0 3\tA\r\nB\r\nE1\tAttribution:T1 Content:T1\r\n", text)
    assert problems == () and attributions[0].content == ((0, 3),)


def test_normalise_parts_merges_overlaps():
    assert normalise_parts([(10, 20), (0, 5), (4, 8), (20, 22)]) == ((0, 8), (10, 22))
