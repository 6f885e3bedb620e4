"""``onrecord eval quotes``: extraction scored against a speech-only quote corpus, split quotes part by part.

The corpus (see :mod:`.quote_gold` for its formats) marks only what was said or written, so extraction is scored
in speech mode by default (``with_mode``): beliefs and plans are not its quotes. Measures, per article, then summed:

- **quote partial** P/R/F1: predicted contents matched one-to-one to gold quotes by token Jaccard >= 0.5 over
  their parts, as the content partial measure of ``eval polnear`` (:func:`.score.match_article`);
- **quote exact, part by part** P/R/F1: every part of a gold quote and every part of a predicted content is one
  unit; a predicted part is right when it equals a gold part after :func:`.score.trim_span` (whitespace, quote
  marks, trailing ``, . : ;``) and without a leading complementizer "that" (PolNeAR's contents keep it, quote
  corpora often do not: "said [that] the pier is safe"), one-to-one. A split quote (``"A," she said, "B."``)
  found as its two parts scores two of two; found as one span running over ``she said`` it scores none, and a
  prediction with only ``A`` scores one;
- **speaker span**: of the matched quotes, those whose predicted speaker mention overlaps the gold one (or both
  have none);
- **resolved speaker**: of the matched quotes whose gold gives a name, those whose predicted speaker name is that
  name or one of its aliases, compared by :func:`name_key` (case, accents, honorifics and titles before the name
  as the ledger strips them, full stops, a leading "the" and initials aside: "Dr. Ines M. Varga" and "Mayor Ines
  Varga" are "Ines Varga"). An unresolved prediction (no name, or only the mention's surname when the gold name
  is longer) is wrong.

All functions but :func:`evaluate` are pure.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from rigour.names import normalize_name, remove_person_prefixes
from rigour.text import ascii_text

from ..article import Article, Attribution, with_mode
from ..ledger.names import strip_titles
from .polnear import GoldArticle, Parts
from .quote_gold import QuoteArticle, read_corpus
from .score import PRF, ArticleMatch, match_article, trim_span

ExtractMany = Callable[[list[tuple[str, str]]], list[Article]]


def name_key(name: str) -> tuple[str, ...]:
    """The words of a name that decide who it is: ascii, lower case, no honorific or title (the ledger's actor name
    drops them), no initials, no leading "the"."""
    words = (normalize_name(ascii_text(remove_person_prefixes(strip_titles(name)))) or "").split()
    if words[:1] == ["the"]:
        words = words[1:]
    return tuple(w for w in words if len(w) > 1)


def same_speaker(predicted: str | None, names: Sequence[str]) -> bool:
    """The predicted resolved name is one of the gold ``names`` (by :func:`name_key`)."""
    key = name_key(predicted) if predicted else ()
    return bool(key) and any(key == name_key(n) for n in names)


_THAT = re.compile(r"that\s+", re.IGNORECASE)


def units(text: str, parts: Parts) -> list[tuple[int, int]]:
    """The parts of a content as units of the exact measure: trimmed, a leading "that" dropped, empty ones dropped."""
    out = []
    for start, end in parts:
        start, end = trim_span(text, start, end)
        if (that := _THAT.match(text, start, end)) is not None:
            start = that.end()
        if start < end:
            out.append((start, end))
    return out


def _pred_parts(a: Attribution) -> Parts:
    return a.content.parts or ((a.content.start, a.content.end),)


@dataclass(frozen=True, slots=True)
class QuoteCounts:
    """Additive tallies over articles; ``+`` sums them."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0          # quote partial
    gold_parts: int = 0
    predicted_parts: int = 0
    exact_parts: int = 0
    split_gold: int = 0       # gold quotes of two or more parts
    split_matched: int = 0
    speaker_span: int = 0     # matched quotes with the speaker mention right
    named: int = 0            # matched quotes whose gold gives a name
    name_right: int = 0
    unresolved: int = 0       # of those named, predictions with no name at all

    def __add__(self, other: QuoteCounts) -> QuoteCounts:
        return QuoteCounts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(QuoteCounts)))

    @property
    def partial(self) -> PRF:
        return PRF(self.matched, self.predicted, self.gold)

    @property
    def exact(self) -> PRF:
        return PRF(self.exact_parts, self.predicted_parts, self.gold_parts)

    def to_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0
        return {"gold": self.gold, "predicted": self.predicted, "split_gold": self.split_gold,
                "quote_partial": self.partial.to_dict(),
                "quote_exact_by_part": {**self.exact.to_dict(), "gold_parts": self.gold_parts,
                                        "predicted_parts": self.predicted_parts},
                "split_quotes_found": {"found": self.split_matched, "gold": self.split_gold,
                                       "recall": ratio(self.split_matched, self.split_gold)},
                "speaker_span": {"right": self.speaker_span, "matched": self.matched,
                                 "accuracy": ratio(self.speaker_span, self.matched)},
                "resolved_speaker": {"right": self.name_right, "named": self.named,
                                     "accuracy": ratio(self.name_right, self.named), "unresolved": self.unresolved}}


def score_article(article: QuoteArticle, pred: Sequence[Attribution]) -> tuple[QuoteCounts, ArticleMatch]:
    """Counts for one article (predictions already filtered to the mode scored) and the partial matching."""
    text, gold = article.text, article.quotes
    match = match_article(text, [q.as_attribution() for q in gold], pred)
    gold_units = Counter(u for q in gold for u in units(text, q.content))
    pred_units = Counter(u for a in pred for u in units(text, _pred_parts(a)))
    pairs = [(gold[g], pred[p]) for g, p, _ in match.partial]
    named = [(q, a) for q, a in pairs if q.names]
    return QuoteCounts(
        gold=len(gold), predicted=len(pred), matched=len(pairs),
        gold_parts=sum(gold_units.values()), predicted_parts=sum(pred_units.values()),
        exact_parts=sum((gold_units & pred_units).values()),
        split_gold=sum(len(q.content) > 1 for q in gold), split_matched=sum(len(q.content) > 1 for q, _ in pairs),
        speaker_span=len(match.source_ok), named=len(named),
        name_right=sum(same_speaker(a.speaker.name, q.names) for q, a in named),
        unresolved=sum(not a.speaker.name for _, a in named)), match


def speaker_errors(article: QuoteArticle, pred: Sequence[Attribution], match: ArticleMatch) -> list[dict[str, Any]]:
    """Matched quotes whose resolved speaker is wrong: the gold names, the predicted name and mention."""
    out = []
    for g, p, _ in match.partial:
        quote, a = article.quotes[g], pred[p]
        if quote.names and not same_speaker(a.speaker.name, quote.names):
            out.append({"article": article.name, "kind": "speaker", "start": quote.content[0][0],
                        "end": quote.content[-1][1],
                        "text": " ".join(article.text[s:e] for s, e in quote.content),
                        "names": list(quote.names), "predicted_name": a.speaker.name,
                        "predicted_mention": a.speaker.mention.text if a.speaker.mention else None})
    return out


@dataclass(frozen=True, slots=True)
class QuoteReport:
    folder: str
    articles: int
    mode: str
    counts: QuoteCounts
    seconds: float
    problems: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"folder": self.folder, "articles": self.articles, "mode": self.mode, **self.counts.to_dict(),
                "seconds": round(self.seconds, 2), "reader_problems": self.problems}


def evaluate(folder: str | Path, extract_many: ExtractMany, *, mode: str = "speech",
             errors: list[dict[str, Any]] | None = None) -> QuoteReport:
    """Read the corpus in ``folder``, extract every text once, keep output of ``mode`` and score it; with
    ``errors``, append every missed quote, spurious prediction and wrong speaker to it."""
    from .report import error_records

    articles = read_corpus(folder)
    started = time.perf_counter()
    preds = extract_many([(a.name, a.text) for a in articles])
    seconds = time.perf_counter() - started
    total = QuoteCounts()
    for article, predicted in zip(articles, preds, strict=True):
        kept = with_mode(predicted, mode).attributions
        counts, match = score_article(article, kept)
        total += counts
        if errors is not None:
            gold = GoldArticle(article.name, article.text, tuple(q.as_attribution() for q in article.quotes))
            errors.extend(error_records(gold, kept, match))
            errors.extend(speaker_errors(article, kept, match))
    return QuoteReport(str(folder), len(articles), mode, total, seconds,
                       sum(len(a.problems) for a in articles))


def format_report(report: QuoteReport) -> str:
    """The figures as a few lines of text."""
    c = report.counts
    p, e = c.partial, c.exact
    lines = [f"{report.folder}: {report.articles} articles, {c.gold} gold quotes ({c.split_gold} split), "
             f"{c.predicted} predicted in {report.mode} mode",
             f"quote partial:             P {p.precision:.3f}  R {p.recall:.3f}  F1 {p.f1:.3f}  "
             f"({c.matched} matched)",
             f"quote exact, part by part: P {e.precision:.3f}  R {e.recall:.3f}  F1 {e.f1:.3f}  "
             f"({c.exact_parts} of {c.gold_parts} gold parts, of {c.predicted_parts} predicted)",
             f"split quotes found: {c.split_matched}/{c.split_gold}",
             f"speaker mention right on matched quotes: {c.speaker_span}/{c.matched}"
             f" = {c.speaker_span / c.matched if c.matched else 0.0:.3f}",
             f"resolved speaker right on matched quotes with a gold name: {c.name_right}/{c.named}"
             f" = {c.name_right / c.named if c.named else 0.0:.3f} ({c.unresolved} unresolved)"]
    if report.problems:
        lines.append(f"annotation problems skipped: {report.problems}")
    return "\n".join(lines)
