"""What an article says of its own actors beyond their names, for linking them across articles.

- the gender its mentions give ('she', 'Mrs. Clinton'): a bare "Clinton" the article calls "she" is not Bill;
- the person a qualified description names when the article names nobody ('the Vermont senator', 'the Democratic
  nominee'): the one person the ledger knows by that title around that day, with the evidence.

Pure functions over records; the writer looks the bearers up (``title_keys`` are their blocking keys).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..article import Actor, Article
from .actors import Candidate, Match, _find_state, _gazetteer, name_key
from .names import mention_gender

# Abbreviations and synonyms read as one word: "Vermont Sen." is "the Vermont senator", "GOP" is "Republican", and
# a party's candidate is its nominee (two running for one nomination are two bearers: no link).
TITLE_WORD = {"sen": "senator", "gov": "governor", "rep": "representative", "sec": "secretary", "gop": "republican",
              "pres": "president", "gen": "general", "democrat": "democratic", "dem": "democratic",
              "candidate": "nominee"}
# Words that say nothing of which office: "the top Iranian diplomat" is "the Iranian diplomat", "the Republican
# presidential nominee" "the Republican nominee" (the vice-presidential one keeps its marker "vice").
FILLERS = {"the", "a", "an", "of", "for", "and", "s", "current", "then", "top", "new", "longtime", "now", "also",
           "presidential"}
# Words that make another office of the same words: the former president is not the president, the vice-presidential
# nominee not the nominee. A description and a title must agree on each of them.
MARKERS = {"former", "ex", "vice", "deputy", "assistant", "acting", "lieutenant", "interim", "first"}
# A description relative to someone in its article ("his wife", "her lawyer", "their spokesman") is no title.
RELATIVE = {"his", "her", "their", "its", "my", "our", "your", "whose"}
# Half a year each way: nominees change every four years, spokesmen and ministers more often.
TITLE_DAYS = 183


def said_genders(article: Article) -> dict[str, str]:
    """Local actor id → the gender its speaker mentions in this article agree on ('she', 'Mrs. Clinton')."""
    mentions: dict[str, list[str]] = defaultdict(list)
    for a in article.attributions:
        if a.speaker.actor and a.speaker.mention is not None:
            mentions[a.speaker.actor].append(a.speaker.mention.text)
    return {local: g for local, texts in mentions.items() if (g := mention_gender(texts))}


def title_words(text: str) -> frozenset[str]:
    """'Vermont Sen.' and 'the Vermont senator' → {vermont, senator}; "Iran's foreign minister" and 'the top Iranian
    foreign minister' → {@Iran, foreign, minister}: a state however it is named, abbreviations spelt out."""
    toks = [TITLE_WORD.get(t, t) for t in name_key(text).split()]
    states = set()
    while found := _find_state(toks, _gazetteer().designation):
        states.add(found[0])
        toks = toks[:found[1]] + toks[found[2]:]
    return frozenset({t for t in toks if t not in FILLERS} | {f"@{s}" for s in states})


def qualified(description: str) -> frozenset[str] | None:
    """The words of a description narrow enough to name one person: two words or more besides the markers
    ('Vermont senator', 'Democratic nominee', 'Iranian foreign minister'); a bare role ('the senator', 'the
    former president') or a relative one ('his wife') is held by many and names nobody across articles."""
    ws = title_words(description)
    if RELATIVE & ws or len(ws - MARKERS) < 2:
        return None
    return ws


def title_keys(titles: Iterable[str]) -> set[str]:
    """Blocking keys of a person's titles: one per word, so a description finds the bearers of all its words."""
    return {f"title:{w}" for t in titles for w in title_words(t) - MARKERS}


def description_keys(description: str) -> set[str]:
    ws = qualified(description)
    return {f"title:{w}" for w in ws - MARKERS} if ws else set()


@dataclass(frozen=True, slots=True)
class Bearer:
    """A ledger person with the titles it was given, as the writer hands it over (dated near the article)."""

    candidate: Candidate
    in_time: bool          # linked from a dated article within TITLE_DAYS of this one


def bears(title: str, wanted: frozenset[str]) -> bool:
    have = title_words(title)
    return wanted <= have and (wanted & MARKERS) == (have & MARKERS)


def title_bearer(actor: Actor, bearers: Sequence[Bearer], *, context_states: Iterable[str] = ()) -> Match | None:
    """The one ledger person whose titles hold all the words of an unnamed description, or None. Two bearers (two
    Republican senators) → None, not a guess; a bearer of a state the description and the article do not name is
    out (the article's "foreign minister" is not Russia's because the ledger knows only Lavrov)."""
    if actor.kind != "person" or (wanted := qualified(actor.name)) is None:
        return None
    want_states = {w for w in wanted if w.startswith("@")}
    states = want_states | {f"@{s}" for s in context_states}
    # a proper word ('Vermont', 'Democratic', 'GOP') already says whose office; a bare 'foreign minister' does not
    proper = any(w[:1].isupper() for w in actor.name.split())
    found: dict[int, tuple[Candidate, str]] = {}
    for b in bearers:
        c = b.candidate
        if not b.in_time or c.kind != "person":
            continue
        if c.affiliation and not proper and f"@{c.affiliation}" not in states:
            continue
        # a state the description names may come from the title or from what the ledger knows of the person
        known = {f"@{c.affiliation}"} if c.affiliation else set()
        if title := next((t for t in c.titles if bears(t, wanted - want_states)
                          and want_states <= title_words(t) | known), None):
            found.setdefault(c.id, (c, title))
    if len(found) != 1:
        return None
    ((c, title),) = found.values()
    return Match(c.id, "title-bearer", 0.8,
                 f"'{actor.name}' names nobody in its article; the only person the ledger knows as '{title}' in the "
                 f"{TITLE_DAYS} days either side is {c.name} ({c.statements} statements)")
