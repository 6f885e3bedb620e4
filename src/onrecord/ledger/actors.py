"""Which ledger actor an article's actor is: name keys, blocking keys, the state gazetteer and the merge rules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz

from ..article import Actor
from ..attribution.lexicon import lexicon
from .names import is_generic, is_given_name, person_gender

# Similarity floor (rapidfuzz ratio of transliteration keys) for person names whose surnames differ after
# transliteration, read off the labelled pairs in tests/ledger/test_actors.py: Lukashenka/Lukashenko 0.95 in,
# Kim Jong Un/Kim Jong Il 0.82 out. David Paterson/David Peterson (0.93, two politicians) shows no floor separates
# two real surnames from two spellings of one, so such a merge also needs a shared title or state. With one surname
# the first-name rule decides and the score is this floor (Mike/Michael Pompeo is only 0.80 as strings).
FUZZY_PERSON = 0.88
# Organisations share long generic words ("Ministry of ..."), so only near-identical spellings merge
# ("Ministry of Defence" ~ "Ministry of Defense" = 0.95; "National Security Council" ~ "... Agency" = 0.88).
FUZZY_ORG = 0.94
# One initial and this close: one first name spelt twice (Volodymyr/Volodimir 0.78); Tim/Tom, Dan/Don (0.67) apart.
FIRST_NAME_CLOSE = 0.75

_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "sen", "senator", "rep",
               "gov", "gen", "lt", "col", "capt", "cmdr", "adm", "sgt", "maj", "rev", "fr"}
# One given name, many romanisations: whole-token variants the letter rules below cannot reach without also
# merging genuinely different names (folding every o/u and e/a would make Jon = Jan and Paterson = Peterson).
_SAME_NAME = ("muhammad mohammed mohammad mohamed mohamad muhammed", "ahmad ahmed", "yusuf youssef yousef yusef yousif",
              "husain hussein hussain husayn hossein husein hosein", "abd abdel abdul abdal abdol", "umar omar",
              "usama osama", "benjamin binyamin",
              # Ukrainian and Russian romanisations of one given name (Volodymyr/Vladimir Zelensky, Dmytro/Dmitry
              # Kuleba): the same person in wire copy from Kyiv and from Moscow
              "volodymyr vladimir volodimir wolodymyr", "dmytro dmitry dmitri dmitrii", "serhiy sergei sergey serhii",
              "oleksiy alexei aleksei alexey oleksii", "andriy andrei andrey andrii", "mykola nikolai nikolay",
              "yuriy yuri yury", "oleksandr aleksandr alexander", "maksym maxim maksim", "yevhen yevgeny evgeny",
              "mykhailo mikhail", "pavlo pavel", "petro pyotr petr", "ihor igor", "oleh oleg", "hennadiy gennady",
              "vitaliy vitaly vitali", "anatoliy anatoly", "valeriy valery", "heorhiy georgy georgiy")
_NICKNAMES = {nick: group.split(":")[0] for group in (
    "william:bill:billy:will robert:bob:bobby:rob michael:mike james:jim:jimmy joseph:joe thomas:tom richard:dick:rick "
    "anthony:tony:antony daniel:dan christopher:chris david:dave stephen:steve alexander:alex elizabeth:liz "
    "samuel:sam benjamin:ben nicholas:nick peter:pete matthew:matt andrew:andy donald:don ronald:ron").split()
    for nick in group.split(":")}
_PARTICLES = {"al", "el", "bin", "ibn", "ben", "bint", "abu", "von", "van", "der", "den", "de", "da", "di", "du", "la",
              "le", "del", "della", "dos", "das", "ter", "ten", "y"}
_GOVERNMENT = {"government", "administration", "authorities", "regime", "presidency", "cabinet", "leadership"}
_HOST_WORDS = {"to", "in", "on", "with", "against", "toward", "towards", "at", "over"}  # "envoy to Ukraine": not his
_TITLE_STOP = {"the", "a", "an", "of", "for", "and", "former", "then", "current", "acting", "s"}
_NOT_ORGANS = {"company", "firm", "group", "club", "team", "newspaper", "broadcaster", "channel", "network",
               "campaign", "party", "union", "alliance", "coalition", "association", "federation"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ledger actor as the store hands it over: one of the actors sharing a blocking key with the new one."""

    id: int
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    affiliation: str | None = None    # state it speaks for / belongs to, e.g. "Iran", when known
    statements: int = 0               # links so far: picks the dominant bearer of a bare surname


@dataclass(frozen=True, slots=True)
class Match:
    actor_id: int
    method: str        # exact-name | alias | transliteration | fuzzy-name | short-name | gazetteer
    score: float       # 0..1
    evidence: str      # one readable line: why these are the same actor


# --- keys -------------------------------------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """'Mr. Hossein Amir-Abdollahian' → 'hossein amir abdollahian'; "Russia's" → 'russia'."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’‘ʼ`]s\b", "", text)            # possessive, as speakers.norm() does
    text = re.sub(r"[^\w\s&]|_", " ", text)            # hyphens, apostrophes, dots, commas
    words = text.split()
    words = words[1:] if len(words) > 1 and words[0] == "the" else words
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _fold(token: str) -> str:
    """Letter rules for romanisation variants; each fixes one observed class of split actor."""
    t = token.replace("ou", "u")                       # Mahmoud/Mahmud, Youssef
    t = re.sub(r"x", "ks", t)                          # Alexei/Aleksei
    for a, b in (("ph", "f"), ("ck", "k"), ("kh", "h"), ("gh", "g"), ("dh", "d"), ("q", "k")):
        t = t.replace(a, b)                            # Zakharova/Zaharova, Gadhafi/Gaddafi, Qaddafi/Kaddafi
    t = re.sub(r"^g(?=[aou])", "k", t)                 # Gaddafi/Kaddafi, Korean Gang/Kang; not soft George
    t = re.sub(r"^ye", "e", t)                         # Yevgeny/Evgeny, Yelena/Elena
    t = re.sub(r"(.)\1+", r"\1", t)                    # Zelenskyy, Sissi, Moammar, Mohammed
    t = re.sub(r"[aou]lah", "ulah", t)                 # Abdollahian/Abdullahian, Nasrallah/Nasrullah
    return re.sub(r"(iy|ij|y)$", "i", t)               # Zelenskiy/Zelensky, Dmitriy/Dmitry, Sergey/Sergei


_VARIANTS = {_fold(v): _fold(group.split()[0]) for group in _SAME_NAME for v in group.split()}


@lru_cache(maxsize=65536)
def _translit_tokens(name: str) -> tuple[str, ...]:
    words, out = name_key(name).split(), []
    for i, w in enumerate(words):
        if 0 < i < len(words) - 1 and w in ("al", "el"):
            continue                                   # Bashar al-Assad = Bashar Assad; not "El Salvador"
        f = _fold("bin" if i and w in ("ben", "ibn") else w)
        out.append(_VARIANTS.get(f, f))
    return tuple(out)


def translit_key(name: str) -> str:
    """'Volodymyr Zelenskyy' → 'volodymyr zelenski'; 'Muammar Qaddafi', 'Muammar Gadhafi' → 'muamar kadafi'."""
    return " ".join(_translit_tokens(name))


def blocking_keys(name: str, kind: str) -> set[str]:
    """Index keys; the store indexes every name and alias of a ledger actor and looks up every form of a new one.

    Two spellings that ``match`` can merge share a key: the full transliteration key (exact, alias and
    transliteration matches), the surname (short names), first initial + consonant skeleton of the surname
    (fuzzy person names), the state-normalised name (organisations, places).
    """
    keys = {f"{kind}:{translit_key(name)}"}
    if kind == "person" and len(_translit_tokens(name)) > 1:
        keys.add(f"person:compact:{''.join(_translit_tokens(name))}")   # Amirabdollahian / Amir-Abdollahian
    if kind == "person":
        # "Jr." stays in the name (Donald Trump Jr. is not Donald Trump) but is no surname to look up by
        if toks := [t for t in _translit_tokens(name) if t not in ("jr", "sr", "ii", "iii")]:
            keys.add(f"person:last:{toks[-1]}")
            keys.add(f"person:skel:{toks[0][:1]}:{toks[-1][:1]}{re.sub('[aeiouy]', '', toks[-1][1:])}")
    elif kind == "organization":
        if (state := _org_state(name))[0]:
            keys.add(f"organization:state:{state[0]}:{state[1]}")
        keys.add("organization:pre:" + " ".join(sorted(t[:4] for t in _translit_tokens(name))))
    elif kind == "place":
        keys.add(f"place:canon:{_place(name)}")
    return keys


# --- gazetteer --------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Gazetteer:
    state: dict[str, str]                      # name key → state: countries, variants, capitals, institutions
    country: dict[tuple[str, ...], str]        # tokens naming a country: names, variants, demonyms
    designation: dict[tuple[str, ...], str]    # any of the above, for reading titles ("Kremlin spokesman")
    place: dict[str, str]                      # name key → canonical place: "kiev" → "Kyiv"
    given: frozenset[str]                      # known given names (first_names.tsv)
    organs: frozenset[str]                     # nouns for bodies of a state: ministry, embassy, army …


@cache
def _gazetteer() -> _Gazetteer:
    lex = lexicon()
    capital_of = {country: capital for capital, country in lex.capital_country.items()}
    text = resources.files("onrecord.data").joinpath("gazetteer.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows += [[c, c, "country"] for c in lex.countries] + [[c, s, "capital"] for c, s in lex.capital_country.items()]
    rows += [[i, s, "organization"] for i, s in lex.institution_country.items()]
    state = {name_key(alias): name for alias, name, _kind in rows}
    place = {name_key(alias): name if kind == "country" else capital_of.get(name, alias)
             for alias, name, kind in rows if kind != "organization"}
    country = {tuple(name_key(alias).split()): name for alias, name, kind in rows if kind == "country"}
    country.update({tuple(name_key(d).split()): name for d, name in lex.demonym_country.items()})
    designation = {**{tuple(k.split()): v for k, v in state.items()}, **country}
    organs = {n for n, cls in lex.noun_class.items() if cls == "organization" and " " not in n} - _NOT_ORGANS
    return _Gazetteer(state, country, designation, place, frozenset(lex.first_name_gender), frozenset(organs))


def _find_state(tokens: Sequence[str], index: dict[tuple[str, ...], str]) -> tuple[str, int, int] | None:
    """Leftmost run of tokens naming a state that is the actor's own (not after 'to', 'with' …)."""
    for i in range(len(tokens)):
        for n in (4, 3, 2, 1):
            if i + n <= len(tokens) and (found := index.get(tuple(tokens[i:i + n]))):
                if (before := [t for t in tokens[:i] if t != "the"]) and before[-1] in _HOST_WORDS:
                    break
                return found, i, i + n
    return None


def state_of(name: str) -> str | None:
    """'Tehran' → 'Iran', 'the Kremlin' → 'Russia', 'U.S.' → 'United States', 'Iran's government' → 'Iran'."""
    g, key = _gazetteer(), name_key(name)
    head, _, last = key.rpartition(" ")
    return g.state.get(key) or (g.country.get(tuple(head.split())) if last in _GOVERNMENT else None)


def affiliation_of(name: str, titles: Sequence[str]) -> str | None:
    """The state an actor belongs to: from its titles first, then from an institution's own name."""
    for title in titles:
        if found := _find_state(name_key(title).split(), _gazetteer().designation):
            return found[0]
    return state_of(name) or _org_state(name)[0]


@lru_cache(maxsize=65536)
def _org_state(name: str) -> tuple[str | None, str]:
    """("Russia", "foreign ministry") for 'Russian Foreign Ministry', "Russia's foreign ministry",
    'Foreign Ministry of Russia'; ("United States", "state department") for 'State Department' and
    'U.S. State Department'. Only for bodies of a state: 'American Airlines' keeps (None, …)."""
    g = _gazetteer()
    toks = name_key(name).split()
    for n in (4, 3, 2, 1):
        state, rest = g.country.get(tuple(toks[:n])), toks[n:]
        if state is None and n + 1 < len(toks) and toks[-n - 1] == "of":
            state, rest = g.country.get(tuple(toks[-n:])), toks[:-n - 1]
        if state and rest and (g.organs.intersection(rest) or g.state.get(" ".join(rest)) == state):
            return state, " ".join(rest)
    key = " ".join(toks)
    return (g.state[key], key) if key in g.state else (None, key)


def _place(name: str) -> str:
    return _gazetteer().place.get(name_key(name)) or translit_key(name)


# --- matching ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Form:
    text: str
    key: str
    translit: str
    tokens: tuple[str, ...]      # transliteration tokens
    first_raw: str               # first word as written, for the given-name list
    usable: bool    # not a description ("White House spokesman": unnamed actors' names) nor a bare surname alias


def _subname(short: Sequence[str], full: Sequence[str]) -> bool:
    """'Zakharova' ⊂ 'Maria Zakharova', 'J. Smith' ⊂ 'John Smith', 'Amir Abdollahian' ⊂ 'H. Amir Abdollahian'."""
    if len(short) >= len(full) or not short or short[-1] != full[-1]:
        return False
    j = 0
    for tok in short[:-1]:
        while j < len(full) - 1 and not _same_token(tok, full[j]):
            j += 1
        if j == len(full) - 1:
            return False
        j += 1
    return not _same_token(short[0], full[0]) or _middles_agree(short, full)


def _middles_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    """George W. Bush is not George H. W. Bush: when both give middle names they must be the same ones."""
    ma, mb = a[1:-1], b[1:-1]
    return not (ma and mb and (len(ma) != len(mb) or not all(map(_same_token, ma, mb))))


def _same_token(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


_SUFFIX_TOKENS = ("jr", "sr", "ii", "iii", "iv")


def _surname(tokens: Sequence[str]) -> str:
    core = [t for t in tokens if t not in _SUFFIX_TOKENS]
    return core[-1] if core else ""


def _alias_of_person(alias: Sequence[str], main: Sequence[str]) -> bool:
    """Can this alias stand for the person on its own? Only a fuller or equal form of the same name: two words or
    more, the same surname and a given name that agrees. A bare given name ('Bill'), a bare surname ('Trump'),
    a title or a headline fragment ('Anti-Donald Trump' seen in 'Marco Rubio Donor's Anti-Donald Trump …') would
    carry the next article's 'Bill' or 'Trump' to the wrong person."""
    if len(alias) < 2 or len(main) < 2:
        return tuple(alias) == tuple(main)
    if _subname(alias, main) or _subname(main, alias):
        return True                   # 'Amir Abdollahian' of 'Hossein Amir-Abdollahian'
    if _surname(alias) != _surname(main) or [t for t in alias if t in _SUFFIX_TOKENS] != [
            t for t in main if t in _SUFFIX_TOKENS]:
        return False
    x, y = alias[0], main[0]
    if _same_token(x, y) or _NICKNAMES.get(x, x) == _NICKNAMES.get(y, y):
        return True
    # seen for this person in one article: a spelling of the same given name (Maria/Mariya), not Ivanka/Donald
    return x[0] == y[0] and not _gendered(x, y) and fuzz.ratio(x, y) / 100 >= FIRST_NAME_CLOSE


@lru_cache(maxsize=65536)
def _forms(name: str, aliases: tuple[str, ...], kind: str) -> tuple[_Form, ...]:
    main, out = _translit_tokens(name), []
    for i, text in enumerate((name, *aliases)):
        toks = _translit_tokens(text)
        usable = _is_name(text, kind) and (i == 0 or kind != "person" or _alias_of_person(toks, main))
        out.append(_Form(text, name_key(text), " ".join(toks), toks, (name_key(text).split() or [""])[0], usable))
    return tuple(f for f in out if f.key)


def article_scoped(actor: Actor) -> bool:
    """A group, a generic label ('voters', 'woman', 'candidate', 'polls', 'Republicans') or an unnamed description
    ('White House spokesman', 'the Vermont senator'): many people across articles, so never one ledger actor."""
    if actor.kind == "group" or is_generic(actor.name):
        return True
    return actor.kind in ("person", "unknown") and not _is_name(actor.name, "person")


def _is_name(text: str, kind: str) -> bool:
    """A person's name is capitalised but for particles (al-, bin, von); any other name has a capital somewhere."""
    words = [w for w in re.split(r"[\s\-]+", text) if w[:1].isalpha()]
    if kind == "person":
        return bool(words) and all(w[0].isupper() or w.casefold() in _PARTICLES for w in words)
    return any(w[0].isupper() for w in words)


def _gendered(a: str, b: str) -> bool:
    """Zakharov/Zakharova, Alexander/Alexandra: Slavic and Latin feminine forms are other people."""
    return any(y == x + "a" or (x.endswith("er") and y == x[:-2] + "ra") or (x.endswith("i") and y == x[:-1] + "aya")
               for x, y in ((a, b), (b, a)))


def _first_compatible(a: _Form, b: _Form) -> bool:
    x, y = a.tokens[0], b.tokens[0]
    if _same_token(x, y) or _NICKNAMES.get(a.first_raw, x) == _NICKNAMES.get(b.first_raw, y):
        return True
    # Maria ≠ Marina, Ivanka ≠ Ivana, Khizr ≠ Ghazala: two listed given names are two people, however alike;
    # only an unlisted spelling (Volodimir, a romanisation) may be a variant of a listed one
    if (is_given_name(a.first_raw) and is_given_name(b.first_raw)) or _gendered(x, y):
        return False
    return x[0] == y[0] and fuzz.ratio(x, y) / 100 >= FIRST_NAME_CLOSE


def _person_fuzzy(a: _Form, b: _Form) -> tuple[float, bool] | None:
    """(similarity, whether the surnames differ); a differing surname needs a shared title or state to merge."""
    if len(a.tokens) < 2 or len(b.tokens) < 2 or not _first_compatible(a, b):
        return None
    la, lb = a.tokens[-1], b.tokens[-1]
    if la != lb and (_gendered(la, lb) or fuzz.ratio(la, lb) < 80) or not _middles_agree(a.tokens, b.tokens):
        return None
    # same surname and a compatible first name (Mike/Michael, Volodymyr/Volodimir) is enough on its own
    score = max(fuzz.ratio(a.translit, b.translit) / 100, FUZZY_PERSON if la == lb else 0.0)
    return (score, la != lb) if score >= FUZZY_PERSON else None


def _org_fuzzy(a: _Form, b: _Form) -> tuple[float, bool] | None:
    if len(a.tokens) < 2 or len(a.tokens) != len(b.tokens) or _org_state(a.text)[0] != _org_state(b.text)[0]:
        return None
    return (score, False) if (score := fuzz.ratio(a.translit, b.translit) / 100) >= FUZZY_ORG else None


def _stage(method: str, kind: str, mine: Sequence[_Form], theirs: Sequence[_Form]) -> tuple[float, str, bool] | None:
    """Does this rule join the two actors? (score, what was compared, whether it needs a shared title or state)."""
    pairs = [(a, b) for a in mine for b in theirs if a.usable and b.usable]
    if method == "exact-name" and (a := mine[0]).key == (b := theirs[0]).key:
        return 1.0, f"'{a.text}' = '{b.text}' (name key '{a.key}')", False
    if method == "alias":
        return next(((0.97, f"'{a.text}' = '{b.text}' (name key '{a.key}', through an alias)", False)
                     for a, b in pairs if a.key == b.key), None)
    if method == "transliteration":
        return next(((0.93, f"'{a.text}' ~ '{b.text}' (transliteration key {a.translit})", False)
                     for a, b in pairs if a.translit.replace(" ", "") == b.translit.replace(" ", "")
                     and (len(a.tokens) > 1) == (len(b.tokens) > 1)), None)
    if method == "short-name":
        for a, b in pairs:
            if _subname(a.tokens, b.tokens):
                return 0.85, f"'{a.text}' is a short form of '{b.text}'", False
            if len(b.tokens) > 1 and _subname(b.tokens, a.tokens):
                return 0.85, f"'{b.text}' is a short form of '{a.text}'", False
    if method == "fuzzy-name":
        similar = _person_fuzzy if kind == "person" else _org_fuzzy
        scored = [(*r, a, b) for a, b in pairs if (r := similar(a, b)) is not None]
        if scored:
            s, support, a, b = max(scored, key=lambda t: (t[0], not t[1]))
            return min(s, 0.9), f"'{a.text}' ~ '{b.text}' (similarity {s:.2f} of {a.translit} / {b.translit})", support
    if method == "gazetteer":
        for a, b in pairs:
            known = a.key in _gazetteer().place or b.key in _gazetteer().place
            if kind == "place" and known and _place(a.text) == _place(b.text):
                return 0.95, f"'{a.text}' = '{b.text}' (both name {_place(a.text)})", False
            sa = _org_state(a.text)
            if kind == "organization" and sa[0] and sa == _org_state(b.text):
                return 0.95, f"'{a.text}' = '{b.text}' (both the {sa[1]} of {sa[0]})", False
    return None


_STAGES = {"person": ("exact-name", "alias", "transliteration", "short-name", "fuzzy-name"),
           "organization": ("exact-name", "alias", "gazetteer", "transliteration", "fuzzy-name"),
           "place": ("exact-name", "alias", "gazetteer", "transliteration")}   # no fuzzy places: Austria/Australia


def _title_set(title: str) -> frozenset[str]:
    """'Russian foreign ministry spokeswoman' and 'foreign ministry spokeswoman' → the same role."""
    toks = name_key(title).split()
    while found := _find_state(toks, _gazetteer().designation):
        toks = toks[:found[1]] + toks[found[2]:]
    return frozenset(t for t in toks if t not in _TITLE_STOP)


@dataclass(frozen=True, slots=True)
class _Hit:
    candidate: Candidate
    score: float
    detail: str
    needs_support: bool          # fuzzy surname: only a shared title or state makes it a merge
    affiliation: str | None
    shared_title: str | None


def match(actor: Actor, candidates: Sequence[Candidate], *, context: Sequence[str] = (),
          said_gender: str | None = None) -> Match | None:
    """The ledger actor ``actor`` is, or None (a new actor). ``candidates``: every actor sharing a blocking key.

    Rules run strongest first; the first that joins any candidate decides. Under weak rules (all but exact name
    and alias) a candidate of another state or one speaking separately here (``context``) is out. Of two or more,
    a shared title, the same state or a state named in the article picks one; else None, not a guess.
    ``said_gender``: the gender the article's own mentions of the actor give ('she', 'Mrs. Clinton'; see
    ``names.mention_gender``), weighed with the one its name and titles give.
    """
    if article_scoped(actor):
        return None
    pool, mine = [c for c in candidates if c.kind == actor.kind], _forms(actor.name, actor.aliases, actor.kind)
    if not pool or not mine:
        return None
    gender_note = ""
    if actor.kind == "person":
        # Mrs. Clinton is not Bill Clinton, Mr. Trump not Ivanka Trump: a known gender on both sides must agree.
        # The article's own "she" counts too: a bare "Clinton" the article calls "she" is not Bill (name, titles
        # and mentions that disagree say nothing)
        said = {g for g in (person_gender(actor.name, actor.titles), said_gender) if g}
        gender = said.pop() if len(said) == 1 else None
        kept = [c for c in pool if not (gender and (g := person_gender(c.name, c.titles)) and g != gender)]
        if gender and gender == said_gender and len(kept) < len(pool) and len(mine[0].tokens) == 1:
            gender_note = (f"{'she' if gender == 'f' else 'he'} in this article, unlike "
                           + ", ".join(sorted({c.name for c in pool if c not in kept})))
        pool = kept
        bare = len(mine[0].tokens) == 1
        if bare and any(len(_translit_tokens(c.name)) > 1 for c in pool):
            # a bare surname ('Clinton') joins no other bare 'Clinton' when full names with it are known: that
            # pool would hold Bill's and Hillary's words at once; the short-name rule below decides instead
            pool = [c for c in pool if len(_translit_tokens(c.name)) > 1]
    # the full name that comes after its surname alone ("Obama" in one article, "Barack Obama" in a later one):
    # the ledger's only actor of that surname, known so far by the surname alone, is this person, as a bare
    # "Obama" after "Barack Obama" would be; with a full-named bearer of the surname it stays apart
    only_bare = None
    if actor.kind == "person" and len(mine[0].tokens) > 1 and mine[0].usable and is_given_name(mine[0].first_raw):
        # ("Derelict Obama", a headline's adjective, claims nobody)
        surname = _surname(mine[0].tokens)
        same = [c for c in pool if _surname(_translit_tokens(c.name)) == surname]
        bare_ones = [c for c in same if all(len(_translit_tokens(n)) == 1 for n in (c.name, *c.aliases))]
        # any full-named bearer of the surname, of either gender, and the bare actor may be theirs
        named = [c for c in candidates if c.kind == "person" and len(_translit_tokens(c.name)) > 1
                 and _surname(_translit_tokens(c.name)) == surname and is_given_name(name_key(c.name).split()[0])]
        # a bare "James" or "Kelly" may be somebody's given name used alone: only a word that is no given name
        if len(bare_ones) == 1 and not named and not is_given_name(bare_ones[0].name):
            only_bare = bare_ones[0]
    own = affiliation_of(actor.name, actor.titles)
    titles, here = {k: t for t in actor.titles if (k := _title_set(t))}, {name_key(n) for n in context}
    context_states = {s for n in context if (s := affiliation_of(n, ()))}

    def other_state(h: _Hit) -> bool:
        return bool(own and h.affiliation and h.affiliation != own)

    # unknown, group and unnamed actors ("White House spokesman") merge on the exact name only
    for method in _STAGES.get(actor.kind, ("exact-name",)) if mine[0].usable else ("exact-name",):
        hits = []
        for c in pool:
            if found := _stage(method, actor.kind, mine, _forms(c.name, c.aliases, c.kind)):
                shared = next((t for k, t in titles.items() if any(_title_set(x) == k for x in c.titles)), None)
                hits.append(_Hit(c, *found, c.affiliation or affiliation_of(c.name, c.titles), shared))
        weak = method not in ("exact-name", "alias")
        apart = [h.candidate.name for h in hits if weak and name_key(h.candidate.name) in here]
        if weak:
            hits = [h for h in hits if not other_state(h) and h.candidate.name not in apart
                    and not (h.needs_support and h.shared_title is None and not (own and h.affiliation == own))]
        reason = f"not '{apart[0]}', who speaks separately in this article" if apart else ""
        for label, keep in (("the only one not of another state", lambda h: not other_state(h)),
                            ("the only one with that title", lambda h: h.shared_title is not None),
                            ("the only one of the same state", lambda h: own is not None and h.affiliation == own),
                            ("the only one of a state in the article", lambda h: h.affiliation in context_states)):
            if len(hits) > 1 and (narrowed := [h for h in hits if keep(h)]):
                hits, reason = narrowed, label
        if len(hits) > 1 and method == "short-name" and (found := _dominant(hits)) is not None:
            hits, reason = [found[0]], found[1]
        if not hits and method == "short-name" and only_bare is not None and name_key(only_bare.name) not in here:
            hits = [_Hit(only_bare, 0.8, f"'{only_bare.name}' is a short form of '{actor.name}' and the ledger's only "
                         f"actor of that surname, named by it alone so far", False,
                         only_bare.affiliation or affiliation_of(only_bare.name, only_bare.titles), None)]
            hits = [h for h in hits if not other_state(h)]
        if len(hits) > 1:
            return None                                    # "Clinton" with Bill and Hillary in the ledger
        if hits and gender_note and person_gender(hits[0].candidate.name, hits[0].candidate.titles) != gender:
            # the article's "she" ruled the others out, but nothing says this one is a woman either ("Senators
            # Rubio", a misread name): a pronoun resolved to the wrong person must not pick an actor
            return None
        if hits:
            h = hits[0]
            parts = [h.detail, f"both {actor.kind}", h.shared_title and f"title '{h.shared_title}' shared",
                     own and h.affiliation == own and f"both {own}", reason, gender_note]
            return Match(h.candidate.id, method, round(h.score, 3), ", ".join(p for p in parts if p))
    return None


# A bare surname goes to one of several bearers only when that one holds nearly all of their statements so far
# (a "Trump" with no given name in 2016 coverage, where Donald holds 95% of the Trumps' statements). Below this
# share ("Clinton": Hillary and Bill both speak often) the mention stays an actor of its own: a miss, not a guess.
DOMINANT_SHARE = 0.9
DOMINANT_MIN = 20       # statements the dominant bearer must already hold: early in a ledger nobody dominates


def _dominant(hits: Sequence[_Hit]) -> tuple[_Hit, str] | None:
    total = sum(h.candidate.statements for h in hits)
    top = max(hits, key=lambda h: h.candidate.statements)
    if top.candidate.statements >= DOMINANT_MIN and top.candidate.statements >= DOMINANT_SHARE * total:
        return top, (f"the dominant bearer of the name: {top.candidate.statements} of the {total} statements of "
                     f"the {len(hits)} candidates")
    return None
