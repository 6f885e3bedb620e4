"""Given names and honorifics that say a person's gender: the bundled list first, then gender-guesser's.

Only confident answers count: gender-guesser's "mostly_female" for Bernie would make Bernie Sanders a "she".
Used to pick he/she antecedents inside an article and to keep Mrs. Clinton and Bill Clinton apart across
articles; never shown as a fact about anyone.
"""

from __future__ import annotations

from functools import cache, lru_cache

from .lexicon import lexicon

HONORIFIC_GENDER = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
                    "madam": "f", "madame": "f", "dame": "f", "lady": "f"}


@cache
def _guesser():  # noqa: ANN202 - gender_guesser has no types
    import gender_guesser.detector as detector
    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def given_name_gender(word: str) -> str | None:
    """'Hillary' → 'f', 'Bill' → 'm', 'Khizr' → None (unknown: no gender guessed)."""
    word = word.strip(".").casefold()
    if len(word) < 2:
        return None
    bundled = lexicon().first_name_gender.get(word)
    if bundled:
        return bundled
    return {"male": "m", "female": "f"}.get(_guesser().get_gender(word.capitalize()))


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """A word listed as a given name anywhere (either gender, or both: 'Jordan')."""
    word = word.strip(".").casefold()
    if len(word) < 2:
        return False
    return word in lexicon().first_name_gender or _guesser().get_gender(word.capitalize()) != "unknown"


@lru_cache(maxsize=65536)
def leaning_gender(word: str) -> str | None:
    """A given name's gender, or the way it leans where it is only usually one ('Chris' → 'm', 'Connie' → 'f').
    Only for choosing between pronoun antecedents, never for keeping two people apart."""
    if found := given_name_gender(word):
        return found
    word = word.strip(".").casefold()
    if len(word) < 2:
        return None
    return {"mostly_male": "m", "mostly_female": "f"}.get(_guesser().get_gender(word.capitalize()))
