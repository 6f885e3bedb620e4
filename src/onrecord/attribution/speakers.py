"""Speaker mentions and their resolution to actors inside one article, by rules (no coreference model).

Resolution order for a speaker head token:
  1. a named entity (PERSON / ORG / GPE / NORP) or a bundled institution ("the Kremlin") — short names join
     the full name seen elsewhere in the article ("Zakharova" → "Maria Zakharova");
  2. an apposition naming the person ("the Iranian leader, Ayatollah Khamenei");
  3. a pronoun — he/she/it/they → the most salient compatible actor before it (recent sentences, subjects and
     earlier speakers weigh more; gender from titles, first names and earlier pronouns);
  4. a description — "the foreign minister" → the actor who carried that title; "the ministry" → the
     organisation whose name holds it; "the statement" → whoever issued the last statement; otherwise an
     unnamed actor named by the description ("White House spokesman").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..ingest.header import datelines
from .antecedents import (
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    PRONOUN_GENDER,
    THING_PRONOUNS,
    Sighting,
    antecedent,
    copular_name,
    given_gender,
    names_a_work,
)
from .gender import given_name_gender, is_given_name
from .lexicon import lexicon

HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "sir": "m",
              "dame": "f", "lady": "f", "lord": "m"}
NAME_PREFIXES = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "president", "sen", "rep", "gov",
                 "senator", "governor", "minister", "ayatollah", "sheikh", "general", "gen", "judge", "king",
                 "queen", "prince", "pope", "mayor", "secretary", "chancellor", "premier",
                 # ranks: "Major General Rahim Safavi" and "Safavi" are one person, not two organisations
                 "lieutenant", "lt", "colonel", "col", "major", "maj", "captain", "capt", "sergeant", "sgt",
                 "admiral", "adm", "commander", "cmdr", "brigadier", "brig", "rev", "reverend", "spokesman",
                 "spokeswoman", "spokesperson", "representative", "congressman", "congresswoman", "chairman", "leader",
                 "chairwoman"}
ENTITY_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group", "FAC": "organization",
               "LOC": "place"}
ORG_SUFFIXES = {"Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "Group", "Agency", "Institute", "Foundation",
                "Association", "Bank", "Bancorp", "Motors", "Airlines", "Holdings", "Partners", "Labs", "Media",
                "Pharmaceuticals", "Energy", "Power", "Authority", "Commission", "Council", "Union", "Party",
                "Ministry", "Department", "Office", "Service", "Services", "Federation", "Committee", "Court"}
# "the company said": any organisation of the article can be "the company"; "the ministry" must be named so
GENERIC_ORGS = {"company", "firm", "group", "team", "club", "carmaker", "bank", "organization", "organisation",
                "agency", "union", "campaign", "party"}
# "The senator" is the "Vermont Sen." of the article, "the GOP nominee" its "Republican nominee": abbreviations
# and synonyms read as one word, and words that only say when ("former") or what for ("presidential") left out
_TITLE_WORD = {"sen": "senator", "gov": "governor", "rep": "representative", "sec": "secretary", "gop": "republican",
               "pres": "president", "gen": "general"}
_TITLE_FILLERS = {"presidential", "former", "current", "then", "top", "new", "longtime"}


# A short name two people of the article fit: left unresolved rather than guessed.
AMBIGUOUS = "ambiguous"
_SUFFIX_WORDS = {"jr", "sr", "ii", "iii"}
_WORD = re.compile(r"[\w']+")


@lru_cache(maxsize=8192)
def norm(name: str) -> str:
    """Comparison key for a name: case, hyphens, dots and possessives ignored."""
    name = re.sub(r"['’]s\b", "", name)
    return " ".join(w.lower() for w in re.split(r"[\s\-.]+", name) if w)


def strip_determiner(text: str) -> str:
    """'the ministry's' → 'ministry': the name a description stands for."""
    text = re.sub(r"\s*['’]s?$", "", text.strip())
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an", "one", "another"):
        words = words[1:]
    return " ".join(words)


@dataclass(slots=True)
class ActorDraft:
    """A mutable actor while the article is read; frozen into :class:`onrecord.article.Actor` at the end."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    named: bool = True             # False for "a White House spokesman"
    same_as: ActorDraft | None = None  # an unnamed description later named ("A lawyer … The lawyer, Tamara Oduya")

    def final(self) -> ActorDraft:
        actor = self
        while actor.same_as is not None:
            actor = actor.same_as
        return actor

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_title(self, title: str) -> None:
        title = title.strip(" ,")
        for name in sorted([self.name, *self.aliases], key=len, reverse=True):
            if title.endswith(name) and len(title) > len(name):
                title = title[: -len(name)].strip(" ,")   # "Iran's foreign minister Hossein …" → the title
        title = strip_determiner(title)
        if title and title not in self.titles and norm(title) != norm(self.name):
            self.titles.append(title)


def mention_span(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``: modifiers on the left, of/for phrases on the right,
    stopping at commas, appositions and relative clauses."""
    if tok.pos_ == "PRON":
        return tok.i, tok.i
    first = tok.i
    for left in sorted((c for c in tok.lefts), key=lambda c: c.i):
        if left.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "advmod", "case"):
            first = min(first, left.left_edge.i)
    last = tok.i
    for right in sorted((c for c in tok.rights), key=lambda c: c.i):
        if (right.dep_ in ("prep",) and right.lower_ in ("of", "for", "at", "from", "in", "with")
                and right.i == last + 1):
            last = right.right_edge.i
        elif right.dep_ in ("flat", "compound", "case") and right.i == last + 1:
            last = right.i
        elif right.dep_ == "appos" and right.left_edge.i == last + 1:
            # "Iran's foreign minister Hossein Amir-Abdollahian": an apposition with no comma is one phrase
            last = right.right_edge.i
        else:
            break
    doc = tok.doc
    while first < tok.i and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last > tok.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return first, last


class Resolver:
    """Reads a Doc once and resolves speaker heads to actors, in text order."""

    def __init__(self, doc: Doc, quoted: list[bool]) -> None:
        self.doc = doc
        self.quoted = quoted
        self.lex = lexicon()
        self.actors: list[ActorDraft] = []
        self.by_key: dict[tuple[str, str], ActorDraft] = {}
        self.sightings: list[Sighting] = []
        self.sent_of = self._sentence_numbers(doc)
        self.person_names: list[tuple[int, ActorDraft]] = []   # (char, actor) of person name mentions
        self.ents = list(doc.ents)                              # spaCy rebuilds doc.ents on every access
        self.unsettled: dict[int, list[ActorDraft]] = {}        # place holder of a short name two people fit
        self._read_entities()

    # ---- setup -------------------------------------------------------------------------------------------
    @staticmethod
    def _sentence_numbers(doc: Doc) -> list[int]:
        numbers = [0] * len(doc)
        n = -1
        for sent in doc.sents:
            n += 1
            for i in range(sent.start, sent.end):
                numbers[i] = n
        return numbers

    def _read_entities(self) -> None:
        """Every named person/organisation/place outside quotes becomes a sighting, in order."""
        # a dateline's place and credit ("GENEVA, March 3 (Reuters) -") say where a dispatch was filed and by
        # whom: no antecedent for "the agency said" after it
        lines = datelines(self.doc.text)
        for ent in self.ents:
            if ent.label_ not in ENTITY_KIND or self.quoted[ent.start]:
                continue
            if any(s <= ent.start_char < e for s, e in lines):
                continue
            if names_a_work(ent):
                continue     # "her book, Living History": a title, not a person pronouns can point back to
            actor = self._entity_actor(ent)
            if actor is None:
                self._sight_unsettled(ent)
                continue
            head = ent.root
            subject = head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ in ("appos", "compound") and
                                                             head.head.dep_ in ("nsubj", "nsubjpass"))
            # "the candidate is Donald Trump": the name a copula gives its subject is who the sentence is about
            subject = subject or copular_name(head)
            self.sightings.append(Sighting(actor, ent.start_char, self.sent_of[ent.start], subject, False,
                                           subject and self._issues_statement(head)))
            self._read_titles(ent, actor)
        self._read_description_subjects()
        self._read_bare_surname_subjects()

    def _sight_unsettled(self, ent: SpacySpan) -> None:
        """'Clinton' where Bill and Hillary Clinton are both named: no actor, but a place holder that pronouns
        can point back to — a 'she' after it is the one bearer of that gender, a pronoun that cannot tell stays
        unresolved rather than jumping to someone named earlier."""
        text = re.sub(r"['’]s$", "", ent.text.strip()).strip()
        bearers = self._bearers(norm(text).split(), self._honorific_gender(ent))
        if len(bearers) < 2:
            return
        holder = ActorDraft(text, "person", named=False)
        self.unsettled[id(holder)] = bearers
        head = ent.root
        subject = head.dep_ in ("nsubj", "nsubjpass") or copular_name(head)
        self.sightings.append(Sighting(holder, ent.start_char, self.sent_of[ent.start], subject, False))

    def _read_bare_surname_subjects(self) -> None:
        """'Trump responded …' where the NER tagged no entity: a capitalised surname subject of the one person
        of the article named in full is that person's sighting (pronouns after it can point back to it)."""
        seen = {s.char for s in self.sightings}
        for tok in self.doc:
            if (tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ != "PROPN" or tok.ent_type_ or tok.idx in seen
                    or self.quoted[tok.i] or not tok.text[:1].isupper()
                    or any(c.dep_ == "compound" for c in tok.children)):
                continue
            owner = self._owner([norm(tok.text)], None)
            if isinstance(owner, ActorDraft):
                self.sightings.append(Sighting(owner, tok.idx, self.sent_of[tok.i], True, False))
        self.sightings.sort(key=lambda s: s.char)

    def _read_description_subjects(self) -> None:
        """'The Iranian foreign ministry issued a statement': a described subject that later speakers
        ('the statement', 'the ministry') can point back to."""
        for tok in self.doc:
            if tok.dep_ != "nsubj" or tok.pos_ not in ("NOUN", "PROPN") or self.quoted[tok.i] or tok.ent_type_:
                continue
            cls = self.lex.noun_class.get(tok.lemma_.lower())
            if cls not in ("organization", "person") or tok.tag_ == "NNS":
                continue
            if not any(c.dep_ in ("det", "poss") for c in tok.children):
                continue
            if any(copular_name(c) for c in tok.head.children if c.dep_ == "attr"):
                continue     # "the candidate is Donald Trump": the name, not the description, is the antecedent
            first, last = mention_span(tok)
            actor = self._description(tok, self.doc[first:last + 1])
            if actor is None:
                continue
            self.sightings.append(Sighting(actor, tok.idx, self.sent_of[tok.i], True, False,
                                           self._issues_statement(tok)))
        self.sightings.sort(key=lambda s: s.char)

    def _issues_statement(self, subject: Token) -> bool:
        """'X issued / released / published a statement'."""
        verb = subject.head if subject.dep_ in ("nsubj", "nsubjpass") else subject.head.head
        return any(c.dep_ == "dobj" and self.lex.noun_class.get(c.lemma_.lower()) == "statement"
                   for c in verb.children)

    def _person_span(self, ent: SpacySpan) -> SpacySpan:
        """'Ivanka Trump' where the model tagged only 'Trump': capitalised proper nouns compounded onto the name
        belong to it (a given name the NER left out would make her Donald)."""
        start = ent.start
        while (start > 0 and (t := self.doc[start - 1]).pos_ == "PROPN" and t.dep_ == "compound"
               and ent.start <= t.head.i < ent.end and t.text[:1].isupper() and not self.quoted[t.i]
               and t.lower_.rstrip(".") not in NAME_PREFIXES and not t.ent_type_
               and self.lex.noun_class.get(t.lower_) is None):     # "House Speaker Paul Ryan": a title
            start -= 1
        return self.doc[start:ent.end] if start < ent.start else ent

    def _honorific_gender(self, ent: SpacySpan) -> str | None:
        """'Mrs. Clinton' → 'f': an honorific inside the name or just before it."""
        words = [t.lower_.rstrip(".") for t in ent[:2]]
        if ent.start > 0:
            words.insert(0, self.doc[ent.start - 1].lower_.rstrip("."))
        return next((HONORIFICS[w] for w in words if w in HONORIFICS), None)

    def _entity_actor(self, ent: SpacySpan) -> ActorDraft | None:
        kind = ENTITY_KIND[ent.label_]
        if ent.label_ == "PERSON":
            ent = self._person_span(ent)
        text = ent.text.strip()
        text = re.sub(r"['’]s$", "", text).strip()
        if ent.label_ != "PERSON" and self._looks_like_person(ent, text):
            kind, label = "person", "PERSON"
        else:
            label = ent.label_
        if label == "PERSON":
            words = text.split()
            while len(words) > 1 and words[0].lower().rstrip(".") in NAME_PREFIXES:
                words = words[1:]
            text = " ".join(words)
            if not text:
                return None
            return self.person(text, ent.start_char, self._honorific_gender(ent))
        if text in self.lex.institution_country:
            kind = "organization"
        # the small model often tags a surname alone as ORG or GPE: "Zakharova" after "Maria Zakharova"
        if len(text.split()) == 1 and len(self._bearers([norm(text)], self._honorific_gender(ent))) > 1:
            return None      # "Reyes" tagged ORG after Lena and Tom Reyes: one of them, which is not known
        known = self._known_person(text, self._honorific_gender(ent))
        if known is not None:
            known.add_alias(text)
            self.person_names.append((ent.start_char, known))
            return known
        if text in self.lex.capital_country or text in self.lex.countries:
            kind = "place"
        if kind == "group" and text.lower() in self.lex.demonym_country:
            return None  # "Iranian" as an adjective, not a speaker
        name = strip_determiner(text)
        return self.named(name, kind)

    def _looks_like_person(self, ent: SpacySpan, text: str) -> bool:
        """The small model tags many foreign names ORG or GPE: 'spokeswoman Irina Voronova' is a person."""
        words = text.split()
        if not 2 <= len(words) <= 4 or not all(t.pos_ == "PROPN" for t in ent if not t.is_punct):
            return False
        if text in self.lex.institution_country or text in self.lex.countries or text in self.lex.capital_country:
            return False
        if words[0].lower() in self.lex.first_name_gender:
            return True
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        return before is not None and self.lex.noun_class.get(before.lemma_.lower()) == "person"

    def _read_titles(self, ent: SpacySpan, actor: ActorDraft) -> None:
        """Titles from the words before a name ("State Department spokesman Ned Price") and appositions."""
        doc = self.doc
        if actor.kind != "person":
            return
        head = ent.root
        # words before the name inside its noun phrase
        first = head.left_edge.i
        if first < ent.start:
            words = [t for t in doc[first:ent.start] if not t.is_punct]
            title = " ".join(t.text for t in words if t.dep_ != "det")
            honor = [t for t in words if t.lower_ in HONORIFICS]
            if honor:
                actor.gender = actor.gender or HONORIFICS[honor[-1].lower_]
            if any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in NAME_PREFIXES for t in words):
                actor.add_title(title)
                self._gender_from_title(actor, title)
        # "Ned Price, the State Department spokesman" / "the Iranian leader, Ayatollah Khamenei"
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN":
                self._add_np_title(actor, c)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            self._add_np_title(actor, head.head)
        if ent.start > 0 and doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS:
            actor.gender = actor.gender or HONORIFICS[doc[ent.start - 1].lower_.rstrip(".")]
        first_name = norm(actor.name).split()[0] if actor.name else ""
        if actor.gender is None and len(actor.name.split()) > 1:
            actor.gender = given_name_gender(first_name)

    def _add_np_title(self, actor: ActorDraft, noun: Token) -> None:
        first, last = mention_span(noun)
        title = self.doc[first:last + 1].text
        actor.add_title(title)
        self._gender_from_title(actor, title)

    def _gender_from_title(self, actor: ActorDraft, title: str) -> None:
        if actor.gender is None:
            for w in _WORD.findall(title.lower()):
                if w in self.lex.noun_gender:
                    actor.gender = self.lex.noun_gender[w]

    # ---- actor registry ------------------------------------------------------------------------------
    def named(self, name: str, kind: str, named: bool = True) -> ActorDraft:
        key = (kind if kind != "place" else "place", norm(name))
        actor = self.by_key.get(key)
        if actor is None:
            actor = ActorDraft(name, kind, named=named)
            self.by_key[key] = actor
            self.actors.append(actor)
        return actor

    def person(self, name: str, char: int, gender: str | None = None) -> ActorDraft | None:
        """The person called ``name`` here: a short name joins the one full name seen that it agrees with
        (surname, gender); None when two people fit ('Clinton' after Bill and Hillary Clinton)."""
        key = norm(name)
        words = key.split()
        best: ActorDraft | None = None
        owner = self._owner(words, gender)
        if owner is AMBIGUOUS:
            return None
        # "Michelle Obama" does not take over the "Obama" the article called "Mr. Obama"
        new_gender = gender or (given_name_gender(name.split()[0]) if len(words) > 1 else None)
        for _pos, actor in reversed(self.person_names):
            full = norm(actor.name).split()
            if words == full and not (gender and actor.gender and actor.gender != gender):
                best = actor
                break
            if actor is owner:
                best = best or actor
            elif (set(full) <= set(words) and len(full) < len(words) and full[-1] == words[-1]
                  and not (new_gender and actor.gender and actor.gender != new_gender)):
                # the short form came first ("Zakharova … Maria Zakharova"): upgrade the name
                actor.add_alias(actor.name)
                self.by_key.pop(("person", norm(actor.name)), None)
                actor.name = name
                self.by_key[("person", key)] = actor
                best = best or actor
        if best is None:
            other = self.by_key.get(("person", key))
            if gender and other is not None and other.gender and other.gender != gender:
                # "Mrs. Clinton" where the article's bare "Clinton" is "Mr. Clinton": another person
                best = self.by_key.get(("person", f"{key}|{gender}"))
                if best is None:
                    best = ActorDraft(name, "person", gender=gender)
                    self.by_key[("person", f"{key}|{gender}")] = best
                    self.actors.append(best)
            else:
                best = self.named(name, "person")
        else:
            best.add_alias(name)
        if gender and best.gender is None:
            best.gender = gender
        self.person_names.append((char, best))
        return best

    def consolidate(self) -> None:
        """Once the article is read: a bare surname actor ('Clinton', made before the full name appeared, or
        where the parser tagged only the surname) is the one person of the article named in full with that
        surname and a gender that agrees; with two such people it stays apart (a miss, not a guess)."""
        people = [a for a in self.actors if a.kind == "person" and a.named and a.same_as is None]
        # the small model tags a lone surname ORG as often as PERSON ("Clinton said"): those count too, unless a
        # known institution
        # and so does a capitalised word the parser read as a common noun ("Sanders: Clinton needs …" in a
        # headline): an unnamed unknown, which only the surname of a person named here in full can claim
        for bare in [a for a in self.actors if a.kind in ("person", "unknown", "organization")
                     and (a.named or a.kind == "unknown") and a.same_as is None
                     and a.name not in self.lex.institution_country]:
            words = norm(bare.name).split()
            if len(words) != 1 or not bare.name[:1].isupper():
                continue
            gender = bare.gender
            fits = {id(f): f for f in (p.final() for p in people) if f is not bare
                    and len(full := [w for w in norm(f.name).split() if w not in _SUFFIX_WORDS]) >= 2
                    and full[-1] == words[0] and len(full) == len(norm(f.name).split())
                    and not (gender and (f.gender or self._given_gender(f)) not in (None, gender))}
            if len(fits) == 1:
                (full_actor,) = fits.values()
                bare.kind = "person"
                bare.same_as = full_actor
                full_actor.add_alias(bare.name)
                for title in bare.titles:
                    full_actor.add_title(title)

    # ---- resolution ----------------------------------------------------------------------------------
    def resolve(self, head: Token, *, statement: bool = False,
                before: int | None = None) -> tuple[tuple[int, int], ActorDraft | None]:
        """Mention token range and actor for a speaker head token, recording the sighting. ``before``: the mention
        ends before this token (a headline's colon: "Reid: 'Never underestimate Trump'" is Reid's line)."""
        first, last = mention_span(head)
        if before is not None:
            last = min(last, before - 1)
        actor = self._resolve(head, first, last, before)
        if actor is not None:
            self.sightings.append(Sighting(actor, head.idx, self.sent_of[head.i], True, True, statement))
        return (first, last), actor

    def _resolve(self, head: Token, first: int, last: int, before: int | None = None) -> ActorDraft | None:
        doc = self.doc
        lower = head.lower_
        if head.tag_ in ("WP", "WDT") and head.head.dep_ in ("relcl", "acl"):
            noun = head.head.head          # "… Will Smith, who said …": who → Will Smith
            return self._resolve(noun, *mention_span(noun))
        if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(head)
        # an apposition that names a person: "the Iranian leader, Ayatollah Khamenei, said"
        for c in head.children:
            if c.dep_ != "appos" or head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ == "PERSON":
                continue
            if before is not None and c.i >= before:
                continue         # inside the headline's quote: someone it talks about, not the speaker
            name_tok = next((t for t in c.subtree if t.ent_type_ == "PERSON" and t.dep_ not in ("compound",)),
                            c if c.pos_ == "PROPN" else None)
            if name_tok is None:
                continue
            actor = self._entity_at(name_tok) or self._bare_name(
                name_tok, doc[mention_span(name_tok)[0]:mention_span(name_tok)[1] + 1])
            if actor is not None:
                if head.pos_ == "NOUN":
                    title = doc[first:min(last + 1, c.left_edge.i)]
                    actor.add_title(title.text)
                    self._name_earlier_description(head, title, actor)
                return actor
        # a name inside the mention
        span = doc[first:last + 1]
        institution = self._institution(span.text)
        if institution is not None:
            return institution
        if head.ent_type_ in ENTITY_KIND or (head.pos_ == "PROPN"):
            actor = self._entity_at(head)
            if actor is not None:
                return actor
            if head.ent_type_ == "PERSON":
                return None          # a person's short name two people of the article fit: unresolved
        if head.pos_ == "PROPN":
            return self._bare_name(head, span)
        return self._description(head, span)

    def _name_earlier_description(self, head: Token, span: SpacySpan, actor: ActorDraft) -> None:
        """'A lawyer for the family said … The lawyer, Tamara Oduya, told …': the unnamed lawyer is Oduya."""
        lemma = head.lemma_.lower()
        for s in reversed(self.sightings):
            other = s.actor.final()
            if s.char < head.idx and not other.named and other is not actor and other.kind == actor.kind:
                if lemma in norm(other.name).split():
                    other.same_as = actor
                    actor.add_alias(other.name)
                    return

    def _entity_at(self, tok: Token) -> ActorDraft | None:
        for ent in self.ents:
            if ent.start <= tok.i < ent.end and ent.label_ in ENTITY_KIND:
                if ent.label_ == "PERSON":
                    return self._person_sighted_at(ent.start_char) or self._entity_actor(ent)
                if ent.label_ == "NORP" and tok.pos_ == "ADJ":
                    return None
                return self._entity_actor(ent)
        return None

    def _known_person(self, text: str, gender: str | None = None) -> ActorDraft | None:
        words = norm(text).split()
        if not words or len(words) > 2:
            return None
        owner = self._owner(words, gender)
        return owner if isinstance(owner, ActorDraft) else None

    def _owner(self, words: list[str], gender: str | None) -> ActorDraft | str | None:
        """The one person named in full so far whose name a short form ('Clinton', 'Mrs. Clinton', 'Trump Jr.')
        stands for: the surname must be the full name's last word, the gender must agree. Two such people
        ('Clinton' after Bill and Hillary Clinton) → AMBIGUOUS: the speaker is left unnamed, not guessed."""
        found = self._bearers(words, gender)
        if len(found) > 1:
            return AMBIGUOUS
        return found[0] if found else None

    def _bearers(self, words: list[str], gender: str | None) -> list[ActorDraft]:
        """Every person named in full so far whose name the short form can stand for (see :meth:`_owner`)."""
        found: list[ActorDraft] = []
        people = [a for _pos, a in reversed(self.person_names)]
        people += [a for a in self.actors if a.kind == "person" and a.named]   # named through an apposition
        for actor in people:
            actor = actor.final()
            full = norm(actor.name).split()
            if len(full) <= len(words) or actor in found:
                continue
            core = [w for w in full if w not in _SUFFIX_WORDS]
            mine = [w for w in words if w not in _SUFFIX_WORDS]
            if not mine or not core or mine[-1] != core[-1] or not set(words) <= set(full):
                continue
            if gender and (actor.gender or self._given_gender(actor)) not in (None, gender):
                continue
            found.append(actor)
        return found

    @staticmethod
    def _given_gender(actor: ActorDraft) -> str | None:
        return given_gender(actor)

    def _person_sighted_at(self, char: int) -> ActorDraft | None:
        for pos, actor in self.person_names:
            if pos == char:
                return actor
        return None

    def _institution(self, text: str) -> ActorDraft | None:
        bare = strip_determiner(text)
        for name in self.lex.institution_country:
            if bare == name or bare.endswith(" " + name):
                return self.named(name, "organization")
        return None

    def _bare_name(self, head: Token, span: SpacySpan) -> ActorDraft | None:
        """A proper noun the NER missed: a known person's short name, a capital, or a new actor."""
        text = strip_determiner(span.text)
        proper = [t for t in span if t.pos_ == "PROPN"]
        if (len(proper) >= 2 and all(t.text[:1].isupper() for t in proper) and len(proper) == len(text.split())
                and is_given_name(proper[0].text)):
            return self.person(text, span.start_char)   # "Ivanka Trump" the NER missed: her full name, not "Trump"
        owner = self._owner([norm(head.text)], None)
        if owner is AMBIGUOUS:
            return None
        if owner is not None:
            return owner
        if text in self.lex.capital_country or text in self.lex.countries:
            return self.named(text, "place")
        words = [t for t in span if t.pos_ == "PROPN"]
        if any(self.lex.noun_class.get(w.lower()) == "organization" for w in text.split()) or \
                any(w in ORG_SUFFIXES for w in text.split()):
            return self.named(text, "organization")   # "the Medicines and Devices Agency"
        if len(words) >= 2 and all(t.text[:1].isupper() for t in words) and len(words) == len(text.split()):
            return self.person(text, span.start_char)
        return self.named(text, "unknown")

    def _candidates(self, head: Token, kinds: set[str], gender: str | None) -> ActorDraft | None:
        return antecedent(self.sightings, head, self.sent_of[head.i], kinds, gender, self.unsettled)

    def _pronoun(self, head: Token) -> ActorDraft | None:
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            gender = PRONOUN_GENDER[lower]
            actor = self._candidates(head, {"person"}, gender)
            if actor is not None and actor.gender is None:
                actor.gender = gender   # later pronouns agree with this one
            return actor
        if lower in THING_PRONOUNS:
            return self._candidates(head, {"organization", "place"}, None)
        if lower in GROUP_PRONOUNS:
            # a plural pronoun is a group or a body, never a place nor a single person ("Politifact checked the
            # shootings in Chicago; they published …" is not Chicago)
            return self._candidates(head, {"group", "organization"}, None)
        return None

    def _description(self, head: Token, span: SpacySpan) -> ActorDraft | None:
        """'the foreign minister', 'the ministry', 'the statement', 'a White House spokesman'."""
        lemma = head.lemma_.lower()
        cls = self.lex.noun_class.get(lemma) or self.lex.noun_class.get(head.lower_)
        words = [t for t in span if not t.is_punct]
        det = words[0].lower_ if words and words[0].dep_ == "det" else ""
        name = strip_determiner(span.text)
        if cls == "statement":
            return self._statement_issuer(head)
        if cls is None:
            return self.named(name, "unknown", named=False) if name else None
        if cls == "group" or (head.tag_ == "NNS" and cls == "person"):
            return self.named(name, "group", named=False)
        indefinite = det in ("a", "an", "another") or any(t.lower_ == "one" for t in words[:1])
        if cls == "organization" and any(t.pos_ == "PROPN" and t.dep_ == "compound" for t in words):
            return self.named(name, "organization")   # "the Trump campaign" is its own speaker
        if not indefinite:
            found = self._by_title(span, cls)
            if found is not None:
                return found
            # "his group", "their party" is the possessor's own body, not the organisation named last
            owned = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children)
            if cls == "organization" and lemma in GENERIC_ORGS and not owned:
                found = self._latest(head, "organization")
                if found is not None:
                    return found
        kind = "person" if cls == "person" else "organization"
        actor = self.named(name, kind, named=False)
        if kind == "person" and actor.gender is None:
            actor.gender = self.lex.noun_gender.get(lemma)
        return actor

    def _by_title(self, span: SpacySpan, cls: str) -> ActorDraft | None:
        """The latest actor whose title (or, for organisations, name) holds the description's words."""
        wanted = {_TITLE_WORD.get(w, w) for t in span if t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_punct
                  for w in [norm(t.text)]} - _TITLE_FILLERS
        country = {self.lex.demonym_country[w] for w in wanted if w in self.lex.demonym_country}
        wanted -= set(self.lex.demonym_country)
        wanted = {w for w in wanted if w}
        if not wanted:
            return None
        for s in reversed(self.sightings):
            actor = s.actor
            if cls == "person" and actor.kind != "person":
                continue
            if cls == "organization" and actor.kind != "organization":
                continue
            fields = list(actor.titles) + ([actor.name] if cls == "organization" else [])
            for title in fields:
                have = {_TITLE_WORD.get(w, w) for w in norm(title).split()}
                if country and not any(c.lower() in have or c.lower() in norm(title) for c in country):
                    demonyms = {d for d, c in self.lex.demonym_country.items() if c in country}
                    if not have & demonyms:
                        continue
                if wanted <= have:
                    return actor
        return None

    def _latest(self, head: Token, kind: str) -> ActorDraft | None:
        """The latest named actor of ``kind`` that spoke or was a subject; else the latest one seen."""
        seen = [s for s in self.sightings if s.char < head.idx and s.actor.kind == kind and s.actor.named]
        active = [s for s in seen if s.speaker or s.subject]
        return (active or seen)[-1].actor if (active or seen) else None

    def _statement_issuer(self, head: Token) -> ActorDraft | None:
        """'the ministry's statement' → the ministry; 'the statement' → who last spoke in a statement."""
        for c in head.children:
            if c.dep_ == "poss":
                return self._resolve(c, *mention_span(c))
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
                obj = next((o for o in c.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return self._resolve(obj, *mention_span(obj))
            # "a statement e-mailed by the station's lawyer", "a letter signed by 40 senators": the agent issued it
            if c.dep_ == "acl" and c.tag_ == "VBN":
                by = next((a for a in c.children if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by")),
                          None)
                obj = next((o for o in by.children if o.dep_ == "pobj"), None) if by is not None else None
                if obj is not None:
                    return self._resolve(obj, *mention_span(obj))
        for s in reversed(self.sightings):
            if s.statement and s.char < head.idx:
                return s.actor
        for s in reversed(self.sightings):
            if s.speaker and s.char < head.idx:
                return s.actor
        for s in reversed(self.sightings):
            if s.subject and s.char < head.idx and s.actor.kind == "organization":
                return s.actor
        return None
