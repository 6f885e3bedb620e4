"""The event word lists read from ``onrecord/data``: act words with their type and codes, status words, themes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..attribution.lexicon import _rows


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of event_types.tsv: a word that names an act."""

    word: str
    pos: str            # verb | verb+noun | noun
    type: str
    action: str
    plover: str
    cameo: str
    needs: str          # - | theme | sanctionword | military | assets | list | entry


@dataclass(frozen=True, slots=True)
class EventLexicon:
    verbs: dict[str, Trigger]          # "sanction" → the act itself
    noun_verbs: dict[str, Trigger]     # "impose" → acts on a sanction noun
    nouns: dict[str, Trigger]          # "strike" → the noun is the act
    sanction_nouns: frozenset[str]
    status: dict[str, str]             # "consider" → "considered"
    military: frozenset[str]
    themes: dict[str, str]             # "uav" → "drones"
    weapons: frozenset[str]
    list_nouns: frozenset[str] = frozenset()     # "sanctions list", "blacklist": what "add X to" makes a sanction
    entry_nouns: frozenset[str] = frozenset()    # "entry", "visa": what "barred … to X" refuses


@cache
def event_lexicon() -> EventLexicon:
    verbs, noun_verbs, nouns = {}, {}, {}
    for word, pos, type_, action, plover, cameo, needs in _rows("event_types.tsv"):
        trigger = Trigger(word, pos, type_, action, plover, cameo, needs)
        {"verb": verbs, "verb+noun": noun_verbs, "noun": nouns}[pos][word] = trigger
    words = _rows("event_words.tsv")
    status = {w: role.removeprefix("status-") for w, role in words if role.startswith("status-")}
    themes, weapons = {}, set()
    for lemma, theme, weapon in _rows("event_themes.tsv"):
        themes[lemma] = theme
        if weapon == "yes":
            weapons.add(lemma)
    return EventLexicon(verbs, noun_verbs, nouns,
                        frozenset(w for w, role in words if role == "sanctionnoun"), status,
                        frozenset(w for w, role in words if role == "military") | weapons,
                        themes, frozenset(weapons),
                        frozenset(w for w, role in words if role == "listnoun"),
                        frozenset(w for w, role in words if role == "entrynoun"))
