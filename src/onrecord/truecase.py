"""Title-case lines (headlines) re-cased from the article's own usage, so the parser reads them as sentences.

"Port Authority Chief Praises Harbour Works Plan" is parsed by the small English model as one long proper
noun: no verb, no subject, no attribution. Written "Port Authority chief praises Harbour Works plan" it is a
sentence. The article itself says which words are names: a word it writes in lower case more often than
capitalised (away from a sentence start) is a common word. Words it never uses are lowered only when they are
function words or forms of a cue verb ("Says", "Slams"); anything else keeps its capital.

Pure text functions: the re-cased text has the same length and the same characters but for case, so every
offset of a parse of it holds for the original (:func:`onrecord.nlp.parse_many` restores the original words).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .attribution.lexicon import lexicon

# A line is title case when at least this share of its words of four letters or more are capitalised
TITLE_SHARE = 0.7
MIN_TITLE_WORDS = 3
MAX_TITLE_CHARS = 300

FUNCTION_WORDS = frozenset("""
a an the and or but nor so yet of for to in on at by with from into onto over under about against after before
during since until up down out off as than then if that this these those there here his her hers its their our
your my it he she they we you who whom whose what which when where why how is are was were be been being am has
have had do does did will would can could shall should may might must not no yes all any some more most new now
just also still again only even very too back away amid among via per vs says said say tells told asks
""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_LINE = re.compile(r"[^\n]+")
# a capitalised word after a lower-case word or a comma is not capitalised for the sentence start
_MID_SENTENCE = re.compile(r"(?<=[a-z,;] )[A-Z][A-Za-z'’-]*")


def recase(text: str) -> str:
    """``text`` with its title-case lines re-cased; the same length, and ``text`` itself when nothing changed."""
    lines = [m for m in _LINE.finditer(text) if _is_title_case(m.group())]
    if not lines:
        return text
    lower, upper = _usage(text, [(m.start(), m.end()) for m in lines])
    chars = list(text)
    changed = False
    for line in lines:
        words = list(_WORD.finditer(line.group()))
        for w in words[1:]:            # the first word keeps its capital, as at any sentence start
            word = w.group()
            if not _lowerable(word, lower, upper):
                continue
            low = word.lower()
            if len(low) != len(word):
                continue
            start = line.start() + w.start()
            chars[start:start + len(word)] = low
            changed = True
    return "".join(chars) if changed else text


def _is_title_case(line: str) -> bool:
    if len(line) > MAX_TITLE_CHARS:
        return False
    long_words = [w for w in _WORD.findall(line) if len(w) >= 4]
    if len(long_words) < MIN_TITLE_WORDS:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= TITLE_SHARE


def _usage(text: str, skip: list[tuple[int, int]]) -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in lower case, and capitalised mid-sentence, outside the title lines."""
    body = list(text)
    for s, e in skip:
        body[s:e] = " " * (e - s)
    rest = "".join(body)
    lower = Counter(w for w in _WORD.findall(rest) if w[0].islower())
    upper = Counter(m.group() for m in _MID_SENTENCE.finditer(rest))
    return lower, upper


def _lowerable(word: str, lower: Counter[str], upper: Counter[str]) -> bool:
    if not word[0].isupper() or (len(word) > 1 and not word[1:].islower()) or word == "I":
        return False                   # "I", "NATO", "McCain", "iPhone": not a title-case common word
    low = word.lower()
    if lower[low] or upper[word]:
        return lower[low] > upper[word]
    return low in FUNCTION_WORDS or _cue_form(low)


@cache
def _cue_form(word: str) -> bool:
    """'slams', 'blasted', 'urging': an inflected form of a cue verb."""
    cues = lexicon().cue_stance
    stems = {word, word[:-1], word[:-2], word[:-3], word[:-2] + "e", word[:-3] + "e", word[:-3] + "y"}
    return any(s in cues for s in stems if len(s) > 2)
