"""Find attributions in a parsed Doc: quotes linked to their cue, and indirect-speech frames around cue verbs.

Produces :class:`Candidate` builders (offsets and token indices only); speakers are resolved and stance is
read afterwards. Two passes:

1. direct: each quotation is linked to a cue right after it (``"…," she said``), right before it
   (``she said: "…"``), at the end of the previous paragraph (``said:`` then the quote on the next line), or
   joined to the previous quote that shares its cue (``"A," he said, "B."``); a quote that opens a sentence
   with no cue continues the previous speaker. Other quotes (scare quotes, titles) are left alone.
2. indirect: every cue verb outside quotes with a complement (``X said that …``, ``X denied the report``,
   ``X accused Y of …``, ``X urged Y to …``, ``according to X, …``) whose cue was not used in pass 1.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .lexicon import lexicon
from .quotes import QuoteGroup, paragraphs

TERMINAL = {".", "!", "?"}
# dependency labels that carry a reported clause
CLAUSE_DEPS = ("ccomp", "xcomp")
OBJECT_DEPS = ("dobj", "attr")
# lemma groups that take an object as content, or "object + of/for" (accuse), or "object + to-clause" (urge)
OBJECT_CONTENT = {"deny", "reject", "dismiss", "refute", "rebuff", "rebut", "disavow", "dispute", "contradict",
                  "repudiate", "debunk", "confirm", "announce", "acknowledge", "admit", "concede", "disclose",
                  "reveal", "predict", "promise", "vow", "pledge", "threaten", "demand", "recommend", "allege",
                  "question", "report", "estimate", "want", "expect", "fear", "condemn", "denounce",
                  "criticize", "criticise", "slam", "cite", "support", "oppose", "endorse", "back", "praise",
                  "propose", "mention", "discuss", "document", "echo", "defend", "describe", "seek", "offer",
                  "attack", "blast", "lambast", "call", "highlight", "recognize", "recognise", "characterize",
                  "prefer", "guarantee", "know", "express",
                  # positions stated about a thing: "noted the rule", "touted his plan", "decried the ruling"
                  "note", "stress", "underscore", "underline", "emphasize", "emphasise", "state", "reiterate",
                  "repeat", "declare", "point", "project", "outline", "tout", "decry", "bemoan", "lament",
                  "deride", "assail", "hail", "applaud", "mock", "ridicule", "invoke", "voice", "reference",
                  "recount", "articulate", "renounce", "rebuke", "label", "deem", "broadcast", "retweet",
                  "lay", "champion", "trumpet", "issue", "list", "name", "share", "expose", "withdraw",
                  "veto", "insult", "recite", "explore", "single", "shrug", "brush", "tick", "revisit", "witness",
                  "thank", "publish", "unveil", "pitch", "signal",
                  # positions taken on a thing: "embraced the plan", "advocates a carbon tax", "claimed victory"
                  "claim", "tweet", "explain", "answer", "reaffirm", "address", "accept", "embrace",
                  "favor", "favour", "ignore", "love", "identify", "resist", "contemplate", "herald", "detail",
                  "admire", "preach", "profess", "foretell", "circulate", "underestimate", "remember",
                  "recall",   # "recalled the flood of 1987", "recalling her first day in office"
                  # praise and blame: "credited the mayor with the recovery", "chided the board for the delay",
                  # "blamed the referees" (blame without its "for" phrase; with it, it is an accuse frame)
                  "credit", "attribute", "congratulate", "laud", "portray", "paint", "envision", "chide", "chastise",
                  "castigate", "scold", "fault", "rip", "savage", "bash", "taunt", "smear", "malign", "reprimand",
                  "admonish", "affirm", "regret", "relish", "blame",
                  "see", "view",    # "voters see him as a fighter" (the present only, see cues.tsv)
                  # "said the same of Sanders", "says racist things"
                  "say"}
ACCUSE_FRAME = {"accuse", "blame", "charge", "criticize", "criticise", "condemn", "denounce", "slam", "attack", "blast",
                "lambast"}
URGE_FRAME = {"urge", "ask", "call", "press", "advise", "appeal", "warn", "tell", "recommend", "order"}


class Intervals:
    """Fixed character ranges, asked "does any of you overlap / cover (s, e)?" in log time, not one pass each.

    A long hostile text (thousands of quotes or cues) made these checks quadratic: a 200,000-character text
    of short attributions spent more time in them than in the parser."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(ranges)
        self.starts = [a for a, _ in pairs]
        self.reach: list[int] = []      # the furthest end of any range among the first i
        furthest = -1
        for _, b in pairs:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def _furthest_before(self, char: int, inclusive: bool) -> int:
        i = (bisect.bisect_right if inclusive else bisect.bisect_left)(self.starts, char)
        return self.reach[i - 1] if i else -1

    def overlaps(self, s: int, e: int) -> bool:
        """Some range (a, b) has a < e and b > s: the test ``not (e <= a or s >= b)``."""
        return self._furthest_before(e, inclusive=False) > s

    def straddles(self, s: int, e: int) -> bool:
        """Some range overlaps (s, e) without lying inside it: one that starts before s and runs past it, or
        one that starts before e and runs past it."""
        return self._furthest_before(s, inclusive=False) > s or self._furthest_before(e, inclusive=False) > e

    def covers(self, s: int, e: int) -> bool:
        """Some range (a, b) has a <= s and e <= b."""
        return self._furthest_before(s, inclusive=True) >= e


@dataclass(slots=True)
class Candidate:
    """An attribution under construction: character parts, cue and speaker token, the rule that found it."""

    parts: list[tuple[int, int]]
    cue: tuple[int, int] | None
    cue_lemma: str | None
    cue_token: int | None          # token index of the cue head (for negation and frames)
    speaker_token: int | None      # head token of the speaker mention
    rule: str
    confidence: float
    kind: str = "direct"
    continues: bool = False        # speaker is the previous attribution's speaker
    frame: str = ""                # "to" when the content is an infinitive (urge X to …)
    quotes: list[QuoteGroup] = field(default_factory=list)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.parts)

    @property
    def end(self) -> int:
        return max(e for _, e in self.parts)


class DocIndex:
    """Character ↔ token lookups and quote membership for one Doc."""

    def __init__(self, doc: Doc, groups: list[QuoteGroup]) -> None:
        self.doc = doc
        self.tokens = list(doc)    # built once: every pass walks these instead of re-creating Token objects
        self.text = doc_text(doc)
        self.starts = doc.to_array("IDX").tolist() if len(doc) else []
        self.groups = groups
        self.quote_spans = Intervals((g.open_mark, g.outer_end) for g in groups)
        self.quoted = [False] * len(doc)
        self.paras = paragraphs(self.text)
        self.para_starts = [s for s, _ in self.paras]
        for g in groups:
            for q in g.pieces:
                for i in range(self.token_at(q.open_mark), self.token_before(q.outer_end) + 1):
                    if 0 <= i < len(doc):
                        self.quoted[i] = True

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self.starts, char)

    def token_before(self, char: int) -> int:
        """Index of the last token starting before ``char``."""
        return bisect.bisect_left(self.starts, char) - 1

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token on each access)."""
    text = doc.user_data.get("onrecord_text")
    if text is None:
        text = doc.user_data["onrecord_text"] = doc.text
    return text


def cue_lemma(tok: Token) -> str | None:
    """The cue lemma of ``tok`` if it is a reporting/belief verb (with its required particle), else None."""
    lex = lexicon()
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return "according to"
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB") and not _verb_read_as_noun(tok):
        return None
    if _set_phrase(tok):
        return None
    lemma = verb_lemma(tok)
    if lemma not in lex.cue_stance:
        return None
    needs = lex.cue_needs.get(lemma)
    if needs == CLAUSE_ONLY:
        # "'…,' he continued", "the letter reads: …" (not "continued to rise", "read the book")
        return lemma if tok.dep_ == "parataxis" or any(c.dep_ == "ccomp" for c in tok.children) else None
    if needs == INFINITIVE_ONLY:
        # "aims to cut taxes", "voted to repeal the law" (not "aimed the camera", "voted on Tuesday")
        return lemma if any(c.dep_ == "xcomp" and c.i > tok.i and has_to(c) for c in tok.children) else None
    if needs == PRESENT_ONLY:
        # "voters see him as a fighter", "she views the deal with suspicion" (not "saw the film", "to view it")
        return lemma if tok.tag_ in ("VBP", "VBZ") else None
    if needs == AS_IT_ONLY:
        # '"…," as he put it', 'As the mayor put it, "…"' (not "put it on the table", "put the figure at")
        return lemma if any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children) and any(
            c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in tok.children) else None
    if needs and not any(c.lower_ in needs for c in tok.children if _particle(tok, c)):
        # "called the charges fabricated": calling something something is a judgement
        if not (lemma == "call" and _calls_something(tok)):
            return None
    if lemma in ("be", "have", "do"):
        return None
    return lemma


def _set_phrase(tok: Token) -> bool:
    """A cue word inside a fixed phrase that reports nothing: 'That said, …' (a sentence adverb) and
    '60 pledged delegates' (delegates bound by a primary result), which the parser may read as verbs."""
    word = tok.lower_
    if word not in ("said", "pledged"):
        return False
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if word == "said" and tok.i > 0 and doc[tok.i - 1].lower_ == "that" and doc[tok.i - 1].is_sent_start:
        return nxt is not None and nxt.text == ","
    return word == "pledged" and nxt is not None and nxt.lower_ in ("delegate", "delegates")


def _verb_read_as_noun(tok: Token) -> bool:
    """'Most voters support the plan' tagged as a noun: a noun with a subject and an object of its own."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children) and any(
        c.dep_ in ("dobj", "ccomp", "xcomp") and c.i > tok.i for c in tok.children)


# the "needs" of a verb that reports speech only with a clause or quote after it
CLAUSE_ONLY = frozenset({"clause"})
# the "needs" of a verb that states an intention only with a to-infinitive after it
INFINITIVE_ONLY = frozenset({"infinitive"})
# the "needs" of a verb of perception that states a belief only in the present tense
PRESENT_ONLY = frozenset({"present"})
# the "needs" of "put", which reports words only in the aside "as X put it"
AS_IT_ONLY = frozenset({"as-it"})


# the small model's lemmatiser reads "hopes", "hoped", "hoping" as forms of "hop", "retweeted" as "retweete"
_LEMMA_FIXES = {"hop": ("hope", ("hope", "hoping")), "retweete": ("retweet", ("retweet",))}


def verb_lemma(tok: Token) -> str:
    """Lower-case lemma, corrected where the lemmatiser is known to be wrong for cue verbs."""
    lemma = tok.lemma_.lower()
    fix = _LEMMA_FIXES.get(lemma)
    if fix is not None and tok.lower_.startswith(fix[1]):
        return fix[0]
    return lemma


def _calls_something(tok: Token) -> bool:
    """'called the charges fabricated', 'called Trump a liar' (not 'called the police')."""
    if any(c.dep_ in ("oprd", "ccomp") for c in tok.children) or for_clause(tok) is not None:
        return True
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return obj is not None and any((c.dep_ in ("acl", "amod") and c.tag_ in ("VBN", "JJ")) or judged_appos(c)
                                   for c in obj.children if c.i > obj.i) or quoted_judgement(tok) is not None


def quoted_judgement(tok: Token) -> int | None:
    """'called the plan "a disgrace"', 'called that "simply absurd"': a quote right after the one called, which
    the parser often leaves unattached or reads as a preposition phrase; the index of its closing mark, or None."""
    doc = tok.doc
    if any(c.dep_ == "auxpass" for c in tok.children):
        return None
    sent_end = tok.sent.end
    k = tok.i + 1
    while k < min(sent_end, tok.i + 16) and doc[k].tag_ != "``":
        if doc[k].text in (",", ";", ":", "(", ")", "—", "-", "--") or tok not in doc[k].ancestors:
            return None
        k += 1
    # someone or something is called before the quote ('call a "special meeting"' names a thing to hold)
    if k >= min(sent_end, tok.i + 16) or all(t.pos_ in ("DET", "PUNCT") for t in doc[tok.i + 1:k]):
        return None
    return next((j for j in range(k + 1, min(len(doc), k + 30)) if doc[j].tag_ == "''"), None)


def quoted_appos(tok: Token) -> bool:
    """'called his actions "a crucial step"': the parser hangs the quoted judgement on the object."""
    return tok.dep_ == "appos" and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text in QUOTE_MARKS


QUOTE_MARKS = {'"', "“", "''", "``", "‘", "'"}


def judged_appos(tok: Token) -> bool:
    """'called his rival "a fraud"', 'called her late brother her hero': the parser hangs the judgement on the object
    as an appositive, quoted or with no comma before it (a comma makes it the reporter's description)."""
    if quoted_appos(tok):
        return True
    if tok.dep_ != "appos" or tok.head.dep_ != "dobj" or tok.left_edge.i <= tok.head.i:
        return False
    before = tok.doc[tok.left_edge.i - 1]
    return not (before.is_punct or before.pos_ == "PUNCT")


def for_clause(tok: Token) -> Token | None:
    """'calling for the council to reopen the library': the parser reads "for" as the mark of an
    infinitive clause with its own subject, not as the preposition that makes "call for" a demand."""
    return next((c for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > tok.i
                 and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == tok.i + 1 for m in c.children)), None)


def has_to(verb: Token) -> bool:
    """``verb`` heads a to-infinitive ("to repeal the law")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")


def has_subject(verb: Token) -> bool:
    """``verb`` has a subject of its own ("she left", "it was said", "there is")."""
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def under_mark(tok: Token, words: tuple[str, ...]) -> bool:
    """``tok`` or a word it hangs on is marked by one of ``words`` ("that", "if", "whether")."""
    return any(c.dep_ == "mark" and c.lower_ in words for t in (tok, *tok.ancestors) for c in t.children)


def _particle(verb: Token, child: Token) -> bool:
    """A particle or preposition of ``verb`` ("pointed out", "called on"); the parser reads "shot back" as an
    adverb right after the verb."""
    return child.dep_ in ("prt", "prep") or (child.dep_ == "advmod" and child.i == verb.i + 1)


def cue_span(tok: Token) -> tuple[int, int]:
    """Characters of the cue: the verb, with its particle ("pointed out", "called on") or "according to"."""
    start, end = tok.idx, tok.idx + len(tok.text)
    if tok.lower_ == "according":
        nxt = tok.doc[tok.i + 1]
        return start, nxt.idx + len(nxt.text)
    needs = lexicon().cue_needs.get(tok.lemma_.lower())
    if needs:
        for c in tok.children:
            if _particle(tok, c) and c.lower_ in needs and c.i == tok.i + 1:
                end = c.idx + len(c.text)
    return start, end


def subject_of(tok: Token) -> Token | None:
    """The speaker head for a cue verb: its subject, inherited through conj/advcl, or the relative head."""
    if tok.lower_ == "according":
        for to in tok.children:
            if to.lower_ == "to":
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    if tok.tag_ == "VBG" and tok.dep_ == "advcl":
        # "X denied that …, calling the accusation a fabrication": the participle belongs to X's clause
        for above in tok.ancestors:
            if above.i != tok.i and cue_lemma(above) is not None:
                return subject_of(above)
    if (tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and not any(c.dep_ == "nsubj" for c in tok.children)
            and cue_lemma(tok.head.head) is not None):
        # "X said A and urged Y to …" parsed with "urged" inside the reported clause: X urged
        tok = tok.head.head
    seen = 0
    deps = ("nsubj", "csubj")
    while tok is not None and seen < 4:
        seen += 1
        subjects = [c for c in tok.children if c.dep_ in deps]
        if subjects:
            # a relative "who" stays the mention; the resolver follows it to its noun. Of two subjects (the
            # parser reads '"Happy holidays!," he tweeted' so) the one nearest the verb is the speaker
            return min(subjects, key=lambda c: abs(c.i - tok.i))
        if tok.dep_ == "xcomp" and tok.head.dep_ == "acomp" and tok.head.pos_ == "ADJ":
            tok = tok.head.head      # "X was eager to add that …", "X is likely to say …": X speaks
            continue
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head.i != tok.i:
            if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBZ", "VBP"):
                deps = ("nsubj", "csubj", "nsubjpass")  # "X was upset by the vote and warned that …": X
            tok = tok.head
            continue
        if (tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.dep_ == "prep"
                and tok.head.head.pos_ in ("VERB", "AUX")):
            tok = tok.head.head      # "rallied thousands by promising to …": the one who rallied promised
            # "X was fired after arguing that …": the passive subject did the arguing
            deps = ("nsubj", "csubj", "nsubjpass")
            continue
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
            # "filed papers opposing …", "unleashed tweets criticizing …": a text speaks for whoever issued it
            noun = tok.head
            if noun.lemma_.lower() in ISSUED_TEXTS and noun.dep_ == "dobj":
                issuer = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                if issuer is not None and issuer.pos_ in ("PROPN", "NOUN", "PRON"):
                    return issuer
            return noun   # "Dean, a medical doctor, saying he would never …"
        return None
    return None


# texts that speak for whoever issued them ("X released a statement saying …")
ISSUED_TEXTS = {"statement", "tweet", "letter", "paper", "ad", "advertisement", "post", "message", "release",
                "memo", "op-ed", "column", "email", "e-mail", "video", "note", "brief", "filing", "motion",
                "complaint", "petition", "resolution", "report", "bill", "amendment", "proposal", "order"}


def _after_subject(tok: Token) -> Token | None:
    """Inverted cue ("…," said Price): a name right after the cue verb, not one inside what follows
    ("said that U.S. involvement …")."""
    # after a comma the cue is inverted ('…, said a former aide'): a noun naming a person or body is the source
    inverted = tok.i > 0 and tok.doc[tok.i - 1].text == ","
    for t in tok.doc[tok.i + 1: tok.i + 4]:
        if t.is_punct or t.dep_ == "mark" or t.lower_ in ("that", "whether", "if"):
            break
        if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return t
        if inverted and t.pos_ == "NOUN" and lexicon().noun_class.get(t.lemma_.lower()) in ("person", "organization"):
            return t
    return None


# words that may stand between a subject and its verb ("Trump also said", "she has not denied")
_BETWEEN_SUBJECT_AND_VERB = ("advmod", "aux", "neg")


def _before_subject(tok: Token) -> Token | None:
    """A subject the parser missed ("… of the Daily Courier Okafor said that …", "… and Democrats accused
    the GOP …"): the noun right before the cue verb, across adverbs and auxiliaries."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].dep_ in _BETWEEN_SUBJECT_AND_VERB and tok.doc[i].head.i == tok.i:
        i -= 1
    if i < 0 or tok.doc[i].sent.start != tok.sent.start:
        return None
    before = tok.doc[i]
    if before.text == "," and before.head.i < i and before.head.right_edge.i == i and before.head.pos_ == "PROPN":
        # "… of his plea, Ana Petrescu, 44, said that …": the parser hangs the named source, with its age or title
        # after a comma, on the noun before it
        before = before.head
    elif before.text == "," and i > 0 and tok.doc[i - 1].dep_ == "appos" and tok.doc[i - 1].head.pos_ == "PROPN":
        # "… Dana Reyes, the county clerk, said that …" parsed with the name as a conjunct of what comes before
        before = tok.doc[i - 1].head
    return before if before.pos_ in ("PROPN", "NOUN", "PRON") and before.tag_ not in ("WP", "WDT") else None


def speaker_head(tok: Token) -> Token | None:
    if tok.lower_ == "according":
        return subject_of(tok)
    return subject_of(tok) or _before_subject(tok) or _after_subject(tok)


def span_of_tokens(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Characters of tokens first..last, trimmed of punctuation and spaces at both ends."""
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc"):
        last -= 1
    if last < first:
        return (0, 0)
    text = doc_text(doc)
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    # "Sen. Marco Rubio (R-Fla.)": a bracket opened inside the span is closed inside it
    if end < len(text) and text[end] == ")" and text.count("(", start, end) > text.count(")", start, end):
        end += 1
    return balance_quotes(text, start, end)


_MARKS = "\"“”«»„"


def balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Keep a quotation whole: a span holding an odd number of quote marks takes the mark just outside it."""
    if sum(text.count(m, start, end) for m in _MARKS) % 2 == 1:
        if end < len(text) and text[end] in _MARKS:
            return start, end + 1
        if end + 1 < len(text) and text[end] in ".,;!?" and text[end + 1] in _MARKS:
            return start, end + 2
        if start > 0 and text[start - 1] in _MARKS:
            return start - 1, end
    return start, end
