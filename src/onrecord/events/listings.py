"""Listings: the ways a release puts names on a sanctions list or takes them off, read off the parse.

"added X to its sanctions list", "removed X from the list" (verbs marked ``list`` in event_types.tsv), and the
closing list of a release: "Those designated are A; B; and C", "Sanctioned today are A and B".
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .lexicon import EventLexicon

SANCTION_CONTEXT = re.compile(r"\b(sanction\w*|blacklist\w*|asset freeze|terroris[tm]\w*|OFAC|treasury)\b", re.I)
LIST_PREPS = frozenset({"to", "on", "onto", "in", "into", "from", "off"})
# what makes a list a sanctions list by its own words: "sanctions list", "stop list", "blacklist", "entity list"
LIST_QUALIFIERS = frozenset({"sanction", "sanctions", "stop", "black", "entity", "terrorist", "terror", "designation",
                             "consolidated", "watch"})


def onto_list(tok: Token, lex: EventLexicon) -> bool:
    """"added X to its sanctions list", "removed X from the list": the verb moves its object onto or off a list
    that is a sanctions list by its own words, or any list when the article speaks of sanctions."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in LIST_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.lemma_.lower() not in lex.list_nouns:
                continue
            if obj.lemma_.lower() != "list" or any(c.lower_ in LIST_QUALIFIERS or c.lemma_.lower() in LIST_QUALIFIERS
                                                   for c in obj.children if c.dep_ in ("compound", "amod", "nmod")):
                return True
            if SANCTION_CONTEXT.search(tok.doc.text):
                return True
    return False



# words that may open the subject of a closing list: "Those designated are", "The individuals sanctioned are"
LIST_OPENERS = frozenset({"those", "the", "individuals", "persons", "entities", "people", "companies", "today",
                          "also", "newly"})


def copular_lists(doc: Doc, lex: EventLexicon) -> list[tuple[Token, int]]:
    """(participle, index of the copula) for each sentence that opens with a sanction verb's participle and a
    form of "be": "Those designated are …", "Sanctioned today are …"."""
    participles = {lemma + ("d" if lemma.endswith("e") else "ed"): lemma for lemma, row in lex.verbs.items()
                   if row.type == "sanction" and row.action == "impose" and row.needs in ("-", "sanctionword")}
    out = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space][:6]
        part = next((t for t in words if t.lower_ in participles), None)
        if part is None or any(t.lower_ not in LIST_OPENERS for t in words[:words.index(part)]):
            continue
        copula = next((t for t in words[words.index(part) + 1:] if t.lower_ in ("are", "were", "is", "was")), None)
        if copula is not None and all(t.lower_ in LIST_OPENERS or t.ent_type_ == "DATE"
                                      for t in doc[part.i + 1:copula.i]):
            out.append((part, copula.i))
    return out
