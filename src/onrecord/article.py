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

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
# "decline" (a refusal or silence: "declined to comment") since onrecord.article/2
STANCES: tuple[str, ...] = ("assert", "deny", "accuse", "question", "demand", "decline")
POLARITIES: tuple[str, ...] = ("affirm", "negate")
ACTOR_KINDS: tuple[str, ...] = ("person", "organization", "place", "group", "unknown")


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
    # whether, as reported, the speaker holds the content true ("affirm") or false ("negate": "denied that P",
    # "we have never done P", "No, P is not so"); /1 documents read as "affirm"
    polarity: str = "affirm"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "content": self.content.to_dict(),
                "cue": self.cue.to_dict() if self.cue else None,
                "speaker": self.speaker.to_dict(), "stance": self.stance,
                "rule": self.rule, "confidence": round(self.confidence, 3),
                "sentence": self.sentence.to_dict() if self.sentence else None, "polarity": self.polarity}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        cue = Span.from_dict(data["cue"]) if data.get("cue") else None
        sentence = Span.from_dict(data["sentence"]) if data.get("sentence") else None
        return cls(data["id"], data["kind"], Content.from_dict(data["content"]), cue,
                   Speaker.from_dict(data["speaker"]), data["stance"], data["rule"],
                   float(data["confidence"]), sentence, data.get("polarity") or "affirm")


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


@dataclass(frozen=True, slots=True)
class Article:
    """Everything extracted from one input text (the text itself is not repeated here)."""

    source: str
    text_length: int
    attributions: tuple[Attribution, ...] = ()
    actors: tuple[Actor, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": self.schema, "source": self.source, "text_length": self.text_length,
                "attributions": [a.to_dict() for a in self.attributions],
                "actors": [a.to_dict() for a in self.actors]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        if data.get("schema") not in READABLE_SCHEMAS:
            raise ValueError(f"unsupported schema {data.get('schema')!r}, expected one of {READABLE_SCHEMAS!r}")
        return cls(data["source"], int(data["text_length"]),
                   tuple(Attribution.from_dict(a) for a in data.get("attributions") or ()),
                   tuple(Actor.from_dict(a) for a in data.get("actors") or ()))

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)
