"""The Spark session of `onrecord batch`: the executors' Python, settings passed through, a failed job in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import onrecord
from onrecord.batch.spark_session import (
    COORDINATING_JVM,
    executor_python,
    explain,
    first_python_error,
    job_failed,
    jvm_options,
    path_to_ship,
)
from onrecord.cli import main
from onrecord.errors import OnrecordError

HERE = os.path.dirname(os.path.dirname(os.path.realpath(onrecord.__file__)))

# The shapes of the messages a failed job brings back to the driver (written for these tests, Java frames cut).
DAEMON_DIED = """An error occurred while calling o87.parquet.
: org.apache.spark.SparkException: Job aborted due to stage failure: Task 2 in stage 1.0 failed 4 times, most recent
failure: Lost task 2.3 in stage 1.0 (TID 9) (10.0.0.5 executor 1): org.apache.spark.SparkException:
Error from python worker:
  /opt/node/bin/python3: Error while finding module specification for 'onrecord.batch.spark_daemon' \
(ModuleNotFoundError: No module named 'onrecord')
PYTHONPATH was:
  /opt/spark/python/lib/pyspark.zip
org.apache.spark.SparkException: EOFException occurred while reading the port number
\tat org.apache.spark.api.python.PythonWorkerFactory.startDaemon(PythonWorkerFactory.scala:300)
"""
TASK_TRACEBACK = """Job aborted due to stage failure: Task 0 in stage 3.0 failed 4 times: \
org.apache.spark.api.python.PythonException: Traceback (most recent call last):
  File "/opt/spark/python/lib/pyspark.zip/pyspark/worker.py", line 120, in main
    func = read_command(serializer, infile)
  File "/srv/onrecord/ingest/reader.py", line 9, in <module>
    import spacy
ModuleNotFoundError: No module named 'spacy'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/opt/spark/python/lib/pyspark.zip/pyspark/worker.py", line 130, in main
    raise RuntimeError("second")
RuntimeError: second
\tat org.apache.spark.api.python.BasePythonRunner.handlePythonException(PythonRunner.scala:500)
"""
MODEL_MISSING = """org.apache.spark.api.python.PythonException: Traceback (most recent call last):
  File "/srv/onrecord/batch/spark.py", line 190, in _extract_many
    _extractors[model] = Extractor(model)
onrecord.errors.ModelError: spaCy model 'xx_news_lg': is not installed
"""
JAVA_ONLY = """An error occurred while calling o52.parquet.
: java.io.IOException: No space left on device
\tat java.base/java.io.FileOutputStream.writeBytes(Native Method)
"""


@pytest.mark.parametrize("text, expected", [
    (DAEMON_DIED, "/opt/node/bin/python3: Error while finding module specification for "
                  "'onrecord.batch.spark_daemon' (ModuleNotFoundError: No module named 'onrecord')"),
    (TASK_TRACEBACK, "ModuleNotFoundError: No module named 'spacy'"),      # the first, not the chained one
    (MODEL_MISSING, "onrecord.errors.ModelError: spaCy model 'xx_news_lg': is not installed"),
    (JAVA_ONLY, None),                                                      # no Python in it
])
def test_spark_session_first_python_error_of_a_failed_job(text, expected):
    assert first_python_error(text) == expected


@pytest.mark.parametrize("text, expected", [
    (DAEMON_DIED, "executors cannot import onrecord: ModuleNotFoundError: No module named 'onrecord' "
                  "(/opt/node/bin/python3); use --python-env or install onrecord on every node; "
                  "the full trace is in /tmp/x.log"),
    (TASK_TRACEBACK, "executors cannot import onrecord: ModuleNotFoundError: No module named 'spacy'; "
                     "use --python-env or install onrecord on every node; the full trace is in /tmp/x.log"),
    (MODEL_MISSING, "Spark job failed: onrecord.errors.ModelError: spaCy model 'xx_news_lg': is not installed; "
                    "the full trace is in /tmp/x.log"),
    (JAVA_ONLY, "Spark job failed: java.io.IOException: No space left on device; the full trace is in /tmp/x.log"),
])
def test_spark_session_explains_a_failed_job_in_one_line(text, expected):
    fallback = "java.io.IOException: No space left on device"      # the first error line of the Java trace
    assert explain(first_python_error(text), fallback, "/tmp/x.log") == expected


def test_spark_session_job_failed_writes_the_whole_trace_to_the_log_it_names(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    error = job_failed(RuntimeError(DAEMON_DIED), None)
    message = str(error)
    assert "\n" not in message and message.startswith("executors cannot import onrecord:")
    log = Path(message.split("the full trace is in ")[1])
    assert log.parent == tmp_path
    assert "PythonWorkerFactory.startDaemon" in log.read_text(encoding="utf-8")
    assert str(job_failed(RuntimeError(JAVA_ONLY), None)).startswith(
        "Spark job failed: java.io.IOException: No space left on device; the full trace is in ")


@pytest.fixture()
def archive(tmp_path) -> Path:
    path = tmp_path / "onrecord-env.tar.gz"
    path.write_bytes(b"\x1f\x8b")
    return path


@pytest.mark.parametrize("master, conf, environ, expected", [
    # local mode, nothing chosen: this interpreter (the workers are children of this process)
    ("local[2]", {}, {}, (sys.executable, {})),
    # a setting given with --conf, then a variable the user exported, win over the default
    ("spark://10.0.0.2:7077", {"spark.pyspark.python": "/opt/py/bin/python"}, {"PYSPARK_PYTHON": "/usr/bin/python3"},
     ("/opt/py/bin/python", {})),
    ("yarn", {}, {"PYSPARK_PYTHON": "/usr/bin/python3"}, ("/usr/bin/python3", {})),
    ("local[1]", {"spark.pyspark.python": "/opt/py/bin/python"}, {}, ("/opt/py/bin/python", {})),
])
def test_spark_session_executor_python_in_order_of_precedence(master, conf, environ, expected):
    assert executor_python(master, conf, None, environ) == expected


@pytest.mark.parametrize("master, conf, log4j, expected", [
    # the driver we start: our log file and the coordinating JVM options; local mode has no executor JVM
    ("local[2]", {}, "/tmp/l.properties",
     {"spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile=file:/tmp/l.properties {COORDINATING_JVM}"}),
    # on a cluster the executors get them too, unless the user named theirs
    ("spark://10.0.0.2:7077", {}, None, {"spark.executor.extraJavaOptions": COORDINATING_JVM}),
    ("yarn", {"spark.executor.extraJavaOptions": "-Xss4m"}, None, {}),
])
def test_spark_session_jvm_options_for_the_driver_and_a_clusters_executors(master, conf, log4j, expected):
    assert jvm_options(master, conf, log4j) == expected


def test_spark_session_executor_python_is_the_drivers_on_a_cluster_by_default():
    python, settings = executor_python("spark://10.0.0.2:7077", {}, None, {})
    assert python == sys.executable
    # the folder of this onrecord goes along only when this interpreter would not import it by itself
    assert settings == ({"spark.executorEnv.PYTHONPATH": HERE} if path_to_ship(sys.executable) else {})


@pytest.mark.parametrize("conf, expected", [
    ({}, "{archive}#env"),
    ({"spark.archives": "hdfs:///geo.zip#geo"}, "hdfs:///geo.zip#geo,{archive}#env"),
])
def test_spark_session_python_env_ships_the_archive_and_runs_its_python(archive, conf, expected):
    python, settings = executor_python("yarn", conf, str(archive), {"PYSPARK_PYTHON": "/usr/bin/python3"})
    assert python == "./env/bin/python"
    assert settings == {"spark.archives": expected.format(archive=archive)}


def test_spark_session_python_env_may_be_a_uri_the_cluster_reads():
    assert executor_python("k8s://https://10.0.0.1:6443", {}, "s3a://envs/onrecord-0.3.tar.gz", {}) == (
        "./env/bin/python", {"spark.archives": "s3a://envs/onrecord-0.3.tar.gz#env"})


@pytest.mark.parametrize("master, python_env, problem", [
    ("local[2]", "{archive}", "it is for cluster masters"),
    ("yarn", "{missing}", "no such file"),
    ("yarn", "{folder}", "not a packed environment"),
])
def test_spark_session_python_env_refused_with_one_line(master, python_env, problem, archive, tmp_path):
    value = python_env.format(archive=archive, missing=tmp_path / "gone.tar.gz", folder=tmp_path)
    with pytest.raises(OnrecordError) as info:
        executor_python(master, {}, value, {})
    assert problem in str(info.value) and "\n" not in str(info.value)


@pytest.fixture(scope="module")
def bare_venv(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bare") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    return folder


def test_spark_session_path_to_ship_when_the_interpreter_lacks_this_onrecord(bare_venv):
    assert path_to_ship(str(bare_venv / "bin" / "python")) == HERE


def test_spark_session_nothing_to_ship_when_the_interpreter_has_this_onrecord(bare_venv, tmp_path):
    python = bare_venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (Path(site) / "onrecord-here.pth").write_text(HERE + "\n", encoding="utf-8")    # as an install would
    try:
        assert path_to_ship(str(python)) is None
    finally:
        (Path(site) / "onrecord-here.pth").unlink()


@pytest.mark.parametrize("setting", ["spark.executor.memory", "=4g", ""])
def test_spark_session_conf_that_is_not_key_value_is_a_usage_error(setting, capsys, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["batch", "examples/dispute", "--out", str(tmp_path / "o"), "--conf", setting])
    assert info.value.code == 2
    assert "is not KEY=VALUE" in capsys.readouterr().err


def test_spark_session_settings_of_one_session_do_not_leak_into_the_next():
    """Fixed bug: PySpark leaves a session's settings in the JVM's system properties, so a second session of the
    process started with the first one's spark.executorEnv.PYTHONPATH (a test of executors without onrecord
    found it through that)."""
    pytest.importorskip("pyspark")
    from onrecord.batch.spark_session import session
    first = session("local[1]", conf={"spark.executorEnv.ONRECORD_PROBE": "first", "spark.ui.enabled": "false"})
    try:
        assert first.sparkContext.environment.get("ONRECORD_PROBE") == "first"
    finally:
        first.stop()
    second = session("local[1]", conf={"spark.ui.enabled": "false"})
    try:
        assert "ONRECORD_PROBE" not in second.sparkContext.environment
    finally:
        second.stop()
