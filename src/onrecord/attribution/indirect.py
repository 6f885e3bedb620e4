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
  X voted in favor of / in support of N  the object of the fixed phrase
  Asked whether P / was asked about N  a question without a named asker

The other passes, each given the spans already taken, have modules of their own: colon lines ("Pence: …") in
:mod:`.colon`, noun cues ("X's claim that P", "a proposal to P", "criticism of N") in :mod:`.nominal`, and in
:mod:`.states` findings named in an "in" phrase ("In the survey, P"), states of mind ("X is convinced that P",
"wary of N"), passive judgements ("N was rejected by X") and raising ("N seems to P", "N is expected to P").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .boundaries import (
    FINITE_TAGS,
    end_before_aside,
    end_before_finite_conj,
    end_before_reporter_event,
    end_before_reporter_tail,
    end_before_setting,
    opens_aside,
)
from .cues import (
    ACCUSE_FRAME,
    OBJECT_CONTENT,
    SUBJECT_DEPS,
    URGE_FRAME,
    Candidate,
    DocIndex,
    cue_lemma,
    cue_span,
    for_clause,
    has_subject,
    has_to,
    judged_appos,
    quoted_judgement,
    span_of_tokens,
    speaker_head,
    under_mark,
    verb_lemma,
)
from .lexicon import lexicon
from .madeclear import made_clear
from .nominal import ATTITUDE_NOUNS, ATTITUDE_PREPS, INFINITIVE_NOUNS, LIGHT_VERBS, SPOKEN_NOUNS
from .tellask import asked_if, told_story
from .trailing import ADDRESSEE_VERBS, cue_clause_start, leading_cue, trailing_clause, trailing_cue

MIN_CONTENT_TOKENS = 2
# rules whose content is a noun phrase: one named thing is a whole content ("endorsed Clinton")
OBJECT_RULES = ("object-content", "prep-object", "stated-attitude")
# "a spokesman, who asked not to be named, said …": the request for anonymity is not the news ("an anonymous
# letter" in the content is no such request)
ANONYMITY = re.compile(r"\b(not to be (named|identified|quoted)|anonymity|not authori[sz]ed to"
                       r"|(remain|remaining|stay|spoke|speak|speaking) anonymous(ly)?)\b", re.IGNORECASE)


def subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i


def _of_chain(noun: Token) -> list[Token]:
    """'in one of a pair of letters': the noun and the nouns of the "of" phrases hung one on the other."""
    chain = [noun]
    while len(chain) < 4:
        nxt = next((o for p in chain[-1].children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"), None)
        if nxt is None:
            break
        chain.append(nxt)
    return chain


def _inverted_source(cue: Token, before: Token, after: Token) -> bool:
    """'Rents rose, said a clerk at the office, who saw the figures Ms. Diaz sent': the parser may take the source
    after an inverted cue for the subject of a clause further on; a whole clause closed by a comma right before a
    subjectless cue is what was said."""
    doc = cue.doc
    subject = next((c for c in after.children if c.dep_ == "nsubj"), None)
    own = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (before.i < cue.i and before.left_edge.i == cue.sent.start and doc[cue.i - 1].text == ","
            and before.right_edge.i in (cue.i - 2, cue.i - 1) and before.tag_ in FINITE_TAGS
            and own is not None and not any(t.tag_ in ("WP", "WP$", "WDT") for t in own.subtree)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children)
            and subject is not None and subject.left_edge.i == cue.i + 1 and subject.pos_ != "PRON")


def _clause(cue: Token) -> Token | None:
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    if clauses:
        # "Salkin, a rabbi helping …, said he was alarmed": the parser may take a piece of a long subject for
        # a second clause; the one after the cue is what was said
        after = next((c for c in clauses if c.i > cue.i), None)
        if after is not None and not _inverted_source(cue, clauses[0], after):
            return after
        if after is not None:
            return clauses[0]
        # "His term ends in May; the board has not announced a successor": a cue with a complement of its own
        # after it reports that, not the clause before it
        own = next((c for c in cue.children if c.i > cue.i and c.dep_ in ("xcomp", "dobj")), None)
        if own is None or (own.dep_ == "dobj" and cue.lemma_.lower() in ADDRESSEE_VERBS):   # "…, he told the court"
            return clauses[0]
        if own.dep_ == "dobj":
            return None
    for c in cue.children:
        if c.dep_ == "xcomp" and c.i > cue.i:
            return c
    # "said in a statement that …": the parser hangs the clause on the noun of the "in" phrase
    for c in cue.children:
        if c.dep_ == "prep" and c.i > cue.i:
            for obj in c.children:
                if obj.dep_ != "pobj":
                    continue
                for clause in (k for noun in _of_chain(obj) for k in noun.children):
                    if clause.dep_ in ("acl", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                               for m in clause.children):
                        return clause
    # '…, he said' and 'All too often, Ms. Okafor said, the vote …': the cue hangs on the reported clause
    # ('which, Tompkins said, is usually full'): the clause it interrupts, which may be a relative one
    if trailing_cue(cue) or leading_cue(cue) is not None:
        return cue.head
    if cue.dep_ == "parataxis":
        return cue.head if cue.head.dep_ in ("relcl", "ccomp") else cue.sent.root
    return None


def ranges_without(doc: Doc, first: int, last: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
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


def _after_root_according(cue: Token) -> tuple[list[tuple[int, int]], str, str] | None:
    """'According to a poll by the port, dockers who are older skew toward early retirement': the parser may make
    "According" the root and hang the clause (or its subject) on it or on the source; the content is what
    follows the comma that closes the source."""
    doc = cue.doc
    comma = next((t.i for t in doc[cue.i + 2:cue.sent.end - 1] if t.text == ","), None)
    if comma is None:
        return None
    part = span_of_tokens(doc, comma + 1, cue.sent.end - 1)
    return ([part], "", "according-to") if part[1] > part[0] else None


def _second_object(cue: Token, obj: Token) -> list[Token]:
    """'labelled the rally a circus': the parser reads the judgement as a second object of the verb; the
    judgement follows the first object with no verb of the sentence in between ('called the mayor, asked for
    a delay, …' is a list of actions)."""
    second = next((c for c in cue.children if c.dep_ == "dobj" and c.i > obj.i), None)
    if second is None or any(c.dep_ in ("advcl", "conj", "cc", "ccomp", "xcomp") and obj.i < c.i < second.i
                             for c in cue.children):
        return []
    return [second]


def _content_parts(cue: Token, lemma: str) -> tuple[list[tuple[int, int]], str, str] | None:
    """(parts, frame, rule) of the content governed by ``cue``, or None."""
    doc = cue.doc
    if lemma == "according to":
        host = cue.head
        if host.i == cue.i:
            return _after_root_according(cue)
        # "A rose, but B fell, according to X": the phrase vouches for the whole sentence, not the conjunct
        # or the subordinate clause the parser hangs it on
        while host.dep_ in HOST_CLIMB and host.head.i != host.i and cue.i > host.i:
            host = host.head
        first, last = subtree_range(host)
        first = max(first, host.sent.start)
        last = min(last, host.sent.end - 1)
        if host.i < cue.i and cue.left_edge.i > first:
            # "Sales rose, according to the league, but attendance fell": after its clause the phrase ends what
            # it vouches for ("The stadium, according to the league, will cost …" goes on: it interrupts)
            last = min(last, cue.left_edge.i - 1)
        parts = ranges_without(doc, first, last, [subtree_range(cue)])
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
            last = _right_end(cue, pp)
            # "accused the aides of bias and his staff of shoddy work": a second object with its own charge
            if pp.head.i == obj.i and any(c.dep_ == "conj" and c.i > pp.i for c in obj.children):
                last = max(last, obj.right_edge.i)
            last = end_before_aside(doc, obj.left_edge.i, last)
            return [span_of_tokens(doc, obj.left_edge.i, last)], "", "accuse-frame"
    if lemma in JUDGE_VERBS and not _names_noun(cue):
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > cue.i), None)
        judged = [c for c in children if c.dep_ in ("oprd", "ccomp") and c.i > cue.i]
        if obj is not None and not judged:
            judged = _second_object(cue, obj)
        if obj is not None and not judged:
            judged = [c for c in obj.children if (c.dep_ in ("acl", "amod") or judged_appos(c)) and c.i > obj.i]
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
        close = quoted_judgement(cue)
        if close is not None and not any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("for", "on", "upon"))
                                         for c in children if c.i < close):
            return [span_of_tokens(doc, cue.i + 1, close)], "judge", "call-judgement"
    if lemma in URGE_FRAME:
        to_clause = next((c for c in children if c.dep_ in ("xcomp", "ccomp") and c.i > cue.i
                          and has_to(c)), None)
        target = next((c for c in children if c.dep_ in ("dobj", "prep") and c.i > cue.i), None)
        if to_clause is None and target is not None and target.dep_ == "dobj":
            # "urged the authority to block the merger": the infinitive hangs on the object
            to_clause = next((c for c in target.children if c.dep_ in ("acl", "relcl")
                              and has_to(c)), None)
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
        parts = ranges_without(doc, first, last, [subtree_range(cue)])
        return (parts, "", "as-aside") if parts else None
    clause = _clause(cue)
    if clause is not None and lemma in TO_OBJECT_VERBS and clause.dep_ == "xcomp" and has_to(clause):
        # "didn't respond to interview requests": "to" is the preposition of "respond", which the parser reads as
        # an infinitive ("to interview"); these verbs never report a to-infinitive: what follows "to" is the thing
        # responded to, as in the preposition frame
        first, last = subtree_range(clause)
        to = next(c for c in clause.children if c.dep_ == "aux" and c.lower_ == "to")
        last = end_before_aside(doc, to.i + 1, min(last, cue.sent.end - 1))
        return ([span_of_tokens(doc, to.i + 1, last)], "", "prep-object") if last > to.i else None
    if clause is not None:
        if (cue.dep_ == "parataxis" or trailing_cue(cue)) and clause.i in (cue.sent.root.i, cue.head.i):
            first, last = subtree_range(clause)
            last = end_before_aside(doc, first, last)
            # '…, for people to organize, she said': words of the clause hung on the cue stay in the content
            hole = subtree_range(cue)
            if trailing_cue(cue):
                hole = (cue_clause_start(cue) or hole[0], hole[1])
            parts = ranges_without(doc, first, last, [hole])
            return (parts, "", "clause-parataxis") if parts else None
        lead = leading_cue(cue)
        if lead is not None and clause.i == cue.head.i:
            # 'Every Friday, the treasurer told the Gazette, the mayor …': the words before the cue clause are
            # still the reported clause's
            first, last = subtree_range(clause)
            last = end_before_aside(doc, first, last)
            parts = ranges_without(doc, first, last, [(lead.left_edge.i, cue.right_edge.i)])
            return (parts, "", "clause-parataxis") if parts else None
        first, last = subtree_range(clause)
        if clause.i > cue.i and cue.dep_ not in ("relcl", "acl"):
            last = _to_sentence_end(cue, last, infinitive=clause.dep_ == "xcomp")
        last = end_before_reporter_tail(doc, first, _cut_at_next_cue(clause, first, last))
        last = end_before_reporter_event(clause, end_before_finite_conj(clause, last))
        frame = "to" if clause.dep_ == "xcomp" else ""
        parts = [span_of_tokens(doc, first, end_before_aside(doc, first, last, relatives=cue.i < last))]
        gap = _relative_gap(cue, clause)
        if gap is not None:
            parts.insert(0, span_of_tokens(doc, gap[0], gap[1]))
        return parts, frame, "clause-complement"
    if lemma == "say":
        # "75 percent said yes", "half said so": a one-word answer is the whole content
        answer = next((c for c in children if c.i > cue.i and c.lower_ in ONE_WORD_ANSWERS
                       and c.dep_ in ("intj", "advmod", "dobj", "npadvmod")), None)
        if answer is not None:
            return [span_of_tokens(doc, answer.i, answer.i)], "", "object-content"
    if (lemma in OBJECT_CONTENT or (lemma in FINDING_VERBS and _finding_subject(cue))) and not _noun_infinitive(
            cue) and not _occasion_infinitive(cue):
        obj = next((c for c in children if c.dep_ in ("dobj",) and c.i > cue.i), None)
        stated = _stated_attitude(cue, lemma, obj) if obj is not None else None
        if stated is not None:
            last = end_before_setting(doc, stated.left_edge.i, stated.right_edge.i)
            return [span_of_tokens(doc, stated.left_edge.i, last)], "", "stated-attitude"
        if obj is not None and obj.lower_ not in VAGUE_OBJECTS:
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
                    elif _list_rest(doc, c, last):
                        last = c.right_edge.i
                    elif c.i == last + 1 and c.text == ",":
                        continue    # only a list's rest may follow it (see _list_rest)
                    else:
                        break
            # "rejected the accusation as 'the excuse of people who lose'": the judgement belongs to it
            as_pp = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i), None)
            if as_pp is None:
                as_pp = _as_judgement(cue, obj, last)
            if as_pp is not None:
                last = as_pp.right_edge.i
            last = end_before_aside(doc, obj.left_edge.i, end_before_setting(doc, obj.left_edge.i, last))
            last = _before_gloss(obj, last)
            topic = _amount_topic(cue, obj)
            first = topic.left_edge.i if topic is not None and topic.i <= last else obj.left_edge.i
            return [span_of_tokens(doc, first, last)], "", "object-content"
        # "dismissed as baseless reports that …": the object sits inside the "as" phrase
        as_pp = next((c for c in children if c.dep_ == "prep" and c.lower_ == "as" and c.i == cue.i + 1), None)
        pobj = next((c for c in as_pp.children if c.dep_ == "pobj"), None) if as_pp is not None else None
        if pobj is not None and pobj.pos_ == "NOUN":
            first = pobj.left_edge.i
            while first < pobj.i and doc[first].pos_ == "ADJ":
                first += 1
            return [span_of_tokens(doc, first, pobj.right_edge.i)], "", "object-content"
        relative = _relative_object(cue)
        if relative is not None:
            # "whom he described as volatile": the judgement passed on it goes with it
            judged = next((c for c in children if c.i > cue.i and (c.dep_ == "oprd" or (
                c.dep_ == "prep" and c.lower_ == "as"))), None)
            if judged is not None:
                return [relative, span_of_tokens(doc, judged.left_edge.i, judged.right_edge.i)], "", "object-content"
            return [relative], "", "object-content"
    return None


def _relative_object(cue: Token) -> tuple[int, int] | None:
    """'the levy, which most growers opposed', 'a bill that she backed': the stance is taken on the noun the
    relative clause hangs on; as with a reported clause, the relative word is the content (the noun phrase
    where the word is "that")."""
    if cue.dep_ != "relcl" or cue.head.i > cue.i or any(c.dep_ == "dobj" and c.i > cue.i for c in cue.children):
        return None
    word = next((c for c in cue.children if c.dep_ == "dobj" and c.i < cue.i and c.tag_ in ("WDT", "WP")), None)
    if word is None:
        return None
    if word.lower_ == "that":
        head = cue.head
        return span_of_tokens(cue.doc, head.left_edge.i, head.i)
    return span_of_tokens(cue.doc, word.i, word.i)


def _before_gloss(obj: Token, last: int) -> int:
    """'attacked Ruiz, the city's auditor', 'endorsed Obama's trade pact — one of his big goals': after a named
    object a comma or dash opens the reporter's description of it; PolNeAR's annotators leave it out."""
    doc = obj.doc
    appos = next((c for c in obj.rights if c.dep_ == "appos" and c.right_edge.i >= last and c.pos_ != "PROPN"
                  and opens_aside(doc[c.left_edge.i - 1])), None)
    if appos is None or obj.pos_ != "PROPN":
        return last
    return appos.left_edge.i - 2


# "said little about N", "disclosed more about N": an amount of talk, not what was said
AMOUNT_OBJECTS = {"little", "nothing", "much", "more", "less", "anything"}


def _amount_topic(cue: Token, obj: Token) -> Token | None:
    """'said little about the budget', 'said almost nothing about the injury': what was (hardly) said is about
    the object of the preposition; PolNeAR's annotators mark that topic (the parser hangs the preposition on the
    verb or on the amount)."""
    if obj.lower_ not in AMOUNT_OBJECTS:
        return None
    prep = next((c for c in (*obj.rights, *cue.rights) if c.dep_ == "prep" and c.i == obj.i + 1
                 and c.lower_ in ("about", "on", "of")), None)
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


def _as_judgement(cue: Token, obj: Token, last: int) -> Token | None:
    """'painted the council as bigoted', 'described the agency as badly run': the parser reads a judgement with
    no noun as a clause of its own ("as" its marker); with no subject of its own it is said of the object
    ('praised the mayor as she left' is a time)."""
    return next((c for c in cue.rights if c.dep_ == "advcl" and c.left_edge.i == last + 1
                 and c.left_edge.lower_ == "as" and c.left_edge.dep_ in ("mark", "advmod")
                 and not has_subject(c)), None)


ADVERBIAL_NOUNS = {"way", "reason", "time", "day", "moment", "year", "week", "month", "night", "place"}


def _relative_gap(cue: Token, clause: Token) -> tuple[int, int] | None:
    """'the bridge the mayor wants to rebuild', 'who are expected to vote': in a relative clause the reported
    clause is about the noun it hangs on; PolNeAR's annotators take in the relative word, or the noun phrase
    where there is none."""
    if cue.dep_ != "relcl" or clause.i < cue.i or cue.head.i > cue.i or any(
            c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return None     # "held a briefing to say that …": an infinitive, not a relative clause
    words = [t for t in cue.doc[cue.left_edge.i:cue.i] if t.tag_ in ("WP", "WDT", "WP$", "WRB") or t.lower_ == "that"]
    if not words:
        head = cue.head
        # "the reasons he wants to leave", "the day she said she would run": the noun is no part of it
        return None if head.lemma_.lower() in ADVERBIAL_NOUNS else (head.left_edge.i, head.i)
    word = words[0]
    if word.dep_ == "nsubjpass":
        return word.i, word.i
    return None


# "opposed it", "blamed themselves": an object the annotators rarely take as a position (the thing "it" stands
# for is marked where it is named); a person ("endorsed her") or a described pronoun ("rejected those who …",
# "said something that …") is taken
VAGUE_OBJECTS = {"it", "them", "itself", "himself", "herself", "themselves", "ourselves", "myself", "yourself"}


def _noun_infinitive(verb: Token) -> bool:
    """'her refusal to endorse Smith', 'a plan to admit more students': an infinitive on a noun says what the noun
    is; PolNeAR marks the infinitive as the content of the noun (a noun cue, see nominal.py), not its object as
    a stance of its own."""
    return verb.dep_ == "acl" and verb.tag_ == "VB"


def _occasion_infinitive(verb: Token) -> bool:
    """'a good time to revisit the plan', 'ways to voice their anger': an infinitive on a noun of time, place or
    reason names an occasion for a stance, nobody's stance."""
    return verb.dep_ in ("relcl", "acl") and verb.head.i < verb.i and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.head.lemma_.lower() in ADVERBIAL_NOUNS


def _names_noun(cue: Token) -> bool:
    """'a charity called Open Doors', 'a rally dubbed the Big Push': a participle right after a noun gives its
    name, it passes no judgement ('Ruiz, the club's treasurer, called the deal unfair' is a subject the parser
    misread, set off by a comma)."""
    return (cue.dep_ == "acl" and cue.tag_ == "VBN" and cue.head.i == cue.i - 1
            and cue.head.pos_ in ("NOUN", "PROPN"))


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
    # ("discussed the strike with Mayor Ruiz": the one spoken with is no part of what was spoken of)
    return c.dep_ == "prep" and c.i == last + 1 and c.lower_ in OBJECT_PREPS and not any(
        t.ent_type_ in ("DATE", "TIME") or (c.lower_ == "with" and t.ent_type_ in ("PERSON", "ORG"))
        for t in c.children if t.dep_ == "pobj")


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


def _list_rest(doc: Doc, c: Token, last: int) -> bool:
    """'discussed the economy, health care, schools or crime': the parser may hang the rest of a list of objects
    on the verb; a noun phrase after a comma that goes on with "and"/"or" items of its own still lists them."""
    return (c.left_edge.i == last + 2 and doc[last + 1].text == "," and c.dep_ in ("npadvmod", "dobj", "appos")
            and c.pos_ in ("NOUN", "PROPN") and any(x.dep_ == "conj" for x in c.children)
            and any(x.dep_ == "cc" for x in c.subtree))


# "the poll shows Clinton ahead", "the study found a link": a finding's object is its content
FINDING_VERBS = {"show", "find", "suggest", "indicate", "reveal", "confirm", "predict", "project"}
FINDING_NOUNS = {"poll", "polls", "survey", "surveys", "study", "studies", "data", "research", "analysis",
                 "report", "figures", "numbers", "results", "records", "documents", "emails", "filings",
                 "investigation", "review", "audit", "estimate", "estimates", "count", "tally", "model",
                 "forecast", "projection", "projections", "census", "statistics", "evidence", "findings",
                 "exit", "polling", "memo", "e-mails", "footage", "video", "photos", "transcript", "test", "paper",
                 "inquiry", "experiment", "search", "returns", "sample"}


ONE_WORD_ANSWERS = {"yes", "no", "so"}
OBJECT_PREPS = {"of", "on", "about", "against", "for", "to", "over", "in", "with", "from", "toward", "towards"}


def _finding_subject(cue: Token) -> bool:
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subj is None and cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.i < cue.i:
        subj = cue.head     # "a poll showing the mayor ahead": the participle's noun is the one that finds
    elif subj is not None and subj.tag_ == "WDT" and cue.dep_ == "relcl" and cue.head.i < cue.i:
        subj = cue.head     # "a poll that shows the mayor ahead": the noun the relative word stands for
    return subj is not None and subj.lemma_.lower() in FINDING_NOUNS | {n.rstrip("s") for n in FINDING_NOUNS}


def _reports_finding(cue: Token) -> bool:
    """'the poll found …', 'surveys show …': the cue reports a finding, whose content may be a list of results."""
    lemma = verb_lemma(cue)
    return lemma in ("find", "show") or (lemma in FINDING_VERBS and _finding_subject(cue))


def _to_sentence_end(cue: Token, last: int, infinitive: bool = False) -> int:
    """'X said A and, even more important, B.': what follows the reported clause up to the sentence end is
    still reported, unless a semicolon, a quote or another cue starts something new."""
    doc = cue.doc
    end = min(cue.sent.end - 1, _fronted_end(cue))
    i = last + 1
    while i <= end:
        tok = doc[i]
        if _second_that_clause(tok, last):
            # "…, but that she would veto any new levy": a second reported clause, cue words and all
            i = max(i, tok.head.right_edge.i) + 1
            continue
        if tok.text == ";" or (tok.text != "," and opens_aside(tok)) or (
                cue_lemma(tok) is not None and tok.dep_ not in MODIFIER_DEPS):
            return last
        if _gloss_participle(tok):
            return i - 2
        if tok.dep_ == "cc" and tok.head.i == cue.i and _own_action(cue, tok):
            return last
        # ("…, but that wages are rising" is a second reported clause: it goes on)
        if (_contrast(cue, tok, infinitive) and doc[i - 1].text == ","
                and not _shares_subject(tok) and not (i + 1 <= end and doc[i + 1].lower_ == "that")):
            return last     # "…, but in fact she used one account": the reporter's contrast
        i += 1
    return end


def _second_that_clause(tok: Token, last: int) -> bool:
    """'that' opening a clause after "and"/"but" that is joined to the reported clause (which ends at ``last``):
    '…, but that she would veto any new levy'."""
    verb = tok.head
    return (tok.lower_ == "that" and tok.dep_ == "mark" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("and", "but")
            and verb.i > tok.i and verb.dep_ == "conj" and verb.head.i <= last)


def _contrast(cue: Token, conj: Token, infinitive: bool) -> bool:
    """'…, but in fact she used one account', '…, while others disagree', '…, and the state will pay': a
    conjunction that opens the reporter's own clause. A poll's finding goes on over "while" and the like: it
    is a list of results ('found that 40 percent back the mayor, while 30 percent back her rival')."""
    word = conj.lower_
    if word == "and":
        return _new_subject(conj, pronouns=infinitive)
    return word == "but" or (word in ("while", "although", "though", "whereas") and not _reports_finding(cue))


def _new_subject(cc: Token, pronouns: bool) -> bool:
    """', and the state will pay for it': the verb after the conjunction has a subject of its own. A to-infinitive
    ('agreed to repave the road, and …') cannot go on with such a clause; after a finite reported clause one
    with a pronoun subject mostly still reports ('said the plan was fair, and she would sign it'), so a
    pronoun counts only with ``pronouns``."""
    verb = next((c for c in cc.head.rights if c.dep_ == "conj" and c.i > cc.i), None)
    return verb is not None and verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in SUBJECT_DEPS and c.i > cc.i and (pronouns or c.tag_ != "PRP")
        for c in verb.children)


def _own_action(cue: Token, cc: Token) -> bool:
    """'She plans to back the levy but remains undecided': a verb coordinated with the cue and sharing its
    subject is another thing the speaker did. After "say" PolNeAR's annotators mostly keep it in the content
    ('said the plan was fair but had not read it')."""
    conj = next((c for c in cue.rights if c.dep_ == "conj" and c.i > cc.i), None)
    return cue.lemma_.lower() != "say" and conj is not None and conj.pos_ in ("VERB", "AUX") and not has_subject(
        conj)


def _fronted_end(cue: Token) -> int:
    """The last token of the phrase before its head that the cue is in, or the sentence end: after a fronted
    clause ('While X said A, the committee voted …') or a subject ('Plans to widen the road stalled …') the
    main clause is the reporter's. A colon after the phrase ('X argued that A: B') still leads to what was
    said."""
    node = cue
    while node.head.i != node.i:
        if node.head.i > node.right_edge.i and node.doc[node.right_edge.i + 1].text != ":":
            return node.right_edge.i
        node = node.head
    return cue.sent.end - 1


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


FIGURE_ENTS = ("MONEY", "PERCENT", "CARDINAL", "QUANTITY")
FIGURE_COMPARATIVES = {"higher", "lower", "closer", "nearer"}


def _puts_figure(tok: Token) -> tuple[list[tuple[int, int]], str, str] | None:
    """'the survey puts her support at 40 percent', 'later counts put the total closer to 900': an estimate
    stated with "put"; the thing estimated and the figure are the content ('put lives at risk' is no estimate)."""
    if tok.pos_ != "VERB" or verb_lemma(tok) != "put" or tok.tag_ == "VBG":
        return None     # "…, putting them well ahead": the reporter's gloss
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
    if obj is None:
        return None
    figure = next((c for c in tok.children if c.i > obj.i and (
        (c.dep_ == "prep" and c.lower_ in ("at", "near", "around")
         and any(t.like_num or t.ent_type_ in FIGURE_ENTS for t in c.subtree))
        or (c.dep_ in ("advmod", "acomp", "oprd") and c.lower_ in FIGURE_COMPARATIVES))), None)
    if figure is None:
        return None
    last = end_before_setting(tok.doc, obj.left_edge.i, figure.right_edge.i)
    return [span_of_tokens(tok.doc, obj.left_edge.i, last)], "", "object-content"


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
        elif c.dep_ == "advcl" and c.left_edge.lower_ in ("whether", "if") and c.left_edge.head.i == c.i:
            # 'Asked if the pier would close, …': the parser reads the question as a condition
            span = span_of_tokens(doc, c.left_edge.i, c.right_edge.i)
        elif c.dep_ == "prep":
            about = c if c.lower_ == "about" else _about_on_setting(c)
            obj = next((x for x in about.children if x.dep_ in ("pobj", "pcomp")), None) if about else None
            if obj is not None:
                span = span_of_tokens(doc, obj.left_edge.i, obj.right_edge.i)
        if span is not None:
            break
    if span is None or span[1] <= span[0] or index.quoted[index.token_at(span[0])]:
        return None
    return Candidate([span], (tok.idx, tok.idx + len(tok.text)), "ask", tok.i, None, "asked-question", 0.5,
                     "indirect")


def _about_on_setting(prep: Token) -> Token | None:
    """'asked at a briefing about the merger': the parser hangs the "about" phrase on the setting's noun."""
    obj = next((x for x in prep.children if x.dep_ == "pobj"), None)
    if prep.lower_ not in ("at", "during", "in", "on") or obj is None:
        return None
    return next((x for x in obj.children if x.dep_ == "prep" and x.lower_ == "about"), None)


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
    return before >= 0 and (tok.doc[before].text == ";" or opens_aside(tok.doc[before]))


def _cut_at_next_cue(clause: Token, first: int, last: int) -> int:
    """End a reported clause before a coordinated or participial cue that starts an attribution of its own
    ('… and urged Y to …', '…, accusing Y of …')."""
    # a finding's content is a list of results: "found that 40 percent back the mayor, while 30 percent favor
    # her rival, giving her a clear lead" goes on over a finite verb and a gloss (a participle that is a cue,
    # ", contradicting the mayor's claim", still starts an attribution of its own)
    finding = _reports_finding(clause.head)
    for tok in clause.subtree:
        if tok.i <= first or tok.i == clause.i:
            continue
        # ("…, accusing Y of …"); without the comma the clause is the content's own purpose or reason ("came
        # in numbers to back the mayor", "needs more time to prove that …")
        if tok.dep_ == "advcl" and cue_lemma(tok) is not None and _after_comma(tok) and not (
                finding and tok.tag_ != "VBG"):
            return min(last, tok.left_edge.i - 1)
        # "… and urged Y to …" starts a speech act of its own; "… and thought that …" goes on with the content
        # ("… and that it would add …" is a second reported clause, not a speech act)
        lemma = cue_lemma(tok) if (tok.dep_ == "conj" and not _has_that(tok) and not finding
                                   and not _base_after_finite(tok, clause.head)) else None
        if lemma is not None and (lexicon().cue_stance.get(lemma) != "assert" or lemma in SPEECH_ACTS):
            return min(last, tok.left_edge.i - 1)
        # ", calling the accusation a fabrication", ", drawing boos from the crowd": a participle after a comma is
        # the reporter's gloss
        if tok.left_edge.i > first and not finding and _gloss_participle(tok) and (
                tok.lemma_.lower() in ("call", "describe", "label", "brand", "term") or cue_lemma(tok) is None):
            return min(last, tok.left_edge.i - 1)
    return last


def _base_after_finite(verb: Token, cue: Token) -> bool:
    """'said he would sit the envoy down and tell him …': a bare verb cannot be coordinated with a cue in the past
    or third-person present; it goes on with the reported clause's modal or infinitive."""
    return verb.tag_ == "VB" and cue.tag_ in ("VBD", "VBZ")


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
        if got is None and lemma is not None:
            got = trailing_clause(tok)     # '…, the ferry was cancelled, officials said' parsed without a clause
        if got is None and lemma is not None:
            got = asked_if(tok) or told_story(tok)   # 'asked her if …' read as a condition, 'told the story of …'
        if got is None and lemma is None:
            got = made_clear(tok)     # 'made it clear that …', 'made no mention of …'
            lemma = "make" if got is not None else None
        if got is None and lemma is None:
            got = _puts_figure(tok)   # 'the survey puts her support at 40 percent'
            lemma = "put" if got is not None else None
        if got is None:
            # "spoke about the economy", "pointed to the poll": the object of the preposition
            framed = _prep_content(tok) or _in_favor_of(tok)
            if framed is None:
                continue
            got, cue, lemma = framed
            generic = False
        parts, frame, rule = got
        parts = [p for p in parts if p[1] > p[0]]
        if parts and rule == "stated-attitude":
            # the attitude is part of the cue: 'expressed "deep concern" on', 'voiced support for'
            prep = index.tokens[index.token_before(parts[0][0])]
            cue = (cue[0], prep.idx + len(prep.text))
        if not parts:
            continue
        if ANONYMITY.search(index.text[parts[0][0]:parts[-1][1]]):
            continue
        if rule in OBJECT_RULES and (_asks(tok) or _inside_that_clause(tok) or _hypothetical(tok)):
            continue
        if rule in OBJECT_RULES and _speaker_profile(tok):
            continue
        n_tokens = index.token_before(parts[-1][1]) - index.token_at(parts[0][0]) + 1
        # "endorsed Clinton": a named object is a whole content
        if n_tokens < (1 if rule in OBJECT_RULES else MIN_CONTENT_TOKENS):
            continue
        speaker = speaker_head(tok)
        if speaker is None or (index.quoted[speaker.i] and not _titled_source(index, tok, speaker)):
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


def _speaker_profile(tok: Token) -> bool:
    """'said Lena Ortiz, a farmer who backs the levy': a relative clause on the description of a speaker
    says who the speaker is; the stance it mentions is the reporter's profile, not reported."""
    noun = tok.head
    return (tok.dep_ == "relcl" and noun.dep_ == "appos" and noun.head.dep_ == "nsubj"
            and cue_lemma(noun.head.head) is not None)


def _titled_source(index: DocIndex, tok: Token, speaker: Token) -> bool:
    """'according to the "Fair Roads" report': the parser may head the source on a word of the title quoted
    inside it; a source running past the quote is the article's, not a quoted speaker's."""
    if tok.lower_ != "according":
        return False
    start, end = span_of_tokens(tok.doc, speaker.left_edge.i, speaker.right_edge.i)
    return not index.quote_spans.covers(start, end)


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


def _inside_that_clause(tok: Token) -> bool:
    """'she said that backing the levy would cost votes', 'warned that voters keen to punish the mayor …': a
    verb with no subject of its own inside a that-clause is part of what the clause reports; its object is no
    stance of its own (PolNeAR's annotators mark the whole clause)."""
    return not has_subject(tok) and under_mark(tok, ("that",))


def _hypothetical(tok: Token) -> bool:
    """'if the council backs the plan, …', 'is weighing whether to endorse Ruiz': a stance under "if" or
    "whether" is one that may be taken, not one reported."""
    return under_mark(tok, ("if", "whether"))


# "sees herself as the voice of the port", "portrayed the deal as a betrayal": a judgement of the object
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
        as_pp = _as_judgement(tok, obj, obj.right_edge.i)
    if as_pp is None:
        return None
    return [span_of_tokens(tok.doc, obj.left_edge.i, as_pp.right_edge.i)], "judge", "object-as"


# verbs whose "to" is a preposition (what is answered or referred to), never the mark of a reported infinitive
TO_OBJECT_VERBS = frozenset({"respond", "reply", "react", "object", "refer", "answer"})
# verbs in cue_preps.tsv that are cues only with one of these objects ("took aim at", "took issue with")
PHRASAL_OBJECTS = {"take": {"aim", "swipe", "shot", "jab", "dig", "potshot", "issue", "exception", "credit"},
                   "pay": {"attention"}, "draw": {"attention"}, "turn": {"attention"},
                   "sound": {"note", "alarm", "warning"}}
# the lemma whose stance a preposition frame carries when the verb itself is not a cue
STANCE_LEMMA = {"accuse": "accuse", "deny": "deny", "demand": "demand", "question": "ask"}


def _prep_content(tok: Token) -> tuple[tuple[list[tuple[int, int]], str, str], tuple[int, int], str | None] | None:
    """(content, cue characters, stance lemma) for a verb + preposition frame from ``cue_preps.tsv``."""
    if tok.pos_ != "VERB" or _noun_infinitive(tok):
        return None
    lemma = verb_lemma(tok)
    frames = lexicon().prep_cues.get(lemma)
    if not frames or _occasion_participle(tok, lemma):
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
        # "has pushed for months", "the stories to be talked about today": a time is not what is spoken of
        if obj is None or obj.ent_type_ in ("DATE", "TIME"):
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
        said = _said_thing(tok, lemma)
        if said is not None:
            content.insert(0, span_of_tokens(doc, said[0], said[1]))
        return (content, "", "prep-object"), (start, end), cue_lem
    return None


def _occasion_participle(tok: Token, lemma: str) -> bool:
    """'…," she said, referring to the drones', 'Responding to the question, he spoke about jobs': a participle of
    answering or referring that hangs on a verb of speaking says what the speech was about or prompted by; the
    speech itself is the attribution."""
    if lemma not in TO_OBJECT_VERBS or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj"):
        return False
    head = verb_lemma(tok.head)
    lex = lexicon()
    return tok.head.i != tok.i and (head in lex.cue_stance or head in lex.prep_cues)


def _said_thing(tok: Token, lemma: str) -> tuple[int, int] | None:
    """'the odd things the senator wrote about tariffs': what was said is the noun the relative clause hangs on;
    PolNeAR's annotators take it in with the topic (the relative word where there is one)."""
    if lemma not in ("say", "write") or tok.dep_ != "relcl" or tok.head.i > tok.i or any(
            c.dep_ in ("dobj", "ccomp") or (c.dep_ == "aux" and c.lower_ == "to") for c in tok.children):
        return None
    words = [t for t in tok.doc[tok.left_edge.i:tok.i] if t.tag_ in ("WP", "WDT") or t.lower_ == "that"]
    if words:
        return words[0].i, words[0].i
    head = tok.head
    return None if head.lemma_.lower() in ADVERBIAL_NOUNS else (head.left_edge.i, head.i)


# "voted in favor of the levy", "came out in support of Smith", "stood in opposition to the deal": a stance taken in a
# fixed phrase; the thing taken a stance on is the content, the verb and the phrase are the cue
STANCE_PHRASES = {"favor": ("of", "favor"), "favour": ("of", "favor"), "support": ("of", "support"),
                  "opposition": ("to", "oppose"), "praise": ("of", "praise"), "defense": ("of", "defend"),
                  "defence": ("of", "defend")}


def _in_favor_of(tok: Token) -> tuple[tuple[list[tuple[int, int]], str, str], tuple[int, int], str | None] | None:
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i < tok.i:
            continue
        noun = next((c for c in prep.children if c.dep_ == "pobj" and c.i == prep.i + 1
                     and c.lower_ in STANCE_PHRASES), None)
        if noun is None:
            continue
        word, lemma = STANCE_PHRASES[noun.lower_]
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == word and c.i == noun.i + 1), None)
        obj = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
        if obj is None:
            return None
        doc = tok.doc
        last = end_before_aside(doc, obj.left_edge.i, obj.right_edge.i)
        return (([span_of_tokens(doc, obj.left_edge.i, last)], "", "prep-object"),
                (tok.idx, of.idx + len(of.text)), lemma)
    return None
