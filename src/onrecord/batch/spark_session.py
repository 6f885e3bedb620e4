"""The Spark session of ``onrecord batch``: the master, the Python the executors run, Spark's log, a failed job in
one line.

The executors' Python is the one thing a cluster run needs that local mode gives for free. PySpark starts the
executors' Python workers with the interpreter named by ``PYSPARK_PYTHON`` when the SparkContext is created (a
``spark.pyspark.python`` setting is read only by spark-submit), so :func:`session` sets that variable while it
creates the context, to, in order of precedence:

- ``./env/bin/python`` with ``--python-env FILE.tar.gz``: the packed environment is shipped as ``spark.archives``
  (``FILE#env``) and unpacked in every executor's working folder (clusters whose nodes differ);
- ``spark.pyspark.python`` given with ``--conf``, else a ``PYSPARK_PYTHON`` the user exported;
- the driver's own interpreter (clusters built from one image: standalone, Kubernetes, identical machines). When
  this interpreter does not find the onrecord that is running by itself (onrecord came through PYTHONPATH, as in
  a source checkout), the folder it came from is put on the executors' PYTHONPATH too, so they run the same code.

Spark's own log (warnings, lost tasks) goes to a file named in the error of a failed job; the error is the first
Python error line of the failed task, not the last line of a Java trace.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator, Mapping

from onrecord.errors import OnrecordError

ENV_DIR = "env"                 # where --python-env is unpacked on an executor: ./env/bin/python
LOG_SETTING = "spark.onrecord.log"
ARCHIVES = (".tar.gz", ".tgz", ".tar", ".zip")
NO_ONRECORD = "use --python-env or install onrecord on every node"

# Spark's log at WARN to the run's file; the console keeps warnings such as "Initial job has not accepted any
# resources" (a cluster without free cores), but not the lost-task traces, which the one-line error replaces.
_LOG4J = """rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
rootLogger.appenderRef.file.ref = file
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
appender.file.type = File
appender.file.name = file
appender.file.fileName = {log}
appender.file.append = true
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.utils.name = org.apache.spark.util.Utils
logger.utils.level = error
logger.hadoop.name = org.apache.hadoop.util.NativeCodeLoader
logger.hadoop.level = error
"""
_FILE_ONLY = ("org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.executor.Executor",
              "org.apache.spark.api.python")


def log4j_properties(log: str) -> str:
    quiet = "".join(f"logger.quiet{i}.name = {name}\nlogger.quiet{i}.level = warn\n"
                    f"logger.quiet{i}.additivity = false\nlogger.quiet{i}.appenderRef.file.ref = file\n"
                    for i, name in enumerate(_FILE_ONLY))
    return _LOG4J.replace("{log}", log) + quiet


def is_local(master: str) -> bool:
    return master == "local" or master.startswith("local[") or master.startswith("local-cluster[")


# -- the executors' Python ---------------------------------------------------------------------------------------

def executor_python(master: str, conf: Mapping[str, str], python_env: str | None = None,
                    environ: Mapping[str, str] = os.environ) -> tuple[str, dict[str, str]]:
    """The interpreter the executors start (``PYSPARK_PYTHON``) and the settings that go with it."""
    if python_env:
        if is_local(master):
            raise OnrecordError(f"--python-env: the master is {master}, whose executors are this Python process's "
                                "own workers; it is for cluster masters (spark://, yarn, k8s://)")
        return f"./{ENV_DIR}/bin/python", {"spark.archives": _archives(python_env, conf.get("spark.archives"))}
    if conf.get("spark.pyspark.python"):
        return conf["spark.pyspark.python"], {}
    if environ.get("PYSPARK_PYTHON"):
        return environ["PYSPARK_PYTHON"], {}
    if is_local(master):      # the workers are children of this process: same interpreter, same environment
        return sys.executable, {}
    path = path_to_ship(sys.executable)
    return sys.executable, ({"spark.executorEnv.PYTHONPATH": path} if path else {})


def _archives(python_env: str, existing: str | None) -> str:
    if not python_env.endswith(ARCHIVES):
        raise OnrecordError(f"--python-env {python_env}: not a packed environment (.tar.gz, .tgz, .tar or .zip, "
                            "as venv-pack or conda-pack write it)")
    uri = python_env
    if "://" not in python_env:
        local = python_env.removeprefix("file:")
        if not os.path.isfile(local):
            raise OnrecordError(f"--python-env {python_env}: no such file")
        uri = os.path.abspath(local)
    shipped = f"{uri}#{ENV_DIR}"
    return f"{existing},{shipped}" if existing else shipped


def path_to_ship(executable: str) -> str | None:
    """The folder holding the running onrecord package when ``executable``, started clean (no PYTHONPATH, no
    current folder), would import another onrecord or none; None when it imports this one."""
    import onrecord
    here = os.path.realpath(onrecord.__file__)
    probe = "import importlib.util as u; s = u.find_spec('onrecord'); print(s.origin if s and s.origin else '')"
    try:
        found = subprocess.run([executable, "-E", "-P", "-c", probe], capture_output=True, text=True,
                               timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    if found and os.path.realpath(found) == here:
        return None
    return os.path.dirname(os.path.dirname(here))


@contextlib.contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """``name`` set to ``value`` while the SparkContext reads it, then as it was (later sessions, tests)."""
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


# -- the session -------------------------------------------------------------------------------------------------

def new_log() -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return os.path.join(tempfile.gettempdir(), f"onrecord-spark-{stamp}-{os.getpid()}.log")


# JVM options for a JVM that coordinates rather than computes: the quick compiler, serial collection
COORDINATING_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def jvm_options(master: str, conf: Mapping[str, str], log4j: str | None) -> dict[str, str]:
    """Java options for the driver we start (``log4j``: its logging file; None under spark-submit, whose driver is
    not ours) and, on a cluster, for the executors unless ``conf`` names theirs.

    The driver only coordinates (the work is in the executors' Python workers), in local mode and on a cluster
    alike: its quick compiler and serial collector cost less CPU than the optimising one and parallel collection
    (benchmarks/scaling.py prints the JVMs' CPU seconds). An executor's JVM passes rows from its Python workers to
    Parquet; compiling that code with the optimising compiler cost each new executor more CPU than it saved
    (``benchmarks/scaling.py --master`` measures the effect: README, Scale)."""
    options = {}
    if log4j:
        options["spark.driver.extraJavaOptions"] = f"-Dlog4j2.configurationFile=file:{log4j} {COORDINATING_JVM}"
    if not is_local(master) and "spark.executor.extraJavaOptions" not in conf:
        options["spark.executor.extraJavaOptions"] = COORDINATING_JVM
    return options


def session(master: str | None = None, conf: Mapping[str, str] | None = None, app: str = "onrecord batch",
            python_env: str | None = None):
    """A SparkSession: ``master`` if given, else the one spark-submit set, else ``local[*]``; the executors' Python
    as the module docstring says; ``conf`` (``--conf KEY=VALUE``) applied last."""
    try:
        import pyspark  # noqa: F401 — the package itself first (pyspark.sql may be cached from an earlier import)
        from pyspark.sql import SparkSession
    except ImportError:
        raise OnrecordError("the Spark engine needs pyspark: pip install 'onrecord[spark]' (and Java 17)") from None
    conf = dict(conf or {})
    launched_here = "PYSPARK_GATEWAY_PORT" not in os.environ      # not under spark-submit: we start the JVM
    if launched_here and not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise OnrecordError("the Spark engine needs Java 17: no java on PATH and JAVA_HOME is unset "
                            "(e.g. apt-get install openjdk-17-jre-headless)")
    master = master or conf.get("spark.master") or _submitted_master() or "local[*]"
    python, settings = executor_python(master, conf, python_env)
    log = new_log()
    builder = (SparkSession.builder.appName(app).master(master).config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.debug.maxToStringFields", "200")
               # Python workers fork from a daemon that has loaded the model (see spark_daemon.py)
               .config("spark.python.daemon.module", "onrecord.batch.spark_daemon")
               .config(LOG_SETTING, log))
    if launched_here:
        log4j = os.path.join(tempfile.gettempdir(), f"onrecord-spark-log4j2-{os.getpid()}.properties")
        with open(log4j, "w", encoding="utf-8") as f:
            f.write(log4j_properties(log))
    else:
        log4j = None
    jvm = jvm_options(master, conf, log4j)
    for key, value in {**jvm, **settings, **conf}.items():
        builder = builder.config(key, value)
    try:
        with _environment("PYSPARK_PYTHON", python):
            spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 — PySparkRuntimeError (JAVA_GATEWAY_EXITED) and friends: one line
        raise OnrecordError(f"Spark did not start: {_one_line(exc)} (is Java 17 installed and JAVA_HOME right?)"
                            ) from None
    spark.sparkContext.setLogLevel("WARN")
    _forget(spark, {**jvm, **settings, **conf})
    return spark


def _forget(spark, settings: Mapping[str, str]) -> None:
    """Clear ``settings`` from the JVM's system properties once the context holds them: PySpark leaves a session's
    settings there, and the next session of the process (a test, a benchmark round) would start with them (an
    earlier run's spark.executorEnv.PYTHONPATH gave executors an onrecord they did not have)."""
    system = spark.sparkContext._jvm.java.lang.System
    for key in settings:
        system.clearProperty(key)


def _submitted_master() -> str | None:
    """The master spark-submit was given (its settings reach Python only through the JVM it started)."""
    if "PYSPARK_GATEWAY_PORT" not in os.environ:
        return None
    from pyspark import SparkConf, SparkContext
    SparkContext._ensure_initialized()
    return SparkConf().get("spark.master", None)


# -- a failed job ------------------------------------------------------------------------------------------------

_TRACEBACK = "Traceback (most recent call last):"
_WORKER = "Error from python worker:"
_ERROR_LINE = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?[A-Za-z_]\w*(?:Error|Exception|Exit)\b:?.*")
_NESTED = re.compile(r"\((\w*(?:Error|Exception)): (.*)\)$")


def first_python_error(text: str) -> str | None:
    """The first Python error line of a failed job's message: the exception line closing the first traceback of
    a task, or the line a Python worker printed before it died (an interpreter that cannot start onrecord)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.strip() == _WORKER and i + 1 < len(lines) and lines[i + 1].strip():
            return lines[i + 1].strip()
        if line.strip().endswith(_TRACEBACK):
            for after in lines[i + 1:]:
                if _ERROR_LINE.match(after):
                    return after.strip()
    return None


def cannot_import(cause: str) -> bool:
    return "ModuleNotFoundError" in cause or "ImportError" in cause


def explain(cause: str | None, fallback: str, log: str) -> str:
    """The one line a failed job is reported in."""
    where = f"; the full trace is in {log}"
    if cause and cannot_import(cause):
        nested = _NESTED.search(cause)      # "python3: Error while finding module … (ModuleNotFoundError: …)"
        if nested:
            interpreter = cause.split(":", 1)[0]
            cause = f"{nested.group(1)}: {nested.group(2)} ({interpreter})"
        return f"executors cannot import onrecord: {cause}; {NO_ONRECORD}{where}"
    return f"Spark job failed: {cause or fallback}{where}"


def job_failed(exc: BaseException, spark) -> OnrecordError:
    """The error for a failed job: its trace appended to the session's log file, named in one line."""
    log = spark.sparkContext.getConf().get(LOG_SETTING, None) if spark is not None else None
    log = log or new_log()
    text = str(exc)
    try:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"\n--- onrecord batch: the job failed ({time.strftime('%Y-%m-%d %H:%M:%S')}) ---\n")
            f.write("".join(traceback.format_exception(exc)))
            if text not in "".join(traceback.format_exception(exc)):
                f.write(text + "\n")
    except OSError:
        log = f"(not written: {log} cannot be opened)"
    return OnrecordError(explain(first_python_error(text), _one_line(exc, first=True), log))


def _one_line(exc: BaseException, first: bool = False) -> str:
    """The line of a Java/Python error that names the error: the last (start-up) or the first (a failed job: the
    stage failure, before the trace of its cause)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "error:" in line or "Exception:" in line]
    line = (errors[0] if first else errors[-1]) if errors else lines[0] if lines else type(exc).__name__
    return line.removeprefix(": ")[:300]      # py4j's "An error occurred while calling o52.parquet.\n: java…"
