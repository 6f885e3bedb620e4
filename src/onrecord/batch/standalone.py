"""A standalone Spark cluster on this machine from the installed pyspark: a master and workers as separate processes
on 127.0.0.1, each stopped by its process id (the cluster tests and ``benchmarks/scaling.py --master``).

The processes start with the environment a separate node would give them: no PYTHONPATH, no PYSPARK_PYTHON, so
what the executors import is what ``onrecord batch`` arranges (see :mod:`.spark_session`), not what this process
happens to have. Ports are free ones picked at start (the master's REST server, fixed at 6066, is off), so two
clusters on one machine do not clash. The equivalent commands are in the README's Scale section.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from onrecord.errors import OnrecordError

MASTER = "org.apache.spark.deploy.master.Master"
WORKER = "org.apache.spark.deploy.worker.Worker"
# variables a node of a cluster would not have: they would let the executors import what the test process can
_DRIVER_ONLY = ("PYTHONPATH", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "PYSPARK_GATEWAY_PORT",
                "PYSPARK_GATEWAY_SECRET", "SPARK_CONF_DIR", "SPARK_MASTER_OPTS", "SPARK_WORKER_OPTS")


def spark_home() -> str:
    """The Spark distribution inside the installed pyspark package (where ``bin/spark-class`` is)."""
    from pyspark.find_spark_home import _find_spark_home
    return _find_spark_home()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """``with Cluster(folder) as cluster: cluster.add_worker(cores=1); run against cluster.url``."""

    def __init__(self, folder: str | os.PathLike, timeout: float = 180.0, master: str = "") -> None:
        """``master``: the URL of a running master to add workers to (stopped: only the workers started here)."""
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout
        self.home = spark_home()
        self.env = {k: v for k, v in os.environ.items() if k not in _DRIVER_ONLY} | {"SPARK_HOME": self.home}
        self.master: subprocess.Popen | None = None
        self.workers: list[subprocess.Popen] = []
        self.started = 0
        self.url = master
        self.web = ""

    def __enter__(self) -> Cluster:
        if not self.url:
            self.start_master()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _spawn(self, name: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "wb")   # noqa: SIM115 — the child writes it; closed when it ends
        try:
            # spark-class execs java: the process id is the JVM's
            return subprocess.Popen([os.path.join(self.home, "bin", "spark-class"), *args], stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env or self.env,
                                    cwd=self.folder)
        finally:
            log.close()

    def start_master(self) -> str:
        port, web = free_port(), free_port()
        env = self.env | {"SPARK_MASTER_OPTS": "-Dspark.master.rest.enabled=false"}
        self.master = self._spawn("master", MASTER, "--host", "127.0.0.1", "--port", str(port),
                                  "--webui-port", str(web), env=env)
        self.url, self.web = f"spark://127.0.0.1:{port}", f"http://127.0.0.1:{web}/json/"
        self._wait(lambda: self.state().get("status") == "ALIVE", "master", self.master)
        return self.url

    def add_worker(self, cores: int = 1, memory: str = "2g") -> subprocess.Popen:
        """A worker process with ``cores`` cores, once it has registered with the master (its log says so)."""
        self.started += 1
        n = self.started                    # a fresh log per worker: registration is read off it
        worker = self._spawn(f"worker-{n}", WORKER, "--host", "127.0.0.1", "--cores", str(cores), "--memory",
                             memory, "--port", str(free_port()), "--webui-port", str(free_port()),
                             "--work-dir", str(self.folder / f"work-{n}"), self.url)
        self.workers.append(worker)
        log = self.folder / f"worker-{n}.log"
        self._wait(lambda: b"Successfully registered with master" in log.read_bytes(), f"worker {n}", worker)
        return worker

    def state(self) -> dict:
        """The master's status page as JSON (workers, running and completed applications): own master only."""
        with urllib.request.urlopen(self.web, timeout=5) as response:   # noqa: S310 — our own master, http
            return json.load(response)

    def _wait(self, ready: Callable[[], bool], what: str, process: subprocess.Popen) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise OnrecordError(f"Spark {what} exited with code {process.returncode}; see {self.folder}")
            try:
                if ready():
                    return
            except (OSError, ValueError):
                pass                        # the web UI or the log is not there yet
            time.sleep(0.5)
        raise OnrecordError(f"Spark {what} not ready after {self.timeout:.0f} s; see {self.folder}")

    def stop_worker(self, worker: subprocess.Popen) -> None:
        _stop(worker)
        self.workers.remove(worker)

    def stop(self) -> None:
        """Every worker, then the master, by process id: SIGTERM, then SIGKILL after 20 s."""
        for worker in list(self.workers):
            self.stop_worker(worker)
        if self.master is not None:
            _stop(self.master)
            self.master = None


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
