"""``onrecord ingest`` on one process: documents are read, already-stored ones skipped, the rest extracted and
written to the ledger one batch per transaction. A document that fails is recorded and the run goes on.

``ingest(..., workers=N)`` hands extraction to N worker processes (:mod:`.workers`); the reading, the skipping and
the writing stay here, so both paths store the same rows in the same order.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TextIO, TypeVar

from ..article import Article, with_mode
from ..ingest.document import Document, Failure
from ..ingest.reader import ReadOptions, read
from ..ledger.store import Store
from ..ledger.writer import Ledger, key_of

BATCH = 64


@dataclass(slots=True)
class IngestReport:
    """What a run did; ``failures`` are the inputs that gave no article (also kept in the ledger's errors).

    ``total`` is an estimate of the documents the inputs hold (None until counted), for the ETA only."""

    read: int = 0
    added: int = 0
    skipped: int = 0
    attributions: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    total: int | None = None
    workers: int = 1

    @property
    def articles_per_second(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0

    @property
    def done(self) -> int:
        """Documents settled: stored, skipped or failed (failures of whole files count once)."""
        return self.added + self.skipped + len(self.failures)


Progress = Callable[[IngestReport], None]
ExtractMany = Callable[[list[tuple[str, str]]], Iterable[Article]]


T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_each(extract_many: ExtractMany, items: Sequence[tuple[str, str]]) -> list[Article | str]:
    """An Article per (source, text), or the one-line reason it failed; a failing batch is retried one by one,
    so one bad document costs only itself."""
    try:
        return list(extract_many(list(items)))
    except Exception:      # noqa: BLE001, S110 — the boundary of a batch: find the culprit below
        pass
    out: list[Article | str] = []
    for item in items:
        try:
            out.append(next(iter(extract_many([item]))))
        except Exception as exc:  # noqa: BLE001 — recorded as this document's failure, the run goes on
            out.append(f"extraction failed: {type(exc).__name__}: {exc}")
    return out


def pair(docs: Sequence[Document], results: Sequence[Article | str]
         ) -> tuple[list[tuple[Document, Article]], list[Failure]]:
    done = [(d, r) for d, r in zip(docs, results, strict=True) if isinstance(r, Article)]
    failed = [Failure(d.source, r) for d, r in zip(docs, results, strict=True) if isinstance(r, str)]
    return done, failed


def extract_safely(extract_many: ExtractMany, docs: Sequence[Document]
                   ) -> tuple[list[tuple[Document, Article]], list[Failure]]:
    """Extract a batch; if the batch fails, each document alone, so one bad document costs only itself."""
    return pair(docs, extract_each(extract_many, [(d.source, d.text) for d in docs]))


class Run:
    """The part of a run that is the same however extraction is done: what to extract, and writing it."""

    def __init__(self, store: Store, model: str, report: IngestReport, mode: str = "all") -> None:
        self.ledger = Ledger(store)
        self.model = model
        self.mode = mode      # speech or thought: store only attributions of that mode (see Attribution.mode)
        self.report = report
        self.started = time.perf_counter()
        # keys handed to extraction in this run: a duplicate later in the input is skipped before it is parsed,
        # even while the first copy is still being extracted by a worker
        self.seen: set[str] = set()

    def select(self, batch: Sequence[Document | Failure]) -> tuple[list[Document], list[Failure]]:
        """The documents of ``batch`` the ledger lacks (checked with ``Ledger.known`` before extraction)."""
        failures = [item for item in batch if isinstance(item, Failure)]
        docs = [item for item in batch if isinstance(item, Document)]
        self.report.read += len(docs)
        known = self.ledger.known(key_of(d) for d in docs)
        fresh: list[Document] = []
        for doc in docs:
            key = key_of(doc)
            if key in known or key in self.seen:
                self.report.skipped += 1
                continue
            self.seen.add(key)
            fresh.append(doc)
        return fresh, failures

    def write(self, extracted: Sequence[tuple[Document, Article]], failures: Sequence[Failure],
              progress: Progress | None) -> None:
        if self.mode != "all":
            extracted = [(doc, with_mode(article, self.mode)) for doc, article in extracted]
        result = self.ledger.add_batch(extracted, failures, model=self.model)
        report = self.report
        report.added += result.added
        report.skipped += result.skipped
        report.attributions += result.attributions
        report.failures += [*failures, *result.unstored]
        report.seconds = time.perf_counter() - self.started
        if progress:
            progress(report)

    def finish(self) -> IngestReport:
        self.report.seconds = time.perf_counter() - self.started
        return self.report


def ingest(paths: Sequence[str], store: Store, extract_many: ExtractMany | None = None, *, model: str = "",
           options: ReadOptions | None = None, batch_size: int = BATCH,
           progress: Progress | None = None, workers: int = 1, mode: str = "all") -> IngestReport:
    """Read ``paths``, extract what the ledger lacks and store it; returns the run's figures.

    ``workers`` > 1 extracts in that many processes, each loading ``model`` (``extract_many`` is then only used
    when the input is too small to be worth starting them). ``mode`` ``speech`` or ``thought`` stores only the
    attributions of that mode."""
    options = options or ReadOptions()
    if extract_many is None:
        extract_many = _lazy_extractor(model, getattr(progress, "chunk", None))
    if workers > 1:
        from .workers import ingest_parallel
        return ingest_parallel(paths, store, extract_many, model=model, options=options, batch_size=batch_size,
                               progress=progress, workers=workers, mode=mode)
    run = Run(store, model, IngestReport(), mode)
    if progress:
        start_counting(paths, run.report)
    for batch in batches(read(paths, options), batch_size):
        fresh, failures = run.select(batch)
        extracted, failed = extract_safely(extract_many, fresh) if fresh else ([], [])
        run.write(extracted, failures + failed, progress)
    return run.finish()


def _lazy_extractor(model: str, on_chunk: Callable[[str, int, int], None] | None = None) -> ExtractMany:
    def extract_many(items: list[tuple[str, str]]) -> Iterable[Article]:
        from ..nlp import DEFAULT_MODEL
        from ..pipeline import Extractor
        # the model is cached per process
        return Extractor(model or DEFAULT_MODEL).extract_many(items, on_chunk=on_chunk)
    return extract_many


def default_workers() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:   # not on Linux
        return max(1, os.cpu_count() or 1)


# -- progress -----------------------------------------------------------------------------------------------------

class ProgressPrinter:
    """Progress on ``stream``: a bar redrawn in place on a terminal (articles/s, errors, ETA), and a plain line every
    ``interval`` seconds otherwise, so logs of a long run under nohup or a scheduler stay readable."""

    def __init__(self, stream: TextIO | None = None, interval: float = 10.0, width: int = 24) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.interval = interval
        self.width = width
        self.last = time.monotonic()      # a short run prints no progress lines, only its summary
        self.drawn = False
        self.chunks = ChunkPrinter(self.stream)

    def __call__(self, report: IngestReport) -> None:
        now = time.monotonic()
        if self.tty:
            if now - self.last < 0.2 and self.drawn:
                return
            self.last, self.drawn = now, True
            self.stream.write("\r" + self.bar(report) + "\x1b[K")
            self.stream.flush()
        elif now - self.last >= self.interval:
            self.last = now
            self.stream.write(self.line(report) + "\n")
            self.stream.flush()

    def line(self, report: IngestReport) -> str:
        total = f"/~{report.total}" if report.total else ""
        return (f"{report.done}{total} done: {report.added} added, {report.skipped} skipped, "
                f"{len(report.failures)} errors — {report.articles_per_second:.1f} articles/s, "
                f"{report.workers} worker(s), ETA {eta(report)}")

    def bar(self, report: IngestReport) -> str:
        share = min(1.0, report.done / report.total) if report.total else 0.0
        filled = int(share * self.width)
        bar = "#" * filled + "-" * (self.width - filled)
        pct = f"{share * 100:3.0f}%" if report.total else "  ?%"
        return (f"[{bar}] {pct} {report.done}{'/~' + str(report.total) if report.total else ''}  "
                f"{report.articles_per_second:.1f} articles/s  {len(report.failures)} errors  ETA {eta(report)}")

    def done(self) -> None:
        if self.tty and self.drawn:
            self.stream.write("\n")

    def chunk(self, source: str, parsed: int, chunks: int) -> None:
        """Where a long text's parse stands (see :class:`ChunkPrinter`)."""
        self.chunks(source, parsed, chunks)


class ChunkPrinter:
    """A line on ``stream`` while one long text parses: its chunks parsed out of all and the time so far.

    A 900,000-character text is 45 chunks of 20,000 characters and minutes of parsing: without it a run sat silent
    that long. A text parsed within ``after`` seconds prints nothing; then a line every ``every`` seconds, and one
    at the end."""

    def __init__(self, stream: TextIO | None = None, after: float = 5.0, every: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream or sys.stderr
        self.after, self.every, self.clock = after, every, clock
        self.tty = self.stream.isatty()
        self.started = self.last = 0.0
        self.printed = False

    def __call__(self, source: str, parsed: int, chunks: int) -> None:
        now = self.clock()
        if parsed == 0:                         # the text's parse starts
            self.started, self.last, self.printed = now, now, False
            return
        waited = now - self.started
        due = (not self.printed and waited >= self.after) or (self.printed and now - self.last >= self.every)
        if due or (self.printed and parsed == chunks):
            # no ETA: chunks come out of the parser a batch at a time, so the first figures would mislead
            line = (f"onrecord: parsing {source}: {parsed}/{chunks} chunks, {waited:.0f} s so far" if parsed < chunks
                    else f"onrecord: parsed {source}: {chunks} chunks in {waited:.0f} s; finding its attributions")
            # on a terminal the line replaces the progress bar, which the next batch draws again below it
            self.stream.write(f"\r{line}\x1b[K\n" if self.tty else line + "\n")
            self.stream.flush()
            self.last, self.printed = now, True


def eta(report: IngestReport) -> str:
    """Time left at the rate so far; "?" while the total is being counted or nothing is done yet."""
    if not report.total or not report.done or not report.seconds:
        return "?"
    left = max(0, report.total - report.done) * report.seconds / report.done
    hours, rest = divmod(int(left), 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"


# -- the total, for the ETA -----------------------------------------------------------------------------------------

_CHUNK = 1 << 20
_WARC_MARKS = (b"WARC-Type: response", b"WARC-Type: resource")
_FEED_MARKS = (b"<item", b"<entry")


def count_documents(paths: Iterable[str]) -> int:
    """About how many documents ``paths`` hold, read far faster than they are parsed: lines of JSONL dumps, HTML
    records of WARCs, entries of feeds, one per other file. An estimate (a WARC's 404 pages are counted too)."""
    from ..ingest.reader import _walk, format_of
    total = 0
    for path in map(os.fspath, paths):
        if path == "-":
            total += 1
            continue
        files = _walk(path) if os.path.isdir(path) else [path]
        for file in files:
            try:
                total += _count_file(file, format_of)
            except (OSError, EOFError, ValueError):   # unreadable: reading will record why, counting just goes on
                total += 1
    return total


def _count_file(path: str, format_of: Callable[[str, bytes], str]) -> int:
    import gzip
    with open(path, "rb") as raw:
        head = raw.read(8192)
        raw.seek(0)
        fmt = format_of(path, head)
        if fmt not in ("jsonl", "warc", "feed"):
            return 1
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if head.startswith(b"\x1f\x8b") else raw
        if fmt == "jsonl":
            return sum(1 for line in stream if line.strip())
        marks = _WARC_MARKS if fmt == "warc" else _FEED_MARKS
        count, tail = 0, b""
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            count += sum(window.count(m) for m in marks)
            # keep a tail shorter than any mark, so a mark cut by the chunk boundary is counted once
            tail = window[-(min(len(m) for m in marks) - 1):]
        return count


def start_counting(paths: Sequence[str], report: IngestReport) -> None:
    """Count in a background thread (the run does not wait for it); sets ``report.total`` when done."""
    import threading

    def work() -> None:
        try:
            report.total = count_documents(paths)
        except Exception:   # noqa: BLE001, S110 — the count only feeds the ETA, which then stays "?"
            pass
    threading.Thread(target=work, name="onrecord-count", daemon=True).start()
