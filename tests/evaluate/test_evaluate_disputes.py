"""The dispute benchmark's scoring on hand-built ledger rows (no extraction, no database)."""

import json

from onrecord.evaluate.disputes import Gold, score
from onrecord.ingest.document import Document
from onrecord.ledger.claims import normalise

TEXT_A = "The agency said the firm hid the test results. The firm denied that it hid the test results."
TEXT_B = "The firm hid the test results, a former engineer said. The firm declined to comment."


def _row(i, source, text, content, claim, stance, position, actor, article, story):
    start = text.index(content)
    return {"id": i, "source": source, "content_text": content, "parts": json.dumps([[start, start + len(content)]]),
            "claim_id": claim, "stance": stance, "polarity": "negate" if position == "negate" else "affirm",
            "position": position, "actor_id": actor, "represents": None, "article_id": article, "story_id": story,
            "day": f"2026-01-0{article}", "claim_stance": stance, "claim_link": "new claim",
            "speaker_name": None}


def test_evaluate_disputes_score_gathering_camps_contested_and_stances():
    docs = [Document("a.txt", TEXT_A, "text"), Document("b.txt", TEXT_B, "text")]
    gold = [Gold("a.txt", "the firm hid the test results", "agency", "D", "affirm", "assert"),
            Gold("a.txt", "it hid the test results", "firm", "D", "negate", "deny"),
            Gold("b.txt", "The firm hid the test results", "engineer", "D", "affirm", "assert"),
            Gold("b.txt", "to comment", "firm", None, None, "decline")]
    rows = [_row(1, "a.txt", TEXT_A, "the firm hid the test results", 1, "assert", "affirm", 10, 1, 1),
            _row(2, "a.txt", TEXT_A, "that it hid the test results", 1, "deny", "negate", 11, 1, 1),
            _row(3, "b.txt", TEXT_B, "The firm hid the test results", 2, "assert", "affirm", 12, 2, 2),
            _row(4, "b.txt", TEXT_B, "to comment", None, "decline", None, 11, 2, 2)]
    claims = {1: normalise("the firm hid the test results"), 2: normalise("The firm hid the test results")}
    out = score(docs, gold, rows, claims)
    assert out["gathered"]["D"] == {"statements": 3, "in_largest": 2, "share": 0.667, "strays": 0}
    assert out["camp_accuracy"] == 1.0
    # the only opposite pair is in one document: never contested
    assert out["contested"] == 0
    assert out["deny_precision"] == 1.0 and out["deny_recall"] == 1.0
    assert out["decline_precision"] == 1.0 and out["decline_recall"] == 1.0


def test_evaluate_disputes_strays_count_unrelated_statements_swept_into_a_dispute():
    # the refusal and the dispute's statements in one ledger dispute: gathered 3/3, but one stray
    docs = [Document("a.txt", TEXT_A, "text"), Document("b.txt", TEXT_B, "text")]
    gold = [Gold("a.txt", "the firm hid the test results", "agency", "D", "affirm", "assert"),
            Gold("a.txt", "it hid the test results", "firm", "D", "negate", "deny"),
            Gold("b.txt", "The firm hid the test results", "engineer", "D", "affirm", "assert"),
            Gold("b.txt", "to comment", "firm", None, None, "decline")]
    rows = [_row(1, "a.txt", TEXT_A, "the firm hid the test results", 1, "assert", "affirm", 10, 1, 1),
            _row(2, "a.txt", TEXT_A, "that it hid the test results", 1, "deny", "negate", 11, 1, 1),
            _row(3, "b.txt", TEXT_B, "The firm hid the test results", 1, "assert", "affirm", 12, 2, 2),
            _row(4, "b.txt", TEXT_B, "to comment", 1, "decline", None, 11, 2, 2)]
    out = score(docs, gold, rows, {1: normalise("the firm hid the test results")})
    assert out["gathered"]["D"] == {"statements": 3, "in_largest": 3, "share": 1.0, "strays": 1}
    assert out["strays"] == 1
