"""Statements: direct quotes with their speakers, and reported speech."""

import datetime

from etl.statements import find_quotes


def test_straight_quote_left_open_runs_to_paragraph_end():
    text = '"We will not leave," she said. "Nobody can make us go.\n\n"Next paragraph."'
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ["We will not leave,", "Nobody can make us go.", "Next paragraph."]


def test_curly_quotes_are_paired():
    text = "He said “the talks failed” and “nothing changed at all today.”"
    assert [text[q.start : q.end] for q in find_quotes(text)] == [
        "the talks failed",
        "nothing changed at all today.",
    ]


def test_quote_attributed_after_and_interrupted_quote_gives_two_statements(
    statements_of,
):
    body = (
        "Global Affairs Canada spokeswoman Natalie Brun spoke on Tuesday.\n\n"
        '"Our engagement with Iran is limited to consular matters," she added, '
        '"and that will not change soon."'
    )
    rows = [s for s in statements_of(body) if s.is_direct]
    assert [s.speaker_id for s in rows] == ["natalie-brun", "natalie-brun"]
    assert rows[0].quote.startswith("Our engagement")
    assert rows[1].quote.startswith("and that will not change")


def test_unattributed_quote_paragraph_continues_previous_speaker(statements_of):
    body = (
        '"The blockade must end now," said Amina Yusuf, a spokesperson for the World Food Programme.\n\n'
        '"Every day of delay costs lives in the camps around the city."'
    )
    rows = statements_of(body)
    direct = [s for s in rows if s.is_direct]
    assert len(direct) == 2
    assert {s.speaker_id for s in direct} == {"amina-yusuf"}


def test_reported_speech_with_title_subject(statements_of):
    body = (
        "Britain's Foreign Secretary Paul Hendry met his counterpart on Monday.\n\n"
        "The foreign secretary urged Russia to withdraw its troops from the border."
    )
    rows = statements_of(body)
    reported = [s for s in rows if not s.is_direct]
    assert reported and reported[-1].speaker_id == "paul-hendry"
    assert reported[-1].cue == "urge"


def test_government_body_speaks_for_its_country(statements_of):
    body = "The State Department said on Friday that the strikes violated the ceasefire agreement."
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["united-states"]
    assert rows[0].speaker_text == "State Department"


def test_attribution_line_is_not_a_second_statement(statements_of):
    body = '"We have stepped up to help the refugees in every way we could," Mr. Ali Karimi said.'
    rows = statements_of(body)
    assert len(rows) == 1 and rows[0].is_direct


def test_scare_quotes_do_not_make_a_direct_statement(statements_of):
    body = 'The Canadian government said it is "concerned" about the conference in Damascus.'
    rows = statements_of(body)
    assert len(rows) == 1
    assert not rows[0].is_direct and rows[0].speaker_id == "canada"


def test_figure_sourced_by_according_to_is_a_statement_of_the_source(statements_of):
    body = "More than 2.1 million people have fled the fighting, according to the UNHCR."
    rows = statements_of(body)
    assert [(s.speaker_id, s.is_direct, s.cue) for s in rows] == [("unhcr", False, "according to")]


def test_according_to_names_the_head_noun_not_a_place_inside_it(statements_of):
    body = (
        "According to the UN refugee agency, UNHCR, 400,000 people have crossed into Chad "
        "since the fighting began in Sudan."
    )
    (row,) = statements_of(body)
    assert row.speaker_id == "unhcr"


def test_statement_date_from_weekday_else_published(statements_of):
    body = "Mr. Tom Reid, the Irish foreign minister, said Monday that aid must reach Gaza."
    rows = statements_of(body, published=datetime.date(2021, 3, 3))  # a Wednesday
    assert rows[0].statement_date == datetime.date(2021, 3, 1)


def test_a_period_the_words_speak_about_does_not_date_the_statement(statements_of):
    # "since 2011" and "in 2015" are what the words are about; the words were spoken on the
    # publication day (a dashboard's date range would otherwise start years too early).
    published = datetime.date(2016, 1, 29)
    body = (
        "Mr. Tom Reid, the Irish foreign minister, said that more than four million Syrians "
        "have fled since 2011. UNHCR said that 1 million people reached Europe in 2015."
    )
    rows = statements_of(body, published=published)
    assert [r.statement_date for r in rows] == [published, published]


def test_a_date_after_publication_does_not_date_the_statement(statements_of):
    published = datetime.date(2016, 1, 29)
    body = (
        "Mr. Tom Reid, the Irish foreign minister, said that 25,000 refugees will arrive "
        "on February 29, 2016."
    )
    (row,) = statements_of(body, published=published)
    assert row.statement_date == published  # Friday 29 January, the publication day


def test_colon_at_paragraph_end_introduces_the_next_quote(statements_of):
    body = (
        "Ukrainian President Volodymyr Zelensky said in a video address:\n\n"
        '"We have nothing to lose but our freedom. We will fight to the end."'
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.is_direct) for s in rows] == [("volodymyr-zelensky", True)]


def test_silence_is_not_a_statement(statements_of):
    body = (
        "Canada's Minister of Immigration, Sean Fraser, announced that visas would be fast-tracked. "
        "The minister did not say how many people would be admitted."
    )
    rows = statements_of(body)
    assert [s.cue for s in rows] == ["announce"]


def test_the_ministry_speaks_for_its_officials_country(statements_of):
    body = (
        "Russian Foreign Minister Sergei Lavrov spoke in Moscow. "
        "The ministry said in a statement that its forces had not targeted civilians."
    )
    rows = statements_of(body)
    assert rows[-1].speaker_id == "russia" and rows[-1].speaker_text == "The ministry"


def test_verb_that_introduces_a_quote_is_only_its_attribution(statements_of):
    body = (
        "Speaking about the siege of the city, Defence Minister Anita Anand said, "
        "“the suffering of the people there is unimaginable.”"
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.is_direct) for s in rows] == [("anita-anand", True)]


def test_passive_agent_of_the_next_sentence_names_the_speaker(statements_of):
    body = (
        "According to the Turkish side, the border crossing “will stay open for aid convoys.” "
        "This was announced by Turkish Foreign Ministry spokesperson Selin Arslan at a briefing."
    )
    rows = statements_of(body)
    assert rows[0].speaker_id == "selin-arslan"


def test_country_sentence_inside_its_spokespersons_paragraph_is_hers(statements_of):
    body = (
        "Iranian Foreign Ministry spokesperson Leila Navabi said Iran was ready to mediate. "
        "Iran calls on all parties to “show restraint and return to the negotiating table.”"
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["leila-navabi", "leila-navabi"]


def test_press_release_quote_signed_on_the_next_line(statements_of):
    body = (
        "OTTAWA, March 3, 2021 — Canada will resettle more refugees, the government said today.\n\n"
        "“We will not stop until we have brought them to safety.”\n\n"
        "– The Honourable Jane Dupuis, Minister of Immigration, Refugees and Citizenship"
    )
    direct = [s for s in statements_of(body) if s.is_direct]
    assert [(s.speaker_id, s.quote[:10]) for s in direct] == [("jane-dupuis", "We will no")]


def test_person_named_right_before_the_verb_speaks_not_the_title_country(statements_of):
    body = (
        "Kenya's envoy to the African Union, Margaret Wanjiru Odhiambo said the talks in Jeddah "
        "had stalled over the question of humanitarian corridors."
    )
    (row,) = statements_of(body)
    assert row.speaker_text == "Margaret Wanjiru Odhiambo"


def test_possessor_of_the_speaker_is_not_the_speaker(statements_of):
    body = (
        "Vladimir Putin's spokesman, Dmitry Peskov, told reporters that the Kremlin had no "
        "plans to attend the conference in Switzerland."
    )
    (row,) = statements_of(body)
    assert row.speaker_id == "dmitry-peskov"


def test_speaker_labels_give_each_turn_to_its_speaker(statements_of):
    body = (
        "A transcript of the interview between host Maria Lindqvist and minister Tomas Berg.\n\n"
        "Lindqvist: Minister, the camps on the border are full. What will your government do "
        "about the people still waiting there?\n\n"
        "Berg: We have doubled the number of officers processing claims and we will open two "
        "more reception centres before the winter.\n"
    )
    turns = [(s.speaker_text, s.quote[:10]) for s in statements_of(body) if s.cue == "transcript"]
    assert turns == [("Lindqvist", "Minister, "), ("Berg", "We have do")]


def test_parliamentary_headings_give_the_speech_to_the_member(statements_of):
    body = (
        "Debate on the refugee crisis\n\n"
        "Jane Whitcombe NDP Halifax West, NS\n\n"
        "Mr. Speaker, I rise to ask why the government has not raised its contribution while the "
        "number of people in the camps keeps growing.\n\n"
        "Peter Olafsen Liberal Kings North, ON\n\n"
        "Mr. Speaker, I thank my colleague for her question and I agree that we must do more for "
        "the families in Lebanon and Jordan.\n"
    )
    turns = [(s.speaker_text, s.quote[:11]) for s in statements_of(body) if s.cue == "transcript"]
    assert turns == [("Jane Whitcombe", "Mr. Speaker"), ("Peter Olafsen", "Mr. Speaker")]


def test_speaking_notes_give_every_first_person_paragraph_to_the_speaker(statements_of):
    body = (
        "Speaking notes for the Honourable Anna Kowalczyk, Minister of International Development\n\n"
        "Ottawa, Ontario\n\n"
        "Thank you all for coming. Today we are announcing new support for the families who "
        "fled the fighting.\n\n"
        "The programme opens on Monday in four cities across the country.\n\n"
        "I want to thank the volunteers who have worked through the night to make this possible.\n"
    )
    rows = [s for s in statements_of(body) if s.cue == "document"]
    # Speaking notes are a speech: every paragraph is the speaker's, first person or not.
    assert [s.speaker_id for s in rows] == ["anna-kowalczyk"] * 3
    assert rows[0].quote.startswith("Thank you all") and rows[2].quote.startswith("I want")


def test_interview_questions_are_the_hosts_and_answers_the_guests(statements_of):
    body = (
        "Minister Omar Haddad joined Claire Dubois on the morning programme to talk about the "
        "resettlement plan.\n\n"
        "You promised ten thousand arrivals by the end of the year. Can you still keep that "
        "promise?\n\n"
        "We can. The flights are booked and the screening teams are already working in Amman "
        "and Beirut.\n\n"
        "What happens to the families who are not ready to travel?\n\n"
        "They will come in the new year, once their medical checks are complete.\n"
    )
    rows = [s for s in statements_of(body) if s.cue == "interview"]
    assert [s.speaker_id for s in rows] == [
        "claire-dubois",
        "omar-haddad",
        "claire-dubois",
        "omar-haddad",
    ]


def test_a_news_story_with_a_name_on_its_own_line_is_no_transcript(statements_of):
    body = (
        "By Laura Jensen\n\n"
        "The United Nations said on Monday that 20,000 people had crossed the border in a week.\n"
    )
    assert all(s.cue != "transcript" for s in statements_of(body))


def test_headline_label_gives_the_words_to_the_named_speaker(statements_of):
    body = (
        "Zelensky: We will not trade land for peace\n\n"
        "KYIV, June 3 (Reuters) - Ukraine's president spoke to parliament on Friday.\n"
    )
    rows = [s for s in statements_of(body) if s.cue == "headline"]
    assert [(s.speaker_text, s.quote) for s in rows] == [
        ("Zelensky", "We will not trade land for peace")
    ]


def test_headline_label_that_is_a_sentence_or_a_report_title_is_no_statement(statements_of):
    body = (
        "Russia invades Ukraine: Canada announces new sanctions\n\n"
        "Syria: Humanitarian Situation Report No. 4\n\n"
        "The fighting continued on Friday.\n"
    )
    assert [s for s in statements_of(body) if s.cue == "headline"] == []


def test_a_body_named_inside_another_speaks_for_itself(statements_of):
    body = "The UN World Food Programme said that two million people in Sudan faced hunger."
    (row,) = statements_of(body)
    assert row.speaker_id == "wfp"


def test_according_to_the_communique_is_its_authors(statements_of):
    body = (
        "Qatar's foreign ministry issued a statement on the talks in Doha. "
        "According to the communique, both delegations agreed to meet again next month."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.cue) for s in rows][-1] == ("qatar", "according to")


def test_as_the_broadcaster_reported_is_the_broadcasters(statements_of):
    body = "As Al Jazeera reported, the RSF shelled the market in El Fasher for a third day."
    (row,) = statements_of(body)
    assert (row.speaker_id, row.cue) == ("al-jazeera", "as reported")


def test_bare_officials_speak_for_the_country_the_story_is_about(statements_of):
    body = (
        "Canada flew another 400 people out of Kabul. Canada's planes have made 13 flights. "
        "Canada will keep its embassy staff in Doha. "
        "Officials said they have ushered out 1,700 people since the airport reopened."
    )
    rows = statements_of(body)
    assert (rows[-1].speaker_id, rows[-1].quote[:9]) == ("canada", "Officials")


def test_person_spoken_to_is_not_the_speaker(statements_of):
    body = (
        '"Thanks to your decision today, farmers will keep losing their land to floods," '
        "Dutch envoy to the EU Pieter Janssen told his Polish counterpart, Adam Nowak."
    )
    direct = [s for s in statements_of(body) if s.is_direct]
    assert direct and all(s.speaker_id != "adam-nowak" for s in direct)


def test_person_announcing_at_sentence_end_speaks_for_the_whole_sentence(statements_of):
    body = (
        "Norway has revoked export licences to Chile and pledged new sanctions against dozens "
        'of officials in response to an "unacceptable" crackdown, Prime Minister Erna Solberg '
        "announced Thursday."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.cue) for s in rows] == [("erna-solberg", "announce")]


def test_news_agency_closing_a_sentence_does_not_take_it_over(statements_of):
    body = (
        "Norway condemned the vote on Thursday after Chile blocked another resolution on the "
        "crisis, AFP reports."
    )
    assert all(s.speaker_id != "afp" for s in statements_of(body))


def test_two_coordinated_people_each_speak_the_first_named_first(statements_of):
    body = (
        "Pierre Lemaire and Emmanuel Macron said on Monday that the ruling would hurt "
        "thousands of families."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["pierre-lemaire", "emmanuel-macron"]


def test_person_coordinated_after_a_country_is_still_the_speaker(statements_of):
    body = (
        "France and Emmanuel Macron said on Monday that the ruling would hurt thousands of "
        "families."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["emmanuel-macron"]


def test_second_speaker_joined_by_and_gets_a_statement_of_their_own(statements_of):
    body = (
        "The Chilean government has repeatedly blamed rebel groups for spreading false news, "
        "and Norwegian Foreign Minister Anniken Huitfeldt said the allegations were false."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["chile", "anniken-huitfeldt"]
    assert rows[0].quote.endswith("spreading false news")
    assert rows[1].quote.startswith("Norwegian Foreign Minister")


def test_name_right_before_a_verb_the_parser_left_without_subject_is_the_speaker(
    statements_of,
):
    body = (
        "The warning came as the U.N. special envoy to Yemen, Martin Griffiths, said he had "
        "made progress toward brokering a peace deal between the two sides."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["martin-griffiths"]


def test_pronoun_glued_to_a_closing_quote_is_resolved(statements_of):
    body = (
        "Norway's Minister of Foreign Affairs Anniken Huitfeldt issued a statement Wednesday "
        'saying Norway "deplored" the veto.\n'
        "\u201cThis systematic obstruction at the council callously ignores the suffering of "
        "farmers.\u201dShe thanked all the countries who voted in favour of the resolution."
    )
    thanked = [s for s in statements_of(body) if s.cue == "thank" and not s.is_direct]
    assert [(s.speaker_id, s.quote[:11]) for s in thanked] == [("anniken-huitfeldt", "She thanked")]


def test_pronoun_beyond_two_sentences_goes_to_the_person_of_that_gender(statements_of):
    body = (
        "Foreign Minister Anniken Huitfeldt arrived in Oslo with her deputy on Monday. The "
        "ministry had prepared the visit for weeks.\n\n"
        "The talks covered fishing quotas. Trade was also on the agenda. Officials from both "
        "sides attended the dinner.\n\n"
        "She said the agreement would be signed before the summer."
    )
    said = [s for s in statements_of(body) if s.quote.startswith("She said")]
    assert [s.speaker_id for s in said] == ["anniken-huitfeldt"]


def test_pronoun_far_from_any_person_of_known_gender_stays_unresolved(statements_of):
    body = (
        "Foreign Minister Anniken Huitfeldt spoke to reporters in Oslo on Monday.\n\n"
        "The talks covered fishing quotas. Trade was also on the agenda. Officials from both "
        "sides attended the dinner.\n\n"
        "He said the agreement would be signed before the summer."
    )
    assert not [s for s in statements_of(body) if s.quote.startswith("He said")]


def test_quote_handed_over_by_saying_is_a_direct_statement_of_its_own(statements_of):
    body = (
        "Chilean ambassador Pedro Soto noted that activities over the border had gone down on "
        "Friday, saying \u201cWe hope this trend will continue.\u201d This is a fact."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.is_direct) for s in rows] == [
        ("pedro-soto", False),
        ("pedro-soto", True),
    ]
    assert rows[1].quote == "We hope this trend will continue."


def test_clause_that_only_hands_over_to_a_quote_is_not_a_second_statement(statements_of):
    body = (
        "A news agency quoted Pedro Soto as saying in a press conference that \u201cAs said "
        "before, the smugglers continue to prepare new routes across the border.\u201d"
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.is_direct) for s in rows] == [("pedro-soto", True)]


def test_according_to_the_statement_is_its_author_not_a_country_named_later(statements_of):
    body = (
        "In a joint statement issued Sunday, Foreign Minister Anniken Huitfeldt said the "
        "decision will hurt millions of farmers.\n\n"
        "According to the statement, the country has committed more than $1 billion in "
        "assistance in response to the Chile crisis."
    )
    according = [s for s in statements_of(body) if s.cue == "according to"]
    assert [s.speaker_id for s in according] == ["anniken-huitfeldt"]


def test_according_to_him_is_the_person_just_reported(statements_of):
    body = (
        "Foreign Minister Pedro Soto said the talks would have no benefit without a ceasefire.\n\n"
        "According to him, there is no question of a political process now."
    )
    according = [s for s in statements_of(body) if s.cue == "according to"]
    assert [s.speaker_id for s in according] == ["pedro-soto"]


def test_bare_officials_go_on_from_the_country_whose_officials_were_named(statements_of):
    body = (
        "Chile has processed two thirds of the Peruvian applicants in need of resettlement, "
        "according to Chilean officials. Peru and Peruvian families were named in the report. "
        "Peru said nothing.\n\n"
        "In a briefing Monday, officials said they have flown out 1,700 people on 13 flights."
    )
    rows = [s for s in statements_of(body) if s.quote.startswith("In a briefing")]
    assert [s.speaker_id for s in rows] == ["chile"]


def test_activists_in_a_country_do_not_speak_for_it(statements_of):
    body = (
        "Activists in Chile say police forces have recently detained more than 200 people "
        "in the city of Valparaiso."
    )
    assert all(s.speaker_id != "chile" for s in statements_of(body))


def test_sources_described_by_a_demonym_do_not_speak_for_the_country(statements_of):
    body = (
        "The envoy has been holding talks with the rebels on the port, Chilean political "
        "sources have said."
    )
    assert all(s.speaker_id != "chile" for s in statements_of(body))


def test_officials_of_a_country_still_speak_for_it(statements_of):
    body = "Chilean officials said the border would stay closed for another month."
    assert [s.speaker_id for s in statements_of(body)] == ["chile"]


def test_reporting_verb_in_a_clause_that_is_the_subject_is_no_statement(statements_of):
    body = (
        "According to the Daily Planet, Norway welcoming the military flight carrying 163 "
        "refugees stands in stark contrast to Chile."
    )
    assert all(s.cue != "welcome" for s in statements_of(body))


def test_a_leaders_office_speaks_for_the_country(statements_of):
    body = (
        "Russian President Vladimir Putin met the envoy on Monday.\n\n"
        "A statement from Vladimir Putin's Office said that 3,400 troops are ready to deploy."
    )
    rows = [s for s in statements_of(body) if s.quote.startswith("A statement")]
    assert [s.speaker_id for s in rows] == ["russia"]


def test_a_countrys_government_department_speaks_for_the_country(nlp):
    from etl.context import ArticleContext
    from etl.statement_passes import _government_voice
    from etl.types import Actor, Article, Statement

    body = "The Immigration Department said flights had ended."
    article = Article("a1", "x.txt", None, None, None, None, None, "en", body, "sha")
    actors = {
        "canada": Actor("canada", "Canada", "country", "canada"),
        "immigration-department": Actor(
            "immigration-department", "Immigration Department", "organization", "canada"
        ),
        "norwegian-refugee-council": Actor(
            "norwegian-refugee-council", "Norwegian Refugee Council", "organization", "norway"
        ),
    }
    ctx = ArticleContext(article, nlp(body), (), actors)

    def said_by(actor_id):
        return Statement(
            "s1", "a1", actor_id, actors[actor_id].name, body, False, None, 0, len(body),
            None, "say",
        )  # fmt: skip

    assert _government_voice(ctx, said_by("immigration-department")).speaker_id == "canada"
    kept = _government_voice(ctx, said_by("norwegian-refugee-council"))
    assert kept.speaker_id == "norwegian-refugee-council"  # an NGO keeps its own voice


def test_as_a_third_party_has_stated_inside_a_quote_is_also_that_partys_statement(
    statements_of,  # noqa: F811
):
    body = (
        '"The Government of Canada is deeply concerned about the crisis," said Minister Jason '
        'Kenney. "As the UNHCR has stated repeatedly, only a political solution can end the '
        'violence and Canada continues to work with the international community toward this."'
    )
    rows = statements_of(body)
    nested = sorted(s.speaker_text.split()[-1] for s in rows if s.quote.startswith("As the"))
    assert nested == ["Kenney", "UNHCR"]  # the minister's quote, and the agency's own words
    assert len({s.statement_id for s in rows}) == len(rows)


def test_a_headline_ending_in_its_source_after_a_colon_is_the_sources_statement(
    statements_of,  # noqa: F811
):
    body = (
        "Venezuela exodus surpasses 4 million: UN\n\n"
        "Aid groups in Colombia are struggling to keep up with the arrivals."
    )
    rows = [s for s in statements_of(body) if s.cue == "headline"]
    assert [(s.speaker_id, s.quote) for s in rows] == [
        ("united-nations", "Venezuela exodus surpasses 4 million")
    ]


def test_a_country_or_a_label_after_a_colon_is_not_a_headlines_source(statements_of):  # noqa: F811
    for body in (
        "Refugees registered in the region: Lebanon\n\nThe numbers rose again.",
        "Number of registered refugees by country: UNHCR\n\nThe numbers rose again.",
    ):
        assert [s for s in statements_of(body) if s.cue == "headline"] == []


def test_according_to_a_persons_statement_gives_the_words_to_that_person(
    statements_of,  # noqa: F811
):
    body = (
        '"Many have been killed, including women and children," according to UN '
        "Secretary-General Ban Ki-moon's statement on the shelling of the school."
    )
    rows = [s for s in statements_of(body) if s.cue == "according to"]
    assert [s.speaker_id for s in rows] == ["ban-ki-moon"]
