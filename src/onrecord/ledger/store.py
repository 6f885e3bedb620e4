"""The SQLite file behind the ledger: opening (WAL, migrations), one transaction per batch, read-only access, backup."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import LedgerError
from .migrations import MIGRATIONS

DEFAULT_DB = "onrecord.db"
# A writer holds the lock for one batch; readers (serve, queries) never wait in WAL mode, and a second writer
# waits up to this long before it reports the file as busy.
BUSY_TIMEOUT_MS = 30_000


class Store:
    """One connection to a ledger file. ``atomic()`` wraps a batch of writes in one transaction."""

    def __init__(self, conn: sqlite3.Connection, path: str, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
        path = str(path)
        if read_only and not Path(path).is_file():
            raise LedgerError(path, "no such ledger; create it with: onrecord ingest PATH... --db " + path)
        try:
            if read_only:
                conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True,
                                       isolation_level=None, check_same_thread=False)
            else:
                conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if read_only:
                if version < len(MIGRATIONS):
                    raise LedgerError(path, f"schema version {version} is older than this onrecord's "
                                            f"{len(MIGRATIONS)}; open it once with onrecord ingest to migrate it")
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")   # WAL + NORMAL: durable at checkpoints, never corrupt
                conn.execute("PRAGMA foreign_keys = ON")
                _migrate(conn, version, path)
        except sqlite3.DatabaseError as exc:
            raise LedgerError(path, f"is not a usable SQLite ledger ({exc})") from None
        return cls(conn, path, read_only)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it lands, or none of it (a killed process leaves the file as before)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def execute(self, sql: str, params: tuple | dict = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def all(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (what 'ingest twice changes nothing' is checked against)."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "stories", "actors", "attributions", "claims", "errors")}


def _migrate(conn: sqlite3.Connection, version: int, path: str) -> None:
    if version > len(MIGRATIONS):
        raise LedgerError(path, f"was written by a newer onrecord (schema {version}); upgrade onrecord")
    for number in range(version, len(MIGRATIONS)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # executescript would commit on its own; statements run one by one inside our transaction instead
            for statement in _statements(MIGRATIONS[number]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _statements(script: str) -> Iterator[str]:
    buffer = ""
    for line in script.splitlines(keepends=True):
        code = line.split("--", 1)[0]
        buffer += code
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()


def backup(path: str | Path, out: str | Path) -> dict[str, int]:
    """A consistent copy of the ledger ``path`` in the new file ``out``, taken while ingest may be writing.

    SQLite's online backup API copies every page in one read transaction: the copy is the ledger as of one commit,
    and in WAL mode the writer is never blocked by it. The copy is written beside ``out`` and linked into place
    at the end, so ``out`` is never a half-written file, and an existing ``out`` is never replaced. Returns the
    copy's row counts."""
    path, out = str(path), str(out)
    if os.path.lexists(out):
        raise LedgerError(out, "exists already; onrecord backup never overwrites a file: remove it or name a new one")
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        raise LedgerError(out, f"cannot be written: no such folder {folder}")
    part = os.path.join(folder, f".{os.path.basename(out)}.part-{os.getpid()}")
    with Store.open(path, read_only=True) as source:
        try:
            copy = sqlite3.connect(part, isolation_level=None)
            try:
                source.conn.backup(copy)            # pages=-1: all pages in one step, so one snapshot
                copy.execute("PRAGMA journal_mode = DELETE")   # one self-contained file, no -wal beside it
                counts = Store(copy, out, read_only=True).counts()
            finally:
                copy.close()
            os.link(part, out)                      # fails rather than replace a file created meanwhile
        except FileExistsError:
            raise LedgerError(out, "exists already; onrecord backup never overwrites a file") from None
        except (OSError, sqlite3.Error) as exc:
            raise LedgerError(out, f"backup could not be written ({' '.join(str(exc).split())})") from None
        finally:
            for leftover in (part, part + "-journal", part + "-wal", part + "-shm"):
                if os.path.exists(leftover):
                    os.unlink(leftover)
    return counts
