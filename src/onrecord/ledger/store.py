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
        """The ledger at ``path``: read-only for the commands that only read (``mode=ro``, and ``immutable=1`` on a
        read-only file system, where SQLite cannot create the WAL's side files), else writable and migrated.

        Refused with a one-line LedgerError, before anything is written: a file that is not SQLite, an SQLite file
        of another program (tables but no onrecord schema), a ledger from a newer onrecord, and for writing a file
        or folder that cannot be written."""
        path = str(path)
        if read_only and not Path(path).is_file():
            raise LedgerError(path, "no such ledger; create it with: onrecord ingest PATH... --db " + path)
        conn: sqlite3.Connection | None = None
        try:
            conn = _connect_read_only(path) if read_only else _connect_writable(path)
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            _check_schema(conn, version, path)
            if read_only:
                if version == 0:
                    raise LedgerError(path, "holds no ledger yet; create one with: onrecord ingest PATH... --db "
                                            + path)
                if version < len(MIGRATIONS):
                    raise LedgerError(path, f"schema version {version} is older than this onrecord's "
                                            f"{len(MIGRATIONS)}; open it once with onrecord ingest to migrate it")
            else:
                _check_writable(conn, version, path)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")   # WAL + NORMAL: durable at checkpoints, never corrupt
                conn.execute("PRAGMA foreign_keys = ON")
                _migrate(conn, version, path)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if not isinstance(exc, sqlite3.DatabaseError):
                raise
            if not read_only and _unwritable(exc):
                raise LedgerError(path, _CANNOT_WRITE) from None
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



# -- opening -------------------------------------------------------------------------------------------------------

_CANNOT_WRITE = ("cannot be written (a read-only or immutable file, or a read-only folder or file system); "
                 "ingest needs a writable ledger: copy it to a writable place, or name a new file with --db")
# Tables every onrecord schema has had since migration 1: an SQLite file without them is not a ledger.
_LEDGER_TABLES = ("articles", "attributions", "actors", "actor_links", "claims", "errors")


def _uri(path: str, **params: str) -> str:
    """A ``file:`` URI for ``path`` (``?``, ``#`` and ``%`` in a name are escaped, so they stay part of it)."""
    from urllib.parse import quote
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(Path(path).resolve()))}?{query}"


def _connect_read_only(path: str) -> sqlite3.Connection:
    """``mode=ro``; where that cannot open the file because SQLite cannot create the WAL's ``-shm`` beside it (a
    read-only mount), ``immutable=1``, which is safe there as long as no write-ahead log is pending: nothing can
    write to a read-only file system, and a ``-wal`` with content is refused rather than ignored."""
    conn = sqlite3.connect(_uri(path, mode="ro"), uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if "unable to open" not in str(exc):
            raise
    wal = path + "-wal"
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        raise LedgerError(path, f"cannot be read: its write-ahead log {wal} is pending and the folder is read-only; "
                                "open it once where it can be written (any onrecord command), then copy it back")
    return sqlite3.connect(_uri(path, mode="ro", immutable="1"), uri=True, isolation_level=None,
                           check_same_thread=False)


def _connect_writable(path: str) -> sqlite3.Connection:
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.exists(path):
        if not os.path.isdir(folder):
            raise LedgerError(path, f"cannot be created: no such folder {folder}")
        if not os.access(folder, os.W_OK):
            raise LedgerError(path, f"cannot be created: the folder {folder} is read-only")
    elif not os.access(path, os.W_OK) or not os.access(folder, os.W_OK):
        # checked here, before a run parses anything: SQLite itself would open the file read-only without a word
        # and fail at the first commit, after the whole first batch was extracted (WAL also needs the folder)
        raise LedgerError(path, _CANNOT_WRITE)
    return sqlite3.connect(path, isolation_level=None, check_same_thread=False)


def _check_schema(conn: sqlite3.Connection, version: int, path: str) -> None:
    """Refuses an SQLite file of another program before anything is written to it (not even the WAL switch)."""
    if version > len(MIGRATIONS):
        raise LedgerError(path, f"was written by a newer onrecord (schema {version}); upgrade onrecord")
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    if not names or set(_LEDGER_TABLES) <= names:
        return               # a new, empty file, or an onrecord ledger (of this or an older schema)
    shown = ", ".join(sorted(n for n in names if not n.startswith("sqlite_"))[:4])
    raise LedgerError(path, f"is an SQLite file of another program (tables {shown or 'of its own'}), not an onrecord "
                            "ledger; onrecord never writes to it: --db must name an onrecord ledger or a new file")


def _check_writable(conn: sqlite3.Connection, version: int, path: str) -> None:
    """A write that is rolled back: SQLite reports a read-only database here, not after a batch was parsed."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.execute("ROLLBACK")


def _unwritable(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc)
    return "readonly database" in text or "unable to open database file" in text or "read-only" in text

def _migrate(conn: sqlite3.Connection, version: int, path: str) -> None:
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
