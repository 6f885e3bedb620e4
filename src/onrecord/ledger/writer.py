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

from ..article import Actor, Article, Attribution
from ..attribution.stance import DENIAL_PHRASES
from ..attribution.when import with_provenance
from ..errors import NotFound, OnrecordError
from ..ingest.document import Document, Failure
from . import actors as actor_rules
from . import bearers as bearer_rules
from . import claims as claim_rules
from . import disputes as dispute_rules
from . import frames as frame_rules
from .event_writer import EventWriter
from .identity import article_key, text_hash
from .names import canonical_name
from .store import Store
from .stories import SAME_STORY, bands, resemblance, signature

# How many index hits are compared at most: keeps one insert bounded however large the ledger grows.
MAX_CANDIDATES = 200
# Claims compared per block key: the most recent ones (10 keys a claim, so at most 400 comparisons, most of them
# skipped by a bound computed from set sizes)
PER_BLOCK = 40
# Actor candidates are all passed on: "only one person with that surname" must see every one of them.
MAX_ACTOR_CANDIDATES = 5000
# Wordings of one claim compared with a new statement: the most recent ones (a claim repeated a thousand times
# in one wording adds no variant; one reworded often keeps the latest)
MAX_VARIANTS = 20
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# "rejected the denial": a denial of a denial supports what was denied
_DENIAL_WORDS = re.compile(r"\b(denials?|rebuttals?|dismissals?|rejections?)\b", re.I)
SUPPORT = ("assert", "accuse")
# "calling the accusation 'a provocation'", "said the reports were pure fiction": a back-reference that judges
# the earlier claim false denies it, whatever the cue
_FALSITY = re.compile(DENIAL_PHRASES.pattern + r"|\b(provocations?|fiction|fictitious|invented|made[- ]up|slander)\b",
                      re.IGNORECASE)


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


# The day column of an undated article and its statements: never the ingest day (issue 18). The columns are NOT
# NULL since migration 1, so undated is the empty string, which sorts before every date; queries turn it into
# None and views show "undated".
UNDATED_DAY = ""


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


class Ledger(EventWriter):
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

    # -- attributions and claims ----------------------------------------------------------------------------

    def _add_attributions(self, article_id: int, story_id: int, day: str, article: Article,
                          actor_ids: dict[str, int]) -> set[int]:
        touched: set[int] = set()
        framed: list[tuple[int, frame_rules.Frame]] = []   # this article's accusations so far: (claim, frame)
        affiliations = self._affiliations(set(actor_ids.values()))
        links: dict[int, tuple[int | None, str | None, str]] = {}
        # an accusation that only points at its agent or its event ("the company had concealed …", "Russia had
        # nothing to do with the incident") is read after the article's other statements, whichever came first
        # (and a back-reference after both, pointing at what came before it in the text)
        readings: dict[int, claim_rules.Proposition | None] = {}
        passes: tuple[list[int], list[int], list[int]] = ([], [], [])
        for i, a in enumerate(article.attributions):
            actor_id = actor_ids.get(a.speaker.actor) if a.speaker.actor else None
            readings[i] = None if claim_rules.is_back_reference(a.content.text) else frame_rules.reading(
                a.content.text, speaker=a.speaker.name, speaker_affiliation=affiliations.get(actor_id),
                speaker_kind=a.speaker.kind)
            frame = frame_rules.frame_of(readings[i]) if readings[i] is not None else None
            passes[2 if readings[i] is None else 1 if frame and (frame.described or frame.anaphoric) else 0].append(i)
        done: list[tuple[int, tuple[Attribution, int | None, str | None]]] = []
        for i in passes[0] + passes[1] + passes[2]:
            a = article.attributions[i]
            ordered = [p for _j, p in sorted(done, key=lambda d: d[0])]
            before = [p for j, p in sorted(done, key=lambda d: d[0]) if j < i]
            # a back-reference opening the article ("X rejected the army's account of the attack") answers the
            # claim the article goes on to state
            if readings[i] is None and not any(p[1] is not None for p in before):
                before = ordered
            links[i] = self._claim_for(a, readings[i], before, day, framed)
            done.append((i, (a, links[i][0], links[i][1])))
        for i, a in enumerate(article.attributions):
            actor_id = actor_ids.get(a.speaker.actor) if a.speaker.actor else None
            claim_id, claim_stance, link = links[i]
            mention, cue, sentence, via = a.speaker.mention, a.cue, a.sentence, a.via
            cur = self.conn.execute(
                "INSERT INTO attributions (article_id, local_id, kind, stance, rule, confidence, content_text,"
                " content_start, content_end, parts, cue_text, cue_start, cue_end, mention_text, mention_start,"
                " mention_end, speaker_name, speaker_kind, local_actor, actor_id, sentence_start, sentence_end, day,"
                " story_id, claim_id, claim_stance, claim_link, via_text, via_start, via_end, said_on, mode,"
                " polarity, position) VALUES (" + ", ".join("?" * 34) + ")",
                (article_id, a.id, a.kind, a.stance, a.rule, a.confidence, a.content.text, a.content.start,
                 a.content.end, json.dumps([list(p) for p in a.content.parts]),
                 cue.text if cue else None, cue.start if cue else None, cue.end if cue else None,
                 mention.text if mention else None, mention.start if mention else None,
                 mention.end if mention else None, a.speaker.name, a.speaker.kind, a.speaker.actor, actor_id,
                 sentence.start if sentence else None, sentence.end if sentence else None, day, story_id,
                 claim_id, claim_stance, link, via.text if via else None, via.start if via else None,
                 via.end if via else None, a.said_on, a.mode, a.polarity,
                 dispute_rules.position(a.stance, a.polarity, claim_stance, a.mode) if claim_id is not None else None))
            self.conn.execute("INSERT INTO attributions_fts (rowid, content_text, speaker_name) VALUES (?, ?, ?)",
                              (cur.lastrowid, a.content.text, a.speaker.name or ""))
            if claim_id is not None:
                touched.add(claim_id)
        return touched

    def _affiliations(self, actor_ids: set[int]) -> dict[int, str | None]:
        if not actor_ids:
            return {}
        marks = ",".join("?" * len(actor_ids))
        return {r[0]: r[1] for r in self.conn.execute(
            f"SELECT id, affiliation FROM actors WHERE id IN ({marks})", list(actor_ids))}

    def _claim_for(self, a: Attribution, prop: claim_rules.Proposition | None,
                   placed: list[tuple[Attribution, int | None, str | None]], day: str,
                   framed: list[tuple[int, frame_rules.Frame]]) -> tuple[int | None, str | None, str]:
        """The claim this attribution states (``prop``, None for a back-reference) or points back to, its stance
        towards it, and why."""
        if prop is None:
            return self._back_reference(a, placed)
        frame = frame_rules.frame_of(prop)
        if claim_rules.is_trivial(prop) and not (frame and frame.anaphoric and frame.agent):
            return None, None, "no claim: too little content to link"
        best = self._similar_claim(prop) if not claim_rules.is_trivial(prop) else None
        if best is not None:
            claim_id, score, shared = best
            self._add_variant(claim_id, prop)
            link = f"same claim (similarity {score:.2f}; shared: {', '.join(shared[:8])})"
        elif frame is not None and (found := self._framed_claim(frame, framed)) is not None:
            claim_id, link = found
            self._add_variant(claim_id, prop)
        elif claim_rules.is_trivial(prop):
            return None, None, "no claim: too little content to link"
        else:
            claim_id, link = self._new_claim(prop, day), "new claim"
        if frame is not None:
            framed.append((claim_id, frame))
        if frame is not None and frame_rules.intentional(frame) and a.stance in dispute_rules.SIDES:
            seed = frame_rules.frame_of(self._proposition(claim_id))
            if frame.opposite != (seed is not None and frame_rules.intentional(seed) and seed.opposite):
                # "the damage was an accident" on a claim that it was deliberate: the other answer
                return claim_id, _answered_otherwise(a.stance, a.polarity), link + "; answers it the other way"
        return claim_id, a.stance, link

    def _framed_claim(self, frame: frame_rules.Frame, framed: list[tuple[int, frame_rules.Frame]]
                      ) -> tuple[int, str] | None:
        """The accusation this frame restates (frames.py): one stated earlier in the article first, the latest
        one wins; then the most recent stored claims naming the same agent."""
        for claim_id, earlier in reversed(framed):
            if (why := frame_rules.same_event(frame, earlier, same_article=True)) is not None:
                return claim_id, f"same frame: {why}"
        if frame_rules.intentional(frame):
            ids = {r[0] for key in frame_rules.keys(frame) for r in self.conn.execute(
                "SELECT claim_id FROM claim_keys WHERE key = ? ORDER BY claim_id DESC LIMIT ?", (key, PER_BLOCK))}
            for claim_id in sorted(ids, reverse=True):
                for wording in self._wordings(claim_id):
                    other = frame_rules.frame_of(wording)
                    if other is not None and (why := frame_rules.same_event(frame, other, same_article=False)):
                        return claim_id, f"same frame: {why}"
            return None
        if frame.agent is None or frame.anaphoric:
            return None
        # the agent's name, and its one-word or longer forms ("Hollenbeck" / "Hollenbeck Chemicals"): frames.same_agent
        words = frame.agent.split()
        names = [frame.agent] + ([words[0], words[-1]] if len(words) > 1 else [])
        ids: set[int] = set()
        for name in names:
            ids.update(r[0] for r in self.conn.execute(
                "SELECT claim_id FROM claim_entities WHERE entity = ? ORDER BY claim_id DESC LIMIT ?",
                (name, MAX_CANDIDATES)))
        if len(words) == 1:       # an index range: entities that open with the word and a space
            ids.update(r[0] for r in self.conn.execute(
                "SELECT claim_id FROM claim_entities WHERE entity >= ? AND entity < ? ORDER BY claim_id DESC"
                " LIMIT ?", (frame.agent + " ", frame.agent + "!", MAX_CANDIDATES)))
        for claim_id in sorted(ids, reverse=True):
            for wording in self._wordings(claim_id):
                other = frame_rules.frame_of(wording)
                if other is not None and (why := frame_rules.same_event(frame, other, same_article=False)):
                    return claim_id, f"same frame: {why}"
        return None

    def _back_reference(self, a: Attribution, placed: list[tuple[Attribution, int | None, str | None]]
                        ) -> tuple[int | None, str | None, str]:
        """'denied the accusation', 'rejected the denial', 'dismissed the report': the claim the article is about.

        The target is the earlier claim of this article discussed most so far, the nearest one breaking ties: a
        dismissal two paragraphs on ("The Kremlin dismissed the report") answers the story's central allegation,
        not whatever was said just before it. A denial of a denial only looks at claims someone denied."""
        denial = bool(_DENIAL_WORDS.search(a.content.text))
        weight: dict[int, float] = {}
        nearest: dict[int, tuple[Attribution, int]] = {}
        for position, (earlier, claim_id, claim_stance) in enumerate(placed):
            if claim_id is None or (denial and claim_stance != "deny"):
                continue
            weight[claim_id] = weight.get(claim_id, 0.0) + 1.0
            nearest[claim_id] = (earlier, position)
        if not weight:
            return None, None, "back-reference with nothing earlier in the article to point to"
        # a tie goes to the claim the ledger has heard most: "called the allegations false" answers the story's
        # allegation, not the remark on the size of the fine made just before it
        heard = {c: self.conn.execute("SELECT count(*) FROM attributions WHERE claim_id = ?", (c,)).fetchone()[0]
                 for c in weight}
        claim_id = max(weight, key=lambda c: (weight[c], heard[c], nearest[c][1]))
        earlier = nearest[claim_id][0]
        stance = a.stance
        if denial and a.stance == "deny":
            stance = "assert"      # rejecting a denial upholds the claim that was denied
        elif stance in SUPPORT and _FALSITY.search(a.content.text):
            stance = "deny"
        why = (f"back-reference: '{_clip(a.content.text)}' points to the claim of {earlier.id}"
               f" ('{_clip(earlier.content.text)}'), stated {int(weight[claim_id])} time(s) before in the article")
        if stance != a.stance:
            why += (f"; {a.stance} of a denial counts as {stance}" if denial
                    else f"; it calls that claim false, so counts as {stance}")
        return claim_id, stance, why

    def _similar_claim(self, prop: claim_rules.Proposition) -> tuple[int, float, tuple[str, ...]] | None:
        """The stored claim most similar to ``prop`` at or above SAME_CLAIM, among the most recent claims of each
        block (news repeats itself within days, so recent claims are the likeliest to be the same one)."""
        keys = claim_rules.block_keys(prop)
        if not keys:
            return None
        ids: set[int] = set()
        for key in keys:
            ids.update(r[0] for r in self.conn.execute(
                "SELECT claim_id FROM claim_keys WHERE key = ? ORDER BY claim_id DESC LIMIT ?",
                (key, PER_BLOCK)))
        best: tuple[int, float, tuple[str, ...]] | None = None
        for claim_id in sorted(ids, reverse=True):
            # the claim as first stated and each other wording it has been stated in (issue 17: a dispute's
            # paraphrases gather around every wording, not only the first)
            for other in self._wordings(claim_id):
                if claim_rules.score_bound(prop, other) < claim_rules.SAME_CLAIM:
                    continue
                # uniform weights: SAME_CLAIM was set on the labelled pairs with them (see claims.py)
                score, shared = claim_rules.similarity(prop, other)
                if score >= claim_rules.SAME_CLAIM and (best is None or score > best[1]):
                    best = (claim_id, score, shared)
        return best

    def _wordings(self, claim_id: int) -> list[claim_rules.Proposition]:
        """The claim's stored proposition and its variants (the most recent MAX_VARIANTS)."""
        cached = self._variants.get(claim_id)
        if cached is None:
            cached = [self._proposition(claim_id)] + [
                claim_rules.Proposition(r["text"], tuple(r["terms"].split()), tuple(json.loads(r["entities"])),
                                        r["agent"])
                for r in self.conn.execute("SELECT text, terms, entities, agent FROM claim_variants WHERE claim_id = ?"
                                           " ORDER BY id DESC LIMIT ?", (claim_id, MAX_VARIANTS))]
            if len(self._variants) > 100_000:
                self._variants.clear()
            self._variants[claim_id] = cached
        return cached

    def _add_variant(self, claim_id: int, prop: claim_rules.Proposition) -> None:
        """Keep a new wording of the claim, indexed under its own block keys, so later statements that resemble
        this wording (and not the first) find the claim too."""
        if any(set(w.terms) == set(prop.terms) for w in self._wordings(claim_id)):
            return
        self.conn.execute("INSERT OR IGNORE INTO claim_variants (claim_id, text, terms, entities, agent)"
                          " VALUES (?, ?, ?, ?, ?)",
                          (claim_id, prop.text, " ".join(prop.terms), json.dumps(list(prop.entities),
                                                                              ensure_ascii=False), prop.agent))
        self.conn.executemany("INSERT OR IGNORE INTO claim_keys (key, claim_id) VALUES (?, ?)",
                              [(k, claim_id) for k in _keys(prop)])
        # a wording naming someone the first did not ("it had a hand in" read as Russia) is found by that name too
        self.conn.executemany("INSERT OR IGNORE INTO claim_entities (entity, claim_id) VALUES (?, ?)",
                              [(e, claim_id) for e in prop.entities])
        self._variants.pop(claim_id, None)

    def _proposition(self, claim_id: int) -> claim_rules.Proposition:
        cached = self._propositions.get(claim_id)
        if cached is None:
            cached = proposition_of(self.conn, claim_id)
            if len(self._propositions) > 100_000:
                self._propositions.clear()
            self._propositions[claim_id] = cached
        return cached

    def _new_claim(self, prop: claim_rules.Proposition, day: str) -> int:
        claim_id = self.conn.execute(
            "INSERT INTO claims (text, terms, entities, agent, first_day, last_day) VALUES (?, ?, ?, ?, ?, ?)",
            (prop.text, " ".join(prop.terms), json.dumps(list(prop.entities), ensure_ascii=False), prop.agent, day,
             day)
        ).lastrowid
        self.conn.executemany("INSERT OR IGNORE INTO claim_keys (key, claim_id) VALUES (?, ?)",
                              [(k, claim_id) for k in _keys(prop)])
        self.conn.executemany("INSERT OR IGNORE INTO claim_entities (entity, claim_id) VALUES (?, ?)",
                              [(e, claim_id) for e in prop.entities])
        return claim_id

    def rejudge(self) -> int:
        """Judge every dispute again with the current rules (after an upgrade); returns how many were judged."""
        with self.store.atomic():
            ids = [r[0] for r in self.conn.execute("SELECT id FROM claims WHERE n_sides > 0 OR contested = 1")]
            for claim_id in ids:
                self._refresh_claim(claim_id)
        return len(ids)

    def _refresh_claim(self, claim_id: int) -> None:
        """Counts, first and last day, and whether the claim is contested (``disputes.judge``, with evidence)."""
        refresh_claim(self.conn, claim_id, self._proposition(claim_id))


def proposition_of(conn: sqlite3.Connection, claim_id: int) -> claim_rules.Proposition:
    """The stored proposition of a claim."""
    r = conn.execute("SELECT text, terms, entities, agent FROM claims WHERE id = ?", (claim_id,)).fetchone()
    return claim_rules.Proposition(r["text"], tuple(r["terms"].split()), tuple(json.loads(r["entities"])), r["agent"])


def refresh_claim(conn: sqlite3.Connection, claim_id: int, seed: claim_rules.Proposition | None = None) -> None:
    """Counts, first and last day, and whether the claim is contested (``disputes.judge``, with evidence); after
    an ingest, a split or a curator's merge."""
    rows = conn.execute(
        "SELECT t.id, t.article_id, t.story_id, t.actor_id, t.day, t.position, t.stance, t.claim_stance,"
        " t.claim_link, t.content_text, t.speaker_name, t.speaker_kind, a.represents"
        " FROM attributions t LEFT JOIN actors a ON a.id = t.actor_id WHERE t.claim_id = ?",
        (claim_id,)).fetchall()
    if not rows:
        return
    seed = seed or proposition_of(conn, claim_id)
    placed = [placed_of(r, seed) for r in rows if r["position"]]
    verdict = dispute_rules.judge(placed)
    days = [r["day"] for r in rows if r["day"] != UNDATED_DAY] or [UNDATED_DAY]   # undated statements: no range
    conn.execute(
        "UPDATE claims SET contested = ?, contested_why = ?, n_sides = ?, n_attributions = ?, first_day = ?,"
        " last_day = ? WHERE id = ?",
        (int(verdict.contested), verdict.evidence, len(placed), len(rows), min(days), max(days), claim_id))


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


def placed_of(row, seed: claim_rules.Proposition) -> dispute_rules.Placed:
    """A statement as the dispute rules see it. A back-reference ("denied the accusation") says what the claim
    says; a denial is a statement whose stance towards the claim is deny."""
    if (row["claim_link"] or "").startswith("back-reference"):
        prop = seed
    else:
        prop = frame_rules.reading(row["content_text"], speaker=row["speaker_name"],
                                   speaker_kind=row["speaker_kind"] if "speaker_kind" in row.keys() else None)
    return dispute_rules.Placed(row["id"], row["article_id"], row["story_id"], holder_of(row), row["day"],
                                row["position"], denial=row["claim_stance"] == "deny", proposition=prop,
                                name=row["speaker_name"])


def holder_of(row) -> str | None:
    """Who holds a side: the ledger actor, a capital or institution as the state it speaks for ("the Kremlin" and
    "Russia" are one holder); None for an unresolved speaker, who cannot make a claim contested."""
    if row["actor_id"] is None:
        return None
    return f"actor:{row['represents'] or row['actor_id']}"


def _keys(prop: claim_rules.Proposition) -> tuple[str, ...]:
    """A wording's index keys: its blocking keys, and a question of intent's frame keys (frames.keys)."""
    frame = frame_rules.frame_of(prop)
    return claim_rules.block_keys(prop) + (frame_rules.keys(frame) if frame is not None else ())


def _answered_otherwise(stance: str, polarity: str) -> str:
    """The stance towards a question of intent of a statement that answers it the other way: a plain "it was an
    accident" stands against "it was deliberate", a denial that it was one, or "it did not drift by accident", for
    it (``disputes.position`` reads a claim stance other than the statement's own as its side)."""
    if stance == "deny":
        return "assert"
    if polarity == dispute_rules.NEGATE:
        return "accuse" if stance != "accuse" else "assert"
    return "deny"


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


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
