"""Typed records passed between stages: spans, speakers, attributions, actors, articles.

Records hold character offsets into the article text exactly as read, never spaCy objects, so they
cross process boundaries (and Spark) unchanged. Invariant for every span: ``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "onrecord.article/2"
# older contracts this version still reads (fields added since then take their defaults)
READABLE_SCHEMAS: tuple[str, ...] = ("onrecord.article/1", SCHEMA)

Kind = Literal["direct", "indirect", "mixed"]
Stance = Literal["assert", "deny", "accuse", "question", "demand", "decline"]
Polarity = Literal["affirm", "negate"]
ActorKind = Literal["person", "organization", "place", "group", "unknown"]
Mode = Literal["speech", "thought"]

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
# "decline" (a refusal or silence: "declined to comment") since onrecord.article/2
STANCES: tuple[str, ...] = ("assert", "deny", "accuse", "question", "demand", "decline")
POLARITIES: tuple[str, ...] = ("affirm", "negate")
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "place", "group", "unknown")
# Article fields saying where an article comes from, in the order to_dict writes them
PROVENANCE: tuple[str, ...] = ("url", "title", "outlet", "published", "date_method", "wire", "language")
# speech: said or written (any quotation; a poll's or study's finding); thought: believed, wanted, planned
MODES: tuple[str, ...] = ("speech", "thought")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the input text: ``text == article_text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(text[start:end], start, end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(data["text"], int(data["start"]), int(data["end"]))


@dataclass(frozen=True, slots=True)
class Content:
    """What was said. ``parts`` are the pieces of a discontinuous content; start/end cover them all."""

    text: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str, parts: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> Content:
        ordered = tuple(sorted((int(s), int(e)) for s, e in parts))
        start, end = ordered[0][0], ordered[-1][1]
        return cls(text[start:end], start, end, ordered)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "parts": [list(p) for p in self.parts]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Content:
        parts = tuple((int(s), int(e)) for s, e in data.get("parts") or [(data["start"], data["end"])])
        return cls(data["text"], int(data["start"]), int(data["end"]), parts)


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said it: the mention in the text (if any) and the actor it resolves to."""

    mention: Span | None
    name: str | None
    kind: str = "unknown"
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"mention": self.mention.to_dict() if self.mention else None,
                "name": self.name, "kind": self.kind, "actor": self.actor}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        mention = Span.from_dict(data["mention"]) if data.get("mention") else None
        return cls(mention, data.get("name"), data.get("kind") or "unknown", data.get("actor"))


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution: content, cue, speaker and the speaker's stance towards the content."""

    id: str
    kind: str
    content: Content
    cue: Span | None
    speaker: Speaker
    stance: str
    rule: str
    confidence: float
    # the whole sentence(s) holding content, cue and speaker mention: where a reader checks the claim
    sentence: Span | None = None
    # the outlet, agency, channel or document through which the report says we know it ("Anadolu Agency
    # reported", "according to IRNA", "told Sputnik", "in a statement posted on Telegram"); never the speaker
    via: Span | None = None
    # the day the statement was made (ISO date) where the text says it ("on Monday", "last Thursday"), resolved
    # against the article's publication date; None when the text does not say or the article is undated
    said_on: str | None = None
    # "speech" (said, wrote, a quote, a poll's finding) or "thought" (believes, wants, plans); /1 documents: speech
    mode: str = "speech"
    # whether, as reported, the speaker holds the content true ("affirm") or false ("negate": "denied that P",
    # "we have never done P", "No, P is not so"); /1 documents read as "affirm"
    polarity: str = "affirm"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "content": self.content.to_dict(),
                "cue": self.cue.to_dict() if self.cue else None,
                "speaker": self.speaker.to_dict(), "stance": self.stance,
                "rule": self.rule, "confidence": round(self.confidence, 3),
                "sentence": self.sentence.to_dict() if self.sentence else None,
                "via": self.via.to_dict() if self.via else None, "said_on": self.said_on, "mode": self.mode,
                "polarity": self.polarity}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        cue = Span.from_dict(data["cue"]) if data.get("cue") else None
        sentence = Span.from_dict(data["sentence"]) if data.get("sentence") else None
        via = Span.from_dict(data["via"]) if data.get("via") else None
        return cls(data["id"], data["kind"], Content.from_dict(data["content"]), cue,
                   Speaker.from_dict(data["speaker"]), data["stance"], data["rule"],
                   float(data["confidence"]), sentence, via, data.get("said_on"), data.get("mode") or "speech",
                   data.get("polarity") or "affirm")


@dataclass(frozen=True, slots=True)
class Actor:
    """A speaker identity inside one article, with every surface form and title seen for it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "aliases": list(self.aliases), "titles": list(self.titles)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(data["id"], data["name"], data["kind"], tuple(data.get("aliases") or ()),
                   tuple(data.get("titles") or ()))


EVENT_TYPES: tuple[str, ...] = ("sanction", "transfer", "attack")
EVENT_STATUSES: tuple[str, ...] = ("done", "announced", "in force", "considered", "threatened", "denied")
PARTICIPANT_KINDS: tuple[str, ...] = ("person", "organization", "company", "state", "place", "group")


@dataclass(frozen=True, slots=True)
class Participant:
    """An agent, a target or a place of an event: its canonical name, its kind and where the text names it."""

    name: str
    kind: str
    mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "mention": self.mention.to_dict() if self.mention else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Participant:
        mention = Span.from_dict(data["mention"]) if data.get("mention") else None
        return cls(data["name"], data["kind"], mention)


@dataclass(frozen=True, slots=True)
class Event:
    """An act the article reports: who sanctioned, supplied or struck whom, with what status and on whose word.

    ``date`` is the words giving the act's date (None: the article's own date applies, see
    :func:`onrecord.events.dates.resolve`); ``attribution``/``speaker`` are set when an attribution's content
    carries the event, None when the reporter states it."""

    id: str
    type: str                      # sanction | transfer | attack (onrecord/data/event_types.tsv)
    action: str                    # impose, extend, lift, supply, sell, strike, launch, ...
    plover: str                    # PLOVER event category
    cameo: str                     # CAMEO code
    trigger: Span
    agent: Participant | None
    targets: tuple[Participant, ...]
    status: str                    # one of EVENT_STATUSES
    sentence: Span
    theme: str | None = None       # drones, oil, missiles ...
    place: Participant | None = None
    date: Span | None = None
    in_force: Span | None = None   # "from March 1" when the status is "in force"
    attribution: str | None = None
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        def span(s: Span | None) -> dict[str, Any] | None:
            return s.to_dict() if s else None
        return {"id": self.id, "type": self.type, "action": self.action, "plover": self.plover,
                "cameo": self.cameo, "trigger": self.trigger.to_dict(),
                "agent": self.agent.to_dict() if self.agent else None,
                "targets": [t.to_dict() for t in self.targets], "status": self.status,
                "sentence": self.sentence.to_dict(), "theme": self.theme,
                "place": self.place.to_dict() if self.place else None, "date": span(self.date),
                "in_force": span(self.in_force), "attribution": self.attribution, "speaker": self.speaker}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        def span(d: dict[str, Any] | None) -> Span | None:
            return Span.from_dict(d) if d else None
        def who(d: dict[str, Any] | None) -> Participant | None:
            return Participant.from_dict(d) if d else None
        return cls(data["id"], data["type"], data["action"], data["plover"], data["cameo"],
                   Span.from_dict(data["trigger"]), who(data.get("agent")),
                   tuple(Participant.from_dict(t) for t in data.get("targets") or ()), data["status"],
                   Span.from_dict(data["sentence"]), data.get("theme"), who(data.get("place")),
                   span(data.get("date")), span(data.get("in_force")), data.get("attribution"), data.get("speaker"))


@dataclass(frozen=True, slots=True)
class Article:
    """Everything extracted from one input text (the text itself is not repeated here)."""

    source: str
    text_length: int
    attributions: tuple[Attribution, ...] = ()
    actors: tuple[Actor, ...] = ()
    schema: str = field(default=SCHEMA)
    # where the article comes from (ingest.provenance): None where unknown. ``published`` is None for an
    # undated article, never the day it was read; ``date_method`` says how the date was found or why there is none
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    date_method: str | None = None
    wire: str | None = None
    language: str | None = None
    # acts the article reports (issue 20); /1 documents have none
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"schema": self.schema, "source": self.source, "text_length": self.text_length,
                **{name: getattr(self, name) for name in PROVENANCE},
                "attributions": [a.to_dict() for a in self.attributions],
                "actors": [a.to_dict() for a in self.actors],
                "events": [e.to_dict() for e in self.events]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        if data.get("schema") not in READABLE_SCHEMAS:
            raise ValueError(f"unsupported schema {data.get('schema')!r}, expected one of {READABLE_SCHEMAS!r}")
        return cls(data["source"], int(data["text_length"]),
                   tuple(Attribution.from_dict(a) for a in data.get("attributions") or ()),
                   tuple(Actor.from_dict(a) for a in data.get("actors") or ()),
                   **{name: data.get(name) for name in PROVENANCE},
                   events=tuple(Event.from_dict(e) for e in data.get("events") or ()))

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def with_mode(article: Article, mode: str) -> Article:
    """``article`` keeping only its attributions of ``mode`` (``speech`` or ``thought``; ``all`` keeps every one)
    and the actors that still speak in them."""
    if mode == "all":
        return article
    kept = tuple(a for a in article.attributions if a.mode == mode)
    speaking = {a.speaker.actor for a in kept}
    return Article(article.source, article.text_length, kept,
                   tuple(a for a in article.actors if a.id in speaking), article.schema)
