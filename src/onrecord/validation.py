"""One validation layer for what users type: ids, page sizes, offsets and enum values, shared by CLI, web and API.

Each function returns the parsed value or raises :class:`InvalidValue` with a one-line message naming the
parameter, so ``--limit -5`` on the command line, ``?limit=-5`` in the API and ``/claims/999…`` on the web are
refused the same way (a 400/422 on the web, exit 2 on the CLI) instead of reaching SQLite.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import OnrecordError

# SQLite integers are signed 64-bit: a larger id cannot name a row (and overflows the driver)
MAX_ID = 2**63 - 1
MAX_LIMIT = 500
# attribution modes a listing can keep (issue 19): said or written, believed or planned, or every one
MODES = ("speech", "thought", "all")


class InvalidValue(OnrecordError, ValueError):
    """A parameter a user gave that is out of range or not one of the allowed values."""

    def __init__(self, name: str, value: object, problem: str) -> None:
        self.name, self.value, self.problem = name, value, problem
        super().__init__(f"{name}: {problem} (got {str(value)[:60]!r})")


def _integer(name: str, value: object) -> int:
    if isinstance(value, bool):
        raise InvalidValue(name, value, "must be a whole number")
    if isinstance(value, int):
        return value
    text = str(value).strip()
    # ASCII digits only: "²".isdigit() is true, but int("²") raises
    if not text or len(text) > 25 or not text.isascii() or not text.lstrip("+-").isdigit():
        raise InvalidValue(name, value, "must be a whole number")
    return int(text)


def parse_id(value: object, name: str = "id") -> int:
    """A row id: a whole number from 1 to 2**63-1."""
    number = _integer(name, value)
    if not 1 <= number <= MAX_ID:
        raise InvalidValue(name, value, f"must be between 1 and {MAX_ID}")
    return number


def parse_limit(value: object, name: str = "limit", maximum: int = MAX_LIMIT) -> int:
    """A page size: 1 to ``maximum``."""
    number = _integer(name, value)
    if not 1 <= number <= maximum:
        raise InvalidValue(name, value, f"must be between 1 and {maximum}")
    return number


def parse_offset(value: object, name: str = "offset") -> int:
    """How many rows to skip: 0 or more."""
    number = _integer(name, value)
    if not 0 <= number <= MAX_ID:
        raise InvalidValue(name, value, "must be 0 or more")
    return number


def parse_positive(value: object, name: str) -> int:
    """A count that must be at least 1 (batch sizes, workers)."""
    number = _integer(name, value)
    if not 1 <= number <= MAX_ID:
        raise InvalidValue(name, value, "must be 1 or more")
    return number


def parse_mode(value: object, name: str = "mode") -> str:
    """Which statements to keep: speech (said, written), thought (believed, wanted, planned) or all."""
    return parse_choice(value, MODES, name)


def parse_choice(value: object, allowed: Iterable[str], name: str) -> str:
    """One of a fixed set of values (an actor kind, a stance, an export format)."""
    options = tuple(allowed)
    text = str(value)
    if text not in options:
        raise InvalidValue(name, value, f"must be one of {', '.join(options)}")
    return text
