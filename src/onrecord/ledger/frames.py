"""Frames: who is said to have done what to what — the second way a statement joins a dispute.

Two wordings of one accusation often share too few words for the lexical similarity of ``claims.py``: "Russia had
ordered the sabotage of an undersea power cable", "Russia was behind the sabotage of the Estlink 3 cable", "it had a
hand in damaging the Estlink 3 power cable", "Moscow ordered this operation". What they share is a frame: an agent
(Russia), a blamed act (responsible for / sabotage / damage) and what it was done to (the cable) — or, in an article
that has already said what happened, only a pointer to it ("this operation", "the incident").

Pure functions over ``Proposition`` records; which terms are acts and which nouns point back at an event is data
(``onrecord/data/claim_frames.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .claims import Proposition, _term, is_acronym, later_sentences, normalise, stem

# What a frame link must share besides agent and act, across articles: one specific object term ("cable",
# "hospital") is enough when both name the same agent and act, because the agent is an entity and the act a blamed
# act; generic nouns of any story ("people", "area") are not objects (data file, "generic").


@dataclass(frozen=True, slots=True)
class Frame:
    """An accusation's frame, read off a proposition."""

    agent: str | None            # the entity said to have acted (``Proposition.agent``)
    acts: frozenset[str]         # blamed-act terms ("sabotage", "attack") and generic ones ("responsible")
    objects: frozenset[str]      # what else it names: the patient, the place, the instrument (entity terms too)
    anaphoric: bool              # names the event only by pointing at it ("the incident", "this operation")
    described: bool = False      # no named agent, but a definite one ("the paramilitary group", "his forces")
    opposite: bool = False       # answers a question of intent the other way ("it was an accident")
    places: frozenset[str] = frozenset()   # the entity terms among the objects that name where ("in Kherson")


@dataclass(frozen=True, slots=True)
class _Classes:
    blame: frozenset[str]        # acts one can be blamed for (synonym-class terms of claims.py)
    generic: frozenset[str]      # responsibility itself: matches any blamed act ("was behind", "ordered")
    pointer: frozenset[str]      # nouns that point at an event already told ("incident", "operation")
    generic_object: frozenset[str]   # nouns too common to tie two accusations to one event
    intent: frozenset[str]       # "deliberate": whether an act was meant is a question of its own
    opposite: frozenset[str]     # "accident": the same question answered the other way
    violent: frozenset[str]      # the ways of attacking that a bare "attack" covers
    description: frozenset[str]  # words describing a participant ("presumptive nominee"), as claim terms


_KINDS = ("blame", "generic", "pointer", "generic_object", "intent", "opposite", "violent", "description")


@cache
def _classes() -> _Classes:
    text = resources.files("onrecord.data").joinpath("claim_frames.tsv").read_text(encoding="utf-8")
    groups: dict[str, set[str]] = {k: set() for k in _KINDS}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, words = line.split("\t", 1)
        groups[kind].update(stem(w) if kind in ("pointer", "generic_object") else (_term(w) or w)
                            if kind == "description" else w for w in words.split())
    return _Classes(*(frozenset(groups[k]) for k in _KINDS))


def reading(content: str, *, speaker: str | None = None, speaker_affiliation: str | None = None,
            speaker_kind: str | None = None) -> Proposition:
    """The proposition of a content (``claims.normalise``, its first sentence), or, when that blames no one and a
    later sentence does, the first such sentence's: in "Our captain followed every procedure. No one on board
    dropped the anchor deliberately" the dispute is the second sentence's."""
    kw = {"speaker": speaker, "speaker_affiliation": speaker_affiliation, "speaker_kind": speaker_kind}
    p = normalise(content, **kw)
    if frame_of(p) is None:
        for sentence in later_sentences(content)[:3]:
            q = normalise(sentence, **kw)
            if frame_of(q) is not None:
                return q
    return p


def frame_of(p: Proposition) -> Frame | None:
    """The frame of a proposition that blames an agent for an act, else None."""
    c = _classes()
    terms = set(p.terms)
    acts = frozenset(t for t in terms if t in c.blame or t in c.generic)
    intent = terms & (c.intent | c.opposite)
    if intent:     # a question of intent, whatever the act: read as "deliberate", answered one way or the other
        acts = acts | c.intent
        terms -= intent
    if not acts:
        return None
    agent = p.agent
    first = _NAME_FIRST.match(p.text)
    if agent is None and first and _term(first.group(1)) is not None and _term(first.group(2)) in acts:
        # "Hollenbeck concealed test results": a name opening the clause was read as an ordinary word (claims.py
        # cannot tell a sentence-initial name from a capitalised word), but the act right after it makes it the agent
        agent = first.group(1)
        terms.discard(stem(agent.lower()))
    agent_term = "e:" + agent.lower().replace(" ", "_") if agent else None
    # the agent's own words are not what was done to whom ("Sanders' attack" gives the term "sander" too)
    own = {stem(w.lower()) for w in re.findall(r"[^\W\d_]+", agent or "")}
    # the speaker put in for "we"/"I" ("[we] have evidence that the anchor was lowered …") holds the claim and is
    # no party to the act, unless it is the agent
    speakers = {"e:" + n.lower().removesuffix("'s").replace(" ", "_") for n in _BRACKET.findall(p.text)}
    rest = {t for t in terms if t not in acts and t != agent_term and t not in own and t not in speakers}
    objects = frozenset(t for t in rest if t not in c.pointer and t not in c.generic_object)
    pointed = any(t in c.pointer for t in rest)
    described = agent is None and _described_subject(p.text, acts)
    places = frozenset(t for t in objects if t.startswith("e:") and _is_place(t, p.text))
    return Frame(agent, acts, objects, anaphoric=not objects and (pointed or not rest), described=described,
                 opposite=bool(intent & c.opposite) and not intent & c.intent, places=places)


_BRACKET = re.compile(r"\[([^\]]+)\]")
_NAME_FIRST = re.compile(r"^([A-Z][\w'’-]+)\s+([a-z]+)\b")
_LOCATIVE = re.compile(r"\b(?:in|near|at|over|off|outside|across|around|into)\s+(?:the\s+)?$", re.I)


def _is_place(slug: str, text: str) -> bool:
    """An entity named after a locative preposition ("in the Baltic Sea", "near Kherson"): a place, not a party."""
    name = slug[2:].replace("_", " ")
    if name in _countries():
        return True                # "the Moldovan election" / "the German election": two places
    low = text.lower()
    i = low.find(name)
    return i > 0 and _LOCATIVE.search(low[:i]) is not None


@cache
def _countries() -> frozenset[str]:
    from ..attribution.lexicon import lexicon
    return frozenset(c.lower() for c in lexicon().countries)


def intentional(f: Frame) -> bool:
    return bool(f.acts & _classes().intent)


def keys(f: Frame) -> tuple[str, ...]:
    """Index keys of a question of intent, which often has no named agent to look it up by: one per act or object
    term ("intent|anchor", "intent|damage")."""
    if not intentional(f):
        return ()
    return tuple(sorted(f"intent|{t}" for t in (f.acts | f.objects) - _classes().intent if not t.startswith("e:")))


# a subject that points at someone already named: "the paramilitary group had fired …", "his forces had shelled …"
_DEFINITE = re.compile(r"^(?:the|this|that|these|those|his|her|its|their|they)\s", re.I)
_AUXILIARY = {"had", "has", "have", "was", "were", "been", "did", "will", "would", "is", "are", "not", "never"}
_IRREGULAR = {"hid", "hidden", "shot", "struck", "hit", "stole", "stolen", "blew", "blown", "lied", "cut", "fought"}


def _described_subject(text: str, acts: frozenset[str]) -> bool:
    """A definite subject doing the act, as a verb: "the paramilitary group had shelled the hospital", "his forces
    shelled …", "they destroyed …" — not an act named as a noun ("the attacks in Orlando", "the possibility of voter
    fraud", "the mission is to destroy …"), which describes no agent."""
    if _DEFINITE.match(text) is None:
        return False
    words = re.findall(r"[\w'’-]+", text)
    for i, word in enumerate(words[:7]):
        if _term(word) in acts:
            before = words[1:i]
            while before and before[-1].lower() in _AUXILIARY:
                before.pop()
            verbal = word.lower().endswith("ed") or word.lower() in _IRREGULAR or i and words[i - 1].lower() in \
                _AUXILIARY
            return verbal and 0 <= len(before) <= 3 and all(_term(w) not in acts for w in before) and not any(
                w.lower() in ("of", "to", "for", "as", "in", "on", "by") for w in before)
    return False


def same_agent(a: str | None, b: str | None) -> bool:
    """The same named agent: equal, or a one-word name that opens or closes the other ("Hollenbeck" /
    "Hollenbeck Chemicals", "Okafor" / "Daniel Okafor")."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    wa, wb = a.lower().split(), b.lower().split()
    short, long_ = sorted((wa, wb), key=len)
    if len(short) != 1 or len(long_) < 2:
        return False
    # "RSF" for "Rapid Support" too: claims.py may end a name before a word it also knows ("Forces")
    return short[0] in (long_[0], long_[-1]) or is_acronym(short, long_)


def _acts_agree(a: Frame, b: Frame) -> bool:
    c = _classes()
    if a.acts & b.acts & c.blame:
        return True
    # "the attack on the hospital" names no way of attacking: it agrees with shelling or bombing, which do not
    # agree with each other
    for x, y in ((a, b), (b, a)):
        if x.acts & c.blame <= {"attack"} and "attack" in x.acts and y.acts & c.violent:
            return True
    # "was behind the sabotage" / "ordered the attack" against a named act, or against each other
    return bool(a.acts & c.generic or b.acts & c.generic)


def _entities(terms: frozenset[str]) -> set[str]:
    return {t for t in terms if t.startswith("e:")}


def same_event(a: Frame, b: Frame, *, same_article: bool) -> str | None:
    """Why two frames state one accusation, or None.

    Both must name the same agent and agree on the act. Then, across articles, they must share an object term that
    is not an entity alone and must not each name a party the other lacks ("the hospital in Kherson" / "… in
    Kharkiv"); within one article, a frame that only points at the event ("Russia had nothing to do with the
    incident") joins the accusation the article has already stated against the same agent."""
    if intentional(a) or intentional(b):
        return _same_intent(a, b, same_article)
    if not _acts_agree(a, b):
        return None
    shared = a.objects & b.objects
    if same_article and (a.described and b.agent or b.described and a.agent):
        # "the paramilitary group had fired artillery at the hospital" after "the RSF shelled the hospital";
        # "artillery fire from RSF positions": the described act names the agent among its objects
        named, described = (a, b) if a.agent else (b, a)
        if named.anaphoric:
            return None
        if any(not t.startswith("e:") for t in shared):
            return f"same article, same act and object, the agent ({named.agent}) described"
        # ("the attacks on Trump" name Trump as the target, not the agent: only a specific act of both, not the
        # bare "attack" or "responsible", makes the name the agent's)
        if a.acts & b.acts & _classes().blame - {"attack"} and any(
                same_agent(named.agent, t[2:].replace("_", " ")) for t in _entities(described.objects)):
            return f"same article, same act, the agent ({named.agent}) named in it"
        return None
    if not same_agent(a.agent, b.agent):
        return None
    if same_article and (a.anaphoric or b.anaphoric):
        return f"same article, same agent ({a.agent}) and act, the event pointed at"
    content = {t for t in shared if not t.startswith("e:")}
    if not content:
        return None
    # across articles, two terms besides names and "responsible": the act and an object, or two objects
    # ("Russia was behind the sabotage of the cable" / "Russia ordered the sabotage of an undersea cable")
    # ("attack" is also what politicians do to each other: it does not count)
    if not same_article and len(content | (a.acts & b.acts & _classes().blame - {"attack"})) < 2:
        return None
    if _parties_apart(a, b):
        return None
    acts = sorted((a.acts & b.acts) or (a.acts | b.acts))
    return f"same agent ({a.agent}), act ({', '.join(acts)}) and object ({', '.join(sorted(content))})"


def _parties_apart(a: Frame, b: Frame) -> bool:
    """Each names a place the other lacks ("in Kherson" / "in Kharkiv"), or each a party the other lacks: two
    events. A place against a name ("in the Baltic Sea" / "the Estlink 3 cable") describes one event twice."""
    only_a, only_b = _entities(a.objects - b.objects), _entities(b.objects - a.objects)
    return bool(only_a & a.places and only_b & b.places or only_a - a.places and only_b - b.places)


def _same_intent(a: Frame, b: Frame, same_article: bool = False) -> str | None:
    """Two answers to one question of intent: "the crew deliberately dragged the anchor", "No one on board dropped
    the anchor deliberately", "the damage was an accident" — sharing what was done or to what, and no two named
    agents or parties apart."""
    if not (intentional(a) and intentional(b)):
        return None
    if a.agent and b.agent and not same_agent(a.agent, b.agent):
        return None
    c = _classes()
    shared = {t for t in (a.acts | a.objects) & (b.acts | b.objects)
              if t not in c.intent and not t.startswith("e:") and not t[0].isdigit()}
    # two shared terms, or one that is a blamed act ("the damage was an accident" / "damaged the cable on
    # purpose"): a single ordinary word ("election", "appear") ties two questions of intent by chance
    if not shared or len(shared) < 2 and not shared & c.blame and not same_article:
        return None
    if _parties_apart(a, b):
        return None
    return f"same question of intent about {', '.join(sorted(shared))}"


def restates(a: Frame, b: Frame) -> bool:
    """The two frames state one accusation on their own, with no article around them: each names its agent (or
    answers a question of intent) and its object, and they share at least two terms besides names — what a
    contradiction between two outlets must rest on (``disputes.direct``)."""
    if a.anaphoric or b.anaphoric or a.described or b.described:
        return False
    if same_event(a, b, same_article=False) is None:
        return False
    intent = _classes().intent
    shared = {t for t in (a.acts | a.objects) & (b.acts | b.objects) if t not in intent and not t.startswith("e:")}
    return len(shared) >= 2


def describing(term: str) -> bool:
    """A claim term that describes a participant ("nominee", "presidential") rather than what was done."""
    return term in _classes().description


_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|shall|should|can|could|may|"
                     r"might|must|do|does|did|(?-i:[a-z]{3,}ed))\b", re.I)
_POSSESSIVE_HEAD = re.compile(r"^(?:\S+\s+){0,7}?\S+['’]s\s")


def nominal(p: Proposition) -> bool:
    """A content that names a thing rather than stating something: "Trump's call for a ban on Muslims entering the
    United States", "Trump's offer to make an exception". Condemning one and rejecting another is no contradiction
    between two sources (PolNeAR train), whatever words they share."""
    return _POSSESSIVE_HEAD.match(p.text) is not None and _FINITE.search(p.text) is None
