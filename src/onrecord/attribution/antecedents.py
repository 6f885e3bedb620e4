"""Pronoun antecedents inside one article: the sightings a pronoun can point back to and how one is chosen.

A he/she/it/they is the most salient compatible actor before it: recent sentences, subjects and earlier speakers
weigh more; a pronoun inside a sentence binds to that sentence's subject; gender from titles, first names and
earlier pronouns must agree; plural pronouns are groups or bodies, never places or single people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .gender import given_name_gender, leaning_gender

if TYPE_CHECKING:
    from .speakers import ActorDraft

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# possessives too: "according to his spokesman" is no speaker, but "his" as the whole source ("in his view") is
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
THING_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "them", "we", "their"}
# How many sentences back a pronoun may reach for its antecedent.
PRONOUN_REACH = 6

# nouns for a made thing: a name in apposition to one is that thing's title ("the memoir, Hard Choices")
WORK_NOUNS = {"book", "memoir", "novel", "biography", "autobiography", "film", "movie", "documentary", "album",
              "song", "play", "show", "series", "poem", "essay", "column", "article", "podcast"}


def names_a_work(ent: SpacySpan) -> bool:
    root = ent.root
    return (root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in WORK_NOUNS) or \
        (root.dep_ == "compound" and root.head.lemma_.lower() in WORK_NOUNS)


def copular_name(tok: Token) -> bool:
    """A person's name as the complement of 'be': 'the candidate is Donald Trump'."""
    return (tok.dep_ == "attr" and tok.head.lemma_ == "be" and tok.ent_type_ == "PERSON"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children))


@dataclass(slots=True)
class Sighting:
    """An actor seen at a place in the text: what pronouns and descriptions can point back to."""

    actor: ActorDraft
    char: int
    sentence: int
    subject: bool
    speaker: bool
    statement: bool = False        # the actor issued a statement here ("said in a statement")


def given_gender(actor: ActorDraft) -> str | None:
    """The gender a full name's given name says for certain ('Hillary Clinton' → 'f')."""
    words = actor.name.split()
    return given_name_gender(words[0]) if len(words) > 1 else None


def leaning(actor: ActorDraft) -> str | None:
    words = actor.name.split()
    return leaning_gender(words[0]) if len(words) > 1 else None


def antecedent(sightings: list[Sighting], head: Token, sentence: int, kinds: set[str], gender: str | None,
               unsettled: dict[int, list[ActorDraft]]) -> ActorDraft | None:
    """The actor a pronoun at ``head`` (in sentence number ``sentence``) points back to, or None.
    ``unsettled``: place holders of a short name two people fit, with those people."""
    # a possessive binds to its own sentence's subject: "Romney was never able to shake that image, cemented
    # with his comment" is Romney's comment, not that of the speaker of the sentence before
    possessive = head.tag_ == "PRP$"
    best: tuple[float, int] | None = None
    chosen: ActorDraft | None = None
    reach = [s for s in sightings if s.char < head.idx and sentence - s.sentence <= PRONOUN_REACH
             and s.actor.kind in kinds]
    known_of = {id(s.actor): s.actor.gender or (given_gender(s.actor) if s.actor.kind == "person" else None)
                for s in reach}
    # the latest sentence holding a person whose gender agrees for certain
    agreeing = max((s.sentence for s in reach if gender and known_of[id(s.actor)] == gender), default=None)
    for s in reach:
        known = known_of[id(s.actor)]
        if gender and known and known != gender:
            continue            # "She said Rubio …" is not Marco Rubio's
        if (agreeing is not None and agreeing >= s.sentence and known is None
                and leaning(s.actor) not in (None, gender)):
            # "Chris Christie described Hillary Clinton as a disgrace after she …": a given name that only
            # leans the other way ('Chris') yields to a person whose gender agrees for certain
            continue
        score = -(sentence - s.sentence) + (1.0 if s.subject else 0.0) + (1.5 if s.speaker else 0.0)
        if s.subject and s.sentence == sentence and (possessive or s.actor.kind == "person"):
            # a pronoun inside its own sentence binds to that sentence's subject before it ("Ryan, despite
            # admitting that he had concerns, …" is Ryan's), over the speaker of the sentence before
            score += 2.0
        if gender and known == gender:
            score += 0.5
        rank = (score, s.char)
        if best is None or rank > best:
            best, chosen = rank, s.actor
    if chosen is not None and id(chosen) in unsettled:
        # the best antecedent is a short name two people fit: the pronoun's gender may pick one of them
        fits = [b for b in unsettled[id(chosen)]
                if gender and (b.final().gender or given_gender(b.final())) == gender]
        return fits[0].final() if len(fits) == 1 else None
    return chosen
