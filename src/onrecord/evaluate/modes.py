"""A second convention for scoring: speech only. Classes of gold cues, and mode accuracy against hand labels.

PolNeAR annotates beliefs, wishes and plans as attributions; a speech-only convention (a quote tracker) counts
only what was said or written. ``onrecord eval polnear … --mode speech`` scores speech-mode output against the
gold attributions whose cue is a word of speaking or writing, classed by :func:`gold_cue_mode`:

- ``speech``: a cue word whose class in the lexicon is speech (verbs of ``cues.tsv``: said, told, wrote,
  announced, tweeted, denied, urged …; verb + preposition of ``cue_preps.tsv``: spoke about, pointed to …; nouns
  and adjectives of ``mode_words.tsv``: statement, claim, poll, study, vocal …; "according to"); and every gold
  attribution whose content holds a quotation mark, whatever its cue (quoted words are said or written);
- ``thought``: a cue word whose class is thought (believe, think, want, hope, fear, plan, expect, intend …;
  belief, plan, support …; convinced, eager …);
- ``None``: no cue word of either class and no quotation (scored in neither mode).

A verb of speaking with a to-infinitive that states an intention ("agreed to divide", "declined to discuss")
is thought, as in extraction (``attribution.mode.INTENTION_INFINITIVE``), and so is answering (or not) a request
("did not respond to requests for comment", ``attribution.mode.ANSWERING``). A cue that is only punctuation (the
colon of ``WALLACE: …`` or of a "Name: words" line, a dash) marks words said, so it is speech; a cue that is only a
preposition ("*In* a new poll, …", "*from* the survey") takes the class of its source's words (poll, study,
report: speech).

The first classed word of the cue decides, as in extraction ("voiced concern" is speech). Cue words are matched
to lexicon lemmas by stripping regular endings and a small table of irregular forms, so gold is read without the
parser. All functions are pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from onrecord.attribution.lexicon import lexicon
from onrecord.attribution.mode import ANSWERING, INTENTION_INFINITIVE, REQUEST_NOUNS
from onrecord.evaluate.polnear import GoldAttribution
from onrecord.evaluate.score import has_quote

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
             "thought": "think", "felt": "feel", "knew": "know", "known": "know", "saw": "see", "seen": "see",
             "spoke": "speak", "spoken": "speak", "found": "find", "sought": "seek", "understood": "understand",
             "swore": "swear", "sworn": "swear", "shot": "shoot", "laid": "lay", "withdrew": "withdraw",
             "withdrawn": "withdraw", "drew": "draw", "drawn": "draw", "took": "take", "taken": "take",
             "threw": "throw", "thrown": "throw", "stood": "stand", "learnt": "learn", "meant": "mean",
             "foretold": "foretell", "ran": "run", "cried": "cry", "came": "come", "fought": "fight",
             "broke": "break", "spoken-": "speak", "made": "make", "gave": "give", "given": "give",
             "rang": "ring", "struck": "strike", "dug": "dig", "hit": "hit", "read": "read", "put": "put",
             "shown": "show"}
# a cue word that only introduces its source ("In a poll, …"): the source's words decide
PREPOSITIONS = frozenset({"in", "from", "by", "on", "at", "of", "to", "with"})


def lemmas(word: str) -> list[str]:
    """Lemma guesses for one lower-case word, most likely first: the word, an irregular form, stripped endings."""
    out = [word]
    if word in IRREGULAR:
        out.append(IRREGULAR[word])
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("d", ""), ("ing", ""), ("ing", "e")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if repl == "" and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])       # "planned" -> "plann" -> "plan"
    return out


def cue_words_mode(words: Sequence[str]) -> str | None:
    """The class of the first classed word of a cue (words lower-case, in text order), or None."""
    lex = lexicon()
    for i, word in enumerate(words):
        if word == "according":
            return "speech"
        nxt = words[i + 1] if i + 1 < len(words) else None
        for lemma in lemmas(word):
            if nxt is not None and (lemma, nxt) in lex.prep_mode:
                return lex.prep_mode[lemma, nxt]
            mode = lex.cue_mode.get(lemma) or lex.word_mode.get(lemma)
            if mode is not None:
                return mode
    return None


def gold_cue_mode(text: str, gold: GoldAttribution) -> str | None:
    """``speech``, ``thought`` or None for one gold attribution (see the module docstring)."""
    if has_quote(text, gold.content):
        return "speech"         # quoted words were said or written, whatever the cue (as in extraction)
    words = [w.lower() for s, e in gold.cue for w in _WORD.findall(text[s:e])]
    if gold.cue and not words:
        return "speech"         # a colon or a dash introduces the words said ("WALLACE: …")
    if text[gold.start:gold.start + 3].lower() == "to " and any(
            lemma in INTENTION_INFINITIVE for w in words for lemma in lemmas(w)):
        return "thought"
    if any(lemma in ANSWERING for w in words for lemma in lemmas(w)) and any(
            lemma in REQUEST_NOUNS for w in _WORD.findall(text[gold.start:gold.end].lower())[:5]
            for lemma in lemmas(w)):
        return "thought"        # "did not respond to requests for comment", as extraction reads it
    mode = cue_words_mode(words)
    if mode is None and words and all(w in PREPOSITIONS for w in words):
        return cue_words_mode([w.lower() for s, e in gold.source for w in _WORD.findall(text[s:e])])
    return mode


@dataclass(frozen=True, slots=True)
class ModeLabel:
    """One hand label: a gold attribution of ``article`` named by its content's covering span."""

    article: str
    start: int
    end: int
    mode: str


def read_labels(path: str) -> list[ModeLabel]:
    """Labels from a TSV file: article, start, end, mode (``#`` lines are comments). A bad line raises
    ValueError naming the file and line."""
    labels = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 4 or fields[3] not in ("speech", "thought") or not (
                    fields[1].isdigit() and fields[2].isdigit()):
                raise ValueError(f"{path}: line {number}: expected article<TAB>start<TAB>end<TAB>speech|thought")
            labels.append(ModeLabel(fields[0], int(fields[1]), int(fields[2]), fields[3]))
    return labels


@dataclass(frozen=True, slots=True)
class ModeAccuracy:
    """Mode against hand labels: of the extractor on the labelled gold it found, and of the gold-cue classes."""

    labels: int
    found: int              # labelled gold attributions matched by a prediction (content partial)
    extractor_right: int    # of those, predictions whose mode is the label
    classed: int            # labelled gold attributions that gold_cue_mode puts in a class
    classes_right: int      # of those, classes equal to the label

    def to_dict(self) -> dict[str, float | int]:
        return {"labels": self.labels, "found": self.found, "extractor_right": self.extractor_right,
                "extractor_accuracy": round(self.extractor_right / self.found, 4) if self.found else 0.0,
                "gold_classed": self.classed, "gold_classes_right": self.classes_right,
                "gold_class_accuracy": round(self.classes_right / self.classed, 4) if self.classed else 0.0}

    def __add__(self, other: ModeAccuracy) -> ModeAccuracy:
        return ModeAccuracy(self.labels + other.labels, self.found + other.found,
                            self.extractor_right + other.extractor_right, self.classed + other.classed,
                            self.classes_right + other.classes_right)


@dataclass(frozen=True, slots=True)
class ModeAgreement:
    """Mode precision and recall on matched pairs: of the matched predictions of a mode, how many match gold of
    that cue class (``both / predicted``), and of the matched gold of that class, how many predictions have the
    mode (``both / gold``). It isolates mode errors from content errors."""

    both: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.both / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.both / self.gold if self.gold else 0.0

    def __add__(self, other: ModeAgreement) -> ModeAgreement:
        return ModeAgreement(self.both + other.both, self.predicted + other.predicted, self.gold + other.gold)

    def to_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "both": self.both,
                "predicted": self.predicted, "gold": self.gold}
