"""``onrecord ingest`` on one process: documents are read, already-stored ones skipped, the rest extracted and
written to the ledger one batch per transaction. A document that fails is recorded and the run goes on."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..article import Article
from ..ingest.document import Document, Failure
from ..ingest.reader import ReadOptions, read
from ..ledger.store import Store
from ..ledger.writer import Ledger, key_of

BATCH = 64


@dataclass(slots=True)
class IngestReport:
    """What a run did; ``failures`` are the inputs that gave no article (also kept in the ledger's errors)."""

    read: int = 0
    added: int = 0
    skipped: int = 0
    attributions: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0


Progress = Callable[[IngestReport], None]
ExtractMany = Callable[[list[tuple[str, str]]], Iterable[Article]]


def batches(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    batch: list[Document | Failure] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_safely(extract_many: ExtractMany, docs: Sequence[Document]
                   ) -> tuple[list[tuple[Document, Article]], list[Failure]]:
    """Extract a batch; if the batch fails, each document alone, so one bad document costs only itself."""
    try:
        return list(zip(docs, extract_many([(d.source, d.text) for d in docs]), strict=True)), []
    except Exception:      # noqa: BLE001 — the boundary of a batch: find the culprit below
        pass
    done: list[tuple[Document, Article]] = []
    failed: list[Failure] = []
    for doc in docs:
        try:
            done.append((doc, next(iter(extract_many([(doc.source, doc.text)])))))
        except Exception as exc:  # noqa: BLE001 — recorded as this document's failure, the run goes on
            failed.append(Failure(doc.source, f"extraction failed: {type(exc).__name__}: {exc}"))
    return done, failed


def ingest(paths: Sequence[str], store: Store, extract_many: ExtractMany, *, model: str = "",
           options: ReadOptions | None = None, batch_size: int = BATCH,
           progress: Progress | None = None) -> IngestReport:
    """Read ``paths``, extract what the ledger lacks and store it; returns the run's figures."""
    ledger = Ledger(store)
    report = IngestReport()
    started = time.perf_counter()
    for batch in batches(read(paths, options or ReadOptions()), batch_size):
        failures = [item for item in batch if isinstance(item, Failure)]
        docs = [item for item in batch if isinstance(item, Document)]
        report.read += len(docs)
        known = ledger.known(key_of(d) for d in docs)
        fresh: list[Document] = []
        seen: set[str] = set()
        for doc in docs:
            key = key_of(doc)
            if key in known or key in seen:
                report.skipped += 1
                continue
            seen.add(key)
            fresh.append(doc)
        extracted, failed = extract_safely(extract_many, fresh) if fresh else ([], [])
        failures += failed
        result = ledger.add_batch(extracted, failures, model=model)
        report.added += result.added
        report.skipped += result.skipped
        report.attributions += result.attributions
        report.failures += failures
        report.seconds = time.perf_counter() - started
        if progress:
            progress(report)
    report.seconds = time.perf_counter() - started
    return report
