"""Helpers for the scale tests: generated wire items, and ledger snapshots to compare runs by."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from onrecord.ledger import queries
from onrecord.ledger.store import Store

PLACES = ["Odesa", "Gdansk", "Varna", "Batumi", "Izmir", "Mombasa", "Santos", "Osaka"]


def port_records(n: int, offset: int = 0) -> list[dict]:
    """Short wire items, two attributions each, one denial so there are contested claims."""
    out = []
    for i in range(offset, offset + n):
        place = PLACES[i % len(PLACES)]
        text = (f'"The port of {place} will reopen on day {i}," harbour master Ines Berg said on Monday.\n'
                f"The ministry denied that the port of {place} would reopen on day {i}.\n")
        out.append({"text": text, "url": f"https://ports.example/{i}", "title": f"{place} port",
                    "published": f"2026-11-{1 + i % 28:02d}", "source": "Ports Wire"})
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "{oops\n", encoding="utf-8")
    return path


def snapshot(db: Path) -> dict:
    """Everything order could change: counts, articles in order, actors, claims, attributions and their links."""
    conn = sqlite3.connect(db)
    try:
        def rows(sql: str) -> list:
            return conn.execute(sql).fetchall()
        return {
            "counts": rows("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM actors),"
                           " (SELECT count(*) FROM attributions), (SELECT count(*) FROM claims),"
                           " (SELECT count(*) FROM stories), (SELECT count(*) FROM errors)"),
            "articles": rows("SELECT id, key, source, story_id FROM articles ORDER BY id"),
            "actors": rows("SELECT id, name, kind, affiliation, represents FROM actors ORDER BY id"),
            "claims": rows("SELECT id, text, contested, n_attributions FROM claims ORDER BY id"),
            "attributions": rows("SELECT article_id, local_id, actor_id, claim_id, claim_stance, confidence"
                                 " FROM attributions ORDER BY id"),
            "errors": rows("SELECT source, reason FROM errors ORDER BY source"),
        }
    finally:
        conn.close()


def contested(db: Path) -> list[str]:
    with Store.open(db, read_only=True) as store:
        return sorted(c["text"] for c in queries.claims(store, contested=True, limit=500))


def two_sided(db: Path) -> list[str]:
    """Disputes with someone on each side (within one article they are not contested: issue 17)."""
    with Store.open(db, read_only=True) as store:
        return sorted(d["proposition"] for d in queries.disputes(store, limit=500)
                      if d["camps"]["affirm"] and d["camps"]["negate"])


def assert_same_as_local(tables: Path, paths: list[str], extractor) -> int:
    """The articles of ``onrecord batch``'s tables are, in order, what the extractor gives locally on ``paths``;
    returns how many attributions they hold."""
    from onrecord.ingest.reader import read
    from onrecord.ledger.load import records
    docs = [d for d in read(paths) if hasattr(d, "text")]
    local = list(zip(docs, extractor.extract_many([(d.source, d.text) for d in docs]), strict=True))
    batch = [item for item in records(str(tables)) if isinstance(item, tuple)]
    assert [doc.source for doc, _, _ in batch] == [doc.source for doc, _ in local]
    for (doc, article, _), (local_doc, local_article) in zip(batch, local, strict=True):
        assert doc.text == local_doc.text
        assert article.to_dict() == local_article.to_dict(), doc.source
    return sum(len(article.attributions) for _, article in local)
