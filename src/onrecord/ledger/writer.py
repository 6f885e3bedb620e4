"""The ledger's write path: an extracted article becomes rows — story, actors merged across articles, claims linked.

Everything for a batch happens inside one transaction (``Store.atomic``); an article already stored (same key) is
skipped, so ingesting the same input twice changes nothing and a re-run after a crash completes the work.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from ..article import Actor, Article
from ..attribution.when import with_provenance
from ..errors import NotFound, OnrecordError
from ..ingest.document import Document, Failure
from . import actors as actor_rules
from . import bearers as bearer_rules
from . import claims as claim_rules
from .claim_writer import MAX_CANDIDATES, UNDATED_DAY, ClaimWriter, refresh_claim
from .event_writer import EventWriter
from .identity import article_key, text_hash
from .names import canonical_name
from .store import Store
from .stories import SAME_STORY, bands, resemblance, signature

# Actor candidates are all passed on: "only one person with that surname" must see every one of them.
MAX_ACTOR_CANDIDATES = 5000
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(slots=True)
class BatchResult:
    added: int = 0
    skipped: int = 0
    attributions: int = 0
    failed: int = 0
    keys: list[str] = field(default_factory=list)
    # documents read and extracted that could not be stored (recorded in the errors table like read failures)
    unstored: list[Failure] = field(default_factory=list)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")




def day_of(published: str | None) -> str:
    """The publication day of an ISO 8601 date, else UNDATED_DAY."""
    if published and _ISO_DAY.match(published):
        try:
            return date.fromisoformat(published[:10]).isoformat()
        except ValueError:
            pass
    return UNDATED_DAY


def _storable(text: str) -> str:
    """``text`` as SQLite can take it: a lone surrogate (from an undecodable file name) written as ``\\udcff``."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def key_of(document: Document) -> str:
    return article_key(document.url, document.text)


class Ledger(ClaimWriter, EventWriter):
    """Writes extracted articles into a :class:`Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.conn = store.conn
        self._propositions: dict[int, claim_rules.Proposition] = {}   # claim id → its stored proposition
        self._variants: dict[int, list[claim_rules.Proposition]] = {}  # claim id → every wording of it
        self.late_claims: set[int] = set()      # claims of earlier articles whose holder a new title changed

    def known(self, keys: Iterable[str]) -> set[str]:
        """Which of ``keys`` are stored already (checked before extraction, so a re-run parses nothing twice)."""
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.conn.execute(f"SELECT key FROM articles WHERE key IN ({marks})", chunk))
        return found

    def add_batch(self, items: Sequence[tuple[Document, Article]], failures: Sequence[Failure] = (),
                  model: str = "") -> BatchResult:
        """Store a batch of extracted articles and the failures met on the way, in one transaction."""
        result = BatchResult()
        with self.store.atomic():
            for failure in failures:
                self._record_failure(failure)
                result.failed += 1
            touched: set[int] = set()
            for document, article in items:
                key = key_of(document)
                if self.conn.execute("SELECT 1 FROM articles WHERE key = ?", (key,)).fetchone():
                    result.skipped += 1
                    continue
                # one savepoint per article: an article that cannot be stored costs only itself, not the batch
                self.conn.execute("SAVEPOINT article")
                try:
                    claims = self._add_article(key, document, article, model)
                    # an input that once failed and now went in is no longer an error
                    self.conn.execute("DELETE FROM errors WHERE source = ?", (document.source,))
                except sqlite3.OperationalError:
                    raise        # locked, full, read-only: the file's problem, not the article's; the batch stops
                except Exception as exc:  # noqa: BLE001 - the boundary of one article: recorded, the batch goes on
                    self.conn.execute("ROLLBACK TO article")
                    self.conn.execute("RELEASE article")
                    problem = " ".join(str(exc).split())
                    failure = Failure(document.source, f"could not be stored ({type(exc).__name__}: {problem})")
                    self._record_failure(failure)
                    result.unstored.append(failure)
                    result.failed += 1
                    continue
                self.conn.execute("RELEASE article")
                touched |= claims
                result.added += 1
                result.attributions += len(article.attributions)
                result.keys.append(key)
            if result.added and self.conn.execute("SELECT 1 FROM curations LIMIT 1").fetchone():
                # curators' decisions hold for the new articles too (a merge, a split, a name, a kind)
                from .curation import replay
                if replay(self.conn):
                    # a merge or split moved statements: whether a claim is contested depends on who holds them
                    touched |= {r[0] for r in self.conn.execute(
                        "SELECT DISTINCT claim_id FROM attributions WHERE claim_id IS NOT NULL")}
            for claim_id in touched:
                self._refresh_claim(claim_id)
        return result

    def record_failures(self, failures: Sequence[Failure]) -> None:
        with self.store.atomic():
            for failure in failures:
                self._record_failure(failure)

    # -- articles and stories -------------------------------------------------------------------------------

    def _record_failure(self, failure: Failure) -> None:
        stamp = now()
        self.conn.execute(
            "INSERT INTO errors (source, reason, first_at, last_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (source, reason) DO UPDATE SET last_at = excluded.last_at, count = count + 1",
            (_storable(failure.source), _storable(failure.reason), stamp, stamp))

    def _add_article(self, key: str, doc: Document, article: Article, model: str) -> set[int]:
        self.late_claims = set()
        sig = signature(doc.text)
        story_id = self._story_for(sig)
        new_story = story_id is None
        if new_story:
            story_id = self.conn.execute("INSERT INTO stories (first_article) VALUES (NULL)").lastrowid
        day = day_of(doc.published)
        article = with_provenance(article, doc)   # each statement's own day, counted from the publication date
        removals = json.dumps([[r.at, r.text, r.reason] for r in doc.removals], ensure_ascii=False)
        cur = self.conn.execute(
            "INSERT INTO articles (key, source, format, url, title, author, site, published, date_method, day, text,"
            " text_hash, removals, minhash, story_id, model, ingested_at, wire, language)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, doc.source, doc.format, doc.url, doc.title, doc.author, doc.site, doc.published,
             doc.date_method or ("undated" if day == UNDATED_DAY else None),
             day, doc.text, text_hash(doc.text), removals, sig, story_id, model, now(), doc.wire, doc.language))
        article_id = cur.lastrowid
        if new_story:
            self.conn.execute("UPDATE stories SET first_article = ? WHERE id = ?", (article_id, story_id))
        self.conn.executemany("INSERT OR IGNORE INTO story_bands (band, article_id) VALUES (?, ?)",
                              [(b, article_id) for b in bands(sig)])
        self.conn.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
                          (article_id, doc.title or "", doc.text))
        local_to_ledger = self._link_actors(article_id, article.actors, bearer_rules.said_genders(article), day)
        touched = self._add_attributions(article_id, story_id, day, article, local_to_ledger) | self.late_claims
        self.late_claims = set()
        self._add_events(article_id, day, doc.published, article)
        return touched

    def _story_for(self, sig: bytes) -> int | None:
        """The story of the most similar stored article, if it is a near-duplicate of this one."""
        keys = bands(sig)
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        rows = self.conn.execute(
            f"SELECT DISTINCT a.id, a.minhash, a.story_id FROM story_bands b JOIN articles a ON a.id = b.article_id"
            f" WHERE b.band IN ({marks}) LIMIT {MAX_CANDIDATES}", keys).fetchall()
        best = max(((resemblance(sig, r["minhash"]), r["story_id"]) for r in rows), default=(0.0, None))
        return best[1] if best[0] >= SAME_STORY else None

    # -- actors ---------------------------------------------------------------------------------------------

    def _link_actors(self, article_id: int, local: Sequence[Actor], genders: dict[str, str],
                     day: str) -> dict[str, int]:
        out: dict[str, int] = {}
        names = [a.name for a in local]
        for actor in local:
            context = [n for n in names if n != actor.name]
            actor_id, method, score, evidence = self._resolve_actor(actor, context, genders.get(actor.id), day)
            self.conn.execute(
                "INSERT INTO actor_links (article_id, local_id, local_name, actor_id, method, score, evidence)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (article_id, actor.id, actor.name, actor_id, method, score, evidence))
            out[actor.id] = actor_id
            if method != "article-scoped":
                refresh_name(self.conn, actor_id)
        if day != UNDATED_DAY:
            # once every actor of the article is in: two bearers of a title met here are two, not the first one
            people = self._people(out.values())
            for actor in local:
                if actor.kind == "person" and actor.titles and out[actor.id] in people:
                    self.late_claims |= self._late_descriptions(article_id, out[actor.id], actor.titles)
        return out

    def _people(self, ids: Iterable[int]) -> set[int]:
        ids = list(set(ids))
        marks = ",".join("?" * len(ids))
        return {r[0] for r in self.conn.execute(f"SELECT id FROM actors WHERE id IN ({marks}) AND kind = 'person'"
                                                f" AND NOT EXISTS (SELECT 1 FROM actor_links l WHERE l.actor_id ="
                                                f" actors.id AND l.method = 'article-scoped')", ids)}

    def _late_descriptions(self, article_id: int, bearer: int, titles: Sequence[str]) -> set[int]:
        """A title first seen now ('Vermont Sen. Bernie Sanders') for descriptions of earlier articles that named
        nobody ('the Vermont senator'): each that now has this one bearer joins it, as it would have had the
        title come first. Returns the claims whose holders changed."""
        words = sorted({w for t in titles for w in bearer_rules.title_words(t) - bearer_rules.MARKERS})
        if not words:
            return set()
        marks = ",".join("?" * len(words))
        found = [r[0] for r in self.conn.execute(
            f"SELECT actor_id FROM actor_keys k WHERE key IN ({marks}) GROUP BY actor_id HAVING count(*) ="
            f" (SELECT count(*) FROM actor_keys d WHERE d.actor_id = k.actor_id AND d.key LIKE 'desc:%')",
            [f"desc:{w}" for w in words])]
        claims: set[int] = set()
        for described in found:
            link = self.conn.execute("SELECT l.article_id, l.local_name, a.day FROM actor_links l JOIN articles a"
                                     " ON a.id = l.article_id WHERE l.actor_id = ?", (described,)).fetchone()
            if link is None or link["article_id"] == article_id:
                continue
            context = [r[0] for r in self.conn.execute(
                "SELECT local_name FROM actor_links WHERE article_id = ? AND actor_id != ?",
                (link["article_id"], described))]
            found_match = self._title_bearer(Actor("late", link["local_name"], "person"), context, link["day"])
            if found_match is None or found_match.actor_id != bearer:
                continue
            from .curation import merge_actors
            claims |= {r[0] for r in self.conn.execute(
                "SELECT claim_id FROM attributions WHERE actor_id = ? AND claim_id IS NOT NULL", (described,))}
            self.conn.execute("DELETE FROM actor_keys WHERE actor_id = ?", (described,))
            self.conn.execute("DELETE FROM actor_names WHERE actor_id = ?", (described,))
            merge_actors(self.conn, bearer, described, "")
            self.conn.execute(
                "UPDATE actor_links SET method = ?, score = ?, evidence = ? WHERE article_id = ? AND actor_id = ?"
                " AND local_name = ?", (found_match.method, found_match.score,
                                        found_match.evidence + " (linked when the title was first seen)",
                                        link["article_id"], bearer, link["local_name"]))
        return claims

    def _resolve_actor(self, actor: Actor, context: Sequence[str], said_gender: str | None = None,
                       day: str = UNDATED_DAY) -> tuple[int, str, float, str]:
        if actor_rules.article_scoped(actor):
            if (bearer := self._title_bearer(actor, context, day)) is not None:
                return bearer.actor_id, bearer.method, bearer.score, bearer.evidence
            actor_id = self._new_actor(actor.name, "group" if actor.kind == "unknown" else actor.kind, None, None)
            self._add_names(actor_id, actor, index=False)
            if day != UNDATED_DAY and actor.kind == "person":
                # found again when a later article gives someone this title (see _late_descriptions)
                self.conn.executemany("INSERT OR IGNORE INTO actor_keys (key, actor_id) VALUES (?, ?)",
                                      [(k.replace("title:", "desc:", 1), actor_id)
                                       for k in bearer_rules.description_keys(actor.name)])
            return actor_id, "article-scoped", 1.0, (f"'{actor.name}' is a group, a generic label or an unnamed "
                                                     "description: an actor of this article only")
        if (actor.kind == "unknown" or actor.kind == "organization" and said_gender) and \
                len(actor.name.split()) == 1 and actor.name[:1].isupper():
            # a bare proper noun the parser could not type ("Trump said"), or typed an organisation that the
            # article itself calls "he" or "Mr.": the person of that surname, if the person rules find exactly
            # one (or the dominant one)
            as_person = Actor(actor.id, actor.name, "person", actor.aliases, actor.titles)
            match = actor_rules.match(as_person, self._actor_candidates(as_person), context=context,
                                      said_gender=said_gender)
            if match is not None:
                self._add_names(match.actor_id, as_person)
                return match.actor_id, match.method, match.score, match.evidence + " (untyped name read as a person)"
        candidates = self._actor_candidates(actor)
        match = actor_rules.match(actor, candidates, context=context, said_gender=said_gender)
        if match is not None:
            self._add_names(match.actor_id, actor)
            return match.actor_id, match.method, match.score, match.evidence
        affiliation = actor_rules.affiliation_of(actor.name, actor.titles)
        # only places and institutions speak for a state: a person called "Jordan" does not
        state = actor_rules.state_of(actor.name) if actor.kind in ("place", "organization") else None
        represents = None
        if state and actor_rules.name_key(state) != actor_rules.name_key(actor.name):
            represents = self._state_actor(state)
            affiliation = affiliation or state
        actor_id = self._new_actor(actor.name, actor.kind, affiliation, represents)
        self._add_names(actor_id, actor)
        evidence = f"first seen as '{actor.name}' ({actor.kind})"
        if represents:
            evidence += f"; speaks for {state} (gazetteer)"
        return actor_id, "new", 1.0, evidence

    def _title_bearer(self, actor: Actor, context: Sequence[str], day: str) -> actor_rules.Match | None:
        """An unnamed description ('the Vermont senator') that names nobody here: the ledger's one person of
        that title in the half year around this article (an undated article has no "then": no link)."""
        keys = sorted(bearer_rules.description_keys(actor.name))
        if not keys or day == UNDATED_DAY:
            return None
        marks = ",".join("?" * len(keys))
        ids = [r[0] for r in self.conn.execute(
            f"SELECT actor_id FROM actor_keys WHERE key IN ({marks}) GROUP BY actor_id HAVING count(*) = ?"
            f" LIMIT {MAX_ACTOR_CANDIDATES}", [*keys, len(keys)])]
        in_time = {r[0] for r in self.conn.execute(
            f"SELECT DISTINCT l.actor_id FROM actor_links l JOIN articles a ON a.id = l.article_id"
            f" WHERE l.actor_id IN ({','.join('?' * len(ids))}) AND a.day != ?"
            f" AND abs(julianday(a.day) - julianday(?)) <= ?",
            [*ids, UNDATED_DAY, day, bearer_rules.TITLE_DAYS])} if ids else set()
        bearers = [bearer_rules.Bearer(c, c.id in in_time) for c in self._candidates(ids)]
        states = {s for n in context if (s := actor_rules.affiliation_of(n, ()))}
        return bearer_rules.title_bearer(actor, bearers, context_states=states)

    def _actor_candidates(self, actor: Actor) -> list[actor_rules.Candidate]:
        keys: set[str] = set()
        for name in (actor.name, *actor.aliases):
            keys |= actor_rules.blocking_keys(name, actor.kind)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        blocked = {r[0] for r in self.conn.execute(
            "SELECT actor_id FROM actor_splits WHERE name_key = ?", (actor_rules.name_key(actor.name),))}
        ids = [r[0] for r in self.conn.execute(
            f"SELECT DISTINCT actor_id FROM actor_keys WHERE key IN ({marks}) LIMIT {MAX_ACTOR_CANDIDATES}",
            list(keys))
            if r[0] not in blocked]
        return self._candidates(ids)

    def _candidates(self, ids: list[int]) -> list[actor_rules.Candidate]:
        """Ledger actors as the matcher sees them: two queries for all of them, not two per actor."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(f"SELECT id, name, kind, affiliation, (SELECT count(*) FROM attributions t"
                                 f" WHERE t.actor_id = actors.id) AS n FROM actors WHERE id IN ({marks})",
                                 ids).fetchall()
        names: dict[int, list[sqlite3.Row]] = {}
        for n in self.conn.execute(f"SELECT actor_id, name, is_title FROM actor_names WHERE actor_id IN ({marks})",
                                   ids):
            names.setdefault(n["actor_id"], []).append(n)
        by_id = {r["id"]: r for r in rows}
        out = []
        for actor_id in ids:
            row, own = by_id[actor_id], names.get(actor_id, [])
            out.append(actor_rules.Candidate(
                row["id"], row["name"], row["kind"],
                tuple(n["name"] for n in own if not n["is_title"] and n["name"] != row["name"]),
                tuple(n["name"] for n in own if n["is_title"]), row["affiliation"], row["n"]))
        return out

    def _new_actor(self, name: str, kind: str, affiliation: str | None, represents: int | None) -> int:
        return self.conn.execute(
            "INSERT INTO actors (name, kind, affiliation, represents, created_at) VALUES (?, ?, ?, ?, ?)",
            (name, kind, affiliation, represents, now())).lastrowid

    def _state_actor(self, state: str) -> int:
        """The ledger actor of a state ("Iran"), created the first time a capital or institution speaks for it."""
        keys = actor_rules.blocking_keys(state, "place")
        marks = ",".join("?" * len(keys))
        for row in self.conn.execute(
                f"SELECT a.id, a.name FROM actor_keys k JOIN actors a ON a.id = k.actor_id"
                f" WHERE k.key IN ({marks}) AND a.kind = 'place'", list(keys)):
            if actor_rules.name_key(row["name"]) == actor_rules.name_key(state):
                return row["id"]
        actor_id = self._new_actor(state, "place", state, None)
        self._add_names(actor_id, Actor(f"place:{state}", state, "place"))
        return actor_id

    def _add_names(self, actor_id: int, actor: Actor, index: bool = True) -> None:
        rows = [(actor_id, n, actor_rules.name_key(n), 0) for n in (actor.name, *actor.aliases)]
        rows += [(actor_id, t, actor_rules.name_key(t), 1) for t in actor.titles]
        self.conn.executemany(
            "INSERT OR IGNORE INTO actor_names (actor_id, name, name_key, is_title) VALUES (?, ?, ?, ?)", rows)
        if not index:
            return          # an article-scoped actor is found by no later article
        keys = bearer_rules.title_keys(actor.titles) if actor.kind == "person" else set()
        for name in (actor.name, *actor.aliases):
            keys |= actor_rules.blocking_keys(name, actor.kind)
        self.conn.executemany("INSERT OR IGNORE INTO actor_keys (key, actor_id) VALUES (?, ?)",
                              [(k, actor_id) for k in keys])
        if actor.titles:
            affiliation = actor_rules.affiliation_of(actor.name, actor.titles)
            if affiliation:
                self.conn.execute("UPDATE actors SET affiliation = coalesce(affiliation, ?) WHERE id = ?",
                                  (affiliation, actor_id))

def refresh_name(conn: sqlite3.Connection, actor_id: int) -> None:
    """The actor's name becomes the most complete proper form its articles used most often (no titles)."""
    counts: dict[str, int] = {}
    for name, n in conn.execute("SELECT local_name, count(*) FROM actor_links WHERE actor_id = ? GROUP BY local_name",
                                (actor_id,)):
        counts[name] = n
    row = conn.execute("SELECT name, kind, renamed FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if row is None or row["renamed"]:
        return                      # a curator's name stands
    best = canonical_name(counts, row["kind"])
    if best and best != row["name"]:
        conn.execute("UPDATE actors SET name = ? WHERE id = ?", (best, actor_id))
        conn.execute("INSERT OR IGNORE INTO actor_names (actor_id, name, name_key, is_title) VALUES (?, ?, ?, 0)",
                     (actor_id, best, actor_rules.name_key(best)))


def split_link(store: Store, link_id: int) -> dict[str, object]:
    """Undo one merge: the article's actor behind ``link_id`` becomes an actor of its own, its statements move
    with it, and its name never joins the old actor again."""
    from . import curation
    with store.atomic() as conn:
        link = conn.execute("SELECT l.local_name, a.key, l.actor_id FROM actor_links l JOIN articles a"
                            " ON a.id = l.article_id WHERE l.id = ?", (link_id,)).fetchone()
        if link is None:
            raise NotFound("merge link", str(link_id))
        name = conn.execute("SELECT name FROM actors WHERE id = ?", (link["actor_id"],)).fetchone()[0]
        out = split_link_rows(conn, link_id, "split by hand")
        # kept as a curation record, so a re-ingest or a rebuilt ledger splits the mention again
        conn.execute("INSERT OR IGNORE INTO curations (action, actor, value, article, who, at, why)"
                     " VALUES ('split', ?, ?, ?, 'curator', ?, ?)", (name, link["local_name"], link["key"], now(),
                                                                     f"split link {link_id}"))
        cid = conn.execute("SELECT id FROM curations WHERE action = 'split' AND actor = ? AND value = ? AND"
                           " article = ?", (name, link["local_name"], link["key"])).fetchone()[0]
        curation._effect(conn, cid, out["from_actor"], f"split '{link['local_name']}' of article {link['key']} off "
                                                       f"into actor {out['new_actor']}")
    return out


def split_link_rows(conn: sqlite3.Connection, link_id: int, why: str) -> dict[str, object]:
    """The rows of a split, inside the caller's transaction."""
    link = conn.execute("SELECT * FROM actor_links WHERE id = ?", (link_id,)).fetchone()
    if link is None:
        raise NotFound("merge link", str(link_id))
    old = conn.execute("SELECT id, name, kind FROM actors WHERE id = ?", (link["actor_id"],)).fetchone()
    others = conn.execute("SELECT count(*) FROM actor_links WHERE actor_id = ? AND id != ?",
                          (old["id"], link_id)).fetchone()[0]
    if not others:
        raise OnrecordError(f"merge link {link_id}: actor {old['id']} ({old['name']}) has no other mention to "
                            "split from")
    key = actor_rules.name_key(link["local_name"])
    new_id = conn.execute("INSERT INTO actors (name, kind, created_at) VALUES (?, ?, ?)",
                          (link["local_name"], old["kind"], now())).lastrowid
    conn.execute("INSERT OR IGNORE INTO actor_names (actor_id, name, name_key, is_title) VALUES (?, ?, ?, 0)",
                 (new_id, link["local_name"], key))
    conn.executemany("INSERT OR IGNORE INTO actor_keys (key, actor_id) VALUES (?, ?)",
                     [(k, new_id) for k in actor_rules.blocking_keys(link["local_name"], old["kind"])])
    conn.execute("INSERT OR IGNORE INTO actor_splits (actor_id, name_key) VALUES (?, ?)", (old["id"], key))
    moved = conn.execute("UPDATE attributions SET actor_id = ? WHERE article_id = ? AND local_actor = ?",
                         (new_id, link["article_id"], link["local_id"])).rowcount
    conn.execute("UPDATE actor_links SET actor_id = ?, method = 'split', score = 1.0, evidence = ? WHERE id = ?",
                 (new_id, f"{why} from actor {old['id']} ({old['name']}); was: {link['evidence']}",
                  link_id))
    still = conn.execute("SELECT local_name FROM actor_links WHERE actor_id = ?", (old["id"],)).fetchall()
    if all(actor_rules.name_key(r[0]) != key for r in still):
        conn.execute("DELETE FROM actor_names WHERE actor_id = ? AND name_key = ? AND is_title = 0",
                     (old["id"], key))
    for (claim_id,) in conn.execute("SELECT DISTINCT claim_id FROM attributions WHERE actor_id = ? AND"
                                    " claim_id IS NOT NULL", (new_id,)).fetchall():
        refresh_claim(conn, claim_id)
    return {"link": link_id, "from_actor": old["id"], "new_actor": new_id, "name": link["local_name"],
            "attributions_moved": moved}
