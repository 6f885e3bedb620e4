"""Disputes: the statements about one proposition in two camps, affirm and negate, and who moved between them.

Pure functions over plain records (no database): the writer stores each statement's ``position`` and the
claim's ``contested`` flag from them, the queries build the camps shown by the CLI, the API and the web page.

A statement takes a side only when it asserts, accuses or denies; questions, demands and refusals
(``decline``: "declined to comment") take none. A dispute is *contested* when two different holders stand on
opposite sides in different stories: the same actor (or a capital and its state), the same document, or one
republished wire story on both sides is never a contradiction, and an actor whose position changed over time
is a *change of position*, not a contradiction with itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .claims import SAME_CLAIM, Proposition, similarity
from .frames import describing, frame_of, nominal, restates

AFFIRM = "affirm"
NEGATE = "negate"
SIDES = ("assert", "accuse", "deny")

# Only what was said or written takes a side (Attribution.mode, issue 19): a belief, a hope or a plan ("believes
# the plant will close") is no statement anyone can contradict; None would let every mode take one.
SPEECH_MODES: frozenset[str] | None = frozenset({"speech"})


def position(stance: str, polarity: str, claim_stance: str | None, mode: str | None = None) -> str | None:
    """The side a statement takes on its claim's proposition, or None.

    ``stance``/``polarity`` are the attribution's own; ``claim_stance`` is its stance towards the claim it was
    linked to (a back-reference's: "rejected the denial" upholds, "called the reports a provocation" denies)."""
    if SPEECH_MODES is not None and mode is not None and mode not in SPEECH_MODES:
        return None
    if claim_stance not in SIDES or stance == "decline":
        return None
    if claim_stance != stance:
        # the ledger re-read a back-reference: its reading of the earlier claim is the side taken
        return NEGATE if claim_stance == "deny" else AFFIRM
    if stance == "deny":
        # a denial negates what it answers; a rare denial of a negation ("denied it had never paid") is read as a
        # denial too (records of onrecord.article/1 carry no polarity, and precision comes first)
        return NEGATE
    return NEGATE if polarity == NEGATE else AFFIRM


@dataclass(frozen=True, slots=True)
class Placed:
    """One statement with a side, as the dispute rules see it."""

    attribution: int
    article: int
    story: int
    holder: str | None     # who holds it: "actor:7" (a state's capital or institution as the state), else None
    day: str
    position: str
    denial: bool = True    # the negating statement rejects what others said (stance deny), not a mere "not"
    proposition: Proposition | None = None   # what it says, for checking a deciding pair directly
    name: str | None = None  # the speaker's name as the article gave it


@dataclass(frozen=True, slots=True)
class Change:
    """A holder who moved from one camp to the other: the last statement before and the first after."""

    holder: str
    before: str
    after: str
    left: str           # day of the last statement in the old camp
    joined: str         # day of the first statement in the new camp


@dataclass(frozen=True, slots=True)
class Verdict:
    camps: dict[str, tuple[str, ...]]      # affirm / negate -> holders, by their latest position
    changes: tuple[Change, ...]
    contested: bool
    evidence: str                          # why contested, or why not
    pair: tuple[int, int] | None = None    # the affirming and the negating attribution that make it contested


# A deciding pair must say the same thing in its own words, with enough said: on the PolNeAR train articles,
# pairs linked only through a chain of wordings, or short contents ("same-sex marriage", "trade agreements"), set
# different propositions against each other (issue 17's sample: most contested claims were such pairs).
MIN_CONTENT_TERMS = 2
MIN_SHARED_CONTENT = 3


def specific(p: Proposition) -> bool:
    return sum(1 for t in p.terms if not t.startswith("e:")) >= MIN_CONTENT_TERMS and len(p.terms) >= 3


def direct(a: Placed, n: Placed) -> bool:
    """The affirming and the negating statement are about the same proposition, compared directly."""
    if a.proposition is None or n.proposition is None:
        return True                   # nothing to check with (plain records in tests of the camp rules)
    if not specific(a.proposition) or not specific(n.proposition):
        return False
    if nominal(a.proposition) or nominal(n.proposition):
        return False                  # "condemned Trump's call for a ban" / "rejected Trump's offer of an exception"
    score, shared = similarity(a.proposition, n.proposition)
    # what they share must be more than who is involved and a word or two, and more than how someone is described
    # ("presumptive Republican presidential nominee Donald Trump was a failure" / "… could be the next president")
    if score >= SAME_CLAIM and sum(1 for t in shared if not t.startswith("e:")
                                   and not describing(t)) >= MIN_SHARED_CONTENT:
        return True
    # or one accusation in two wordings: "Russia was behind the sabotage of the cable" / "it had a hand in
    # damaging the cable" (frames.py), each complete on its own
    fa, fn = frame_of(a.proposition), frame_of(n.proposition)
    return fa is not None and fn is not None and restates(fa, fn)


def same_person(a: str | None, b: str | None) -> bool:
    """Two names the ledger may hold as two actors but a reader takes for one ("Obama" / "Barack Obama",
    "Hollenbeck" / "Hollenbeck Chemicals"): a one-word name that opens or closes the other, or the same first and
    last word. Only used to refuse a contradiction, so a wrong "same" costs a missed flag, never a false one."""
    if not a or not b:
        return False
    wa, wb = a.casefold().replace(".", "").split(), b.casefold().replace(".", "").split()
    if wa == wb:
        return True
    short, long_ = sorted((wa, wb), key=len)
    if len(short) == 1:
        return short[0] in (long_[0], long_[-1])
    return short[-1] == long_[-1] and short[0][:1] == long_[0][:1]


def changes_of(statements: Sequence[Placed]) -> tuple[Change, ...]:
    """Holders whose position flipped between days, each flip once, oldest first."""
    out = []
    by_holder: dict[str, list[Placed]] = {}
    for s in statements:
        if s.holder is not None:
            by_holder.setdefault(s.holder, []).append(s)
    for holder, own in by_holder.items():
        own = sorted(own, key=lambda s: (s.day, s.attribution))
        for prev, nxt in zip(own, own[1:]):
            if prev.position != nxt.position and prev.day and prev.day < nxt.day:
                out.append(Change(holder, prev.position, nxt.position, prev.day, nxt.day))
    return tuple(sorted(out, key=lambda c: (c.joined, c.holder)))


def judge(statements: Iterable[Placed]) -> Verdict:
    """Camps, changes of position and whether the dispute is contested, with the evidence."""
    statements = [s for s in statements if s.position in (AFFIRM, NEGATE)]
    latest: dict[str, Placed] = {}
    for s in sorted(statements, key=lambda s: (s.day, s.attribution)):
        if s.holder is not None:
            latest[s.holder] = s
    camps = {side: tuple(sorted(h for h, s in latest.items() if s.position == side)) for side in (AFFIRM, NEGATE)}
    changes = changes_of(statements)
    affirm = [s for s in statements if s.position == AFFIRM and s.holder is not None]
    negate = [s for s in statements if s.position == NEGATE and s.holder is not None]
    for a in affirm:
        for n in negate:
            if a.holder == n.holder or same_person(a.name, n.name):
                continue              # one holder on both sides: a change of position or a misreading
            if a.article == n.article or a.story == n.story:
                continue              # one document or one republished story is not two sources at odds
            if a.holder not in camps[AFFIRM] or n.holder not in camps[NEGATE]:
                continue              # a holder who moved since: its latest side counts
            if not n.denial:
                continue              # "I don't like it", "will not support him": a view, not a rebuttal of P
            if not direct(a, n):
                continue              # linked only through other wordings, or too little said to compare
            return Verdict(camps, changes, True,
                           f"{a.holder} affirms (attribution {a.attribution}, {a.day}) and {n.holder} negates"
                           f" (attribution {n.attribution}, {n.day}) in different stories",
                           (a.attribution, n.attribution))
    if not affirm or not negate:
        why = "one camp only"
    else:
        why = "the two camps meet only within one actor, one document or one story"
    return Verdict(camps, changes, False, why)


def camps_of(statements: Sequence[dict]) -> dict[str, list[dict]]:
    """The two camps of a dispute from its statements (dicts with ``position``, ``actor``, ``speaker``,
    ``attribution`` and ``date``): per side, one entry per actor (an unresolved speaker by its name), with its
    statement ids and first and last dates, earliest first. An actor who moved appears in both, with the dates
    that show when."""
    out: dict[str, list[dict]] = {AFFIRM: [], NEGATE: []}
    for side in (AFFIRM, NEGATE):
        entries: dict[tuple, dict] = {}
        for s in statements:
            if s["position"] != side:
                continue
            key = ("actor", s["actor"]) if s["actor"] is not None else ("name", (s["speaker"] or "").casefold())
            e = entries.setdefault(key, {"actor": s["actor"], "name": s["speaker"], "statements": [],
                                         "first": None, "last": None})
            e["statements"].append(s["attribution"])
            if s["date"]:       # an undated article's statement has no place in the range (issue 18)
                e["first"] = min(e["first"] or s["date"], s["date"])
                e["last"] = max(e["last"] or s["date"], s["date"])
        # earliest first; actors with only undated statements after the dated ones
        out[side] = sorted(entries.values(), key=lambda e: (e["first"] is None, e["first"] or "", e["name"] or ""))
    return out


def moves(camps: dict[str, list[dict]]) -> list[dict]:
    """Actors in both camps, as changes of position: from the camp they were in first to the other."""
    out = []
    affirm = {e["actor"]: e for e in camps[AFFIRM] if e["actor"] is not None}
    for e in camps[NEGATE]:
        a = affirm.get(e["actor"])
        if a is None:
            continue
        if a["first"] is None or e["first"] is None:
            continue        # an undated side cannot say which came first: no change of position is claimed
        before, after = (a, e) if a["first"] <= e["first"] else (e, a)
        out.append({"actor": e["actor"], "name": e["name"],
                    "from": AFFIRM if before is a else NEGATE, "to": NEGATE if before is a else AFFIRM,
                    "since": after["first"], "until": before["last"]})
    return out
