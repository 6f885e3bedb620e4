"""Score disputes against hand-labelled articles: statements gathered, camps, contested precision, deny/decline.

A folder holds ``NN-name.txt`` with ``NN-name.gold.json`` beside it: the article's ``site``, ``url`` and
``published`` date, and ``statements``, each a verbatim ``content`` excerpt with its ``speaker``, ``stance``, the
``dispute`` it belongs to (or null) and its ``position`` there (``affirm`` | ``negate`` | null). The articles are
extracted and written into a fresh ledger, exactly as ``onrecord ingest`` would, and the ledger is read back:

- gathered: for each gold dispute, the share of its statements that sit in its largest ledger dispute;
- strays: of the found statements in those largest ledger disputes, the ones that belong elsewhere (another gold
  dispute, or none): gathering that sweeps unrelated statements in is worse than a miss, so it is counted too;
- camp accuracy: of the sided gold statements found, the share whose position is right;
- contested precision: of the ledger disputes flagged contested, the share whose deciding pair (an affirming and
  a negating statement) are gold statements of one dispute on opposite sides;
- deny and decline precision and recall over every predicted attribution (one matching no gold statement counts
  as a false positive: the gold lists every attribution of the articles).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ingest.document import Document
from ..ledger import queries
from ..ledger.claim_writer import placed_of
from ..ledger.claims import Proposition
from ..ledger.disputes import judge
from ..ledger.store import Store
from ..ledger.writer import Ledger

TARGETS = {"gathered_min": 0.8, "camp_accuracy": 0.9, "contested_precision": 0.9, "deny_precision": 0.85,
           "deny_recall": 0.8}


@dataclass(frozen=True, slots=True)
class Gold:
    source: str
    content: str
    speaker: str | None
    dispute: str | None
    position: str | None
    stance: str | None


def load(directory: Path) -> tuple[list[Document], list[Gold]]:
    docs, gold = [], []
    for gold_path in sorted(directory.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        meta = json.loads(gold_path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
        source = str(text_path)
        docs.append(Document(source, text, "text", url=meta.get("url"), site=meta.get("site"),
                             published=meta.get("published"), date_method="gold"))
        for s in meta["statements"]:
            if s["content"] not in text:
                raise ValueError(f"{gold_path}: excerpt not in the text: {s['content']!r}")
            gold.append(Gold(source, s["content"], s.get("speaker"), s.get("dispute"), s.get("position"),
                             s.get("stance")))
    return docs, gold


def _matches(g: Gold, row: dict[str, Any], text: str) -> bool:
    if row["source"] != g.source:
        return False
    parts = json.loads(row["parts"])
    return g.content in row["content_text"] or any(g.content in text[s:e] for s, e in parts)


def score(docs: list[Document], gold: list[Gold], rows: list[dict[str, Any]],
          claims: dict[int, Proposition]) -> dict[str, Any]:
    """The figures, from the gold and the ledger's statements (``queries.side_rows``)."""
    texts = {d.source: d.text for d in docs}
    found: dict[int, dict[str, Any]] = {}          # gold index -> predicted row
    matched_rows: dict[int, int] = {}              # row id -> gold index
    for i, g in enumerate(gold):
        for r in rows:
            if r["id"] not in matched_rows and _matches(g, r, texts[g.source]):
                found[i] = r
                matched_rows[r["id"]] = i
                break
    sided = [i for i, g in enumerate(gold) if g.dispute and g.position]
    # gathered: each gold dispute's statements in its largest ledger claim
    gathered = {}
    for d in sorted({gold[i].dispute for i in sided}):
        members = [i for i in sided if gold[i].dispute == d]
        # (not named "claims": that is the ledger's propositions, needed below to judge back-references)
        counts = Counter(found[i]["claim_id"] for i in members if i in found and found[i]["claim_id"] is not None)
        largest, best = counts.most_common(1)[0] if counts else (None, 0)
        # found gold statements of another dispute (or of none) in the same ledger dispute
        strays = sum(1 for i, r in found.items() if largest is not None and r["claim_id"] == largest
                     and (gold[i].dispute != d or not gold[i].position))
        gathered[d] = {"statements": len(members), "in_largest": best, "share": round(best / len(members), 3),
                       "strays": strays}
    found_sided = [i for i in sided if i in found]
    right_camp = [i for i in found_sided if found[i]["position"] == gold[i].position]
    # contested: judge each ledger claim again to get its deciding pair
    by_claim: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        if r["claim_id"] is not None and r["position"]:
            by_claim.setdefault(r["claim_id"], []).append(r)
    contested, real, verdicts = 0, 0, []
    for claim_id, members in sorted(by_claim.items()):
        verdict = judge([placed_of(r, claims[claim_id]) for r in members])
        if not verdict.contested:
            continue
        contested += 1
        a, n = (matched_rows.get(x) for x in verdict.pair)
        ok = (a is not None and n is not None and gold[a].dispute is not None
              and gold[a].dispute == gold[n].dispute and gold[a].position == "affirm" and gold[n].position == "negate")
        real += ok
        verdicts.append({"claim": claim_id, "real": ok, "evidence": verdict.evidence,
                         "affirm": gold[a].content if a is not None else None,
                         "negate": gold[n].content if n is not None else None})
    out: dict[str, Any] = {
        "articles": len(docs), "gold_statements": len(gold), "found": len(found),
        "gathered": gathered,
        "gathered_min": min((v["share"] for v in gathered.values()), default=0.0),
        "strays": sum(v["strays"] for v in gathered.values()),
        "camp_accuracy": round(len(right_camp) / len(found_sided), 3) if found_sided else 0.0,
        "camp_right": len(right_camp), "camp_found": len(found_sided), "camp_gold": len(sided),
        "contested": contested, "contested_real": real,
        "contested_precision": round(real / contested, 3) if contested else 0.0,
        "contested_disputes": verdicts,
    }
    for stance in ("deny", "decline"):
        predicted = [r for r in rows if r["stance"] == stance]
        tp = sum(1 for r in predicted if r["id"] in matched_rows and gold[matched_rows[r["id"]]].stance == stance)
        gold_n = sum(1 for g in gold if g.stance == stance)
        recall_hits = sum(1 for i, g in enumerate(gold) if g.stance == stance and i in found
                          and found[i]["stance"] == stance)
        out[f"{stance}_precision"] = round(tp / len(predicted), 3) if predicted else 0.0
        out[f"{stance}_recall"] = round(recall_hits / gold_n, 3) if gold_n else 0.0
        out[f"{stance}_counts"] = {"predicted": len(predicted), "right": tp, "gold": gold_n, "found": recall_hits}
    out["errors"] = [
        {"article": Path(gold[i].source).name, "content": gold[i].content, "gold": [gold[i].stance, gold[i].position],
         "predicted": [found[i]["stance"], found[i]["position"]] if i in found else None}
        for i in range(len(gold))
        if i not in found or found[i]["stance"] != gold[i].stance or (gold[i].position and
                                                                       found[i]["position"] != gold[i].position)]
    out["unlisted"] = [{"article": Path(r["source"]).name, "content": r["content_text"], "stance": r["stance"]}
                       for r in rows if r["id"] not in matched_rows]
    return out


def evaluate(directory: Path, extract_many) -> dict[str, Any]:
    """Extract the folder's articles into a fresh ledger (a temporary file) and score it."""
    docs, gold = load(directory)
    articles = list(extract_many([(d.source, d.text) for d in docs]))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "disputes.db")
        try:
            Ledger(store).add_batch(list(zip(docs, articles)), model="eval")
            rows = queries.side_rows(store)
            claims = queries.claim_propositions(store)
        finally:
            store.close()
    return score(docs, gold, rows, claims)


def format_table(directory: Path, figures: dict[str, Any]) -> str:
    lines = [f"{directory}: {figures['articles']} articles, {figures['gold_statements']} gold statements,"
             f" {figures['found']} found"]
    for d, v in figures["gathered"].items():
        lines.append(f"  dispute {d}: {v['in_largest']}/{v['statements']} statements in its largest dispute"
                     f" = {v['share']:.3f} ({v['strays']} from elsewhere)")
    lines.append(f"gathered (lowest share): {figures['gathered_min']:.3f} (target >= {TARGETS['gathered_min']});"
                 f" statements from elsewhere in those disputes: {figures['strays']}")
    lines.append(f"camp accuracy: {figures['camp_right']}/{figures['camp_found']} = {figures['camp_accuracy']:.3f}"
                 f" (of {figures['camp_gold']} sided gold statements; target >= {TARGETS['camp_accuracy']})")
    lines.append(f"contested precision: {figures['contested_real']}/{figures['contested']}"
                 f" = {figures['contested_precision']:.3f} (target >= {TARGETS['contested_precision']})")
    for stance in ("deny", "decline"):
        c = figures[f"{stance}_counts"]
        lines.append(f"{stance}: precision {c['right']}/{c['predicted']} = {figures[f'{stance}_precision']:.3f},"
                     f" recall {c['found']}/{c['gold']} = {figures[f'{stance}_recall']:.3f}")
    return "\n".join(lines) + "\n"
