"""Two frames of "ask" and "tell" that the parse does not give as a reported clause.

- "Reporters asked the senator if she would run again": the parser often reads the if/whether clause as a
  condition (an adverbial clause) rather than the question; after "ask" it is the question.
- "He told the story of a nurse who worked three jobs", "she told a joke": a story, tale or joke told is what
  was said; PolNeAR marks what the story is of, or the story itself when it is of nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from .boundaries import end_before_aside
from .cues import span_of_tokens, verb_lemma

QUESTION_MARKS = ("if", "whether")
TOLD_THINGS = {"story", "tale", "joke", "anecdote", "parable"}


def asked_if(cue: Token) -> tuple[list[tuple[int, int]], str, str] | None:
    """'asked the senator if she would run': the if/whether clause the parser hung on "ask" as a condition."""
    if verb_lemma(cue) != "ask":
        return None
    doc = cue.doc
    for c in cue.children:
        if c.dep_ == "advcl" and c.i > cue.i and any(
                m.dep_ == "mark" and m.lower_ in QUESTION_MARKS and m.i == c.left_edge.i for m in c.children):
            first = c.left_edge.i
            return [span_of_tokens(doc, first, end_before_aside(doc, first, c.right_edge.i))], "", "asked-if"
    return None


def told_story(cue: Token) -> tuple[list[tuple[int, int]], str, str] | None:
    """'told the story of a nurse …' (the nurse …), 'told a joke' (a joke)."""
    if verb_lemma(cue) != "tell":
        return None
    doc = cue.doc
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i), None)
    if obj is None or obj.lemma_.lower() not in TOLD_THINGS:
        return None
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    what = next((c for c in of.children if c.dep_ in ("pobj", "pcomp")), None) if of is not None else None
    first, last = (what.left_edge.i, what.right_edge.i) if what is not None else (obj.left_edge.i, obj.right_edge.i)
    return [span_of_tokens(doc, first, end_before_aside(doc, first, last))], "", "told-story"
