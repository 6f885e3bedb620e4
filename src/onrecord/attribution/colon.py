"""Headline and transcript attributions: a name at the start of a line, a colon, what it said."""

from __future__ import annotations

from collections.abc import Iterable

from .cues import (
    Candidate,
    DocIndex,
    Intervals,
    span_of_tokens,
)

# "Pence: Gennifer Flowers won't be at debate" / "PENCE: Well, look, …": a short name, a colon, a clause.
# A slogan of two or three words after the colon ("Hale: Stay the course.") is rarely an attribution.
COLON_MAX_SPEAKER_TOKENS = 6
COLON_MIN_CONTENT_TOKENS = 5
# words inside a name before the colon ("Secretary of State", "Ministry of Defence")
COLON_NAME_LINKS = {"of", "the", "and", "&", "for", "de", "von", "van", "al"}
# section labels, not speakers ("Exclusive: …", "The Latest: …", "Watch: …")
COLON_LABELS = {"exclusive", "latest", "watch", "video", "videos", "update", "updated", "breaking", "live",
                "analysis", "opinion", "editorial", "review", "photos", "photo", "listen", "related", "note",
                "correction", "transcript", "excerpt", "daily", "news", "fact", "check", "explainer", "podcast",
                "read", "more", "q", "question", "answer", "warning", "spoiler", "graphic", "chart", "map", "wow",
                "boom", "bombshell", "byline", "fix", "must", "huge", "shock", "shocking", "ouch", "yikes", "omg",
                "lol", "wtf", "whoa", "ok", "okay", "audio", "infographic", "quiz", "contributing", "contributors",
                "reporting", "editing", "produced", "credit", "credits"}

# "Q: …" / "A: …" in an interview name no one, so the answer's own reported speech is left to the other rules;
# nor does a clause before the colon ("Mayor Lind is furious: …")
INTERVIEW_LABELS = {"Q", "A"}


def find_colon(index: DocIndex, taken: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Headline and transcript attributions: a name at the start of a line followed by a colon."""
    held = Intervals(taken)
    doc = index.doc
    found: list[Candidate] = []
    for pstart, pend in index.paras:
        first = index.token_at(pstart)
        window = [t for t in doc[first:first + COLON_MAX_SPEAKER_TOKENS + 1]]
        colon = next((t for t in window if t.text == ":"), None)
        if colon is None or colon.i == first:
            continue
        speaker_tokens = doc[first:colon.i]
        # the small model tags some names as nouns ("Sanders", "Politifact"): a capitalised run is a name too
        named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in speaker_tokens) or all(
            t.is_title or t.is_upper or t.lower_ in COLON_NAME_LINKS for t in speaker_tokens)
        if not named and not any(t.lower_ in ("poll", "survey", "study", "report") for t in speaker_tokens):
            continue
        if any(t.like_num or t.ent_type_ in ("DATE", "TIME") or t.lower_ in COLON_LABELS for t in speaker_tokens):
            continue
        if speaker_tokens.text in INTERVIEW_LABELS or any(t.pos_ == "AUX" for t in speaker_tokens):
            continue
        if _describes(speaker_tokens):
            continue
        end_tok = index.token_before(pend)
        if end_tok - colon.i < COLON_MIN_CONTENT_TOKENS:
            continue
        s, e = span_of_tokens(doc, colon.i + 1, end_tok)
        if e <= s or held.overlaps(s, e):
            continue
        head = speaker_tokens.root
        found.append(Candidate([(s, e)], (colon.idx, colon.idx + 1), None, colon.i, head.i, "colon-line", 0.6,
                               "indirect"))
    return found


def _describes(tokens) -> bool:
    """'Illustrative: …', 'Pictured: …', 'Above: …': a caption's label is a describing word, not a name (no proper
    noun, no named entity, no noun at all)."""
    return not any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.ent_type_ for t in tokens)


# Lines that point to another story or describe a picture: "READ MORE: Council approves budget", "WATCH: …",
# "Related: …". Whatever such a line reports is that other story's headline, not this article's record.
TEASER_LABELS = frozenset({"read more", "read", "more", "related", "see also", "also read", "watch", "listen",
                           "read also", "more on this", "recommended", "related stories", "related story",
                           "video", "photos", "gallery", "caption", "photo", "pictured", "illustrative",
                           "illustration", "file photo", "above", "top", "main image", "image"})


def label_lines(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs that open with a teaser or caption label and a colon (see TEASER_LABELS)."""
    found = []
    for start, end in paras:
        head, colon, _rest = text[start:end].partition(":")
        if colon and " ".join(head.lower().split()).strip(" *•-—|") in TEASER_LABELS:
            found.append((start, end))
    return found
