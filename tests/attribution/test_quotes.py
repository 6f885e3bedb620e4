import pytest

from onrecord.attribution.quotes import find_quotes


def _texts(text):
    return [[text[q.start:q.end] for q in g.pieces] for g in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said "yes" and left.', [["yes"]]),
    ("She said “no” twice.", [["no"]]),
    ('Mixed “curly" and "straight” marks.', [["curly"], ["straight"]]),
    ("«Non», a-t-il dit.", [["Non"]]),
    ('"A," he said, "B."', [["A,"], ["B."]]),
])
def test_quotes_pairs_marks(text, expected):
    assert _texts(text) == expected


def test_quotes_multi_paragraph_quote_is_one_group():
    text = 'He said: "First part of it.\n\n"Second part," he added.'
    groups = find_quotes(text)
    assert len(groups) == 1
    assert [text[q.start:q.end] for q in groups[0].pieces] == ["First part of it.", "Second part,"]
    assert groups[0].pieces[0].closed is False and groups[0].closed is True


def test_quotes_unclosed_quote_ends_at_paragraph_end():
    text = 'He said "this never ends\nNext paragraph.'
    (group,) = find_quotes(text)
    assert text[group.start:group.end] == "this never ends"
    assert not group.closed


def test_quotes_stray_closing_mark_is_ignored():
    assert _texts("Odd ” mark here.") == []


def test_quotes_single_marks_only_without_double_marks():
    assert _texts("‘We will win,’ the minister’s aide said.") == [["We will win,"]]
    assert _texts('Iran\'s "plan" is the players\' choice.') == [["plan"]]


@pytest.mark.parametrize("text", ['"' * 10_000, "“" * 500 + "”" * 3, '" "\n"', "", "\n\n\n"])
def test_quotes_never_raises_and_stays_in_bounds(text):
    for g in find_quotes(text):
        for q in g.pieces:
            assert 0 <= q.start < q.end <= len(text)


def test_quotes_two_apostrophes_are_double_quotes_even_alone():
    text = "''Subpoenas are not optional,'' said Jason Chaffetz. ''He is a crucial witness.''"
    assert _texts(text) == [["Subpoenas are not optional,"], ["He is a crucial witness."]]


def test_quotes_empty_quote_gives_no_attribution(run):
    # found by the property test: an empty quote before "he said" made an attribution with empty content
    assert run('",""" he said').attributions == ()
    assert run('"" he said.').attributions == ()


def test_quotes_participle_clause_ending_the_sentence_keeps_the_next_quote(run):
    # the participle clause after the cue ends with the sentence, so the next quote is the same content's second
    # part; the clause only says what the quote was about, and is not an attribution of its own (issue 19)
    text = ('"The harbour will reopen by spring," Lena Varga said, referring to the new pier. '
            '"Nobody here wants to wait another year."')
    attributions = run(text).attributions
    quote = next(a for a in attributions if a.kind == "direct")
    assert [text[s:e] for s, e in quote.content.parts] == [
        "The harbour will reopen by spring", "Nobody here wants to wait another year."]
    assert not any(a.content.text == "the new pier" for a in attributions)


def test_quotes_next_paragraph_after_a_bare_cue_clause_is_a_second_part(run):
    text = ('"We will appeal the ruling," Ines Moreau said on Friday.\n\n'
            '"The court ignored every witness we brought."\n\n'
            'The hearing is set for June.\n\n'
            '"A new lawyer joins the team next week," Moreau said. She left soon after.\n\n'
            '"Nobody here expected the verdict to come so soon."')
    attributions = run(text).attributions
    assert [[text[s:e] for s, e in a.content.parts] for a in attributions] == [
        ["We will appeal the ruling", "The court ignored every witness we brought."],
        ["A new lawyer joins the team next week"],
        ["Nobody here expected the verdict to come so soon."]]


def test_quotes_cue_clause_ending_in_a_colon_introduces_the_next_quote(run):
    # '"A," X said. "B." Y said: "C."': B is the second part of X's content; Y's cue clause ends in a colon, so
    # it introduces C, not the closed sentence before it
    text = ("''We will rebuild the school,'' Ms. Moreau said. ''Nobody is leaving the valley.'' "
            "Mr. Varga said: ''The flood took everything we had.''")
    attributions = run(text).attributions
    assert [([text[s:e] for s, e in a.content.parts], a.speaker.name) for a in attributions] == [
        (["We will rebuild the school", "Nobody is leaving the valley."], "Moreau"),
        (["The flood took everything we had."], "Varga")]


def test_quotes_sentence_opening_with_a_connective_goes_on_with_the_quote(run):
    # 'But "…"' after '"A," X said.': a sentence that only opens with a connective is the second part of A
    text = '"The offer came too late," union leader Dana Pruitt said. But "we will keep talking to the board."'
    attributions = run(text).attributions
    assert [([text[s:e] for s, e in a.content.parts], a.speaker.name) for a in attributions] == [
        (["The offer came too late", 'But "we will keep talking to the board."'], "Dana Pruitt")]


@pytest.mark.parametrize("line, cue", [
    ('Ines Moreau then turned to the harbour plan: "We have heard far worse from this council."', "turned"),
    ('Ines Moreau, as ever, had the last word: "We have heard far worse from this council."', "had"),
    ('The harbour chief Ines Moreau: "We have heard far worse from this council."', ":"),
])
def test_quotes_after_a_colon_the_clause_before_names_the_speaker(run, line, cue):
    # not the previous speaker: the subject of the clause before the colon, or a bare name before it
    text = '"The budget is fine," the treasurer said.\n\n' + line
    quote = run(text).attributions[-1]
    assert quote.content.text == "We have heard far worse from this council."
    assert quote.speaker.mention is not None and quote.speaker.mention.text.endswith("Ines Moreau")
    assert quote.cue is not None and quote.cue.text == cue


def test_quotes_mixed_sentence_before_the_cue_is_the_first_part(run):
    text = 'The harbour levy is "a tax on hope," Ines Moreau said. "Families will pay it first."'
    (quote,) = run(text).attributions
    assert [text[s:e] for s, e in quote.content.parts] == [
        'The harbour levy is "a tax on hope,"', "Families will pay it first."]
    # a first quote with a cue of its own stays apart
    text = '"The levy is fair," Ines Moreau said, adding, "Families will pay it last."'
    assert [a.content.text for a in run(text).attributions] == ["The levy is fair", "Families will pay it last."]


@pytest.mark.parametrize("line", [
    'HARBOUR NEWS—"Old ferry pier gets a second life," by the Gazette\'s Ana Lenz: '
    '"Work on the pier begins in March and should take two summers to finish."',
    'The tag #OpenPier - "the pier is ours again" - spread across the town within an hour.',
])
def test_quotes_byline_or_label_before_a_quote_names_no_speaker(run, line):
    # a byline in a list of links, or a verbless label before a dash, introduces a headline or a translation:
    # the quote is nobody's words, so it does not continue the previous speaker
    text = '"We will reopen the pier," the mayor said.\n\n' + line
    assert [a.content.text for a in run(text).attributions] == ["We will reopen the pier"]


def test_quotes_title_in_the_cue_clause_is_not_a_second_part(run):
    # a short quote run into the description of the speaker is a title; the quote after the clause continues
    text = ('"The vote was never close," said Ruth Okafor, the author of "Harbour Lights," a history of the port. '
            '"Nobody expected a recount."')
    (quote,) = [a for a in run(text).attributions if a.kind == "direct"]
    assert [text[s:e] for s, e in quote.content.parts] == ["The vote was never close", "Nobody expected a recount."]
    # after a conjunction the quote is the content's second part
    text = '"The levy is fair," Ines Moreau said, and "nobody will pay twice."'
    (quote,) = run(text).attributions
    assert [text[s:e] for s, e in quote.content.parts] == ["The levy is fair", "nobody will pay twice."]


def test_quotes_words_run_into_the_speaker_description_are_not_a_second_part(run):
    # a long quote inside a relative clause on the speaker is not the content's next part
    text = ('"The count was fair," said Ines Moreau, who had called the recount "a waste of everybody\'s time and '
            'money" on Monday.')
    quote = next(a for a in run(text).attributions if a.kind == "direct")
    assert [text[s:e] for s, e in quote.content.parts] == ["The count was fair"]
    # right after the cue with the comma left out, the quote is the second part
    text = '"The count was fair," Ines Moreau said "and nobody will ask for another one."'
    quote = next(a for a in run(text).attributions if a.kind == "direct")
    assert [text[s:e] for s, e in quote.content.parts] == ["The count was fair", "and nobody will ask for another one."]


@pytest.mark.parametrize("after, cue, content", [
    # the reported clause sits between the quote and a cue at the end of the sentence
    ("The ferry service will likely end in March, a harbour official told the Gazette on Monday.", "told",
     "The ferry service will likely end in March"),
    # a that-clause whose verb is a participle with its own subject and auxiliary is a clause, not a gloss
    ("The council later announced that the board was reviewing the ferry timetable for the winter.", "announced",
     "that the board was reviewing the ferry timetable for the winter"),
    # the cue interrupts a clause of its own
    ("Still, she conceded, the ferry timetable will have to change.", "conceded", "the ferry timetable"),
    # an object cue with a noun object of its own
    ("She noted a planned vote on the harbour budget in May.", "noted", "a planned vote on the harbour budget"),
])
def test_quotes_cue_with_its_own_content_after_a_closed_sentence_is_not_the_quote(run, after, cue, content):
    # after a quote that ends its sentence, the next sentence's cue reports what that sentence says
    text = '"Nobody will pay twice for the pier." ' + after
    attrs = run(text).attributions
    mine = next(a for a in attrs if a.cue is not None and a.cue.text == cue)
    assert content in mine.content.text and "Nobody" not in mine.content.text
    # a bare cue clause still takes the quote
    text = '"Nobody will pay twice for the pier." Mayor Ines Moreau said on Monday.'
    (quote,) = run(text).attributions
    assert quote.cue.text == "said" and quote.content.text.startswith("Nobody")


@pytest.mark.parametrize("text, speaker, content", [
    ('The council debated the levy for hours. ("We have heard enough about the pier," said one harbour pilot.) '
     'The vote was close.', "one harbour pilot", "We have heard enough about the pier"),
    ('The union endorsement drew some anger from members ("I want a refund," wrote Ann Lee, a nurse in Dayton, on '
     'the union page), and the next one will too.', "Ann Lee", "I want a refund"),
])
def test_quotes_quote_opening_a_parenthesis_takes_the_cue_after_it(run, text, speaker, content):
    # a quote right after an opening parenthesis starts an aside, as a quote starting a sentence does
    quote = next(a for a in run(text).attributions if a.kind == "direct")
    assert quote.speaker.mention.text == speaker and quote.content.text == content


def test_quotes_short_quote_in_parentheses_is_no_quote_of_the_cue_after(run):
    # a quote in parentheses that ends on neither a comma nor a full stop is a gloss or a translation
    text = 'Fans shared the tag #PierParty ("Party at the Pier") all night, the club said.'
    assert not any(a.kind == "direct" for a in run(text).attributions)


@pytest.mark.parametrize("text, content", [
    ('The islanders "want a ferry that runs every day. They are tired of waiting for one," said Ruth Okafor, a '
     'councillor.', 'The islanders "want a ferry that runs every day. They are tired'),
    ('The new budget "is a step backwards. Nobody on the island asked for it," the mayor told reporters.',
     'The new budget "is a step backwards. Nobody'),
])
def test_quotes_subject_before_a_quoted_predicate_with_the_cue_after(run, text, content):
    # the words before the quote are the subject of the quoted predicate: the content starts with the sentence
    # (the reported clause the parser gives the cue is only the quote's last sentence)
    (quote,) = run(text).attributions
    assert quote.kind == "mixed" and quote.content.text.startswith(content)


def test_quotes_title_after_a_setting_is_no_quoted_predicate(run):
    # a quoted title after verbless words opens no predicate: it is not the cue's content
    text = 'On the radio show "Harbour Hour," the mayor said the ferry would run.'
    assert [a.content.text for a in run(text).attributions] == ["the ferry would run"]


def test_quotes_opening_mark_used_to_close(run):
    # scraped copy sometimes closes with the opening mark: after a comma or full stop and before a space it closes
    text = "“The pier is safe,“ said Ruth Okafor, the harbour master. “We checked it twice.”"
    assert _texts(text) == [["The pier is safe,"], ["We checked it twice."]]
    (quote,) = run(text).attributions
    assert quote.speaker.mention.text.startswith("Ruth Okafor")
    assert [text[s:e] for s, e in quote.content.parts] == ["The pier is safe", "We checked it twice."]


def test_quotes_marks_inside_markup_tags_quote_nothing(run):
    # scraped copy keeps tags: the marks around attribute values are no quotes, the text between tags keeps its own
    text = ('<post kind="" writer="harbourclub" stamp="1712">The ferry runs again on Monday.</post>\n\n'
            'The club said "the pier is open" in a note.')
    assert _texts(text) == [["the pier is open"]]
    assert not any(a.content.text.startswith(("writer", "kind")) for a in run(text).attributions)


def test_quotes_cueless_quote_paragraphs_in_a_row_are_one_content(run):
    # quote paragraphs in a row with no cue continue one speaker: the later ones join the first, as parts
    text = ('Ruth Okafor, the harbour master, said on Monday night that the new pier would open in the spring.\n\n'
            '"The ferry will run every day from June."\n\n"Nobody will wait in the rain for a boat again."\n\n'
            '"We owe the islanders that much."\n\nThe council meets again in May.')
    quotes = [a for a in run(text).attributions if a.kind == "direct"]
    assert len(quotes) == 1 and quotes[0].speaker.mention.text.startswith("Ruth Okafor")
    assert [text[s:e] for s, e in quotes[0].content.parts][-1] == "We owe the islanders that much."


def test_quotes_quote_paragraph_with_words_after_it_joins_no_run(run):
    # a quote paragraph that goes on after the quote ('"…" (March 2019)') is no plain part of a run
    text = ('Ruth Okafor, the harbour master, said on Monday night that the new pier would open in the spring.\n\n'
            '"The ferry will run every day from June." (March 2019)\n\n'
            '"Nobody will wait in the rain for a boat again." (May 2019)\n\nThe council meets again in May.')
    quotes = [a for a in run(text).attributions if a.kind == "direct"]
    assert quotes and all(len(q.content.parts) == 1 for q in quotes)


def test_quotes_all_capitals_quote_line_is_a_subhead(run):
    # a quoted line in capitals between paragraphs heads a section: it continues no speaker
    text = ('Ruth Okafor, the harbour master, said on Monday night that the new pier would open in the spring.\n\n'
            '"NO FERRY MEANS NO VOTE"\n\nThe council meets again in May.')
    assert not any(a.kind == "direct" for a in run(text).attributions)


@pytest.mark.parametrize("text", [
    'The pier was never safe, the harbour master wrote in her 2019 book, "Tides Over Kessock Pier."',
    'The old ferry crew is the subject of a new documentary, "Last Boat to Kessock," shown on Friday.',
])
def test_quotes_quote_after_a_work_noun_is_a_title(run, text):
    # a short quote right after book, memoir, film, … names the work: nobody is quoted
    assert not any(a.kind in ("direct", "mixed") and "Kessock" in a.content.text for a in run(text).attributions)


def test_quotes_words_before_an_interrupting_cue_clause_start_the_content(run):
    # a quote going on in lower case continues the sentence the cue clause interrupts: the words before it are
    # the content's first part; an adverbial opening is not ('Minutes later, she said, "…"')
    text = 'The old ferry, Ruth Okafor said, "will run again in June if the pier holds."'
    (quote,) = [a for a in run(text).attributions if a.kind in ("direct", "mixed")]
    assert text[slice(*quote.content.parts[0])] == "The old ferry"
    text = 'Minutes later, Ruth Okafor said, "the ferry is back in service."'
    (quote,) = [a for a in run(text).attributions if a.kind in ("direct", "mixed")]
    assert quote.content.text == "the ferry is back in service."
    text = 'In the harbour office on Friday, Ruth Okafor said, "the ferry is back in service."'
    (quote,) = [a for a in run(text).attributions if a.kind in ("direct", "mixed")]
    assert quote.content.text == "the ferry is back in service."
