"""Hardening tests (issue #7): ``hostile`` (input builders, the hypothesis profile) importable under any import mode."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
