"""Word lists read from ``onrecord/data``: cues with their stance, speaker nouns, names and places."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


def _rows(name: str) -> list[list[str]]:
    text = resources.files("onrecord.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class Lexicon:
    cue_stance: dict[str, str]            # lemma -> default stance
    cue_needs: dict[str, frozenset[str]]  # lemma -> particle/preposition required after it
    noun_class: dict[str, str]            # noun -> person | organization | statement | group
    noun_gender: dict[str, str]           # noun -> m | f
    first_name_gender: dict[str, str]     # given name -> m | f
    demonym_country: dict[str, str]       # "iranian" -> "Iran"
    capital_country: dict[str, str]       # "Tehran" -> "Iran"
    countries: frozenset[str]
    institution_country: dict[str, str]   # "Kremlin" -> "Russia"
    prep_cues: dict[str, dict[str, str]]  # lemma -> preposition -> stance ("talk about", "point to")
    cue_mode: dict[str, str]              # verb lemma -> speech | thought
    prep_mode: dict[tuple[str, str], str]  # (lemma, preposition) -> speech | thought
    word_mode: dict[str, str]             # noun, adjective or raising verb cue -> speech | thought


@cache
def lexicon() -> Lexicon:
    cue_stance: dict[str, str] = {}
    cue_needs: dict[str, set[str]] = {}
    cue_mode: dict[str, str] = {}
    for lemma, stance, needs, mode in _rows("cues.tsv"):
        cue_stance[lemma] = stance
        cue_mode[lemma] = mode
        if needs != "-":
            cue_needs.setdefault(lemma, set()).add(needs)
    noun_class: dict[str, str] = {}
    noun_gender: dict[str, str] = {}
    for noun, cls, gender in _rows("nouns.tsv"):
        noun_class[noun] = cls
        if gender in ("m", "f"):
            noun_gender[noun] = gender
    names = {name.lower(): gender for name, gender in _rows("first_names.tsv")}
    demonyms, capitals, countries = {}, {}, set()
    for country, demonym, capital in _rows("places.tsv"):
        demonyms[demonym.lower()] = country
        capitals[capital] = country
        countries.add(country)
    institutions = {name: country for name, country, _kind in _rows("institutions.tsv")}
    prep_cues: dict[str, dict[str, str]] = {}
    prep_mode: dict[tuple[str, str], str] = {}
    for lemma, prep, stance, mode in _rows("cue_preps.tsv"):
        prep_cues.setdefault(lemma, {})[prep] = stance
        prep_mode[lemma, prep] = mode
    word_mode = dict((word, mode) for word, mode in _rows("mode_words.tsv"))
    return Lexicon(cue_stance, {k: frozenset(v) for k, v in cue_needs.items()}, noun_class, noun_gender,
                   names, demonyms, capitals, frozenset(countries), institutions, prep_cues, cue_mode, prep_mode,
                   word_mode)
