"""Statement recall classes of issue 9 seen on unseen pages (tests/real_dev5): label lines
closed by a colon, a subjectless reporting verb after a title and a name, a name with its
capitalised title before the verb, and sentences a page broke across lines."""

from etl.clean import clean_text
from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_label_lines_closed_by_a_colon_give_each_paragraph_to_its_speaker(
    statements_of,  # noqa: F811
):
    body = (
        "The debate featured two speeches, which we publish in full below.\n\n"
        "Jane Doerring (Exeter North) (Lab):\n\n"
        "The whole House recognises that decisions to send forces to war are the most serious "
        "we have to take.\n\n"
        "I hope that the Minister will be stronger later and apologise for his remark.\n\n"
        "Tom Marlowe (Bassetlaw) (Lab):\n\n"
        "My right hon. Friend is"
    )
    turns = [(s.speaker_text, s.quote[:12]) for s in statements_of(body) if s.cue == "transcript"]
    assert turns == [
        ("Jane Doerring", "The whole Ho"),
        ("Jane Doerring", "I hope that "),
        ("Tom Marlowe", "My right hon"),
    ]


def test_a_single_colon_line_is_no_transcript(statements_of):  # noqa: F811
    body = (
        "Aid agencies gave these figures:\n\n"
        "More than 20,000 people have fled the city since the fighting began last week."
    )
    assert all(s.cue != "transcript" for s in statements_of(body))


def test_a_subjectless_said_after_a_title_and_an_untagged_name_is_that_persons(
    statements_of,  # noqa: F811
):
    body = (
        "Russia has vetoed the UN Security Council resolution drafted by Norway and Ireland to "
        "extend the cross-border mechanism for delivering aid to Syria, Russian Deputy Permanent "
        "Representative to the United Nations Dmitry Polyanskiy said on Friday."
    )
    rows = statements_of(body)
    assert [(s.speaker_text, s.is_direct) for s in rows] == [("Dmitry Polyanskiy", False)]


def test_a_name_and_its_capitalised_title_before_announced_today_speak(
    statements_of,  # noqa: F811
):
    body = (
        "Following last Thursday's sanctions, the Honourable Chrystia Freeland, Minister of "
        "Foreign Affairs, today announced that the regulations have been further amended to "
        "list additional individuals."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["chrystia-freeland"]


def test_a_sentence_broken_across_lines_is_joined_but_a_heading_is_not():
    page = (
        "Refugees in Lebanon\n"
        "The UN refugee agency UNHCR\n"
        "issued a report saying that more than 35,000 refugees were receiving aid and that\n"
        "the number of those registered with the agency was\n"
        "33,664.\n"
        "It also said that 19,319\n"
        "refugees were present in North Lebanon.\n"
    )
    lines = clean_text(page).split("\n\n")
    assert lines[0] == "Refugees in Lebanon"
    assert lines[1].startswith("The UN refugee agency UNHCR issued a report")
    assert lines[1].endswith("registered with the agency was 33,664.")
    assert lines[2] == "It also said that 19,319 refugees were present in North Lebanon."


def test_the_council_named_once_speaks_on_by_its_head_noun(statements_of):  # noqa: F811
    body = (
        "The United Nations Security Council has strongly condemned the attacks on the city.\n\n"
        "The Council urged all parties involved in the conflict to prioritize civilian "
        "protection."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.quote[:11]) for s in rows] == [
        ("un-security-council", "The United "),
        ("un-security-council", "The Council"),
    ]


def test_council_members_opening_the_story_are_the_council_named_after(
    statements_of,  # noqa: F811
):
    body = (
        "In a statement issued on Wednesday, council members voiced deep concern over the "
        "consequences of such actions.\n\n"
        "The Security Council stressed that the parties must resume talks."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["un-security-council"] * 2


def test_an_acronym_defined_in_parentheses_and_the_group_after_it_speak_for_that_body(
    statements_of,  # noqa: F811
):
    body = (
        "Islamic State bombers killed more than 60 people near the shrine.\n\n"
        "Representatives of the Higher Negotiation Committee (HNC) warned they may walk away "
        "from the talks.\n\n"
        "Only on Friday, the HNC said it would boycott the process.\n\n"
        "However, the group questioned how long the delegation would stay."
    )
    rows = statements_of(body)
    assert len(rows) == 3
    assert len({s.speaker_id for s in rows}) == 1
    assert rows[0].speaker_text == "Higher Negotiation Committee"


def test_rebels_in_a_country_do_not_speak_for_its_state(statements_of):  # noqa: F811
    body = (
        "Rebels in Syria's battered south said they were returning to talks with Russia after "
        "the most intensive bombing campaign yet."
    )
    assert all(s.speaker_id != "syria" for s in statements_of(body))


def test_a_named_subject_of_a_gerund_after_with_speaks_but_both_sides_do_not(
    statements_of,  # noqa: F811
):
    body = (
        "The Kremlin responded to his appeal on Friday, with presidential spokesman Dmitry "
        "Peskov insisting that Russia fully complies with all obligations under the agreements."
        "\n\nBuses carrying people from the city have been fired on, with both sides blaming "
        "each other."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.cue) for s in rows] == [("dmitry-peskov", "insist")]


def test_a_delivered_assessment_is_speech_but_delivered_aid_is_not(statements_of):  # noqa: F811
    body = (
        "Mark Lowcock, the UN relief chief, has today delivered a grim assessment on the "
        "humanitarian crisis in Tigray to members of the Security Council.\n\n"
        "The World Food Programme delivered food aid to 20,000 people in the region."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["mark-lowcock"]


def test_an_anonymous_person_described_by_nationality_is_no_voice_of_the_country(
    statements_of,  # noqa: F811
):
    body = (
        "An Afghan woman who got onto a flight tells the BBC Taliban forces at the airport are "
        "beating people.\n\n"
        "A US defense official said the commander met Taliban officials in Doha."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["united-states"]


def test_live_page_bullets_without_full_stops_closing_the_page_are_kept():
    page = (
        "Here's what you need to know about the day in Afghanistan and the evacuations:\n\n"
        "\u2022 US President Joe Biden has defended the plan to withdraw by 31 August\n"
        "\u2022 The World Bank has halted funding for projects in Afghanistan, citing concerns "
        "over the takeover\n"
        "\u2022 The World Health Organization has warned there were only enough medical "
        "supplies in Afghanistan for days\n"
        "\u2022 More than 70,000 people have been airlifted from Kabul since the Taliban swept "
        "into power\n"
    )
    assert "World Health Organization has warned" in clean_text(page)


def test_a_debate_summary_gives_questions_to_their_asker_and_replies_to_the_lead(
    statements_of,  # noqa: F811
):
    body = (
        "Syria\n\n09 December 2024\n\nLead MP\n\nDavid Lammy\n\nDebate Type\n\n"
        "Ministerial Statement\n\n"
        "David Lammy raised concerns about Syria in the House of Commons.\n\n"
        "Government Statement\n\n"
        "There has been significant change in Syria. The opposition forces have made progress "
        "against the regime. The humanitarian situation remains dire with millions in need.\n\n"
        "Priti Patel\n\nCon\n\nWitham\n\nQuestion\n\n"
        "What steps will be taken to gather evidence of crimes committed by the regime?\n\n"
        "Minister reply\n\n"
        "The Government continues to work closely with international partners on these issues."
    )
    rows = [(s.speaker_text, s.cue, s.is_direct, s.quote[:14]) for s in statements_of(body)]
    assert rows == [
        ("David Lammy", "raise", False, "David Lammy ra"),
        ("David Lammy", "summary", False, "There has been"),
        ("David Lammy", "summary", False, "The opposition"),
        ("David Lammy", "summary", False, "The humanitari"),
        ("Priti Patel", "summary", False, "What steps wil"),
        ("David Lammy", "summary", False, "The Government"),
    ]


def test_parties_in_apposition_to_the_issuers_of_a_joint_statement_each_speak(
    statements_of,  # noqa: F811
):
    body = (
        "A joint statement by the foreign ministers of the three countries (Russia, Iran and "
        "Turkey) in Astana said the next round of negotiations on Syria would be held in May."
    )
    assert sorted(s.speaker_id for s in statements_of(body)) == ["iran", "russia", "turkey"]


def test_the_official_goes_on_from_a_countrys_defense_official_named_before(
    statements_of,  # noqa: F811
):
    body = (
        "The Taliban will be denied access to the reserves, a US defense official said.\n\n"
        "The official confirmed the meeting to reporters Monday, as thousands of troops took "
        "control of security at Afghanistan's main international airport."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["united-states"] * 2


def test_a_quote_whose_opening_mark_was_lost_and_a_second_quote_in_a_paragraph_go_on(
    statements_of,  # noqa: F811
):
    body = (
        "Council spokesperson Gary Poole said \u201cOur Government has responded to the request "
        "and the Council praises this gesture.\u201d Germany had already responded generously "
        "last year. This is going to start to make a difference.\u201d\n\n"
        "\u201cThe agencies will be ready to support the Government in this initiative.\u201d "
        "\u201cAll they want is a place of safety and land of peace for these families.\u201d"
    )
    rows = [(s.speaker_text, s.is_direct, s.quote[:10]) for s in statements_of(body)]
    assert ("Gary Poole", True, "Germany ha") in rows
    assert ("Gary Poole", True, "All they w") in rows


def test_a_headline_ending_in_a_bodys_official_after_a_colon_is_that_countrys(
    statements_of,  # noqa: F811
):
    body = (
        "The latest from Afghanistan: US forces chief met Taliban in Doha: Pentagon official\n\n"
        "The talks took place on Sunday in the Qatari capital, officials in Washington said."
    )
    rows = statements_of(body)
    assert (rows[0].speaker_id, rows[0].cue, rows[0].quote) == (
        "united-states",
        "headline",
        "US forces chief met Taliban in Doha",
    )


def test_an_unnamed_official_closing_a_persons_reported_words_speaks_too(
    statements_of,  # noqa: F811
):
    body = (
        "The head of the US Central Command, General Kenneth McKenzie, told Taliban officials "
        "in Doha on Sunday not to attack the Kabul airport, a US defense official said."
    )
    assert sorted(s.speaker_id or s.speaker_text for s in statements_of(body)) == [
        "kenneth-mckenzie",
        "united-states",
    ]


def test_he_with_nobody_named_goes_on_from_the_official_who_spoke_for_a_country(
    statements_of,  # noqa: F811
):
    body = (
        "Colombia's director of migration reported that at the end of 2017, the country had "
        "more than 550,000 Venezuelans. Just six months later, he said the figure had risen "
        "to 870,093."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["colombia", "colombia"]


def test_a_person_whose_first_name_is_a_place_is_no_voice_of_that_country(
    statements_of,  # noqa: F811
):
    body = (
        "Paris Aristotle, the co-chair of an advisory panel announced on Monday, also said he "
        "welcomed signals from the government that it was open to taking more Afghan nationals."
    )
    rows = statements_of(body)
    # Since round 9 the person is an actor of their own (actor_discovery.claim_place_named_people).
    assert [(s.speaker_id, s.speaker_text) for s in rows] == [
        ("paris-aristotle", "Paris Aristotle")
    ]


def test_reported_speech_nested_in_an_adverbial_clause_is_also_its_subjects(
    statements_of,  # noqa: F811
):
    body = (
        "Immigration Minister Michael Woodhouse said today that the Government has offered to "
        "resettle up to 100 Syrians after the United Nations called upon the international "
        "community to help with the worsening humanitarian crisis."
    )
    rows = {(s.speaker_id or s.speaker_text, s.quote[:20]) for s in statements_of(body)}
    assert ("united-nations", "after the United Nat") in rows
    assert len(rows) == 2


def test_a_clause_the_speaker_reports_of_its_own_country_is_no_second_statement(
    statements_of,  # noqa: F811
):
    body = (
        "Foreign Minister Chrystia Freeland said Canada would keep up the pressure after Canada "
        "announced new sanctions against officials of the regime last week."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["chrystia-freeland"]


def test_an_unquoted_first_person_paragraph_after_a_persons_quote_goes_on_with_it(
    statements_of,  # noqa: F811
):
    body = (
        '"We will not hesitate to do whatever it takes," Erdogan said on Friday in Ankara.\n\n'
        "We will do what is necessary when someone is threatening our soil. We will have no "
        "choice but to resort to the same path again.\n\n"
        "We visited the border town on Saturday and found it empty of people."
    )
    rows = [(s.speaker_text, s.is_direct, s.quote[:12]) for s in statements_of(body)]
    assert rows == [("Erdogan", True, "We will not "), ("Erdogan", True, "We will do w")]


def test_a_pull_quote_repeated_inside_a_longer_quote_of_the_same_speaker_is_kept_once(
    statements_of,  # noqa: F811
):
    body = (
        "\u201cI then received a report this morning of 150 people dying from hunger in the "
        "district.\u201d Mr Lowcock\n\n"
        "Mark Lowcock briefed the Council on Thursday.\n\n"
        "\u201cI then received a report this morning of 150 people dying from hunger in the "
        "district. This should alarm us all,\u201d Lowcock said."
    )
    quotes = [s.quote for s in statements_of(body) if s.is_direct]
    assert len(quotes) == 1 and quotes[0].endswith("alarm us all,")


def test_a_sentence_the_page_prints_twice_is_one_statement(statements_of):  # noqa: F811
    body = (
        "Canada has announced sanctions against 27 high-ranking officials in the government of "
        "Syrian President Bashar Assad.\n\n"
        "OTTAWA \u2014 Canada has announced sanctions against 27 high-ranking officials in the "
        "government of Syrian President Bashar Assad."
    )
    assert len(statements_of(body)) == 1
