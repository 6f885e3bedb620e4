"""The claims part of the ledger writer: each attribution is stored and linked to the claim it states (a new
one, a rewording of an earlier one, a frame of an accusation, or a back-reference), and claims are judged as
disputes.

A mixin of :class:`onrecord.ledger.writer.Ledger`, which gives it the store, the connection and its caches.
"""

from __future__ import annotations

import json
import re
import sqlite3

from ..article import Article, Attribution
from ..attribution.stance import DENIAL_PHRASES
from . import claims as claim_rules
from . import disputes as dispute_rules
from . import frames as frame_rules
from .store import Store

# Claims compared per block key: the most recent ones (10 keys a claim, so at most 400 comparisons, most of them
# skipped by a bound computed from set sizes)
PER_BLOCK = 40
# Wordings of one claim compared with a new statement: the most recent ones (a claim repeated a thousand times
# in one wording adds no variant; one reworded often keeps the latest)
MAX_VARIANTS = 20
# "rejected the denial": a denial of a denial supports what was denied
_DENIAL_WORDS = re.compile(r"\b(denials?|rebuttals?|dismissals?|rejections?)\b", re.I)
SUPPORT = ("assert", "accuse")
# "calling the accusation 'a provocation'", "said the reports were pure fiction": a back-reference that judges
# the earlier claim false denies it, whatever the cue
_FALSITY = re.compile(DENIAL_PHRASES.pattern + r"|\b(provocations?|fiction|fictitious|invented|made[- ]up|slander)\b",
                      re.IGNORECASE)
# The day column of an undated article and its statements: never the ingest day (issue 18). The columns are NOT
# NULL since migration 1, so undated is the empty string, which sorts before every date; queries turn it into
# None and views show "undated".
UNDATED_DAY = ""
# How many index hits are compared at most: keeps one insert bounded however large the ledger grows.
MAX_CANDIDATES = 200


class ClaimWriter:
    """Stores an article's attributions and links each to its claim; judges the claims it touched."""

    store: Store
    conn: sqlite3.Connection
    _propositions: dict[int, claim_rules.Proposition]
    _variants: dict[int, list[claim_rules.Proposition]]

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
            return self._stored_frame_claim(frame, ids)
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
        return self._stored_frame_claim(frame, ids)

    def _stored_frame_claim(self, frame: frame_rules.Frame, ids: set[int]) -> tuple[int, str] | None:
        """The newest of the claims ``ids`` with a wording that frames the same event as ``frame``, and why."""
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
