"""``onrecord ingest --workers N``: extraction in N spawned processes (one spaCy model each), writes in one place.

The main process reads, skips what the ledger holds, hands chunks of documents to the workers and writes the
results back **in input order**, one transaction per batch, so the ledger is the same as a one-process run of the
same inputs (actor merging, claims and stories depend on the order articles arrive in). A worker that dies takes
no batch with it: its chunk is run again alone, then one document at a time, and only the document that kills a
worker becomes a Failure.
"""

from __future__ import annotations

import math
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain

from ..article import Article
from ..errors import OnrecordError
from ..ingest.document import Document, Failure
from ..ingest.reader import ReadOptions, read
from ..ledger.store import Store
from .runner import (
    BATCH,
    ExtractMany,
    IngestReport,
    Progress,
    Run,
    batches,
    extract_each,
    extract_safely,
    pair,
    start_counting,
)

# Documents per task: small enough that two workers share a batch of 64 evenly, large enough that spaCy's
# nlp.pipe still batches and the pickling overhead stays negligible next to parsing (~0.2 s a document).
CHUNK = 16
DIED = "worker process died while extracting it (out of memory, or a crash in the parser); the rest was stored"

ExtractFactory = Callable[[str], ExtractMany]


def model_extractor(model: str) -> ExtractMany:
    """What each worker extracts with: the spaCy pipeline ``model``, loaded once in that process. A long text's
    parse is followed on the worker's stderr (the terminal's), as it is in one process."""
    from functools import partial

    from ..nlp import DEFAULT_MODEL
    from ..pipeline import Extractor
    from .runner import ChunkPrinter
    return partial(Extractor(model or DEFAULT_MODEL).extract_many, on_chunk=ChunkPrinter())


# -- inside a worker ------------------------------------------------------------------------------------------------

_extract: ExtractMany | None = None
_start_error: Exception | None = None


def _start_worker(factory: ExtractFactory, model: str) -> None:
    global _extract, _start_error
    # Ctrl-C goes to the whole process group: only the main process handles it, and it ends the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _watch_parent()
    try:
        _extract = factory(model)
    except Exception as exc:  # noqa: BLE001 — a failing initializer breaks the pool; the first task reports it instead
        _start_error = exc


def _watch_parent() -> None:
    """Exit when the main process is gone (kill -9 included), so no orphan keeps a model in memory."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)
    threading.Thread(target=watch, name="onrecord-parent-watch", daemon=True).start()


def _work(items: list[tuple[str, str]]) -> list[Article | str]:
    if _start_error is not None:
        # e.g. a model that is not installed: the run stops with its one-line error (as the base class, which
        # pickles back to the main process whole; ModelError's own arguments do not survive pickling)
        if isinstance(_start_error, OnrecordError):
            raise OnrecordError(str(_start_error))
        raise OnrecordError(f"a worker could not start: {type(_start_error).__name__}: {_start_error}")
    assert _extract is not None, "worker started without its initializer"
    return extract_each(_extract, items)


# -- in the main process --------------------------------------------------------------------------------------------

class Pool:
    """Worker processes that survive one of them dying: the executor is replaced and the lost work run again."""

    def __init__(self, workers: int, factory: ExtractFactory, model: str) -> None:
        self.workers, self.factory, self.model = workers, factory, model
        self.generation = 0
        self.executor = self._start(workers)
        # a one-process executor where lost work is run again with nothing else beside it: a task that dies there
        # died of its own documents (in the main executor, one dying worker fails every task in flight)
        self.isolated: ProcessPoolExecutor | None = None

    def _start(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(self.factory, self.model))

    def submit(self, items: list[tuple[str, str]]) -> tuple[Future, int]:
        try:
            return self.executor.submit(_work, items), self.generation
        except BrokenProcessPool:   # a worker died since the last result was collected: submit to a new executor
            self._restart(self.generation)
            return self.executor.submit(_work, items), self.generation

    def result(self, task: tuple[Future, int], items: list[tuple[str, str]]) -> list[Article | str]:
        future, generation = task
        try:
            return future.result()
        except BrokenProcessPool:
            # every task in flight fails with the one that killed its worker: find which by running them alone
            self._restart(generation)
            return self.alone(items)

    def _restart(self, generation: int) -> None:
        if generation == self.generation:     # tasks of an older executor find a new one running already
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.generation += 1
            self.executor = self._start(self.workers)

    def alone(self, items: list[tuple[str, str]]) -> list[Article | str]:
        """``items`` with nothing else in flight: whole, and if the process dies, one document at a time."""
        if self.isolated is None:
            self.isolated = self._start(1)
        try:
            return self.isolated.submit(_work, items).result()
        except BrokenProcessPool:
            self.isolated.shutdown(wait=False, cancel_futures=True)
            self.isolated = None
        if len(items) == 1:
            return [DIED]
        return [out for item in items for out in self.alone([item])]

    def warm(self) -> None:
        """Start every worker and wait until each has loaded its model (so a timed run measures extraction)."""
        tasks = [self.submit([("<warm-up>", "Officials said the port would reopen.")]) for _ in range(self.workers)]
        for task in tasks:
            task[0].result()

    def close(self, abort: bool = False) -> None:
        for executor in (self.executor, self.isolated):
            if executor is None:
                continue
            if abort:
                # shutdown() would wait for the chunks being parsed; a Ctrl-C should end the run now
                for process in list((getattr(executor, "_processes", None) or {}).values()):
                    process.terminate()
            executor.shutdown(wait=not abort, cancel_futures=True)


@dataclass(slots=True)
class _Batch:
    """A batch read and dispatched, waiting for its chunks to come back to be written in order."""

    failures: list[Failure]
    chunks: list[tuple[list[Document], tuple[Future, int]]] = field(default_factory=list)


def chunked(docs: Sequence[Document], workers: int, size: int = CHUNK) -> list[list[Document]]:
    """``docs`` cut into chunks of at most ``size``, and into at least ``workers`` chunks when there are enough."""
    if not docs:
        return []
    size = max(1, min(size, math.ceil(len(docs) / workers)))
    return [list(docs[i:i + size]) for i in range(0, len(docs), size)]


def ingest_parallel(paths: Sequence[str], store: Store, extract_many: ExtractMany, *, model: str = "",
                    options: ReadOptions | None = None, batch_size: int = BATCH, progress: Progress | None = None,
                    workers: int = 2, factory: ExtractFactory = model_extractor,
                    chunk_size: int = CHUNK, pool: Pool | None = None, mode: str = "all") -> IngestReport:
    """Like :func:`.runner.ingest`, extracting in ``workers`` processes made by ``factory(model)``.

    An input that fits in one batch is extracted here with ``extract_many``: starting processes and loading a model
    in each would cost more than it saves. A ``pool`` passed in (already warm, as in a benchmark) is used and left
    open; ``workers`` and ``factory`` are then its own."""
    run = Run(store, model, IngestReport(workers=workers), mode)
    if progress:
        start_counting(paths, run.report)
    items = batches(read(paths, options or ReadOptions()), batch_size)
    head = [b for b in (next(items, None), next(items, None)) if b is not None]
    if len(head) < 2 and pool is None:
        run.report.workers = 1
        for batch in head:
            fresh, failures = run.select(batch)
            extracted, failed = extract_safely(extract_many, fresh) if fresh else ([], [])
            run.write(extracted, failures + failed, progress)
        return run.finish()
    own = pool is None
    pool = pool or Pool(workers, factory, model)
    run.report.workers = pool.workers
    pending: deque[_Batch] = deque()
    in_flight = 0
    limit = 2 * pool.workers       # chunks dispatched ahead: workers never wait for the writer, memory stays bounded
    try:
        for batch in chain(head, items):
            fresh, failures = run.select(batch)
            entry = _Batch(failures)
            for chunk in chunked(fresh, pool.workers, chunk_size):
                entry.chunks.append((chunk, pool.submit([(d.source, d.text) for d in chunk])))
            pending.append(entry)
            in_flight += len(entry.chunks)
            while pending and in_flight > limit:
                in_flight -= _write(run, pool, pending.popleft(), progress)
        while pending:
            _write(run, pool, pending.popleft(), progress)
    except BaseException:
        pool.close(abort=True)
        raise
    if own:
        pool.close()
    return run.finish()


def _write(run: Run, pool: Pool, entry: _Batch, progress: Progress | None) -> int:
    extracted: list[tuple[Document, Article]] = []
    failures = list(entry.failures)
    for docs, task in entry.chunks:
        done, failed = pair(docs, pool.result(task, [(d.source, d.text) for d in docs]))
        extracted += done
        failures += failed
    run.write(extracted, failures, progress)
    return len(entry.chunks)
