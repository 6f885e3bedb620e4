"""Polarity and the stances it settles (issue 17): deny only for a rebuttal, decline for silence."""

import pytest

from onrecord.attribution.polarity import cites_claims, declines, denial_opening, dismisses_report, preamble_end

# (text, content excerpt, stance, polarity) — one construction each, in our own words
CASES = {
    "denied-that": (
        "The port authority denied that its cranes had been sold to the smugglers.",
        "its cranes had been sold", "deny", "negate"),
    "rejected-claims-that-is-the-claim": (
        "Minister Halloran rejected claims that the navy had sunk the fishing boat.",
        "the navy had sunk the fishing boat", "deny", "negate"),
    "dismissed-reports-that": (
        "The bank dismissed reports that it had moved the deposits to Cyprus.",
        "it had moved the deposits to Cyprus", "deny", "negate"),
    "repeated-a-denial-of-reports": (
        "The airline repeated its denial of reports that the pilots had skipped a safety check.",
        "the pilots had skipped a safety check", "deny", "negate"),
    "called-the-reports-baseless": (
        "The council called the reports baseless and politically motivated.",
        "the reports baseless", "deny", "negate"),
    "leading-no": (
        '"No, that is simply not the case. Our trucks stayed in the depot," the driver said.',
        "that is simply not the case", "deny", "negate"),
    "plain-negation-rebutting-nobody": (
        "Carla Mendes said mortgage rates aren't likely to fall this spring.",
        "mortgage rates aren't likely to fall", "assert", "negate"),
    "cannot-support": (
        "Senator Abbott declared that he cannot back the governor's budget.",
        "he cannot back the governor's budget", "assert", "negate"),
    "will-not-vote": (
        "Ms. Ferris said she will not be voting for the incumbent mayor.",
        "she will not be voting for the incumbent mayor", "assert", "negate"),
    "plain-affirmation": (
        "Ms. Ferris said she plans to vote for the incumbent mayor.",
        "she plans to vote for the incumbent mayor", "assert", "affirm"),
    "no-object": (
        "The prosecutor said the nurse should face no criminal charges.",
        "the nurse should face no criminal charges", "assert", "negate"),
    "declined-to-comment": (
        "The shipping company declined to comment on the allegations.",
        "to comment on the allegations", "decline", "affirm"),
    "did-not-respond-to-request": (
        "A spokeswoman for the refinery did not respond to a request for comment.",
        "a request for comment", "decline", "affirm"),
    "has-not-yet-responded": (
        "The coach has not yet responded to the federation's letter, his agent said.",
        "The coach has not yet responded", "decline", "affirm"),
    "did-not-explain-why": (
        "The union said the ministry did not explain why the pay talks were cancelled.",
        "the ministry did not explain why", "decline", "affirm"),
    "would-not-confirm": (
        "The club would not confirm that the goalkeeper had failed a test.",
        "the goalkeeper had failed a test", "decline", "affirm"),
    "did-not-deny": (
        "The mayor did not deny that the contract had gone to his cousin.",
        "the contract had gone to his cousin", "assert", "affirm"),
    "negation-answering-an-accusation": (
        "Rival bidders accused Norvik of rigging the tender. "
        '"We did not rig anything. The tender was open to all," a Norvik executive said.',
        "We did not rig anything", "deny", "negate"),
    "negation-restating-a-denial": (
        "The family's lawyer denied that the boy had been carrying a knife. "
        '"Tomas did not have a knife," the lawyer told reporters.',
        "Tomas did not have a knife", "deny", "negate"),
    "nothing-to-do-with-reality": (
        "The harbour board denied dumping the sludge, calling the fishermen's claims "
        '"a story that has nothing to do with reality."',
        "nothing to do with reality", "deny", "negate"),
    "report-as-subject-discredited": (
        "The mining firm said the audit report was a biased collection of old, discredited rumours.",
        "the audit report was a biased collection", "deny", "negate"),
    "we-never-after-a-reported-denial": (
        "The brewery hit back at the consumer group, calling its study a lie. "
        '"We have never added cheap syrup to our ale," its head brewer said.',
        "We have never added cheap syrup", "deny", "negate"),
    "we-never-with-no-one-rebutted": (
        '"We have never opened on a Sunday," the baker said.',
        "We have never opened on a Sunday", "assert", "negate"),
    "our-forces-answering-an-accusation": (
        "The villagers accused the militia of burning the granary. "
        '"Our fighters did not burn any granary," a militia commander said.',
        "Our fighters did not burn any granary", "deny", "negate"),
    "our-staff-with-nothing-put-forward": (
        '"Our staff did not work on the holiday," the shop owner said.',
        "Our staff did not work on the holiday", "assert", "negate"),
    "leading-no-before-a-plain-negation": (
        '"No, the ferry did not leave early," the harbour master said.',
        "the ferry did not leave early", "deny", "negate"),
    "nothing-to-add-is-silence": (
        "Asked about the missing funds, the treasurer said he had nothing to add.",
        "he had nothing to add", "decline", "affirm"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_polarity_stance_and_polarity_per_construction(run, name):
    text, excerpt, stance, polarity = CASES[name]
    article = run(text)
    hits = [a for a in article.attributions if excerpt in a.content.text]
    assert hits, f"{name}: no attribution holding {excerpt!r}: {[a.content.text for a in article.attributions]}"
    a = hits[-1]
    assert (a.stance, a.polarity) == (stance, polarity), f"{name}: {a.stance}/{a.polarity} for {a.content.text!r}"


def test_polarity_rejected_claims_content_is_the_claim_itself(run):
    article = run("The governor rejected claims that the dam had been opened too late.")
    (a,) = article.attributions
    assert a.content.text == "the dam had been opened too late"


@pytest.mark.parametrize("content, expected", [
    ("claims that the dam had burst", len("claims that ")),
    ("the reports that troops had left", len("the reports that ")),
    ("the accusations of European capitals", 0),      # "of" names the accusers, not the content
    ("the dam had burst", 0),
])
def test_polarity_preamble_end(content, expected):
    assert preamble_end(content) == expected


@pytest.mark.parametrize("cue, negated, content, frame, expected", [
    ("decline", False, "to comment on the case", "to", True),
    ("refuse", False, "to say whether the plant would close", "to", True),
    ("refuse", False, "to pay the fine", "to", False),             # a refusal to act is not silence
    ("confirm", True, "that the plant would close", "", True),
    ("deny", True, "that the plant would close", "", False),
    ("say", False, "the minister has not responded to the letter", "", True),
    ("say", False, "the minister has not resigned", "", False),
    ("say", False, "", "", False),
    ("say", False, "she had nothing further to say", "", True),
    ("say", False, "there was nothing to add to the soup", "", False),   # not about the speaker's silence
])
def test_polarity_declines(cue, negated, content, frame, expected):
    assert declines(cue, negated, content, frame) is expected


@pytest.mark.parametrize("content, expected", [
    ("the newspaper report does not reflect the talks", True),
    ("These allegations are a pretext for strikes", True),
    ("the river does not reach the town", False),
])
def test_polarity_dismisses_report(content, expected):
    # the subject is a report; the extractor asks this only of a negated content
    assert dismisses_report(content) is expected


@pytest.mark.parametrize("content, expected", [
    ("its denial of reports that the mine flooded", len("its denial of ")),
    ("a denial", 0),
    ("the denial of the union", len("the denial of ")),
])
def test_polarity_denial_opening(content, expected):
    assert denial_opening(content) == expected


@pytest.mark.parametrize("content, expected", [
    ("There is nobody there. These allegations are a pretext", True),
    ("There is nobody there", False),
])
def test_polarity_cites_claims(content, expected):
    assert cites_claims(content) is expected
