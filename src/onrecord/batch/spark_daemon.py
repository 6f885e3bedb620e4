"""PySpark's worker daemon with the spaCy model loaded before it forks (``spark.python.daemon.module``).

Spark starts one daemon per executor and forks a Python worker from it for each concurrent task. Without this,
every new worker loads the model on its first task: measured on PolNeAR dev with local[2], four workers appeared
in one job (Spark forks another when a task starts before the last one's worker is back in the pool), and each
spent about a second loading the model inside the timed run. Loaded here, once, every fork starts with it (and
shares its memory pages until they are written).

The model's name comes in ``ONRECORD_SPARK_MODEL`` (``run_batch`` sets it in the executors' environment). If it
cannot be loaded here, nothing is preloaded and the task that needs it reports the error as usual.
"""

from __future__ import annotations

import contextlib
import os
import sys

from pyspark import daemon

MODEL_ENV = "ONRECORD_SPARK_MODEL"


def preload() -> None:
    model = os.environ.get(MODEL_ENV)
    if not model:
        return
    # the daemon tells the JVM its port on stdout: nothing else may be written there
    with contextlib.redirect_stdout(sys.stderr):
        try:
            from onrecord.batch.spark import _extract_many
            _extract_many(model)
        except Exception as exc:  # noqa: BLE001 — the first task will raise it, with Spark's error reporting
            print(f"onrecord: model {model!r} not preloaded in the Spark daemon: {exc}", file=sys.stderr)


if __name__ == "__main__":
    preload()
    daemon.manager()
