"""Who did an act: the subject of the act word's clause, read through "is considering imposing", "accused X of",
"by X" and "we"/"its forces" in a speaker's words; a joint subject gives one agent each."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..article import Attribution, Event, Participant
from .lexicon import Trigger
from .participants import fold, named_by, names_in, state_of

# how an act word reaches the verb that says how far it went: "is considering imposing", "threatened to strike"
CLIMB = ("xcomp", "pcomp", "acl", "advcl", "conj", "dobj", "pobj", "prep", "auxpass")
# verbs whose object, not subject, did the act: "accused Iran of supplying", "blamed Russia for shelling"
BLAME = frozenset({"accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce"})
# verbs whose subject did not do the act named by their object
NOT_DOING = frozenset({"halt", "stop", "end", "prevent", "avert", "condemn", "denounce", "protest", "investigate",
                       "probe", "blame", "report", "document", "survive", "witness", "fear", "oppose", "criticize",
                       "criticise", "deplore", "mourn", "escape", "flee"})


def co_agents(doc: Doc, act: Token, event: Event) -> list[Participant]:
    """The other subjects of a joint act: "Japan and Australia imposed sanctions on X" is one act by each. Only a
    subject of the act word's own clause (not of a verb far above it: "A and B met … to halt the bombing of X")."""
    if event.agent is None or event.agent.mention is None:
        return []
    mention = event.agent.mention
    clause = {act.i} | {g.i for g in governors(act)} | ({act.head.i} if act.dep_ == "dobj" else set())
    out: list[Participant] = []
    for tok in doc:
        if not (mention.start <= tok.idx < mention.end) or tok.dep_ not in ("nsubj", "nsubjpass") or \
                tok.head.i not in clause:
            continue
        queue = [c for c in tok.children if c.dep_ == "conj"]
        while queue:
            conj = queue.pop(0)
            queue += [c for c in conj.children if c.dep_ == "conj"]
            co = named_by(doc, conj)
            if co is not None and fold(co.name) != fold(event.agent.name) and all(
                    fold(co.name) != fold(o.name) for o in out):
                out.append(co)
    return out


def governors(tok: Token) -> list[Token]:
    """The verbs above the act word up to its clause (not through a reporting verb's complement)."""
    out: list[Token] = []
    cur = tok
    while cur.dep_ in CLIMB and cur.head.i != cur.i and len(out) < 4:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "ADJ"):
            out.append(cur)
    return out


def agent_of(doc: Doc, tok: Token, trigger: Trigger, governors: list[Token],
             carrier: Attribution | None) -> Participant | None:
    """The subject that did the act, climbing "is considering imposing" to its subject; "accused X of" gives X;
    "we" in a speaker's words is the speaker; "by X" in the passive."""
    for child in tok.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return named_by(doc, g)
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ in ("amod", "compound", "poss") and (p := named_by(doc, child, as_word=True)) is not None:
                return p
            if child.dep_ == "prep" and child.lower_ == "by":
                for g in child.children:
                    return named_by(doc, g)
        # "X carried out/launched/conducted a strike": the verb governing the noun; but whoever wants to "halt the
        # bombing of Aleppo" or "condemned the shelling" did not do it
        if tok.dep_ == "dobj":
            if tok.head.lemma_.lower() in NOT_DOING:
                return None
            tok = tok.head
    cur = tok
    for _ in range(5):
        if cur.lemma_.lower() in BLAME:
            objs = [c for c in cur.children if c.dep_ == "dobj"]
            return named_by(doc, objs[0]) if objs else None
        subjects = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # "A drone strike by Sudan's paramilitary Rapid Support Forces hit …" parses with two subjects: the
            # first that names someone
            return next((p for p in (_subject(doc, subj, carrier) for subj in subjects) if p is not None), None)
        if cur.dep_ == "relcl" and cur.head.dep_ == "ROOT" and cur.head.pos_ == "PROPN" and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            # "The Council of the EU on Thursday prolonged …" misread as a sentence with no verb: the name the
            # clause hangs on is its subject
            return named_by(doc, cur.head)
        if cur.dep_ in ("xcomp", "pcomp", "prep", "conj", "advcl", "acl", "pobj", "dobj") and cur.head.i != cur.i:
            if cur.dep_ == "acl" and cur.head.pos_ == "NOUN":
                return None
            cur = cur.head
            continue
        break
    return None


def _subject(doc: Doc, subj: Token, carrier: Attribution | None) -> Participant | None:
    # "we" is the speaker; so is "it"/"they" in a body's own words ("Iran denied that it had supplied …")
    own = ("we", "i") if carrier is None or carrier.speaker.kind == "person" else ("we", "i", "it", "they")
    if subj.lower_ in own and carrier is not None and carrier.speaker.name:
        return _speaker_participant(carrier)
    if subj.pos_ == "PRON":
        return None
    named = named_by(doc, subj)
    if named is None and carrier is not None and carrier.speaker.name and carrier.speaker.kind != "person" and any(
            c.dep_ == "poss" and c.lower_ in ("its", "our", "their") for c in subj.children):
        # "the military said its warplanes bombed …": the body's own forces are its state's, when its name says
        # which ("Sudan's military", "the Russian defence ministry"), else the body's
        return _state_in(carrier) or _speaker_participant(carrier)
    if named is None and subj.lemma_.lower() in ANAPHORS and any(c.lower_ == "the" for c in subj.children):
        return _last_company(doc, subj)
    if named is None and subj.lemma_.lower() in STATE_ANAPHORS and any(c.lower_ == "the" for c in subj.children):
        return _last_of_kind(doc, subj, "state")
    return named


# "the company", "the firm": the company last named before, in this sentence or the one before
ANAPHORS = frozenset({"company", "firm", "manufacturer", "maker", "producer", "supplier", "contractor"})


# "the country": the state last named before, in this sentence or the one before
STATE_ANAPHORS = frozenset({"country", "nation"})


def _last_company(doc: Doc, subj: Token) -> Participant | None:
    return _last_of_kind(doc, subj, "company")


def _last_of_kind(doc: Doc, subj: Token, kind: str) -> Participant | None:
    sent = subj.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found = [p for p in names_in(doc, start, subj.i, "state", modifiers=True) if p.kind == kind]
    return found[-1] if found else None


def _state_in(carrier: Attribution) -> Participant | None:
    from ..attribution.lexicon import lexicon
    for word in re.findall(r"[A-Z][\w-]+", carrier.speaker.name or ""):
        country = lexicon().demonym_country.get(word.lower()) or state_of(word)
        if country:
            return Participant(state_of(country) or country, "state", carrier.speaker.mention)
    return None


def _speaker_participant(carrier: Attribution) -> Participant:
    name = carrier.speaker.name
    if (state := state_of(name)) is not None:
        return Participant(state, "state", carrier.speaker.mention)
    return Participant(name, _speaker_kind(carrier.speaker.kind), carrier.speaker.mention)


def _speaker_kind(kind: str) -> str:
    return kind if kind in ("person", "organization", "group") else "organization"
