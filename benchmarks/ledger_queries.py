"""Query latency on a large generated ledger: `actor` and `claims --contested` (first page), and search.

    python benchmarks/ledger_queries.py [--articles 100000] [--db /tmp/bench-ledger.db] [--runs 50]

The ledger is generated through the real write path (Ledger.add_batch: actor merging, claim linking, stories)
from synthetic extracted articles, no parser involved; an existing --db is reused as it is. Prints build
throughput, median and p95 latency per query and the ratio to the targets (actor < 50 ms, contested page
< 200 ms).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from onrecord.article import Actor, Article, Attribution, Content, Span, Speaker  # noqa: E402
from onrecord.ingest.document import Document  # noqa: E402
from onrecord.ledger import queries  # noqa: E402
from onrecord.ledger.store import Store  # noqa: E402
from onrecord.ledger.writer import Ledger  # noqa: E402

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ines", "Jonas", "Karim", "Lena",
         "Marta", "Nikolai", "Olga", "Pavel", "Rania", "Sergei", "Tomas", "Yusuf"]
LAST = ["Abadi", "Berg", "Castillo", "Demir", "Ekwueme", "Fischer", "Garcia", "Haddad", "Ivanova", "Jensen",
        "Kovalenko", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quiroga", "Rossi", "Sato", "Tanaka",
        "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhou"]
ORGS = ["Defence Ministry", "Foreign Ministry", "Health Agency", "Port Authority", "Central Bank", "Energy Regulator",
        "Election Commission", "Transport Union"]
COUNTRIES = ["Ukraine", "Russia", "Iran", "Turkey", "Egypt", "Brazil", "India", "Japan", "Kenya", "Poland"]
SUBJECTS = ["warships", "drones", "troops", "inspectors", "tankers", "hackers", "officials", "contractors"]
VERBS = ["had laid mines near", "had attacked", "had blocked ships bound for", "had sent weapons to",
         "had hacked servers in", "had bribed officials in", "had shelled villages near", "had smuggled grain from"]
PLACES = ["Odesa", "Kherson", "Basra", "Izmir", "Suez", "Santos", "Mumbai", "Osaka", "Mombasa", "Gdansk",
          "Tabriz", "Aleppo", "Varna", "Batumi", "Sfax"]


def synthetic(n: int, rng: random.Random) -> tuple[Document, Article]:
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(3)]
    org = f"{rng.choice(COUNTRIES)}'s {rng.choice(ORGS).lower()}"
    lines, atts, actors = [], [], []
    pos = 0
    for speaker in people + [org]:
        claim = (f"{rng.choice(COUNTRIES)} {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(PLACES)} "
                 f"in {rng.choice(['May', 'June', 'July', 'August'])}")
        stance = rng.choice(["assert", "assert", "deny", "accuse"])
        cue = "denied" if stance == "deny" else "said"
        line = f"{speaker} {cue} that {claim}."
        c0 = pos + len(speaker) + len(cue) + 2
        kind = "organization" if speaker == org else "person"
        local = f"{kind}:{speaker.lower().replace(' ', '-')}"
        lines.append(line)
        text_so_far = "\n".join(lines)
        atts.append((local, speaker, kind, (pos, pos + len(speaker)), (pos + len(speaker) + 1, c0 - 1),
                     (c0, c0 + len("that ") + len(claim)), stance, (pos, pos + len(line))))
        actors.append(Actor(local, speaker, kind, (speaker.split()[-1],) if kind == "person" else ()))
        pos = len(text_so_far) + 1
    text = "\n".join(lines) + f"\nReport number {n} from the synthetic desk, filed {rng.randrange(10**9)}."
    records = tuple(
        Attribution(f"q{i}", "indirect", Content.of(text, [c]), Span.of(text, *cu),
                    Speaker(Span.of(text, *m), name, kind, local), stance, "clause-complement", 0.9,
                    Span.of(text, *s))
        for i, (local, name, kind, m, cu, c, stance, s) in enumerate(atts, 1))
    unique = {a.id: a for a in actors}
    day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return (Document(f"synthetic-{n}", text, "text", url=f"https://bench.example/{n}", published=day),
            Article(f"synthetic-{n}", len(text), records, tuple(unique.values())))


def build(db: str, articles: int) -> None:
    rng = random.Random(7)
    with Store.open(db) as store:
        ledger = Ledger(store)
        have = store.counts()["articles"]
        started = time.perf_counter()
        for start in range(have, articles, 1000):
            ledger.add_batch([synthetic(n, rng) for n in range(start, min(articles, start + 1000))], model="bench")
            done = min(articles, start + 1000)
            rate = (done - have) / (time.perf_counter() - started)
            print(f"  built {done} articles ({rate:.0f} articles/s)", file=sys.stderr)
        if articles > have:
            print(f"build: {articles - have} articles in {time.perf_counter() - started:.1f} s")


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/onrecord-bench-ledger.db")
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    build(args.db, args.articles)
    with Store.open(args.db, read_only=True) as store:
        counts = store.counts()
        print("ledger: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
        top = queries.actors(store, limit=1)[0]
        rng = random.Random(3)
        names = [r[0] for r in store.all("SELECT name FROM actors ORDER BY id")]
        results = [
            ("actor (most quoted, first 500 statements)", lambda: queries.actor(store, top["name"], limit=500), 50),
            ("actor (random actor by name)", lambda: queries.actor(store, rng.choice(names)), 50),
            ("claims --contested (first page of 20)", lambda: queries.claims(store, contested=True, limit=20), 200),
            ("claims --about Russia (first page of 20)", lambda: queries.claims(store, about="Russia", limit=20),
             200),
            ("search 'mines Odesa'", lambda: queries.search(store, "mines Odesa", limit=20), 200),
        ]
        print(f"{'query':<44} {'median ms':>10} {'p95 ms':>8} {'target':>7} {'p95/target':>10}")
        for label, fn, target in results:
            median, p95 = timed(fn, args.runs)
            print(f"{label:<44} {median:>10.1f} {p95:>8.1f} {target:>7} {p95 / target:>10.2f}")
        print(f"most quoted actor: {top['name']} ({top['attributions']} statements)")


if __name__ == "__main__":
    main()
