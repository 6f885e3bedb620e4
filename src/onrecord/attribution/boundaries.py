"""Where an indirect content ends: PolNeAR-style conventions on top of the parser's subtrees.

A content is what the source said or believes. The reporter's asides after a comma at its end are not part
of it: a non-restrictive relative clause (", which …", ", who …", ", where …") or an appositive (", the
bedrock of his business") describes a noun for the reader; it is not what the source said.
"""

from __future__ import annotations

from spacy.tokens import Doc

RELATIVE_WORDS = {"which", "who", "whom", "whose", "where", "when"}
ASIDE_DEPS = ("relcl", "appos")


def end_before_aside(doc: Doc, first: int, last: int) -> int:
    """``last``, or the token before the comma that opens a trailing aside reaching the end of the content."""
    end = last
    i = first + 1
    while i <= end:
        tok = doc[i]
        if (tok.dep_ in ASIDE_DEPS and tok.head.i < tok.i and tok.left_edge.i > first + 1
                and doc[tok.left_edge.i - 1].text == "," and tok.right_edge.i >= end
                and (tok.dep_ == "appos" or doc[tok.left_edge.i].lower_ in RELATIVE_WORDS)):
            return tok.left_edge.i - 2
        i += 1
    return end
