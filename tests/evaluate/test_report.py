"""Tests for evaluate(), the errors file, the table and the JSON output, on the invented mini split."""

from __future__ import annotations

import json

import pytest
from evalhelpers import article, pred

from onrecord.article import Article
from onrecord.evaluate.polnear import read_split
from onrecord.evaluate.report import EvalReport, context_span, evaluate, evaluate_articles, format_table, to_json


class FakeExtractor:
    """Hand-made predictions for the mini split; remembers how it was called."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, str]]] = []

    def __call__(self, items: list[tuple[str, str]]) -> list[Article]:
        self.calls.append(items)
        return [self.predict(name, text) for name, text in items]

    @staticmethod
    def predict(name: str, text: str) -> Article:
        if name == "alpha":
            return article(name, text,
                           # E1 minus "that": partial (J 7/8), speaker and cue right
                           pred(text, "the new bridge would open in May", speaker="Ortiz", cue="said"),
                           # E2 as one covering span: exact and partial, no speaker
                           pred(text, '"We are ready," Ortiz said. "The steel is in place."',
                                cue=(94, 98)),
                           # E3 too short: J 2/5, a false positive and E3 a false negative
                           pred(text, "the budget", speaker="The council", cue="believes"))
        if name == "beta":  # J 4/7 with the gold content
            return article(name, text, pred(text, "the road was closed", speaker="Officials", cue="told"))
        return article(name, text)


def test_evaluate_counts_and_batching(mini_split):
    extractor = FakeExtractor()
    report = evaluate(mini_split, extractor)
    assert len(extractor.calls) == 1  # one call with every article, so the extractor can batch
    assert [name for name, _ in extractor.calls[0]] == ["alpha", "beta", "gamma"]
    c = report.counts
    assert (report.n_articles, c.n_gold, c.n_pred) == (3, 5, 4)
    assert (c.exact, c.partial, c.source, c.cue) == (1, 3, 2, 3)
    assert (c.gold_quote, c.quote_hit, c.gold_nonquote, c.nonquote_hit) == (1, 1, 4, 2)
    partial = report.prf("partial")
    assert (partial.precision, partial.recall) == (0.75, 0.6)
    assert report.reader_problems == 7
    assert report.total_seconds >= report.seconds >= 0


def test_errors_file(mini_split, tmp_path):
    path = tmp_path / "errors.jsonl"
    evaluate(mini_split, FakeExtractor(), errors_path=path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(r["article"], r["kind"], r["text"]) for r in records] == [
        ("alpha", "fn", "the budget is too small"),
        ("alpha", "fp", "the budget"),
        ("alpha", "fn", "Delays are expected")]
    fn3, fp, fn4 = records
    sentence = "The council believes the budget is too small, but it will vote anyway."
    assert fn3["parts"] == [[146, 156], [157, 169]] and (fn3["start"], fn3["end"]) == (146, 169)
    assert fn3["context"] == sentence and fp["context"] == sentence
    assert fn3["speaker"]["text"] == "The council" and fn3["cue"]["text"] == "believes"
    assert fn3["best_overlap"] == {"text": "the budget", "start": 146, "end": 156,
                                   "parts": [[146, 156]], "jaccard": 0.4}
    assert fp["best_overlap"]["text"] == "the budget is too small"
    assert fp["speaker"] == {"text": "The council", "start": 125, "end": 136}
    assert fn4["context"] == "Delays are expected, it was announced."
    assert fn4["speaker"] is None and fn4["cue"]["text"] == "was announced" and fn4["best_overlap"] is None
    assert fn3["quote"] is False


def test_no_errors_file_unless_asked(mini_split, tmp_path):
    evaluate(mini_split, FakeExtractor())
    assert list(tmp_path.iterdir()) == []


def test_wrong_number_of_articles_is_an_error(mini_split):
    with pytest.raises(ValueError, match="returned 1 articles for 3 inputs"):
        evaluate_articles(read_split(mini_split), lambda items: [FakeExtractor.predict(*items[0])])


@pytest.mark.parametrize(("needle", "expected"), [
    ("will", 'He said: "We will win."'),
    ("First", "First one."),
    ("one.", "First one."),
    ("line", "Third line"),
    ("Fourth", "Fourth"),
    ('win." Third', 'He said: "We will win." Third line'),
])
def test_context_span(needle, expected):
    text = 'First one. He said: "We will win." Third line\nFourth'
    start = text.index(needle)
    s, e = context_span(text, start, start + len(needle))
    assert text[s:e] == expected


def test_context_span_is_bounded():
    text = "word " * 1000
    s, e = context_span(text, 2500, 2504, limit=100)
    assert s >= 2400 and e <= 2604


def make_report(partial: int, seconds: float) -> EvalReport:
    from onrecord.evaluate.score import Counts
    counts = Counts(n_gold=10, n_pred=8, exact=2, partial=partial, source=3, cue=4,
                    gold_quote=4, quote_hit=3, gold_nonquote=6, nonquote_hit=1)
    return EvalReport("dev", 5, counts, seconds, seconds + 1.0)


def test_format_table():
    table = format_table({"onrecord": make_report(6, 12.34), "textacy": make_report(4, 3.0)})
    lines = table.splitlines()
    assert "content exact" in lines[0] and "content partial" in lines[0] and "cue" in lines[0]
    assert lines[1].startswith("system") and "quote" in lines[1]
    onrecord, textacy = lines[3], lines[4]
    assert onrecord.startswith("onrecord")
    # exact 2/8 2/10; partial 6/8 6/10; source 3/8 3/10; cue 4/8 4/10; quote 3/4, other 1/6
    assert "0.250  0.200  0.222" in onrecord and "0.750  0.600  0.667" in onrecord
    assert "0.750  0.167" in onrecord and onrecord.rstrip().endswith("12.3")
    assert "0.500  0.400  0.444" in textacy
    assert len({len(line) for line in lines[1:]}) == 1  # columns line up


def test_to_json():
    data = json.loads(to_json({"textacy": make_report(4, 3.0)}))
    t = data["textacy"]
    assert t["articles"] == 5 and t["gold"] == 10 and t["predicted"] == 8
    assert t["content_partial"] == {"precision": 0.5, "recall": 0.4, "f1": 0.4444, "tp": 4,
                                    "n_pred": 8, "n_gold": 10}
    assert t["source"]["tp"] == 3 and t["cue"]["recall"] == 0.4
    assert t["quote_recall"] == {"recall": 0.75, "hit": 3, "gold": 4}
    assert t["seconds"] == 3.0
