"""``onrecord eval speakers``: resolved speakers and cross-article actors scored against hand-labelled entities.

Labels (``data/polnear_identities.tsv``) name the real-world entity behind each gold source mention of some
PolNeAR articles, by character offsets; the texts are read from the split by path. The labelled articles of one
part go through extraction and into a fresh ledger, as ``onrecord ingest`` would put them. A label is *matched*
when a predicted attribution's speaker mention overlaps its source span. Figures:

- speaker accuracy: of matched labels with an identifiable entity, how many name that entity (a resolved name
  equal to it, or its surname alone when no other labelled entity of the article shares that surname); an
  unresolved speaker (name null) counts as wrong. ``resolved_precision``: the same over resolved speakers only.
- pairwise precision/recall over pairs of matched mentions *in different articles*: "same ledger actor"
  against "same entity"; B-cubed precision/recall over all matched mentions.
- given-name merges: ledger actors holding two person names whose given names are two different listed names.
- generic actors across articles: ledger actors with a generic label ('voters', 'woman') linked from 2+ articles.
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..article import Article
from ..errors import InputError
from ..ingest.document import Document
from ..ledger.actors import translit_key
from ..ledger.names import is_generic, is_given_name
from ..ledger.store import Store
from ..ledger.writer import Ledger

PARTS = ("seen", "unseen", "all")
UNIDENTIFIABLE = ("-", "?")


@dataclass(frozen=True, slots=True)
class Label:
    part: str
    article: str
    start: int
    end: int
    entity: str

    @property
    def identifiable(self) -> bool:
        return self.entity not in UNIDENTIFIABLE


def default_labels() -> Path:
    return Path(str(resources.files("onrecord.evaluate").joinpath("data", "polnear_identities.tsv")))


def read_labels(path: str | Path) -> list[Label]:
    """The label file: ``part, article, start, end, entity`` tab-separated, '#' lines are comments."""
    out: list[Label] = []
    with open(path, encoding="utf-8") as f:
        rows = csv.reader((line for line in f if line.strip() and not line.startswith("#")), delimiter="\t")
        header = next(rows, None)
        if header != ["part", "article", "start", "end", "entity"]:
            raise InputError(str(path), "is not a label file (header part, article, start, end, entity)")
        for n, row in enumerate(rows, 2):
            if len(row) != 5 or not row[2].isdigit() or not row[3].isdigit() or row[0] not in PARTS[:2]:
                raise InputError(str(path), f"row {n} is not 'part, article, start, end, entity': {row!r}")
            out.append(Label(row[0], row[1], int(row[2]), int(row[3]), row[4].strip()))
    return out


def publication_dates(split_dir: str | Path) -> dict[str, str]:
    """Article name → publication day from the corpus's ``metadata.tsv`` beside the split (PolNeAR has one), so
    the ledger sees the articles dated as an ingest of the live pages would; {} when there is none."""
    path = Path(split_dir).parent / "metadata.tsv"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(f, delimiter="\t")
                if row.get("filename") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.get("publication_date") or "")}


def _names_entity(speaker: str | None, entity: str, article_entities: Iterable[str]) -> bool:
    if not speaker:
        return False
    mine, theirs = translit_key(speaker).split(), translit_key(entity).split()
    if mine == theirs or " ".join(mine).removeprefix("the ") == " ".join(theirs).removeprefix("the "):
        return True
    if len(mine) == 1 and theirs and mine[0] == theirs[-1]:
        # a bare surname names the entity when no other labelled entity of the article has it
        return sum(1 for e in set(article_entities) if translit_key(e).split()[-1:] == mine) == 1
    # initials and middle names: 'Mark Barabak' for 'Mark Z. Barabak'
    core = [t for t in theirs if len(t) > 1]
    return len(mine) >= 2 and [t for t in mine if len(t) > 1] == core


def _pairs(items: Sequence[tuple[str, str, int]]) -> tuple[int, int, int]:
    """(same actor and entity, same actor, same entity) over pairs of mentions in different articles."""
    both = same_actor = same_entity = 0
    for i, (art_a, ent_a, act_a) in enumerate(items):
        for art_b, ent_b, act_b in items[i + 1:]:
            if art_a == art_b:
                continue
            sa, se = act_a == act_b, ent_a == ent_b
            both += sa and se
            same_actor += sa
            same_entity += se
    return both, same_actor, same_entity


def _bcubed(items: Sequence[tuple[str, str, int]]) -> tuple[float, float]:
    by_actor = Counter(act for _a, _e, act in items)
    by_entity = Counter(ent for _a, ent, _act in items)
    both = Counter((act, ent) for _a, ent, act in items)
    if not items:
        return 0.0, 0.0
    p = sum(both[(act, ent)] / by_actor[act] for _a, ent, act in items) / len(items)
    r = sum(both[(act, ent)] / by_entity[ent] for _a, ent, act in items) / len(items)
    return p, r


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def score(split_dir: str | Path, labels: Sequence[Label], extract_many: Callable[..., Iterable[Article]],
          part: str = "seen") -> dict[str, Any]:
    """Figures for one part of the labels (see the module docstring)."""
    chosen = [lab for lab in labels if part == "all" or lab.part == part]
    dates = publication_dates(split_dir)
    # into the ledger in the order the news came out (then by name), as a newsroom's ledger grows
    articles = sorted({lab.article for lab in chosen}, key=lambda name: (dates.get(name, ""), name))
    texts = {}
    for name in articles:
        path = Path(split_dir) / "text" / f"{name}.txt"
        if not path.is_file():
            raise InputError(str(path), "labelled article not found in the split")
        texts[name] = path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "eval.db") as store:
        extracted = list(extract_many([(name, texts[name]) for name in articles]))
        Ledger(store).add_batch([(Document(name, texts[name], "text", published=dates.get(name),
                                           date_method="metadata" if name in dates else None), art)
                                 for name, art in zip(articles, extracted)], model="eval")
        rows = defaultdict(list)
        for r in store.all("SELECT a.source, t.mention_start, t.mention_end, t.speaker_name, t.actor_id"
                           " FROM attributions t JOIN articles a ON a.id = t.article_id"
                           " WHERE t.mention_start IS NOT NULL"):
            rows[r[0]].append(tuple(r)[1:])
        merged_given = _given_name_merges(store)
        actor_names = {r[0]: r[1] for r in store.all("SELECT id, name FROM actors")}
        generic = [r[0] for r in store.all(
            "SELECT a.name, a.kind FROM actors a WHERE (SELECT count(DISTINCT article_id) FROM actor_links l"
            " WHERE l.actor_id = a.id) > 1") if is_generic(r[0]) or r[1] == "group"]
    entities_of = defaultdict(list)
    for lab in chosen:
        if lab.identifiable:
            entities_of[lab.article].append(lab.entity)
    matched = right = resolved = resolved_right = 0
    items: list[tuple[str, str, int]] = []
    unresolved_id = -1
    misses = []
    for lab in chosen:
        if not lab.identifiable:
            continue
        best = max(((min(e, lab.end) - max(s, lab.start), name, actor) for s, e, name, actor in rows[lab.article]
                    if min(e, lab.end) > max(s, lab.start)), default=None)
        if best is None:
            continue
        _overlap, name, actor = best
        matched += 1
        ok = _names_entity(name, lab.entity, entities_of[lab.article])
        right += ok
        resolved += name is not None
        resolved_right += ok and name is not None
        if not ok:
            misses.append({"article": lab.article, "span": [lab.start, lab.end],
                           "text": texts[lab.article][lab.start:lab.end][:60], "entity": lab.entity, "speaker": name})
        if actor is None:
            actor, unresolved_id = unresolved_id, unresolved_id - 1      # an unresolved mention: its own actor
        items.append((lab.article, lab.entity, actor))
    both, same_actor, same_entity = _pairs(items)
    split_entities = {}
    for entity in sorted({e for _a, e, _act in items}):
        held = Counter(actor_names.get(act, "(unresolved)") for _a, e, act in items if e == entity)
        if len(held) > 1:
            split_entities[entity] = dict(held.most_common())
    bp, br = _bcubed(items)
    return {"part": part, "articles": len(articles), "labels": len(chosen),
            "identifiable": sum(lab.identifiable for lab in chosen), "matched": matched,
            "speaker_accuracy": _ratio(right, matched), "speaker_right": right,
            "resolved_precision": _ratio(resolved_right, resolved), "resolved": resolved,
            "pairwise_precision": _ratio(both, same_actor), "pairwise_recall": _ratio(both, same_entity),
            "pairs_same_actor": same_actor, "pairs_same_entity": same_entity,
            "bcubed_precision": round(bp, 4), "bcubed_recall": round(br, 4),
            "given_name_merges": merged_given, "generic_cross_article_actors": generic,
            "split_entities": split_entities, "misses": misses}


def _given_name_merges(store: Store) -> list[str]:
    """Actors holding two person names with different listed given names ('Bill Clinton' + 'Hillary Clinton')."""
    from ..ledger.actors import _NICKNAMES
    out = []
    for actor_id, name in store.all("SELECT id, name FROM actors WHERE kind = 'person'"):
        firsts = set()
        for (local,) in store.all("SELECT DISTINCT local_name FROM actor_links WHERE actor_id = ?", (actor_id,)):
            words = local.split()
            if len(words) >= 2 and is_given_name(words[0]):
                first = words[0].casefold()
                firsts.add(_NICKNAMES.get(first, first))
        if len(firsts) > 1:
            out.append(f"{name}: {', '.join(sorted(firsts))}")
    return out
