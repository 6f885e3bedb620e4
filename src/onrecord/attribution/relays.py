"""Relays: the outlet, agency, channel or document through which a report says we know a statement (issue 18).

Three shapes, each leaving the speaker as it is:
- a relay clause around a reported statement: "Iran denied …, Anadolu Agency reported", "According to Reuters,
  the minister said …", "…, TASS said, citing …": the outer attribution (the relay as speaker of the whole
  clause) is dropped when the clause holds an attribution of its own, which gets the relay as ``via``;
- the relay as the cue's addressee or setting: "told Sputnik", "said in a statement posted on Telegram",
  "said in an interview with CNN", "was quoted by Interfax as saying";
- a trailing relay clause the parser leaves without a cue: "…, the NHK TV channel quoted him as saying".
"According to X" with X a person or body that made the statement stays X's statement: only an outer clause
holding another speaker's statement makes X a relay.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from .cues import Candidate

# cues through which a relay passes a statement on (the relay's own "said" included: "TASS said, citing …")
RELAY_CUES = frozenset({"report", "say", "quote", "cite", "according to", "carry", "broadcast", "write", "add",
                        "publish", "post"})
# prepositions that attach a relay to a cue: "told Sputnik", "on Telegram", "with CNN", "by Interfax", "to IRNA"
_RELAY_PREPS = frozenset({"on", "with", "by", "to", "in"})
_DETERMINERS = frozenset({"the", "a", "an"})
# "news agency", "press agency", "wire service", "TV station", "radio network": an agency or station that is a
# medium (a bare "agency" is as often a regulator: "the Medicines and Devices Agency said")
_MEDIA_COMPOUND = re.compile(r"\b(?:news|press|wire)\s+(?:agency|service)\b|\b(?:tv|television|radio|news)\s+"
                             r"(?:station|network|agency)\b", re.IGNORECASE)
QUOTED_AS_SAYING = re.compile(
    r"(?:,|\band)\s+(?P<relay>(?:the\s+)?[\w.’'\- ]{2,60}?)\s+(?:quoted|cited)\s+"
    r"(?:him|her|them|it|the\s+\w+(?:\s+\w+)?)\s+as\s+say(?:ing)?\b")


@cache
def _relays() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("onrecord.data").joinpath("relays.tsv").read_text(encoding="utf-8")
    names, nouns = set(), set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind = line.split("\t")
        (nouns if kind == "noun" else names).add(name)
    return frozenset(names), frozenset(n.lower() for n in nouns)


def is_relay(words: str) -> bool:
    """Whether ``words`` (a mention) name an outlet, agency, channel or platform: a listed name ending it
    ("Anadolu Agency", "state news agency IRNA") or a head noun that is one ("the local newspaper")."""
    names, nouns = _relays()
    tokens = re.findall(r"[\w\-]+", words)
    if not tokens:
        return False
    if tokens[-1].lower() in nouns or _MEDIA_COMPOUND.search(words):
        return True
    # the listed name must end the mention: "CNN's Wolf Blitzer" is a person, "RT America audience" an audience
    joined = " ".join(tokens)
    return any(re.search(rf"(?<![\w-]){re.escape(name)}$", joined) for name in names)


def mention(doc: Doc, token: Token) -> tuple[int, int]:
    """The characters of the noun phrase headed by ``token``, up to the token itself (no relative clause) and
    without a leading article: "the NHK TV channel" -> "NHK TV channel"."""
    left = token.left_edge
    while left.i < token.i and left.lower_ in _DETERMINERS:
        left = doc[left.i + 1]
    right = token
    for child in token.rights:   # "state news agency IRNA": the name in apposition or compound after the noun
        if child.dep_ in ("appos", "compound", "flat") and child.i == right.i + 1:
            right = child
    return left.idx, right.idx + len(right.text)


def _inside(inner: Candidate, outer: Candidate) -> bool:
    return inner is not outer and outer.start <= inner.start and inner.end <= outer.end and (
        inner.cue is None or outer.start <= inner.cue[0] < outer.end)


def relayed(doc: Doc, candidates: list[Candidate]) -> tuple[list[Candidate], dict[int, tuple[int, int]]]:
    """``candidates`` without the relay clauses that hold a statement of their own, and the relay span of each
    candidate so relayed (by ``id``)."""
    via: dict[int, tuple[int, int]] = {}
    dropped: set[int] = set()
    text = doc.text
    for outer in candidates:
        if outer.speaker_token is None or (outer.cue_lemma or "") not in RELAY_CUES:
            continue
        start, end = mention(doc, doc[outer.speaker_token])
        if not is_relay(text[start:end]):
            continue
        inner = [c for c in candidates if _inside(c, outer) and c.speaker_token is not None
                 and not (start <= doc[c.speaker_token].idx < end)]
        if not inner:
            continue   # the relay's own report ("The embassy was evacuated, according to IRNA"): it stays speaker
        dropped.add(id(outer))
        for c in inner:
            via.setdefault(id(c), (start, end))
    return [c for c in candidates if id(c) not in dropped], via


def cue_relay(doc: Doc, cand: Candidate, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """A relay the cue names as its addressee or setting ("told Sputnik", "in a statement posted on Telegram",
    "in an interview with CNN", "quoted by Interfax"), else one in a trailing "X quoted him as saying"."""
    if cand.cue_token is not None:
        cue = doc[cand.cue_token]
        parts = cand.parts
        for tok in cue.subtree:
            if any(s <= tok.idx < e for s, e in parts) or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if tok.i == cand.speaker_token or tok.head.i == cand.speaker_token:
                continue
            attached = tok.dep_ in ("dobj", "dative", "obj") and tok.head.i == cue.i \
                or tok.dep_ == "pobj" and tok.head.lower_ in _RELAY_PREPS
            if attached:
                start, end = mention(doc, tok)
                if is_relay(doc.text[start:end]):
                    return start, end
    lo, hi = sentence
    tail = doc.text[cand.end:hi]
    m = QUOTED_AS_SAYING.search(tail)
    if m and is_relay(m.group("relay")):
        start = cand.end + m.start("relay")
        words = m.group("relay")
        if words.lower().startswith("the "):
            start += 4
            words = words[4:]
        return start, start + len(words)
    return None
