"""Polarity (does the speaker hold the content true or false?) and the stances it settles: deny, decline.

Three readings live here, each a pure function over the parse or over plain text:

- ``negated_clause``: the content's main clause is negated ("cannot support", "have never sent", "face no
  charges", "No, …"), whatever its modal: the speaker, as reported, holds the proposition false.
- ``declines``: a refusal or silence ("declined to comment", "did not respond to a request for comment", "has not
  yet responded", "did not explain why", "would not confirm") is a stance of its own, ``decline``: it says nothing
  about the proposition and never counts as a denial.
- ``rebuts``: a plain negative statement ("We are not closing rural branches") is a *denial* only when it answers a
  proposition someone else put forward in the same article (another speaker's statement, or an accusation the
  article reports); otherwise it is an assertion with polarity ``negate`` ("stocks aren't a great buy right now").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

AFFIRM = "affirm"
NEGATE = "negate"
POLARITIES: tuple[str, ...] = (AFFIRM, NEGATE)

# cue lemmas that, negated, report silence rather than an opinion: "did not confirm", "would not say"
SILENT_CUES = frozenset({"comment", "respond", "reply", "answer", "confirm", "explain", "say", "elaborate",
                         "specify", "disclose", "reveal", "discuss", "address", "return", "identify", "speculate",
                         "detail", "tell", "provide", "give", "name", "release", "acknowledge"})
REFUSAL_CUES = frozenset({"decline", "refuse"})
# "declined to comment", "refused to say whether": the infinitive is itself a way of speaking
_SILENT_INFINITIVE = re.compile(
    r"^\s*to\s+(?:immediately\s+)?(?:comment|say|confirm|discuss|elaborate|answer|respond|reply|speculate|give|"
    r"provide|disclose|reveal|identify|name|specify|detail|address|go into|be drawn|release|explain)\b", re.I)
# a content reporting someone's silence: "Trump has not yet responded to …", "the ministry did not explain why"
_SILENCE = re.compile(
    r"^(?:[\w.'’-]+\s+){0,8}?(?:has|have|had|did|does|do|would|will|could|was|were|is|are)\s*(?:not|n[’']t)\s+"
    r"(?:yet\s+|immediately\s+|publicly\s+|been\s+able\s+to\s+|available\s+to\s+)*"
    r"(?:respond|responded|comment|commented|reply|replied|return(?:ed)?\s+(?:calls?|messages?|e-?mails?)|"
    r"explain(?:ed)?\s+(?:why|how|what|whether)|answer(?:ed)?|confirm(?:ed)?|say\s+(?:why|how|whether|what))\b"
    r"|^(?:[\w.'’-]+\s+){0,8}?(?:declined|refused)\s+to\s+(?:comment|say|confirm|discuss|elaborate|answer|respond)\b"
    r"|^\s*no\s+comment\b"
    # "he had nothing to add", "she had nothing further to say": silence, not a statement that nothing exists
    r"|^(?:[\w.'’-]+\s+){0,3}?(?:had|has|have)\s+nothing\s+(?:more\s+|further\s+|else\s+)?to\s+(?:add|say)\b",
    re.I)
# rejecting what others said: "rejected claims that P", "a denial of reports that P" — the content is P
REPORT_PREAMBLE = re.compile(
    r"^(?:(?:the|these|those|such|any|all|recent|western|media|us|foreign|unfounded|false)\s+){0,3}"
    r"(?:claims?|reports?|allegations?|accusations?|suggestions?|assertions?|charges?|rumou?rs?|speculation|"
    r"insinuations?|statements?|stories|story|speculations?)\s+that\s+", re.I)
_DENIAL_NOUN = re.compile(r"\b(?:denial|denials|rejection|dismissal|rebuttal|refutation)\b", re.I)
_LEADING_NO = re.compile(r"^[\s\"“'‘«]*(?:no|nope)\s*[,.!—–-]", re.I)
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "nowhere"})
# article words that put a proposition forward for someone to answer
_PUT_FORWARD = re.compile(r"\b(?:accus\w*|alleg\w*|claim\w*|report\w*|suspect\w*|blam\w*|charg\w*|suggest\w*|"
                          r"criticis\w*|criticiz\w*|question\w*|asked)\b", re.I)
# shared content words from which one statement answers another: one shared word ("government") is chance,
# unless it is half of what a short denial says ("Andre did not have a gun" against "Whitfield had a gun")
MIN_SHARED = 2


def _answers(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    shared = len(mine & theirs)
    return shared >= MIN_SHARED or (shared >= 1 and 2 * shared >= len(mine))


def preamble_end(content: str) -> int:
    """Characters of a "claims that" / "reports of" preamble to drop from a rejected content (0 if none)."""
    m = REPORT_PREAMBLE.match(content)
    return m.end() if m and m.end() < len(content) - 3 else 0


_DENIAL_OPENING = re.compile(r"^(?:its|his|her|their|our|a|an|the)\s+(?:[\w-]+\s+)?"
                             r"(?:denial|rejection|dismissal|rebuttal)s?\s+(?:of\s+)?", re.I)


def denial_opening(content: str) -> int:
    """Characters of a content that opens with the speaker's denial ("its denial of reports that P" after
    "repeated"): the end of "its denial of", else 0."""
    m = _DENIAL_OPENING.match(content)
    return m.end() if m and m.end() < len(content) - 3 else 0


def answers_no(content: str) -> bool:
    """'"No, …"': an answer rejecting what was put to the speaker."""
    return bool(_LEADING_NO.match(content))


def names_a_denial(cue_text: str | None) -> bool:
    """The cue itself is a denial noun: "repeated a denial of", "issued a rebuttal to"."""
    return bool(cue_text and _DENIAL_NOUN.search(cue_text))


def declines(cue_lemma: str | None, cue_negated: bool, content: str, frame: str = "") -> bool:
    """Refusal or silence: no position on any proposition."""
    if cue_negated and cue_lemma in SILENT_CUES:
        return True
    if cue_lemma in REFUSAL_CUES and (frame == "to" or _SILENT_INFINITIVE.match(content)):
        return bool(_SILENT_INFINITIVE.match(content))
    return bool(_SILENCE.match(content.strip(" \"'“”‘’«»")))


def content_roots(doc: Doc, part: tuple[int, int]) -> list[Token]:
    """The heads, within the first sentence of a content piece, of the words the piece holds: its main clause's
    verb first (empty where the piece covers no token)."""
    span = doc.char_span(part[0], part[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    sent = next(iter(span.sents), None)
    if sent is None:
        return []
    inside = range(span.start, span.end)
    return [t for t in sent if t.i in inside and (t.head.i not in inside or t.head.i == t.i)]


def negated_clause(doc: Doc, part: tuple[int, int]) -> bool:
    """The first sentence of the content says its main clause is not so: a negated main verb (any modal), a
    "no" / "never" / "nobody" argument ("face no charges", "Nobody wants …", "There is no …"), or a leading "No,"."""
    if _LEADING_NO.match(doc.text[part[0]:part[1]]):
        return True
    roots = content_roots(doc, part)
    if not roots:
        return False
    root = roots[0]
    for child in root.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "neither"):
            return True
        # the clause's own arguments: "no such agreement exists", "she should face no criminal charges"
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "expl", "oprd") and (
                child.lower_ in _NEG_WORDS or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)):
            return True
    return False


_MODALS = frozenset({"will", "would", "can", "could", "shall", "should", "may", "might", "must", "wo", "ca", "'ll"})


def unhedged(doc: Doc, part: tuple[int, int]) -> bool:
    """The content's main clause has no modal and is no forecast ("had nothing to do with it", not "will not
    support him"): a negation of it states a fact, which may answer someone."""
    span = doc.char_span(part[0], part[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = span[0].sent
    inside = range(span.start, min(span.end, sent.end))
    roots = [t for t in doc[span.start:min(span.end, sent.end)] if t.head.i not in inside or t.head.i == t.i]
    if not roots:
        return False
    root = roots[0]
    aux = [c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a in _MODALS for a in aux) or "going" in aux or root.lower_ == "going":
        return False
    # "we don't negotiate through hypotheticals", "I do not see how …": a present habit states a policy or a view
    return not (root.lemma_ != "be" and aux and all(a in ("do", "does") for a in aux))


@dataclass(frozen=True, slots=True)
class Statement:
    """What ``rebuts`` needs to know of one attribution: who said it, which way, and its content words."""

    speaker: str | None        # an actor id or mention text; None when unknown
    stance: str
    polarity: str
    words: frozenset[str]      # content words of the first sentence of the content (see content_words)
    first_person: bool = False  # the negated clause is about the speaker's own side ("We are not closing …")
    cites_claims: bool = False  # the content names the claims it answers ("… These allegations are a pretext")


_CLAIM_WORDS = re.compile(r"\b(?:allegations?|accusations?|claims|reports|rumou?rs|insinuations?)\b", re.I)
# "the newspaper report does not reflect …": a negated statement about a report dismisses the report
_REPORT_SUBJECT = re.compile(r"^[\s\"“'‘]*(?:the|this|that|these|those|such|any)\s+(?:[\w-]+\s+){0,2}?"
                             r"(?:report|reports|claim|claims|allegations?|accusations?|story|stories|article|"
                             r"rumou?rs?)\b", re.I)


def dismisses_report(content: str) -> bool:
    """A negated statement whose subject is a report or claim ("the report does not reflect …")."""
    return bool(_REPORT_SUBJECT.match(content))


def cites_claims(content: str) -> bool:
    """The content points at what it answers: it opens with a report as subject or names allegations."""
    return bool(_REPORT_SUBJECT.match(content) or _CLAIM_WORDS.search(content))


def content_words(doc: Doc, parts: Sequence[tuple[int, int]], first_sentence: bool = True) -> frozenset[str]:
    """Nouns, verbs, names, adjectives and numbers, cut to six letters ("subsidies" and "subsidised" meet): within
    one article that is enough to see two statements talk about the same thing. Only the content's first sentence:
    the negated clause is there, and what follows it ("This is the enforcement of rules …") is not denied."""
    out: set[str] = set()
    for s, e in parts[:1] if first_sentence else parts:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if first_sentence:
            sent = span[0].sent
            span = doc[span.start:min(span.end, sent.end)]
        out.update(t.lemma_.lower()[:6] for t in span
                   if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop
                   and t.lower_ not in _NEG_WORDS and len(t.text) > 2)
    return frozenset(out)


def about_own_side(doc: Doc, part: tuple[int, int]) -> bool:
    """The content's first clause has a first-person subject: "I have never cheated", "we did not shell it",
    "our forces did not shell any hospital"."""
    span = doc.char_span(part[0], part[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    sent = span[0].sent
    # the subject of the content's own main clause, not of a clause inside it; a direct quote's verb is parsed
    # as a clausal complement of "said", so the clause is judged from the content's roots, not from the parse's
    roots = {t.i for t in content_roots(doc, part)[:1]}
    return any(t.dep_ in ("nsubj", "nsubjpass") and _own(t)
               and (t.head.i in roots or t.head.dep_ not in ("ccomp", "advcl"))
               for t in doc[span.start:min(span.end, sent.end)])


def _own(subject: Token) -> bool:
    """"we", "I", or a noun held by them: "our forces", "my client", "our own engineers"."""
    return subject.lower_ in ("i", "we") or any(
        c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subject.children)


def rebuts(i: int, statements: Sequence[Statement], context: Sequence[frozenset[str]]) -> bool:
    """Statement ``i`` (a plain negative) answers something put forward by others in the same article: another
    speaker's affirming statement or question, or a sentence of the article that reports an accusation or claim
    (``context``: content words of such sentences), sharing at least MIN_SHARED content words with it."""
    me = statements[i]
    if me.cites_claims:
        return True
    for j, other in enumerate(statements):
        if j == i or other.stance == "decline":
            continue
        # restating a denial made in the article ("denied that he had been carrying a gun" … "Andre did not have
        # a gun"): the thing denied was put forward by someone, whoever repeats the denial
        if other.stance == "deny" and (_answers(me.words, other.words)
                                       or me.speaker is not None and other.speaker == me.speaker):
            return True     # …or the speaker's own denial: "rejected any suggestion …" then "There is no vendetta"
        if me.speaker is not None and other.speaker == me.speaker:
            continue
        # "I have never cheated", "We are not closing rural branches": a speaker saying its own side did not do
        # something, in an article where another speaker accuses or where a denial is reported ("hit back at the
        # report, calling it a lie" … "We have never used offshore entities"), answers that accusation
        if me.first_person and other.stance in ("accuse", "deny"):
            return True
        if other.polarity == AFFIRM and other.stance in ("assert", "accuse", "question", "demand") \
                and _answers(me.words, other.words):
            return True
    return any(_answers(me.words, words) or me.first_person for words in context)


def put_forward_sentences(doc: Doc, attributed: Sequence[tuple[int, int]]) -> list[frozenset[str]]:
    """Content words of the article's sentences that report an accusation, claim or report, outside the
    attributions themselves (those are compared as statements): "The firm has been accused of hiding the
    losses". ``attributed`` are the attributions' sentence spans."""
    out = []
    for sent in doc.sents:
        if not _PUT_FORWARD.search(sent.text):
            continue
        if any(s < sent.end_char and sent.start_char < e for s, e in attributed):
            continue
        out.append(content_words(doc, [(sent.start_char, sent.end_char)]))
    return out
