"""Ledgers for the web tests: the bundled examples through the CLI, and a hostile one built by hand."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onrecord.cli import main
from onrecord.ledger.store import Store
from onrecord.ledger.writer import Ledger
from onrecord.views.app import create_app

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
if str(HERE) not in sys.path:  # for ``viewhelpers`` under any pytest import mode
    sys.path.insert(0, str(HERE))

from viewhelpers import evil_records, free_port, script_url_records  # noqa: E402


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("web") / "examples.db"
    assert main(["ingest", str(ROOT / "examples"), "--db", str(db)]) == 0
    return db


@pytest.fixture(scope="session")
def evil_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("web") / "evil.db"
    with Store.open(db) as store:
        Ledger(store).add_batch([evil_records(), script_url_records()], model="test")
    return db


@pytest.fixture(scope="session")
def client(examples_db) -> Iterator[TestClient]:
    # server exceptions become the handler's 500 page, as a browser would see them
    with TestClient(create_app(examples_db), raise_server_exceptions=False, base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="session")
def evil_client(evil_db) -> Iterator[TestClient]:
    with TestClient(create_app(evil_db), raise_server_exceptions=False, base_url="http://localhost") as c:
        yield c


@pytest.fixture(scope="session")
def live_server(examples_db) -> Iterator[str]:
    """uvicorn on 127.0.0.1 and a free port, in a thread, for the browser tests."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(examples_db), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
