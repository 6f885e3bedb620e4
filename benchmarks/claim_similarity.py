"""Precision and recall of claim linking (similarity >= SAME_CLAIM) on hand-labelled pairs.

    python benchmarks/claim_similarity.py [PAIRS] [--idf]

PAIRS defaults to tests/fixtures/claim-pairs.jsonl: one JSON object per line with "a", "b", "same" and optional
"a_speaker", "a_affiliation", "b_speaker", "b_affiliation", "set" (tune | heldout). Prints, per set and overall,
precision, recall, F1 and the confusion counts at SAME_CLAIM and at a few other thresholds, and the share of
same-claim pairs whose signatures share a blocking key. With --idf, idf weights are computed from the pairs'
own propositions (as the store would from its claims) and passed to similarity.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

from onrecord.ledger.claims import SAME_CLAIM, Proposition, normalise, signature, similarity

DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "claim-pairs.jsonl"
THRESHOLDS = (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def propositions(pair: dict) -> tuple[Proposition, Proposition]:
    return tuple(normalise(pair[s], speaker=pair.get(f"{s}_speaker"), speaker_affiliation=pair.get(f"{s}_affiliation"))
                 for s in ("a", "b"))  # type: ignore[return-value]


def idf_of(props: list[Proposition]) -> dict[str, float]:
    df = Counter(t for p in props for t in set(p.terms))
    return {t: math.log((1 + len(props)) / (1 + n)) + 1.0 for t, n in df.items()}


def scores(pairs: list[dict], threshold: float, scored: list[float]) -> dict[str, float]:
    tp = sum(1 for p, s in zip(pairs, scored) if p["same"] and s >= threshold)
    fp = sum(1 for p, s in zip(pairs, scored) if not p["same"] and s >= threshold)
    fn = sum(1 for p, s in zip(pairs, scored) if p["same"] and s < threshold)
    tn = len(pairs) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": precision, "recall": recall, "f1": f1}


def report(name: str, pairs: list[dict], scored: list[float], blocked: list[bool], errors: bool) -> None:
    positives = sum(p["same"] for p in pairs)
    print(f"## {name}: {len(pairs)} pairs ({positives} same, {len(pairs) - positives} different)")
    r = scores(pairs, SAME_CLAIM, scored)
    print(f"SAME_CLAIM={SAME_CLAIM}: precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}  "
          f"(tp {r['tp']} fp {r['fp']} fn {r['fn']} tn {r['tn']})")
    print("threshold  precision  recall  F1     tp  fp  fn  tn")
    for t in THRESHOLDS:
        r = scores(pairs, t, scored)
        print(f"{t:<9}  {r['precision']:.3f}      {r['recall']:.3f}   {r['f1']:.3f}  "
              f"{r['tp']:>2}  {r['fp']:>2}  {r['fn']:>2}  {r['tn']:>2}")
    same_blocked = [b for p, b in zip(pairs, blocked) if p["same"]]
    print(f"same-claim pairs sharing a signature key: {sum(same_blocked)}/{len(same_blocked)}")
    if errors:
        for p, s in zip(pairs, scored):
            if (s >= SAME_CLAIM) != p["same"]:
                print(f"  {'FP' if s >= SAME_CLAIM else 'FN'} {s:.2f}  {p['a']!r} | {p['b']!r}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--idf", action="store_true", help="weight terms by idf computed from the pairs")
    parser.add_argument("--errors", action="store_true", help="list the misjudged pairs")
    args = parser.parse_args(argv)
    if not args.pairs.is_file():
        sys.exit(f"claim_similarity: {args.pairs}: no such file")
    pairs = load(args.pairs)
    props = [propositions(p) for p in pairs]
    idf = idf_of([q for pq in props for q in pq]) if args.idf else None
    scored = [similarity(a, b, idf)[0] for a, b in props]
    blocked = [bool(set(signature(a)) & set(signature(b))) for a, b in props]
    print(f"# {args.pairs}  weights: {'idf from the pairs' if idf else 'uniform'}\n")
    for name in sorted({p.get("set", "all") for p in pairs}):
        idx = [i for i, p in enumerate(pairs) if p.get("set", "all") == name]
        report(name, [pairs[i] for i in idx], [scored[i] for i in idx], [blocked[i] for i in idx], args.errors)
    if len({p.get("set", "all") for p in pairs}) > 1:
        report("all", pairs, scored, blocked, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
