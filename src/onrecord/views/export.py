"""Exports of the ledger: flat tables as JSONL, CSV or Parquet, claims as schema.org ClaimReview JSON-LD (events as
FollowTheMoney entities: :mod:`.ftm`).

Rows stream from SQLite in pages, so an export of a large ledger runs in flat memory.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from ..errors import OnrecordError
from ..ledger import queries
from ..ledger.store import Store

FORMATS = ("jsonl", "csv", "parquet", "claimreview", "ftm")
TABLES = ("attributions", "claims", "actors", "articles", "events")
CHUNK = 1000
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such cells get a
# leading apostrophe, which spreadsheets show as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

TABLE_SQL = {
    "attributions": (
        "SELECT t.id AS attribution, t.article_id AS article, ar.url, ar.title, ar.site, nullif(t.day, '') AS date,"
        " ar.date_method, ar.wire, t.said_on, t.via_text AS via, t.local_id,"
        " t.kind, t.stance, t.claim_stance, t.rule, t.confidence, t.content_text AS content,"
        " t.content_start, t.content_end, t.cue_text AS cue, t.mention_text AS mention, t.speaker_name,"
        " t.speaker_kind, t.actor_id AS actor, act.name AS actor_name, t.claim_id AS claim, t.sentence_start,"
        " t.sentence_end, substr(ar.text, t.sentence_start + 1, t.sentence_end - t.sentence_start) AS sentence"
        " FROM attributions t JOIN articles ar ON ar.id = t.article_id LEFT JOIN actors act ON act.id = t.actor_id"
        " WHERE t.id > ? ORDER BY t.id LIMIT ?"),
    "claims": ("SELECT id, text, entities, nullif(first_day, '') AS first_day, nullif(last_day, '') AS last_day,"
               " contested, n_attributions FROM claims"
               " WHERE id > ? ORDER BY id LIMIT ?"),
    "actors": ("SELECT a.id, a.name, a.kind, a.affiliation, a.represents,"
               " (SELECT group_concat(name, ' | ') FROM actor_names n WHERE n.actor_id = a.id AND is_title = 0)"
               " AS aliases,"
               " (SELECT group_concat(name, ' | ') FROM actor_names n WHERE n.actor_id = a.id AND is_title = 1)"
               " AS titles FROM actors a WHERE a.id > ? ORDER BY a.id LIMIT ?"),
    # one row per report of an event: the event's fields, then the article, sentence and word it stands on
    "events": (
        "SELECT m.id AS report, e.id AS event, e.type, e.action, e.plover, e.cameo, e.agent_name AS agent,"
        " (SELECT group_concat(p.name || ' (' || p.kind || ')', ' | ') FROM event_participants p"
        " WHERE p.event_id = e.id AND p.role = 'target') AS targets, e.theme, e.place, e.status AS event_status,"
        " e.first_day, e.last_day, m.status, m.in_force_from, m.day AS date, m.date_method, m.date_text,"
        " m.article_id AS article, ar.url, ar.title, m.attribution_id AS attribution, m.speaker,"
        " substr(ar.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) AS sentence, m.merge_evidence"
        " FROM event_mentions m JOIN events e ON e.id = m.event_id JOIN articles ar ON ar.id = m.article_id"
        " WHERE m.id > ? ORDER BY m.id LIMIT ?"),
    "articles": ("SELECT id, key, source, format, url, title, author, site, wire, language, published, date_method,"
                 " nullif(day, '') AS day, story_id,"
                 " text FROM articles WHERE id > ? ORDER BY id LIMIT ?"),
}


def rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` (a name from TABLES), paged by id."""
    last = 0
    while True:
        page = store.all(TABLE_SQL[table], (last, CHUNK))
        if not page:
            return
        for r in page:
            yield dict(r)
        last = page[-1][0]


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


# Line breaks to Python's str.splitlines() (and to some editors) that json.dumps leaves unescaped: in article text
# they would split one JSONL record in two, and a crafted article could smuggle in a record of its own.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_jsonl(store: Store, table: str, out: IO[str]) -> int:
    n = 0
    for row in rows(store, table):
        out.write(json.dumps(row, ensure_ascii=False).translate(_LINE_BREAKS) + "\n")
        n += 1
    return n


def write_csv(store: Store, table: str, out: IO[str]) -> int:
    writer: csv.DictWriter | None = None
    n = 0
    for row in rows(store, table):
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: neutralise(v) for k, v in row.items()})
        n += 1
    if writer is None:           # an empty table still gets its header
        head = store.conn.execute(TABLE_SQL[table], (0, 0))
        csv.writer(out, lineterminator="\n").writerow([d[0] for d in head.description])
    return n


def write_parquet(store: Store, table: str, path: str) -> int:
    import pyarrow.parquet as pq

    cursor = store.conn.execute(TABLE_SQL[table], (0, 0))
    names = [d[0] for d in cursor.description]
    writer: pq.ParquetWriter | None = None
    n = 0
    batch: list[dict[str, Any]] = []
    schema = None
    try:
        for row in rows(store, table):
            batch.append(row)
            if len(batch) >= CHUNK:
                schema, writer = _flush(batch, names, schema, writer, path)
                n += len(batch)
                batch = []
        if batch or writer is None:
            schema, writer = _flush(batch, names, schema, writer, path)
            n += len(batch)
    finally:
        if writer is not None:
            writer.close()
    return n


def _flush(batch, names, schema, writer, path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {name: [r.get(name) for r in batch] for name in names}
    if schema is None:
        # all-null columns in the first batch are typed as strings so later batches fit
        arrays = [pa.array(columns[n]) for n in names]
        schema = pa.schema([pa.field(n, a.type if a.type != pa.null() else pa.string()) for n, a in zip(names, arrays)])
        writer = pq.ParquetWriter(path, schema)
    table = pa.Table.from_pydict(columns, schema=schema)
    writer.write_table(table)
    return schema, writer


def claimreview(store: Store) -> Iterator[dict[str, Any]]:
    """One schema.org ClaimReview-style object per claim: the claim, its first claimant, date and appearances.

    onrecord does not rate claims; the review records who asserts and who denies, not a verdict."""
    last = 0
    while True:
        page = store.all("SELECT id FROM claims WHERE id > ? ORDER BY id LIMIT ?", (last, CHUNK))
        if not page:
            return
        for (claim_id,) in page:
            c = queries.claim(store, claim_id)
            first = (c["supporters"] or c["deniers"] or c["others"] or [None])[0]
            statements = c["supporters"] + c["deniers"] + c["others"]
            yield {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "identifier": f"onrecord:claim:{c['id']}",
                "claimReviewed": c["text"],
                "itemReviewed": {
                    "@type": "Claim",
                    "author": _claimant(first) if first else None,
                    # an undated claim has no datePublished: the day it was read is no publication date
                    **({"datePublished": c["first_date"]} if c["first_date"] else {"onrecord:date": "undated"}),
                    "appearance": [_appearance(s) for s in statements],
                },
                "reviewBody": _summary(c),
                "onrecord:contested": c["contested"],
            }
        last = page[-1][0]


def _claimant(s: dict[str, Any]) -> dict[str, Any]:
    return {"@type": "Person" if s.get("speaker") else "Thing", "name": s.get("speaker")}


def _appearance(s: dict[str, Any]) -> dict[str, Any]:
    dated = {"datePublished": s["date"]} if s["date"] else {"onrecord:date": "undated"}
    relay = {"onrecord:via": s["via"]} if s.get("via") else {}
    return {"@type": "CreativeWork", "url": s["url"], "name": s["title"], **dated,
            "author": _claimant(s), "text": s["sentence"], "onrecord:stance": s["claim_stance"], **relay}


def _summary(c: dict[str, Any]) -> str:
    def names(entries):
        return ", ".join(sorted({e["speaker"] or "an unnamed speaker" for e in entries})) or "nobody"
    return f"Asserted by {names(c['supporters'])}; denied by {names(c['deniers'])}."


def write_claimreview(store: Store, out: IO[str]) -> int:
    items = list(claimreview(store))
    out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    return len(items)


def write(store: Store, fmt: str, table: str, out: IO[str]) -> int:
    """``table`` (or the claims, for claimreview) in format ``fmt`` to a text stream; the number of rows."""
    if fmt == "jsonl":
        return write_jsonl(store, table, out)
    if fmt == "csv":
        return write_csv(store, table, out)
    if fmt == "ftm":
        from .ftm import write_ftm  # the optional extra [ftm]: imported only when asked for
        return write_ftm(store, out)
    return write_claimreview(store, out)


def check_out(path: str, force: bool = False) -> None:
    """Refuses, in one line, an output file that cannot be written or that exists (unless ``force``)."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise OnrecordError(f"{path}: is a folder; name the file to write, e.g. {os.path.join(path, 'export.csv')}")
    if not os.path.isdir(folder):
        raise OnrecordError(f"{path}: cannot be written: no such folder {folder}")
    if os.path.lexists(path) and not force:
        raise OnrecordError(f"{path}: exists already; export never overwrites a file unless --force is given")
    if not os.access(folder, os.W_OK):
        raise OnrecordError(f"{path}: cannot be written: the folder {folder} is read-only")


@contextmanager
def output_file(path: str, force: bool = False) -> Iterator[str]:
    """A scratch path beside ``path`` to write the export to; moved onto ``path`` when the export succeeded, so a
    failed or interrupted export never leaves a half-written file, nor harms the file --force would replace."""
    check_out(path, force)
    part = os.path.join(os.path.dirname(os.path.abspath(path)), f".{os.path.basename(path)}.part-{os.getpid()}")
    try:
        yield part
        if force:
            os.replace(part, path)
        else:
            os.link(part, path)         # fails rather than replace a file created meanwhile
    except FileExistsError:
        raise OnrecordError(f"{path}: exists already; export never overwrites a file unless --force is given"
                            ) from None
    except OSError as exc:
        raise OnrecordError(f"{path}: cannot be written ({exc.strerror or exc})") from None
    finally:
        if os.path.exists(part):
            os.unlink(part)
