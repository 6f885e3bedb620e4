"""What a name says about whom it can name: given names, gender, generic labels and the canonical form of an actor.

Pure functions over strings, shared by the cross-article matcher (``actors.py``), the writer and the evaluation.
Given-name genders: ``attribution/gender.py`` (the bundled list, then gender-guesser's confident answers).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..attribution.gender import HONORIFIC_GENDER, given_name_gender, is_given_name
from ..attribution.lexicon import lexicon

__all__ = ["HONORIFIC_GENDER", "canonical_name", "given_name_gender", "is_generic", "is_given_name",
           "mention_gender", "person_gender", "strip_titles", "title_gender"]

# Words a name can open with that are no part of it: honorifics, ranks, offices (a canonical name drops them).
TITLE_WORDS = {*HONORIFIC_GENDER, "mx", "dr", "prof", "professor", "sen", "senator", "rep", "representative", "gov",
               "governor", "gen", "general", "lt", "col", "colonel", "capt", "captain", "cmdr", "adm", "admiral",
               "sgt", "maj", "major", "rev", "reverend", "fr", "father", "president", "vice", "secretary", "minister",
               "prime", "foreign", "spokesman", "spokeswoman", "spokesperson", "ayatollah", "sheikh", "judge",
               "justice", "mayor", "chancellor", "premier", "king", "queen", "prince", "princess", "pope", "former",
               "speaker", "leader", "ambassador", "attorney", "chairman", "chairwoman", "brig", "lieutenant",
               "commander", "sergeant", "mrs.", "mr.", "ms.", "dr.", "sen.", "gov.", "rep.", "gen."}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Labels for many people at once or for a role anybody can fill: never one actor across articles. The noun
# list (data/nouns.tsv) gives the roles ("official", "candidate"); these are the plain words it leaves out.
GENERIC_WORDS = {"people", "person", "man", "men", "woman", "women", "voter", "voters", "poll", "polls", "survey",
                 "surveys", "supporter", "supporters", "critic", "critics", "resident", "residents", "member",
                 "members", "someone", "somebody", "everyone", "everybody", "many", "most", "some", "others", "other",
                 "one", "some people", "republicans", "democrats", "conservatives", "liberals", "americans",
                 "protesters", "activists", "experts", "analysts", "officials", "observers", "sources", "aides",
                 "advisers", "staff", "staffers", "delegates", "donors", "fans", "friends", "family", "parents",
                 "students", "workers", "leaders", "lawmakers", "senators", "governors", "candidates", "candidate",
                 "nominee", "frontrunner", "front-runner", "reporters", "viewers", "readers",
                 "skeptics", "evangelicals", "independents", "millennials", "women voters", "gop voters"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def title_gender(titles: Iterable[str]) -> str | None:
    """'Mrs.' → 'f', 'spokeswoman' → 'f', 'congressman' → 'm'; None when the titles disagree or say nothing."""
    found = set()
    nouns = lexicon().noun_gender
    for title in titles:
        ws = words(title)
        # an honorific only where it stands as one, before the name: "owner of the Miss Universe pageant" is
        # Donald Trump's title and says nothing of his gender
        if ws and ws[0] in HONORIFIC_GENDER:
            found.add(HONORIFIC_GENDER[ws[0]])
        found.update(nouns[w] for w in ws if w in nouns)
    return found.pop() if len(found) == 1 else None


def person_gender(name: str, titles: Iterable[str] = ()) -> str | None:
    """The gender a person's titles or given name say; None where they disagree (a title wrongly attached must
    not keep a person from their own statements)."""
    ws = [w for w in words(name) if w not in TITLE_WORDS]
    lead = [HONORIFIC_GENDER[w] for w in words(name)[:1] if w in HONORIFIC_GENDER]
    said = {g for g in (title_gender(titles), *lead, given_name_gender(ws[0]) if len(ws) >= 2 else None) if g}
    return said.pop() if len(said) == 1 else None


# Speaker mentions that say a gender on their own: the subject pronouns an article's speakers come as.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


def mention_gender(mentions: Iterable[str]) -> str | None:
    """The gender an article's own words give one of its actors: 'she', 'he', 'Mrs. Clinton', 'Mr. Trump' among
    the speaker mentions the article resolved to it. None when they say nothing or disagree (a pronoun resolved to
    the wrong person must not pick a person across articles)."""
    found = set()
    for mention in mentions:
        ws = words(mention)
        if len(ws) == 1 and ws[0] in PRONOUN_GENDER:
            found.add(PRONOUN_GENDER[ws[0]])
        elif len(ws) >= 2 and ws[0] in HONORIFIC_GENDER:
            found.add(HONORIFIC_GENDER[ws[0]])
    return found.pop() if len(found) == 1 else None


def is_generic(name: str) -> bool:
    """'voters', 'the woman', 'a candidate', 'polls', 'Republicans': a label, not somebody's name."""
    ws = [w for w in words(name) if w not in ("the", "a", "an", "some", "many", "most", "several")]
    if not ws:
        return True
    text = " ".join(ws)
    if text in GENERIC_WORDS or ws[-1] in GENERIC_WORDS and all(w.islower() for w in name.split()):
        return True
    cls = lexicon().noun_class
    # a lower-case description headed by a role or group noun: "senior officials", "the former president"
    return all(not w[:1].isupper() for w in name.split()) and (ws[-1] in cls or ws[-1].rstrip("s") in cls)


def strip_titles(name: str) -> str:
    """'Sen. Marco Rubio' → 'Marco Rubio', 'Mrs. Clinton' → 'Clinton', 'Spokeswoman Maria Zakharova' → 'Maria
    Zakharova'. A name that is nothing but title words is kept as it is."""
    parts = name.split()
    i = 0
    while i < len(parts) - 1 and (parts[i].casefold().rstrip(".,") in TITLE_WORDS or parts[i].casefold() == "the"):
        i += 1
    return " ".join(parts[i:])


def _proper(form: str) -> bool:
    ws = form.split()
    return bool(ws) and all(w[:1].isupper() or w.casefold() in ("al", "bin", "de", "van", "von", "der", "la", "le",
                                                                 "da", "di", "du", "del", "el", "ibn")
                            or not w[:1].isalpha() for w in ws)


def canonical_name(counts: Mapping[str, int], kind: str) -> str | None:
    """The most complete proper form seen most often, without titles: {'Donald Trump': 40, 'Donald J. Trump': 3,
    'Trump': 90} → 'Donald Trump'. Completeness counts words that are not initials or suffixes first, so 'Donald
    J. Trump' only wins where it is also the most common full form. None when nothing is a proper name."""
    forms: dict[str, int] = {}
    for raw, n in counts.items():
        form = strip_titles(" ".join(raw.split())).strip(" ,;:'\"")
        form = re.sub(r"['’]s$", "", form)
        if form and _proper(form):
            forms[form] = forms.get(form, 0) + n
    if not forms:
        return None

    def full_words(form: str) -> int:
        return sum(1 for w in words(form) if len(w) > 1 and w not in SUFFIXES)

    if kind == "person":
        most = max(min(full_words(f), 2) for f in forms)        # a first and a last name is complete
        forms = {f: n for f, n in forms.items() if min(full_words(f), 2) == most}
    return max(forms, key=lambda f: (forms[f], full_words(f), len(f), f))
