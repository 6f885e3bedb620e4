"""Load on `onrecord serve`: 50 concurrent clients over article and actor pages of a 10k-article ledger.

    python benchmarks/web_load.py [--articles 10000] [--db /tmp/onrecord-web-load.db] [--clients 50]
                                  [--requests 5000] [--max-seconds 300] [--workers 2]

Builds the ledger with ledger_queries.py's generator (an existing --db is reused), starts
`onrecord serve --workers N` on 127.0.0.1 and a free port, and sends a fixed number of GETs for random article and
actor ids over 50 keep-alive connections, each waiting for its answer before the next request (loopback only;
stops at the count or the time limit, whichever comes first). Prints count, errors and p50/p95/p99 latency per
page type with the ratio to the target (p95 < 100 ms), then stops the server. The clients are a few lines of
asyncio rather than httpx, which spent as much CPU per request as the server it measured, on the same cores.
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


def start_server(db: str, port: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "onrecord.cli", "serve", "--db", db, "--port", str(port),
                             "--workers", str(workers)],
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


class Connection:
    """One keep-alive HTTP/1.1 connection, read by hand: the clients must cost far less CPU than the server they
    measure, and httpx spends about as long per request as the server does."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body length) of ``GET path``; reconnects when the server closed the connection."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept: text/html\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in fields:
            body = await self.reader.readexactly(int(fields["content-length"]))
        elif fields.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunked()
        else:
            body = await self.reader.read()
        if fields.get("connection", "").lower() == "close":
            self.close()
        return status, len(body)

    async def _chunked(self) -> bytes:
        assert self.reader is not None
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await self.reader.readexactly(size + 2))
            if size == 0:
                return b"".join(parts)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.writer = None


async def run_load(port: int, jobs: list[tuple[str, str]], clients: int, max_seconds: float
                   ) -> tuple[dict[str, list[float]], dict[str, int], float]:
    """``clients`` connections share one queue of (kind, path); each waits for its answer before the next request
    (a closed loop with no think time: the hardest reading of "50 concurrent clients")."""
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    queue = iter(jobs)
    reasons.clear()
    examples.clear()
    deadline = time.monotonic() + max_seconds

    async def worker() -> None:
        conn = Connection("127.0.0.1", port)
        try:
            for kind, path in queue:
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                try:
                    status, size = await asyncio.wait_for(conn.get(path), 30)
                    problem = None if status == 200 and size else f"HTTP {status} {path}"
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                    conn.close()
                    problem = f"{type(exc).__name__} {path}"
                latencies.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
                if problem:
                    errors[kind] = errors.get(kind, 0) + 1
                    reasons[problem.split(" /")[0]] = reasons.get(problem.split(" /")[0], 0) + 1
                    if len(examples) < 5:
                        examples.append(problem)
        finally:
            conn.close()

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
    parser.add_argument("--workers", type=int, default=2, help="server processes (`onrecord serve --workers`)")
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
    server = start_server(args.db, port, args.workers)
    try:
        asyncio.run(run_load(port, [job() for _ in range(WARMUP)], args.clients, 60))
        latencies, errors, seconds = asyncio.run(
            run_load(port, [job() for _ in range(args.requests)], args.clients, args.max_seconds))
    finally:
        server.terminate()
        server.wait(10)
    done = sum(len(v) for v in latencies.values())
    print(f"{done} requests by {args.clients} concurrent clients in {seconds:.1f} s ({done / seconds:.0f} req/s), "
          f"{args.workers} uvicorn worker process(es), server and clients on this machine")
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
