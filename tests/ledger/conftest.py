"""Read-only files and file systems for the ledger tests. The tests run as root, where chmod stops no write: an
immutable mark (chattr +i) and a read-only bind mount are refused to root too. Where neither can be made (not root,
no ext4/xfs, no mount rights) the tests that need them are skipped with the reason."""

from __future__ import annotations

import gc
import shutil
import subprocess
from pathlib import Path

import pytest


def _chattr(flag: str, *paths: Path) -> bool:
    if not shutil.which("chattr"):
        return False
    return subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True).returncode == 0


@pytest.fixture()
def immutable():
    """``immutable(*paths)`` marks files or folders immutable; the marks are cleared afterwards."""
    marked: list[Path] = []

    def mark(*paths: Path) -> None:
        if not _chattr("+i", *paths):
            pytest.skip("chattr +i is not available here (needs root on ext4/xfs); chmod does not stop root")
        marked.extend(paths)
    yield mark
    if marked:
        _chattr("-i", *marked)


@pytest.fixture()
def read_only_mount(tmp_path):
    """``read_only_mount(folder)`` is ``folder`` bind-mounted read-only (what a read-only volume looks like to
    SQLite: it cannot create a WAL ledger's -shm there, and mode=ro alone fails to open it)."""
    mounted: list[Path] = []

    def mount(source: Path) -> Path:
        target = tmp_path / f"mnt{len(mounted)}"
        target.mkdir()
        if subprocess.run(["mount", "--bind", str(source), str(target)], capture_output=True).returncode:
            pytest.skip("cannot bind-mount here (needs root with mount rights)")
        mounted.append(target)
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(target)], capture_output=True).returncode:
            pytest.skip("cannot remount read-only here")
        return target
    yield mount
    gc.collect()        # a connection left open by a failed assertion would keep the mount busy
    for target in mounted:
        if subprocess.run(["umount", str(target)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(target)], capture_output=True)
