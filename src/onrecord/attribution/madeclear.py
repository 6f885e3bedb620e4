"""Statements made with "make": 'made it clear that P', 'made clear that P', 'made no mention of N', 'made no
secret of N'. "make" is no cue by itself (it makes too many things); these phrases state or withhold something.
"""

from __future__ import annotations

from spacy.tokens import Token

from .boundaries import end_before_aside
from .cues import span_of_tokens, verb_lemma

# "made no mention of N", "made no secret of N": what was (not) mentioned or hidden
NO_NOUNS = {"mention", "secret"}


def made_clear(verb: Token) -> tuple[list[tuple[int, int]], str, str] | None:
    """(parts, frame, rule) of 'made (it) clear that P' (the that-clause) or 'made no mention of N' (N)."""
    if verb_lemma(verb) != "make":
        return None
    doc = verb.doc
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.lower_ == "clear":
            # the parser hangs the that-clause on "clear" (as a clause or a subject) or on the verb
            clause = next((k for k in (*c.children, *verb.children) if k.i > c.i and k.dep_ in CLAUSE_DEPS
                           and any(m.dep_ == "mark" and m.lower_ == "that" for m in k.children)), None)
            if clause is not None:
                first = clause.left_edge.i
                return [span_of_tokens(doc, first, end_before_aside(doc, first, clause.right_edge.i))], "", "made-clear"
        if c.dep_ == "dobj" and c.lemma_.lower() in NO_NOUNS and any(d.lower_ == "no" for d in c.children):
            of = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"), None)
            what = next((o for o in of.children if o.dep_ in ("pobj", "pcomp")), None) if of is not None else None
            if what is not None:
                first = what.left_edge.i
                return [span_of_tokens(doc, first, end_before_aside(doc, first, what.right_edge.i))], "", "made-clear"
    return None


CLAUSE_DEPS = ("ccomp", "advcl", "csubj")
