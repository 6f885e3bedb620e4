"""Attribution metrics: greedy one-to-one matching of predicted to gold contents, counts and P/R/F1.

All functions are pure. Per article, gold and predicted attributions are matched one-to-one, best
overlap first (``greedy_match``), separately for each content measure:

- content exact: the *covering* spans (first part start .. last part end) are equal after
  ``trim_span`` on both sides. Multi-part contents are compared by their covering span, not part by
  part: the gold edges decide, and whatever interrupts the parts (``"A," he said, "B."``) is inside
  both covering spans, so a prediction that emits one span over both quotes still counts as exact;
- content partial: token Jaccard >= 0.5, tokens being maximal non-whitespace runs of the article
  text identified by offsets; a token belongs to a content if it overlaps one of its *parts* (so the
  interrupting ``he said`` is not part of a multi-part content here);
- source: among the partial matches, the predicted speaker mention overlaps the gold Source (or both
  are absent); cue: likewise for the cue span. Both are counted against all predictions and all gold,
  so their F1 never exceeds the content partial F1;
- quote / non-quote recall: partial recall over the gold contents that contain a quotation mark
  (``has_quote``) and over those that do not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

from onrecord.article import Attribution
from onrecord.evaluate.polnear import GoldAttribution, Parts

QUOTES = "\"'\u201c\u201d\u2018\u2019"  # straight and curly, double and single
TRAILING_PUNCT = ",.:;"
PARTIAL_THRESHOLD = 0.5
_QUOTE_MARK = re.compile("[\"\u201c\u201d]|(?<!\\w)['\u2018\u2019]")
_TOKEN = re.compile(r"\S+")


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)``: leading whitespace/quote marks, trailing whitespace/quote marks/``,.:;``."""
    while start < end and (text[start].isspace() or text[start] in QUOTES):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTES + TRAILING_PUNCT):
        end -= 1
    return start, end


def token_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the maximal non-whitespace runs of ``text``, in order."""
    return tuple(m.span() for m in _TOKEN.finditer(text))


def token_ids(tokens: Sequence[tuple[int, int]], parts: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens overlapping any of ``parts`` (``tokens`` as from ``token_spans``)."""
    starts = [s for s, _ in tokens]
    ids: set[int] = set()
    for start, end in parts:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        while i < len(tokens) and tokens[i][0] < end:
            if tokens[i][1] > start:
                ids.add(i)
            i += 1
    return frozenset(ids)


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """|a ∩ b| / |a ∪ b|; 0.0 when both are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def overlaps(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    """True when some part of ``a`` shares at least one character with some part of ``b``."""
    b = tuple(b)
    return any(max(s1, s2) < min(e1, e2) for s1, e1 in a for s2, e2 in b)


def has_quote(text: str, parts: Iterable[tuple[int, int]]) -> bool:
    """A double quote mark (straight or curly) or an opening single one (not after a word character).

    Apostrophes (``don't``, ``Clinton’s``, ``voters’``) do not count. On PolNeAR dev this flags 33.4%
    of the gold contents.
    """
    return any(_QUOTE_MARK.search(text[s:e]) for s, e in parts)


def greedy_match(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) pairs from (score, gold, pred) candidates, highest score first.

    Ties go to the lower gold index, then the lower prediction index.
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def _mention_parts(span: object | None) -> Parts:
    return ((span.start, span.end),) if span is not None else ()  # type: ignore[attr-defined]


def role_ok(gold: Parts, pred: Parts) -> bool:
    """The predicted role span overlaps the gold one, or both are absent."""
    return overlaps(gold, pred) if gold and pred else not gold and not pred


@dataclass(frozen=True, slots=True)
class ArticleMatch:
    """The matching of one article: pairs per measure, the per-pair Jaccard and the role checks."""

    exact: tuple[tuple[int, int], ...]
    partial: tuple[tuple[int, int, float], ...]
    source_ok: tuple[tuple[int, int], ...]
    cue_ok: tuple[tuple[int, int], ...]
    quote: tuple[bool, ...]


def match_article(text: str, gold: Sequence[GoldAttribution], pred: Sequence[Attribution]) -> ArticleMatch:
    """Match the predictions of one article to its gold attributions (indices into both sequences)."""
    tokens = token_spans(text)
    gold_tokens = [token_ids(tokens, g.content) for g in gold]
    pred_tokens = [token_ids(tokens, p.content.parts or ((p.content.start, p.content.end),)) for p in pred]
    gold_trim = [trim_span(text, g.start, g.end) for g in gold]
    pred_trim = [trim_span(text, p.content.start, p.content.end) for p in pred]
    exact = greedy_match((1.0, gi, pi) for gi, gt in enumerate(gold_trim)
                         for pi, pt in enumerate(pred_trim) if gt == pt)
    scores = {(gi, pi): jaccard(gt, pt) for gi, gt in enumerate(gold_tokens)
              for pi, pt in enumerate(pred_tokens) if gt & pt}
    partial = greedy_match((j + (1e-9 if gold_trim[gi] == pred_trim[pi] else 0.0), gi, pi)
                           for (gi, pi), j in scores.items() if j >= PARTIAL_THRESHOLD)
    source_ok = tuple((g, p) for g, p in partial
                      if role_ok(gold[g].source, _mention_parts(pred[p].speaker.mention)))
    cue_ok = tuple((g, p) for g, p in partial if role_ok(gold[g].cue, _mention_parts(pred[p].cue)))
    return ArticleMatch(tuple(exact), tuple((g, p, scores[g, p]) for g, p in partial), source_ok,
                        cue_ok, tuple(has_quote(text, g.content) for g in gold))


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from true positives against prediction and gold counts."""

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "n_pred": self.n_pred, "n_gold": self.n_gold}


@dataclass(frozen=True, slots=True)
class Counts:
    """Additive tallies over articles; ``+`` sums them."""

    n_gold: int = 0
    n_pred: int = 0
    exact: int = 0
    partial: int = 0
    source: int = 0
    cue: int = 0
    gold_quote: int = 0
    quote_hit: int = 0
    gold_nonquote: int = 0
    nonquote_hit: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)))

    def prf(self, measure: str) -> PRF:
        """``measure`` is one of exact, partial, source, cue."""
        return PRF(getattr(self, measure), self.n_pred, self.n_gold)

    @property
    def quote_recall(self) -> float:
        return self.quote_hit / self.gold_quote if self.gold_quote else 0.0

    @property
    def nonquote_recall(self) -> float:
        return self.nonquote_hit / self.gold_nonquote if self.gold_nonquote else 0.0


MEASURES: tuple[str, ...] = ("exact", "partial", "source", "cue")


def count_match(match: ArticleMatch, n_gold: int, n_pred: int) -> Counts:
    """Tally one article's matching."""
    hit = {g for g, _, _ in match.partial}
    quote_hit = sum(1 for g in hit if match.quote[g])
    n_quote = sum(match.quote)
    return Counts(n_gold, n_pred, len(match.exact), len(match.partial), len(match.source_ok),
                  len(match.cue_ok), n_quote, quote_hit, n_gold - n_quote, len(hit) - quote_hit)


def score_article(text: str, gold: Sequence[GoldAttribution], pred: Sequence[Attribution]) -> Counts:
    """Counts for one article."""
    return count_match(match_article(text, gold, pred), len(gold), len(pred))
