"""HTML written in Python: the highlighted article text, the timeline chart and statement rows.

Templates hold the pages; these are the pieces a template would write badly or slowly. Every string that comes
from an article or the ledger goes through ``escape``; numbers are formatted, never interpolated raw.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from itertools import pairwise
from typing import Any

from markupsafe import Markup

from ..article import STANCES

# -- highlighting -----------------------------------------------------------------------------------------

# Outer elements first when two spans start together: content holds its gaps, mentions and cues.
_RANK = {"content": 0, "gap": 1, "mention": 2, "cue": 3}


@dataclass
class _Span:
    start: int
    end: int
    kind: str
    attributions: list[dict[str, Any]] = field(default_factory=list)
    opened: bool = False
    close: str = ""

    def key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, _RANK[self.kind])


def _tip(a: dict[str, Any]) -> str:
    cue = f"“{a['cue']}”" if a.get("cue") else "none"
    return f"speaker: {a['speaker'] or 'unresolved'} · stance: {a['stance']} · cue: {cue} · rule: {a['rule']}"


def _open_tag(span: _Span, stack: list[_Span]) -> str:
    a = span.attributions[0]
    if span.kind == "content":
        cls = f"content stance-{escape(a['stance'])}"
        if span.opened:   # the rest of a content interrupted by a crossing span: same shading, no second id
            return f'<mark class="{cls} cont" data-continues="{a["attribution"]}">'
        tip = escape(_tip(a))
        return (f'<mark class="{cls}" id="a{a["attribution"]}" data-attribution="{a["attribution"]}"'
                f' data-stance="{escape(a["stance"])}" tabindex="0" title="{tip}" data-tip="{tip}">')
    if span.kind == "gap":
        return '<span class="gap">'
    names = "; ".join(dict.fromkeys(x["speaker"] or "unresolved" for x in span.attributions))
    if span.kind == "cue":
        title = escape(f"cue ({'; '.join(dict.fromkeys(x['stance'] for x in span.attributions))}) · speaker: {names}")
        return f'<span class="cue" title="{title}">'
    actor = a.get("actor")
    nested_link = any(s.kind == "mention" and s.attributions[0].get("actor") for s in stack)
    if actor and not nested_link:   # a link inside a link is not HTML: the inner mention stays plain
        return f'<a class="mention" href="/actors/{int(actor)}" title="{escape("speaker: " + names)}">'
    return f'<span class="mention" title="{escape("speaker mention: " + names)}">'


def _spans(text: str, attributions: list[dict[str, Any]]) -> list[_Span]:
    n = len(text)
    out: list[_Span] = []
    shared: dict[tuple[str, int, int], _Span] = {}

    def add(kind: str, start: int | None, end: int | None, a: dict[str, Any]) -> None:
        if start is None or end is None:
            return
        start, end = max(0, int(start)), min(n, int(end))
        if start >= end:
            return
        if kind in ("mention", "cue"):   # one element for a mention or cue that several attributions share
            key = (kind, start, end)
            if key in shared:
                shared[key].attributions.append(a)
                return
            shared[key] = _Span(start, end, kind, [a])
            out.append(shared[key])
            return
        out.append(_Span(start, end, kind, [a]))

    for a in attributions:
        parts = sorted(tuple(p) for p in a.get("parts") or [a["content_span"]])
        add("content", parts[0][0], max(p[1] for p in parts), a)
        for (_, e1), (s2, _) in pairwise(parts):
            add("gap", e1, s2, a)
        add("mention", *(a.get("mention_span") or (None, None)), a)
        add("cue", *(a.get("cue_span") or (None, None)), a)
    return sorted(out, key=_Span.key)


def highlight(text: str, attributions: list[dict[str, Any]]) -> Markup:
    """The article text as HTML, every piece escaped, with each attribution's content, mention and cue marked.

    Spans may nest, touch or cross; the markup is built from sorted boundaries with a stack of open elements, and
    an element crossed by another is closed and reopened, so the HTML stays well formed.
    """
    spans = _spans(text, attributions)
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starts: dict[int, list[_Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    stack: list[_Span] = []
    html: list[str] = []
    for i, pos in enumerate(cuts):
        if any(s.end == pos for s in stack):
            # close down to the deepest ending element; reopen the ones still running, outermost first
            depth = min(k for k, s in enumerate(stack) if s.end == pos)
            popped = stack[depth:]
            for s in reversed(popped):
                html.append(s.close)
            del stack[depth:]
            for s in popped:
                if s.end > pos:
                    _push(s, stack, html)
        for s in starts.get(pos, ()):
            _push(s, stack, html)
        if i + 1 < len(cuts):
            html.append(escape(text[pos:cuts[i + 1]], quote=False))
    for s in reversed(stack):
        html.append(s.close)
    return Markup("".join(html))


def _push(span: _Span, stack: list[_Span], html: list[str]) -> None:
    tag = _open_tag(span, stack)
    span.opened = True
    span.close = "</mark>" if tag.startswith("<mark") else ("</a>" if tag.startswith("<a") else "</span>")
    stack.append(span)
    html.append(tag)


# -- the timeline chart -----------------------------------------------------------------------------------

def _stance_order(stance: str) -> int:
    return STANCES.index(stance) if stance in STANCES else len(STANCES)


def timeline(rows: list[dict[str, Any]], width: int = 720, height: int = 120) -> dict[str, Any] | None:
    """Stacked bars of statements per day (per week past a year) by stance: inline SVG and its legend."""
    if not rows:
        return None
    dates = {r["day"][:10] for r in rows}
    ordinal = {d: dt.date.fromisoformat(d).toordinal() for d in dates}
    first, last = min(ordinal.values()), max(ordinal.values())
    span = last - first + 1
    step = 7 if span > 366 else 1   # past a year a day is under 2 px wide: weeks stay readable
    buckets: dict[int, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for r in rows:
        bucket = buckets.setdefault((ordinal[r["day"][:10]] - first) // step, {})
        bucket[r["stance"]] = bucket.get(r["stance"], 0) + r["n"]
        totals[r["stance"]] = totals.get(r["stance"], 0) + r["n"]
    slots = (span - 1) // step + 1
    top = max(sum(b.values()) for b in buckets.values())
    bar = width / slots
    w = round(min(max(bar - 1, 1), 24), 2)
    svg = []
    for slot, by_stance in sorted(buckets.items()):
        y = float(height)
        order = sorted(by_stance, key=_stance_order)
        label = ", ".join(f"{by_stance[s]} {escape(s)}" for s in order)
        day = dt.date.fromordinal(first + slot * step).isoformat()
        title = f"{'week of ' if step == 7 else ''}{day}: {label}"
        x = round(slot * bar, 2)
        for stance in order:
            h = by_stance[stance] / top * height
            y -= h
            # one <rect> per stance and day, up to a few hundred: written here, not by a template loop
            svg.append(f'<rect x="{x}" y="{y:.2f}" width="{w}" height="{h:.2f}" class="bar stance-{escape(stance)}">'
                       f'<title>{title}</title></rect>')
    return {"width": width, "height": height, "svg": Markup("".join(svg)), "totals": totals,
            "first": dt.date.fromordinal(first).isoformat(), "last": dt.date.fromordinal(last).isoformat(),
            "top": top, "unit": "week" if step == 7 else "day", "total": sum(totals.values())}


# -- statement rows ---------------------------------------------------------------------------------------

def _text(value: Any, default: str = "") -> str:
    return escape(str(value), quote=False) if value not in (None, "") else default


def statement_rows(rows: Iterable[dict[str, Any]], show_speaker: bool) -> Markup:
    """The <tr> elements of a statements table: date, (speaker,) stance, cue, the sentence linking to its place in
    the article, outlet, claim. An actor page lists 50 of them, and a template spent most of that page's time on
    its lookups and escapes."""
    out = []
    for s in rows:
        cells = [f'<td class="date">{_text(s["date"], "undated")}</td>']
        if show_speaker:
            name = _text(s["speaker"])
            cells.append(f'<td><a href="/actors/{int(s["actor"])}">{name or "unnamed"}</a></td>' if s["actor"]
                         else f"<td>{name or 'unresolved'}</td>")
        stance = escape(str(s["stance"]))
        cells.append(f'<td><span class="tag stance-{stance}">{stance}</span></td>')
        cells.append(f"<td>{_text(s['cue'], '—')}</td>")
        cells.append(f'<td><a class="sentence" href="/articles/{int(s["article"])}#a{int(s["attribution"])}">'
                     f'{_text(s["sentence"]) or _text(s["content"])}</a></td>')
        cells.append(f"<td>{_text(s['site']) or _text(s['title']) or _text(s['source'])}</td>")
        cells.append(f'<td><a href="/claims/{int(s["claim"])}">claim {int(s["claim"])}</a></td>' if s["claim"]
                     else "<td>—</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return Markup("\n".join(out))


def with_hits(text: str, hits: Iterable[Iterable[int]]) -> Markup:
    """A search snippet with each hit in ``<mark class="hit">`` and everything else escaped."""
    out, at = [], 0
    for start, end in sorted((int(s), int(e)) for s, e in hits):
        if start < at or end > len(text):
            continue
        out.append(escape(text[at:start]) + f'<mark class="hit">{escape(text[start:end])}</mark>')
        at = end
    return Markup("".join(out) + escape(text[at:]))


# -- why a statement was linked to its claim, in words ------------------------------------------------------

_SAME = re.compile(r"^same claim \(similarity (?P<score>[0-9.]+); shared: (?P<terms>[^)]*)\)$")


def _surface(term: str, text: str) -> str | None:
    """The word of ``text`` a claim-matching term stands for: a stem ('min' → 'mines') or an entity key
    ('e:russia' → 'Russian'); None when the text holds no such word."""
    key = term[2:] if term.startswith("e:") else term
    if not key:
        return None
    words = re.escape(key).replace(r"\ ", r"\W+")
    found = re.search(rf"\b{words}\w*", text, re.IGNORECASE)
    if found:
        return found.group(0)
    return key.title() if term.startswith("e:") else None


def claim_link_text(statement: dict[str, Any]) -> str:
    """The ledger's reason for linking a statement to its claim, for readers: no stems, entity keys or local ids
    ("shared: corridor, e:russia, min" → "both mention corridor, Russian, mines")."""
    link = str(statement.get("claim_link") or "")
    if link == "new claim":
        return "the first statement of this claim"
    same = _SAME.match(link)
    if same:
        text = f"{statement.get('content') or ''} {statement.get('sentence') or ''}"
        words = dict.fromkeys(w for w in (_surface(t.strip(), text) for t in same["terms"].split(",")) if w)
        alike = f"{round(float(same['score']) * 100)} % alike"
        return (f"the same claim as earlier statements, by wording ({alike}"
                + (f"; both mention {', '.join(words)})" if words else ")"))
    if link.startswith("back-reference: "):
        link = link.removeprefix("back-reference: ")
        link = re.sub(r"points to the claim of \S+ \(", "refers back to the claim ", link)
        link = re.sub(r"\), stated (\d+) time\(s\) before in the article",
                      lambda m: f", made {m[1]} time{'s' if m[1] != '1' else ''} before in the article", link)
        link = link.replace("it calls that claim false, so counts as deny", "calling it false denies it")
        link = link.replace("deny of a denial counts as assert", "denying a denial supports the claim")
        return link
    return link
# words that carry a statement's polarity: the reader sees why it stands where it stands
_POLARITY_WORDS = re.compile(r"\b(?:not|n['’]t|never|no|nobody|nothing|none|baseless|groundless|false|untrue|lies?|"
                             r"absurd|fabricat\w*|fiction|nonsense|speculation|deni\w*|deny|reject\w*|dismiss\w*|"
                             r"refut\w*)\b", re.I)


def wording(sentence: str, sentence_start: int | None, cue: list | None, content: list,
            position: str | None) -> list[tuple[str, str]]:
    """The sentence cut into (text, class) pieces: the cue and the negating words marked ``wording-<position>``,
    the content ``content``, the rest ``""``. Offsets are the article's; the sentence starts at ``sentence_start``."""
    if not sentence or sentence_start is None:
        return [(sentence, "")]
    marks = [""] * len(sentence)
    lo, hi = max(0, content[0] - sentence_start), max(0, content[1] - sentence_start)
    for i in range(lo, min(hi, len(sentence))):
        marks[i] = "content"
    spans = [(m.start(), m.end()) for m in _POLARITY_WORDS.finditer(sentence)] if position == "negate" else []
    if cue and cue[0] is not None:
        spans.append((cue[0] - sentence_start, cue[1] - sentence_start))
    for a, b in spans:
        for i in range(max(0, a), min(b, len(sentence))):
            marks[i] = f"wording-{position or 'none'}"
    pieces: list[tuple[str, str]] = []
    for ch, mark in zip(sentence, marks):
        if pieces and pieces[-1][1] == mark:
            pieces[-1] = (pieces[-1][0] + ch, mark)
        else:
            pieces.append((ch, mark))
    return pieces
