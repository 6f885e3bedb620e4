"""Pass 2: indirect and mixed speech around cue verbs outside quotes, read off the dependency parse.

Frames (one function each, tried in order):
  X said (that) P / P, X said          clause complement (ccomp, xcomp for "wants to", "believes")
  according to X, P                    the clause the prepositional phrase hangs on
  as X said / put it, P                the clause the "as" aside hangs on
  X accused / blamed Y of / for P      object + of/for phrase
  X urged / called on Y to P           object + infinitive: a demand
  X denied / rejected / confirmed N    the object noun phrase
  X sees N as M                        object and as-phrase
  X spoke about / pointed to N         the object of the preposition (data/cue_preps.tsv)
  Asked whether P / was asked about N  a question without a named asker

Other passes, each given the spans already taken: colon lines ("Pence: …"), noun cues ("X's claim that P",
"a proposal to P", "criticism of N"), raising ("N seems to P", "N is expected to P"), findings named in an
"in" phrase ("In the survey, P"), states of mind ("X is convinced that P", "wary of N") and passive judgements
("N was rejected by X").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .boundaries import end_before_aside, end_before_setting
from .cues import (
    ACCUSE_FRAME,
    OBJECT_CONTENT,
    URGE_FRAME,
    Candidate,
    DocIndex,
    Intervals,
    cue_lemma,
    cue_span,
    for_clause,
    quoted_appos,
    span_of_tokens,
    speaker_head,
    subject_of,
    verb_lemma,
)
from .lexicon import lexicon

MIN_CONTENT_TOKENS = 2
# "a spokesman, who asked not to be named, said …": the request for anonymity is not the news
ANONYMITY = re.compile(r"\b(not to be (named|identified|quoted)|anonymity|anonymous|not authori[sz]ed to)\b",
                       re.IGNORECASE)


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i


def _clause(cue: Token) -> Token | None:
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    if clauses:
        # "Salkin, a rabbi helping …, said he was alarmed": the parser may take a piece of a long subject for
        # a second clause; the one after the cue is what was said
        return next((c for c in clauses if c.i > cue.i), clauses[0])
    for c in cue.children:
        if c.dep_ == "xcomp" and c.i > cue.i:
            return c
    # "said in a statement that …": the parser hangs the clause on the noun of the "in" phrase
    for c in cue.children:
        if c.dep_ == "prep" and c.i > cue.i:
            for obj in c.children:
                if obj.dep_ != "pobj":
                    continue
                for clause in obj.children:
                    if clause.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                               for m in clause.children):
                        return clause
    # '…, he said' and 'Too often, Mr. Clarke said, the debate …': the cue hangs on the reported clause
    # ('which, Tompkins said, is usually full'): the clause it interrupts, which may be a relative one
    if cue.dep_ == "parataxis":
        return cue.head if cue.head.dep_ in ("relcl", "ccomp") else cue.sent.root
    return None


def _ranges_without(doc: Doc, first: int, last: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character parts of tokens first..last minus the token ranges in ``holes``."""
    parts: list[tuple[int, int]] = []
    run: list[int] = []
    for i in range(first, last + 1):
        if any(a <= i <= b for a, b in holes):
            if run:
                parts.append(span_of_tokens(doc, run[0], run[-1]))
                run = []
            continue
        run.append(i)
    if run:
        parts.append(span_of_tokens(doc, run[0], run[-1]))
    return [p for p in parts if p[1] > p[0]]


HOST_CLIMB = ("conj", "advcl")
# "called X Y", "dubbed X Y", "what critics label Y": a verb that passes a judgement on its object
JUDGE_VERBS = {"call", "dub", "label", "brand", "deem", "term", "nickname"}


def _content_parts(cue: Token, lemma: str) -> tuple[list[tuple[int, int]], str, str] | None:
    """(parts, frame, rule) of the content governed by ``cue``, or None."""
    doc = cue.doc
    if lemma == "according to":
        host = cue.head
        if host.i == cue.i:
            return None
        # "A rose, but B fell, according to X": the phrase vouches for the whole sentence, not the conjunct
        # or the subordinate clause the parser hangs it on
        while host.dep_ in HOST_CLIMB and host.head.i != host.i and cue.i > host.i:
            host = host.head
        first, last = _subtree_range(host)
        first = max(first, host.sent.start)
        last = min(last, host.sent.end - 1)
        parts = _ranges_without(doc, first, last, [_subtree_range(cue)])
        return (parts, "", "according-to") if parts else None
    children = list(cue.children)
    if lemma in ACCUSE_FRAME:
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        pp = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "for", "over") and c.i > cue.i),
                  None)
        if obj is not None and pp is None:
            # "accused the regulator of taking too long": the parser often hangs "of" on the object
            pp = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "over")), None)
        if obj is not None and pp is not None:
            last = end_before_aside(doc, obj.left_edge.i, _right_end(cue, pp))
            return [span_of_tokens(doc, obj.left_edge.i, last)], "", "accuse-frame"
    if lemma in JUDGE_VERBS:
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > cue.i), None)
        judged = [c for c in children if c.dep_ in ("oprd", "ccomp") and c.i > cue.i]
        if obj is not None and not judged:
            judged = [c for c in obj.children if (c.dep_ in ("acl", "amod") or quoted_appos(c)) and c.i > obj.i]
        if obj is not None and judged and obj.tag_ not in ("WP", "WDT"):
            last = max(c.right_edge.i for c in judged)
            return [span_of_tokens(doc, obj.left_edge.i, last)], "judge", "call-judgement"
        oprd = next((c for c in children if c.dep_ == "oprd" and c.i > cue.i), None)
        if oprd is not None and obj is None and oprd.left_edge.i == cue.i + 1 and not any(
                c.dep_ == "dobj" for c in children) and any(
                t.dep_ not in ("det", "punct") for t in doc[cue.i + 1:oprd.i]) and not any(
                c.dep_ == "auxpass" for c in children):
            # "called the protesters vandals", "called the ruling unfair": the parser hangs the one judged
            # on the judgement
            last = end_before_setting(doc, oprd.left_edge.i, oprd.right_edge.i)
            return [span_of_tokens(doc, oprd.left_edge.i, last)], "judge", "call-judgement"
        wh = next((c for c in children if c.dep_ == "dobj" and c.i < cue.i and c.tag_ in ("WP", "WDT")), None)
        if oprd is not None and wh is not None:
            # "what critics call a tax grab", "a bill that critics called unfair": the relative word (or
            # the noun "that" stands for) and the judgement
            first = oprd.left_edge.i
            last = end_before_setting(doc, first, oprd.right_edge.i)
            head = span_of_tokens(doc, wh.i, wh.i)
            if wh.lower_ == "that" and cue.dep_ == "relcl":
                head = span_of_tokens(doc, cue.head.left_edge.i, cue.head.i)
            return [head, span_of_tokens(doc, first, last)], "judge", "call-judgement"
    if lemma in URGE_FRAME:
        to_clause = next((c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > cue.i
                          and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.children)), None)
        target = next((c for c in children if c.dep_ in ("dobj", "prep") and c.i > cue.i), None)
        if to_clause is None and target is not None and target.dep_ == "dobj":
            # "urged the authority to block the merger": the infinitive hangs on the object
            to_clause = next((c for c in target.children if c.dep_ in ("acl", "relcl")
                              and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.children)), None)
        if to_clause is not None:
            start = target.left_edge.i if target is not None and target.i < to_clause.i else to_clause.left_edge.i
            if target is not None and target.dep_ == "prep" and start == target.i:
                start += 1      # "called on Congress to act": the one asked is the content, not "on"
            last = end_before_aside(doc, start, to_clause.right_edge.i)
            return [span_of_tokens(doc, start, last)], "to", "urge-frame"
        if lemma == "call":
            pp = next((c for c in children if c.dep_ == "prep" and c.lower_ == "for"), None)
            if pp is not None:
                return [span_of_tokens(doc, pp.left_edge.i + 1, pp.right_edge.i)], "to", "call-for"
            clause = for_clause(cue)
            if clause is not None:
                return [span_of_tokens(doc, cue.i + 2, clause.right_edge.i)], "to", "call-for"
    if _as_aside(cue):
        # "As the minister put it, the budget is a disaster": the clause the aside hangs on
        host = cue.head
        first, last = max(host.left_edge.i, host.sent.start), min(host.right_edge.i, host.sent.end - 1)
        parts = _ranges_without(doc, first, last, [_subtree_range(cue)])
        return (parts, "", "as-aside") if parts else None
    clause = _clause(cue)
    if clause is not None:
        if cue.dep_ == "parataxis" and clause.i in (cue.sent.root.i, cue.head.i):  # the clause minus the cue
            first, last = _subtree_range(clause)
            last = end_before_aside(doc, first, last)
            parts = _ranges_without(doc, first, last, [_subtree_range(cue)])
            return (parts, "", "clause-parataxis") if parts else None
        first, last = _subtree_range(clause)
        if clause.i > cue.i and cue.dep_ not in ("relcl", "acl"):
            last = _to_sentence_end(cue, last)
        last = _cut_at_next_cue(clause, first, last)
        frame = "to" if clause.dep_ == "xcomp" else ""
        return [span_of_tokens(doc, first, end_before_aside(doc, first, last))], frame, "clause-complement"
    if lemma == "say":
        # "75 percent said yes", "half said so": a one-word answer is the whole content
        answer = next((c for c in children if c.i > cue.i and c.lower_ in ONE_WORD_ANSWERS
                       and c.dep_ in ("intj", "advmod", "dobj", "npadvmod")), None)
        if answer is not None:
            return [span_of_tokens(doc, answer.i, answer.i)], "", "object-content"
    if lemma in OBJECT_CONTENT or (lemma in FINDING_VERBS and _finding_subject(cue)):
        obj = next((c for c in children if c.dep_ in ("dobj",) and c.i > cue.i), None)
        stated = _stated_attitude(cue, lemma, obj) if obj is not None else None
        if stated is not None:
            last = end_before_setting(doc, stated.left_edge.i, stated.right_edge.i)
            return [span_of_tokens(doc, stated.left_edge.i, last)], "", "object-content"
        if obj is not None and obj.pos_ != "PRON":
            last = _object_end(cue, obj)
            if lemma in FINDING_VERBS and _finding_subject(cue):
                # "polls show Clinton up by ten points in Ohio": the rest of the clause belongs to the finding
                last = max([last] + [c.right_edge.i for c in cue.rights
                                     if c.i > obj.i and c.dep_ in ("advmod", "prep", "npadvmod", "oprd", "acomp")])
            else:
                # "imposed a levy last year on the dirtiest plants": the parser hangs the noun's modifiers on
                # the verb; a preposition phrase right after the object still describes it
                for c in cue.rights:
                    if c.i <= obj.i:
                        continue
                    if _object_modifier(c, last):
                        last = c.right_edge.i
                    elif c.left_edge.i == last + 1 and _object_infinitive(obj, c):
                        last = c.right_edge.i
                    elif c.i == last + 1 and _object_detail(c):
                        last = c.right_edge.i
                    else:
                        break
            # "rejected the accusation as 'the excuse of people who lose'": the judgement belongs to it
            as_pp = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i), None)
            if as_pp is not None:
                last = as_pp.right_edge.i
            last = end_before_aside(doc, obj.left_edge.i, end_before_setting(doc, obj.left_edge.i, last))
            return [span_of_tokens(doc, obj.left_edge.i, last)], "", "object-content"
        # "dismissed as baseless reports that …": the object sits inside the "as" phrase
        as_pp = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i == cue.i + 1), None)
        pobj = next((c for c in as_pp.children if c.dep_ == "pobj"), None) if as_pp is not None else None
        if pobj is not None and pobj.pos_ == "NOUN":
            first = pobj.left_edge.i
            while first < pobj.i and doc[first].pos_ == "ADJ":
                first += 1
            return [span_of_tokens(doc, first, pobj.right_edge.i)], "", "object-content"
    return None


def _stated_attitude(verb: Token, lemma: str, obj: Token) -> Token | None:
    """'expressed concern about Trump', 'offered his thoughts on the draft', 'voiced support for the plan':
    a light verb with an attitude noun states the attitude; its content is the object of the noun's
    preposition (PolNeAR's annotators mark "Trump", not "concern about Trump")."""
    if lemma not in LIGHT_VERBS or obj.lemma_.lower() not in ATTITUDE_NOUNS:
        return None
    # "reiterated his support for Trump": an owned stance is stated whole; owned words still point past
    # themselves ("offered his thoughts on the draft")
    if any(c.dep_ == "poss" for c in obj.children) and obj.lemma_.lower() not in SPOKEN_NOUNS:
        return None
    prep = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ in ATTITUDE_PREPS), None)
    if prep is None:
        prep = next((c for c in verb.rights if c.dep_ == "prep" and c.i == obj.right_edge.i + 1
                     and c.lower_ in ATTITUDE_PREPS), None)
    pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
    return pobj if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME") else None


def _object_modifier(c: Token, last: int) -> bool:
    """A preposition phrase right after an object (ending at ``last``) that still describes it."""
    return c.dep_ == "prep" and c.i == last + 1 and c.lower_ in OBJECT_PREPS and not any(
        t.ent_type_ in ("DATE", "TIME") for t in c.children if t.dep_ == "pobj")


def _object_end(verb: Token, obj: Token) -> int:
    """Last token of the object. The parser splits a hyphenated noun ("the re-election of the mayor") into
    objects of their own, one per piece; the pieces right after the object are still the object."""
    last = obj.right_edge.i
    for c in verb.rights:
        if c.i > obj.i and c.dep_ == obj.dep_ and c.left_edge.i == last + 1 and (
                c.left_edge.text == "-" or verb.doc[last].text == "-"):
            last = c.right_edge.i
    return last


def _object_infinitive(obj: Token, c: Token) -> bool:
    """'backed calls to drop out', 'proposed funds to help states': an infinitive right after an object noun
    that takes one says what the object is for; the parser hangs it on the verb as a purpose clause, PolNeAR
    keeps it (not after any object: 'cited the killings to give context' is the speaker's purpose)."""
    return (c.dep_ == "advcl" and c.left_edge.lower_ == "to" and c.left_edge.dep_ == "aux"
            and obj.lemma_.lower() in INFINITIVE_NOUNS)



def _object_detail(c: Token) -> bool:
    """'mentioned Rubio by name', 'put his fortune at $4 billion': how the object was named or valued is part of
    what was said about it."""
    pobj = next((t for t in c.children if t.dep_ == "pobj"), None)
    if c.dep_ != "prep" or pobj is None:
        return False
    return (c.lower_ == "by" and pobj.lower_ == "name") or (
        c.lower_ == "at" and (pobj.like_num or pobj.ent_type_ in ("MONEY", "PERCENT", "CARDINAL")))


# "the poll shows Clinton ahead", "the study found a link": a finding's object is its content
FINDING_VERBS = {"show", "find", "suggest", "indicate", "reveal", "confirm", "predict", "project"}
FINDING_NOUNS = {"poll", "polls", "survey", "surveys", "study", "studies", "data", "research", "analysis",
                 "report", "figures", "numbers", "results", "records", "documents", "emails", "filings",
                 "investigation", "review", "audit", "estimate", "estimates", "count", "tally", "model",
                 "forecast", "projection", "projections", "census", "statistics", "evidence", "findings",
                 "exit", "polling", "memo", "e-mails", "footage", "video", "photos", "transcript", "test"}


ONE_WORD_ANSWERS = {"yes", "no", "so"}
OBJECT_PREPS = {"of", "on", "about", "against", "for", "to", "over", "in", "with", "from", "toward", "towards"}


def _finding_subject(cue: Token) -> bool:
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in FINDING_NOUNS | {n.rstrip("s") for n in FINDING_NOUNS}


def _to_sentence_end(cue: Token, last: int) -> int:
    """'X said A and, even more important, B.': what follows the reported clause up to the sentence end is
    still reported, unless a semicolon, a quote or another cue starts something new."""
    doc = cue.doc
    end = cue.sent.end - 1
    i = last + 1
    while i <= end:
        tok = doc[i]
        if tok.text in (";", "--", "—") or (cue_lemma(tok) is not None and tok.dep_ not in MODIFIER_DEPS):
            return last
        if _gloss_participle(tok):
            return i - 2
        # ("…, but that wages are rising" is a second reported clause: it goes on)
        if (tok.lower_ in ("but", "while", "although", "though", "whereas") and doc[i - 1].text == ","
                and not _shares_subject(tok) and not (i + 1 <= end and doc[i + 1].lower_ == "that")):
            return last     # "…, but in fact she used one account": the reporter's contrast
        i += 1
    return end


# a cue word used as a modifier ("an estimated $10 trillion hole") starts no attribution
MODIFIER_DEPS = ("amod", "compound", "nmod", "acl")


def _as_aside(cue: Token) -> bool:
    """'as X said', 'as X noted', 'as X put it': a subordinate cue that vouches for the clause it hangs on."""
    return (cue.dep_ == "advcl" and cue.head.i != cue.i and cue.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < cue.i for c in cue.children)
            and not any((c.dep_ in ("ccomp", "xcomp", "dobj") and c.lower_ != "it") or c.dep_ == "auxpass"
                        for c in cue.children))   # "as he is known", "as might be expected": no speaker


def puts_it(tok: Token) -> bool:
    """'as X put it': "put" with the object "it" is a cue only in that aside."""
    return (verb_lemma(tok) == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
            and _as_aside(tok))


def _has_that(tok: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _shares_subject(conj: Token) -> bool:
    """'…, but could not bear to …': the words after the conjunction go on with the same subject."""
    nxt = conj.doc[conj.i + 1] if conj.i + 1 < len(conj.doc) else None
    return nxt is not None and (nxt.tag_ in ("MD", "VBD", "VBZ", "VBP") or nxt.dep_ == "aux")


def _asked_passive(tok: Token) -> bool:
    """'She was asked whether …': the question is put to the subject by someone unnamed."""
    return tok.lemma_.lower() == "ask" and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)


def _reporter_question(index: DocIndex, tok: Token) -> Candidate | None:
    """'Asked whether she had practised, …', 'was asked about the vote': a question with no named asker
    (whether/if/wh clause, or the object of 'about')."""
    doc = index.doc
    span = None
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.dep_ == "ccomp" and any(m.lower_ in ("whether", "if") or m.tag_ in ("WDT", "WP", "WRB")
                                     for m in (c.left_edge, *c.children)):
            span = span_of_tokens(doc, c.left_edge.i, c.right_edge.i)
        elif c.dep_ == "prep" and c.lower_ == "about":
            obj = next((x for x in c.children if x.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                span = span_of_tokens(doc, obj.left_edge.i, obj.right_edge.i)
        if span is not None:
            break
    if span is None or span[1] <= span[0] or index.quoted[index.token_at(span[0])]:
        return None
    return Candidate([span], (tok.idx, tok.idx + len(tok.text)), "ask", tok.i, None, "asked-question", 0.5,
                     "indirect")


def _asked(tok: Token) -> bool:
    """'Asked whether …, Moriarty said': the speaker was asked; the question is the reporter's ('had asked
    the board to wait' is a perfect with a named asker)."""
    return tok.lemma_.lower() == "ask" and tok.tag_ == "VBN" and not any(c.dep_ in ("auxpass", "aux")
                                                                         for c in tok.children)


def _right_end(cue: Token, after: Token) -> int:
    """Last token of the cue's arguments from ``after`` on ("accused X of walking away from a promise")."""
    last = after.right_edge.i
    for c in cue.rights:
        if c.i > after.i and c.dep_ in ("prep", "advmod", "npadvmod") :
            last = max(last, c.right_edge.i)
        elif c.i > after.i:
            break
    return last


# cues that, coordinated inside a reported clause, start a new attribution rather than continue the content
SPEECH_ACTS = {"say", "tell", "add", "announce", "insist", "argue", "claim", "warn", "write", "tweet", "state",
               "declare", "urge", "ask", "call", "demand", "accuse", "deny", "reject", "vow", "promise", "pledge"}


def _after_comma(tok: Token) -> bool:
    """The phrase headed by ``tok`` opens after a comma, semicolon or dash."""
    before = tok.left_edge.i - 1
    return before >= 0 and tok.doc[before].text in (",", ";", "--", "—", "–")


def _cut_at_next_cue(clause: Token, first: int, last: int) -> int:
    """End a reported clause before a coordinated or participial cue that starts an attribution of its own
    ('… and urged Y to …', '…, accusing Y of …')."""
    for tok in clause.subtree:
        if tok.i <= first or tok.i == clause.i:
            continue
        # ("…, accusing Y of …"); without the comma the clause is the content's own purpose or reason ("turned
        # out in force to support Clinton", "needs more work to show that …")
        if tok.dep_ == "advcl" and cue_lemma(tok) is not None and _after_comma(tok):
            return min(last, tok.left_edge.i - 1)
        # "… and urged Y to …" starts a speech act of its own; "… and thought that …" goes on with the content
        # ("… and that it would add …" is a second reported clause, not a speech act)
        lemma = cue_lemma(tok) if tok.dep_ == "conj" and not _has_that(tok) else None
        if lemma is not None and (lexicon().cue_stance.get(lemma) != "assert" or lemma in SPEECH_ACTS):
            return min(last, tok.left_edge.i - 1)
        # ", calling the accusation a fabrication", ", drawing boos from the crowd": a participle after a comma is
        # the reporter's gloss
        if tok.left_edge.i > first and _gloss_participle(tok) and (
                tok.lemma_.lower() in ("call", "describe", "label", "brand", "term") or cue_lemma(tok) is None):
            return min(last, tok.left_edge.i - 1)
    return last


def _gloss_participle(tok: Token) -> bool:
    """', drawing boos from the crowd', ', putting them at odds with …': a participle clause after a comma."""
    return (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.left_edge.i == tok.i and tok.i > 0
            and tok.doc[tok.i - 1].text == ",")



# Verbs whose that-clause is not somebody's statement or belief ("ensure that", "means that").
NOT_ATTITUDE = {"be", "have", "do", "make", "ensure", "mean", "seem", "appear", "happen", "matter", "turn",
                "prove", "become", "remain", "help", "let", "get", "take", "give", "go", "come", "put", "keep",
                "require", "cause", "allow", "so", "determine", "depend", "note"}


def generic_cue(tok: Token) -> bool:
    """Any verb with a person-like subject and a that/whether clause reports an attitude (PolNeAR counts
    "attacked … saying", "understood that", "doubts whether"): a low-confidence fallback."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in NOT_ATTITUDE:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("it", "this", "that", "which", "there"):
        return False
    return any(c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if")
                                                            for m in c.children)
               for c in tok.children)


def find_indirect(index: DocIndex, used_cues: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    for tok in index.tokens:
        if index.quoted[tok.i] or tok.i in used_cues:
            continue
        lemma = cue_lemma(tok)
        generic = False
        if lemma is None and generic_cue(tok):
            lemma, generic = tok.lemma_.lower(), True
        if lemma is None and puts_it(tok):
            lemma = "put"
        if _asked(tok) or _asked_passive(tok):
            question = _reporter_question(index, tok)
            if question is not None:
                found.append(question)
            continue
        got = _content_parts(tok, lemma) if lemma is not None else None
        cue = cue_span(tok)
        if got is None:
            got = _as_content(tok)
        if got is None:
            # "spoke about the economy", "pointed to the poll": the object of the preposition
            framed = _prep_content(tok)
            if framed is None:
                continue
            got, cue, lemma = framed
            generic = False
        parts, frame, rule = got
        parts = [p for p in parts if p[1] > p[0]]
        if not parts:
            continue
        if ANONYMITY.search(index.text[parts[0][0]:parts[-1][1]]):
            continue
        if rule in ("object-content", "prep-object") and _asks(tok):
            continue
        n_tokens = index.token_before(parts[-1][1]) - index.token_at(parts[0][0]) + 1
        # "endorsed Clinton": a named object is a whole content
        if n_tokens < (1 if rule in ("object-content", "prep-object") else MIN_CONTENT_TOKENS):
            continue
        speaker = speaker_head(tok)
        if speaker is None or index.quoted[speaker.i]:
            continue
        # a content lying wholly inside one quote is speech reported by the quoted person, not by the article
        if index.quote_spans.covers(parts[0][0], parts[-1][1]):
            continue
        touches_quote = any(index.quote_spans.overlaps(s, e) for s, e in parts)
        kind = "mixed" if touches_quote else "indirect"
        confidence = 0.8 if rule in ("clause-complement", "according-to") else 0.7
        if generic:
            rule, confidence = "generic-complement", 0.5
        found.append(Candidate(parts, cue, lemma, tok.i, speaker.i, rule, confidence, kind,
                               frame=frame))
    return found


def _asks(tok: Token) -> bool:
    """'Do you support Ted Cruz?', 'Will she endorse the plan?': a question puts the stance to its subject, it
    does not report it."""
    sent = tok.sent
    end = sent.end - 1
    while end > sent.start and sent.doc[end].is_space:
        end -= 1
    if sent.doc[end].text != "?":
        return False
    first = sent.doc[sent.start]     # an inverted question, not a statement that ends in a question mark
    return first.tag_ == "MD" or first.lemma_.lower() in ("do", "be", "have") or first.tag_ in ("WRB", "WP")


# "sees himself as the father of a movement", "portrayed the deal as a betrayal": a judgement of the object
AS_FRAME = {"see", "view", "regard", "portray", "paint", "depict", "cast", "frame", "characterize",
            "characterise", "describe", "label", "brand", "treat", "count", "hail", "tout", "dismiss", "present",
            "pitch", "bill", "peg", "style", "envision", "envisage", "perceive", "consider", "deride", "mock"}


def _as_content(tok: Token) -> tuple[list[tuple[int, int]], str, str] | None:
    if tok.pos_ != "VERB" or verb_lemma(tok) not in AS_FRAME:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return None
    as_pp = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i), None)
    if as_pp is None:
        as_pp = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if as_pp is None:
        return None
    return [span_of_tokens(tok.doc, obj.left_edge.i, as_pp.right_edge.i)], "judge", "object-as"


# verbs in cue_preps.tsv that are cues only with one of these objects ("took aim at", "took issue with")
PHRASAL_OBJECTS = {"take": {"aim", "swipe", "shot", "jab", "dig", "potshot", "issue", "exception", "credit"}}
# the lemma whose stance a preposition frame carries when the verb itself is not a cue
STANCE_LEMMA = {"accuse": "accuse", "deny": "deny", "demand": "demand", "question": "ask"}


def _prep_content(tok: Token) -> tuple[tuple[list[tuple[int, int]], str, str], tuple[int, int], str | None] | None:
    """(content, cue characters, stance lemma) for a verb + preposition frame from ``cue_preps.tsv``."""
    if tok.pos_ != "VERB":
        return None
    lemma = verb_lemma(tok)
    frames = lexicon().prep_cues.get(lemma)
    if not frames:
        return None
    # "took a swipe at X", "threw his support behind X": the preposition may hang on the object
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if lemma in PHRASAL_OBJECTS and (obj is None or obj.lemma_.lower() not in PHRASAL_OBJECTS[lemma]):
        return None     # "took aim at X" is an attack, "took questions at the event" is not
    preps = list(tok.children) + (list(obj.children) if obj is not None else [])
    for prep in preps:
        if prep.dep_ != "prep" or prep.i < tok.i or prep.lower_ not in frames:
            continue
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is None:
            continue
        doc = tok.doc
        start, end = tok.idx, tok.idx + len(tok.text)
        if all(doc[j].dep_ in ("prt", "advmod") for j in range(tok.i + 1, prep.i)) and prep.i - tok.i <= 3:
            end = prep.idx + len(prep.text)      # "pointed to", "lashed out at"
        stance = frames[prep.lower_]
        cue_lem = lemma if lexicon().cue_stance.get(lemma) == stance else STANCE_LEMMA.get(stance)
        last = obj.right_edge.i
        # "spoke about the internment of sympathizers during the war", "lashed out at Smith on the issue": as
        # after a direct object, the parser hangs the noun's own preposition phrases on the verb
        for c in tok.rights:
            if c.i <= prep.i:
                continue
            if not _object_modifier(c, last):
                break
            last = c.right_edge.i
        # "referred to the deal as a betrayal", "pointed to the islands as bases": the judgement passed on the
        # object belongs to it (PolNeAR's annotators take the "as" phrase in)
        as_pp = next((c for c in (*tok.children, *obj.children) if c.dep_ == "prep" and c.lower_ == "as"
                      and c.i > last), None)
        if as_pp is not None:
            last = as_pp.right_edge.i
        last = end_before_aside(doc, obj.left_edge.i, last)
        # "complained about Smith, the city's auditor": after a preposition object any trailing appositive is
        # the reporter's gloss (PolNeAR's annotators leave it out, mostly; after a direct object they keep a
        # naming one, see boundaries.py)
        appos = next((c for c in obj.rights if c.dep_ == "appos" and c.right_edge.i >= last
                      and doc[c.left_edge.i - 1].text == ","), None)
        if appos is not None:
            last = appos.left_edge.i - 2
        content = [span_of_tokens(doc, obj.left_edge.i, last)]
        return (content, "", "prep-object"), (start, end), cue_lem
    return None



# "Pence: Gennifer Flowers won't be at debate" / "PENCE: Well, look, …": a short name, a colon, a clause.
COLON_MAX_SPEAKER_TOKENS = 6
COLON_MIN_CONTENT_TOKENS = 3
# words inside a name before the colon ("Secretary of State", "Ministry of Defence")
COLON_NAME_LINKS = {"of", "the", "and", "&", "for", "de", "von", "van", "al"}
# section labels, not speakers ("Exclusive: …", "The Latest: …", "Watch: …")
COLON_LABELS = {"exclusive", "latest", "watch", "video", "videos", "update", "updated", "breaking", "live",
                "analysis", "opinion", "editorial", "review", "photos", "photo", "listen", "related", "note",
                "correction", "transcript", "excerpt", "daily", "news", "fact", "check", "explainer", "podcast",
                "read", "more", "q", "question", "answer", "warning", "spoiler", "graphic", "chart", "map", "wow",
                "boom", "bombshell", "byline", "fix", "must", "huge", "shock", "shocking", "ouch", "yikes", "omg",
                "lol", "wtf", "whoa", "ok", "okay", "audio", "infographic", "quiz", "contributing", "contributors",
                "reporting", "editing", "produced", "credit", "credits"}


def find_colon(index: DocIndex, taken: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Headline and transcript attributions: a name at the start of a line followed by a colon."""
    held = Intervals(taken)
    doc = index.doc
    found: list[Candidate] = []
    for pstart, pend in index.paras:
        first = index.token_at(pstart)
        window = [t for t in doc[first:first + COLON_MAX_SPEAKER_TOKENS + 1]]
        colon = next((t for t in window if t.text == ":"), None)
        if colon is None or colon.i == first:
            continue
        speaker_tokens = doc[first:colon.i]
        # the small model tags some names as nouns ("Sanders", "Politifact"): a capitalised run is a name too
        named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in speaker_tokens) or all(
            t.is_title or t.is_upper or t.lower_ in COLON_NAME_LINKS for t in speaker_tokens)
        if not named and not any(t.lower_ in ("poll", "survey", "study", "report") for t in speaker_tokens):
            continue
        if any(t.like_num or t.ent_type_ in ("DATE", "TIME") or t.lower_ in COLON_LABELS for t in speaker_tokens):
            continue
        end_tok = index.token_before(pend)
        if end_tok - colon.i < COLON_MIN_CONTENT_TOKENS:
            continue
        s, e = span_of_tokens(doc, colon.i + 1, end_tok)
        if e <= s or held.overlaps(s, e):
            continue
        head = speaker_tokens.root
        found.append(Candidate([(s, e)], (colon.idx, colon.idx + 1), None, colon.i, head.i, "colon-line", 0.6,
                               "indirect"))
    return found


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
NOUN_PREP_CUES = {"support": ("for",), "criticism": ("of",), "attacks": ("on",), "opposition": ("to",),
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
                  "criticisms": ("of",), "defense": ("of",), "defence": ("of",),
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
    if owner is not None and owner.pos_ != "PRON":
        return owner
    if owner is None:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.i > noun.i:
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    # "Clinton unveiled a proposal to …", "Trump backed away from a suggestion that …", "Sanders toned
    # down his criticism of …": the subject of the verb the noun depends on
    tok, steps = noun, 0
    while tok.dep_ in ("dobj", "pobj", "prep", "attr") and steps < 3:
        tok, steps = tok.head, steps + 1
    if tok.pos_ == "VERB" and tok.i != noun.i and not any(c.dep_ == "auxpass" for c in tok.children):
        subj = subject_of(tok)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON") and subj.i < noun.i:
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
        to = c.dep_ == "xcomp" and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)
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


def find_nominal(index: DocIndex, taken: Iterable[tuple[int, int]]) -> list[Candidate]:
    held = Intervals(taken)
    doc = index.doc
    found: list[Candidate] = []
    for tok in index.tokens:
        self_word = next((c for c in tok.children if c.lower_ == "self" and c.i < tok.i), None)
        if tok.lower_ == "described" and tok.dep_ == "amod" and self_word is not None and tok.head.i > tok.i:
            # "a self-described democratic socialist": the rest of the noun phrase is the holder's own label
            s, e = span_of_tokens(doc, tok.i + 1, tok.head.i)
            if e > s and not held.overlaps(s, e) and not index.quoted[tok.i]:
                found.append(Candidate([(s, e)], (tok.idx, tok.idx + len(tok.text)), None, tok.i, self_word.i,
                                       "noun-cue", 0.5, "indirect", frame="judge"))
            continue
        if tok.pos_ != "NOUN" or index.quoted[tok.i]:
            continue
        received = _received(tok) if tok.lemma_.lower() in RECEIVED_NOUNS else None
        if received is not None:
            (first, last), giver, start = received
            s, e = span_of_tokens(doc, first, end_before_aside(doc, first, last))
            if e > s and not held.overlaps(s, e) and not index.quoted[giver.i]:
                found.append(Candidate([(s, e)], (start.idx, tok.idx + len(tok.text)),
                                       NOUN_STANCE_CUE.get(tok.lemma_.lower()), tok.i, giver.i, "noun-received",
                                       0.5, "indirect"))
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
        content = (content[0], end_before_aside(doc, *content))
        s, e = span_of_tokens(doc, *content)
        if e <= s or held.overlaps(s, e):
            continue
        if owner is not None and (index.quoted[owner.i] or owner.pos_ not in ("PROPN", "NOUN", "PRON")):
            owner = None
        found.append(Candidate([(s, e)], (tok.idx, tok.idx + len(tok.text)), NOUN_STANCE_CUE.get(lower) or
                               NOUN_STANCE_CUE.get(lemma), tok.i, owner.i if owner is not None else None,
                               "noun-cue", 0.6 if owner is not None else 0.4, "indirect"))
    return found


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
        first, last = _subtree_range(host)
        first, last = max(first, host.sent.start), min(last, host.sent.end - 1)
        parts = _ranges_without(doc, first, last, [_subtree_range(tok)])
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
             "measured": ("on", "about"), "consumed": ("with", "by"), "obsessed": ("with",)}
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
            infinitive = c.dep_ == "xcomp" and any(t.lower_ == "to" and t.dep_ == "aux" for t in c.children)
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
        if e <= s or held.overlaps(s, e):
            continue
        start = head.idx if head is not None and 0 < tok.i - head.i <= 2 else tok.idx
        found.append(Candidate([(s, e)], (start, tok.idx + len(tok.text)), None, tok.i, subj.i, "adjective",
                               0.5, "indirect"))
    return found


# "The plan was rejected by the council", "Oz has been called a charlatan by physicians": a passive judgement
# verb; the content is its subject (with the "as" phrase or predicate), the speaker the "by" agent if any.
PASSIVE_EXTRA = {"know", "boo", "revile", "praise", "applaud", "hail", "view", "see", "regard", "consider", "deem",
                 "label", "brand", "dub", "call"}
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
            if named is not None and not any(held.overlaps(*p) for p in named):
                found.append(Candidate(named, (tok.idx, tok.idx + len(tok.text)), lemma, tok.i, None,
                                       "passive-object", 0.5, "indirect", frame="judge"))
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
        if subj is None or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            continue
        parts = [span_of_tokens(doc, subj.left_edge.i, subj.right_edge.i)]
        pred = next((c for c in tok.children if c.i > tok.i and (c.dep_ == "oprd" or
                                                                 (c.dep_ == "prep" and c.lower_ == "as"))), None)
        if reasons:
            # "was accused of bribery", "is known for her liberal bent": the charge is what is judged
            pred = next((c for c in tok.children if c.i > tok.i and c.dep_ == "prep" and c.lower_ in reasons), pred)
            if pred is None and lemma in PASSIVE_NOT:
                continue
        if subj.pos_ == "PRON" and pred is None:
            continue
        if pred is not None:
            parts.append(span_of_tokens(doc, pred.left_edge.i, pred.right_edge.i))
        parts = [p for p in parts if p[1] > p[0]]
        if not parts or any(held.overlaps(*p) for p in parts):
            continue
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        found.append(Candidate(parts, (tok.idx, tok.idx + len(tok.text)), lemma, tok.i,
                               by.i if by is not None else None, "passive-object", 0.5, "indirect"))
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
            # "the team appeared paralyzed", "the state seems stable": the subject and the predicate adjective
            inf = next((c for c in tok.children if c.dep_ in ("acomp", "attr", "oprd", "xcomp") and c.i > tok.i), None)
        if subj is None or inf is None or subj.lower_ in ("it", "there", "this", "that", "which", "who"):
            continue
        first = next((t.i for t in inf.subtree if t.dep_ == "aux" and t.lower_ == "to"), inf.left_edge.i)
        s1 = span_of_tokens(doc, subj.left_edge.i, subj.right_edge.i)
        s2 = span_of_tokens(doc, first, inf.right_edge.i)
        parts = [p for p in (s1, s2) if p[1] > p[0]]
        if len(parts) < 2 or any(held.overlaps(*p) for p in parts):
            continue
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        found.append(Candidate(parts, (tok.idx, tok.idx + len(tok.text)), None, tok.i,
                               by.i if by is not None else None, "raising", 0.5, "indirect"))
    return found
