"""The JSON API's answers as pydantic models: the OpenAPI document's schemas, and what the API's tests validate.

The queries return plain dicts (the CLI prints the same ones); these models describe them. Every model allows
fields it does not name, so a field a later version adds to a query is passed on, never silently dropped.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..article import ACTOR_KINDS, KINDS, STANCES

Stance = Literal[STANCES]           # type: ignore[valid-type]  # the contract's tuple, spelled once
ActorKind = Literal[ACTOR_KINDS]    # type: ignore[valid-type]
AttributionKind = Literal[KINDS]    # type: ignore[valid-type]


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Error(Model):
    """Every error the API answers, whatever its status: 400, 404, 405, 422 or 500."""
    error: str = Field(description="one line saying what was wrong")
    status: int = Field(description="the HTTP status, repeated")


class Statement(Model):
    """One attribution as a statement: who said what, where, and the claim it was linked to."""
    attribution: int
    local_id: str = Field(description="the attribution's id within its article ('q3')")
    article: int
    title: str | None
    url: str | None
    site: str | None
    source: str
    date: str | None = Field(description="the article's publication day (YYYY-MM-DD); null when undated")
    date_method: str | None = Field(default=None, description="how the article's date was found")
    said_on: str | None = Field(default=None, description="the day the statement was made, where the text says it")
    via: str | None = Field(default=None, description="the outlet, agency or document the report says relayed it")
    wire: str | None = Field(default=None, description="the wire credit of the article ('Reuters', 'AFP', …)")
    kind: AttributionKind
    stance: Stance
    mode: Literal["speech", "thought"] = Field(description="speech (said, written, quoted) or thought (believed, "
                                                           "wanted, planned)")
    polarity: Literal["affirm", "negate"] = Field(description="whether, as reported, the speaker holds the "
                                                              "content true (affirm) or false (negate)")
    position: Literal["affirm", "negate"] | None = Field(description="the side the statement takes on its claim; "
                                                                      "null takes none (decline, thought, no claim)")
    cue: str | None
    content: str
    speaker: str | None
    actor: int | None
    sentence: str | None
    sentence_span: list[int | None] = Field(description="[start, end) of the sentence in the article's text")
    content_span: list[int] = Field(description="[start, end) of the content in the article's text")
    claim: int | None
    claim_stance: str | None = Field(description="the stance towards the claim (a denial of a denial asserts)")
    claim_link: str | None = Field(description="why this statement was linked to that claim")
    story: int


class ArticleStatement(Statement):
    """A statement with its exact spans in the article's text."""
    parts: list[list[int]] = Field(description="the content's pieces, [start, end) each")
    cue_span: list[int] | None
    mention_span: list[int] | None
    rule: str
    confidence: float
    speaker_kind: str


class ArticleSummary(Model):
    id: int
    title: str | None
    url: str | None
    site: str | None
    source: str
    author: str | None
    day: str | None = Field(description="the publication day (YYYY-MM-DD); null when undated")
    date_method: str | None = Field(default=None, description="how the article's date was found")
    wire: str | None = Field(default=None, description="the wire credit ('Reuters', 'AFP', …) of a wire story")
    story_id: int
    attributions: int = Field(description="how many attributions were found in it")


class Article(Model):
    id: int
    key: str
    source: str
    format: str
    url: str | None
    title: str | None
    author: str | None
    site: str | None
    published: str | None
    date_method: str | None
    day: str | None = Field(description="the publication day (YYYY-MM-DD); null when undated")
    wire: str | None = Field(description="the wire credit ('Reuters', 'AFP', …) of a wire story")
    language: str | None = Field(description="the article's language, where the input or metadata gives it")
    text: str = Field(description="the cleaned text every offset counts in")
    story_id: int
    model: str
    ingested_at: str
    removals: list[list[int | str]] = Field(description="[at, text, reason] for each piece cleaned away")
    attributions: list[ArticleStatement]


class ActorRef(Model):
    id: int
    name: str


class ActorSpeaker(ActorRef):
    kind: ActorKind


class ActorSummary(Model):
    id: int
    name: str
    kind: ActorKind
    aliases: list[str]
    titles: list[str]
    affiliation: str | None
    represents: ActorRef | None = Field(description="the state or body this actor speaks for")
    attributions: int


class Merge(Model):
    """How one article's mention was merged into the actor (``onrecord split LINK`` undoes it)."""
    link: int
    article: int
    local_name: str
    method: str
    score: float
    evidence: str


class TimelineDay(Model):
    day: str | None = Field(description="the publication day (YYYY-MM-DD); null when undated")
    stance: Stance
    n: int


class ActorMatch(Model):
    """One of the actors a typed name can mean ("3 actors match 'Trump'")."""
    id: int
    name: str
    kind: ActorKind
    attributions: int


class Curation(Model):
    """A curator's correction that touched this actor, replayed on every ingest."""
    id: int
    action: Literal["merge", "split", "rename", "kind"]
    actor: str = Field(description="the actor's name when the decision was made")
    value: str = Field(description="merge: the other actor; split: the mention; rename: the new name; kind: the kind")
    article: str = Field(description="split: the key of the article the mention is in; else empty")
    who: str
    at: str
    why: str
    detail: str | None = Field(description="what it changed for this actor")


class Actor(ActorSummary):
    speakers_for_it: list[ActorSpeaker]
    merges: list[Merge]
    timeline: list[TimelineDay] = Field(description="statements per publication day; undated ones are not on it")
    undated_statements: int = Field(description="statements from articles without a publication date")
    statements_total: int = Field(description="statements of the mode asked for (all modes: attributions)")
    mode: Literal["speech", "thought", "all"] = Field(description="the statements kept: speech, thought or all")
    statements: list[Statement] = Field(description="one page of statements, oldest first, undated ones last")
    query: str = Field(description="the name or id that was looked up")
    matches: list[ActorMatch] = Field(description="every actor the name can mean, most quoted first; this one is "
                                                  "the first unless the name is its own")
    curation: list[Curation]
    limit: int
    offset: int
    next: str | None = Field(description="the next page of statements, relative to this server; null on the last")


class Claim(Model):
    id: int
    text: str
    entities: list[str]
    contested: bool
    first_date: str | None = Field(description="the first dated statement's day; null when every one is undated")
    last_date: str | None
    support: int = Field(description="distinct speakers asserting it (a republished story counts once)")
    denial: int = Field(description="distinct speakers denying it (a republished story counts once)")
    supporters: list[Statement]
    deniers: list[Statement]
    others: list[Statement] = Field(description="questions and demands")


class ArticlePage(Model):
    items: list[ArticleSummary]
    limit: int
    offset: int
    next: str | None = Field(description="the next page, relative to this server; null on the last page")


class ActorPage(ArticlePage):
    items: list[ActorSummary]  # type: ignore[assignment]


class ClaimPage(ArticlePage):
    items: list[Claim]  # type: ignore[assignment]


Side = Literal["affirm", "negate"]


class CampMember(Model):
    """One actor in a camp: its statements on that side and the first and last day it took it."""
    actor: int | None
    name: str | None
    statements: list[int] = Field(description="attribution ids")
    first: str | None = Field(description="first dated statement (YYYY-MM-DD); null when all are undated")
    last: str | None


class Camps(Model):
    affirm: list[CampMember]
    negate: list[CampMember]


class DisputeStatement(Model):
    """A statement taking a side in a dispute, traceable to its article's text."""
    attribution: int
    article: int
    source: str
    url: str | None
    date: str | None = Field(description="the article's publication day; null when undated")
    content_span: list[int] = Field(description="[start, end) of the content in the article's text")
    actor: int | None
    speaker: str | None
    stance: Stance
    polarity: Side
    position: Side = Field(description="the camp the statement stands in")
    link: str | None = Field(description="why the statement joined this dispute (the evidence)")


class Dispute(Model):
    """One proposition as two camps: who affirms it and who negates it, with every statement."""
    id: int
    proposition: str
    contested: bool = Field(description="two different actors on opposite sides in different stories")
    camps: Camps
    statements: list[DisputeStatement]


class DisputePage(ArticlePage):
    items: list[Dispute]  # type: ignore[assignment]


class EventParty(Model):
    """An agent or a target of an event: the ledger actor (null for an agent named only in passing) and its kind."""
    id: int | None
    name: str
    kind: str | None = Field(description="person, organization, company, state, place or group")


class EventSummary(Model):
    """An act (sanction, transfer, attack): who did what to whom, how far it went, how many reports and denials."""
    id: int
    type: Literal["sanction", "transfer", "attack"]
    action: str
    plover: str = Field(description="the PLOVER event type")
    cameo: str = Field(description="the CAMEO code")
    status: str = Field(description="done, announced, in force, considered, threatened or denied")
    agent: EventParty | None
    targets: list[EventParty]
    theme: str | None
    place: str | None
    first_date: str | None
    last_date: str | None
    reports: int
    denials: int
    disputed: bool = Field(description="reported as done by some and denied by others")


class EventSource(Model):
    """One report of the event: the article, the sentence, and on whose word (reporter or an attribution)."""
    article: int
    title: str | None
    url: str | None
    site: str | None
    source: str
    local_id: str
    status: str
    in_force_from: str | None
    date: str | None
    date_method: str
    date_text: str | None
    sentence: str | None
    sentence_span: list[int]
    attribution: int | None
    speaker: str | None
    stated_by: Literal["reporter", "attribution"]
    merge_evidence: str


class Event(EventSummary):
    sources: list[EventSource]
    claims: list[int] = Field(description="ids of the claims (disputes) that state this event")
    statements_for: list[Statement]
    statements_against: list[Statement]


class EventPage(ArticlePage):
    items: list[EventSummary]  # type: ignore[assignment]


class SearchArticle(Model):
    id: int
    title: str | None
    url: str | None
    day: str | None = Field(description="the publication day (YYYY-MM-DD); null when undated")
    source: str
    snippet: str = Field(description="plain text around the best matches")
    hits: list[list[int]] = Field(description="[start, end) of each matched word in the snippet")


class SearchTotals(Model):
    articles: int
    attributions: int


class Search(Model):
    query: str
    limit: int
    offset: int
    total: SearchTotals
    articles: list[SearchArticle]
    attributions: list[Statement]
    next: str | None = Field(description="the next page of either list, relative to this server; null on the last")


ERRORS = {
    400: {"model": Error, "description": "a Host this server does not answer to, or another refused request"},
    404: {"model": Error, "description": "no such article, actor, claim or page"},
    422: {"model": Error, "description": "a parameter out of range or not one of its values; `error` names it"},
}
