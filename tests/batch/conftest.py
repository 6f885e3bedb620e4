"""Inputs for the scale tests: the bundled dispute, a text file, and a JSONL dump with its Parquet twin."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from batchhelpers import port_records, write_jsonl

ROOT = Path(__file__).resolve().parents[2]
DISPUTE = ROOT / "examples" / "dispute"
EMBASSY = ROOT / "examples" / "embassy-drones.txt"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """dispute/ (html, jsonl, feed), embassy-drones.txt, ports.jsonl (12 items and one bad line)."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(DISPUTE, root / "dispute")
    shutil.copy(EMBASSY, root / "embassy-drones.txt")
    write_jsonl(root / "ports.jsonl", port_records(12))
    return root
