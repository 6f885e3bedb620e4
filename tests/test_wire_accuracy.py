"""Acceptance on hand-written wire copy (tests/fixtures/wire): speakers and denials (issue #2 targets)."""

from pathlib import Path

import pytest

from onrecord.evaluate.wire import score_directory

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("folder, gold", [("wire", 140), ("wire-heldout", 113)])
def test_wire_accuracy_speaker_and_deny_targets(extractor, folder, gold):
    score = score_directory(FIXTURES / folder, extractor.extract_many)
    figures = score.to_dict()
    assert figures["gold"] == gold
    # at least 9 in 10 attributions found with the right resolved speaker
    assert figures["speaker_accuracy"] >= 0.9, figures
    # deny stance right on at least 9 in 10 denials
    assert figures["deny_accuracy"] >= 0.9, figures
    # and not by flooding: predictions stay close to the gold count
    assert figures["predicted"] <= 1.2 * figures["gold"], figures
