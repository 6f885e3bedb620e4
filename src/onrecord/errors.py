"""The one exception hierarchy of onrecord.

    OnrecordError
     ├── InputError(path, problem, line=None)   a file or text that cannot be read
     ├── ModelError(name, problem)              a spaCy pipeline that cannot be loaded or used
     ├── LedgerError(path, problem)             a ledger file that cannot be opened or used
     └── NotFound(what, ident)                  an actor, claim, article or merge the ledger does not hold

Every error prints as one line naming what failed and why, with the fix where it is known.
"""

from __future__ import annotations


class OnrecordError(Exception):
    """Base class: every error onrecord raises on purpose."""


class InputError(OnrecordError):
    """An input that cannot be read: missing, undecodable, binary."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path, self.problem, self.line = path, problem, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class ModelError(OnrecordError):
    """A spaCy pipeline that is not installed or lacks what onrecord needs."""

    def __init__(self, name: str, problem: str) -> None:
        self.name, self.problem = name, problem
        super().__init__(f"spaCy model {name!r}: {problem}")


class LedgerError(OnrecordError):
    """A ledger file that cannot be opened or used: missing, not SQLite, from a newer onrecord."""

    def __init__(self, path: str, problem: str) -> None:
        self.path, self.problem = path, problem
        super().__init__(f"{path}: {problem}")


class NotFound(OnrecordError):
    """An actor, claim, article or merge link that the ledger does not hold."""

    def __init__(self, what: str, ident: str) -> None:
        self.what, self.ident = what, ident
        super().__init__(f"no {what} {ident!r} in the ledger")
