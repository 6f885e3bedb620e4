"""`onrecord serve`: loopback by default, a missing ledger is one line and exit 2, a real server answers."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
from viewhelpers import free_port

from onrecord.cli import build_parser, main


def test_serve_binds_to_loopback_by_default():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, "onrecord.db")
    assert args.allowed_host == []
    named = build_parser().parse_args(["serve", "--allowed-host", "a.example", "--allowed-host", "b.example"])
    assert named.allowed_host == ["a.example", "b.example"]


def test_serve_without_a_ledger_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("onrecord: error: ") and "missing.db" in err


def start_serve(db, *options: str) -> tuple[subprocess.Popen, str]:
    """`onrecord serve` on a free port as a user runs it, once it answers: (the process, its base URL)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "onrecord.cli", "serve", "--db", str(db), "--port", str(port),
                             *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(base + "/", timeout=2)
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(f"serve did not answer: {proc.stderr.read()}") from None
            time.sleep(0.1)


def test_serve_answers_pages_and_api_on_a_free_port(examples_db):
    proc, base = start_serve(examples_db)
    try:
        home = httpx.get(base + "/", timeout=5)
        assert home.status_code == 200 and "Contested claims" in home.text
        assert httpx.get(base + "/api/v1/claims/3", timeout=5).json()["id"] == 3
        assert httpx.get(base + "/static/onrecord.css", timeout=5).status_code == 200
        # a forged Host (DNS rebinding) is refused by the real server too
        assert httpx.get(base + "/", headers={"host": "evil.example"}, timeout=5).status_code == 400
    finally:
        proc.terminate()
        proc.wait(10)


def test_concurrent_requests_each_get_their_own_answer(live_server):
    """Many requests at once (one connection per request from the pool) return the same data as one at a time."""
    from concurrent.futures import ThreadPoolExecutor

    paths = [f"/api/v1/articles/{i}" for i in range(1, 6)] + [f"/api/v1/claims/{i}" for i in range(1, 6)]
    with httpx.Client(base_url=live_server, timeout=10) as c:
        expected = {p: c.get(p).json() for p in paths}
    with ThreadPoolExecutor(16) as pool, httpx.Client(base_url=live_server, timeout=30) as c:
        answers = list(pool.map(lambda p: (p, c.get(p)), paths * 20))
    assert all(r.status_code == 200 and r.json() == expected[p] for p, r in answers)


def _children(pid: int) -> set[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        return {int(p) for p in f.read().split()}


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_serve_with_two_workers_answers_and_leaves_no_process_behind(examples_db):
    proc, base = start_serve(examples_db, "--workers", "2")
    try:
        assert httpx.get(f"{base}/actors/1", timeout=5).status_code == 200
        workers = {p for p in _children(proc.pid) if _running(p)}
        assert len(workers) >= 2          # two servers (and possibly multiprocessing's resource tracker)
        answers = [httpx.get(f"{base}/api/v1/articles/1", timeout=5) for _ in range(20)]
        assert all(r.status_code == 200 and r.json()["id"] == 1 for r in answers)
    finally:
        proc.terminate()
        proc.wait(15)
    deadline = time.monotonic() + 10
    while any(_running(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(p) for p in workers)


def test_serve_on_a_port_in_use_is_one_line_and_exit_2(examples_db, capsys):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        for workers in ("1", "2"):
            assert main(["serve", "--db", str(examples_db), "--port", str(port), "--workers", workers]) == 2
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and f"cannot listen on 127.0.0.1:{port}" in err


def test_serve_replaces_a_worker_that_dies(examples_db):
    import os
    import signal
    proc, base = start_serve(examples_db, "--workers", "2")
    try:
        time.sleep(5.5)          # a worker dying in its first 5 s stops the server instead (it would die again)
        before = {p for p in _children(proc.pid) if _running(p)}
        servers = [p for p in before if b"resource_tracker" not in Path(f"/proc/{p}/cmdline").read_bytes()]
        assert len(servers) == 2
        victim = servers[0]
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 20
        while True:
            now = {p for p in _children(proc.pid) if _running(p)}
            if victim not in now and len(now) >= len(before):
                break
            assert proc.poll() is None and time.monotonic() < deadline, "no worker replaced the dead one"
            time.sleep(0.2)
        answers = [httpx.get(f"{base}/api/v1/articles/1", timeout=10) for _ in range(10)]
        assert all(r.status_code == 200 for r in answers)
    finally:
        proc.terminate()
        proc.wait(15)
