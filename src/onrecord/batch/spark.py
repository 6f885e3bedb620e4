"""``onrecord batch --engine spark``: read and extract on Apache Spark, write Parquet tables a ledger loads.

Files (text, HTML, JSONL, WARC, feeds) are read on the executors from their bytes by the same readers as ``ingest``;
Parquet inputs give one document per row (``text``, optional ``url``, ``title``, ``published``, ``source``,
``author``). Documents are spread over partitions and extracted in ``mapPartitions`` with one spaCy model per
executor Python process. Every table is written sorted by (rank, file, record): the order ``ingest`` reads the same
inputs in, so ``onrecord ledger load`` builds the ledger that ``ingest`` would (actor merges and claims depend on it).

Runs under ``spark-submit`` too: ``spark-submit [options] .../onrecord/batch/spark.py INPUT... --out DIR``.
Imports are absolute because spark-submit runs this file as a script; pyspark is imported only when used.
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from onrecord.article import Article
from onrecord.batch.spark_session import job_failed, session
from onrecord.errors import OnrecordError
from onrecord.ingest.document import Failure
from onrecord.ingest.reader import ReadOptions

TABLES = ("articles", "attributions", "actors", "failures")
ORDER = ("rank", "file", "record")
EXTRACT_BATCH = 32
@dataclass(frozen=True, slots=True)
class BatchReport:
    articles: int
    attributions: int
    actors: int
    failures: int
    seconds: float


# -- inputs -----------------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Inputs:
    """What to read, planned on the driver: local files in ``ingest``'s order, and URIs Spark lists itself."""

    files: tuple[tuple[int, str], ...]         # (rank, local path as ingest names it)
    parquet: tuple[tuple[int, str], ...]       # (rank, local path or URI)
    remote: tuple[tuple[int, str], ...]        # (rank, URI of a file or folder: hdfs://, s3a://, ...)
    unreadable: tuple[tuple[int, str, str], ...]   # (rank, local path, why: missing, or an empty folder)


def plan(paths: Sequence[str]) -> Inputs:
    from onrecord.ingest.reader import _walk  # the walk ingest does: same files, same order
    files, parquet, remote, unreadable = [], [], [], []
    rank = 0
    for path in paths:
        local = path.removeprefix("file:")
        if "://" in path and not path.startswith("file:"):
            (parquet if path.rstrip("/").endswith(".parquet") else remote).append((rank, path))
            rank += 1
            continue
        found = _walk(local) if os.path.isdir(local) else [local] if os.path.lexists(local) else None
        if not found:   # as ingest's read says it
            unreadable.append((rank, path, "no such file or directory" if found is None
                               else "is a folder with no files in it"))
            rank += 1
        for file in found or ():
            (parquet if file.endswith(".parquet") else files).append((rank, file))
            rank += 1
    return Inputs(tuple(files), tuple(parquet), tuple(remote), tuple(unreadable))


def _local_key(uri: str) -> str:
    """"file:/a/b c.txt" (as Spark names it) → "/a/b c.txt"."""
    path = unquote(uri[5:]) if uri.startswith("file:") else uri
    return "/" + path.lstrip("/") if uri.startswith("file:") else path


def _read_local(rank: int, path: str, absolute: str, options: ReadOptions) -> Iterator[tuple]:
    """The documents of a local file, named by ``path`` as given (as ingest names them), opened by its absolute
    path (an executor's working folder is not the driver's)."""
    from onrecord.ingest.reader import read_stream
    try:
        with open(absolute, "rb") as stream:
            yield from ((rank, path, n, item) for n, item in enumerate(read_stream(path, stream, options)))
    except OSError as exc:   # as ingest's read_file words it
        yield (rank, path, 0, Failure(path, f"cannot be read: {exc.strerror or exc}"))


def _read_bytes(row: Any, names: dict[str, tuple[int, str]], options: ReadOptions) -> Iterator[tuple]:
    """The documents of a file Spark read whole (a URI: hdfs://, s3a://), by the same readers as ingest."""
    from onrecord.ingest.reader import read_stream
    for record, item in enumerate(read_stream(row.path, io.BytesIO(row.content), options)):
        yield (row.rank, row.path, record, item)


def _read_parquet_row(row: Any, names: dict[str, tuple[int, str]], options: ReadOptions) -> tuple:
    from onrecord.ingest.jsonl import parse_record
    from onrecord.ingest.provenance import describe
    rank, path = names.get(_local_key(row.file_path)) or (row.rank, row.file_path)
    record = row.asDict()
    source = f"{path}:{record['row_index'] + 1}"
    document = parse_record(record, source, options.fields, options.clean, "parquet")
    return (rank, path, record["row_index"], describe(document, options.metadata, options.date))


def read_inputs(spark, inputs: Inputs, options: ReadOptions):
    """An RDD of (rank, file, record, Document | Failure) for every input."""
    from pyspark.sql import functions as F
    sc = spark.sparkContext
    names = {os.path.abspath(p): (rank, p) for rank, p in inputs.parquet}
    parts = [sc.parallelize([(rank, p, 0, Failure(p, why)) for rank, p, why in inputs.unreadable], 1)]
    if inputs.files:
        # local paths (on a filesystem every executor mounts): listed here already, so each executor opens its
        # share with ingest's own reader; no Hadoop listing job, no file held whole in a row
        slices = max(1, min(len(inputs.files), 4 * sc.defaultParallelism))
        files = [(rank, p, os.path.abspath(p)) for rank, p in inputs.files]
        parts.append(sc.parallelize(files, slices).flatMap(lambda file: _read_local(*file, options)))
    for rank, uri in inputs.remote:
        frame = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(uri)
        frame = frame.select(F.lit(rank).alias("rank"), "path", "content")
        parts.append(frame.rdd.flatMap(lambda row: _read_bytes(row, names, options)))
    for rank, path in inputs.parquet:
        frame = spark.read.parquet(path)
        wanted = {options.fields[k].split(".")[0] for k in ("text", "url", "title", "published", "source", "author")}
        columns = [F.col(c) for c in frame.columns if c in wanted]
        frame = frame.select(*columns, F.col("_metadata.file_path").alias("file_path"),
                             F.col("_metadata.row_index").alias("row_index"), F.lit(rank).alias("rank"))
        parts.append(frame.rdd.map(lambda row: _read_parquet_row(row, names, options)))
    return sc.union(parts)


def spread(records, count: int):
    """``records`` dealt round-robin over ``count`` partitions, one by one. (RDD.repartition moves pickled
    batches of up to ten records, so ten long articles can land in one task while others get none.)"""
    def numbered(index: int, items: Iterable[tuple]) -> Iterator[tuple[int, tuple]]:
        for i, item in enumerate(items):
            yield index + i, item
    return records.mapPartitionsWithIndex(numbered).partitionBy(count, lambda n: n).values()


# -- extraction on the executors --------------------------------------------------------------------------------

_extractors: dict[str, Any] = {}


def _extract_many(model: str):
    """The extractor of this executor process: loaded by the first task, kept for the next (workers are reused)."""
    if model not in _extractors:
        from onrecord.pipeline import Extractor
        _extractors[model] = Extractor(model)
    return _extractors[model].extract_many


def extract_partition(items: Iterable[tuple], model: str) -> Iterator[tuple]:
    """Result rows for a partition of (rank, file, record, Document | Failure), extracted EXTRACT_BATCH at a time."""
    from onrecord.batch.runner import extract_each
    batch: list[tuple] = []
    for item in items:
        if isinstance(item[3], Failure):
            yield failure_row(item)
            continue
        batch.append(item)
        if len(batch) >= EXTRACT_BATCH:
            yield from _extract_batch(batch, model, extract_each)
            batch = []
    if batch:
        yield from _extract_batch(batch, model, extract_each)


def _extract_batch(batch: list[tuple], model: str, extract_each) -> Iterator[tuple]:
    results = extract_each(_extract_many(model), [(item[3].source, item[3].text) for item in batch])
    for item, result in zip(batch, results, strict=True):
        if isinstance(result, Article):
            yield result_row(item, result, model)
        else:
            yield failure_row((*item[:3], Failure(item[3].source, result)))


def result_row(item: tuple, article: Article, model: str) -> tuple:
    from onrecord.ledger.writer import key_of
    rank, file, record, doc = item
    removals = [(r.at, r.text, r.reason) for r in doc.removals]
    return (rank, file, record, doc.source, key_of(doc), None, doc.url, doc.title, doc.author, doc.site,
            doc.published, doc.date_method, doc.format, doc.text, removals, article.text_length, model,
            [attribution_fields(a) for a in article.attributions], [actor_fields(a) for a in article.actors],
            doc.wire, doc.language,
            # the article's events (issue 20) as the contract's JSON: a nested schema of their own is not worth it
            json.dumps([e.to_dict() for e in article.events], ensure_ascii=False))


def failure_row(item: tuple) -> tuple:
    rank, file, record, failure = item
    return (rank, file, record, failure.source, None, failure.reason) + (None,) * 16


def attribution_fields(a) -> tuple:
    cue, mention, sentence = a.cue, a.speaker.mention, a.sentence
    return (a.id, a.kind, a.content.text, a.content.start, a.content.end, [list(p) for p in a.content.parts],
            *(_span(cue)), *(_span(mention)), a.speaker.name, a.speaker.kind, a.speaker.actor, a.stance, a.rule,
            # the confidence as stored by ingest, not rounded as in to_dict: the ledgers must be equal
            float(a.confidence), *(_span(sentence)), *(_span(a.via)), a.said_on, a.mode, a.polarity)


def actor_fields(a) -> tuple:
    return (a.id, a.name, a.kind, list(a.aliases), list(a.titles))


def _span(span) -> tuple:
    return (span.text, span.start, span.end) if span else (None, None, None)


# -- tables -----------------------------------------------------------------------------------------------------

def result_schema():
    """One row per input record: the article with nested attributions and actors, or the failure."""
    from pyspark.sql.types import ArrayType, DoubleType, IntegerType, LongType, StringType, StructField, StructType

    def fields(spec: str, types: dict[str, Any]) -> list:
        return [StructField(name, types.get(name, StringType()), True) for name in spec.split()]
    ints = IntegerType()
    span = {n: ints for n in ("content_start", "content_end", "cue_start", "cue_end", "mention_start",
                               "mention_end", "sentence_start", "sentence_end")}
    attribution = StructType(fields(
        "id kind content_text content_start content_end parts cue_text cue_start cue_end mention_text mention_start"
        " mention_end speaker_name speaker_kind speaker_actor stance rule confidence sentence_text sentence_start"
        " sentence_end via_text via_start via_end said_on mode polarity",
        span | {"via_start": ints, "via_end": ints, "parts": ArrayType(ArrayType(ints)), "confidence": DoubleType()}))
    actor = StructType(fields("id name kind aliases titles",
                              {"aliases": ArrayType(StringType()), "titles": ArrayType(StringType())}))
    removal = StructType(fields("at text reason", {"at": ints}))
    return StructType(fields(
        "rank file record source key failure url title author site published date_method format text removals"
        " text_length model attributions actors wire language events",
        {"rank": ints, "record": LongType(), "removals": ArrayType(removal), "text_length": ints,
         "attributions": ArrayType(attribution), "actors": ArrayType(actor)}))


ARTICLE_COLUMNS = ("source", "key", "url", "title", "author", "site", "published", "date_method", "format", "text",
                   "removals", "text_length", "model", "wire", "language", "events")


def write_tables(results, out: str) -> None:
    """``results`` (see :func:`result_schema`), sorted by ORDER, as the four Parquet tables under ``out``.

    Selections, filters and explodes keep the order of the rows within each partition, and the partitions of a
    sorted frame are consecutive ranges, so every table's part files follow one another in order: a loader streams
    and merge-joins them. Sorting once, before the split, saves a sort (sampling job and shuffle) per table."""
    from pyspark.sql import functions as F
    ok = results.where(F.col("failure").isNull())
    articles = ok.select(*ORDER, *ARTICLE_COLUMNS, F.size("attributions").alias("n_attributions"))
    attributions = ok.select(*ORDER, "source", "key", F.posexplode("attributions").alias("index", "a")) \
        .select(*ORDER, "source", "key", "index", "a.*")
    actors = ok.select(*ORDER, "source", "key", F.posexplode("actors").alias("index", "a")) \
        .select(*ORDER, "source", "key", "index", "a.*")
    failures = results.where(F.col("failure").isNotNull()).select(*ORDER, "source", F.col("failure").alias("reason"))
    for name, frame in zip(TABLES, (articles, attributions, actors, failures)):
        frame.write.mode("overwrite").parquet(f"{out.rstrip('/')}/{name}")


SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions"


def _sort_into(spark, count: int) -> bool:
    """Sort the results, and so write the four tables, in ``count`` partitions, as many as the extraction, unless
    the user set spark.sql.shuffle.partitions; True when this set it (to be unset at the end). Spark's default,
    200, turned each of the six jobs after the extraction into up to 200 tiny tasks, a fixed cost a second worker
    does not share (``benchmarks/scaling.py --master`` measures it: README, Scale)."""
    if spark.sparkContext.getConf().contains(SHUFFLE_PARTITIONS):
        return False
    spark.conf.set(SHUFFLE_PARTITIONS, str(count))
    return True


def run_batch(paths: Sequence[str], out: str, *, model: str = "", master: str | None = None,
              options: ReadOptions | None = None, partitions: int | None = None, spark=None,
              conf: Mapping[str, str] | None = None, python_env: str | None = None) -> BatchReport:
    """Read ``paths``, extract on Spark and write the tables under ``out`` (replacing tables already there).

    Without ``spark``, a session is started (see :func:`.spark_session.session` for ``master``, ``conf`` and
    ``python_env``) and stopped at the end."""
    from onrecord.nlp import DEFAULT_MODEL
    model = model or DEFAULT_MODEL
    options = options or ReadOptions()
    started = time.perf_counter()
    if spark is not None:
        return _run(spark, paths, out, model, options, partitions, started)
    # first: a missing pyspark or Java, or a --python-env that is no archive, is its one-line error
    spark = session(master, conf=conf, python_env=python_env)
    try:
        return _run(spark, paths, out, model, options, partitions, started)
    finally:
        spark.stop()


def _run(spark, paths: Sequence[str], out: str, model: str, options: ReadOptions, partitions: int | None,
         started: float) -> BatchReport:
    from pyspark import StorageLevel
    inputs = plan(paths)
    if not (inputs.files or inputs.parquet or inputs.remote or inputs.unreadable):
        raise OnrecordError("batch: no input files found")
    # the executors' daemon preloads this model (functions shipped from here carry this environment)
    from onrecord.batch.spark_daemon import MODEL_ENV
    spark.sparkContext.environment[MODEL_ENV] = model
    # reading is cheap, extraction is not: spread the documents evenly, whatever the size of each input file
    count = partitions or 4 * spark.sparkContext.defaultParallelism
    sorting_set = _sort_into(spark, count)
    try:
        records = read_inputs(spark, inputs, options)
        extracted = spread(records, count).mapPartitions(lambda items: extract_partition(items, model))
        # Extraction and the conversion to Spark rows run in one pass of the Python workers, and the frame is kept:
        # sorting reads its input twice (a sample for the ranges, then the shuffle), and extraction would run
        # twice otherwise. (Keeping the extracted RDD instead cost one more unpickle and pickle of every row.)
        # The rows are built to the schema by result_row: checking each again in Python cost a tenth of the run.
        frame = spark.createDataFrame(extracted, result_schema(), verifySchema=False) \
            .persist(StorageLevel.MEMORY_AND_DISK)
        results = frame.orderBy(*ORDER).persist(StorageLevel.MEMORY_AND_DISK)
        write_tables(results, out)
        row = results.selectExpr("count_if(failure IS NULL)", "coalesce(sum(size(attributions)), 0)",
                                 "coalesce(sum(size(actors)), 0)", "count_if(failure IS NOT NULL)").first()
        results.unpersist()
        frame.unpersist()
    except OnrecordError:
        raise
    except Exception as exc:  # noqa: BLE001 — a failed Spark job is a Java/Python stack dump: its cause, one line
        raise job_failed(exc, spark) from None
    finally:
        if sorting_set:
            spark.conf.unset(SHUFFLE_PARTITIONS)
    return BatchReport(int(row[0]), int(row[1]), int(row[2]), int(row[3]), time.perf_counter() - started)


if __name__ == "__main__":   # spark-submit .../onrecord/batch/spark.py INPUT... --out DIR [--model NAME]
    from onrecord.cli import main as cli_main
    sys.exit(cli_main(["batch", "--engine", "spark", *sys.argv[1:]]))
