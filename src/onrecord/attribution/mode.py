"""Said or thought: the ``mode`` of an attribution, read from its quotes and its cue words (data files).

A speech-only convention (a quote tracker, a fact-checker) counts what people said or wrote; PolNeAR also
annotates beliefs, wishes and plans. Every attribution carries one mode:

- ``speech``: a quotation, or a cue that says, writes, publishes or finds ("said", "tweeted", "in a new poll",
  "her claim that"); a finding of a poll or study is speech of that body;
- ``thought``: a cue that believes, wants, hopes, fears, plans or holds a position ("believes", "plans to",
  "is convinced that", "his support for").

The class of each cue word is a column of ``cues.tsv`` (verbs), ``cue_preps.tsv`` (verb + preposition) and
``mode_words.tsv`` (nouns, adjectives, raising verbs). The first cue word with a class decides, so a light verb
that says a noun aloud ("voiced concern", "expressed hope") makes the attribution speech.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import Candidate, has_to, verb_lemma
from .lexicon import lexicon

SPEECH = "speech"
THOUGHT = "thought"
MODES: tuple[str, ...] = (SPEECH, THOUGHT)
# quotation marks are words someone said or wrote, whatever the cue
QUOTED_KINDS = ("direct", "mixed")
# verbs of speaking that state an intention or a refusal, not words, with a to-infinitive: "agreed to divide the
# states" (but "agreed that the vote was fair"), "declined to discuss", "refused to speak", "was determined to help"
INTENTION_INFINITIVE = frozenset({"agree", "decline", "refuse", "determine", "hesitate", "volunteer"})


def mode_of(doc: Doc, cand: Candidate) -> str:
    """``speech`` or ``thought`` for one candidate (see the module docstring); ``speech`` when no cue word
    has a class (a cue-less quote continuation, an unknown noun)."""
    if cand.kind in QUOTED_KINDS or cand.quotes:
        return SPEECH
    if _answers_a_request(doc, cand):
        return THOUGHT
    for tok in _cue_tokens(doc, cand):
        mode = word_mode(tok)
        if mode is not None:
            return mode
    return SPEECH


# "did not respond to requests for comment", "replied to our e-mails": answering (or not) a request for a statement
# states nothing; PolNeAR annotates it, a speech-only convention does not count it
ANSWERING = frozenset({"respond", "reply", "answer"})
REQUEST_NOUNS = frozenset({"request", "inquiry", "enquiry", "query", "call", "message", "email", "e-mail", "mail",
                           "voicemail", "invitation", "interview"})


def _answers_a_request(doc: Doc, cand: Candidate) -> bool:
    if cand.cue_token is None or verb_lemma(doc[cand.cue_token]) not in ANSWERING:
        return False
    span = doc.char_span(cand.parts[0][0], cand.parts[0][1], alignment_mode="expand") if cand.parts else None
    # what was answered, named in the first words of the content ("interview requests", "a request", "e-mails")
    # (read from the text, not the span: the tokenizer cuts "e-mails" in three)
    return span is not None and any(t.lemma_.lower() in REQUEST_NOUNS for t in doc[span.start:span.start + 4])


def _cue_tokens(doc: Doc, cand: Candidate) -> list[Token]:
    """The cue's tokens in text order, then the cue head (a passive or raising frame may point past its span)."""
    tokens: list[Token] = []
    if cand.cue is not None:
        span = doc.char_span(cand.cue[0], cand.cue[1], alignment_mode="expand")
        if span is not None:
            tokens.extend(span)
    if cand.cue_token is not None and 0 <= cand.cue_token < len(doc):
        tokens.append(doc[cand.cue_token])
    return tokens


def word_mode(tok: Token) -> str | None:
    """The class of one cue word, or None when it has none."""
    lex = lexicon()
    lower = tok.lower_
    if lower == "according":
        return SPEECH
    if tok.pos_ == "ADP":
        # "In a new poll, …", "In her view, …": the noun the preposition governs is the cue word
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        return _noun_mode(obj) if obj is not None else None
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        lemma = verb_lemma(tok)
        if lemma in INTENTION_INFINITIVE and any(c.dep_ == "xcomp" and c.i > tok.i and has_to(c)
                                                 for c in tok.children):
            return THOUGHT
        for child in tok.children:
            if child.dep_ in ("prep", "prt") and child.i > tok.i:
                mode = lex.prep_mode.get((lemma, child.lower_))
                if mode is not None:
                    return mode
        mode = lex.cue_mode.get(lemma) or lex.word_mode.get(lemma)
        if mode is not None:
            return mode
    return _noun_mode(tok)


def _noun_mode(tok: Token) -> str | None:
    words = lexicon().word_mode
    return words.get(tok.lower_) or words.get(tok.lemma_.lower())
