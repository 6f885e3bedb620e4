"""``onrecord ingest`` and ``onrecord serve`` on one ledger at once, under load: errors and lost articles (#7).

    python benchmarks/ingest_serve.py [--articles 600] [--readers 4] [--batch-size 1] [--workers 1]

Writes N small distinct articles, starts ``onrecord serve`` on a free port and ``onrecord ingest`` (both as
subprocesses, as a user would run them), and has R threads request pages and API answers in a loop until the
ingest ends. Prints requests, non-200 answers, answers mentioning a lock, requests per second, and the article
count in the ledger and through the API against N. Exit code 1 on any error or lost article.
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["/api/v1/articles?limit=50", "/api/v1/claims", "/api/v1/actors", "/api/v1/search?q=minister", "/",
         "/articles", "/claims?contested=true", "/actors"]
PEOPLE = ["Ana Lima", "Tomas Berg", "Priya Raman", "Kim Novak", "Olu Bakare", "Ines Berg"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cli = [sys.executable, "-m", "onrecord.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for i in range(args.articles):
            who = PEOPLE[i % len(PEOPLE)]
            (folder / f"{i:05d}.txt").write_text(
                f"Story {i}. {who} said the bridge over the river {i} would reopen on day {i}.\n"
                f"\"We will not wait for item {i},\" the minister said on Tuesday.\n")
        db = str(Path(tmp) / "ledger.db")
        subprocess.run([*cli, "ingest", str(folder / "00000.txt"), "--db", db, "--workers", "1"], env=env,
                       check=True, capture_output=True)           # serve needs a ledger to start on
        port = free_port()
        serve = subprocess.Popen([*cli, "serve", "--db", db, "--port", str(port)], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                httpx.get(base + "/api/v1/articles", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        started = time.perf_counter()
        ingest = subprocess.Popen([*cli, "ingest", str(folder), "--db", db, "--workers", str(args.workers),
                                   "--batch-size", str(args.batch_size)], env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        stats = {"requests": 0, "errors": 0, "locked": 0}
        lock = threading.Lock()
        examples: list[str] = []

        def reader(n: int) -> None:
            with httpx.Client(base_url=base, timeout=60) as client:
                i = n
                while ingest.poll() is None:
                    page = PAGES[i % len(PAGES)]
                    i += 1
                    try:
                        r = client.get(page)
                        bad, text = r.status_code != 200, r.text
                    except httpx.HTTPError as exc:
                        bad, text = True, repr(exc)
                    with lock:
                        stats["requests"] += 1
                        stats["errors"] += bad
                        stats["locked"] += "locked" in text.lower()
                        if bad and len(examples) < 5:
                            examples.append(f"{page}: {text[:200]}")

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)]
        for t in threads:
            t.start()
        out, err = ingest.communicate()
        seconds = time.perf_counter() - started
        for t in threads:
            t.join()
        api = httpx.get(base + "/api/v1/articles?limit=500", timeout=60).json()
        listed = len(api["items"])
        while api["next"]:
            api = httpx.get(api["next"] if api["next"].startswith("http") else base + api["next"], timeout=60).json()
            listed += len(api["items"])
        serve.terminate()
        _, serve_err = serve.communicate(timeout=30)
        stored = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"ingest: exit {ingest.returncode}, {seconds:.1f} s; {out.strip()}")
    print(f"serve: {stats['requests']} requests by {args.readers} readers during the ingest "
          f"({stats['requests'] / seconds:.1f}/s), {stats['errors']} not 200, {stats['locked']} mentioning a lock")
    print(f"articles: {args.articles} written, {stored} in the ledger, {listed} listed by the API")
    for line in examples:
        print("  " + line)
    if "locked" in (err + serve_err).lower():
        print("stderr mentions a lock:", (err + serve_err)[-500:])
    ok = (ingest.returncode == 0 and not stats["errors"] and not stats["locked"] and stored == listed == args.articles
          and "locked" not in (err + serve_err).lower())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
