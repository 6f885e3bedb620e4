"""Attributions without a speech verb: findings in an "in" phrase, states of mind, passive judgements, raising."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .boundaries import end_before_aside
from .cues import (
    OBJECT_CONTENT,
    Candidate,
    DocIndex,
    Intervals,
    cue_lemma,
    has_to,
    span_of_tokens,
    subject_of,
    verb_lemma,
)
from .indirect import FINDING_NOUNS, ranges_without, subtree_range

OPINION_NOUNS = {"view", "opinion", "estimation", "judgment", "judgement", "mind", "eyes", "telling", "words"}


# "In the new poll, the governor leads by six points": a poll or study named in an "in" phrase is the source
# of the clause it hangs on (unless that clause has a cue of its own: "In a statement, X said …").
def find_in_source(index: DocIndex, taken: Iterable[tuple[int, int]]) -> list[Candidate]:
    held = Intervals(taken)
    doc = index.doc
    found: list[Candidate] = []
    for tok in index.tokens:
        if tok.lower_ != "in" or tok.dep_ != "prep" or index.quoted[tok.i]:
            continue
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        host = tok.head
        source = pobj
        if pobj is not None and pobj.lemma_.lower() in OPINION_NOUNS:
            # "In Ash's view, the change would hurt": the possessor holds the view the clause states
            source = next((c for c in pobj.children if c.dep_ == "poss"), None)
            if source is None:
                continue
        elif pobj is None or pobj.lemma_.lower() not in FINDING_NOUNS:
            continue
        if host.pos_ not in ("VERB", "AUX"):
            continue
        if cue_lemma(host) is not None or host.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        first, last = subtree_range(host)
        first, last = max(first, host.sent.start), min(last, host.sent.end - 1)
        parts = ranges_without(doc, first, last, [subtree_range(tok)])
        if not parts or any(held.overlaps(*p) for p in parts):
            continue
        cue = pobj if source is not pobj else tok
        found.append(Candidate(parts, (cue.idx, cue.idx + len(cue.text)), None, cue.i, source.i, "in-source", 0.5,
                               "indirect"))
    return found


# "they are convinced that …", "she is eager to …", "voters are divided on …": a state of mind stated with
# an adjective; the content is its clause, infinitive or the object of its preposition.
ADJ_CUES = {"confident": (), "convinced": (), "sure": (), "certain": (), "hopeful": (), "optimistic": (),
            "pessimistic": (), "worried": ("about",), "concerned": ("about",), "skeptical": ("of", "about"),
            "sceptical": ("of", "about"), "adamant": (), "aware": ("of",), "afraid": ("of",), "fearful": ("of",),
            "eager": (), "willing": (), "unwilling": (), "determined": (), "reluctant": (), "keen": (),
            "insistent": (), "critical": ("of",), "supportive": ("of",), "opposed": ("to",),
            "divided": ("on", "over"), "undecided": ("about", "on"), "unhappy": ("with", "about"),
            "dissatisfied": ("with",), "satisfied": ("with",), "angry": ("about", "at", "over"),
            "upset": ("about", "with", "over"), "enamored": ("of", "with"), "wary": ("of",), "proud": ("of",),
            "open": ("to",), "committed": ("to",), "doubtful": (), "clear": (), "unsure": (), "uncertain": (),
            "positive": (), "frustrated": ("with", "by"), "disappointed": ("with", "by", "in"),
            "furious": ("about", "at", "over"), "excited": ("about",), "nervous": ("about",), "comfortable": ("with",),
            "uncomfortable": ("with",), "firm": (), "emphatic": (), "vocal": ("about",), "outspoken": ("about",),
            "dismissive": ("of",), "suspicious": ("of",), "fond": ("of",), "ready": ()}
# attitudes towards a thing, stated with an adjective and its preposition ("upbeat about", "hostile to")
ADJ_CUES |= {"confident": ("in", "about", "of"), "sure": ("of", "about"), "certain": ("of", "about"),
             "hopeful": ("about", "of"), "optimistic": ("about", "on"), "pessimistic": ("about", "on"),
             "concerned": ("about", "with", "over", "by"), "uncomfortable": ("with", "on", "about"),
             "appreciative": ("of",), "upbeat": ("about", "on"), "tired": ("of",), "loyal": ("to",),
             "shy": ("about",), "upfront": ("about",), "interested": ("in",), "partial": ("to",),
             "cynical": ("about",), "lukewarm": ("about", "on", "toward", "towards"), "passionate": ("about",),
             "sympathetic": ("to", "toward", "towards"), "mistrustful": ("of",), "distrustful": ("of",),
             "favorable": ("to", "toward", "towards"), "unapologetic": ("about",), "pleased": ("with", "by", "about"),
             "irritated": ("by", "about", "with"), "outspoken": ("about", "on"), "hostile": ("to", "toward", "towards"),
             "conscious": ("of",), "enthusiastic": ("about",), "hesitant": ("about",), "bullish": ("on", "about"),
             "ambivalent": ("about",), "grateful": ("for", "to"), "thankful": ("for",), "happy": ("with", "about"),
             "anxious": ("about",), "alarmed": ("by", "about", "at"), "troubled": ("by",), "dismayed": ("by", "at"),
             "outraged": ("by", "at", "over"), "offended": ("by",), "impressed": ("by", "with"),
             "unimpressed": ("by", "with"), "vague": ("on", "about"), "noncommittal": ("on", "about"),
             "silent": ("on", "about"), "firm": ("on",), "adamant": ("about",), "eager": ("for",),
             "measured": ("on", "about"), "consumed": ("with", "by"), "obsessed": ("with",),
             "inclined": (), "surprised": ("by", "at"), "glad": (), "unaware": ("of",), "shocked": ("by", "at"),
             "sick": ("of",), "hungry": ("for",), "empathetic": ("to", "toward", "towards")}
NO_SPEAKER_ADJ = {"clear", "unclear"}


def find_adjective(index: DocIndex, taken: Iterable[tuple[int, int]]) -> list[Candidate]:
    held = Intervals(taken)
    doc = index.doc
    found: list[Candidate] = []
    for tok in index.tokens:
        if index.quoted[tok.i]:
            continue
        # the parser reads "is convinced", "are worried" as passives
        passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
        if not passive and (tok.pos_ != "ADJ" or tok.dep_ not in ("acomp", "oprd", "amod")):
            continue
        preps = ADJ_CUES.get(tok.lower_)
        if preps is None:
            continue
        content = None
        for c in tok.children:
            if c.i < tok.i:
                continue
            infinitive = c.dep_ == "xcomp" and has_to(c)
            if c.dep_ == "ccomp" or infinitive:
                content = (c.left_edge.i, c.right_edge.i)
            elif c.dep_ == "prep" and c.lower_ in preps:
                obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    content = (obj.left_edge.i, obj.right_edge.i)
            if content is not None:
                break
        if content is None:
            continue
        head = tok.head if tok.dep_ != "amod" else None
        subj = subject_of(head) if head is not None else None
        if passive:
            head = next((c for c in tok.children if c.dep_ == "auxpass"), None)
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if subj is None and tok.dep_ == "amod":
            subj = tok.head       # "voters, skeptical of the plan, …"
        if subj is None or subj.lower_ in ("it", "this", "that", "there", "which") or index.quoted[subj.i]:
            continue
        s, e = span_of_tokens(doc, *content)
        if e <= s or held.straddles(s, e):
            continue
        start = head.idx if head is not None and 0 < tok.i - head.i <= 2 else tok.idx
        found.append(Candidate([(s, e)], (start, tok.idx + len(tok.text)), None, tok.i, subj.i, "adjective",
                               0.5, "indirect"))
    return found


# "The plan was rejected by the council", "the mayor has been called a hypocrite by critics": a passive judgement
# verb; the content is its subject (with the "as" phrase or predicate), the speaker the "by" agent if any.
PASSIVE_EXTRA = {"know", "boo", "revile", "praise", "applaud", "hail", "view", "see", "regard", "consider", "deem",
                 "label", "brand", "dub", "call",
                 "accuse", "blame"}   # only with their reason phrase: "is accused of bribery" (see PASSIVE_FOR)
# passives that are mostly events, not somebody's judgement ("was charged with", "was issued", "was offered")
PASSIVE_NOT = {"charge", "accuse", "blame", "criticize", "criticise", "publish", "issue", "expose", "seek",
               "dismiss", "admit", "offer", "withdraw", "recognize", "recognise", "guarantee", "lay", "question",
               "rebuke", "mock", "expect"}


# judgements passed with a reason or charge phrase: "accused of", "blamed for", "known for"
PASSIVE_FOR = {"accuse": ("of",), "charge": ("with",), "blame": ("for",), "criticize": ("for",),
               "criticise": ("for",), "know": ("for",), "praise": ("for",), "condemn": ("for",), "slam": ("for",),
               "blast": ("for",), "mock": ("for",), "ridicule": ("for",), "hail": ("for",), "applaud": ("for",)}


# "the contests known as Super Tuesday", "a state seen as critical", "emails deemed classified": a
# participle after a noun names or judges it; the noun and the name are the content
# (plain naming, "a group called X", is rarely annotated as an attribution)
NAMING_PARTICIPLES = {"know": "as", "dub": "oprd", "label": "oprd", "deem": "oprd", "see": "as", "describe": "as",
                      "regard": "as", "brand": "oprd"}


def _reduced_naming(tok: Token, lemma: str) -> list[tuple[int, int]] | None:
    how = NAMING_PARTICIPLES.get(lemma)
    noun = tok.head
    if how is None or tok.dep_ != "acl" or noun.i > tok.i or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    pred = next((c for c in tok.children if c.i > tok.i and (c.dep_ == "oprd" if how == "oprd" else
                                                              c.dep_ == "prep" and c.lower_ == "as")), None)
    if pred is None:
        return None
    first = pred.i + 1 if how == "as" else pred.left_edge.i
    parts = [span_of_tokens(tok.doc, noun.left_edge.i, tok.i - 1), span_of_tokens(tok.doc, first, pred.right_edge.i)]
    return parts if all(e > s for s, e in parts) else None


# stances taken on a thing, which a reduced passive with its agent states ("the levy, opposed by farmers, …");
# reporting verbs ("facts reported by the paper", "counties identified by analysts") state no stance
REDUCED_STANCE = {"oppose", "support", "back", "endorse", "champion", "criticize", "criticise", "reject", "propose",
                  "echo", "embrace", "praise", "condemn", "denounce", "dispute", "deny", "favor", "favour", "applaud",
                  "welcome", "hail", "decry", "question", "challenge", "dismiss"}


def _reduced_by(tok: Token, lemma: str) -> tuple[int, int] | None:
    """The noun a reduced stance participle with a "by" agent judges, or None."""
    noun = tok.head
    if lemma not in REDUCED_STANCE or tok.dep_ != "acl" or noun.i > tok.i or noun.pos_ not in ("NOUN", "PROPN") \
            or by_agent(tok) is None:
        return None
    last = tok.left_edge.i - 1       # "a tariff fiercely opposed by growers": the adverb is the participle's
    while last > noun.i and tok.doc[last].is_punct:
        last -= 1
    s, e = span_of_tokens(tok.doc, noun.left_edge.i, last)
    return (s, e) if e > s else None


def find_passive(index: DocIndex, taken: Iterable[tuple[int, int]]) -> list[Candidate]:
    held = Intervals(taken)
    doc = index.doc
    found: list[Candidate] = []
    for tok in index.tokens:
        if tok.tag_ != "VBN" or index.quoted[tok.i]:
            continue
        lemma = verb_lemma(tok)
        reasons = PASSIVE_FOR.get(lemma, ())
        if not (lemma in OBJECT_CONTENT or lemma in PASSIVE_EXTRA) or (lemma in PASSIVE_NOT and not reasons):
            continue
        if not any(c.dep_ == "auxpass" for c in tok.children):
            named = _reduced_naming(tok, lemma)
            if named is not None and not any(held.straddles(*p) for p in named):
                found.append(Candidate(named, (tok.idx, tok.idx + len(tok.text)), lemma, tok.i, None,
                                       "passive-object", 0.5, "indirect", frame="judge"))
            elif named is None:
                judged = _reduced_by(tok, lemma)
                if judged is not None and not held.straddles(*judged):
                    found.append(Candidate([judged], (tok.idx, tok.idx + len(tok.text)), lemma, tok.i, by_agent(tok),
                                           "passive-object", 0.5, "indirect"))
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
        if subj is None or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            continue
        parts = [span_of_tokens(doc, subj.left_edge.i, subj.right_edge.i)]
        pred = next((c for c in tok.children if c.i > tok.i and (c.dep_ == "oprd" or
                                                                 (c.dep_ == "prep" and c.lower_ == "as"))), None)
        if reasons:
            # "was accused of bribery", "is known for her blunt style": the charge is what is judged
            pred = next((c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ in reasons), pred)
            if pred is None and lemma in PASSIVE_NOT:
                continue
        if subj.pos_ == "PRON" and pred is None:
            continue
        if pred is not None:
            # "was criticized as a giveaway to the banks, which …": the aside is the reporter's
            last = end_before_aside(doc, pred.left_edge.i, pred.right_edge.i)
            parts.append(span_of_tokens(doc, pred.left_edge.i, last))
        parts = [p for p in parts if p[1] > p[0]]
        if not parts or any(held.straddles(*p) for p in parts):
            continue
        found.append(Candidate(parts, (tok.idx, tok.idx + len(tok.text)), lemma, tok.i, by_agent(tok),
                               "passive-object", 0.5, "indirect"))
    return found


# "Melania seems to have vanished", "The deal is expected to pass", "He is said to favour …": an evidential
# or passive belief verb raises the subject of the reported infinitive; the content is the subject and the
# infinitive (two parts), the cue the verb, the speaker the "by" agent when there is one.
RAISING = {"seem", "appear"}
PASSIVE_RAISING = {"expect", "believe", "think", "say", "report", "consider", "predict", "rumor", "rumour",
                   "estimate", "understand", "presume", "fear", "allege", "see", "tip", "forecast",
                   "intend",  # "the levy was intended to punish polluters": its makers' intention
                   "ask"}     # "the senator was asked to name a bill": a request by someone unnamed


def find_raising(index: DocIndex, taken: Iterable[tuple[int, int]]) -> list[Candidate]:
    held = Intervals(taken)
    doc = index.doc
    found: list[Candidate] = []
    for tok in index.tokens:
        if tok.pos_ not in ("VERB", "AUX") or index.quoted[tok.i]:
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ == "AUX" and tok.lower_.rstrip("eds") in RAISING:
            lemma = tok.lower_.rstrip("eds")     # the parser's auxiliary "seemed" keeps its inflection as lemma
        if lemma in RAISING:
            subj_deps = ("nsubj",)
        elif lemma in PASSIVE_RAISING and any(c.dep_ == "auxpass" for c in tok.children):
            subj_deps = ("nsubjpass",)
        else:
            continue
        subj = next((c for c in tok.children if c.dep_ in subj_deps and c.i < tok.i), None)
        inf = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i
                    and any(t.dep_ == "aux" and t.lower_ == "to" and t.i > tok.i for t in c.children)), None)
        if inf is None and lemma in RAISING:
            subj, inf = _raised_predicate(tok, subj)
        if inf is None and lemma in RAISING and subj is not None and subj.lower_ == "it":
            # "It seems (that) the vote was rigged": nothing is raised, the clause is the impression
            clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
            if clause is not None:
                s, e = span_of_tokens(doc, clause.left_edge.i, clause.right_edge.i)
                if e > s and not held.straddles(s, e):
                    found.append(Candidate([(s, e)], (tok.idx, tok.idx + len(tok.text)), None, tok.i, None,
                                           "raising", 0.5, "indirect"))
                continue
        # a referential "it" or a relative "who" is raised like a noun ("it appeared to stall", "who seem to
        # back him"); "there" and "that" are not
        if subj is None or inf is None or subj.lower_ in ("there", "that"):
            continue
        first = next((t.i for t in inf.subtree if t.dep_ == "aux" and t.lower_ == "to"),
                     max(inf.left_edge.i, tok.i + 1))
        s1 = span_of_tokens(doc, subj.left_edge.i, subj.right_edge.i)
        s2 = span_of_tokens(doc, first, _raised_end(inf, first))
        parts = [p for p in (s1, s2) if p[1] > p[0]]
        if len(parts) < 2 or any(held.straddles(*p) for p in parts):
            continue
        found.append(Candidate(parts, (tok.idx, tok.idx + len(tok.text)), None, tok.i, by_agent(tok),
                               "raising", 0.5, "indirect"))
    return found


def _raised_end(inf: Token, first: int) -> int:
    """Last token of a raised infinitive: a participle clause after a comma ('is expected to sign the bill,
    paving the way for …') or a trailing aside (', which …') is the reporter's, not what is expected."""
    last = inf.right_edge.i
    gloss = next((c for c in inf.rights if c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i > first + 1
                  and inf.doc[c.left_edge.i - 1].text == ","), None)
    if gloss is not None:
        last = gloss.left_edge.i - 2
    return end_before_aside(inf.doc, first, last)


def _raised_predicate(verb: Token, subj: Token | None) -> tuple[Token | None, Token | None]:
    """(subject, predicate) of "seem"/"appear" without an infinitive; the predicate is None if there is none.

    "the state seems stable", "the crew appeared stranded", "the plan seemed like a gamble", "it looked as
    if …", and "the mayor seemed rattled by it", where the parser makes "seemed" an auxiliary of the
    participle and hangs the subject on the participle.
    """
    head = verb.head
    if verb.dep_ in ("aux", "auxpass") and head.tag_ == "VBN" and head.i == verb.i + 1:
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None), head
    after = [c for c in verb.children if c.i > verb.i]
    pred = next((c for c in after if c.dep_ in ("acomp", "attr", "oprd", "xcomp")), None)
    pred = pred or next((c for c in after if c.i == verb.i + 1 and (
        c.dep_ == "advcl" and c.tag_ == "VBN" or c.dep_ == "prep" and c.lower_ == "like")), None)
    pred = pred or next((c for c in after if c.dep_ == "advcl" and c.left_edge.i == verb.i + 1
                         and c.left_edge.lower_ in ("as", "like")), None)
    return subj, pred


def by_agent(verb: Token) -> int | None:
    """Token index of the "by" agent of a passive verb ("was rejected by the council"), if any."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return by.i if by is not None else None
