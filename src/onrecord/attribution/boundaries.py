"""Where an indirect content ends: PolNeAR-style conventions on top of the parser's subtrees.

A content is what the source said or believes. The reporter's asides after a comma at its end are not part
of it: a non-restrictive relative clause (", which …", ", who …", ", where …") or a descriptive appositive
(", a firm owned by his cousin", or after a dash "— a firm owned by his cousin") describes a noun for the reader;
it is not what the source said. An appositive that names (", Barack Obama") or specifies (", the 2010 law")
stays: PolNeAR's annotators keep those.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import has_subject

RELATIVE_WORDS = {"which", "who", "whom", "whose", "where", "when"}
ASIDE_DEPS = ("relcl", "appos")
# an appositive that describes ("…, a former aide to Clinton") is the reporter's; one that names or specifies
# (", Barack Obama", ", the 2010 law", ", mostly in Ohio") is kept: PolNeAR's annotators keep it far more often
APPOSITIVE_WORDS = {"a", "an"}
# a describing appositive may also follow a dash ("… the deal — a win for the unions")
DASHES = ("—", "--", "–", "―")


def last_word(doc: Doc, first: int, last: int) -> int:
    """The last token from ``first`` to ``last`` that is neither punctuation nor space (``first`` at least)."""
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return last


def opens_aside(tok: Token, dashes: bool = True) -> bool:
    """``tok`` is a comma, or a dash (a spaced hyphen " - " is one too, unlike the one in "well-known")."""
    if tok.text == ",":
        return True
    return dashes and (tok.text in DASHES or (tok.text == "-" and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
                                              and bool(tok.whitespace_)))


def end_before_aside(doc: Doc, first: int, last: int, relatives: bool = True) -> int:
    """``last``, or the token before the comma that opens a trailing aside reaching the end of the content.
    With ``relatives`` False only an appositive is an aside: a relative clause before a trailing cue ("The fee
    goes to the museum, which lost money last year, a spokeswoman said") is inside what was said."""
    deps = ASIDE_DEPS if relatives else ("appos",)
    # the sentence's own closing stop or quote mark is not a word of the content: an aside that runs up to it
    # still reaches the end ("…, which was passed in 2010.")
    end = last_word(doc, first, last)
    i = first + 1
    while i <= end:
        tok = doc[i]
        if (tok.dep_ in deps and tok.head.i < tok.i and tok.left_edge.i > first + 1
                and opens_aside(doc[tok.left_edge.i - 1], tok.dep_ == "appos")
                and tok.right_edge.i >= end
                and doc[tok.left_edge.i].lower_ in (APPOSITIVE_WORDS if tok.dep_ == "appos" else RELATIVE_WORDS)):
            return tok.left_edge.i - 2
        i += 1
    return last


# The medium something was said in is the reporter's setting, not what was said: "mocked the ad on Twitter",
# "praised her rival in an interview". PolNeAR's annotators leave such a phrase out of an object content; the
# parser often hangs it on the object noun. (Places and dates are not cut: the annotators keep about as many
# as they leave out, "her loss in 2008".)
SETTING_PREPS = {"in", "on", "at", "via", "through", "during", "over"}
MEDIA = {"twitter", "facebook", "instagram", "youtube", "media", "page", "account", "feed", "website", "site", "blog",
         "radio", "television", "tv", "show", "program", "programme", "broadcast", "podcast", "air", "airwaves",
         "trail", "stage", "floor", "call", "interview", "interviews", "statement", "statements", "speech",
         "speeches", "tweet", "tweets", "post", "posts", "email", "e-mail", "emails", "letter", "op-ed", "column",
         "video", "ad", "advertisement", "remarks", "appearance", "appearances", "debate", "debates", "address",
         "conversation", "hearing", "testimony", "memo", "rally", "rallies", "conference", "briefing", "release",
         "message", "town", "meeting", "event", "events", "forum", "session", "sessions", "episode", "broadcasts",
         "edition", "newsletter", "filing", "book", "essay", "article", "editorial"}


def _in_medium(prep: Token) -> bool:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and prep.lower_ in SETTING_PREPS and obj.lower_ in MEDIA


def end_before_setting(doc: Doc, first: int, last: int) -> int:
    """``last``, or the token before a trailing phrase that names the medium ("… in an interview")."""
    while True:
        prep = next((t for t in doc[first + 1:last + 1] if t.dep_ == "prep" and t.right_edge.i == last
                     and t.left_edge.i == t.i), None)
        if prep is None or not _in_medium(prep):
            return last
        last = prep.i - 1


# After a reported clause the reporter may add where the claim comes from (", according to the filing") or
# who else holds it (", as have two of her rivals", ", as did the mayor"): PolNeAR's annotators leave both out.
# (", as is customary" and ", as voters are angry" say something about the content and stay.) A describing noun
# phrase the parser hangs on the clause rather than on a noun (", a jab at his rivals") is the reporter's gloss, like
# a describing appositive.
COMPARED_AUXES = {"has", "have", "had", "did", "does", "do"}


def _reporter_tail(tok: Token) -> bool:
    doc = tok.doc
    if tok.dep_ == "prep" and tok.lower_ == "according" and tok.left_edge.i == tok.i:
        return True
    start = tok.left_edge
    if tok.dep_ in ("ccomp", "npadvmod", "dep") and tok.pos_ in ("NOUN", "PROPN") and start.lower_ in APPOSITIVE_WORDS:
        return True
    return (tok.dep_ == "advcl" and start.lower_ == "as" and start.i + 1 < len(doc)
            and doc[start.i + 1].lower_ in COMPARED_AUXES)


def end_before_reporter_tail(doc: Doc, first: int, last: int) -> int:
    """``last``, or the token before the comma that opens a trailing source or comparison reaching the end."""
    end = last_word(doc, first, last)
    for tok in doc[first + 2:end + 1]:
        if (tok.right_edge.i >= end and tok.left_edge.i > first + 1 and opens_aside(doc[tok.left_edge.i - 1])
                and _reporter_tail(tok)):
            return tok.left_edge.i - 2
    return last


# A to-infinitive cannot go on with a finite verb: in "vowed to keep the clinic open and celebrated the ruling" the
# parser may hang "celebrated" on "keep", but it is a second thing the subject did (and "…, and her rival said
# so too" starts a clause of its own). PolNeAR's annotators end the content before it.
# (a modal is finite too: "will", "could")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(verb: Token) -> bool:
    return verb.tag_ in FINITE_TAGS or has_subject(verb) or any(
        c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in verb.children)


def end_before_finite_conj(infinitive: Token, last: int) -> int:
    """``last``, or the token before the conjunction that joins a finite verb to the to-infinitive ``infinitive``."""
    if infinitive.dep_ != "xcomp" or infinitive.tag_ != "VB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return last
    for conj in infinitive.rights:
        if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and conj.i <= last and _finite(conj):
            start = min([conj.left_edge.i] + [c.i for c in infinitive.rights if c.dep_ == "cc" and c.i < conj.i])
            return min(last, last_word(infinitive.doc, infinitive.i, start - 1))
    return last


# a reported clause looking ahead from a past cue ("announced that it would expel …")
FUTURE_IN_PAST = frozenset({"would", "could", "might", "should"})


def end_before_reporter_event(clause: Token, last: int) -> int:
    """``last``, or the token before ", and" when the reported clause looks ahead ("announced that it would expel two
    diplomats") and the conjunct after it states a plain past event with a named actor of its own (", and Britain
    imposed sanctions"): that is the reporter's news, not the speaker's. A conjunct sharing the modal or with a
    pronoun subject ("…, and they would leave") may still be reported and stays."""
    if clause.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ in FUTURE_IN_PAST for c in clause.children):
        return last
    doc = clause.doc
    for conj in clause.rights:
        if conj.dep_ != "conj" or conj.i > last or conj.tag_ != "VBD" or any(c.dep_ == "aux" for c in conj.children):
            continue
        subject = next((c for c in conj.children if c.dep_ == "nsubj" and c.i < conj.i), None)
        cc = next((c for c in clause.rights if c.dep_ == "cc" and c.i < conj.i), None)
        if subject is None or cc is None or subject.pos_ != "PROPN" or doc[cc.i - 1].text != ",":
            continue
        return min(last, last_word(doc, clause.i, cc.i - 1))
    return last
