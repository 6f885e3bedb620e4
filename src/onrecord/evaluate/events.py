"""Score event extraction against hand-labelled articles: precision and recall by (type, agent, each target),
then status, date and target-kind accuracy on what was matched.

Gold files (``name.gold.json`` beside ``name.txt``) give the article's ``published`` day and its ``events``, each
with ``type``, ``agent`` (acceptable names, or null), ``targets`` (name and kind), ``status`` and ``date`` (ISO
day, or a year or month prefix when the text gives no more). Names match after folding (case, accents, dots,
a leading "the") and with countries under one canonical name ("Britain" = "United Kingdom").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..article import Article, Event
from ..errors import InputError
from ..events.dates import resolve
from ..events.participants import fold, state_of

Extract = Callable[[Iterable[tuple[str, str]]], Iterator[Article]]


def name_key(name: str | None) -> str | None:
    if not name:
        return None
    state = state_of(name)
    return fold(state or name)


@dataclass(slots=True)
class EventScore:
    predicted: int = 0            # (type, agent, target) tuples predicted
    gold: int = 0
    matched_predicted: int = 0
    matched_gold: int = 0
    pairs: int = 0                # matched (predicted event, gold event) pairs
    status_right: int = 0
    date_right: int = 0
    kinds: int = 0
    kind_right: int = 0
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0
        return {"predicted": self.predicted, "gold": self.gold, "true_positive_predicted": self.matched_predicted,
                "found_gold": self.matched_gold, "precision": ratio(self.matched_predicted, self.predicted),
                "recall": ratio(self.matched_gold, self.gold), "matched_events": self.pairs,
                "status_accuracy": ratio(self.status_right, self.pairs),
                "date_accuracy": ratio(self.date_right, self.pairs),
                "target_kind_accuracy": ratio(self.kind_right, self.kinds)}


def load_gold(directory: Path) -> list[tuple[Path, str, dict]]:
    out = []
    for gold_path in sorted(directory.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = text_path.read_text(encoding="utf-8")
        except (OSError, ValueError) as exc:
            raise InputError(str(gold_path), f"unreadable gold pair ({exc})") from exc
        if not isinstance(gold, dict) or not isinstance(gold.get("events"), list):
            raise InputError(str(gold_path), "has no \"events\" list")
        out.append((text_path, text, gold))
    return out


def _tuples_of_event(ev: Event) -> list[tuple[str, str | None, str | None, str]]:
    agent = name_key(ev.agent.name) if ev.agent else None
    return [(ev.type, agent, name_key(t.name), t.kind) for t in ev.targets] or [(ev.type, agent, None, "")]


def _tuples_of_gold(g: dict) -> list[tuple[str, frozenset, str | None, str]]:
    agents = frozenset(name_key(a) for a in (g.get("agent") or [None]))
    return [(g["type"], agents, name_key(t["name"]), t.get("kind", "")) for t in g.get("targets") or ()] or [
        (g["type"], agents, None, "")]


def score_article(name: str, gold: dict, article: Article, score: EventScore) -> None:
    published = gold.get("published")
    golds = [(gi, t) for gi, g in enumerate(gold["events"]) for t in _tuples_of_gold(g)]
    preds = [(pi, t) for pi, ev in enumerate(article.events) for t in _tuples_of_event(ev)]
    score.gold += len(golds)
    score.predicted += len(preds)
    used: set[int] = set()
    pairs: set[tuple[int, int]] = set()
    for pi, (ptype, pagent, ptarget, pkind) in preds:
        hit = next((k for k, (gi, (gtype, gagents, gtarget, _gk)) in enumerate(golds) if k not in used
                    and gtype == ptype and gtarget == ptarget and pagent in gagents), None)
        if hit is None:
            score.errors.append({"article": name, "error": "false positive", "type": ptype, "agent": pagent,
                                 "target": ptarget, "sentence": article.events[pi].sentence.text})
            continue
        used.add(hit)
        score.matched_predicted += 1
        gi, gtuple = golds[hit]
        score.kinds += 1
        if gtuple[3] == pkind:
            score.kind_right += 1
        else:
            score.errors.append({"article": name, "error": "target kind", "target": ptarget, "gold": gtuple[3],
                                 "predicted": pkind})
        pairs.add((pi, gi))
    score.matched_gold += len(used)
    for k, (_gi, (gtype, gagents, gtarget, _kind)) in enumerate(golds):
        if k not in used:
            score.errors.append({"article": name, "error": "miss", "type": gtype, "agent": sorted(map(str, gagents)),
                                 "target": gtarget})
    for pi, gi in sorted(pairs):
        ev, g = article.events[pi], gold["events"][gi]
        score.pairs += 1
        if ev.status == g["status"]:
            score.status_right += 1
        else:
            score.errors.append({"article": name, "error": "status", "gold": g["status"], "predicted": ev.status})
        day, _how = resolve(ev, published)
        if day is not None and g.get("date") and day.startswith(str(g["date"])):
            score.date_right += 1
        else:
            score.errors.append({"article": name, "error": "date", "gold": g.get("date"), "predicted": day})


def score_directory(directory: Path, extract_many: Extract) -> EventScore:
    pairs = load_gold(directory)
    if not pairs:
        raise InputError(str(directory), "holds no *.gold.json files")
    score = EventScore()
    articles = extract_many((str(path), text) for path, text, _gold in pairs)
    for (path, _text, gold), article in zip(pairs, articles):
        score_article(path.stem, gold, article, score)
    return score
