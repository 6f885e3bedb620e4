"""Scaling of onrecord: on one machine (ingest with 1 and 2 worker processes, Spark local[2]), or on a standalone
Spark cluster (one one-core worker against two), on the same corpus.

    python benchmarks/scaling.py CORPUS_DIR [--repeat K] [--model NAME]
    python benchmarks/scaling.py CORPUS_DIR --master spark://HOST:PORT|new [--repeat K] [--model NAME]

CORPUS_DIR holds .txt files (e.g. ../shared/datasets/polnear/dev/text, read by path). In one run, interleaved,
best of K (timings on a shared machine drift): onrecord's parse stage alone in one process (the floor: what one
core does before any attribution rule or ledger write), `ingest` with 1 worker (in process) and 2 worker processes
into a fresh ledger each time, and `batch --engine spark` on local[2] to Parquet. Model loading is excluded from
every rate: the in-process model, the two workers and Spark's Python workers are warmed up before timing, and the
start-up costs are printed apart. Prints articles/s, the ratios 2 workers / 1 worker (target >= 1.7) and Spark
local[2] / 2 workers (target >= 0.8), and the cores 0.5M articles a day need at the measured rate per core.

With --master, `batch` runs on the standalone master at that URL (``new``: one started here on 127.0.0.1): each
round starts one worker process with one core on this machine, then two, each time a new application whose
executors are warmed up (model loaded) before the timed run, and stops them by their process ids. Prints the
seconds of each, and the ratio two workers / one worker (target >= 1.7).
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from corpus import corpus_files, corpus_parser  # noqa: E402

from onrecord import Extractor
from onrecord.batch.runner import ingest
from onrecord.batch.workers import Pool, ingest_parallel, model_extractor
from onrecord.ingest.reader import read
from onrecord.ledger.store import Store
from onrecord.nlp import load, parse_many

PER_DAY = 500_000


def cpu_seconds() -> dict[tuple[int, str], float]:
    """CPU seconds used so far by every process on this machine, by (pid, command name): what a run cost beyond
    its wall time, and how much of Spark's cost is the JVM (Linux /proc; empty elsewhere). Keyed by pid, because
    processes that end during a run (Spark's idle Python workers) must not subtract from the ones that ran."""
    totals: dict[tuple[int, str], float] = {}
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            stat = entry.read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        totals[(int(entry.parent.name), name)] = (int(fields[11]) + int(fields[12])) / tick
    return totals


def cpu_used(before: dict[tuple[int, str], float], after: dict[tuple[int, str], float]) -> dict[str, float]:
    """CPU seconds spent between two ``cpu_seconds()`` readings, by command name (new processes count whole)."""
    used: dict[str, float] = {}
    for (pid, name), seconds in after.items():
        spent = seconds - before.get((pid, name), 0.0)
        if spent > 0:
            used[name] = used.get(name, 0.0) + spent
    return {name: seconds for name, seconds in used.items() if seconds > 0.05}


def main() -> None:
    parser = corpus_parser(__doc__.splitlines()[0])
    parser.add_argument("--master", metavar="URL", help="a standalone master spark://HOST:PORT to start one-core "
                                                        "workers for, or 'new' to start one here")
    args = parser.parse_args()
    files = corpus_files(args.corpus, "scaling")
    if args.master:
        cluster_scaling(files, args)
        return
    docs = list(read(files))
    n = len(docs)
    words = sum(len(d.text.split()) for d in docs)

    started = time.perf_counter()
    extractor = Extractor(args.model)
    extractor.extract(docs[0].text)
    load_one = time.perf_counter() - started
    started = time.perf_counter()
    pool = Pool(2, model_extractor, args.model)
    pool.warm()
    load_two = time.perf_counter() - started
    from onrecord.batch.spark import run_batch, session
    started = time.perf_counter()
    spark = session("local[2]", conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4"},
                    app="onrecord scaling")
    tmp = tempfile.mkdtemp(prefix="onrecord-scaling-")
    # warm-up on a few files: the JVM's first jobs and each Python worker's model load are not timed
    run_batch(files[:8], os.path.join(tmp, "warm"), model=args.model, spark=spark, partitions=2)
    load_spark = time.perf_counter() - started

    def parse_only() -> float:
        begin = time.perf_counter()
        for _doc in parse_many(load(args.model), [d.text for d in docs]):
            pass
        return time.perf_counter() - begin

    def one_worker() -> float:
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "l.db") as store:
            begin = time.perf_counter()
            report = ingest(files, store, extractor.extract_many, model=args.model, workers=1)
            assert report.added == n, report
            return time.perf_counter() - begin

    def two_workers() -> float:
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "l.db") as store:
            begin = time.perf_counter()
            report = ingest_parallel(files, store, extractor.extract_many, model=args.model, pool=pool)
            assert report.added == n, report
            return time.perf_counter() - begin

    def spark_local2() -> float:
        with tempfile.TemporaryDirectory(dir=tmp) as folder:
            begin = time.perf_counter()
            report = run_batch(files, os.path.join(folder, "out"), model=args.model, spark=spark)
            assert report.articles == n, report
            return time.perf_counter() - begin

    runs: dict[str, list[float]] = {"parse only (1 process)": [], "ingest, 1 worker": [],
                                    "ingest, 2 workers": [], "Spark local[2]": []}
    cpu: dict[str, dict[str, float]] = {}
    for k in range(args.repeat):
        for (name, times), func in zip(runs.items(), (parse_only, one_worker, two_workers, spark_local2)):
            before = cpu_seconds()
            times.append(func())
            if times[-1] == min(times):
                cpu[name] = cpu_used(before, cpu_seconds())
        print(f"  round {k + 1}: " + ", ".join(f"{name} {min(t):.1f} s" for name, t in runs.items()),
              file=sys.stderr)
    pool.close()
    spark.stop()
    shutil.rmtree(tmp, ignore_errors=True)
    best = {name: min(times) for name, times in runs.items()}
    rate = {name: n / seconds for name, seconds in best.items()}
    print(f"corpus: {args.corpus} — {n} articles, {words:,} words; model {args.model}; best of {args.repeat}; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end")
    print(f"start-up, not in the rates: model in process {load_one:.1f} s, 2 workers {load_two:.1f} s, "
          f"Spark session + Python workers {load_spark:.1f} s")
    print(f"{'run':<24} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'CPU s':>7}  CPU by process")
    for name, seconds in best.items():
        used = cpu.get(name, {})
        top = ", ".join(f"{c} {v:.1f}" for c, v in sorted(used.items(), key=lambda x: -x[1])[:3])
        print(f"{name:<24} {seconds:>8.2f} {rate[name]:>11.2f} {words / seconds:>9,.0f} {sum(used.values()):>7.1f}"
              f"  {top}")
    two, one, on_spark = rate["ingest, 2 workers"], rate["ingest, 1 worker"], rate["Spark local[2]"]
    print(f"ratio 2 workers / 1 worker: {two / one:.3f} (target >= 1.7)")
    print(f"ratio Spark local[2] / 2 workers: {on_spark / two:.3f} (target >= 0.8)")
    per_second = PER_DAY / 86_400
    print(f"0.5M articles/day = {PER_DAY:,} / 86,400 s = {per_second:.2f} articles/s on average")
    for name, per_core in (("1 worker", one), ("2 workers", two / 2), ("Spark local[2]", on_spark / 2)):
        cores = per_second / per_core
        print(f"  at {per_core:.2f} articles/s per core ({name}): {per_second:.2f} / {per_core:.2f} = {cores:.2f} "
              f"cores busy around the clock, {math.ceil(cores)} cores; {math.ceil(2 * cores)} for 2x peak headroom")


def cluster_scaling(files: list[str], args) -> None:
    """One one-core worker against two, on a standalone master; rounds interleaved, best of K."""
    from onrecord.batch.spark import run_batch
    from onrecord.batch.spark_session import session
    from onrecord.batch.standalone import Cluster
    n, words = len(files), sum(len(d.text.split()) for d in read(files))
    tmp = tempfile.mkdtemp(prefix="onrecord-scaling-")
    master = "" if args.master == "new" else args.master
    runs: dict[int, list[float]] = {1: [], 2: []}
    loads: list[float] = []
    with Cluster(os.path.join(tmp, "cluster"), master=master) as cluster:
        for k in range(args.repeat):
            for count in (1, 2):
                for _ in range(count):
                    cluster.add_worker(cores=1)
                spark = session(cluster.url, conf={"spark.ui.enabled": "false"}, app=f"onrecord scaling {count}")
                try:
                    wait_for_executors(spark, count)
                    # warm-up: every executor's daemon loads the model, the JVMs run their first jobs
                    run_batch(files[:4 * count], os.path.join(tmp, "warm"), model=args.model, spark=spark,
                              partitions=2 * count)
                    begin = time.perf_counter()
                    report = run_batch(files, os.path.join(tmp, "out"), model=args.model, spark=spark)
                    runs[count].append(time.perf_counter() - begin)
                    assert report.articles == n, report
                finally:
                    spark.stop()
                    for worker in list(cluster.workers):
                        cluster.stop_worker(worker)
                loads.append(os.getloadavg()[0])
                print(f"  round {k + 1}, {count} worker(s): {runs[count][-1]:.1f} s (load average {loads[-1]:.2f})",
                      file=sys.stderr)
    shutil.rmtree(tmp, ignore_errors=True)
    one, two = min(runs[1]), min(runs[2])
    print(f"corpus: {args.corpus} — {n} articles, {words:,} words; model {args.model}; master {cluster.url}; "
          f"best of {args.repeat}; {os.cpu_count()} cores, load average {min(loads):.2f}–{max(loads):.2f} "
          f"after the runs")
    for count, seconds in ((1, one), (2, two)):
        print(f"{count} one-core worker(s): {seconds:.2f} s, {n / seconds:.2f} articles/s "
              f"(all runs: {', '.join(f'{t:.1f}' for t in runs[count])} s)")
    print(f"ratio 2 workers / 1 worker: {one / two:.3f} (target >= 1.7)")


def wait_for_executors(spark, count: int, timeout: float = 300.0) -> None:
    """Until ``count`` executors have registered (the driver counts as one more in Spark's list)."""
    tracker = spark.sparkContext._jsc.sc().statusTracker()     # the JVM's: PySpark's lacks executor infos
    deadline = time.monotonic() + timeout
    while len(tracker.getExecutorInfos()) < count + 1:
        if time.monotonic() > deadline:
            sys.exit(f"scaling: {count} executor(s) did not register in {timeout:.0f} s")
        time.sleep(0.5)


if __name__ == "__main__":
    main()
