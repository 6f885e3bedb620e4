"""Pass 1: link each quotation to its cue and speaker (direct quotes, split and multi-paragraph quotes)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from .cues import (
    OBJECT_CONTENT,
    TERMINAL,
    Candidate,
    DocIndex,
    cue_lemma,
    cue_span,
    has_subject,
    speaker_head,
    subject_of,
)
from .quotes import QuoteGroup

# How far from a quote its cue may sit, in tokens. Wire copy keeps the cue clause short
# ('"…," the ministry's spokeswoman Maria Zakharova told reporters on Monday').
AFTER_WINDOW = 30
BEFORE_WINDOW = 20
# A quote with no cue continues the previous speaker only if it is sentence-like and near
# (scare quotes and titles are short and sit inside a clause).
MIN_CONTINUATION_WORDS = 4
CONTINUATION_PARAGRAPHS = 3
OPEN_MARKS = set("“„«‟\"")
# dependencies of a verb after a quote's cue that start a predicate of their own (not a relative clause on the
# speaker: '"…," said Cole, who co-wrote the plan. "…"')
NEW_PREDICATE = ("advcl", "ccomp", "xcomp", "conj", "csubj")
# subjects before a colon that name no speaker ('what it means is this: "…"')
COLON_NON_SPEAKERS = {"what", "that", "which", "this", "it"}
DASHES = {"―", "—", "–", "-", "--"}


def _words(text: str) -> int:
    return len(text.split())


def _sentence_final(index: DocIndex, group: QuoteGroup) -> bool:
    """True when the quote's own text ends a sentence ('…it.”')."""
    inner = index.text[group.start:group.end].rstrip()
    return bool(inner) and inner[-1] in ".!?"


def _tokens_after(index: DocIndex, group: QuoteGroup) -> list[Token]:
    """Tokens after the quote, in its paragraph, up to the next quote or the end of the sentence."""
    doc = index.doc
    para = index.paras[index.paragraph_of(group.pieces[-1].start)]
    out: list[Token] = []
    i = index.token_at(group.outer_end)
    while i < len(doc) and doc[i].idx < para[1] and len(out) < AFTER_WINDOW:
        tok = doc[i]
        if index.quoted[i]:
            break
        out.append(tok)
        if tok.text in TERMINAL or tok.text == ";":
            break
        i += 1
    return out


def _tokens_before(index: DocIndex, group: QuoteGroup, char: int) -> list[Token]:
    """Tokens before ``char`` in the same paragraph, back to a sentence end or another quote."""
    return _walk_back(index, char, index.paras[index.paragraph_of(char)][0], BEFORE_WINDOW)


def _walk_back(index: DocIndex, end: int, floor: int, limit: int) -> list[Token]:
    """Up to ``limit`` tokens before ``end`` and from ``floor`` on, stopping at a quote or a sentence end."""
    doc = index.doc
    out: list[Token] = []
    i = index.token_before(end)
    while i >= 0 and doc[i].idx >= floor and len(out) < AFTER_WINDOW:
        tok = doc[i]
        if index.quoted[i] or (tok.text in TERMINAL and out):
            break
        out.append(tok)
        i -= 1
    out.reverse()
    return out


def _clause_is_only_cue(cue: Token, between: list[Token]) -> bool:
    """The words between a quote and its cue are the cue's subject or adverbials, never another verb."""
    for t in between:
        if t.pos_ == "VERB" and t.i != cue.i and not any(a.i == cue.i for a in t.ancestors):
            return False
    return True


def _has_own_content(cue: Token, index: DocIndex) -> bool:
    """A cue after a quote that governs its own clause ('He said the talks failed') is a new attribution.

    Not a clause set off by a comma or a participle ('"…," Kiedis said, mentioning the album is done', '"…,"
    Clinton said answering a question'): those describe the quote's cue, they are not its content."""
    for c in cue.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > cue.i and not (index.quoted[c.i] and index.quoted[c.left_edge.i]):
            if _bare_participle(c) or any(t.text in (",", ";", "—", "--") for t in cue.doc[cue.i + 1:c.left_edge.i]):
                continue
            return True
    return False


def _reports_clause_before(cue: Token, first: Token, index: DocIndex) -> bool:
    """'"…." The vote will slip, an aide told us.' and '"…." Still, she said, the vote will slip.': after a quote
    not closed on a comma, a cue whose reported clause lies between the quote and the cue (or which interrupts
    it) reports that clause, not the quote ('"…" he said, not finishing the line' interrupts no clause); so does
    an object cue with a noun object of its own ('"…." She noted a vote planned for May.')."""
    head = cue.head
    if cue.dep_ == "parataxis" and head.i >= first.i and has_subject(head):
        return True
    if any(c.dep_ == "ccomp" and first.i <= c.left_edge.i and c.i < cue.i for c in cue.children):
        return True
    return cue_lemma(cue) in OBJECT_CONTENT and any(
        c.dep_ == "dobj" and c.i > cue.i and c.pos_ in ("NOUN", "PROPN") and not index.quoted[c.i]
        for c in cue.children)


def _bare_participle(verb: Token) -> bool:
    """'mentioning the album is done': a participle with no subject or auxiliary of its own ('that the board was
    retaining the right' is a clause)."""
    return verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                                          for c in verb.children)


def cue_after(index: DocIndex, group: QuoteGroup) -> Token | None:
    window = _tokens_after(index, group)
    words = [t for t in window if not (t.is_punct or t.is_space)]
    if not words:
        return None
    # '"…" ― Sonya Herridge': a dash and a name under a quote (readers' voices, epigraphs)
    if window[0].text in DASHES and len(window) > 1 and (window[1].pos_ == "PROPN" or window[1].ent_type_ == "PERSON"):
        return window[0]
    glued = index.text[group.outer_end:group.outer_end + 3].lstrip(" \u00a0")
    if glued[:1] in ("―", "—") and window[0].pos_ == "PROPN":
        return window[0]   # '…”― Carla Sanchez': the tokenizer glued the dash to the closing mark
    inner = index.text[group.start:group.end].rstrip()
    comma = inner.endswith(",") or window[0].text == ","
    if window[-1].text == ":" and _sentence_final(index, group):
        return None   # '"…." Mr. Zahed said: "…"': a cue clause ending in a colon introduces the next quote
    for pos, tok in enumerate(window):
        lemma = cue_lemma(tok)
        if lemma is None:
            continue
        # '"…," Perez, who has proposed ending the subsidy, said': a cue inside a relative clause on the speaker
        # describes the speaker; the quote's cue comes later
        if pos and any(t.dep_ == "relcl" and window[0].i <= t.head.i < t.i <= tok.i for t in (tok, *tok.ancestors)):
            continue
        # '"…," Kiedis said, mentioning the album is …', '"…," said Hany Farid, …, who co-developed …': a quote
        # closed on a comma is the complement of the cue clause after it; a clause the parser hangs on that cue
        # is a second content, not a reason to skip
        if lemma != "according to" and not comma and (_has_own_content(tok, index)
                                                       or _reports_clause_before(tok, window[0], index)):
            return None
        if not _clause_is_only_cue(tok, window[:pos]):
            return None
        # '…it.” He said the…' – a capitalised word after a closed sentence starts a new sentence,
        # unless the clause is only subject + cue
        return tok
    return None


def cue_before(index: DocIndex, group: QuoteGroup, tokens: list[Token]) -> tuple[Token | None, list[Token]]:
    """The last cue in ``tokens`` (which end at the quote) and the tokens between it and the quote."""
    for pos in range(len(tokens) - 1, -1, -1):
        tok = tokens[pos]
        if cue_lemma(tok) is None:
            continue
        between = tokens[pos + 1:]
        if any(t.pos_ == "VERB" and not _describes_noun(t, tok, between) for t in between):
            return None, []
        return tok, between
    return None, []


def _describes_noun(verb: Token, cue: Token, between: list[Token]) -> bool:
    """'she told the delegates waiting outside the chamber, "…"': a verb in a relative or participle clause on a noun
    describes the addressee or the occasion; it starts no clause of its own between the cue and the quote. Only
    when a comma or colon sets the quote off: in 'said the tax breaks used by firms "do nothing"' the noun is the
    subject of the quoted predicate (a mixed quote)."""
    if not _ends_with_comma(between) and not _ends_with_colon(between):
        return False
    for t in (verb, *verb.ancestors):
        if t.i <= cue.i:
            return False
        if t.dep_ in ("relcl", "acl"):
            return True
    return False


def _ends_with_colon(tokens: list[Token]) -> bool:
    real = [t for t in tokens if not t.is_space]
    return bool(real) and real[-1].text in (":", "—", "-")


def _starts_sentence(tokens: list[Token]) -> bool:
    real = [t for t in tokens if not t.is_space]
    return not real or real[-1].text in TERMINAL or real[-1].text in (":",) or _ends_with_abbreviation(real[-1])


def _ends_with_abbreviation(tok: Token) -> bool:
    """'… in Washington, D.C. "I love this work," she says': the tokenizer keeps the stop inside an abbreviation
    ("D.C.", "Inc.", "Mo."), so the sentence it ends has no stop token of its own. A title ("Sen.", "Dr.") is
    followed by a name, never by a quotation, and is not read so."""
    text = tok.text
    return (len(text) > 1 and text.endswith(".") and text[0].isupper() and tok.i + 1 < len(tok.doc)
            and tok.lower_.rstrip(".") not in NAME_TITLES)


# abbreviated titles that stand before a name ("Sen. Ortiz"), not at the end of a sentence
NAME_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr",
                         "adm", "prof", "rev", "fr", "st", "pres", "supt", "insp", "det", "hon", "maj", "cpl"})


CONNECTIVES = frozenset({"but", "and", "still", "yet", "so", "now", "instead", "however", "also", "then", "again"})


def _connective_only(index: DocIndex, before: list[Token]) -> bool:
    """The quote's sentence opens with a connective and nothing else before the quote ('But "…"', 'Still, "…"')."""
    real = [t for t in before if not t.is_space]
    if not real or real[0].lower_ not in CONNECTIVES or not all(
            t.lower_ in CONNECTIVES or t.text == "," for t in real):
        return False
    return _opens_sentence(index, real[0], after_quote=True)


def _opens_parenthesis(tokens: list[Token]) -> bool:
    """'… drew some anger ("I want a refund," wrote one nurse), and …': a quote right after an opening
    parenthesis starts an aside of its own, as a quote starting a sentence does (when it ends on a comma or a
    full stop: '("Open Doors")' is a translation)."""
    real = [t for t in tokens if not t.is_space]
    return bool(real) and real[-1].text in ("(", "[")


def _subject_before(index: DocIndex, before: list[Token]) -> bool:
    """The words before a quote are all of its sentence up to it and hold no verb: a subject for the quote."""
    real = [t for t in before if not t.is_space]
    if not real or real[0].is_punct or any(t.pos_ in ("VERB", "AUX") for t in real):
        return False
    return _opens_sentence(index, real[0])


def _opens_sentence(index: DocIndex, tok: Token, after_quote: bool = False) -> bool:
    """Nothing but space stands before ``tok`` since a sentence end or a line break (or, with ``after_quote``,
    since the closing mark of a quote)."""
    prev = tok.i - 1
    while prev >= 0 and index.doc[prev].is_space:
        prev -= 1
    return (prev < 0 or index.doc[prev].text in TERMINAL or (after_quote and index.quoted[prev])
            or "\n" in index.text[index.doc[prev].idx:tok.idx])


def _opens_predicate(index: DocIndex, group: QuoteGroup) -> bool:
    """The quote opens on a finite verb ('"want a ferry that runs,"') and ends on a comma: a predicate whose
    subject stands before it (not a title: 'on "Harbour Hour,"')."""
    first = index.doc[index.token_at(group.start)]
    inner = index.text[group.start:group.end].rstrip()
    return first.tag_ in ("VBZ", "VBP", "VBD", "MD") and (inner.endswith(",") or index.text[group.outer_end:
                                                                                          group.outer_end + 1] == ",")


def _closes_clause(index: DocIndex, group: QuoteGroup) -> bool:
    """The quote ends on a comma or a sentence end, inside its marks or right after them."""
    inner = index.text[group.start:group.end].rstrip()
    after = index.text[group.outer_end:group.outer_end + 1]
    return (bool(inner) and inner[-1] in ",.!?") or after == ","


def _previous_paragraph_tokens(index: DocIndex, group: QuoteGroup) -> list[Token]:
    """Tokens of the last sentence of the previous paragraph when the quote opens its paragraph."""
    p = index.paragraph_of(group.open_mark)
    if p == 0 or index.text[index.paras[p][0]:group.open_mark].strip():
        return []
    prev_start, prev_end = index.paras[p - 1]
    return _walk_back(index, prev_end, prev_start, BEFORE_WINDOW * 2)


def _candidate(index: DocIndex, group: QuoteGroup, cue: Token | None, rule: str, confidence: float,
               kind: str = "direct", extra_start: int | None = None) -> Candidate:
    parts = [(q.start, q.end) for q in group.pieces]
    if extra_start is not None:
        # a mixed quote starts outside the marks, so it keeps both of them: 'the report as "a provocation"'
        parts[0] = (extra_start, parts[0][1])
        last = group.pieces[-1]
        if last.close_mark is not None:
            parts[-1] = (parts[-1][0], last.outer_end)
    # drop a trailing comma inside the quote ('…,”'): it belongs to the sentence, not the content
    s, e = parts[-1]
    while e > s and index.text[e - 1] in ",;":
        e -= 1
    parts[-1] = (s, e)
    if cue is None:
        return Candidate(parts, None, None, None, None, rule, confidence, kind, continues=True, quotes=[group])
    head = speaker_head(cue)
    frame = "judge" if cue_lemma(cue) == "call" else ""
    if cue.text in DASHES:
        head = _name_after(cue)
    elif cue_lemma(cue) is None and cue.pos_ == "PROPN":
        head = _name_after(index.doc[cue.i - 1]) if cue.i > 0 else cue   # the glued-dash case above
    # a cue with no subject ('Commenting: "…"', 'Adding: "…"') continues the previous speaker
    span = cue_span(cue)
    if cue_lemma(cue) is None and cue.pos_ == "PROPN":
        dash = next((i for i in range(group.outer_end - 1, cue.idx) if index.text[i] in "―—"), None)
        span = (dash, dash + 1) if dash is not None else span
    return Candidate(parts, span, cue_lemma(cue), cue.i, head.i if head is not None else None,
                     rule, confidence if group.closed else confidence - 0.2, kind, continues=head is None,
                     frame=frame, quotes=[group])


def _name_after(dash: Token) -> Token | None:
    """The head of the name after a dash: the last proper noun of the run."""
    last = None
    for t in dash.doc[dash.i + 1: dash.i + 6]:
        if t.pos_ == "PROPN" or t.ent_type_ == "PERSON":
            last = t
        elif last is not None:
            break
    return last


# nouns for a work whose name follows them in quotes: 'in his 2012 book, "Harbour Lights."'
WORK_NOUNS = frozenset({"book", "memoir", "memoirs", "autobiography", "novel", "film", "movie", "album", "song",
                        "documentary"})
MAX_TITLE_WORDS = 8


def _names_a_work(index: DocIndex, group: QuoteGroup, before: list[Token]) -> bool:
    """A short quote right after a work noun ('her memoir, "Tides and Ties,"') is the work's title."""
    real = [t for t in before if not t.is_space and t.text != ","]
    return (bool(real) and real[-1].lower_ in WORK_NOUNS and len(group.pieces) == 1
            and _words(index.text[group.start:group.end]) <= MAX_TITLE_WORDS)


def find_direct(index: DocIndex) -> tuple[list[Candidate], set[int]]:
    """Direct and mixed quote attributions, and the token indices of the cues they used."""
    found: list[Candidate] = []
    used: dict[int, Candidate] = {}
    clause_end: dict[int, int] = {}     # id(candidate) -> end of its cue clause after the quote
    for group in index.groups:
        before = _tokens_before(index, group, group.open_mark)
        if _names_a_work(index, group, before):
            continue
        cand = None
        # 'X said: "…"' – a colon right before the quote binds it to the cue before
        cue_b, between = cue_before(index, group, before)
        colon_before = _ends_with_colon(before)
        after = None if (cue_b is not None and colon_before) else cue_after(index, group)
        if after is not None and (_starts_sentence(before) or _ends_with_comma(before) or colon_before
                                  or (_opens_parenthesis(before) and _closes_clause(index, group))):
            if after.i in used and used[after.i].quotes:
                cand = None
            else:
                cand = _candidate(index, group, after, "quote-cue-after", 0.9)
                window = _tokens_after(index, group)
                if _clause_closes(after, window):
                    clause_end[id(cand)] = _window_end(window, group)
        elif after is not None and _subject_before(index, before) and _opens_predicate(index, group) and not (
                after.i in used and used[after.i].quotes):
            # 'The islanders "want a ferry that runs," said Ruth Okafor.': the words before the quote are the
            # subject of the quoted predicate, so the content starts with the sentence
            cand = _candidate(index, group, after, "quote-subject-cue-after", 0.8, kind="mixed",
                              extra_start=before[0].idx)
        own_cue = after is not None and after.i - index.token_at(group.outer_end) <= 3
        # (a new paragraph ends that: '…," X said.¶"B," Y told …' – B has a cue of its own)
        gap_before = index.text[clause_end.get(id(found[-1]), 0):group.open_mark] if found else ""
        follows = bool(found) and id(found[-1]) in clause_end and not gap_before.strip() and "\n" not in gap_before
        if cand is not None and not own_cue and follows:
            cand = None   # '"A," said X. "B" for the top' – B is the same speaker's, not the next cue's
            after = None
        if after is None and found and found[-1].cue_token is not None and id(found[-1]) in clause_end:
            # '"A," said Ruth Okafor, an analyst at the port authority. "B."': B continues A's content
            owner = found[-1]
            gap = index.text[clause_end[id(owner)]:group.open_mark]
            if not gap.strip() and "\n" not in gap and _run_into_cue_clause(index, group, owner):
                # the clause goes on after the title: a next quote after it still continues the content
                clause_end[id(owner)] = _window_end(_tokens_after(index, group), group)
                continue
            if not gap.strip() and "\n" not in gap:
                owner.parts.extend((q.start, q.end) for q in group.pieces)
                owner.quotes.append(group)
                owner.rule = "quote-split"
                continue
        if cand is None and cue_b is not None:
            if cue_b.i in used:
                # '"A," he said, "B."' and '"A," he said. "B."': one content in several parts
                owner = used[cue_b.i]
                owner.parts.extend((q.start, q.end) for q in group.pieces)
                owner.quotes.append(group)
                owner.rule = "quote-split"
                continue
            if _quote_is_whole(index, group):
                mixed = [t for t in between if t.lower_ == "that"]
                obj = next((t for t in between if t.dep_ == "dobj" and t.head.i == cue_b.i), None)
                # 'said the billionaire "can't win"': the noun before the quote is the subject of its verb, so
                # the reported clause starts there
                subject = next((t for t in between if t.dep_ in ("nsubj", "nsubjpass") and index.quoted[t.head.i]
                                and t.head.i > t.i), None)
                if subject is not None and not mixed:
                    cand = _candidate(index, group, cue_b, "quote-subject-before", 0.8, kind="mixed",
                                      extra_start=index.doc[subject.left_edge.i].idx)
                elif obj is not None and (cue_lemma(cue_b) in OBJECT_CONTENT or cue_lemma(cue_b) == "call"):
                    # 'dismissed the troop figures as "numbers on paper"': the object is what is judged
                    cand = _candidate(index, group, cue_b, "object-as-quote", 0.8, kind="mixed",
                                      extra_start=obj.left_edge.i and index.doc[obj.left_edge.i].idx)
                elif mixed:
                    cand = _candidate(index, group, cue_b, "quote-that", 0.85, kind="mixed",
                                      extra_start=mixed[-1].idx)
                elif not between or all(t.is_punct or t.is_space or t.pos_ in ("ADP", "NOUN", "PROPN", "PRON",
                                                                                  "DET", "ADJ", "NUM", "ADV")
                                        or _describes_noun(t, cue_b, between) for t in between):
                    cand = _candidate(index, group, cue_b, "quote-cue-before", 0.85)
                    lead = _lead_in(index, cue_b, group)
                    if lead is not None:
                        cand.parts.insert(0, lead)
        if cand is None and not before:
            prev = _previous_paragraph_tokens(index, group)
            if _ends_with_colon(prev):
                cue_p, _ = cue_before(index, group, prev[:-1])
                if cue_p is not None and cue_p.i not in used:
                    cand = _candidate(index, group, cue_p, "quote-after-colon-line", 0.8)
                else:
                    cand = _candidate(index, group, None, "quote-after-colon-continuation", 0.6)
        if cand is None and colon_before and _no_speaker_label(index, before):
            continue
        if cand is None and colon_before:
            cand = (_colon_clause(index, group, before)
                    or _candidate(index, group, None, "quote-colon-continuation", 0.6))
        if cand is None and _starts_sentence(before) and _sentence_like(index, group):
            cand = _candidate(index, group, None, "quote-continuation", 0.6)
        if cand is None and _connective_only(index, before) and _sentence_like(index, group):
            # 'But "the offer came too late."': a sentence that only opens with a connective goes on with the quote
            cand = _candidate(index, group, None, "quote-continuation", 0.6, extra_start=before[0].idx)
        if cand is None:
            continue  # scare quote, title, or a quote we cannot attribute
        found.append(cand)
        if cand.cue_token is not None:
            used[cand.cue_token] = cand
    return found, set(used)


def _window_end(window: list[Token], group: QuoteGroup) -> int:
    """Where the cue clause after a quote ends: the end of its window, or the quote's end when there is none."""
    return window[-1].idx + len(window[-1].text) if window else group.outer_end


def _clause_closes(cue: Token, window: list[Token]) -> bool:
    """The cue clause after a quote ends before the next quote, so a next quote right after it continues the
    content: '"A," Marlow said, waving at the crowd. "B."'. Not when a new predicate after the cue runs on to
    the next quote ('"A," Marlow said, calling the record "almost done."'): that quote is the predicate's."""
    if not any(t.i > cue.i and t.pos_ == "VERB" and t.dep_ in NEW_PREDICATE for t in window):
        return True
    return window[-1].text in TERMINAL


def continues_next_paragraph(index: DocIndex, owner: Candidate, cand: Candidate) -> bool:
    """A cue-less quote opening the paragraph after '"A," X said.' is A's second part: '"We will appeal," Ines
    Moreau said on Friday.¶"The ruling ignores the evidence."'. Only when A opens its paragraph, closes before a
    one-sentence cue clause that ends the paragraph, and the new quote opens the next paragraph."""
    if owner.rule != "quote-cue-after" or not owner.quotes or not cand.quotes:
        return False
    text = index.text
    first, last, new = owner.quotes[0], owner.quotes[-1], cand.quotes[0]
    p = index.paragraph_of(last.outer_end - 1)
    if index.paragraph_of(new.open_mark) != p + 1 or not last.closed or not new.closed:
        return False
    tail = text[last.outer_end:index.paras[p][1]].strip()
    return (not text[index.paras[index.paragraph_of(first.open_mark)][0]:first.open_mark].strip()
            and not text[index.paras[p + 1][0]:new.open_mark].strip()
            and not any(mark in tail for mark in OPEN_MARKS | set("”»"))
            and not re.search(r"[.!?] ", tail))


def continues_quote_run(index: DocIndex, owner: Candidate, cand: Candidate) -> bool:
    """Cue-less quote paragraphs in a row are one content in parts: '"A," she said.¶"B."¶"C."' gives B, and C
    joins it. Only when each quote is its whole paragraph: '"C." (May 2019)' is a dated item of a list."""
    if owner.rule != "quote-continuation" or cand.rule != "quote-continuation" or not owner.quotes:
        return False
    # (the owner's parts grow as the run goes on; its own quote and each joined one hold a whole paragraph)
    p = index.paragraph_of(owner.parts[-1][1] - 1)
    return (index.paragraph_of(cand.quotes[0].open_mark) == p + 1 and _whole_paragraph(index, owner.quotes[0])
            and _whole_paragraph(index, cand.quotes[-1]))


def _whole_paragraph(index: DocIndex, group: QuoteGroup) -> bool:
    end = index.paras[index.paragraph_of(group.outer_end - 1)][1]
    return not index.text[group.outer_end:end].strip(" .\u00a0") and not index.text[
        index.paras[index.paragraph_of(group.open_mark)][0]:group.open_mark].strip()


def _colon_clause(index: DocIndex, group: QuoteGroup, before: list[Token]) -> Candidate | None:
    """'Ines Moreau fired back on Friday: "…"', 'As the mayor put it: "…"': the clause before a colon names who
    speaks (the subject of its verb, the verb the cue), whether or not the verb is a reporting verb; a bare name
    before the colon ('- Ines Moreau: "…"') speaks, the colon its cue."""
    real = [t for t in before if not t.is_space]
    colon = real[-1]
    if colon.text != ":":
        return None
    # the verb the colon hangs on first, then any verb of the clause from the colon back
    head = colon.head
    verbs = [t for t in (head, *head.ancestors) if real[0].i <= t.i < colon.i] if head.i < colon.i else []
    verbs += [t for t in reversed(real) if t not in verbs]
    for verb in verbs:
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is None or not real[0].i <= subject.i < colon.i or subject.lower_ in COLON_NON_SPEAKERS:
            continue
        return _colon_candidate(index, group, "quote-after-colon-clause", cue_span(verb), verb, subject)
    if head.i < colon.i and (head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG")):
        return _colon_candidate(index, group, "quote-after-colon-name", (colon.idx, colon.idx + 1), colon, head)
    return None


def _run_into_cue_clause(index: DocIndex, group: QuoteGroup, owner: Candidate) -> bool:
    """'"A," said Ruth Okafor, the author of "Harbour Lights," a history of the port', '"A," said Ines Moreau, who
    called the vote "a farce"': a quote run into the cue clause after a quote, with no punctuation before it, is a
    title or another's words inside the description of the speaker, not the content's next part. Not right after
    the cue itself ('"A," she said "B."', a comma left out) nor after a conjunction ('"A," she said,
    and "B."'), which join a second part."""
    prev = index.doc[index.token_before(group.open_mark)]
    return (prev.text[-1:].isalnum() and prev.lower_ not in ("and", "or", "but")
            and prev.i != owner.cue_token)


def _no_speaker_label(index: DocIndex, before: list[Token]) -> bool:
    """A colon or dash before a quote that introduces no one's words: a byline in a list of links ('"Harbour
    reopens," by the Gazette's Ana Lenz: "…"' quotes the article, not a previous speaker), or a dash after a
    verbless label ('The tag #OpenPier - "open pier" -', 'MORE READING—"…"', '(2011) — "…"'). Not a bare dash
    between two quotes ('"A" - the crowd cheered "B" - "C"'), which goes on with the first."""
    real = [t for t in before if not t.is_space]
    words = [t for t in real if not t.is_punct]
    if words and words[0].lower_ == "by" and real[-1].text == ":":
        return True
    if not words and index.text[index.paras[index.paragraph_of(real[0].idx)][0]:real[0].idx].strip():
        return False
    return real[-1].text in DASHES and not any(t.pos_ in ("VERB", "AUX") for t in real)


def _colon_candidate(index: DocIndex, group: QuoteGroup, rule: str, cue: tuple[int, int], cue_token: Token,
                     speaker: Token) -> Candidate:
    cand = _candidate(index, group, None, rule, 0.6)
    cand.cue, cand.cue_lemma, cand.cue_token, cand.speaker_token = cue, cue_lemma(cue_token), cue_token.i, speaker.i
    cand.continues = False
    return cand


def _lead_in(index: DocIndex, cue: Token, group: QuoteGroup) -> tuple[int, int] | None:
    """A mixed-quote sentence before the cue is the content's first part: 'The levy is "a tax on hope," Moreau
    said. "B."': the words from the sentence start to the cue clause, when they hold a quote, end on a comma and
    report nothing of their own."""
    doc = index.doc
    subject = speaker_head(cue)
    if subject is None:
        return None
    first = min(subject.left_edge.i, cue.i)
    start_tok = max(cue.sent.start, index.token_at(index.paras[index.paragraph_of(cue.idx)][0]))
    while start_tok < first and doc[start_tok].is_space:
        start_tok += 1
    if start_tok >= first or doc[start_tok].idx >= group.open_mark:
        return None
    start = doc[start_tok].idx
    text = index.text[start:doc[first].idx].rstrip()
    # 'The new pier, she said, "will open in June."': a quote going on in lower case continues the sentence the
    # cue clause interrupts, so the words before the cue clause are its first part too
    # (not after an adverbial opening: 'In Leeds, she said, "…"', 'Minutes later, she said, "…"')
    last = next((doc[i] for i in range(first - 1, start_tok - 1, -1) if not doc[i].is_punct), doc[start_tok])
    runs_on = (index.text[group.start:group.start + 1].islower()
               and doc[start_tok].pos_ not in ("ADP", "SCONJ", "ADV", "VERB", "CCONJ")
               and last.pos_ not in ("ADV", "ADP") and last.tag_ != "VBG")
    if not text.endswith((",", ',"', ",”", ",''")) or not (
            runs_on or any(index.quoted[i] for i in range(start_tok, first))):
        return None
    # '"A," Moreau said, adding, "B."': the first quote has a cue of its own
    if any(cue_lemma(doc[i]) is not None or (i >= first and index.quoted[i]) for i in range(start_tok, cue.i)):
        return None
    return start, start + len(text) - (1 if text.endswith(",") else 0)


def _ends_with_comma(tokens: list[Token]) -> bool:
    real = [t for t in tokens if not t.is_space]
    return bool(real) and real[-1].text == ","


def _quote_is_whole(index: DocIndex, group: QuoteGroup) -> bool:
    """The quote runs to the end of its clause: what follows is punctuation, a cue clause or the paragraph end."""
    doc = index.doc
    i = index.token_at(group.outer_end)
    para_end = index.paras[index.paragraph_of(group.pieces[-1].start)][1]
    if i >= len(doc) or doc[i].idx >= para_end:
        return True
    tok = doc[i]
    return tok.is_punct or tok.is_space or tok.text[:1] in OPEN_MARKS or _sentence_final(index, group)


def _sentence_like(index: DocIndex, group: QuoteGroup) -> bool:
    inner = index.text[group.start:group.end]
    # an all-capitals line ('"NO FERRY, NO VOTE"') is a subhead, not a sentence
    return _words(inner) >= MIN_CONTINUATION_WORDS and not inner.isupper() and _quote_is_whole(index, group)
