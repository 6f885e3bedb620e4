"""Claims as propositions: normalisation, lexical similarity, blocking keys and back-references for the ledger.

Pure functions over text: no database, no spaCy, no model. A proposition keeps what was said without its
polarity or hedging ("Tehran supplied drones" and "Tehran did not supply drones" are one proposition; the
stance says which way the speaker took it), so an assertion and a denial of the same thing can be linked.
Word lists live in ``onrecord/data/claim_stopwords.tsv``, ``claim_synonyms.tsv`` and ``claim_phrases.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from ..attribution.lexicon import lexicon
from .actors import state_of


@dataclass(frozen=True, slots=True)
class Proposition:
    """What a claim says, reduced to comparable terms; ``text`` is for display."""

    text: str                  # content without "that", quote marks, trailing punctuation; "[Iran]" for "we"
    terms: tuple[str, ...]     # sorted unique stems / synonym classes / "e:<entity>" terms
    entities: tuple[str, ...]  # canonical names in order of first mention
    agent: str | None = None   # the entity doing the act where the wording shows it ("Armenia shelled …")


# Set on tests/fixtures/claim-pairs.jsonl, `python benchmarks/claim_similarity.py` (uniform weights):
# tune set (81 pairs) precision 1.000, recall 0.864; held-out set (42 pairs) first measured at precision 0.833,
# recall 0.435, after general fixes it prompted (agent reversal, addition cost 0.5) precision 1.000, recall 0.565.
# One substitution against four shared terms scores 4/7 = 0.571, against five 5/8 = 0.625: below 0.6 a single
# swapped object ("steroids" / "painkillers") links two different claims, which is a false contradiction.
SAME_CLAIM: float = 0.6

# A pair whose two sides each name a participant the other lacks ("drones to Russia" vs "drones to Sudan")
# is usually two propositions about different parties, however much else they share.
_CONFLICT_FACTOR = 0.6
_STATE_BODIES = {"forces", "troops", "military", "army", "government", "authorities", "officials", "regime",
                 "state", "leadership", "navy", "air"}
_PREPOSITIONS = {"in", "at", "near", "from", "to", "into", "on", "of", "for", "with", "against", "by", "over",
                 "across", "inside", "outside", "towards", "toward", "about", "between", "among", "after"}
_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+|not\s+|never\s+)?"
                         r"(?:\w+ed|\w+en|\w+wn|sent|sold|hit|shot|struck|built|held|made|paid|led|hid|put)\b", re.I)
_REVERSAL_FACTOR = 0.5
_SUBSTITUTION = 3.0
_ADDITION = 0.5
_PRONOUN_SELF = {"i": "", "me": "", "my": "'s", "mine": "'s", "myself": ""}
_PRONOUN_GROUP = {"we": "", "us": "", "our": "'s", "ours": "'s", "ourselves": ""}
_SELF_RE = re.compile(r"\b(I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b(?!['’]|\.[A-Z])")
_GROUP_RE = re.compile(r"\b([Ww]e|us|[Oo]ur|[Oo]urs|[Oo]urselves)\b(?!['’][a-z])")
_WE_CLITIC_RE = re.compile(r"\b([Ww]e|I)['’](ve|ll|re|d|m)\b")
# "...," he said, "..." inside one content: the attribution between two quoted parts is not the claim
_INTERRUPTION_RE = re.compile(r"[,.]?\s*[\"”]\s+[^\"“”]{1,60}?\s*,?\s*[\"“]\s*")
_QUOTES = "\"'“”‘’«»„"
_TOKEN_RE = re.compile(r"\[[^\]]+\]|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W_]+)*['’]?|[.!?;:,]")
_CLITIC_RE = re.compile(r"^(.+?)(n't|'s|'ll|'re|'ve|'d|'m|')$")
_ACRONYM_RE = re.compile(r"\b((?:[A-Z]\.){2,})")
_FIRST_SENTENCE = re.compile(r"(?<=[a-z0-9)][.!?])[\"”’']?\s+(?=[\"“‘]?[A-Z])")
_TRAILING_CLAUSE = re.compile(r",?\s+\b(?:because|since|so that|although|though|whereas)\b\s+"
                              r"|,\s+(?:which|who|while|saying|adding|as part of)\b\s+|;\s+", re.I)
# a report inside the report, opening the content: "Your own engineers say P", "Residents claim that P"
_NESTED_RE = re.compile(r"^((?:[\w'’-]+\s+){1,4}?)(?:say|says|said|claim|claims|allege|alleges|alleged|insist|insists|"
                        r"confirm|confirms|confirmed|show|shows|showed|found|finds|conclude|concludes|concluded)"
                        r"\s+(?:that\s+)?(?=\w)", re.I)
_PREAMBLE_RE = re.compile(r"^(?:the|these|those|such|any|all)\s+(?:\w+\s+){0,2}?(\w+)\s+that\s+", re.I)


def _rows(name: str) -> list[list[str]]:
    text = resources.files("onrecord.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class _Words:
    word_class: dict[str, str]        # lowercase word -> stop | negator | hedge | polarity | ref | title | time
    synonym: dict[str, str]           # surface form or stem -> class term
    canonical: dict[str, str]         # lowercase place / demonym / institution -> country


@cache
def _words() -> _Words:
    word_class: dict[str, str] = {}
    for cls, words in _rows("claim_stopwords.tsv"):
        for w in words.split():
            word_class.setdefault(w, cls)   # first class wins: "claims" is stop before ref
    refs = {w for cls, words in _rows("claim_stopwords.tsv") if cls == "ref" for w in words.split()}
    word_class.update({w: "ref" for w in refs})
    synonym: dict[str, str] = {}
    for cls, members in _rows("claim_synonyms.tsv"):
        for m in members.split() + [cls]:
            if m.startswith("="):         # as written only (data file header)
                synonym.setdefault(m[1:], cls)
                continue
            synonym.setdefault(m, cls)
            synonym.setdefault(stem(m), cls)
    lex = lexicon()
    canonical = {k.lower(): v for k, v in lex.capital_country.items()}
    canonical |= {c.lower(): c for c in lex.countries}
    canonical |= lex.demonym_country
    canonical |= {k.lower(): v for k, v in lex.institution_country.items()}
    canonical |= {"us": "United States", "usa": "United States", "america": "United States",
                  "uk": "Britain", "united kingdom": "Britain", "eu": "European Union", "kiev": "Ukraine"}
    return _Words(word_class, synonym, canonical)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stemmer: the same on both sides is all that matters, not linguistic truth."""
    w = word.lower()
    if len(w) <= 3 or w.isdigit():
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ing") and len(w) >= 6:
        w = w[:-3]
    elif w.endswith("ed") and len(w) >= 5:
        w = w[:-2]
    elif w.endswith("ment") and len(w) >= 8:
        w = w[:-4]
    elif w.endswith("tion") and len(w) >= 7:
        w = w[:-3]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsaeiou":   # stopped -> stop, rigged -> rig
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):                               # use/used/using -> us
        w = w[:-1]
    return w


@cache
def _phrases() -> re.Pattern[str] | None:
    rows = _rows("claim_phrases.tsv")
    if not rows:
        return None
    longest = sorted((p for p, _r in rows), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in longest) + r")\b", re.I)


@cache
def _phrase_map() -> dict[str, str]:
    return {p.lower(): r for p, r in _rows("claim_phrases.tsv")}


def _clean(content: str) -> str:
    text = _INTERRUPTION_RE.sub(" ", content.strip())
    if (phrases := _phrases()) is not None:    # "unmanned aerial vehicles" -> "drones" (data/claim_phrases.tsv)
        text = phrases.sub(lambda m: _phrase_map()[m.group(1).lower()], text)
    text = text.strip().strip(_QUOTES + " ").rstrip(".,;:!?…" + _QUOTES + " ").strip(_QUOTES + " ")
    text = re.sub(r"^that\s+", "", text, flags=re.I)
    m = _PREAMBLE_RE.match(text)          # "the report that X" states X
    if m and _words().word_class.get(m.group(1).lower()) == "ref":
        text = text[m.end():]
    m = _NESTED_RE.match(text)            # "Your own engineers say the results were hidden" states the results were
    if m and len(text[m.end():].split()) >= 3 and _unnamed(m.group(1)):
        text = text[m.end():]
    text = text.strip(_QUOTES + " ")
    # the first sentence, up to a clause giving reasons or circumstances: "They hid the results. I saw …" and
    # "the company hid the results because it knew …" state that the results were hidden (issue 17: the extra
    # words counted as additions and kept paraphrases of one proposition apart)
    text = _FIRST_SENTENCE.split(text, maxsplit=1)[0]
    text = _TRAILING_CLAUSE.split(text, maxsplit=1)[0]
    return re.sub(r"\s+", " ", text).rstrip(".,;:!?…" + _QUOTES + " ")


def later_sentences(content: str) -> list[str]:
    """The content's sentences after the first, which ``normalise`` leaves out ("Our captain followed every
    procedure. No one on board dropped the anchor deliberately")."""
    text = _INTERRUPTION_RE.sub(" ", content.strip()).strip(_QUOTES + " ")
    return [t for t in _FIRST_SENTENCE.split(text)[1:] if t.strip()]


def _unnamed(subject: str) -> bool:
    """Sources described, not named ("your own engineers", "some residents"): a named one ("Moscow and the Kremlin
    say …") makes the content a statement about what it says, and is left whole."""
    words = subject.split()
    return all(w.islower() or i == 0 and _words().word_class.get(w.lower()) == "stop" for i, w in enumerate(words))


def _canon(name: str, canonical: Mapping[str, str]) -> str | None:
    low = name.lower().removeprefix("the ")
    # the ledger's gazetteer ("U.S.", "Downing Street", "Knesset") answers what the word lists above do not
    return canonical.get(low) or _words().canonical.get(low) or state_of(name)


def _slug(name: str) -> str:
    return "e:" + re.sub(r"\s+", "_", name.lower())


def _term(word: str) -> str | None:
    w = _words()
    low = word.lower().replace("’", "'")
    if w.word_class.get(low) or len(low) < 2:
        return None
    cls = w.synonym.get(low)
    if cls:
        return cls
    s = stem(low)
    if w.word_class.get(s):
        return None
    return w.synonym.get(s, s)


def normalise(content: str, *, speaker: str | None = None, speaker_affiliation: str | None = None,
              canonical: Mapping[str, str] | None = None, speaker_kind: str | None = None) -> Proposition:
    """Reduce a content to its proposition; first-person pronouns become the speaker (or affiliation), and so do
    the reported clause's own subject pronoun and a possessive before a group noun ("denied that it had …",
    "denied that his forces had …") when ``speaker_kind`` says which pronoun the speaker takes."""
    canonical = {k.lower(): v for k, v in (canonical or {}).items()}
    text = _clean(content)
    self_name = (_canon(speaker, canonical) or speaker) if speaker else None
    group_name = (_canon(speaker_affiliation, canonical) or speaker_affiliation) if speaker_affiliation \
        else self_name
    # "we've" -> "we have" first, so the pronoun is found and the clitic is not glued to the bracket
    text = _WE_CLITIC_RE.sub(lambda m: m.group(1) + " " + {"ve": "have", "ll": "will", "re": "are",
                                                           "d": "would", "m": "am"}[m.group(2)], text)
    if self_name:
        text = _SELF_RE.sub(lambda m: f"[{self_name}{_PRONOUN_SELF[m.group(1).lower()]}]", text)
    if group_name:
        text = _GROUP_RE.sub(lambda m: f"[{group_name}{_PRONOUN_GROUP[m.group(1).lower()]}]", text)
    if self_name and speaker_kind:
        text = _third_person(text, speaker_kind, self_name, group_name or self_name)
    entities, terms, agent = _analyse(text, canonical)
    terms |= {_slug(e) for e in entities}
    return Proposition(text, tuple(sorted(terms)), tuple(entities), agent)


# A reported clause's subject pronoun is, far more often than not, the reporting verb's subject: "Moscow dismissed
# allegations that it had a hand in …", "Trump said he would …". Only the clause's first word, and only the pronoun
# the speaker's kind takes: a person's "it" is a thing ("he said it was a lie"), an organisation's "he" another man.
_SUBJECT_PRONOUNS = {"person": ("he", "she"), "organization": ("it", "they"), "group": ("they", "it"),
                     "place": ("it",)}
_SUBJECT_RE = re.compile(r"^(he|she|it|they)\b(?!['’])\s+(?=[a-z])", re.I)
# "his forces", "its aircraft": a possessive before a group noun is the speaker's side (a person's affiliation);
# "his client", "its crew" are left alone: a lawyer's client, a ship operator's crew are someone else
_GROUP_NOUNS = ("forces|troops|army|military|soldiers|units|fighters|aircraft|air force|warplanes|jets|navy|"
                "government|ministry|country|company|firm|group|party|administration|campaign")
_POSSESSIVE_RE = re.compile(r"\b(his|her|its|their)\s+(?=(?:own\s+)?(?:" + _GROUP_NOUNS + r")\b)", re.I)
_GERUND_RE = re.compile(r"^(?=[a-z]+ing\b)")


def _third_person(text: str, kind: str, self_name: str, group_name: str) -> str:
    pronouns = _SUBJECT_PRONOUNS.get(kind, ())
    m = _SUBJECT_RE.match(text)
    if m and m.group(1).lower() in pronouns:
        text = f"[{self_name}] " + text[m.end():]
    # a person's "his forces" are the forces of the side the person speaks for: unknown without an affiliation
    owner = (group_name if group_name != self_name else None) if kind == "person" else self_name
    possessives = ("his", "her") if kind == "person" else ("its", "their")
    if owner:
        text = _POSSESSIVE_RE.sub(lambda m: f"[{owner}'s] " if m.group(1).lower() in possessives else m.group(0),
                                  text)
    # "denied hiding any test results": a gerund clause with no subject of its own is the speaker's act
    first = text.split(" ", 1)[0].lower()
    if _GERUND_RE.match(text) and (_words().synonym.get(first) or _words().synonym.get(stem(first))):
        text = f"[{self_name}] " + text
    return text


def _analyse(text: str, canonical: Mapping[str, str]) -> tuple[list[str], set[str], str | None]:
    w = _words()
    tokens = _TOKEN_RE.findall(_ACRONYM_RE.sub(lambda m: m.group(1).replace(".", ""), text))
    entities: list[str] = []
    terms: set[str] = set()
    # the agent: in the passive the entity after "by"; otherwise the first entity named before any other
    # content word and not inside a prepositional phrase ("In Kherson, Russian troops …" is Russia's act)
    passive = _PASSIVE_RE.search(text) is not None
    agent: list[str] = []
    first_token = 0

    def add_entity(name: str) -> None:
        name = _canon(name, canonical) or name
        prev = tokens[first_token - 1].lower() if first_token > 0 else ""
        if not agent:
            if passive and prev == "by" or not passive and not terms and prev not in _PREPOSITIONS:
                agent.append(name)
        if name not in entities:
            entities.append(name)

    def is_name_word(tok: str) -> bool:
        low = tok.lower()
        if not tok[:1].isupper():
            return False
        if (low in w.synonym or stem(low) in w.synonym) and not _canon(tok, canonical):
            return False                           # "UAVs", "Drones" at a sentence start: ordinary words
        if tok.isupper() and len(tok) >= 2:        # "US", "WADA" are names even though "us" is a pronoun
            return True
        return w.word_class.get(low) not in ("stop", "negator", "hedge", "polarity", "ref", "time")

    # capitalised words seen mid-sentence are names even where a sentence starts with them
    mid_caps = {t for i, t in enumerate(tokens) if i and tokens[i - 1] not in ".!?;:" and t[:1].isupper()}
    i = 0
    while i < len(tokens):
        tok = tokens[i].replace("’", "'")
        start = i == 0 or tokens[i - 1] in ".!?;:"
        first_token = i
        i += 1
        if tok.startswith("["):
            name = tok[1:-1].removesuffix("'s")
            if any(c.isupper() for c in name):
                add_entity(name)
            else:                        # "we" for "the army": a description, not a name
                terms.update(t for p in re.findall(r"[^\W\d_]+", name) if (t := _term(p)) is not None)
            continue
        if tok in ".!?;:,":
            continue
        if tok[0].isdigit():
            terms.add(tok.replace(",", ""))
            continue
        m = _CLITIC_RE.match(tok)
        base, clitic = (m.group(1), m.group(2)) if m else (tok, "")
        if not is_name_word(base):
            for part in base.split("-"):
                if (t := _term(part)) is not None:
                    terms.add(t)
            continue
        run = [base]
        while clitic not in ("'s", "'") and i < len(tokens):   # a possessive ends the name
            nxt = tokens[i].replace("’", "'")
            if nxt.lower() in ("of", "for") and i + 1 < len(tokens) and is_name_word(tokens[i + 1]):
                run.append(nxt)
                i += 1
                continue
            m = _CLITIC_RE.match(nxt)
            nbase, nclitic = (m.group(1), m.group(2)) if m else (nxt, "")
            # "United States": a word that is also an ordinary stem ("states" / "station") inside a known name
            if not is_name_word(nbase) and not (nbase[:1].isupper() and _canon(" ".join(run + [nbase]), canonical)):
                break
            run.append(nbase)
            clitic = nclitic
            i += 1
        _add_run(run, start, mid_caps, canonical, add_entity, terms)
        # "Russian forces", "Iranian authorities": the state itself, as far as a claim goes
        if (len(run) == 1 and clitic == "" and i < len(tokens) and tokens[i].lower() in _STATE_BODIES
                and run[0].lower() in w.canonical):
            i += 1
    return entities, terms, agent[0] if agent else None


def _add_run(run: list[str], start: bool, mid_caps: set[str], canonical: Mapping[str, str],
             add_entity, terms: set[str]) -> None:
    w = _words()
    while run and w.word_class.get(run[0].lower()) == "title":     # "President Putin" is Putin
        run = run[1:]
    if not run:
        return
    whole = " ".join(run)
    if _canon(whole, canonical):
        add_entity(whole)
        return
    if len(run) == 1 and "-" in whole and _canon(whole.split("-")[0], canonical):   # "Iranian-made"
        head, *rest = whole.split("-")
        add_entity(head)
        terms.update(t for p in rest if (t := _term(p)) is not None)
        return
    if len(run) == 1 and start and whole not in mid_caps:
        # a sentence-initial capital is an ordinary word ("Wreckage recovered near …") unless known as a name
        terms.update(t for p in whole.split("-") if (t := _term(p)) is not None)
        return
    # split out known places inside a longer run: "Russian Defence Ministry" -> Russia
    rest: list[str] = []
    for tok in run:
        if _canon(tok, canonical):
            add_entity(tok)
        elif w.word_class.get(tok.lower()) != "title":
            rest.append(tok)
    while rest and rest[-1].lower() in ("of", "for"):
        rest.pop()
    if rest and len(rest) < len(run) and len(rest) == 1 and rest[0].lower() in ("of", "for"):
        return
    if rest:
        add_entity(" ".join(rest))


def _aliases(only_a: set[str], only_b: set[str]) -> set[tuple[str, str]]:
    """Terms on either side naming the same thing: a surname and the full name ("e:okafor", "e:daniel_okafor"),
    or a name read as an ordinary word where it opened a sentence ("hama" from "Hamas said …", "e:hamas")."""
    pairs = set()
    for x in only_a:
        for y in only_b:
            ex, ey = x.startswith("e:"), y.startswith("e:")
            if ex and ey:
                short, long_ = sorted((x[2:].split("_"), y[2:].split("_")), key=len)
                if len(short) < len(long_) and long_[-len(short):] == short or is_acronym(short, long_):
                    pairs.add((x, y))
            elif ex != ey:
                name, word = (x, y) if ex else (y, x)
                if "_" not in name and stem(name[2:]) == word:
                    pairs.add((x, y))
    return pairs


def is_acronym(short: list[str], long_: list[str]) -> bool:
    """"RSF" for "Rapid Support Forces", "UN" for "United Nations" (lowercase words; "of" and "for" skipped); "RSF"
    for "Rapid Support" too, as names are cut before a word this module also knows as a term ("forces")."""
    initials = "".join(w[0] for w in long_ if w not in ("of", "for", "the", "and"))
    if len(short) != 1 or len(long_) < 2 or len(initials) < 2:
        return False
    return short[0] == initials or len(short[0]) >= 3 and short[0][:-1] == initials


def similarity(a: Proposition, b: Proposition, idf: Mapping[str, float] | None = None
               ) -> tuple[float, tuple[str, ...]]:
    """Shared weight against substituted and added weight, with the shared terms that explain it. Symmetric.

    A term on one side only is either a substitution (the other side has a term of its own in its place:
    "steroids" vs "painkillers") or an addition (detail the other side leaves out: "months in advance").
    Substitutions usually change the proposition, additions rarely do, so they cost differently.
    """
    ta, tb = set(a.terms), set(b.terms)
    only_a, only_b = ta - tb, tb - ta
    aliases = _aliases(only_a, only_b)
    for x, y in aliases:
        only_a.discard(x)
        only_b.discard(y)
    # an alias counts once, under its longer form ("e:daniel_okafor", "e:hamas"), whichever side it is on
    shared = tuple(sorted(ta & tb | {max(x, y, key=lambda t: (t.startswith("e:"), len(t), t)) for x, y in aliases}))
    # sharing only who is involved ("Iran", "Russia") is not sharing a proposition
    if not any(not t.startswith("e:") for t in shared):
        return 0.0, shared
    top = max(idf.values(), default=1.0) if idf else 1.0

    def weight(terms) -> float:
        return sum((idf.get(t, top) if idf else 1.0) for t in sorted(terms))

    s, wa, wb = weight(shared), weight(only_a), weight(only_b)
    score = s / (s + _SUBSTITUTION * min(wa, wb) + _ADDITION * abs(wa - wb))
    # each side naming a participant or number the other lacks: different parties, different claim
    ea = {t for t in only_a if t.startswith("e:") or t[0].isdigit()}
    eb = {t for t in only_b if t.startswith("e:") or t[0].isdigit()}
    if ea and eb:
        score *= _CONFLICT_FACTOR
    # the same parties with the roles swapped: "Armenia shelled Azerbaijan" against "Azerbaijan shelled Armenia"
    if a.agent and b.agent and a.agent != b.agent and a.agent in b.entities and b.agent in a.entities:
        score *= _REVERSAL_FACTOR
    return min(1.0, score), shared


def score_bound(a: Proposition, b: Proposition) -> float:
    """An upper bound of ``similarity(a, b)`` with uniform weights, from set sizes alone: every term on one side
    only is assumed to pair up as an alias with one on the other. Lets the ledger skip most candidates cheaply."""
    ta, tb = set(a.terms), set(b.terms)
    shared = len(ta & tb)
    only_a, only_b = len(ta) - shared, len(tb) - shared
    k = min(only_a, only_b)
    s, wa, wb = shared + k, only_a - k, only_b - k
    if s == 0:
        return 0.0
    return min(1.0, s / (s + _SUBSTITUTION * min(wa, wb) + _ADDITION * abs(wa - wb)))


def signature(p: Proposition, k: int = 4) -> tuple[str, ...]:
    """Blocking keys: the k most specific-looking non-entity terms (longest first), else entity terms."""
    content = sorted((t for t in p.terms if not t.startswith("e:")), key=lambda t: (-len(t), t))
    keys = content[:k] or [t for t in p.terms if t.startswith("e:")][:k]
    return tuple(sorted(keys))


def block_keys(p: Proposition, k: int = 5) -> tuple[str, ...]:
    """Index keys for the ledger: pairs of the k most specific terms. A single common term ("attack") would put
    thousands of claims in one block; two shared specific terms are rare unless the claims are close. On the
    labelled pairs, every pair that similarity links shares one of these keys (51 of 51, k = 5)."""
    terms = signature(p, k)
    if len(terms) < 2:
        return terms
    return tuple(f"{a}|{b}" for i, a in enumerate(terms) for b in terms[i + 1:])


_REF_PRONOUNS = {"it", "that", "this", "them", "these", "those", "so", "all", "any", "none", "of", "such", "thing"}
_REF_MODIFIERS = {"the", "these", "those", "this", "that", "such", "its", "their", "his", "her", "any", "all", "our",
                  "your", "my", "some", "recent", "latest", "new", "fresh", "similar", "repeated", "so-called",
                  "earlier", "previous", "last", "same", "whole", "entire", "media", "western", "us"}
_REF_AFTER = {"as", "against", "by", "from", "made", "in", "published", "circulated", "levelled", "leveled", ","}
# an event already told, after "the account of" / "reports of": the claim is about it, the words state nothing new
_EVENT_NOUNS = {"attack", "attacks", "strike", "strikes", "shelling", "bombing", "explosion", "explosions", "blast",
                "incident", "sabotage", "crash", "hack", "killing", "killings", "massacre", "operation", "raid"}
_COPULA = {"is", "are", "was", "were", "be", "been", "remain", "remains", "seem", "seems"}
_EVALUATION_EXTRA = {"reject", "dismiss", "refute", "condemn", "we", "i", "and", "a", "an", "pure", "total",
                     "complete", "utter", "baseless", "nothing", "but", "more", "than", "simply", "lies", "lie"}


def is_back_reference(content: str) -> bool:
    """True when the content only points at an earlier claim ("the accusation", "these reports are baseless")."""
    w = _words()
    text = _INTERRUPTION_RE.sub(" , ", content.strip()).strip(_QUOTES + " ").rstrip(".;:!?…" + _QUOTES + " ")
    tokens = re.findall(r"[\w'’-]+|[\"“”«»‘,]", text)
    low = [t.lower().replace("’", "'") for t in tokens]
    if not low:
        return False
    drop = ("hedge", "polarity", "negator")
    if len(low) <= 4 and all(t in _REF_PRONOUNS or w.word_class.get(t) in drop for t in low):
        return True                                                   # "it", "that", "all of it"
    # a referring noun phrase: determiners, possessives, names or evaluative words, then a ref noun
    i = 0
    while i < len(low) and w.word_class.get(low[i]) != "ref":
        if i >= 4 or not (low[i] in _REF_MODIFIERS or low[i].endswith("'s") or tokens[i][:1].isupper()
                          or w.word_class.get(low[i]) in drop):
            return False
        i += 1
    if i >= len(low):
        return False
    while i < len(low) and (w.word_class.get(low[i]) == "ref" or low[i] == "and"):   # "the reports and claims"
        i += 1
    rest, rest_tok = low[i:], tokens[i:]
    if len(rest) >= 3 and rest[0] == "of" and rest[1] in ("the", "this", "that") and rest[2] in _EVENT_NOUNS:
        return True                     # "the army's account of the attack on Dar Salim hospital"
    if not rest or rest[0] in _REF_AFTER or rest_tok[0] in "\"“”«»‘":
        return True                     # "the report as 'another provocation'", "the accusation \"a fabrication …\""
    if rest[0] in _COPULA and low[0] in ("these", "those", "such", "the", "this", "that") and i <= 3 \
            and any(w.word_class.get(t) == "polarity" for t in rest[1:4]):
        return True     # "These accusations are absurd and, as usual, not backed by any evidence"
    if rest[0] in _COPULA:              # "These reports are baseless … and we reject them completely"
        return all(t in _COPULA or t in _REF_PRONOUNS or t in _EVALUATION_EXTRA or t in ",\"“”"
                   or w.word_class.get(t) in drop + ("stop", "ref") or stem(t) in _EVALUATION_EXTRA
                   for t in rest)
    return False                        # "the report that Iran …", "claims of drone deliveries" state a claim


def is_trivial(p: Proposition) -> bool:
    """Too little to link: fewer than two terms, or nothing but names ("Iran and Russia")."""
    return len(p.terms) < 2 or all(t.startswith("e:") for t in p.terms)
