"""Score extraction against hand-labelled wire copy: attribution found, speaker resolved, stance right.

Gold files (``NN-name.gold.json`` beside ``NN-name.txt``) list each attribution by a verbatim excerpt of its
content, the speaker's canonical name (plus acceptable aliases), its stance and kind. A gold attribution is
found when a predicted content contains the excerpt; its speaker is right when the predicted resolved name
equals the canonical name or an alias (case-insensitive), or when one contains the other as whole words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..article import Article


@dataclass(slots=True)
class WireScore:
    gold: int = 0
    found: int = 0
    speaker_right: int = 0
    stance_right: int = 0
    denials: int = 0
    denials_right: int = 0
    predicted: int = 0
    misses: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"gold": self.gold, "found": self.found, "found_with_right_speaker": self.speaker_right,
                "stance_right": self.stance_right, "denials": self.denials, "denials_right": self.denials_right,
                "predicted": self.predicted,
                "speaker_accuracy": round(self.speaker_right / self.gold, 3) if self.gold else 0.0,
                "deny_accuracy": round(self.denials_right / self.denials, 3) if self.denials else 0.0}


def _same_name(predicted: str | None, names: list[str]) -> bool:
    if not predicted:
        return False
    p = predicted.lower().removeprefix("the ").strip()
    for name in names:
        n = name.lower().removeprefix("the ").strip()
        if p == n or f" {p} " in f" {n} " or f" {n} " in f" {p} ":
            return True
    return False


def load_gold(directory: Path) -> list[tuple[Path, str, list[dict]]]:
    out = []
    for gold_path in sorted(directory.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["attributions"]
        out.append((text_path, text_path.read_text(encoding="utf-8"), gold))
    return out


def score_article(text: str, gold: list[dict], article: Article, name: str, score: WireScore) -> None:
    score.predicted += len(article.attributions)
    for g in gold:
        score.gold += 1
        hits = [a for a in article.attributions
                if any(g["content"] in text[s:e] for s, e in a.content.parts) or g["content"] in a.content.text]
        names = [g["speaker"], *g.get("speaker_aliases", [])]
        if g["stance"] == "deny":
            score.denials += 1
        if not hits:
            score.misses.append({"article": name, "gold": g, "predicted": None})
            continue
        score.found += 1
        a = hits[0]
        speaker_ok = _same_name(a.speaker.name, names)
        score.speaker_right += speaker_ok
        score.stance_right += a.stance == g["stance"]
        if g["stance"] == "deny" and a.stance == "deny":
            score.denials_right += 1
        if not speaker_ok or a.stance != g["stance"]:
            score.misses.append({"article": name, "gold": g,
                                 "predicted": {"speaker": a.speaker.name, "stance": a.stance,
                                               "content": a.content.text, "rule": a.rule}})


def score_directory(directory: Path, extract_many) -> WireScore:
    items = load_gold(directory)
    articles = list(extract_many([(str(p), text) for p, text, _ in items]))
    score = WireScore()
    for (path, text, gold), article in zip(items, articles):
        score_article(text, gold, article, path.name, score)
    return score
