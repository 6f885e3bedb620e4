"""A short seeded pass of benchmarks/fuzz.py (the 10-minute run is done by hand; figures in the README)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("onrecord_fuzz", FUZZ)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_fuzz_smoke_seeded_pass_finds_no_crash(fuzz, tmp_path):
    tallies = fuzz.fuzz(None, 40, 1, tmp_path / "crashes", ["read", "extract"])
    assert {name: (t.tried, t.crashes) for name, t in tallies.items()} == {"read": (40, 0), "extract": (40, 0)}
    assert not (tmp_path / "crashes").exists()


def test_fuzz_smoke_a_crash_is_saved_with_its_traceback_and_fails_the_run(fuzz, tmp_path, monkeypatch, capsys):
    def fragile(name: str, data: bytes) -> None:
        if b"<" in data:
            raise RuntimeError("boom")

    monkeypatch.setattr(fuzz, "check_read", fragile)
    assert fuzz.main(["--inputs", "20", "--seed", "3", "--target", "read", "--out", str(tmp_path)]) == 1
    saved = sorted(tmp_path.iterdir())
    assert saved and any(p.name.endswith(".traceback.txt") and "RuntimeError: boom" in p.read_text() for p in saved)
    report = capsys.readouterr().out
    assert "read" in report and " 0 crash(es)" not in report
