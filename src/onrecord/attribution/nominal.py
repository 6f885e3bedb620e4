"""Noun cues: "X's claim that P", "a proposal to P", "criticism of N", "His contention was that P"."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .boundaries import FINITE_TAGS, end_before_aside, last_word
from .cues import (
    Candidate,
    DocIndex,
    Intervals,
    cue_lemma,
    has_to,
    span_of_tokens,
    subject_of,
)

# "Trump's claim that the election was rigged", "the ministry's assertion that …": a noun that reports
# what its possessor said or believes, with the that-clause as content.
NOUN_CUES = {"claim", "allegation", "accusation", "assertion", "statement", "suggestion", "belief", "view",
             "argument", "promise", "pledge", "insistence", "denial", "charge", "contention",
             "assessment", "prediction", "threat", "demand", "call", "hope", "fear", "announcement",
             "idea", "notion", "speculation", "case", "point", "observation", "concern", "sense", "message",
             "complaint", "commitment", "impression", "conviction", "perception", "assumption", "theory",
             "report", "rumor", "rumour", "admission", "acknowledgment", "acknowledgement", "reminder",
             "recognition", "realization", "expectation", "worry", "doubt", "confidence", "insinuation",
             "implication", "boast", "vow", "reassurance", "assurance", "finding", "conclusion", "estimate",
             "opinion", "comment", "remark", "question", "explanation"}
# "the decision to withdraw", "his pledge to cut taxes": a noun with an infinitive states an intention
NOUN_TO_CUES = {"decision", "plan", "promise", "pledge", "vow", "call", "request", "refusal",
                "threat", "proposal", "reluctance", "unwillingness",
                "desire", "commitment", "intention", "demand", "wish",
                "plea", "eagerness", "intent", "strategy"}
# nouns that take an infinitive of their own ("efforts to find a solution", "his fitness to lead")
INFINITIVE_NOUNS = NOUN_TO_CUES | {"effort", "attempt", "bid", "move", "push", "campaign", "fitness", "ability",
                                   "right", "power", "authority", "role", "measure", "bill", "legislation",
                                   "amendment", "fund", "money", "program", "initiative", "way", "chance",
                                   "opportunity", "need", "readiness", "qualification", "order", "website", "tool",
                                   "mandate", "license"}
# "his support for the bill", "criticism of the ruling": a noun with the preposition its verb would take
NOUN_PREP_CUES = {"support": ("for",), "criticism": ("of", "over", "about", "on"), "attacks": ("on",),
                  "opposition": ("to",),
                  "endorsement": ("of",), "call": ("for",), "calls": ("for",), "concern": ("about", "over"),
                  "concerns": ("about", "over"), "complaint": ("about",), "view": ("of", "on"), "praise": ("for", "of"),
                  "question": ("about",), "questions": ("about",), "doubt": ("about",), "doubts": ("about",),
                  "remark": ("about", "on"), "remarks": ("about", "on"), "comment": ("about", "on"),
                  "comments": ("about", "on"), "warnings": ("about", "of", "against"), "claim": ("about",),
                  "claims": ("about",), "skepticism": ("of", "about"), "disdain": ("for",), "contempt": ("for",),
                  "admiration": ("for",), "embrace": ("of",), "rejection": ("of",), "denunciation": ("of",),
                  "condemnation": ("of",), "preference": ("for",), "insistence": ("on",), "reversal": ("on",),
                  "apology": ("for",), "plea": ("for",), "demand": ("for",), "case": ("for", "against"),
                  "fears": ("of",), "hope": ("for",), "hopes": ("for",), "argument": ("for", "against"),
                  "characterization": ("of",), "denial": ("of",), "disapproval": ("of",), "objection": ("to",),
                  "objections": ("to",), "promise": ("of",), "talk": ("of", "about"),
                  "critic": ("of",), "critics": ("of",), "announcement": ("of",), "reference": ("to",),
                  "references": ("to",), "message": ("of", "about", "on"), "words": ("about", "for"),
                  "swipe": ("at", "against"), "allegations": ("of",), "accusations": ("of",),
                  "assessment": ("of",), "perception": ("of",), "dislike": ("for", "of"),
                  "disagreement": ("with",), "disagreements": ("with",), "interpretation": ("of",),
                  "criticisms": ("of", "over", "about", "on"), "defense": ("of",), "defence": ("of",),
                  "declarations": ("of",), "declaration": ("of",), "views": ("on", "of", "about"),
                  "opinion": ("of", "on", "about"), "opinions": ("of", "on", "about"), "sympathy": ("for",),
                  "anger": ("at", "over"), "outrage": ("over", "at")}
# nouns that name an attitude towards the object of their preposition ("concern about", "support for")
ATTITUDE_NOUNS = {n.rstrip("s") for n in NOUN_PREP_CUES} | {
    "thought", "opinion", "word", "statement", "defense", "defence", "discomfort", "forecast", "frustration",
    "anger", "outrage", "sympathy", "condolence", "reservation", "optimism", "confidence", "regret", "dismay",
    "displeasure", "disappointment", "approval", "view", "opposition", "support", "criticism", "concern",
    "prediction", "warning", "objection", "doubt", "question", "comment", "remark", "praise"} - {"apology"}
SPOKEN_NOUNS = {"thought", "opinion", "view", "word", "statement", "comment", "remark"}
ATTITUDE_PREPS = {"on", "about", "for", "to", "of", "with", "over", "against", "toward", "towards", "at"}
# the verb whose stance a noun cue carries ("X's denial that …" denies)
NOUN_STANCE_CUE = {"denial": "deny", "accusation": "accuse", "allegation": "allege", "charge": "accuse",
                   "demand": "demand", "criticism": "criticize", "attack": "attack", "attacks": "attack",
                   "condemnation": "condemn", "denunciation": "denounce", "rejection": "reject",
                   "dismissal": "dismiss", "call": "demand", "calls": "demand", "plea": "demand",
                   "appeal": "demand", "opposition": "oppose", "objection": "deny", "objections": "deny"}
# verbs that state a noun cue on their subject's behalf: "made the point that", "voiced concern about"
LIGHT_VERBS = {"make", "express", "voice", "raise", "issue", "offer", "repeat", "reiterate", "share", "level",
               "announce", "renew", "signal", "register", "air", "lodge", "file", "state", "put", "give"}


def _nominal_owner(noun: Token) -> Token | None:
    """The one whose claim, plan or support the noun names: possessor, 'from'/'by' phrase, light-verb subject."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    # "angered voters with his claim that …", "fanned anger over her remark": after a preposition the verb is
    # not the saying, so a possessive pronoun is the source; "stepped up his attacks" and "unsparing in their
    # criticism" keep the subject of the verb below
    if owner is not None and (owner.pos_ != "PRON" or (noun.dep_ == "pobj"
                                                       and noun.head.lower_ not in ("in", "on", "upon"))):
        return owner
    if owner is None:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i:
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    # "the mayor unveiled a proposal to …", "the senator retreated from a suggestion that …", "the union
    # softened its criticism of …": the subject of the verb the noun depends on
    tok, steps = noun, 0
    while tok.dep_ in ("dobj", "pobj", "prep", "attr") and steps < 3:
        tok, steps = tok.head, steps + 1
    if tok.pos_ == "VERB" and tok.i != noun.i and not any(c.dep_ == "auxpass" for c in tok.children):
        subj = subject_of(tok)
        # "which shaped her view of …": a relative or demonstrative subject yields to the possessive
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") and subj.i < noun.i and not (
                owner is not None and subj.lower_ in ("which", "that", "it", "this", "what")):
            return subj
    return owner


# "His contention was that …", "The question is whether …", "Her goal is to …": the noun states what its
# owner said, asks or intends, and the clause after the copula is the content
COPULA_NOUNS = NOUN_CUES | NOUN_TO_CUES | {"contention", "goal", "aim", "position", "takeaway", "refrain", "slogan",
                                           "bet", "response", "answer", "mantra", "motto", "line", "pitch"}


def _copula_clause(noun: Token) -> tuple[int, int] | None:
    be = noun.head
    if noun.dep_ != "nsubj" or be.lemma_ != "be" or be.i < noun.i:
        return None
    for c in be.children:
        if c.i <= be.i:
            continue
        to = c.dep_ == "xcomp" and has_to(c)
        if c.dep_ == "ccomp" or to:
            return c.left_edge.i, c.right_edge.i
    return None


# "Rubio won the support of governors", "the plan drew criticism from rivals", "she rose with the backing of
# unions": a stance received by the verb's subject; the giver (from/among/by/of) is the source
RECEIVED_NOUNS = {"support", "criticism", "opposition", "endorsement", "backing", "praise", "attack",
                  "condemnation", "rebuke", "applause"}
GIVER_PREPS = ("from", "among", "by", "of")
RECEIVING_VERBS = {"have", "draw", "win", "receive", "earn", "enjoy", "face", "get", "garner", "attract", "secure",
                   "pick", "snag", "gain", "spark", "come", "rise", "run", "sew", "land", "collect", "court"}


def _received(tok: Token) -> tuple[tuple[int, int], Token, Token] | None:
    """(content, giver, cue start) for a stance noun its subject receives, or None."""
    giver = None
    for c in tok.children:
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in GIVER_PREPS:
            giver = next((x for x in c.children if x.dep_ == "pobj"), None)
            break
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and giver is not None and giver.head.lower_ in ("among", "from") \
            and giver.pos_ in ("PROPN", "NOUN"):
        # "her support among older voters": the possessor is backed, the group backs
        return (owner.left_edge.i, owner.right_edge.i), giver, tok
    verb = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("with", "under"):
        verb = tok.head.head
    elif tok.dep_ != "dobj":
        return None
    if giver is None:
        for c in verb.children:
            if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("from", "among"):
                giver = next((x for x in c.children if x.dep_ == "pobj"), None)
                break
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if giver is None or subj is None or verb.lemma_.lower() not in RECEIVING_VERBS or giver.pos_ not in ("PROPN",
                                                                                                        "NOUN"):
        return None
    return (subj.left_edge.i, subj.right_edge.i), giver, verb if tok.dep_ == "dobj" else tok


# "The senator faced criticism for skipping the vote": with no giver named, the stance is about the subject
# and the reason it gives; both are the content ("The senator", "for skipping the vote") and the source is open
BLAMED_VERBS = {"face", "receive", "draw", "get", "endure", "attract", "earn", "win"}


def _blamed(tok: Token) -> tuple[Token, Token, Token] | None:
    """(subject, 'for' preposition, verb) for a stance noun received for a reason, or None."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in BLAMED_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    why = next((c for c in list(tok.children) + list(verb.children)
                if c.dep_ == "prep" and c.lower_ == "for" and c.i > tok.i
                and any(x.dep_ in ("pobj", "pcomp") for x in c.children)), None)
    if subj is None or why is None or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return subj, why, verb


# "The pier project came under attack from anglers", "the deal is under scrutiny": the subject is what the stance
# is about; the one who gives it (from/by), when named, is the source
UNDER_NOUNS = {"criticism", "attack", "scrutiny", "discussion"}


def _under(tok: Token) -> tuple[Token, Token | None, Token] | None:
    """(subject, giver or None, verb) for '<subject> came/is under <stance noun>', or None."""
    prep = tok.head
    verb = prep.head
    if tok.dep_ != "pobj" or prep.lower_ != "under" or verb.lemma_ not in ("come", "be") or prep.i < verb.i:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.tag_ in ("WDT", "WP"):
        return None
    giver = next((x for c in list(tok.children) + list(verb.children) if c.dep_ in ("prep", "agent")
                  and c.lower_ in ("from", "by") and c.i > tok.i for x in c.children if x.dep_ == "pobj"), None)
    return subj, giver, verb


# "The fund lent $2,000 to the club, county records show.": the parser may tag a trailing "show" as a noun
# ("records show" a compound); the clause before the comma is still what the records show
SHOW_WORDS = {"show", "shows"}


def _noun_show(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """(content tokens, source head) for '<clause>, <source> show.' with 'show' parsed as a noun, or None."""
    doc = tok.doc
    sent = tok.sent
    if tok.lower_ not in SHOW_WORDS or tok.i < 3:
        return None
    # the sentence ends after it, or goes on with a clause of its own (", records show, and the …")
    if last_word(doc, tok.i, sent.end - 1) != tok.i and not (
            tok.i + 2 < sent.end and doc[tok.i + 1].text == "," and doc[tok.i + 2].dep_ == "cc"):
        return None
    source = doc[tok.i - 1]
    if source.pos_ not in ("NOUN", "PROPN") or not any(a.i == tok.i for a in source.ancestors):
        return None
    # the source's words run back to the comma ("campaign and state records show")
    comma = source.i - 1
    while comma > sent.start and not doc[comma].is_punct and any(a.i == tok.i for a in doc[comma].ancestors):
        comma -= 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    if not any(doc[i].tag_ in FINITE_TAGS for i in range(sent.start, comma)):
        return None
    return (sent.start, end_before_aside(doc, sent.start, comma - 1)), source


def _setting_of_cue(tok: Token) -> bool:
    """'denied in a statement that …', 'said in an interview that …': the noun is where a cue verb spoke; the
    parser may hang the verb's that-clause on it, but the verb's own attribution is the one to keep."""
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ == "VERB"
            and cue_lemma(prep.head) is not None)


def find_nominal(index: DocIndex, taken: Iterable[tuple[int, int]]) -> list[Candidate]:
    held = Intervals(taken)
    doc = index.doc
    found: list[Candidate] = []
    for tok in index.tokens:
        self_word = next((c for c in tok.children if c.lower_ == "self" and c.i < tok.i), None)
        if tok.lower_ == "described" and tok.dep_ == "amod" and self_word is not None and tok.head.i > tok.i:
            # "a self-described democratic socialist": the rest of the noun phrase is the holder's own label
            s, e = span_of_tokens(doc, tok.i + 1, tok.head.i)
            if e > s and not held.straddles(s, e) and not index.quoted[tok.i]:
                found.append(Candidate([(s, e)], (tok.idx, tok.idx + len(tok.text)), None, tok.i, self_word.i,
                                       "noun-cue", 0.5, "indirect", frame="judge"))
            continue
        # "won with appeals to farmers and attacks on the governor": a stance noun coordinated inside a
        # preposition phrase is one item of the reporter's list, not a stance reported on its own
        if tok.pos_ != "NOUN" or index.quoted[tok.i] or (tok.dep_ == "conj" and tok.head.dep_ == "pobj"):
            continue
        shown = _noun_show(tok)
        if shown is not None:
            (first, last), source = shown
            s, e = span_of_tokens(doc, first, last)
            if e > s and not held.straddles(s, e):
                found.append(Candidate([(s, e)], (tok.idx, tok.idx + len(tok.text)), "show", tok.i, source.i,
                                       "noun-show", 0.5, "indirect"))
            continue
        under = _under(tok) if tok.lemma_.lower() in UNDER_NOUNS else None
        if under is not None:
            subj, giver, verb = under
            s, e = span_of_tokens(doc, subj.left_edge.i, end_before_aside(doc, subj.left_edge.i, subj.right_edge.i))
            if e > s and not held.straddles(s, e):
                found.append(Candidate([(s, e)], (verb.idx, tok.idx + len(tok.text)),
                                       NOUN_STANCE_CUE.get(tok.lemma_.lower()), tok.i,
                                       giver.i if giver is not None else None, "noun-under", 0.4, "indirect"))
            continue
        received = _received(tok) if tok.lemma_.lower() in RECEIVED_NOUNS else None
        if received is not None:
            (first, last), giver, start = received
            s, e = span_of_tokens(doc, first, end_before_aside(doc, first, last))
            if e > s and not held.straddles(s, e) and not index.quoted[giver.i]:
                found.append(Candidate([(s, e)], (start.idx, tok.idx + len(tok.text)),
                                       NOUN_STANCE_CUE.get(tok.lemma_.lower()), tok.i, giver.i, "noun-received",
                                       0.5, "indirect"))
            continue
        blamed = _blamed(tok) if tok.lemma_.lower() in RECEIVED_NOUNS else None
        if blamed is not None:
            subj, why, verb = blamed
            last = why.right_edge.i
            # "for loans to his campaign": a phrase the parser hung on the verb or the noun right after the
            # reason still belongs to it
            while (nxt := next((c for c in list(verb.children) + list(tok.children) if c.left_edge.i == last + 1
                                and c.dep_ in ("prep", "dative")), None)) is not None:
                last = nxt.right_edge.i
            parts = [span_of_tokens(doc, subj.left_edge.i, end_before_aside(doc, subj.left_edge.i,
                                                                            subj.right_edge.i)),
                     span_of_tokens(doc, why.i, last)]
            if all(e > s and not held.straddles(s, e) for s, e in parts):
                found.append(Candidate(parts, (verb.idx, tok.idx + len(tok.text)),
                                       NOUN_STANCE_CUE.get(tok.lemma_.lower()), tok.i, None, "noun-blamed",
                                       0.4, "indirect"))
            continue
        lemma, lower = tok.lemma_.lower(), tok.lower_
        content: tuple[int, int] | None = None
        if lemma in NOUN_CUES or lemma in NOUN_TO_CUES:
            for c in tok.children:
                if c.dep_ not in ("acl", "ccomp", "relcl") or c.i <= tok.i:
                    continue
                marks = [m for m in c.children if m.dep_ in ("mark", "aux")]
                that = lemma in NOUN_CUES and any(m.dep_ == "mark" and m.lower_ == "that" for m in marks)
                to = lemma in NOUN_TO_CUES and c.dep_ == "acl" and any(m.dep_ == "aux" and m.lower_ == "to"
                                                                       for m in marks)
                if that or to:
                    content = (c.left_edge.i, c.right_edge.i)
                    break
        preps = NOUN_PREP_CUES.get(lower) or NOUN_PREP_CUES.get(lemma)
        if content is None and preps:
            for c in tok.children:
                if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in preps:
                    obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                    if obj is not None:
                        content = (obj.left_edge.i, obj.right_edge.i)
                    break
        if content is None and lemma in COPULA_NOUNS:
            content = _copula_clause(tok)
        if content is None:
            continue
        owner = _nominal_owner(tok)
        if owner is None and lemma == "attack" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue    # "the attacks on the embassy": with no one making them, a violent act, not words
        content = (content[0], end_before_aside(doc, *content))
        s, e = span_of_tokens(doc, *content)
        if e <= s or held.straddles(s, e) or (_setting_of_cue(tok) and held.overlaps(s, e)):
            continue
        if owner is not None and (index.quoted[owner.i] or owner.pos_ not in ("PROPN", "NOUN", "PRON")):
            owner = None
        found.append(Candidate([(s, e)], (tok.idx, tok.idx + len(tok.text)), NOUN_STANCE_CUE.get(lower) or
                               NOUN_STANCE_CUE.get(lemma), tok.i, owner.i if owner is not None else None,
                               "noun-cue", 0.6 if owner is not None else 0.4, "indirect"))
    return found
