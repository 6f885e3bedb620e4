"""A cue at the end of its sentence whose reported clause the parser did not attach to it.

"The depot will close in March, a union official said." is read as the cue's clause when the parser makes the cue
a parataxis of it. Often it does not: the cue becomes the root with the clause as an adverbial ("As the storm
neared, the ferry was cancelled, officials said."), or a conjunct of the clause's verb ("The plant hires 300
people, the mayor told reporters on Friday."). The words are the same: a clause, a comma, the source and the cue,
nothing reported after it. Then the clause before the comma is the content.

Two shapes: ``trailing_cue`` tells the reported-clause frame of :mod:`.indirect` that a cue hung on the clause's
verb as a conjunct or adverbial is a parenthetical one (the clause is its head), and ``trailing_clause`` finds the
content when the cue is the root and the clause hangs on it as an adverbial. ``leading_cue`` is the mirror case:
the cue clause comes before the reported clause ("Every Friday, the treasurer told us, the mayor signs the
cheques") and the parser hangs the cue on the clause after it.
"""

from __future__ import annotations

from spacy.tokens import Token

from .boundaries import FINITE_TAGS, end_before_aside, last_word
from .cues import SUBJECT_DEPS, span_of_tokens, verb_lemma

# what may follow a trailing cue: the source (inverted, '…, said the mayor'), whom it was told, when and where
TRAILING_DEPS = {"nsubj", "dobj", "dative", "npadvmod", "prep", "advmod", "punct", "agent"}
# where and when it was said ('told reporters on Friday', 'wrote in a court filing'); not 'think about …'
SETTING_PREPS = {"in", "on", "at", "during", "via", "through", "after", "before"}
# verbs whose object is the one spoken to, not what was said: "A, she told reporters" still reports A
ADDRESSEE_VERBS = {"tell", "write", "assure", "remind", "inform", "warn", "caution", "promise", "email", "text",
                   "advise"}

# verbs of saying that may head a cue clause set before what was said ('…, she told the Gazette, the …')
LEADING_VERBS = {"say", "tell", "write", "add", "note", "argue", "explain", "insist", "claim", "warn", "report",
                 "acknowledge", "recall", "observe", "concede", "predict", "contend", "suggest"}


def cue_clause_start(cue: Token) -> int | None:
    """The comma that opens the cue clause '…, she said': the one right before the cue's subject. The parser may
    hang words of the reported clause before it on the cue too ('…, for people to organize, she said')."""
    doc = cue.doc
    subject = min((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), key=lambda c: cue.i - c.i,
                  default=None)
    if subject is None:
        return None
    comma = subject.left_edge.i - 1
    return comma if comma > 0 and doc[comma].text == "," else None


def trailing_cue(cue: Token) -> bool:
    """'…, she said.' parsed as a clause of its own: the parser hangs the cue on the reported clause as an adverbial
    clause or a conjunct."""
    doc = cue.doc
    first = cue_clause_start(cue)
    if cue.dep_ not in ("advcl", "conj") or cue.head.i > cue.i or first is None:
        return False
    if any(c.i > first and (c.dep_ in ("ccomp", "xcomp", "mark", "cc", "advcl") or (
            c.dep_ == "dobj" and cue.lemma_.lower() not in ADDRESSEE_VERBS)) for c in cue.children):
        return False
    end = last_word(doc, cue.i, cue.sent.end - 1)
    return cue.right_edge.i >= end


def trailing_clause(cue: Token) -> tuple[list[tuple[int, int]], str, str] | None:
    """(parts, frame, rule) for '<clause>, <source> <cue> [<hearer>] [<time>].' or '<clause>, <cue> <source>.'"""
    doc = cue.doc
    sent = cue.sent
    end = last_word(doc, cue.i, sent.end - 1)
    if cue.right_edge.i < end:
        return None     # the sentence goes on after the cue and its arguments
    if any(c.i > cue.i and (c.dep_ not in TRAILING_DEPS or (c.dep_ == "prep" and c.lower_ not in SETTING_PREPS))
           for c in cue.children):
        return None     # 'we think about …', 'agreed to …': the cue has a complement of its own
    if any(c.dep_ in ("ccomp", "xcomp", "mark") for c in cue.children):
        return None     # '…, as the mayor noted' is an aside; 'because he said' a reason
    # the hearer may follow a verb of telling ('…, she told reporters'); an object of another verb is what was said
    if any(c.dep_ == "dobj" and c.i > cue.i for c in cue.children) and verb_lemma(cue) not in ADDRESSEE_VERBS:
        return None
    # "<clause>, said Ruth Okafor": the parser may take the clause's subject for a second subject of the cue; the
    # one nearest the cue is the source
    subject = min((c for c in cue.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - cue.i), default=None)
    if subject is None or subject.tag_ in ("WP", "WDT", "WP$"):
        return None     # '…, who added to her lead': a relative clause, not a source
    if subject.i < cue.i:
        # '…, a union official said': only adverbs and auxiliaries between the source and the cue
        if any(t.dep_ not in ("advmod", "aux", "neg") for t in doc[subject.right_edge.i + 1:cue.i]):
            return None
        comma = subject.left_edge.i - 1
    else:
        comma = cue.i - 1          # '…, said a union official'
    if comma < sent.start or doc[comma].text != ",":
        return None
    first, last = sent.start, comma - 1
    if comma == sent.start:
        # 'The depot will close in March, even with new orders, she said.': the parser may end the sentence
        # before the comma, leaving the cue clause a sentence of its own; the clause is the one before it
        if comma == 0 or doc[comma - 1].is_space or doc[comma - 1].text in (".", "!", "?"):
            return None
        first, last = doc[comma - 1].sent.start, comma - 1
    # a finite verb: the words before the comma must be a clause, not a setting ("In a statement, officials said.")
    if not any(doc[i].tag_ in FINITE_TAGS for i in range(first, last + 1)):
        return None
    last = end_before_aside(doc, first, last)
    return [span_of_tokens(doc, first, last)], "", "clause-trailing"


def leading_cue(cue: Token) -> Token | None:
    """The subject of a cue clause set before the reported clause and read by the parser as a subordinate of it
    ('Every Friday, the treasurer told the Gazette, the mayor signed the cheques': "told" an adverbial of
    "signed"), or None. The cue has a subject, at most the one it told, and a comma; the clause after the comma
    has a subject of its own."""
    doc = cue.doc
    host = cue.head
    if verb_lemma(cue) not in LEADING_VERBS or cue.dep_ not in ("advcl", "ccomp") or host.i < cue.i or (
            cue.right_edge.i + 1 >= host.i):
        return None
    if doc[cue.right_edge.i].text != "," and doc[cue.right_edge.i + 1].text != ",":
        return None
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or subject.tag_ in ("WP", "WDT") or not any(
            c.dep_ in SUBJECT_DEPS and c.i > cue.i for c in host.children):
        return None
    for c in cue.children:
        if c.i > cue.i and (c.dep_ not in TRAILING_DEPS or (c.dep_ == "dobj" and verb_lemma(cue) not in
                                                            ADDRESSEE_VERBS)):
            return None     # 'having told the story, …', 'when she said that, …'
        if c.dep_ in ("mark", "ccomp", "xcomp", "advcl") or c.tag_ == "WRB" or (c.dep_ == "aux" and c.i < subject.i):
            return None     # 'when two firms write a contract, …', 'would you say, …, it is …?'
    return subject

