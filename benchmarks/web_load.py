"""Load on `onrecord serve`: 50 concurrent clients over article and actor pages of a 10k-article ledger.

    python benchmarks/web_load.py [--articles 10000] [--db /tmp/onrecord-web-load.db] [--clients 50]
                                  [--requests 5000] [--max-seconds 300]

Builds the ledger with ledger_queries.py's generator (an existing --db is reused), starts `onrecord serve` on
127.0.0.1 and a free port (one uvicorn process), sends a fixed number of GETs for random article and actor ids
(loopback only; stops at the count or the time limit, whichever comes first), prints count, errors and
p50/p95/p99 latency per page type with the ratio to the target (p95 < 100 ms), then stops the server.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from ledger_queries import build  # noqa: E402

from onrecord.ledger.store import Store  # noqa: E402

TARGET_P95_MS = 100.0
WARMUP = 100
reasons: dict[str, int] = {}     # error kind -> count, for the report
examples: list[str] = []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "onrecord.cli", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read()}")
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
            return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("server did not start within 30 s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run_load(base: str, jobs: list[tuple[str, str]], clients: int, max_seconds: float
                   ) -> tuple[dict[str, list[float]], dict[str, int], float]:
    """``clients`` workers share one queue of (kind, path); each waits for its answer before the next request."""
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    queue = iter(jobs)
    reasons.clear()
    examples.clear()
    deadline = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker() -> None:
            for kind, path in queue:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                try:
                    r = await client.get(path)
                    problem = None if r.status_code == 200 and r.content else f"HTTP {r.status_code} {path}"
                except httpx.HTTPError as exc:
                    problem = f"{type(exc).__name__} {path}"
                latencies.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
                if problem:
                    errors[kind] = errors.get(kind, 0) + 1
                    reasons[problem.split(" /")[0]] = reasons.get(problem.split(" /")[0], 0) + 1
                    if len(examples) < 5:
                        examples.append(problem)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        return latencies, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/onrecord-web-load.db")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000, help="requests measured (after a warm-up of 100)")
    parser.add_argument("--max-seconds", type=float, default=300, help="stop sending after this long")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()

    build(args.db, args.articles)
    with Store.open(args.db, read_only=True) as store:
        counts = store.counts()
        article_ids = [r[0] for r in store.all("SELECT id FROM articles")]
        actor_ids = [r[0] for r in store.all("SELECT id FROM actors")]
    print("ledger: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    rng = random.Random(args.seed)

    def job() -> tuple[str, str]:
        if rng.random() < 0.5:
            return "article", f"/articles/{rng.choice(article_ids)}"
        return "actor", f"/actors/{rng.choice(actor_ids)}"

    port = free_port()
    server = start_server(args.db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(run_load(base, [job() for _ in range(WARMUP)], args.clients, 60))
        latencies, errors, seconds = asyncio.run(
            run_load(base, [job() for _ in range(args.requests)], args.clients, args.max_seconds))
    finally:
        server.terminate()
        server.wait(10)
    done = sum(len(v) for v in latencies.values())
    print(f"{done} requests by {args.clients} concurrent clients in {seconds:.1f} s ({done / seconds:.0f} req/s), "
          f"one uvicorn process, server and clients on this machine")
    print(f"{'page':<10} {'count':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'p95/target':>10}")
    for kind in sorted(latencies):
        values = latencies[kind]
        p95 = percentile(values, 0.95)
        print(f"{kind:<10} {len(values):>6} {errors.get(kind, 0):>6} {percentile(values, 0.5):>8.1f} {p95:>8.1f} "
              f"{percentile(values, 0.99):>8.1f} {p95 / TARGET_P95_MS:>10.2f}")
    if reasons:
        print("errors: " + ", ".join(f"{k} ×{v}" for k, v in sorted(reasons.items())) + "; e.g. " + "; ".join(examples))
    print(f"target: p95 < {TARGET_P95_MS:.0f} ms per page type")


if __name__ == "__main__":
    main()
