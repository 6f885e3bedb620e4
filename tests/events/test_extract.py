"""Events read off the parse: type, agent, each target with its kind, status, theme and provenance."""

from __future__ import annotations

import pytest


def _events(run, text):
    article = run(text)
    for ev in article.events:
        for span in [ev.trigger, ev.sentence, ev.date, ev.in_force] + [t.mention for t in ev.targets]:
            if span is not None:
                assert text[span.start:span.end] == span.text
    return article.events


def _summary(ev):
    return (ev.type, ev.agent.name if ev.agent else None, tuple((t.name, t.kind) for t in ev.targets), ev.status)


@pytest.mark.parametrize(("text", "expected"), [
    # a listing of named officers and a company by one authority: one event, one target each, each of its kind
    ("The European Union on Monday imposed sanctions on three naval officers, Rear Adm. Pavel Orlov, "
     "Capt. Dmitry Sokolov and Anton Frolov, and on the shipyard Baltiyskiy Zavod JSC.",
     [("sanction", "European Union", (("Pavel Orlov", "person"), ("Dmitry Sokolov", "person"),
                                      ("Anton Frolov", "person"), ("Baltiyskiy Zavod JSC", "company")), "done")]),
    ("Britain sanctioned the trader Sergei Volkov and the insurer Arktika Re Ltd on Tuesday.",
     [("sanction", "United Kingdom", (("Sergei Volkov", "person"), ("Arktika Re Ltd", "company")), "done")]),
    # considered is never done
    ("Washington is considering new sanctions against Nicaragua, two officials said.",
     [("sanction", "United States", (("Nicaragua", "state"),), "considered")]),
    ("Canada threatened Eritrea with sanctions on Friday.",
     [("sanction", "Canada", (("Eritrea", "state"),), "threatened")]),
    ("The United States lifted sanctions on the Central Bank of Syria.",
     [("sanction", "United States", (("Central Bank of Syria", "organization"),), "done")]),
    # a transfer needs a theme and a recipient; the accused, not the accuser, is the agent
    ("Kyiv accused Belarus of supplying fuel to Russian units.", []),
    ("Lithuania accused Belarus of supplying artillery shells to Russia.",
     [("transfer", "Belarus", (("Russia", "state"),), "done")]),
    ("France will deliver six howitzers to Ukraine, the ministry said.",
     [("transfer", "France", (("Ukraine", "state"),), "announced")]),
    ("The minister provided details to reporters.", []),
    # a denial in the speaker's words: "it" is the speaker
    ("Serbia denied that it had sold weapons to Ukraine.",
     [("transfer", "Serbia", (("Ukraine", "state"),), "denied")]),
    # attacks: a demonym gives the agent, an unnamed thing struck is known by its place
    ("A Russian missile strike on Dnipro killed four people.",
     [("attack", "Russia", (("Dnipro", "place"),), "done")]),
    ("Ukrainian drones struck a fuel depot in Russia's Belgorod region.",
     [("attack", "Ukraine", (("Belgorod", "place"),), "done")]),
    ("Britain struck a trade deal with India.", []),
    ("Russian troops shelled the centre of Mykolaiv on Friday.",
     [("attack", "Russia", (("Mykolaiv", "place"),), "done")]),
    ("Japan sanctioned two Dubai-based firms, Sand Dune Ltd and Oasis Parts LLC.",
     [("sanction", "Japan", (("Sand Dune Ltd", "company"), ("Oasis Parts LLC", "company")), "done")]),
    # a list after a colon, a second "on", an owner as the only name; no agent, no sanction
    ("Norway imposed travel bans on three police officers on Monday: Col. Ivan Rudak, Maj. Oleg Sych and "
     "Lt. Petr Kuz.",
     [("sanction", "Norway", (("Ivan Rudak", "person"), ("Oleg Sych", "person"), ("Petr Kuz", "person")), "done")]),
    ("Canada imposed sanctions on the army chief Min Tun and on two firms, Delta Arms Ltd and Ruby Metals LLC.",
     [("sanction", "Canada", (("Min Tun", "person"), ("Delta Arms Ltd", "company"), ("Ruby Metals LLC", "company")),
       "done")]),
    ("The European Union lifted sanctions on Syria's banking sector.",
     [("sanction", "European Union", (("Syria", "state"),), "done")]),
    ("The government imposed sanctions on Chad.", []),
    ("Firms that sell drone parts to Russia face scrutiny.", []),
    # a headline's infinitive announces; told without its agent it joins the body's report
    ("Ankara to sell drones to Warsaw\n\nTurkey will sell 12 drones to Poland, the agency said.",
     [("transfer", "Türkiye", (("Poland", "state"),), "announced")]),   # rigour's canonical name
    ("The strike by rail workers closed stations in Leeds.", []),
])
def test_extract_events_of_each_construction(run, text, expected):
    assert [_summary(ev) for ev in _events(run, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a demonym describes the company and is no target; the legal form in lower case is part of the name
    ("Poland threatened to impose sanctions on the Slovak arms dealer Tatra Defence a.s. on Friday.",
     [("sanction", "Poland", (("Tatra Defence a.s.", "company"),), "threatened")]),
    # a joint act is one act by each subject
    ("Canada and Norway imposed sanctions on the broker Ivan Lukin on Wednesday.",
     [("sanction", "Canada", (("Ivan Lukin", "person"),), "done"),
      ("sanction", "Norway", (("Ivan Lukin", "person"),), "done")]),
    # an asset freeze names its owner; a freeze of anything else is no sanction
    ("Seoul froze the assets of the trading house Kumsong Trading Ltd on Monday.",
     [("sanction", "South Korea", (("Kumsong Trading Ltd", "company"),), "done")]),
    ("Britain froze talks with Iran.", []),
    # counted unnamed members: the body they belong to is not the target
    ("The EU sanctioned two officers of the Syrian Arab Army (SAA) and a Beirut-based trading firm.", []),
    # a rank's unit is not part of the name; "Co., Ltd." is; a describing phrase does not end the list
    ("Washington sanctioned Major Ri Kwang Chol of the Ministry of State Security and the shipper "
     "Haeju Marine Co., Ltd. on Friday.",
     [("sanction", "United States", (("Ri Kwang Chol", "person"), ("Haeju Marine Co., Ltd.", "company")), "done")]),
    ("Britain sanctioned Anton Belov, a banker in Minsk, as well as Belov Capital LLC.",
     [("sanction", "United Kingdom", (("Anton Belov", "person"), ("Belov Capital LLC", "company")), "done")]),
    # the "on" of a renewal hangs on the second measure
    ("The Security Council on Tuesday renewed an arms embargo and targeted sanctions on Mali.",
     [("sanction", "Security Council", (("Mali", "state"),), "done")]),
    # an unnamed thing struck takes the place the verb gives
    ("Ethiopian drones struck farms in the Tigray region on Sunday.",
     [("attack", "Ethiopia", (("Tigray", "place"),), "done")]),
    ("Chad's army said its jets bombed rebel camps near Faya.",
     [("attack", "Chad", (("Faya", "place"),), "done")]),
    # "the company" is the company named before; a name qualifying an unnamed recipient is the recipient
    ("Officials said the Finnish manufacturer Nordic Armour Oy breached the rules when the company sold drones "
     "to Belarus.",
     [("transfer", "Nordic Armour Oy", (("Belarus", "state"),), "done")]),
    ("Eritrea has supplied rifles to the Tekeze rebel group, the report said.",
     [("transfer", "Eritrea", (("Tekeze", "organization"),), "done")]),
    # the recipient hung on the last of two goods sent
    ("Norway gave 12 tanks and spare parts to Estonia.",
     [("transfer", "Norway", (("Estonia", "state"),), "done")]),
    # who meets to stop a shelling did not shell, nor did the second of them
    ("Obama and Erdogan met on Friday, after weeks of talks to stop the shelling of Kobani.",
     [("attack", None, (("Kobani", "place"),), "done")]),
    # a company named at a sentence's start, which the small model tags as a common noun
    ("Rheinmetall will deliver 30 tanks to Lithuania.",
     [("transfer", "Rheinmetall", (("Lithuania", "state"),), "announced")]),
])
def test_extract_events_fixed_on_unseen_3_constructions(run, text, expected):
    assert [_summary(ev) for ev in _events(run, text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # moving someone onto a sanctions list imposes; taking them off a list lifts
    ("Japan on Monday added the shipping broker Marlin Freight Ltd to its sanctions list.",
     [("sanction", "Japan", (("Marlin Freight Ltd", "company"),), "done")]),
    ("The Council of the EU renewed its sanctions on Belarus. The Council also removed the banker Petr Sidorenko "
     "from the list.",
     [("sanction", "Council of the EU", (("Belarus", "state"),), "done"),
      ("sanction", "Council of the EU", (("Petr Sidorenko", "person"),), "done")]),
    # a list that is no sanctions list, in an article that never speaks of sanctions, is no act
    ("The festival added the singer Anna Morel to its list of headliners.", []),
    # a refusal of entry is a sanction on those refused, named after a count
    ("Belarus has barred entry to 12 Lithuanian officials, among them the mayor Maria Jankute and the "
     "prosecutor Darius Kalvis, the foreign ministry said on Monday.",
     [("sanction", "Belarus", (("Maria Jankute", "person"), ("Darius Kalvis", "person")), "done")]),
    # the names of a counted target follow after a comma, wherever the parser hangs them
    ("Norway on Friday froze the assets of two Belarusian border officials, Col. Igor Stankevich and "
     "Maj. Pavel Rudnik, whom Oslo blamed for pushing migrants across the frontier.",
     [("sanction", "Norway", (("Igor Stankevich", "person"), ("Pavel Rudnik", "person")), "done")]),
    # a measure the parser cut off from its verb still belongs to it; the clause's noun is its subject
    ("The Council of the EU on Tuesday extended by six months its asset freeze and travel ban on the "
     "Serbian businessman Dragan Milic.",
     [("sanction", "Council of the EU", (("Dragan Milic", "person"),), "done")]),
    # "could impose" is considered; a capitalised "Or" and a legal form belong to the company's name,
    # and the adjective of nationality is not a target
    ("Britain could impose sanctions on the Malian mining firm Kayes Or SA, officials said.",
     [("sanction", "United Kingdom", (("Kayes Or SA", "company"),), "considered")]),
    # an armed group is a target and an agent, with its hyphenated article
    ("On Sunday al-Shabaab fighters fired mortar rounds at the port of Kismayo.",
     [("attack", "al-Shabaab", (("Kismayo", "place"),), "done")]),
    # a nationality adjective on troops names their state
    ("Malian troops fired rockets at the town of Menaka on Monday.",
     [("attack", "Mali", (("Menaka", "place"),), "done")]),
    # a company handing over military goods is the agent, not its country
    ("The Finnish shipyard Aurora Marine Oy handed over two patrol vessels to Latvia on Monday.",
     [("transfer", "Aurora Marine Oy", (("Latvia", "state"),), "done")]),
])
def test_extract_events_fixed_on_unseen_4_constructions(run, text, expected):
    assert [_summary(ev) for ev in _events(run, text)] == expected


def test_extract_asset_freeze_that_takes_effect_later_in_a_reported_sentence_is_in_force(run):
    (ev,) = _events(run, "Austria sanctioned the trader Marek Hlavac on Friday.\n\n"
                         "The ministry said the asset freeze would take effect on Monday.")
    assert ev.status == "in force"
    assert ev.in_force is not None and ev.in_force.text == "Monday"


def test_extract_background_listing_takes_the_targets_and_leaves_in_force_to_the_main_act(run):
    text = ("The Serbian trader Milan Petkovic and his firm Dunav Tools LLC were sanctioned by Norway on Friday, "
            "after the European Union listed both in May for sanctions evasion.\n\n"
            "The ministry said the asset freeze would take effect on Monday.")
    events = {ev.agent.name: ev for ev in _events(run, text)}
    assert sorted(events) == ["European Union", "Norway"]
    assert [t.name for t in events["European Union"].targets] == ["Milan Petkovic", "Dunav Tools LLC"]
    assert (events["Norway"].status, events["European Union"].status) == ("in force", "done")


def test_extract_counted_demonym_is_not_a_target(run):
    (ev,) = _events(run, "Moscow bars entry to 20 Danes including the editor Lars Holm")
    assert [t.name for t in ev.targets] == ["Lars Holm"]


def test_extract_event_carried_by_an_attribution_names_it_and_its_speaker(run):
    text = "Poland will send 20 tanks to Ukraine, the defence minister said."
    (ev,) = _events(run, text)
    article = run(text)
    assert ev.attribution == article.attributions[0].id
    assert ev.speaker
    assert ev.theme == "tanks"


def test_extract_event_stated_by_the_reporter_has_no_attribution(run):
    (ev,) = _events(run, "Japan imposed sanctions on the shipping firm Nord Lines on Friday.")
    assert ev.attribution is None and ev.speaker is None
    assert ev.date is not None and ev.date.text == "Friday"
    assert (ev.plover, ev.cameo) == ("SANCTION", "163")


def test_extract_sanctions_that_take_effect_later_are_in_force_from_that_day(run):
    (ev,) = _events(run, "Australia imposed sanctions on the mining firm Red Ridge Holdings on Monday.\n\n"
                         "The sanctions take effect from April 2, the ministry said.")
    assert ev.status == "in force"
    assert ev.in_force is not None and ev.in_force.text == "April 2"


def test_extract_headline_and_lede_of_one_act_give_one_event(run):
    events = _events(run, "Drones hit Odesa overnight\n\nRussia launched 30 drones at Odesa overnight, "
                          "the governor said.")
    assert [_summary(ev) for ev in events] == [("attack", "Russia", (("Odesa", "place"),), "done")]


def test_extract_events_leave_the_attributions_as_they_were(run):
    from onrecord.attribution.extractor import attribute_doc
    from onrecord.nlp import load, parse

    text = "Canada imposed sanctions on Haiti's former president, Joseph Lamar, officials said on Monday."
    doc = parse(load(), text)
    before, _actors = attribute_doc(doc)
    assert list(run(text).attributions) == before
