"""Stage 3b: a parsed Doc and its attributions become Event records — who sanctions, supplies or strikes whom.

Frames are read off the dependency parse: an act word (event_types.tsv) with its subject as agent and its object
or "on/against/to/at" phrase as targets. Precision first: an act needs a target (sanctions, attacks) or a theme
and a recipient (transfers); a word that only sometimes names an act needs its context (a weapon, a listing).
The attributions are read, never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..article import Attribution, Event, Participant, Span
from .agents import agent_of, co_agents
from .agents import governors as find_governors
from .dates import date_span, date_words
from .lexicon import EventLexicon, Trigger, event_lexicon
from .listings import copular_lists, onto_list
from .participants import fold, is_time, named_by, names_in

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
SANCTION_CONTEXT = re.compile(r"\b(sanction\w*|blacklist\w*|asset freeze|terroris[tm]\w*|OFAC|treasury|list)\b", re.I)
# words that end a target list: the reason, the time or a new clause follows
TARGET_STOP = frozenset({"for", "over", "because", "after", "who", "which", "that", "accused", "as", "under",
                         "amid", "in", "following", "said", "says", "saying", "to", "until", "from", "on", "since",
                         "while", "when", "citing", "alleging", "involved", "linked", "responsible", "with"})
RANK_ABBREVIATION = re.compile(r"^(Gen|Brig|Col|Lt|Maj|Capt|Adm|Sgt|Cmdr|Mr|Mrs|Ms|Dr|Co|Ltd|Inc|Corp|St|No)\.?$")
IN_FORCE_WORDS = re.compile(r"\b(tak(?:e|es|ing)|took)\s+effect\b|\b(enter|come|came|entered|comes|enters)\s+into\s+"
                            r"force\b|\beffective\s+(from|on|as\s+of)\b", re.I)
NEGATION = frozenset({"not", "never", "n't", "no"})
# what a freeze is a sanction on: "froze the assets of X" (not "froze talks", "froze prices")
ASSETS = frozenset({"asset", "fund", "property", "account", "holding"})


def trigger_needs_assets(tok: Token) -> bool:
    row = event_lexicon().verbs.get(tok.lemma_.lower())
    return row is not None and row.needs == "assets"


def find_events(doc: Doc, attributions: Sequence[Attribution] = ()) -> list[Event]:
    """Every act ``doc`` reports, in text order, one per (type, agent, targets) within the article."""
    lex = event_lexicon()
    found: list[Event] = []
    for tok in doc:
        for frame in _frames(tok, lex):
            event = _event(doc, tok, frame, lex, attributions, found)
            if event is not None:
                found.append(event)
                found.extend(_with(event, agent=co, targets=tuple(t for t in event.targets
                                                                  if fold(t.name) != fold(co.name)))
                             for co in co_agents(doc, tok, event))
    found.extend(_listed(doc, lex))
    return in_force_later(doc, _merge(_full_names(found)))


def _listed(doc: Doc, lex: EventLexicon) -> list[Event]:
    """"Those designated are A; B; and C", "Sanctioned today are A and B": the list a release closes with names
    the targets of the measure it announced before, whose agent is that measure's (or the body acting there)."""
    out = []
    for tok, copula in copular_lists(doc, lex):
        span = _sentence(doc, tok)
        end = next((t.i for t in doc[copula:] if t.idx >= span.end), len(doc))
        targets = names_in(doc, copula + 1, end, "state")
        agent = _agent_before(doc, tok.sent.start, lex)
        targets = [t for t in targets if agent is None or fold(t.name) != fold(agent.name)]
        if agent is None or not targets:
            continue
        row = lex.verbs[tok.lemma_.lower()] if tok.lemma_.lower() in lex.verbs else lex.noun_verbs["impose"]
        out.append(Event("", row.type, row.action, row.plover, row.cameo,
                         Span.of(doc.text, tok.idx, tok.idx + len(tok.text)), agent, tuple(targets), "done", span,
                         None, None, None, None, None, None))
    return out


def _agent_before(doc: Doc, before: int, lex: EventLexicon) -> Participant | None:
    """The agent of the last sanction told before token ``before``, else the body that is the subject of the
    sentence before ("OFAC took action against …")."""
    for t in reversed(doc[:before]):
        for trigger, _noun in _frames(t, lex):
            if trigger.type == "sanction" and (a := agent_of(doc, t, trigger, find_governors(t), None)) is not None:
                return a
    if before == 0:
        return None
    sent = doc[before - 1].sent
    for subj in (c for c in sent.root.children if c.dep_ == "nsubj"):
        p = named_by(doc, subj)
        if p is not None and p.kind in ("organization", "state"):
            return p
    return None


def _frames(tok: Token, lex: EventLexicon) -> list[tuple[Trigger, Token | None]]:
    """(trigger row, sanction noun) pairs for which ``tok`` is the act word."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB",) and lemma in lex.verbs and (lex.verbs[lemma].needs != "list" or onto_list(tok, lex)):
        return [(lex.verbs[lemma], None)]
    if tok.pos_ in ("VERB",) and lemma in lex.noun_verbs:
        row = lex.noun_verbs[lemma]
        for child in tok.children:
            if child.dep_ in ("dobj", "nsubjpass") and (
                    child.lemma_.lower() in lex.entry_nouns if row.needs == "entry" else _sanction_noun(child, lex)):
                return [(row, child)]
        if row.needs != "entry" and (measure := _measure_cut_off(tok, lex)) is not None:
            return [(row, measure)]
    if tok.pos_ == "NOUN" and lemma in lex.nouns:
        return [(lex.nouns[lemma], None)]
    if tok.pos_ == "NOUN" and _sanction_noun(tok, lex):
        # "is considering new sanctions against Belarus", "threatened sanctions on X": the noun is the act when a
        # status verb governs it and no act verb does
        head = tok.head
        governing = head.lemma_.lower()
        if tok.dep_ in ("dobj", "pobj") and governing in lex.status and governing not in lex.noun_verbs:
            return [(lex.noun_verbs["impose"], tok)]
        if tok.dep_ == "pobj" and head.head.lemma_.lower() in ("threaten", "warn"):
            return [(lex.noun_verbs["impose"], tok)]
    return []


def _measure_cut_off(tok: Token, lex: EventLexicon) -> Token | None:
    """A measure the parser cut off from its verb: "prolonged by twelve months its asset freeze … on X" hangs the
    freeze elsewhere. The verb has no object of its own, and the first sanction noun after it, before any other
    verb, is not another verb's object."""
    if any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return None
    for t in tok.doc[tok.i + 1:min(tok.i + 10, tok.sent.end)]:
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":"):
            return None
        if t.pos_ == "NOUN" and _sanction_noun(t, lex):
            return None if t.dep_ in ("dobj", "nsubjpass", "nsubj") and t.head.pos_ == "VERB" else t
    return None


def _sanction_noun(tok: Token, lex: EventLexicon) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "sanction" or lemma == "embargo":
        return True
    if lemma in ("measure", "restriction", "penalty"):
        return any(c.lower_ in ("restrictive", "punitive", "economic", "financial", "new", "further", "additional")
                   for c in tok.children) or bool(re.search(r"sanction", tok.sent.text, re.I))
    if lemma in ("freeze", "ban"):
        return any(c.lower_ in ("asset", "travel", "export", "import", "oil") for c in tok.children)
    if lemma == "package":
        return any(c.lemma_.lower() == "sanction" for c in tok.subtree)
    return False


# words that stand for the targets of the act told just before: "after the EU listed BOTH in June"
THOSE_BEFORE = frozenset({"both", "them", "all"})


def _event(doc: Doc, tok: Token, frame: tuple[Trigger, Token | None], lex: EventLexicon,
           attributions: Sequence[Attribution], earlier: Sequence[Event] = ()) -> Event | None:
    trigger, noun = frame
    governors = find_governors(tok)
    carrier = _carrier(tok, attributions)
    if trigger.type == "sanction":
        if trigger.needs == "sanctionword" and not SANCTION_CONTEXT.search(tok.sent.text):
            return None
        targets = _sanction_targets(doc, tok, noun)
        if not targets and noun is None and earlier and earlier[-1].type == "sanction" and any(
                c.dep_ == "dobj" and c.lower_ in THOSE_BEFORE for c in tok.children) and any(
                earlier[-1].sentence.start <= t.idx < earlier[-1].sentence.end for t in tok.sent):
            targets = list(earlier[-1].targets)     # in the same sentence as that act
        theme = None
    elif trigger.type == "transfer":
        theme_tok, targets = _transfer(doc, tok, lex)
        if theme_tok is None or not targets:
            return None
        theme = lex.themes[theme_tok.lemma_.lower()]
    else:
        theme_tok, targets = _attack(doc, tok, trigger, lex)
        if not targets or theme_tok is False:
            return None
        theme = lex.themes.get(theme_tok.lemma_.lower()) if isinstance(theme_tok, Token) else None
    if not targets:
        return None
    agent = agent_of(doc, tok, trigger, governors, carrier)
    if agent is None and trigger.type != "attack":
        # who sanctions or supplies is the point of these acts: without an agent ("companies that sell drone
        # parts", "the administration imposed") the record would mislead; an attack without one ("Drones hit
        # Kharkiv") still says who was hit, and merges with the report that names the attacker
        return None
    if agent is not None:
        targets = [t for t in targets if fold(t.name) != fold(agent.name)]
        if not targets:
            return None
    status, in_force = _status(doc, tok, noun, governors, carrier, lex)
    # "a strike on Odesa killed two people on Tuesday": the day hangs on the verb the act is subject of
    when = date_words(tok, governors + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ in SUBJECTS else []))
    date, start_day = None, None
    if when is not None:
        span = date_span(doc.text, when[0], when[1])
        if when[2] == "from":
            start_day = span
        else:
            date = span
    if in_force is None and start_day is not None and status == "done" and trigger.type == "sanction":
        status, in_force = "in force", start_day
    place = _place(doc, tok, targets, trigger.type)
    sentence = _sentence(doc, tok)
    return Event("", trigger.type, trigger.action, trigger.plover, trigger.cameo,
                 Span.of(doc.text, tok.idx, tok.idx + len(tok.text)), agent, tuple(targets), status, sentence,
                 theme, place, date, in_force, carrier.id if carrier else None,
                 (carrier.speaker.name or (carrier.speaker.mention.text if carrier.speaker.mention else None))
                 if carrier else None)


def _carrier(tok: Token, attributions: Sequence[Attribution]) -> Attribution | None:
    for att in attributions:
        if any(s <= tok.idx < e for s, e in att.content.parts):
            return att
    return None


def _region(doc: Doc, head: Token) -> tuple[int, int]:
    """Tokens of a target phrase: the head's subtree, cut before a reason or a new clause. The parser ends a
    sentence at "Brig." or "Co."; such a list goes on in the next sentence and is read there too."""
    start, end = head.left_edge.i, head.right_edge.i + 1
    sent = head.sent
    if end >= sent.end - 1 and sent.end < len(doc) and RANK_ABBREVIATION.match(doc[sent.end - 1].text.rstrip(".")
                                                                                 or doc[sent.end - 2].text):
        end = doc[sent.end].sent.end
    for i in range(head.i + 1, end):
        if doc[i].lower_ == "as" and _as_well_as(doc, i):
            continue        # "A, B and C, as well as the company D": the list goes on
        if doc[i].lower_ in TARGET_STOP and not (doc[i].lower_ in ("on", "to", "with") and doc[i - 1].lower_ == "and"):
            # "… and on the company X": a second "on" after "and" continues the list
            if doc[i].lower_ == "of" or doc[i].dep_ == "conj":
                continue
            return start, i
        if doc[i].text in (";",) or doc[i].text == "." and not RANK_ABBREVIATION.match(doc[i - 1].text):
            return start, i
    return start, end


def _as_well_as(doc: Doc, i: int) -> bool:
    """Token ``i`` is either "as" of "as well as"."""
    return doc[i + 1:i + 3].text.lower() == "well as" or i >= 2 and doc[i - 2:i].text.lower() == "as well"


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions under ``tok``, and of a repeated one ("on A, and on B" parses the second
    "on" as a conjunct); never a date ("on Friday")."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
            out.extend(g for cc in c.children if cc.dep_ == "conj" and cc.lower_ in preps
                       for g in cc.children if g.dep_ == "pobj")
        elif c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return [g for g in out if not is_time(g)]


def _sanction_targets(doc: Doc, tok: Token, noun: Token | None) -> list[Participant]:
    heads: list[Token] = []
    if noun is None and tok.pos_ == "VERB":
        heads = [c for c in tok.children if c.dep_ in ("dobj",)]
        if trigger_needs_assets(tok):
            # "froze the assets of X", "froze X's assets": the owner is the target
            heads = [g for h in heads if h.lemma_.lower() in ASSETS for g in
                     _prep_objects(h, ("of",)) + [c for c in h.children if c.dep_ == "poss" and c.pos_ != "PRON"]]
        if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
            heads = [c for c in tok.children if c.dep_ == "nsubjpass"]
    elif noun is not None:
        heads = _prep_objects(noun, ("on", "against", "targeting")) + _prep_objects(tok, ("on", "against"))
        if noun.lemma_.lower() in event_lexicon().entry_nouns:
            # "barred entry to 15 Britons", "denied visas to the officers": those refused are the targets
            heads += _prep_objects(noun, ("to", "for")) + _prep_objects(tok, ("to",))
        heads += [g for c in noun.children if c.dep_ == "acl" and c.lemma_ == "target" for g in c.children
                  if g.dep_ == "dobj"]
        # the parser hangs a list's later members on the noun: "sanctions on the firm X and the trader Y" gives
        # "trader" as a conjunct of "sanctions"; "sanctions on X and travel bans on Y" a second sanction noun
        if heads:
            for c in noun.children:
                if c.dep_ == "conj" and c.i > heads[0].i and c.pos_ in ("NOUN", "PROPN"):
                    heads += _prep_objects(c, ("on", "against")) if _sanction_noun(c, event_lexicon()) else [c]
        else:
            # "extended an arms embargo and targeted sanctions on South Sudan": the "on" hangs on the last measure
            heads = [g for c in noun.children if c.dep_ == "conj" and _sanction_noun(c, event_lexicon())
                     for g in _prep_objects(c, ("on", "against"))]
        if not heads and tok.lemma_.lower() in ("threaten", "warn"):
            heads = [c for c in tok.children if c.dep_ == "dobj" and c.i != noun.i]
        if not heads and noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in ("threaten", "warn"):
            heads = [c for c in noun.head.head.children if c.dep_ == "dobj"]
    out: list[Participant] = []
    regions, read = [], []
    queue = list(heads)
    while queue:
        head = queue.pop(0)
        s, e = _region(doc, head)
        regions.append((s, e))
        read.append(head)
        # "A, a trade representative in Vientiane, as well as the company B": the phrase that describes A ends
        # the region, but B is still a member of the list
        queue += [k for k in doc[e:head.right_edge.i + 1] if k.dep_ == "conj" and s <= k.head.i < e
                  and k not in read and k not in queue]
        for p in names_in(doc, s, e, "state"):
            if all(fold(p.name) != fold(q.name) for q in out):
                out.append(p)
        queue += _next_on(doc, e, [h.i for h in heads])
    out.extend(p for p in _colon_list(doc, tok, regions) if all(fold(p.name) != fold(q.name) for q in out))
    if not out:
        # "two police commanders, Gen. A and Col. B, whom …", "15 citizens, among them the journalist C": the
        # names of an unnamed target follow it after a comma, wherever the parser hangs them
        for _s, e in regions:
            out.extend(p for p in _apposed(doc, e) if all(fold(p.name) != fold(q.name) for q in out))
    if not out:
        # "sanctions on Syria's energy sector", "on the RSF leadership": the only name is the one that owns or
        # qualifies the target, and it is what the measure is aimed at
        # but "three officials of the DPRK", "a front company in Laos" are unnamed members: no target is named
        for head, (s, e) in zip(read, regions):
            if _counted(head):
                continue
            out.extend(p for p in names_in(doc, s, e, "state", modifiers=True)
                       if all(fold(p.name) != fold(q.name) for q in out))
    return out


APPOSED_GO_ON = frozenset({"of", "as"})


def _apposed(doc: Doc, end: int) -> list[Participant]:
    """The names listed after a comma that closes a target phrase, up to a relative pronoun, a reason or a new
    clause; a trailing ", the ministry said" is the source, not a member."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    limit = min(len(doc), end + 40)
    commas = []
    stop = limit
    for i in range(end + 1, limit):
        t = doc[i]
        if t.text == ",":
            commas.append(i)
            continue
        if "\n" in t.text or t.text in (";", ":") or t.text == "." and not RANK_ABBREVIATION.match(doc[i - 1].text):
            stop = i
            break
        if t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG"):
            stop = commas[-1] if commas else end
            break
        if t.lower_ in ("who", "whom", "which", "that", "whose") or (
                t.lower_ in TARGET_STOP and t.lower_ not in APPOSED_GO_ON and t.dep_ != "conj"):
            stop = i
            break
    return names_in(doc, end + 1, stop, "state")


def _counted(head: Token) -> bool:
    """A head counted out as unnamed members: "three officials", "a company", and its conjuncts."""
    def counted(t: Token) -> bool:
        return any(c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children)
    return counted(head) or any(counted(c) for c in head.children if c.dep_ == "conj")


def _next_on(doc: Doc, end: int, seen: list[int]) -> list[Token]:
    """A list that goes on with another "on": "on the commander X and on two companies, A and B" (the parser
    often hangs the second "on" anywhere)."""
    i = end
    while i < len(doc) and doc[i].pos_ == "PROPN":
        i += 1          # the rest of a name the region cut
    start = i
    while i < len(doc) and doc[i].text in (",", "and"):
        i += 1
    if i < len(doc) and i > start and doc[i].lower_ in ("on", "against"):
        return [g for g in doc[i].children if g.dep_ == "pobj" and g.i not in seen]
    return []


def _colon_list(doc: Doc, tok: Token, regions: list[tuple[int, int]]) -> list[Participant]:
    """Names listed after a colon that closes the target phrase: "travel bans on four officers on Tuesday:
    Gen. A, Lt. Gen. B and Col. C"."""
    if not regions:
        return []
    end = max(e for _s, e in regions)
    i = end
    while i < len(doc) and doc[i].text != ":" and (doc[i].ent_type_ in ("DATE", "TIME") or doc[i].lower_ in
                                                   ("on", "from", "as", "of", ",")):
        i += 1
    if i >= len(doc) or doc[i].text != ":" or "\n" in doc.text[doc[end - 1].idx:doc[i].idx]:
        return []
    stop = i + 1
    while stop < len(doc) and doc[stop].text != "\n" and "\n" not in doc[stop].whitespace_ \
            and not (doc[stop].text == "." and not RANK_ABBREVIATION.match(doc[stop - 1].text)):
        stop += 1
    return names_in(doc, i + 1, stop, "state")


def _transfer(doc: Doc, tok: Token, lex: EventLexicon) -> tuple[Token | None, list[Participant]]:
    """(theme noun, recipients): "supplied drones to Russia", "supplied Russia with drones", "sent Ukraine tanks"."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    withs = _prep_objects(tok, ("with",))
    theme = next((o for o in objs + withs if _theme_of(o, lex)), None)
    theme = _theme_of(theme, lex) if theme is not None else None
    recipients = _prep_objects(tok, ("to",)) + [c for c in tok.children if c.dep_ == "dative"]
    if theme is not None:
        recipients += _prep_objects(theme, ("to", "for"))
        # "send 24 howitzers and 50,000 rounds to Ukraine": the parser hangs "to" on the last conjunct
        recipients += [g for o in objs for c in o.children if c.dep_ == "conj"
                       for g in _prep_objects(c, ("to",))]
    if withs and objs and theme is not None and theme not in objs:
        recipients += [o for o in objs if not _theme_of(o, lex)]
    out: list[Participant] = []
    for head in recipients:
        s, e = _region(doc, head)
        # "to the M23 rebel group": a name that qualifies an unnamed recipient is the recipient
        found = names_in(doc, s, e, "state") or ([] if _counted(head) else names_in(doc, s, e, "state",
                                                                                    modifiers=True))
        out.extend(p for p in found if all(fold(p.name) != fold(q.name) for q in out))
    return theme, out


def _theme_of(tok: Token, lex: EventLexicon) -> Token | None:
    """The theme noun of an object phrase: the object itself ("drones") or what it counts ("batch of drones")."""
    if tok.lemma_.lower() in lex.themes:
        return tok
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.lemma_.lower() in lex.themes:
                    return g
        if c.dep_ == "compound" and c.lemma_.lower() in lex.themes and tok.lemma_.lower() in ("system", "shipment"):
            return c
        if c.dep_ == "conj" and c.lemma_.lower() in lex.themes:
            return c        # "machine tools and microchips": one of the goods is a theme
    return None


def _attack(doc: Doc, tok: Token, trigger: Trigger, lex: EventLexicon) -> tuple[Token | bool | None, list[Participant]]:
    """(weapon noun or None, or False when the word is not an attack here, targets) of an attack word."""
    weapon: Token | None = None
    if tok.pos_ == "VERB":
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        subjects = [c for c in tok.children if c.dep_ == "nsubj"] + [
            g for c in tok.children if c.dep_ == "agent" for g in c.children]
        withs = _prep_objects(tok, ("with",))
        weapon = next((w for w in withs + subjects + objs if w.lemma_.lower() in lex.weapons), None)
        if trigger.action == "launch":
            # "launched drones at Kyiv", "launched an attack on Odesa": the object is the weapon or the attack
            launched = [o for o in objs if o.lemma_.lower() in lex.weapons or o.lemma_.lower() in lex.nouns or any(
                c.dep_ == "compound" and c.lemma_.lower() in lex.weapons for c in o.children)]   # "mortar rounds"
            if not launched:
                return False, []
            weapon = launched[0] if launched[0].lemma_.lower() in lex.weapons else None
            heads = _prep_objects(tok, ("at", "on", "against", "toward", "towards")) + [
                g for o in launched for g in _prep_objects(o, ("on", "at", "against"))]
        else:
            heads = objs + _prep_objects(tok, ("on", "at"))
            # "Rapid Support Forces" keeps its plural as a proper noun's lemma; "a drone strike hit" is armed by its
            # compound
            military = any(t.lemma_.lower() in lex.military or t.lower_.removesuffix("s") in lex.military
                           or _demonym(t) for t in subjects + withs + objs) or any(
                c.lemma_.lower() in lex.weapons for o in objs + subjects for c in o.children if c.dep_ == "compound")
            if trigger.needs == "military" and not military and not _places_only(doc, heads):
                return False, []
    else:
        heads = _prep_objects(tok, ("on", "against", "of", "at"))
        weapon = next((c for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in lex.weapons), None)
        aerial = weapon is not None or any(c.lower_ in ("air", "missile", "drone", "artillery") for c in tok.children)
        if trigger.needs == "military" and not (aerial or any(_demonym(c) for c in tok.children)):
            return False, []
    out: list[Participant] = []
    for head in heads:
        if head.lemma_.lower() in lex.weapons:
            continue
        s, e = _region(doc, head)
        # an unnamed thing struck ("an oil depot in Russia's Bryansk region") is known by its place
        named = names_in(doc, s, e) or _place_of(doc, s, head.right_edge.i + 1)
        for p in named:
            if p.kind == "person" and p.mention is not None and p.mention.text.count(" ") == 0:
                p = Participant(p.name, "place", p.mention)     # "struck Kharkiv": the small model says PERSON
            if all(fold(p.name) != fold(q.name) for q in out):
                out.append(p)
    if not out and heads and tok.pos_ == "VERB":
        # "bombed villages in Paktika province", "hit a market in the city of El Obeid": the parser hangs the
        # place on the verb, and it stands for the unnamed thing struck
        for prep in _prep_objects(tok, PLACE_PREPS):
            out.extend(p for p in _place_of(doc, prep.head.i, prep.right_edge.i + 1)
                       if all(fold(p.name) != fold(q.name) for q in out))
    return weapon, out


PLACE_PREPS = ("in", "near", "around", "outside")


def _place_of(doc: Doc, start: int, end: int) -> list[Participant]:
    """The last place named in [start, end) after "in", "near", "of" or a possessor, as a place (a state stays a
    state); a one-word name the small model calls a person ("around Bara") is a place here."""
    out = []
    for p in names_in(doc, start, end, places=True):
        if p.kind == "person" and (p.mention is None or " " in p.mention.text):
            continue
        out.append(p if p.kind == "state" else Participant(p.name, "place", p.mention))
    return out[-1:]


def _places_only(doc: Doc, heads: list[Token]) -> bool:
    """The object is a named place ("shelled Kherson", "struck Odesa"): an attack whoever did it."""
    return any(h.ent_type_ in ("GPE", "LOC", "FAC") and h.pos_ == "PROPN" for h in heads)


def _demonym(tok: Token) -> bool:
    from ..attribution.lexicon import lexicon
    return tok.lower_ in lexicon().demonym_country or any(
        c.lower_ in lexicon().demonym_country for c in tok.children if c.dep_ in ("amod", "compound"))


def _status(doc: Doc, tok: Token, noun: Token | None, governors: list[Token], carrier: Attribution | None,
            lex: EventLexicon) -> tuple[str, Span | None]:
    """How far the act went: denied (a denial carries it, or it is negated), considered, threatened,
    announced, in force from a date, or done."""
    if carrier is not None and carrier.stance == "deny":
        return "denied", None
    words = [tok, *governors] + ([noun] if noun is not None else [])
    # a headline's "Ankara to sell drones to Warsaw": the bare infinitive announces
    if tok.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return "announced", None
    for w in words:
        if any(c.dep_ == "neg" or c.lower_ in NEGATION for c in w.children if c.dep_ in ("neg", "advmod", "det")):
            modal = [c for c in w.children if c.dep_ == "aux" and c.lemma_.lower() in lex.status]
            if not modal:
                return "denied", None
    for w in words:
        found = lex.status.get(w.lemma_.lower())
        if found and w is not tok:
            return found, None
        for c in w.children:
            if c.dep_ == "aux" and (found := lex.status.get(c.lemma_.lower())):
                # "said it would sell": reported speech puts "will" back into "would"
                if c.lower_ == "would" and carrier is not None and carrier.cue is not None:
                    return "announced", None
                return found, None
    # "the measures take effect on March 1", "enter into force from Monday"
    sent = tok.sent
    rest = doc.text[tok.idx:sent.end_char]
    match = IN_FORCE_WORDS.search(rest)
    if match:
        day = next((e for e in doc.ents if e.label_ == "DATE" and e.start_char >= tok.idx + match.end()
                    and e.end_char <= sent.end_char), None)
        if day is not None:
            return "in force", Span.of(doc.text, day.start_char, day.end_char)
    return "done", None


def _place(doc: Doc, tok: Token, targets: list[Participant], type_: str) -> Participant | None:
    for head in _prep_objects(tok, ("in",)):
        found = names_in(doc, head.left_edge.i, head.right_edge.i + 1)
        if found:
            return Participant(found[0].name, "place", found[0].mention)
    if type_ == "attack":
        return next((t for t in targets if t.kind in ("place", "state")), None)
    return None


def _sentence(doc: Doc, tok: Token) -> Span:
    sent = tok.sent
    start, end = sent.start_char, sent.end_char
    # the parser ends a sentence at "Brig." or "Co.": the act's sentence runs on through the next one
    while sent.end < len(doc) and _ends_at_abbreviation(doc, sent):
        sent = doc[sent.end].sent
        end = sent.end_char
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Span.of(doc.text, start, end)


def _ends_at_abbreviation(doc: Doc, sent) -> bool:  # noqa: ANN001 - a spaCy Span
    last = doc[sent.end - 1]
    return bool(RANK_ABBREVIATION.match(last.text)) or (
        len(sent) > 1 and last.text == "." and bool(RANK_ABBREVIATION.match(doc[sent.end - 2].text)))


def _full_names(events: list[Event]) -> list[Event]:
    """"The Council" after "the Council of the EU": an agent named by the first words of an agent named earlier
    in the article is that agent."""
    out: list[Event] = []
    for ev in sorted(events, key=lambda e: e.trigger.start):
        if ev.agent is not None:
            short = fold(ev.agent.name)
            full = next((k.agent for k in out if k.agent is not None and fold(k.agent.name).startswith(short + " ")),
                        None)
            if full is not None:
                ev = _with(ev, agent=full)
        out.append(ev)
    return out


def _merge(events: list[Event]) -> list[Event]:
    """One event per (type, action, agent) and overlapping targets in an article: the headline, the lede and a
    later paragraph that repeat one act give one record (the first, with every target any of them named). An act
    told without its agent ("Drones hit Kharkiv") is the same act as one with an agent and the same targets."""
    kept: list[Event] = []
    for ev in sorted(events, key=lambda e: (e.agent is None, e.trigger.start)):
        names = {fold(t.name) for t in ev.targets}
        same = next((k for k in kept if k.type == ev.type and (ev.agent is None or k.action == ev.action)
                     and (ev.agent is None or k.agent is not None and fold(k.agent.name) == fold(ev.agent.name))
                     and names & {fold(t.name) for t in k.targets} and (ev.agent is None or k.status == ev.status)),
                    None)
        if same is None:
            kept.append(ev)
            continue
        extra = tuple(t for t in ev.targets if fold(t.name) not in {fold(x.name) for x in same.targets})
        kept[kept.index(same)] = _with(same, targets=same.targets + extra, date=same.date or ev.date)
    kept.sort(key=lambda e: e.trigger.start)
    return [_with(ev, id=f"e{n}") for n, ev in enumerate(kept, 1)]


# "The sanctions take effect from March 1": a later sentence about the measures says when they apply
IN_FORCE = re.compile(r"\b(?:the|these|those|all)\s+(?:new\s+)?(?:sanctions|measures|listings|restrictions|bans?|"
                      r"asset\s+freezes?|freezes?)"
                      r"\s+(?:will\s+|would\s+|shall\s+)?(?:take\s+effect|took\s+effect|enter(?:s|ed)?\s+into\s+force|"
                      r"come\s+into\s+force|came\s+into\s+force|apply|applies)\s+(?:on\s+|from\s+|as\s+of\s+)?",
                      re.I)


def in_force_later(doc: Doc, events: list[Event]) -> list[Event]:
    """The last sanction before a sentence saying when "the sanctions" take effect gets status in force."""
    out = list(events)
    for sent in doc.sents:
        # anywhere in the sentence: "The ministry said the asset freeze would take effect on Monday"
        match = IN_FORCE.search(sent.text)
        if not match:
            continue
        day = next((e for e in sent.ents if e.label_ == "DATE" and e.start_char >= sent.start_char + match.end() - 1),
                   None)
        before = [i for i, ev in enumerate(out) if ev.type == "sanction" and ev.action != "lift"
                  and ev.trigger.end <= sent.start_char and ev.status in ("done", "announced")
                  and not _background(doc, ev)]
        if day is None or not before:
            continue
        i = before[-1]
        out[i] = _with(out[i], status="in force", in_force=Span.of(doc.text, day.start_char, day.end_char))
    return out


BACKGROUND = frozenset({"after", "since", "before", "following"})


def _background(doc: Doc, ev: Event) -> bool:
    """An earlier act told as background to the main one: "sanctioned by Switzerland, after the EU listed both in
    June" — a later "the freeze takes effect on Monday" is about the main act."""
    span = doc.char_span(ev.trigger.start, ev.trigger.end)
    if span is None:
        return False
    tok = span.root
    return any(c.dep_ in ("mark", "prep") and c.lower_ in BACKGROUND for c in tok.children) or (
        tok.dep_ == "pcomp" and tok.head.lower_ in BACKGROUND)


def _with(ev: Event, **changes: object) -> Event:
    from dataclasses import replace
    return replace(ev, **changes)
