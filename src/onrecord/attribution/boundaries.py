"""Where an indirect content ends: PolNeAR-style conventions on top of the parser's subtrees.

A content is what the source said or believes. The reporter's asides after a comma at its end are not part
of it: a non-restrictive relative clause (", which …", ", who …", ", where …") or a descriptive appositive
(", a firm owned by his cousin") describes a noun for the reader; it is not what the source said. An appositive
that names (", Barack Obama") or specifies (", the 2010 law") stays: PolNeAR's annotators keep those.
"""

from __future__ import annotations

from spacy.tokens import Doc

RELATIVE_WORDS = {"which", "who", "whom", "whose", "where", "when"}
ASIDE_DEPS = ("relcl", "appos")
# an appositive that describes ("…, a former aide to Clinton") is the reporter's; one that names or specifies
# (", Barack Obama", ", the 2010 law", ", mostly in Ohio") is kept: PolNeAR's annotators keep it far more often
APPOSITIVE_WORDS = {"a", "an"}


def end_before_aside(doc: Doc, first: int, last: int) -> int:
    """``last``, or the token before the comma that opens a trailing aside reaching the end of the content."""
    end = last
    # the sentence's own closing stop or quote mark is not a word of the content: an aside that runs up to it
    # still reaches the end ("…, which was passed in 2010.")
    while end > first and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    i = first + 1
    while i <= end:
        tok = doc[i]
        if (tok.dep_ in ASIDE_DEPS and tok.head.i < tok.i and tok.left_edge.i > first + 1
                and doc[tok.left_edge.i - 1].text == "," and tok.right_edge.i >= end
                and doc[tok.left_edge.i].lower_ in (APPOSITIVE_WORDS if tok.dep_ == "appos" else RELATIVE_WORDS)):
            return tok.left_edge.i - 2
        i += 1
    return last
