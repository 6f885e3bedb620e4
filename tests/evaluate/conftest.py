"""Test helpers for the evaluation harness: make ``src`` importable and build invented records."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

try:
    import onrecord  # noqa: F401
except ImportError:  # running from a checkout without an installed package
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # for ``evalhelpers`` under any pytest import mode
    sys.path.insert(0, str(HERE))
FIXTURES = HERE / "fixtures"


@pytest.fixture
def mini_split() -> Path:
    return FIXTURES / "mini"
