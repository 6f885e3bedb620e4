"""When an act happened: the date words attached to it in the parse, and their day given the article's own date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import dateparser
from spacy.tokens import Token

from ..article import Event, Span

# "until September 15", "for six months", "since 2014": the words give a span of the measure, not the act's day
NOT_THE_DAY = frozenset({"until", "till", "through", "for", "since", "by", "before", "within", "over", "during"})
# "from March 1", "as of Monday", "effective June 3": when a measure starts to apply
FROM_WORDS = frozenset({"from", "as", "effective", "starting", "beginning"})
# dates too vague to be a day ("recent months", "last year", "earlier")
VAGUE = re.compile(r"\b(months?|years?|weeks?|decades?|recent|earlier|later|past|next|this|coming|the)\b", re.I)
WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")


def date_words(trigger: Token, governors: list[Token]) -> tuple[Token, Token, str] | None:
    """The first and last token of a DATE entity attached to the act (or to the verb governing it), and how it is
    attached: ``on`` (the act's day) or ``from`` (applies from). None when the act has no date of its own."""
    for verb in [trigger, *governors]:
        for child in verb.children:
            date_tok, prep = _date_under(child)
            if date_tok is None:
                continue
            ent = next((e for e in date_tok.doc.ents if e.start <= date_tok.i < e.end), None)
            if ent is None or VAGUE.search(ent.text) and not WEEKDAY.search(ent.text):
                continue
            if prep in NOT_THE_DAY:
                continue
            how = "from" if prep in FROM_WORDS else "on"
            return _narrow(ent, date_tok) + (how,)
    # "extended sanctions for another six months on Monday": "on Monday" parsed under "months"; any "on DATE"
    # inside the act's own phrase, not under another verb
    for tok in trigger.subtree:
        if tok.dep_ == "pobj" and tok.ent_type_ == "DATE" and tok.head.lower_ == "on" and _same_clause(tok, trigger):
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and not (VAGUE.search(ent.text) and not WEEKDAY.search(ent.text)):
                return _narrow(ent, tok) + ("on",)
    return None


def _narrow(ent, tok: Token) -> tuple[Token, Token]:
    """The date words of ``tok`` inside its entity: "another six months on Monday" is one DATE entity to the
    small model, but the day is "Monday"."""
    lo, hi = max(ent.start, tok.left_edge.i), min(ent.end - 1, tok.right_edge.i)
    doc = tok.doc
    return doc[lo], doc[hi]


def _same_clause(tok: Token, top: Token) -> bool:
    cur = tok.head
    while cur.i != top.i:
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return True


def _date_under(child: Token) -> tuple[Token | None, str]:
    if child.ent_type_ == "DATE" and child.dep_ in ("npadvmod", "nmod", "tmod", "advmod", "obl"):
        return child, ""
    if child.dep_ == "prep":
        for grand in child.children:
            if grand.dep_ == "pobj" and grand.ent_type_ == "DATE":
                return grand, child.lower_
    if child.dep_ in ("advmod", "amod") and child.lower_ in FROM_WORDS:
        for grand in child.subtree:
            if grand.ent_type_ == "DATE":
                return grand, child.lower_
    return None, ""


def resolve(event: Event, article_day: str | None) -> tuple[str | None, str]:
    """The act's day as ISO ``YYYY-MM-DD`` and how it was found: ``stated`` (the text gives it in full),
    ``relative`` (a weekday or a day without a year, read against the article's date), ``article`` (no date
    in the text: the article's own) or ``unknown`` (neither)."""
    base = _day(article_day)
    if event.date is not None:
        found = parse_day(event.date.text, base)
        if found is not None:
            full = bool(re.search(r"\b\d{4}\b", event.date.text))
            return found.isoformat(), "stated" if full else "relative"
    if base is not None:
        return base.isoformat(), "article"
    return None, "unknown"


def in_force_day(event: Event, article_day: str | None) -> str | None:
    if event.in_force is None:
        return None
    found = parse_day(event.in_force.text, _day(article_day))
    return found.isoformat() if found else None


def parse_day(text: str, base: date | None) -> date | None:
    """A day from date words; without a year it is the latest such day up to ``base`` (an act reported is past),
    a weekday the last one on or before ``base``."""
    settings: dict = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    elif not re.search(r"\b\d{4}\b", text):
        return None
    words = re.sub(r"^(on|from|as of|effective|starting)\s+", "", text.strip(), flags=re.I)
    weekday = WEEKDAY.fullmatch(words)
    if weekday and base is not None:
        # the same weekday as the article is that day (dateparser's "past" would go a week back)
        target = WEEKDAYS.index(weekday.group(1).lower())
        return base - timedelta(days=(base.weekday() - target) % 7)
    try:
        found = dateparser.parse(words, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    return found.date()


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def date_span(doc_text: str, first: Token, last: Token) -> Span:
    return Span.of(doc_text, first.idx, last.idx + len(last.text))
