"""Load on `onrecord serve`: 50 concurrent clients over article and actor pages of a 10k-article ledger.

    python benchmarks/web_load.py [--articles 10000] [--db /tmp/onrecord-web-load.db] [--clients 50]
                                  [--requests 5000] [--max-seconds 300] [--workers 2] [--ingest N]
                                  [--forged 0.1] [--any-host]

Builds the ledger with ledger_queries.py's generator (an existing --db is reused), starts
`onrecord serve --workers N` on 127.0.0.1 and a free port, and sends a fixed number of GETs for random article and
actor ids over 50 keep-alive connections, each waiting for its answer before the next request (loopback only;
stops at the count or the time limit, whichever comes first). Prints count, errors and p50/p95/p99 latency per
page type with the ratio to the target (p95 < 100 ms), then stops the server. The clients are a few lines of
asyncio rather than httpx, which spent as much CPU per request as the server it measured, on the same cores.

Forged Host headers are mixed in (--forged 0.1: a tenth of the requests, on the paged lists whose links once
carried the request's host): the server must refuse them (400), or with --any-host (`serve --allowed-host '*'`)
answer them without the forged name in the page; every answer's body is searched for the forged names, and
any found is an error (a poisoned page). The script exits 1 on any error.

With --ingest N, `onrecord ingest --batch-size 1` (a commit per article) writes N generated articles into a copy
of that ledger while it is served and loaded (home, API list, article and actor pages), and the script checks that
no request failed (a "database is locked" would be a 500) and no article was lost; it exits 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
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
hits: dict[str, int] = {}        # page kind -> answers from the server's page cache
examples: list[str] = []
FORGED = ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "attacker.test")
FOREIGN = (b"evil.example", b"attacker.test")   # no served page may hold these


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, workers: int, cache: bool = True, any_host: bool = False) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "onrecord.cli", "serve", "--db", db, "--port", str(port),
                             "--workers", str(workers), *([] if cache else ["--no-cache"]),
                             *(["--allowed-host", "*"] if any_host else [])],
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

    async def get(self, path: str, host: str | None = None) -> tuple[int, bytes, bool]:
        """(status, body, answered from the page cache) of ``GET path`` naming ``host`` (this server's address
        unless given); reconnects when the server closed the connection."""
        if self.writer is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {host or self.host}\r\nAccept: text/html\r\n\r\n".encode())
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
        return status, body, fields.get("x-onrecord-cache") == "hit"

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


async def run_load(port: int, jobs: Iterable[tuple[str, str] | tuple[str, str, str]], clients: int,
                   max_seconds: float, until: Callable[[], bool] = lambda: False, forged_status: int = 400
                   ) -> tuple[dict[str, list[float]], dict[str, int], float]:
    """``clients`` connections share one queue of (kind, path[, forged host]); each waits for its answer before the
    next request (a closed loop with no think time: the hardest reading of "50 concurrent clients"). A forged
    request must be answered ``forged_status``; no answer may hold a forged host name."""
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    hits.clear()
    queue = iter(jobs)
    reasons.clear()
    examples.clear()
    deadline = time.monotonic() + max_seconds

    async def worker() -> None:
        conn = Connection("127.0.0.1", port)
        try:
            for kind, path, *forged in queue:
                if time.monotonic() > deadline or until():
                    return
                started = time.perf_counter()
                host = forged[0] if forged else None
                try:
                    status, body, hit = await asyncio.wait_for(conn.get(path, host), 30)
                    hits[kind] = hits.get(kind, 0) + hit
                    expected = forged_status if host else 200
                    problem = None if status == expected and body else f"HTTP {status} {path}"
                    if any(name in body for name in FOREIGN):
                        problem = f"POISONED {path} (Host {host or 'ours'}, {'kept page' if hit else 'rendered'})"
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


def print_pages(latencies: dict[str, list[float]], errors: dict[str, int]) -> None:
    """Per page type: requests, errors, share answered from kept pages, latency percentiles against the target."""
    print(f"{'page':<10} {'count':>6} {'errors':>6} {'cached':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'p95/target':>10}")
    for kind in sorted(latencies):
        values = latencies[kind]
        p95 = percentile(values, 0.95)
        print(f"{kind:<10} {len(values):>6} {errors.get(kind, 0):>6} {hits.get(kind, 0) / len(values):>7.0%} "
              f"{percentile(values, 0.5):>8.1f} {p95:>8.1f} "
              f"{percentile(values, 0.99):>8.1f} {p95 / TARGET_P95_MS:>10.2f}")
    if reasons:
        print("errors: " + ", ".join(f"{k} ×{v}" for k, v in sorted(reasons.items())) + "; e.g. " + "; ".join(examples))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/onrecord-web-load.db")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=5000, help="requests measured (after a warm-up of 100)")
    parser.add_argument("--max-seconds", type=float, default=300, help="stop sending after this long")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=2, help="server processes (`onrecord serve --workers`)")
    parser.add_argument("--no-cache", action="store_true", help="serve with `--no-cache`: render every page")
    parser.add_argument("--forged", type=float, default=0.1, metavar="SHARE",
                        help="share of requests with a forged Host header, on paged lists (default 0.1)")
    parser.add_argument("--any-host", action="store_true",
                        help="serve with --allowed-host '*': forged Hosts are answered, and must still not appear "
                             "in any page")
    parser.add_argument("--ingest", type=int, default=0, metavar="N",
                        help="while serving, ingest N new generated articles into a copy of the ledger, and check "
                             "afterwards that every one was stored (issue #7: ingest and serve together)")
    args = parser.parse_args()

    build(args.db, args.articles)
    if args.ingest:
        ingest_while_serving(args)
        return
    with Store.open(args.db, read_only=True) as store:
        counts = store.counts()
        article_ids = [r[0] for r in store.all("SELECT id FROM articles")]
        actor_ids = [r[0] for r in store.all("SELECT id FROM actors")]
    print("ledger: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    rng = random.Random(args.seed)

    def listing() -> str:   # a paged list with previous/next links: where a forged host once went
        kind = rng.choice(("actors", "articles"))
        return f"/{kind}?offset={rng.randrange(0, 40) * 50}"

    def job() -> tuple[str, str] | tuple[str, str, str]:
        r = rng.random()
        if r < args.forged:
            return "forged", listing(), rng.choice(FORGED)
        if r < args.forged + 0.1:
            return "list", listing()
        if r < 0.55:
            return "article", f"/articles/{rng.choice(article_ids)}"
        return "actor", f"/actors/{rng.choice(actor_ids)}"

    port = free_port()
    server = start_server(args.db, port, args.workers, cache=not args.no_cache, any_host=args.any_host)
    forged_status = 200 if args.any_host else 400
    try:
        asyncio.run(run_load(port, [job() for _ in range(WARMUP)], args.clients, 60, forged_status=forged_status))
        latencies, errors, seconds = asyncio.run(
            run_load(port, [job() for _ in range(args.requests)], args.clients, args.max_seconds,
                     forged_status=forged_status))
    finally:
        server.terminate()
        server.wait(10)
    done = sum(len(v) for v in latencies.values())
    pages = "rendered every time" if args.no_cache else "kept until the ledger changes"
    print(f"{done} requests by {args.clients} concurrent clients in {seconds:.1f} s ({done / seconds:.0f} req/s), "
          f"{args.workers} uvicorn worker process(es), pages {pages}, server and clients on this machine")
    print_pages(latencies, errors)
    print(f"target: p95 < {TARGET_P95_MS:.0f} ms per page type")
    forged = len(latencies.get("forged", []))
    poisoned = sum(v for k, v in reasons.items() if k.startswith("POISONED"))
    print(f"forged Host headers: {forged} requests ({', '.join(FORGED)}), "
          f"{'answered, as --allowed-host * was given' if args.any_host else 'each to be refused with 400'}; "
          f"pages holding a forged host: {poisoned} of {done}")
    if errors:
        sys.exit(1)


NAMES = ("Maria Lindqvist", "Tomas Herrera", "Aiko Tanaka", "Kwame Mensah", "Olga Petrenko", "David Okafor")
TOPICS = ("the bridge contract", "the border closure", "the grain shipment", "the radar station", "the ceasefire")


def write_articles(folder: Path, count: int, seed: int) -> None:
    """``count`` short, distinct news texts with direct quotes and a denial each (no external data)."""
    rng = random.Random(seed)
    for i in range(count):
        speaker, denier = rng.sample(NAMES, 2)
        topic = rng.choice(TOPICS)
        text = (f"Officials clash over {topic} (report {i})\n\n"
                f'"We have evidence that {topic} was signed in secret," {speaker} said on Tuesday, item {i}.\n\n'
                f"{denier} denied the claim, calling it \"a fabrication\" in a statement.\n\n"
                f"According to {speaker.split()[-1]}, the documents would be published within {i % 9 + 2} days.\n")
        (folder / f"article-{i:05d}.txt").write_text(text, encoding="utf-8")


def ingest_while_serving(args: argparse.Namespace) -> None:
    """`onrecord ingest` writes into the ledger that `onrecord serve` reads, under the same load; afterwards the
    ingest must have exited 0, the load seen no error, and the ledger hold every article (none lost)."""
    work = Path(tempfile.mkdtemp(prefix="onrecord-web-ingest-"))
    try:
        db = str(work / "ledger.db")
        with sqlite3.connect(args.db) as source, sqlite3.connect(db) as copy:
            source.backup(copy)      # the reusable 10k ledger stays as it was
        corpus = work / "news"
        corpus.mkdir()
        write_articles(corpus, args.ingest, args.seed)
        with Store.open(db, read_only=True) as store:
            before = store.counts()["articles"]
            article_ids = [r[0] for r in store.all("SELECT id FROM articles")]
            actor_ids = [r[0] for r in store.all("SELECT id FROM actors")]
        rng = random.Random(args.seed)

        def jobs() -> Iterator[tuple[str, str]]:
            while True:   # the home page and the API's list show the newest articles: what the ingest just wrote
                r = rng.random()
                yield (("home", "/") if r < 0.15 else ("api", "/api/v1/articles?limit=50") if r < 0.3
                       else ("article", f"/articles/{rng.choice(article_ids)}") if r < 0.65
                       else ("actor", f"/actors/{rng.choice(actor_ids)}"))

        port = free_port()
        server = start_server(db, port, args.workers)
        try:
            started = time.monotonic()
            # a commit per article (--batch-size 1): the most writes a reader can meet
            command = [sys.executable, "-m", "onrecord.cli", "ingest", str(corpus), "--db", db, "--workers", "1",
                       "--batch-size", "1"]
            ingest = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            latencies, errors, seconds = asyncio.run(
                run_load(port, jobs(), args.clients, args.max_seconds, until=lambda: ingest.poll() is not None))
            _, err = ingest.communicate(timeout=max(10.0, args.max_seconds - (time.monotonic() - started)))
        finally:
            server.terminate()
            server.wait(10)
        with Store.open(db, read_only=True) as store:
            after = store.counts()["articles"]
        done = sum(len(v) for v in latencies.values())
        print(f"ingest of {args.ingest} new articles into the served ledger: exit {ingest.returncode}, "
              f"{seconds:.1f} s; {done} requests by {args.clients} clients meanwhile ({done / seconds:.0f} req/s), "
              f"{sum(errors.values())} errors")
        print_pages(latencies, errors)
        lost = before + args.ingest - after
        print(f"articles: {before:,} before + {args.ingest} ingested = {before + args.ingest:,} expected, "
              f"{after:,} stored: {'none lost' if lost == 0 else f'{lost} LOST'}")
        if ingest.returncode != 0:
            print("ingest stderr: " + err.strip().splitlines()[-1] if err.strip() else "ingest failed silently")
        if ingest.returncode != 0 or errors or lost:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
