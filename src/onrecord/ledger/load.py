"""``onrecord ledger load``: the Parquet tables of ``onrecord batch`` into a ledger, through ``Ledger.add_batch``.

The tables are sorted by (rank, file, record), the order ``ingest`` reads the same inputs in, and are streamed
and merge-joined in that order, so memory stays flat and the ledger (actors merged, claims, contradictions) is the
one ``ingest`` builds. Articles the ledger holds already are skipped: loading twice changes nothing.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterator
from typing import Any

from ..article import Actor, Article, Attribution, Content, Event, Span, Speaker
from ..batch.runner import BATCH, IngestReport, Progress, Run, batches
from ..errors import OnrecordError
from ..ingest.document import Document, Failure, Removal
from .store import Store

TABLES = ("articles", "attributions", "actors", "failures")
ORDER = ("rank", "file", "record")
_ROWS = 2048


def table_rows(directory: str, name: str) -> Iterator[dict[str, Any]]:
    """The rows of one table, part file after part file, checked to be in order."""
    import pyarrow.parquet as pq
    folder = os.path.join(directory, name)
    files = sorted(glob.glob(os.path.join(folder, "*.parquet")))
    if not os.path.isdir(folder):
        raise OnrecordError(f"{folder}: no such table; write the tables with: onrecord batch INPUT... --out "
                            f"{directory}")
    last: tuple | None = None
    for file in files:
        for batch in pq.ParquetFile(file).iter_batches(batch_size=_ROWS):
            for row in batch.to_pylist():
                key = _key(row)
                if last is not None and key < last:
                    raise OnrecordError(f"{folder}: rows are not sorted by {', '.join(ORDER)}; write the tables "
                                        "with onrecord batch")
                last = key
                yield row


def _key(row: dict[str, Any]) -> tuple:
    return (row["rank"], row["file"], row["record"], row.get("index", -1))


class _Follower:
    """The rows of a child table (attributions, actors) taken as their article comes along."""

    def __init__(self, rows: Iterator[dict[str, Any]]) -> None:
        self.rows = rows
        self.head = next(rows, None)

    def take(self, key: tuple) -> list[dict[str, Any]]:
        out = []
        while self.head is not None and _key(self.head)[:3] <= key:
            if _key(self.head)[:3] == key:
                out.append(self.head)
            self.head = next(self.rows, None)
        return out


def records(directory: str) -> Iterator[Failure | tuple[Document, Article, str]]:
    """(Document, Article, model) and Failures in input order, rebuilt from the tables."""
    import heapq
    attributions = _Follower(table_rows(directory, "attributions"))
    actors = _Follower(table_rows(directory, "actors"))
    merged = heapq.merge(table_rows(directory, "articles"), table_rows(directory, "failures"), key=_key)
    for row in merged:
        if "reason" in row:
            yield Failure(row["source"], row["reason"])
            continue
        key = _key(row)[:3]
        doc = Document(row["source"], row["text"], row["format"], url=row["url"], title=row["title"],
                       author=row["author"], site=row["site"], published=row["published"],
                       date_method=row["date_method"], wire=row.get("wire"), language=row.get("language"),
                       removals=tuple(Removal(r["at"], r["text"], r["reason"]) for r in row["removals"] or ()))
        article = Article(row["source"], row["text_length"],
                          tuple(attribution(a) for a in attributions.take(key)),
                          tuple(actor(a) for a in actors.take(key)),
                          events=tuple(Event.from_dict(e) for e in json.loads(row.get("events") or "[]")))
        yield doc, article, row["model"] or ""


def attribution(r: dict[str, Any]) -> Attribution:
    def span(prefix: str) -> Span | None:
        # .get: tables written before issue 18 have no via_* columns
        return None if r.get(f"{prefix}_start") is None else Span(r[f"{prefix}_text"], r[f"{prefix}_start"],
                                                               r[f"{prefix}_end"])
    parts = r["parts"]
    if isinstance(parts, str):     # tables written by other tools may hold the parts as JSON
        parts = json.loads(parts)
    content = Content(r["content_text"], r["content_start"], r["content_end"], tuple((s, e) for s, e in parts))
    speaker = Speaker(span("mention"), r["speaker_name"], r["speaker_kind"] or "unknown", r["speaker_actor"])
    return Attribution(r["id"], r["kind"], content, span("cue"), speaker, r["stance"], r["rule"],
                       float(r["confidence"]), span("sentence"), span("via"), r.get("said_on"),
                       r.get("mode") or "speech",
                       # tables written before issue 17 have no polarity column: "affirm", as onrecord.article/1 reads
                       r.get("polarity") or "affirm")


def actor(r: dict[str, Any]) -> Actor:
    return Actor(r["id"], r["name"], r["kind"], tuple(r["aliases"] or ()), tuple(r["titles"] or ()))


def load(directory: str, store: Store, *, batch_size: int = BATCH, progress: Progress | None = None
         ) -> IngestReport:
    """Add the articles of ``directory``'s tables the ledger lacks, a batch per transaction, in input order."""
    run = Run(store, "", IngestReport())
    for batch in batches(records(directory), batch_size):   # type: ignore[arg-type]
        triples = [item for item in batch if isinstance(item, tuple)]
        if triples:
            run.model = triples[0][2]      # one batch run, one model
        fresh, failures = run.select([doc for doc, _, _ in triples] + [f for f in batch if isinstance(f, Failure)])
        wanted = {id(doc) for doc in fresh}
        run.write([(doc, art) for doc, art, _ in triples if id(doc) in wanted], failures, progress)
    return run.finish()
