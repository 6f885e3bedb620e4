"""Stage 3 entry point: a parsed Doc becomes attributions and the actors who made them."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from spacy.tokens import Doc

from ..article import Actor, Attribution, Content, Span, Speaker
from ..ingest.header import datelines
from .colon import find_colon, label_lines
from .cues import Candidate, DocIndex, Intervals, doc_text
from .direct import CONTINUATION_PARAGRAPHS, continues_next_paragraph, continues_quote_run, find_direct
from .indirect import find_indirect
from .mode import mode_of
from .nominal import find_nominal
from .polarity import (
    AFFIRM,
    NEGATE,
    Statement,
    about_own_side,
    answers_no,
    cites_claims,
    content_roots,
    content_words,
    declines,
    denial_opening,
    dismisses_report,
    negated_clause,
    preamble_end,
    put_forward_sentences,
    rebuts,
    unhedged,
)
from .quotes import Quote, find_quotes
from .relays import cue_relay, relayed
from .speakers import ActorDraft, Resolver
from .stance import PLAIN_NEGATION, stance_reading
from .states import find_adjective, find_in_source, find_passive, find_raising

STATEMENT_WORDS = re.compile(r"\b(statement|communiqu[eé]|release|post|tweet|letter)\b", re.IGNORECASE)


def attribute_doc(doc: Doc) -> tuple[list[Attribution], list[Actor]]:
    """Every attribution in ``doc`` (offsets into ``doc.text``) and the actors that speak in it."""
    index = DocIndex(doc, find_quotes(doc_text(doc)))
    direct, used = find_direct(index)
    # a cue that took a quote may still have a reported clause that runs past it (see _around_quotes)
    indirect = _around_quotes(index, direct, find_indirect(index, used - _quote_cues(direct)), used)
    # a "Name: …" line is one attribution of the whole line: reported speech inside it does not block it, and a
    # quote right after the colon is that name's
    colon = find_colon(index, [(c.start, c.end) for c in direct if not c.continues])
    nominal = find_nominal(index, [(c.start, c.end) for c in direct + indirect + colon])
    raising = find_raising(index, [(c.start, c.end) for c in direct + indirect + colon + nominal])
    found = direct + indirect + colon + nominal + raising
    found += find_in_source(index, [(c.start, c.end) for c in found])
    found += find_adjective(index, [(c.start, c.end) for c in found])
    found += find_passive(index, [(c.start, c.end) for c in found])
    # an empty quote ('""', '",""') has nothing to attribute: its parts are dropped, and it with them
    for cand in found:
        cand.parts = [(s, e) for s, e in cand.parts if e > s]
    labels = Intervals(label_lines(index.text, index.paras))
    found = [c for c in found if c.parts and not _misframed(index.text, c) and not labels.overlaps(c.start, c.end)]
    closed = sorted((q for g in index.groups for q in g.pieces if q.close_mark is not None), key=lambda q: q.open_mark)
    opens = [q.open_mark for q in closed]
    for cand in found:
        if cand.kind != "direct" and not cand.quotes and cand.parts:
            last = cand.parts[-1]
            cand.parts[-1] = (last[0], _through_quote(index.text, closed, opens, cand.start, last[1]))
    # a dateline or byline ("UNITED NATIONS:", "By Jane Doe") says where a dispatch was filed or who wrote it,
    # never who said something
    lines = datelines(index.text)
    found = [c for c in found if c.speaker_token is None or not _in_spans(doc[c.speaker_token].idx, lines)]
    # "Iran denied …, Anadolu Agency reported": the agency's clause gives way to Iran's statement, which keeps the
    # agency as its relay
    found, via = relayed(doc, found)
    candidates = _drop_overlaps([c for c in found if c.parts])
    candidates.sort(key=lambda c: (c.start, c.end))
    resolver = Resolver(doc, index.quoted)
    resolved: list[tuple[Candidate, Span | None, ActorDraft | None]] = []
    # last speaker, the paragraph it spoke in and the words that named it
    previous: tuple[ActorDraft | None, int, Span | None] | None = None
    for cand in candidates:
        paragraph = index.paragraph_of(cand.start)
        if cand.continues:
            if previous is None or previous[0] is None or paragraph - previous[1] > CONTINUATION_PARAGRAPHS:
                continue
            # a quote that continues the previous speaker is named by that speaker's mention
            mention, actor = previous[2], previous[0]
            # a cue-less quote in the paragraph of the previous quote is another part of that content ('"A," X
            # said. "B."'), as quote-split parts are, and so is one opening the next paragraph after a bare cue
            # clause ('"A," X said.¶"B."'); one in a later paragraph, after indirect speech, or with a
            # subjectless cue of its own ('…, calling the plan "a disgrace"') is an attribution of its own
            if (resolved and resolved[-1][0].cue is not None
                    and resolved[-1][0].kind != "indirect" and cand.cue_token is None
                    and (paragraph == previous[1] or continues_next_paragraph(index, resolved[-1][0], cand))
                    or resolved and continues_quote_run(index, resolved[-1][0], cand)):
                owner = resolved[-1][0]
                owner.parts.extend(cand.parts)
                previous = (actor, index.paragraph_of(cand.end), mention)
                continue
        else:
            mention, actor = _speaker(doc, cand, resolver)
        resolved.append((cand, mention, actor))
        previous = (actor, index.paragraph_of(cand.end), mention)
    # actors are named only now: a short name seen first is upgraded when the full name appears
    resolver.consolidate()
    speaking = {id(actor.final()) for _c, _m, actor in resolved if actor is not None}
    drafts = [d for d in resolver.actors if id(d) in speaking]
    ids = actor_ids(drafts)
    read = [_record(doc, n, cand, mention, actor, ids, via.get(id(cand)))
            for n, (cand, mention, actor) in enumerate(resolved, 1)]
    records = _settle_plain_negations(doc, read)
    actors = [Actor(ids[id(d)], d.name, d.kind, tuple(d.aliases), tuple(d.titles)) for d in drafts]
    return records, actors


# quotes whose cue may also give its reported clause: a quote after its subject ('said the plan "will fail"')
# already starts the clause
CLAUSE_QUOTE_RULES = {"quote-that", "quote-cue-after", "quote-cue-before"}


def _quote_cues(direct: list[Candidate]) -> set[int]:
    return {c.cue_token for c in direct if c.cue_token is not None and c.rule in CLAUSE_QUOTE_RULES}


SETS_OFF = frozenset(":(")


def _around_quotes(index: DocIndex, direct: list[Candidate], indirect: list[Candidate],
                   used: set[int]) -> list[Candidate]:
    """The reported clause of a cue that took a quote, kept only where it holds the quote and runs past it:
    '"We are grateful" for the gifts, she said' (the overlap pass then keeps the clause, the longer one). A
    colon or an opening parenthesis before the quote sets it off: 'Her reply was short: "We will appeal," she
    said' and 'Members were angry ("I want a refund," wrote one)' keep the quote."""
    quotes = {c.cue_token: c for c in direct if c.cue_token is not None}
    kept = []
    for c in indirect:
        q = quotes.get(c.cue_token) if c.cue_token in used else None
        if q is not None and not (c.start <= q.start and q.end <= c.end and c.end - c.start > q.end - q.start
                                  and not SETS_OFF.intersection(index.text[c.start:q.start])):
            continue
        kept.append(c)
    return kept


def _misframed(text: str, cand: Candidate) -> bool:
    """An indirect content before its cue with a colon between them: 'Here's a sentence I never thought I'd write:
    the council agreed' reports nothing before the colon."""
    if cand.kind == "direct" or cand.quotes or cand.cue is None or not cand.parts:
        return False
    cue_start = cand.cue[0]
    end = cand.end
    return end <= cue_start and ":" in text[end:cue_start] and "\n" not in text[end:cue_start]


def _through_quote(text: str, quotes: list[Quote], opens: list[int], start: int, end: int) -> int:
    """``end``, or the end of the closing mark of the quotation that a reported content opens at ``start`` or
    after and that ``end`` falls inside: 'the bishop called the ruling "a break with church teaching. The parishes
    will fight it."' — the parser ends the sentence at the stop inside the quote, but what was said runs to the
    closing mark. ``quotes`` are closed quote pieces sorted by ``opens``, their opening marks: pieces never
    overlap, so only the last one opening before ``end`` can hold it."""
    i = bisect.bisect_left(opens, end) - 1
    if i < 0:
        return end
    q = quotes[i]
    if start <= q.open_mark and end < q.close_mark and text[end:q.close_mark].strip(" ,.;:"):
        return q.close_mark + 1
    return end


def _in_spans(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= at < e for s, e in spans)


def _record(doc: Doc, n: int, cand: Candidate, mention: Span | None, actor: ActorDraft | None,
            ids: dict[int, str], relay: tuple[int, int] | None = None) -> tuple[Attribution, str]:
    """The attribution and why its stance was chosen (a plain negation is settled against the whole article)."""
    text = doc_text(doc)
    parts = list(cand.parts)
    content = Content.of(text, parts)
    negated = cand.cue_token is not None and _negated(doc, cand.cue_token)
    cue = Span.of(text, *cand.cue) if cand.cue else None
    stance, why = stance_reading(cand.cue_lemma, negated, content.text, cand.frame,
                                 content_negated=_states_a_negation(doc, parts[0]),
                                 content_verb=_main_verb(doc, parts[0]), cue_text=cue.text if cue else None)
    if stance != "deny" and not negated and (cut := denial_opening(content.text)):
        # "repeated its denial of reports that P": the denial is in the content's opening words
        stance, why = "deny", "cue"
        parts[0] = (parts[0][0] + cut, parts[0][1])
        content = Content.of(text, parts)
    if (stance == "assert" or why == PLAIN_NEGATION) and answers_no(content.text):
        stance, why = "deny", "phrase"      # '"No, …," he said': an answer rejecting what was put to him
    if stance == "deny" and why == "cue" and (cut := preamble_end(text[parts[0][0]:parts[0][1]])):
        # "rejected claims that Moscow had received drones": what is rejected is that Moscow had received them
        parts[0] = (parts[0][0] + cut, parts[0][1])
        content = Content.of(text, parts)
    polarity = NEGATE if negated_clause(doc, parts[0]) else AFFIRM
    if declines(cand.cue_lemma, negated, content.text, cand.frame):
        stance, polarity = "decline", AFFIRM
    elif stance == "deny" and why in ("cue", "negated-cue", "inner-verb"):
        # the speaker rejects the content: "denied that P" negates P, "denied it had never P" affirms it
        polarity = AFFIRM if polarity == NEGATE else NEGATE
    elif stance == "deny":
        polarity = NEGATE       # "called the reports baseless", "No such agreement exists"
    elif stance == "assert" and polarity == NEGATE and dismisses_report(content.text):
        stance = "deny"         # "the newspaper report does not reflect where the talks stand"
    elif stance == "assert" and polarity == NEGATE and why == "cue" and unhedged(doc, parts[0]):
        # "Russia had nothing to do with the incident": a negated fact, settled against the article like the
        # plain negations stance.py finds ("did not", "never")
        stance, why = "deny", PLAIN_NEGATION
    if actor is None:
        speaker = Speaker(mention, None, "unknown", None)
    else:
        actor = actor.final()
        speaker = Speaker(mention, actor.name, actor.kind, ids[id(actor)])
    confidence = cand.confidence if actor is not None else cand.confidence * 0.6
    sentence = _sentence(doc, [content, cue, _near(doc_text(doc), mention, content)])
    relay = relay or cue_relay(doc, cand, (sentence.start, sentence.end))
    if relay is not None and mention is not None and mention.start <= relay[0] < mention.end:
        relay = None   # the relay is who spoke ("the BBC said"): it is the speaker, not a relay
    return Attribution(f"q{n}", cand.kind, content, cue, speaker, stance, cand.rule, round(confidence, 3),
                       sentence, Span.of(text, *relay) if relay else None, mode=mode_of(doc, cand),
                       polarity=polarity), why


def _settle_plain_negations(doc: Doc, read: list[tuple[Attribution, str]]) -> list[Attribution]:
    """A plain negative statement ("We are not closing rural branches") stays a denial only where it answers a
    proposition someone else put forward in this article; otherwise it asserts that something is not so."""
    if not any(why == PLAIN_NEGATION for _a, why in read):
        return [a for a, _why in read]
    statements = [Statement(a.speaker.actor or (a.speaker.mention.text.lower() if a.speaker.mention else None),
                            a.stance, a.polarity, content_words(doc, a.content.parts),
                            about_own_side(doc, a.content.parts[0]), cites_claims(a.content.text))
                  for a, _why in read]
    context = put_forward_sentences(doc, [(a.sentence.start, a.sentence.end) for a, _w in read if a.sentence])
    out = []
    for i, (a, why) in enumerate(read):
        if why == PLAIN_NEGATION and a.stance == "deny" and not rebuts(i, statements, context):
            a = replace(a, stance="assert")
        out.append(a)
    return out


def _near(text: str, mention: Span | None, content: Content) -> Span | None:
    """The mention, unless a paragraph break separates it from the content: a quote continuing an earlier
    speaker keeps that speaker's mention, but its sentence is the quote's own, not several paragraphs."""
    if mention is None:
        return None
    lo, hi = (mention.end, content.start) if mention.end <= content.start else (content.end, mention.start)
    return None if "\n" in text[lo:hi] else mention


def _sentence(doc: Doc, spans: list) -> Span:
    """The sentence(s) covering every given span, without surrounding whitespace."""
    text = doc_text(doc)
    first = min(s.start for s in spans if s is not None)
    last = max(s.end for s in spans if s is not None)
    lo, hi = first, last
    chars = doc.char_span(first, last, alignment_mode="expand")
    if chars is not None and len(chars):
        lo = min(lo, chars[0].sent.start_char)
        hi = max(hi, chars[-1].sent.end_char)
    while lo < first and text[lo].isspace():
        lo += 1
    while hi > last and text[hi - 1].isspace():
        hi -= 1
    while hi < len(text) and text[hi] in CLOSING_MARKS:   # the parser leaves '."' closing marks to the next one
        hi += 1
    return Span.of(text, lo, hi)


CLOSING_MARKS = "\"”’»)"


def _drop_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """One attribution per stretch of text: a cue-linked one beats a continuation, longer beats shorter."""
    ranked = sorted(cands, key=lambda c: (c.continues, -(c.end - c.start)))
    kept: list[Candidate] = []
    # the kept ranges never overlap, so sorted by start they are sorted by end too: only the last one starting
    # before c ends can reach into c (a bisect, not a pass over all kept: thousands of quotes made this quadratic)
    starts: list[int] = []
    ends: list[int] = []
    for c in ranked:
        # a quote in parts claims only its parts: '"A," X said, referring to the plan. "B."' keeps 'the plan'
        spans = c.parts if c.quotes and len(c.parts) > 1 else [(c.start, c.end)]
        if any(i and ends[i - 1] > start for start, end in spans for i in [bisect.bisect_left(starts, end)]):
            continue
        for start, end in spans:
            i = bisect.bisect_left(starts, end)
            starts.insert(i, start)
            ends.insert(i, end)
        kept.append(c)
    return kept


# A negated main clause is a denial of fact only in the plain present or past: "will not", "cannot",
# "would not" refuse or forecast, they do not deny.
MODALS = {"will", "would", "can", "could", "shall", "should", "may", "might", "must", "wo", "ca", "'ll"}


def _main_verb(doc: Doc, part: tuple[int, int]) -> str | None:
    """Lemma of the content's main verb when it is not negated ('it rejects any suggestion')."""
    span = doc.char_span(part[0], part[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    inside = range(span.start, span.end)
    roots = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ == "VERB"]
    if not verbs or any(c.dep_ == "neg" for c in verbs[0].children):
        return None
    return verbs[0].lemma_.lower()


def _states_a_negation(doc: Doc, part: tuple[int, int]) -> bool:
    """The first sentence of the content has a negated main verb without a modal."""
    for root in content_roots(doc, part)[:1]:
        kids = list(root.children)
        aux = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
        if any(a in MODALS for a in aux) or any(c.lower_ == "going" for c in kids) or root.lower_ == "going":
            return False            # "will not", "are not going to": a refusal or a forecast
        if root.lemma_ == "be" and any(c.dep_ == "expl" for c in kids):
            # "There is no vendetta here"
            return any(d.lower_ == "no" for c in kids if c.dep_ in ("attr", "nsubj") for d in c.children)
        if not any(c.dep_ == "neg" or c.lower_ == "never" for c in kids):
            return False
        # "we don't negotiate through hypotheticals": a present-tense habit states a policy, not a denial
        return not (root.lemma_ != "be" and aux and all(a in ("do", "does") for a in aux))
    return False


def _negated(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return any(c.dep_ == "neg" for c in tok.children) or (
        tok.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in tok.head.children))


def _speaker(doc: Doc, cand: Candidate, resolver: Resolver) -> tuple[Span | None, ActorDraft | None]:
    if cand.speaker_token is None:
        return None, None
    head = doc[cand.speaker_token]
    statement = bool(STATEMENT_WORDS.search(head.sent.text))
    colon = cand.cue_token if cand.rule == "colon-line" else None
    (first, last), actor = resolver.resolve(head, statement=statement, before=colon)
    mention = Span.of(doc_text(doc), doc[first].idx, doc[last].idx + len(doc[last].text))
    return mention, actor


def actor_ids(drafts: list[ActorDraft]) -> dict[int, str]:
    """A local id for each speaking actor of one article, unique by construction: a readable slug of kind and
    name, with ``-2``, ``-3`` … where two actors share one ("Donald Trump Jr:" and "Donald Trump Jr." are two
    drafts whose slugs are the same; the ledger keys its links on the id, so a clash lost the whole article)."""
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for d in drafts:
        slug = re.sub(r"[^\w]+", "-", d.name.lower()).strip("-") or "unnamed"
        base = candidate = f"{d.kind}:{slug}"
        n = 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids[id(d)] = candidate
    return ids
