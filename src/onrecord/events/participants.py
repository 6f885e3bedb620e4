"""Who takes part in an act: names read off a stretch of the parse, each made a canonical participant of one kind.

The small parser mislabels names ("Oleg Petrov" ORG, "Kharkiv" PERSON) and cuts sentences at ranks ("Brig."), so
names are read as runs of proper nouns and their kind is decided from the name itself: a legal form (rigour's
list) makes a company, a country name a state, an organisation word an organisation, a known given name or a rank
a person; the entity label is the last resort.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rigour.names import extract_org_types
from rigour.territories import lookup_territory
from spacy.tokens import Doc, Token

from ..article import Participant, Span
from ..attribution.lexicon import lexicon

# ranks and honorifics that open a listed person's name: "Brig. Gen. Ali Karimi" is the person Ali Karimi
RANKS = frozenset("""mr mrs ms dr gen general brig brigadier col colonel lt lieutenant maj major capt captain adm
admiral sgt sergeant cmdr commander rear vice air marshal prof professor sir sheikh president minister deputy
senator sen rep gov governor""".split())
# words that make a name an organisation ("Ministry of Defence", "Revolutionary Guard Corps", "Wagner Group")
ORG_WORDS = frozenset("""ministry corps guard guards council agency army forces force committee organization
organisation centre center university institute service services department office navy directorate command
commission union party movement front brigade battalion regiment foundation fund authority court parliament
government treasury administration network division academy association federation media agency bureau
""".split())
# a last word that makes a name a company where rigour's legal forms say nothing ("Volga Shipping")
COMPANY_WORDS = frozenset("""company industries industry shipping trading engineering enterprises enterprise holding
holdings group corporation airlines lines logistics petroleum energy electronics technologies technology systems
aviation aerospace manufacturing exports imports bank co inc corp ltd llc limited""".split())
# banks of a state are organisations, other banks companies
STATE_BANKS = re.compile(r"\b(central|national|reserve|people'?s) bank\b|\bbank of\b", re.I)
# tokens allowed inside a name between proper nouns: "Bank of Russia", "Black & Decker"
# abbreviations that keep their dot at the end of a name
DOTTED = frozenset({"Co", "Ltd", "Inc", "Corp", "Jr", "Sr", "St", "Bros"})
# articles written joined to a name by a hyphen: "al-Shabaab", "el-Fasher", "ad-Dawla"
NAME_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "an", "ar", "at", "az"})
JOINERS = frozenset({"of", "&", "-", "al", "bin", "ibn", "de", "van", "von", "del", "da", "dos", "das", "di", "du",
                     "der", "den"})
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# a name right after these is a description of the target, not a target: "officers OF the IRGC", "based IN Dubai"
DESCRIBING = frozenset({"of", "in", "from", "at", "by", "with", "for", "'s", "’s", "based", "including"})


# "the Bryansk region": a name before these is the place itself
AREA_WORDS = frozenset({"region", "province", "oblast", "district", "city", "area", "state", "governorate", "county"})


def fold(text: str) -> str:
    """A comparison key: lower case, accents and dots off, no leading article ("the U.S." → "us")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace(".", "")
    text = re.sub(r"[’']s\b", "", text)
    text = re.sub(r"[^\w&]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@lru_cache(maxsize=4096)
def state_of(name: str) -> str | None:
    """The canonical country a name stands for ("Britain" → "United Kingdom"), or None."""
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    if bare in lexicon().capital_country:
        return None         # rigour's territories answer "Beirut" with Lebanon: a city struck is not its state
    territory = lookup_territory(bare)
    if territory is not None and territory.is_country:
        return str(territory.name)
    return bare if bare in lexicon().countries else None


def is_union(name: str) -> bool:
    return fold(name) in ("eu", "european union")


TIME_WORDS = CALENDAR | frozenset({"today", "yesterday", "tonight", "overnight", "morning", "evening", "night",
                                   "week", "weekend", "month", "year", "day", "afternoon", "noon", "midnight"})


def is_time(tok: Token) -> bool:
    """A word of a date or time: "Odesa overnight" is one TIME entity to the small model, but Odesa is a name."""
    return tok.lower_ in TIME_WORDS or tok.like_num or tok.ent_type_ in NOT_NAMES and not tok.text[:1].isupper()


def _namey(tok: Token) -> bool:
    if tok.ent_type_ in NOT_NAMES and tok.ent_type_ not in ("DATE", "TIME") or is_time(tok):
        return False
    if tok.pos_ == "PROPN":
        return tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text == "."
    # capitalised nouns inside a named entity: "Industries", "Guards" tagged NOUN; at a sentence's start only when
    # the entity opens there and is not a word the language also has in lower case ("Hanwha will deliver …")
    if not (tok.text[:1].isupper() and tok.ent_type_ in ("ORG", "PERSON", "GPE", "FAC", "LOC")):
        return False
    return tok.i > tok.sent.start or tok.ent_iob_ == "B" and tok.is_alpha


def chunks(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges [s, e) of the names between tokens ``start`` and ``end``."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        if not _namey(doc[i]) or doc[i].text == ".":
            i += 1
            continue
        j = i + 1
        # a name runs on past the end of the stretch: the parser may cut "Abdel Rahim | Dagalo"
        limit = len(doc) if doc[end - 1].text != "." and end < len(doc) and "\n" not in doc[end - 1].whitespace_ \
            else end
        while j < limit:
            tok = doc[j]
            if _namey(tok):
                j += 1
            elif tok.text == "." and len(doc[j - 1].text) <= 5 and doc[j - 1].text[:1].isupper() and (
                    j + 1 < limit and _namey(doc[j + 1]) and doc[j + 1].text != "." or doc[j - 1].text in DOTTED):
                j += 1          # "Brig. Gen." and "Co." split as two tokens; a sentence's stop is not the name's
            elif tok.lower_ == "of" and _ranked_person(doc, i, j):
                break           # "Colonel Pak Chol Nam of the Reconnaissance General Bureau": his unit, not his name
            elif tok.lower_ in JOINERS and j + 1 < limit and _namey(doc[j + 1]) and doc[j + 1].text != ".":
                j += 1
            elif (tok.lower_ == "of" and j + 2 < limit and doc[j + 1].lower_ == "the" and _namey(doc[j + 2])
                  and doc[j + 2].text != "."):
                j += 2          # "Council of the European Union"
            elif (tok.lower_ == "and" and tok.ent_iob_ == "I" and j + 1 < limit and doc[j + 1].ent_iob_ == "I"
                  and fold(doc[j - 1].text) not in COMPANY_WORDS):   # "A Ltd and B LLC" are two
                j += 1          # the entity runs on: "Myanma Oil and Gas Enterprise"
            elif (tok.pos_ == "CCONJ" and tok.text[:1].isupper() and tok.text[1:].islower() and tok.i > tok.sent.start
                  and j + 1 < limit and _namey(doc[j + 1]) and doc[j + 1].text != "."):
                j += 1          # a capitalised "Or", "And" is inside a name: "Sahel Or SA"
            elif (tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.i > tok.sent.start
                  and tok.ent_type_ not in NOT_NAMES):
                j += 1          # a capitalised common noun closing a name: "Severny Credit"
            else:
                break
        j = _legal_form_end(doc, i, j)
        # "al-Shabaab", "el-Sisi": the article joined by a hyphen belongs to the name
        if (i - 2 >= start and doc[i - 1].text == "-" and doc[i - 2].lower_ in NAME_ARTICLES
                and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_):
            i -= 2
        out.append((i, j))
        i = j
    return out


def _ranked_person(doc: Doc, i: int, j: int) -> bool:
    """Tokens [i, j) are a rank followed by a name: "Colonel Pak Chol Nam" (not "Minister" alone)."""
    words = [t.lower_.rstrip(".") for t in doc[i:j] if t.text != "."]
    return bool(words) and words[0] in RANKS and any(w not in RANKS for w in words)


def _legal_form_end(doc: Doc, i: int, j: int) -> int:
    """The end of a company name that goes on with its legal form in lower case or after a comma ("Vertex Aero
    s.r.o.", "Sobaek Digital Solutions Co., Ltd."): rigour's list of legal forms says where the name stops."""
    best = j
    for k in range(j, min(j + 4, len(doc))):
        if "\n" in doc[k - 1].whitespace_ or doc[k].is_space or not (
                "." in doc[k].text or doc[k].text == "," or doc[k].text[:1].isupper()):
            break       # a legal form is abbreviated or capitalised: "s.r.o.", "GmbH", never "is" or "in"
        start = doc[i].idx
        text = doc.text[start:doc[k].idx + len(doc[k].text)]
        forms = extract_org_types(text)
        if forms and text.endswith(forms[-1][0]) and start + len(text) - len(forms[-1][0]) <= doc[j].idx:
            best = k + 1
    return best


def participant(doc: Doc, s: int, e: int, role: str = "target") -> Participant | None:
    """The participant named by tokens [s, e): ranks stripped, kind decided, states under their canonical name.
    ``role`` agent lets a capital stand for its state ("Washington imposed …"); a target keeps the city."""
    had_rank = False
    while s < e and (doc[s].lower_.rstrip(".") in RANKS or doc[s].text == "." or doc[s].lower_ == "the"):
        had_rank = had_rank or doc[s].lower_.rstrip(".") in RANKS
        s += 1
    while e > s and doc[e - 1].text in ("-", "&") or e > s and doc[e - 1].lower_ in ("'s", "’s"):
        e -= 1
    if s >= e:
        return None
    start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
    mention = Span.of(doc.text, start, end)
    name = mention.text.rstrip(".") if not extract_org_types(mention.text) else mention.text
    kind = kind_of(name, [t.ent_type_ for t in doc[s:e]], had_rank)
    if kind == "state":
        name = state_of(name) or name
    elif role in ("agent", "state") and (capital := lexicon().capital_country.get(name)):
        name, kind = state_of(capital) or capital, "state"
    if is_union(name):
        name, kind = "European Union", "organization"
    return Participant(name, kind, mention)


def kind_of(name: str, labels: list[str], had_rank: bool = False) -> str:
    words = fold(name).split()
    if not words:
        return "organization"
    if STATE_BANKS.search(name):
        return "organization"
    if extract_org_types(name) or words[-1] in COMPANY_WORDS:
        return "company"
    if state_of(name):
        return "state"
    if ORG_WORDS.intersection(words) or re.fullmatch(r"[A-Z]{2,6}", name):
        return "organization"
    if had_rank or words[0] in lexicon().first_name_gender and len(words) >= 2:
        return "person"
    if len(words) == 1 and name.endswith("is") or labels and labels[-1] == "NORP":
        return "group"      # "the Houthis", "the Taliban"
    territory = lookup_territory(name)
    if territory is not None or name in lexicon().capital_country:
        return "place"
    label = next((lab for lab in labels if lab), "")
    return {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}.get(
        label, "organization")


def names_in(doc: Doc, start: int, end: int, role: str = "target", places: bool = False,
             modifiers: bool = False) -> list[Participant]:
    """Every participant named between tokens ``start`` and ``end`` except names that only describe another
    ("officers OF the Revolutionary Guards", "Iran'S ministry"); ``places``: only the names after "in"/"near"
    ("a depot IN Bryansk"), for a struck thing that has no name of its own; ``modifiers``: also names that own or
    qualify an unnamed target ("Syria's energy sector", "the RSF leadership")."""
    found: list[Participant] = []
    last_end = -1
    for s, e in chunks(doc, start, end):
        previous_end, last_end = last_end, e
        if s >= 1 and doc[s - 1].text == "(" and previous_end == s - 1:
            continue            # "the Republic of Korea (DPRK)": the short form of the name before, read with it
        before = s - 1
        while before >= start and doc[before].lower_ in ("the", "a", "an"):
            before -= 1
        prev = doc[before].lower_ if before >= start else None
        possessor = e < len(doc) and doc[e].lower_ in ("'s", "’s")
        if places:
            # "a depot in Bryansk", "Beirut's southern suburbs", "Russia's Bryansk region", "the centre of Sumy"
            if not (prev in ("in", "near", "outside", "around", "of", "'s", "’s") or possessor):
                continue
        else:
            if prev in DESCRIBING or possessor and not modifiers:
                continue
            if (e < len(doc) and (doc[e].pos_ in ("NOUN", "PROPN", "ADJ") or doc[e].text in ("-", "–"))
                    and doc[e].lower_ not in AREA_WORDS and not modifiers):
                continue        # "Iranian-made", "Russia-based firms": a modifier, not a name
        if e - s == 1 and any(c.dep_ == "nummod" for c in doc[s].children):
            continue            # "15 Britons", "three Iranians": counted people, not a name
        if modifiers and e - s == 1 and doc[s].lower_ in lexicon().demonym_country:
            continue            # "the Czech drone maker": a demonym describes the target, it is not one
        p = participant(doc, s, e, role)
        if p is not None and all(fold(p.name) != fold(q.name) for q in found):
            found.append(p)
    return found


def named_by(doc: Doc, head: Token, role: str = "agent", as_word: bool = False) -> Participant | None:
    """The participant a noun phrase's head names: the name itself, or the state of a demonym or possessor
    ("Russian forces" → Russia, "Iran's navy" → Iran); None for "officials", "it". ``as_word``: the token is
    itself a modifier ("a RUSSIAN strike")."""
    if as_word and (country := lexicon().demonym_country.get(head.lower_)):
        mention = Span.of(doc.text, head.idx, head.idx + len(head.text))
        return Participant(state_of(country) or country, "state", mention)
    found = chunks(doc, head.left_edge.i, head.right_edge.i + 1)
    for s, e in found:
        if s <= head.i < e:
            return participant(doc, s, e, role)
    for s, e in found:
        if e == head.i and head.pos_ == "NOUN" and doc[s].lower_ not in lexicon().demonym_country:
            return participant(doc, s, e, role)     # "al-Shabaab fighters": the name that qualifies the noun
    lex = lexicon()
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and (p := named_by(doc, child, role)) is not None:
            return p        # "the Norwegian defence firm Nordhav Defence AS" is the firm, not Norway
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod") and (country := lex.demonym_country.get(child.lower_)):
            return Participant(state_of(country) or country, "state", Span.of(doc.text, child.idx,
                                                                                 child.idx + len(child.text)))
        if child.dep_ in ("poss", "compound") and _namey(child):
            return named_by(doc, child, role)
    return None
