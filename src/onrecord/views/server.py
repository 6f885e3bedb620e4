"""Running the app: one uvicorn process, or several sharing the port through ``SO_REUSEPORT``.

uvicorn's own ``--workers`` share one listening socket, and whichever process wakes first accepts the waiting
connections: 50 browsers arriving together were split 45/5 between two workers, and a keep-alive connection
stays where it landed, so one core idled while the other queued. With one socket per process and
``SO_REUSEPORT``, the kernel spreads new connections across the processes. Where the option is missing (not
Linux or BSD), uvicorn's workers are used instead.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
import sys
import time
from pathlib import Path

import uvicorn

from ..errors import OnrecordError
from .app import CACHE_ENV, DB_ENV, HOSTS_ENV, create_app
from .guard import allowed_hosts

LOG = {"log_level": "warning", "access_log": False}


def serve(db: str | Path, host: str, port: int, workers: int = 1, *, cache: bool = True, announce: str = "",
          allowed: tuple[str, ...] = ()) -> None:
    """Serves the ledger at ``db`` until interrupted; ``announce`` is printed once the port is known to be free.
    Requests are answered for the loopback names, ``host`` and ``allowed`` (see guard.py).

    LedgerError at once if the ledger cannot be opened, OnrecordError if the port is taken.
    """
    hosts = allowed_hosts(host, allowed)
    app = create_app(db, cache=cache, hosts=hosts)   # a missing or unusable ledger fails here, before any process
    _check_port_free(host, port)
    if announce:
        print(announce, flush=True)
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, **LOG)
        return
    if not hasattr(socket, "SO_REUSEPORT"):
        os.environ[DB_ENV] = str(Path(db).resolve())
        os.environ[CACHE_ENV] = "1" if cache else "0"
        os.environ[HOSTS_ENV] = ",".join(hosts)
        uvicorn.run("onrecord.views.app:app_from_environment", factory=True, workers=workers, host=host,
                    port=port, **LOG)
        return
    _supervise(str(Path(db).resolve()), host, port, workers, cache, hosts)


def _check_port_free(host: str, port: int) -> None:
    """Refuses a port in use, even by another server that set SO_REUSEPORT (it would silently share it)."""
    with socket.socket(_family(host), socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise OnrecordError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def _listen(host: str, port: int) -> socket.socket:
    sock = socket.socket(_family(host), socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _worker(db: str, host: str, port: int, cache: bool, hosts: tuple[str, ...]) -> None:
    """One server process: its own socket on the shared port, its own app, connections and kept pages."""
    server = uvicorn.Server(uvicorn.Config(create_app(db, cache=cache, hosts=hosts), **LOG))
    server.run(sockets=[_listen(host, port)])


def _supervise(db: str, host: str, port: int, workers: int, cache: bool, hosts: tuple[str, ...]) -> None:
    """Starts the workers, restarts one that dies (unless it died at once), stops them all on SIGINT or SIGTERM."""
    context = multiprocessing.get_context("spawn")
    started: dict[int, float] = {}
    procs: list[multiprocessing.process.BaseProcess] = []

    def start() -> multiprocessing.process.BaseProcess:
        proc = context.Process(target=_worker, args=(db, host, port, cache, hosts), daemon=False)
        proc.start()
        started[proc.pid] = time.monotonic()
        return proc

    stopping = False
    failure = ""

    def stop(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        procs = [start() for _ in range(workers)]
        while not stopping:
            time.sleep(0.2)
            for i, proc in enumerate(procs):
                if proc.is_alive() or stopping:
                    continue
                if time.monotonic() - started[proc.pid] < 5:
                    failure = f"server process {proc.pid} exited at start (code {proc.exitcode})"
                    stopping = True
                    break
                print(f"onrecord: server process {proc.pid} exited (code {proc.exitcode}); starting another",
                      file=sys.stderr)
                procs[i] = start()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        for proc in procs:
            if proc.is_alive():
                proc.terminate()   # uvicorn shuts down gracefully on SIGTERM
        for proc in procs:
            proc.join(10)
            if proc.is_alive():
                proc.kill()
    if failure:
        raise OnrecordError(failure)
