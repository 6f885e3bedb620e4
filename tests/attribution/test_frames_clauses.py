"""Reported clauses and quotes: where a content starts and ends, and which cue a quote belongs to."""

import pytest

# (text, [(exact content text, resolved speaker name or None), ...])
CASES = {
    # a new paragraph after a quote and its cue starts a new quotation with a cue of its own
    "quote-new-paragraph-own-cue": (
        '"The school will stay closed," a district spokeswoman said in a statement.\n\n'
        '"We will not be renewing the contract," county board chair Wilma Ostrander told The Ledger by phone.',
        [("We will not be renewing the contract", "Wilma Ostrander")]),
    # a quote closed on a comma is the cue's content even when the parser hangs a later clause on the cue
    "quote-comma-cue-then-participle": (
        '"We have finished most of the songs," Tom Marlow said, mentioning the new record is "almost done."',
        [("We have finished most of the songs", "Tom Marlow"), ('the new record is "almost done."', "Tom Marlow")]),
    # a quote after a new predicate ("saying that …") is not another part of the first quote
    "quote-after-participle-not-split": (
        '"We are not worried," Governor Ana Ruiz told reporters on Friday, saying that critics "are afraid" '
        "because the polls look good.",
        [("We are not worried", "Governor Ana Ruiz"),
         ('that critics "are afraid" because the polls look good', "Governor Ana Ruiz")]),
    # ", but that …" after a reported clause is a second reported clause of the same cue, not the reporter's contrast
    "but-that-second-clause": (
        "The report said the economy is weak, but that wages are rising in most states.",
        [("the economy is weak, but that wages are rising in most states", None)]),
    # … even when that second clause has a cue verb of its own ("support"): it is the clause's verb, not a new cue
    "but-that-second-clause-with-cue-verb": (
        "Mayor Ines Cordero said the city needs to fix the roads, but that she would not support new taxes.",
        [("the city needs to fix the roads, but that she would not support new taxes", "Mayor Ines Cordero")]),
    # a bare verb joined to the reported clause goes on with its modal: it cannot be coordinated with "said"
    "bare-verb-conjunct-stays-in-content": (
        "Senator Paul Akers said he would sit the envoy down and tell him to leave the talks.",
        [("he would sit the envoy down and tell him to leave the talks", "Paul Akers")]),
    # a reported clause whose quotation holds a sentence end runs on to the closing mark: the parser ends the
    # sentence at the stop inside the quote
    "reported-clause-through-its-quotation": (
        'The bishop said the ruling was "a break with the teaching of the church. The threat to the parishes is '
        'clear."',
        [('the ruling was "a break with the teaching of the church. The threat to the parishes is clear."',
          None)]),
    # a relative clause on the addressee between the cue and a comma-set quote does not cut the quote off its cue
    "quote-cue-before-relative-clause": (
        'Later, Mayor Dana Whitfield told the delegates who had gathered in the old city hall of Marston, '
        '"Nobody should doubt our commitment to the river project."',
        [("Nobody should doubt our commitment to the river project.", "Dana Whitfield")]),
    # without the comma the noun is the subject of the quoted predicate: a mixed content from the noun on
    "mixed-quote-after-participle-noun": (
        'The economist Lara Voss said the rebates claimed by large firms "do nothing for workers."',
        [('the rebates claimed by large firms "do nothing for workers."', "Lara Voss")]),
    # a cue word in a relative clause on the speaker is not the quote's cue: the verb after it is
    "quote-cue-after-speaker-relative": (
        '"The answer you want is simple," Perez, who has proposed ending the subsidy over five years, '
        "said at the time.",
        [("The answer you want is simple", "Perez")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_frames_and_clauses(run, name):
    text, expected = CASES[name]
    article = run(text)
    got = [(a.content.text, a.speaker.name) for a in article.attributions]
    for content, speaker in expected:
        # a speaker of None checks the content only
        assert any(c == content and speaker in (None, s) for c, s in got), f"{name}: {got}"


def test_quote_cue_after_skips_relative_clause_on_speaker(run):
    text, _ = CASES["quote-cue-after-speaker-relative"]
    quote = next(a for a in run(text).attributions if a.content.text == "The answer you want is simple")
    assert quote.cue is not None and quote.cue.text == "said"


@pytest.mark.parametrize("text, content", [
    ("While the mayor said she supports the new stadium plan, the council voted against it on Tuesday.",
     "she supports the new stadium plan"),
    ("Even as the governor has insisted that the budget is balanced, the state keeps borrowing money.",
     "that the budget is balanced"),
])
def test_fronted_clause_ends_the_content(run, text, content):
    # a cue inside a fronted subordinate clause: the main clause after it is the reporter's, not reported
    got = [a.content.text for a in run(text).attributions]
    assert content in got, got


@pytest.mark.parametrize("text, content", [
    ("The councilwoman plans to back the school levy but remains undecided on the mayor.", "to back the school levy"),
    ("The senator promised to cut taxes, but voted for the spending bill a week later.", "to cut taxes"),
])
def test_verb_coordinated_with_the_cue_is_not_content(run, text, content):
    # "… but remains undecided": a second verb on the cue's own subject is what the speaker did next
    got = [a.content.text for a in run(text).attributions]
    assert content in got, got


@pytest.mark.parametrize("text, parts", [
    ("The old bridge the mayor wants to rebuild has been closed since March.", ["The old bridge", "to rebuild"]),
    ("The delegates, who are expected to back the governor, met on Friday.", ["who", "to back the governor"]),
])
def test_relative_clause_content_takes_in_its_noun(run, text, parts):
    # a reported clause inside a relative clause is about the noun (or the relative word) it hangs on
    got = [[text[s:e] for s, e in a.content.parts] for a in run(text).attributions]
    assert parts in got, got


def test_cue_with_its_own_object_does_not_take_the_clause_before_it(run):
    # "…; the landlord has not announced a new tenant": what was announced is the object, not the clause before
    got = [a.content.text for a in run("Her lease runs out in June; the landlord has not announced a new tenant.")
           .attributions]
    assert "Her lease runs out in June" not in got and "a new tenant" in got, got


def test_clause_before_a_cue_with_an_addressee_is_still_reported(run):
    got = [a.content.text for a in run("The race was close, the senator told reporters on Monday.").attributions]
    assert "The race was close" in got, got


def test_trailing_cue_parsed_as_a_conjunct_reports_the_clause_before(run):
    # "…, X told a House panel": the parser may hang the cue on the reported clause as a conjunct
    text = ("This includes a new fund to assist small farmers, Agriculture Secretary Dana Miles told a House panel "
            "Wednesday.")
    got = [a.content.text for a in run(text).attributions]
    assert "This includes a new fund to assist small farmers" in got, got


@pytest.mark.parametrize("text, content", [
    # "… — a win for riders": like one after a comma, a describing appositive after a dash is not what was said
    ("The mayor said the city would cut the bus fare — a win for riders who commute every day.",
     "the city would cut the bus fare"),
    # ", according to the city paper" is where the reporter got the claim, not part of what was said
    ("The mayor said she had hired a planner who has worked on three stadium projects, according to the city paper.",
     "she had hired a planner who has worked on three stadium projects"),
    ("The coach told players he would be happy to see the team move to a bigger town, according to a column in the "
     "local press.", "he would be happy to see the team move to a bigger town"),
    # ", as have three of the county leaders": the reporter's note on who else said so
    ("The governor said she would sign the water bill, as have three of the county leaders.",
     "she would sign the water bill"),
    ("Okafor promised to veto the measure, as did the mayor of the northern town.", "to veto the measure"),
    # ", a jab at the developers …": the reporter's gloss on the remark, which the parser may hang on the clause
    # as an adverbial noun phrase rather than an appositive
    ("The mayor said the stadium would never be built, a jab at the developers who had backed the plan.",
     "the stadium would never be built"),
    # " - " is typed for a dash: what follows it is the reporter's, as after "—"
    ("Officials said the bridge would reopen soon - a claim the drivers union doubted.",
     "the bridge would reopen soon"),
    ("Lee said she would fight the plan - as her aides have argued for weeks.", "she would fight the plan"),
])
def test_reported_clause_ends_before_the_reporters_tail(run, text, content):
    got = [a.content.text for a in run(text).attributions]
    assert content in got, got


def test_to_infinitive_content_ends_before_a_finite_verb(run):
    # "… and thanked the engineers": a finite verb cannot go on with the infinitive; it is the next thing the
    # subject did, even where the parser hangs it on the infinitive
    got = [a.content.text for a in run("She promised to repair the dam and thanked the engineers who had warned "
                                       "her.").attributions]
    assert "to repair the dam" in got, got


@pytest.mark.parametrize("text, content", [
    ("The new stadium will be paid for by the hotel tax, which visitors have paid since 2009, the mayor said.",
     "The new stadium will be paid for by the hotel tax, which visitors have paid since 2009"),
    ("Ticket prices will rise at the museum, which lost money last year, a spokeswoman said.",
     "Ticket prices will rise at the museum, which lost money last year"),
])
def test_relative_clause_before_a_trailing_cue_is_reported(run, text, content):
    # "P, which …, X said": the relative clause comes before the cue, inside what X said, not after it as the
    # reporter's aside
    got = [a.content.text for a in run(text).attributions]
    assert content in got, got


@pytest.mark.parametrize("text, content", [
    # a poll's finding is a list of results: it goes on over "while" and over a verb that is a cue elsewhere
    ("The survey showed that most tenants want the park, while a third favored a parking garage.",
     "that most tenants want the park, while a third favored a parking garage"),
    ("The survey showed that turnout rose among older voters, giving the mayor a clear lead.",
     "that turnout rose among older voters, giving the mayor a clear lead"),
    # after "said" the contrast is still the reporter's
    ("The mayor said taxes would fall next year, while her rival warned of cuts.", "taxes would fall next year"),
])
def test_finding_goes_on_over_a_contrast_and_a_gloss(run, text, content):
    got = [a.content.text for a in run(text).attributions]
    assert content in got, got


@pytest.mark.parametrize("text, content", [
    # ", and" with a subject of its own starts the reporter's next clause: a to-infinitive cannot go on with it …
    ("The county agreed to repave the road, and the state will pay for the new bridge.", "to repave the road"),
    ("The club hopes to open a second gym, and it will ask members to vote on the site.", "to open a second gym"),
    # … nor, with a noun subject, a finite reported clause
    ("The council announced that it would cut the fee, and the new rate starts in June.",
     "that it would cut the fee"),
    # a pronoun after a finite reported clause mostly still reports
    ("The mayor said that the plan was fair, and she would sign it soon.",
     "that the plan was fair, and she would sign it soon"),
])
def test_reported_clause_ends_before_and_with_a_new_subject(run, text, content):
    got = [a.content.text for a in run(text).attributions]
    assert content in got, got


@pytest.mark.parametrize("text, content", [
    # after its clause "according to X" ends what it vouches for; the rest is the reporter's
    ("Ticket sales rose by a third last year, according to the league, but attendance at the games fell.",
     "Ticket sales rose by a third last year"),
    # before the verb it interrupts the clause, which goes on
    ("The new stadium, according to the league, will cost about two billion dollars.",
     "The new stadium, according to the league, will cost about two billion dollars"),
])
def test_according_to_after_its_clause_ends_the_content(run, text, content):
    got = [a.content.text for a in run(text).attributions if a.rule == "according-to"]
    assert content in got, got


def test_accusation_takes_in_a_second_object_with_its_own_charge(run):
    text = "The senator accused the mayor's aides of bias and his staff of shoddy work."
    got = [a.content.text for a in run(text).attributions]
    assert "the mayor's aides of bias and his staff of shoddy work" in got, got
