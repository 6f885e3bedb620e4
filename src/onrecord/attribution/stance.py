"""The speaker's stance towards the content: assert, deny, accuse, question, demand (decline: polarity.py).

Read from the cue lemma, then corrected by context: a negated cue ("did not confirm") is not an assert;
a content that calls something baseless, false or untrue is a denial even under "said"; "ask … to" and
"urge … to" are demands; a quoted question is a question.
"""

from __future__ import annotations

import re

from .lexicon import lexicon
from .polarity import names_a_denial

# Content phrases that turn "X said …" into a denial. Kept narrow: they must describe the claim, not the world.
DENIAL_PHRASES = re.compile(
    r"\b(baseless|groundless|unfounded|untrue|not true|incorrect|falsehoods?|fabricat\w+|fake|"
    # "false" of a claim ("the reports are false", "false claims"), not of a thing ("fed the software a false reading")
    r"false(?!\s+(?!(?:and|or|but|in|from|to|on|as|by|at|claims?|reports?|allegations?|accusations?|charges?|"
    r"information|news|statements?|stor(?:y|ies)|narratives?|rumou?rs?|assertions?)\b)[a-z])|"
    r"no (?:truth|basis|evidence|knowledge|foundation)|nonsense|a lie|lies\b|misleading|absurd|"
    r"categorically|never (?:said|happened|took place)|did not happen|no such|not aware of|"
    r"without (?:any )?(?:basis|foundation|merit)|no merit|propaganda|to the contrary|smear|hoax|witch[- ]hunt|"
    r"is wrong|are wrong|speculation|not the case|pure fiction|a fiction|fantasy|"
    # "a provocation that has nothing to do with reality": the words say what is claimed is not so
    r"(?:nothing|little) to do with (?:reality|the truth|the facts)|"
    r"no (?:relation|connection) to (?:reality|the truth))\b",
    re.IGNORECASE,
)
# A judgement ("calling X Y", "dismissed X as Y") whose object X is an earlier claim and whose words Y dismiss it
# denies that claim: "calling the accusation 'a provocation staged by Kyiv'" was labelled assert here while the
# ledger counted it as a denial of the accusation, one statement with two stances. "Provocation" and "fiction"
# stay out of DENIAL_PHRASES: said of an event ("the drills were a provocation") they accuse, not deny.
DISMISSED_CLAIM = re.compile(
    r"^\W*(?:(?:the|these|those|this|that|such|its|their|all|any|latest|new|western|media|[\w-]+['’]s)\s+){0,3}"
    r"(?:accusations?|allegations?|claims?|reports?|charges?|stor(?:y|ies)|rumou?rs?|suggestions?|assertions?|"
    r"insinuations?)\W+(?:as\W+)?(?:(?:an?|another|pure|total|complete|utter|yet another)\s+)?"
    r"(?:provocation|fiction|fabrication|slander|invention|fantasy|hoax|smear|propaganda|nonsense|lie)s?\b",
    re.IGNORECASE,
)
# A report or claim as the subject, judged in words that discredit it: "the report was a malicious mix of selective
# misinformation", "the UN report was 'one-sided'". Said of the world ("Moscow spreads disinformation") these
# words accuse, so they count only with a report as the subject.
DISMISSED_REPORT = re.compile(
    r"^[\s\"“'‘]*(?:(?:the|this|that|these|those|such|any|its|their|[\w-]+['’]s)\s+){1,2}(?:[\w-]+\s+){0,2}?"
    r"(?:report|reports|claims?|allegations?|accusations?|story|stories|article|findings|rumou?rs?)\s+"
    r"(?:(?:is|was|are|were|had\s+been|has\s+been|have\s+been)\s+)"
    r"[^.;]*?\b(?:disinformation|misinformation|discredited|distort\w*|one-sided|biased|malicious|slanderous|"
    r"defamatory|politically motivated|riddled with errors|inaccura\w+|unsubstantiated|selective)\b",
    re.IGNORECASE,
)
ACCUSE_PHRASES = re.compile(r"\b(lying|lied|responsible for|responsibility for|to blame|is guilty|are guilty|"
                            r"war crimes?|violated|carried out the attack|behind the attack)\b", re.IGNORECASE)


def stance_of(cue_lemma: str | None, negated: bool, content: str, frame: str = "",
              content_negated: bool = False, content_verb: str | None = None) -> str:
    """Stance for an attribution. ``frame`` is "to" when the content is an infinitive clause;
    ``content_negated`` when the content's main clause is a plain negated statement of fact
    ("This is not protectionism", "Andre did not have a gun") rather than a refusal or a forecast."""
    return stance_reading(cue_lemma, negated, content, frame, content_negated, content_verb)[0]


# why a stance was chosen, where later stages read it: a plain negative is a denial only if it answers someone
PLAIN_NEGATION = "plain-negation"
NEGATED_DENIAL = "negated-denial"


def stance_reading(cue_lemma: str | None, negated: bool, content: str, frame: str = "",
                   content_negated: bool = False, content_verb: str | None = None,
                   cue_text: str | None = None) -> tuple[str, str]:
    """The stance and why: "cue", "negated-cue", NEGATED_DENIAL ("did not deny"), "phrase" (the content calls
    something false), "inner-verb", PLAIN_NEGATION (a negated statement of fact), "question", "demand"."""
    base = lexicon().cue_stance.get(cue_lemma or "", "assert")
    if names_a_denial(cue_text) and not negated:
        return "deny", "cue"          # "repeated a denial of reports that …"
    if cue_lemma == "according to":
        base = "assert"
    if frame == "judge":
        base = "assert"            # "called the charges fabricated": a judgement, read from its words
    if base == "question" and frame == "to":
        base = "demand"            # "asked Iran to stop" is a demand, "asked whether" a question
    if negated:
        # "did not deny" is not a denial; "did not confirm", "did not say" are silence (polarity.declines reads
        # them as decline); "did not accept that …" rejects the content
        if base in ("question", "demand"):
            # "had not asked to leave", "did not urge a boycott": no request was made, and nothing is rejected
            return "assert", "negated-cue"
        return ("assert", NEGATED_DENIAL) if base == "deny" else ("deny", "negated-cue")
    if base == "assert":
        # "said that it rejects any suggestion of …": the reported verb carries the stance
        inner = lexicon().cue_stance.get(content_verb or "")
        if inner in ("deny", "accuse"):
            return inner, "inner-verb"
        if DENIAL_PHRASES.search(content) or DISMISSED_REPORT.search(content) or (
                frame == "judge" and DISMISSED_CLAIM.search(content)):
            return "deny", "phrase"
        if content_negated and cue_lemma not in ("warn", "promise", "vow", "pledge", "threaten"):
            return "deny", PLAIN_NEGATION
        stripped = content.rstrip(" \"'”’»")
        if stripped.endswith("?") and cue_lemma in (None, "say", "ask", "add", "wonder", "tell", "write"):
            return "question", "question"
        if cue_lemma in ("warn", "insist") and frame == "to":
            return "demand", "demand"
        if ACCUSE_PHRASES.search(content):
            return "accuse", "phrase"
    return base, "cue"
