"""Which stored event an article's event is: the merge rule across articles, as pure functions over keys.

Two reports are one act when they have the same type (and for sanctions the same direction: a lifting is not an
imposition), the same agent, targets of which one set holds the other, the same phase (considering sanctions is
not imposing them; a denial is a report of the act it denies, so it joins the act) and days close enough for the
type. The dispute layer joins events to disputes through ``event_claims`` (event → claims it is stated in).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..article import Event

# How far apart two reports of one act may be dated, in days. An attack on a city recurs daily, so only one day of
# slack (a night strike dated by its morning report); a sanctions listing is reported over a few days; a transfer
# is asserted and denied over weeks.
MERGE_DAYS = {"attack": 1, "sanction": 3, "transfer": 30}
INTENT = frozenset({"considered", "threatened"})


def family(event: Event) -> str:
    if event.type == "sanction":
        return "sanction:lift" if event.action == "lift" else "sanction:impose"
    return event.type


def phase(status: str) -> str:
    return "intent" if status in INTENT else "act"


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A stored event as the merge rule sees it."""

    id: int
    family: str
    phase: str
    agent_key: str
    targets: frozenset[str]
    first_day: str
    last_day: str


def days_apart(day: str, first: str, last: str) -> int:
    d, lo, hi = date.fromisoformat(day), date.fromisoformat(first), date.fromisoformat(last)
    if lo <= d <= hi:
        return 0
    return (lo - d).days if d < lo else (d - hi).days


def same_event(kind: str, stage: str, agent_key: str, targets: frozenset[str], day: str,
               old: StoredEvent, type_: str) -> str | None:
    """Why a new report is the stored event ``old``, or None when it is not."""
    if old.family != kind or old.phase != stage or old.agent_key != agent_key or agent_key == "-":
        return None
    if not targets or not (targets <= old.targets or old.targets <= targets):
        return None
    if not day or not old.first_day:
        # undated: the caller offers only events reported in the same article, where no day is needed
        if day or old.first_day:
            return None
        return (f"same {kind}, agent and {len(targets & old.targets)} shared target(s) of "
                f"{max(len(targets), len(old.targets))}, reported in the same undated article")
    apart = days_apart(day, old.first_day, old.last_day)
    if apart > MERGE_DAYS[type_]:
        return None
    shared = len(targets & old.targets)
    return (f"same {kind}, agent and {shared} shared target(s) of {max(len(targets), len(old.targets))},"
            f" {apart} day(s) apart")
