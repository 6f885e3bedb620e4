"""Running an extractor over a PolNeAR split: EvalReport, error file (JSON lines), table and JSON output."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onrecord.article import Article, Attribution, Span, with_mode
from onrecord.evaluate.modes import ModeAccuracy, ModeAgreement, ModeLabel, gold_cue_mode
from onrecord.evaluate.polnear import GoldArticle, Parts, read_split
from onrecord.evaluate.score import (
    MEASURES,
    PRF,
    ArticleMatch,
    Counts,
    count_match,
    has_quote,
    jaccard,
    match_article,
    token_ids,
    token_spans,
)

log = logging.getLogger(__name__)

ExtractMany = Callable[[list[tuple[str, str]]], list[Article]]
_SENT_END = re.compile("[.!?][\"'\u201d\u2019)\\]]*(?=\\s|$)|\n")
CONTEXT_LIMIT = 600
COLUMNS: tuple[tuple[str, str], ...] = (("exact", "content exact"), ("partial", "content partial"),
                                        ("source", "source"), ("cue", "cue"))


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores of one system on one split; ``seconds`` is the extractor's run time alone."""

    split: str
    n_articles: int
    counts: Counts
    seconds: float
    total_seconds: float
    reader_problems: int = 0
    mode: str = "all"
    # with a mode: how the extractor's modes agree with the gold cue classes on all matched pairs
    agreement: ModeAgreement | None = None

    def prf(self, measure: str) -> PRF:
        return self.counts.prf(measure)

    def to_dict(self) -> dict[str, Any]:
        c = self.counts
        out: dict[str, Any] = {"split": self.split, "articles": self.n_articles, "gold": c.n_gold,
                               "predicted": c.n_pred, "seconds": round(self.seconds, 2),
                               "total_seconds": round(self.total_seconds, 2),
                               "reader_problems": self.reader_problems}
        for measure, label in COLUMNS:
            out[label.replace(" ", "_")] = c.prf(measure).to_dict()
        out["quote_recall"] = {"recall": round(c.quote_recall, 4), "hit": c.quote_hit, "gold": c.gold_quote}
        out["nonquote_recall"] = {"recall": round(c.nonquote_recall, 4), "hit": c.nonquote_hit,
                                  "gold": c.gold_nonquote}
        if self.mode != "all":
            out["mode"] = self.mode
        if self.agreement is not None:
            out["mode_agreement"] = self.agreement.to_dict()
        return out


def context_span(text: str, start: int, end: int, limit: int = CONTEXT_LIMIT) -> tuple[int, int]:
    """Expand ``[start, end)`` to the nearest sentence ends (``.!?`` + closing quotes) or newlines."""
    left = max(0, start - limit)
    for m in _SENT_END.finditer(text, left):
        if m.end() > start:
            break
        left = m.end()
    m = _SENT_END.search(text, max(end - 1, start))
    right = min(m.end() if m else len(text), end + limit, len(text))
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _parts_dict(text: str, parts: Parts) -> dict[str, Any] | None:
    if not parts:
        return None
    return {"text": " ".join(text[s:e] for s, e in parts), "start": parts[0][0], "end": parts[-1][1],
            "parts": [list(p) for p in parts]}


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    return span.to_dict() if span is not None else None


def _record(name: str, kind: str, text: str, parts: Parts, best: dict[str, Any] | None,
            speaker: dict[str, Any] | None, cue: dict[str, Any] | None) -> dict[str, Any]:
    start, end = parts[0][0], parts[-1][1]
    c_start, c_end = context_span(text, start, end)
    return {"article": name, "kind": kind, "text": " ".join(text[s:e] for s, e in parts),
            "start": start, "end": end, "parts": [list(p) for p in parts],
            "quote": has_quote(text, parts), "context": text[c_start:c_end],
            "context_start": c_start, "context_end": c_end, "speaker": speaker, "cue": cue,
            "best_overlap": best}


def error_records(article: GoldArticle, pred: Sequence[Attribution],
                  match: ArticleMatch) -> list[dict[str, Any]]:
    """False negatives and false positives of the content partial measure, in text order.

    ``best_overlap`` is the other side's item with the highest token Jaccard (below the threshold or
    already taken by another match), or None if nothing overlaps.
    """
    text = article.text
    gold = article.attributions
    tokens = token_spans(text)
    gold_tok = [token_ids(tokens, g.content) for g in gold]
    pred_parts = [p.content.parts or ((p.content.start, p.content.end),) for p in pred]
    pred_tok = [token_ids(tokens, parts) for parts in pred_parts]
    hit_gold = {g for g, _, _ in match.partial}
    hit_pred = {p for _, p, _ in match.partial}

    def best(mine: frozenset[int], others: list[frozenset[int]],
             others_parts: list[Parts]) -> dict[str, Any] | None:
        scored = [(jaccard(mine, o), i) for i, o in enumerate(others) if mine & o]
        if not scored:
            return None
        j, i = max(scored, key=lambda x: (x[0], -x[1]))
        return {**(_parts_dict(text, others_parts[i]) or {}), "jaccard": round(j, 4)}

    records = []
    for gi, g in enumerate(gold):
        if gi not in hit_gold:
            records.append(_record(article.name, "fn", text, g.content,
                                   best(gold_tok[gi], pred_tok, pred_parts),
                                   _parts_dict(text, g.source), _parts_dict(text, g.cue)))
    gold_parts = [g.content for g in gold]
    for pi, p in enumerate(pred):
        if pi not in hit_pred:
            records.append(_record(article.name, "fp", text, pred_parts[pi],
                                   best(pred_tok[pi], gold_tok, gold_parts),
                                   _span_dict(p.speaker.mention), _span_dict(p.cue)))
    return sorted(records, key=lambda r: (r["start"], r["kind"]))


def evaluate_articles(articles: Sequence[GoldArticle], extract_many: ExtractMany, *,
                      errors_path: str | Path | None = None, split: str = "", mode: str = "all") -> EvalReport:
    """Run ``extract_many`` once over all articles (so it can batch), then score and log errors. With ``mode``
    ``speech`` or ``thought`` only output of that mode is scored, against the gold of that cue class
    (``modes.gold_cue_mode``), and the report says how modes agree on every matched pair."""
    started = time.perf_counter()
    preds = extract_many([(a.name, a.text) for a in articles])
    seconds = time.perf_counter() - started
    if len(preds) != len(articles):
        raise ValueError(f"extract_many returned {len(preds)} articles for {len(articles)} inputs")
    agreement = None
    if mode != "all":
        agreement = sum((mode_agreement(a, p, mode) for a, p in zip(articles, preds)), ModeAgreement())
        articles = [gold_of_mode(a, mode) for a in articles]
        preds = [with_mode(p, mode) for p in preds]
    mismatched = sum(1 for a, p in zip(articles, preds) if p.text_length != len(a.text))
    if mismatched:
        log.warning("%d predicted articles have a text_length different from their input", mismatched)
    counts = Counts()
    errors: list[dict[str, Any]] = []
    for article, pred in zip(articles, preds):
        match = match_article(article.text, article.attributions, pred.attributions)
        counts += count_match(match, len(article.attributions), len(pred.attributions))
        if errors_path is not None:
            errors.extend(error_records(article, pred.attributions, match))
    if errors_path is not None:
        write_jsonl(errors_path, errors)
    return EvalReport(split, len(articles), counts, seconds, time.perf_counter() - started,
                      sum(len(a.problems) for a in articles), mode, agreement)


def evaluate(split_dir: str | Path, extract_many: ExtractMany, *,
             errors_path: str | Path | None = None, mode: str = "all") -> EvalReport:
    """Read the split at ``split_dir``, run ``extract_many`` on it and score it (see ``score``). With ``mode``
    ``speech`` or ``thought`` only output of that mode is scored, against the gold of that cue class
    (``modes.gold_cue_mode``)."""
    started = time.perf_counter()
    articles = read_split(split_dir)
    report = evaluate_articles(articles, extract_many, errors_path=errors_path, split=str(split_dir), mode=mode)
    return dataclasses.replace(report, total_seconds=time.perf_counter() - started)


def gold_of_mode(article: GoldArticle, mode: str) -> GoldArticle:
    """``article`` keeping the gold attributions whose cue class is ``mode``."""
    kept = tuple(g for g in article.attributions if gold_cue_mode(article.text, g) == mode)
    return dataclasses.replace(article, attributions=kept)


def mode_agreement(article: GoldArticle, pred: Article, mode: str) -> ModeAgreement:
    """On every prediction matched to a classed gold attribution (content partial, all modes): how often the
    prediction is of ``mode``, the gold is, and both are."""
    match = match_article(article.text, article.attributions, pred.attributions)
    both = predicted = gold = 0
    for g, p, _ in match.partial:
        cls = gold_cue_mode(article.text, article.attributions[g])
        if cls is None:
            continue
        is_pred, is_gold = pred.attributions[p].mode == mode, cls == mode
        both += is_pred and is_gold
        predicted += is_pred
        gold += is_gold
    return ModeAgreement(both, predicted, gold)


def mode_accuracy(split_dir: str | Path, extract_many: ExtractMany, labels: Sequence[ModeLabel]) -> ModeAccuracy:
    """Mode of the extractor on the hand-labelled gold attributions it finds (content partial match), and of the
    gold-cue classes used by ``--mode``; only the labelled articles are read and extracted."""
    by_article: dict[str, list[ModeLabel]] = {}
    for label in labels:
        by_article.setdefault(label.article, []).append(label)
    articles = [a for a in read_split(split_dir) if a.name in by_article]
    missing = set(by_article) - {a.name for a in articles}
    if missing:
        raise ValueError(f"{split_dir}: labelled articles not in the split: {', '.join(sorted(missing)[:5])}")
    preds = extract_many([(a.name, a.text) for a in articles])
    total = ModeAccuracy(0, 0, 0, 0, 0)
    for article, pred in zip(articles, preds):
        gold = article.attributions
        match = match_article(article.text, gold, pred.attributions)
        found = {g: p for g, p, _ in match.partial}
        for label in by_article[article.name]:
            gi = next((i for i, g in enumerate(gold) if (g.start, g.end) == (label.start, label.end)), None)
            if gi is None:
                raise ValueError(f"{article.name}: no gold attribution covers {label.start}-{label.end}")
            cls = gold_cue_mode(article.text, gold[gi])
            p = found.get(gi)
            total += ModeAccuracy(1, int(p is not None),
                                  int(p is not None and pred.attributions[p].mode == label.mode),
                                  int(cls is not None), int(cls == label.mode))
    return total


def write_jsonl(path: str | Path, records: Iterable[dict[str, Any]]) -> None:
    """Write one JSON object per line (UTF-8, non-ASCII kept)."""
    with Path(path).open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def format_table(reports: Mapping[str, EvalReport]) -> str:
    """Fixed-width table, one row per system: P/R/F1 per measure, quote/non-quote recall, articles, time."""
    head1 = f"{'':<12}" + "".join(f"| {label:<20}" for _, label in COLUMNS) + "| recall        |"
    prf_head = f"| {'P':<6} {'R':<6} {'F1':<6}" * len(COLUMNS)
    head2 = f"{'system':<12}{prf_head}| quote  other  | articles  seconds"
    lines = [head1, head2, "-" * len(head2)]
    for system, report in reports.items():
        cells = "".join("| " + " ".join(f"{v:<6.3f}" for v in (prf.precision, prf.recall, prf.f1))
                        for prf in (report.prf(m) for m in MEASURES))
        c = report.counts
        lines.append(f"{system:<12}{cells}| {c.quote_recall:<6.3f} {c.nonquote_recall:<6.3f} "
                     f"| {report.n_articles:>8} {report.seconds:>8.1f}")
    for system, report in reports.items():
        if report.agreement is not None:
            a = report.agreement
            lines.append(f"{system}: mode {report.mode} on matched pairs: precision {a.precision:.3f} "
                         f"({a.both}/{a.predicted}), recall {a.recall:.3f} ({a.both}/{a.gold})")
    return "\n".join(lines)


def to_json(reports: Mapping[str, EvalReport]) -> str:
    """All reports as one JSON object keyed by system name."""
    return json.dumps({system: report.to_dict() for system, report in reports.items()}, indent=2)
