"""`onrecord batch` on a real standalone cluster: a master and a worker started as separate processes on 127.0.0.1
from the installed pyspark, stopped by their process ids whatever happens. Skipped only when Java is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from batchhelpers import assert_same_as_local

from onrecord.cli import main

ROOT = Path(__file__).resolve().parents[2]
INPUTS = [str(ROOT / "examples" / "dispute"), str(ROOT / "examples" / "embassy-drones.txt")]

if os.environ.get("CI") == "true":      # the [spark] extra is part of the test install: its absence is a failure
    import pyspark  # noqa: F401
else:
    pytest.importorskip("pyspark")
if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("a standalone Spark cluster needs Java 17", allow_module_level=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    from onrecord.batch.standalone import Cluster
    cluster = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        cluster.start_master()
        cluster.add_worker(cores=1, memory="1g")
        processes = [cluster.master, *cluster.workers]
        yield cluster
    finally:
        cluster.stop()
    assert all(p.poll() is not None for p in processes)     # stopped, by their ids


@pytest.fixture(scope="module")
def bare_python(tmp_path_factory) -> Path:
    """An interpreter of the same Python version without onrecord: a node nobody installed onrecord on."""
    folder = tmp_path_factory.mktemp("bare") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    return folder / "bin" / "python"


@pytest.fixture()
def clean_environment(monkeypatch):
    """Nothing set by hand for the executors: the run must arrange their Python itself."""
    monkeypatch.delenv("PYSPARK_PYTHON", raising=False)
    monkeypatch.delenv("PYSPARK_DRIVER_PYTHON", raising=False)


def _applications(cluster) -> list[str]:
    state = cluster.state()
    return [app["name"] for app in state["completedapps"] + state["activeapps"]]


def test_standalone_batch_gives_the_attributions_of_local_extraction(cluster, extractor, tmp_path, capsys,
                                                                     clean_environment):
    out = tmp_path / "out"
    assert main(["batch", *INPUTS, "--out", str(out), "--master", cluster.url]) == 0
    printed = capsys.readouterr().out
    attributions = assert_same_as_local(out, INPUTS, extractor)
    assert f"with {attributions} attribution(s)" in printed and attributions > 0
    assert "onrecord batch" in _applications(cluster)       # the executors were the cluster's, not local ones


def test_standalone_executors_without_onrecord_fail_with_one_line_naming_the_cause(cluster, bare_python, tmp_path,
                                                                                  capsys, clean_environment):
    out = tmp_path / "out"
    code = main(["batch", *INPUTS, "--out", str(out), "--master", cluster.url,
                 "--conf", f"spark.pyspark.python={bare_python}"])
    assert code == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1, err
    prefix = (f"onrecord: error: executors cannot import onrecord: ModuleNotFoundError: No module named 'onrecord'"
              f" ({bare_python}); use --python-env or install onrecord on every node; the full trace is in ")
    assert err[0].startswith(prefix)
    log = Path(err[0].removeprefix(prefix))
    trace = log.read_text(encoding="utf-8")
    assert "Error from python worker" in trace and "at org.apache.spark" in trace     # the whole Java trace
    assert not out.exists()


def _packed_environment(folder: Path) -> Path:
    """A stand-in for a venv-pack archive: bin/python runs this interpreter with this onrecord on its path (as a
    packed venv holds onrecord), and notes where it was started from."""
    import onrecord
    source = os.path.dirname(os.path.dirname(os.path.realpath(onrecord.__file__)))
    script = folder / "python"
    script.write_text("#!/bin/sh\n"
                      f'pwd >> "{folder}/started-in"\n'
                      f'PYTHONPATH="{source}${{PYTHONPATH:+:$PYTHONPATH}}" exec "{sys.executable}" "$@"\n',
                      encoding="utf-8")
    script.chmod(0o755)
    archive = folder / "env.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(script, arcname="bin/python")
    return archive


def test_standalone_python_env_runs_the_executors_from_the_shipped_archive(cluster, extractor, tmp_path, capsys,
                                                                          clean_environment):
    archive = _packed_environment(tmp_path)
    out = tmp_path / "out"
    assert main(["batch", *INPUTS, "--out", str(out), "--master", cluster.url, "--python-env", str(archive)]) == 0
    assert_same_as_local(out, INPUTS, extractor)
    started = (tmp_path / "started-in").read_text(encoding="utf-8").split()
    # every Python the executors started was ./env/bin/python in an executor's working folder on the worker
    assert started and all(Path(cluster.folder) in Path(folder).parents for folder in started)
