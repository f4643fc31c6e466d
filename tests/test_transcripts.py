"""Transcripts: every paragraph of a labelled turn is its speaker's direct statement."""

from etl.transcripts import _leading_name
from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _by_speaker(rows):
    return [(s.speaker_text, s.quote[:30]) for s in rows]


def test_inline_labels_give_each_turn_and_its_following_paragraphs_to_the_speaker(
    statements_of,  # noqa: F811
):
    body = (
        "Transcript of the evening panel\n\n"
        "Host Marta Lindqvist spoke with Senator Oren Kasprzak about the border crossings.\n\n"
        "Lindqvist: Senator, thank you for joining us tonight. Is the government doing enough?\n\n"
        "Kasprzak: No, and I have said so for months. We promised shelter and we have not "
        "delivered it.\n\n"
        "The camps are full and the winter is coming fast for the families there.\n\n"
        "Lindqvist: What would you change first, if you could?"
    )
    rows = [s for s in statements_of(body) if s.cue == "transcript"]
    speakers = [s.speaker_text.split()[-1] for s in rows]
    assert speakers == ["Lindqvist", "Kasprzak", "Kasprzak", "Lindqvist"]
    assert rows[2].quote.startswith("The camps are full")
    assert all(s.is_direct for s in rows)


def test_parliamentary_label_lines_start_turns_and_headings_between_are_skipped(
    statements_of,  # noqa: F811
):
    body = (
        "Emergency Debate\n\n"
        "8:15 p.m.\n\n"
        "Corinne Vasseur NDP Outremont, QC\n\n"
        "Mr. Speaker, I rise tonight because the refugees in the camps cannot wait any longer.\n\n"
        "The minister said that more help will come, but nothing has arrived since spring.\n\n"
        "Emergency Debate\n\n"
        "8:20 p.m.\n\n"
        "Bertrand Okafor Liberal Westmount, QC\n\n"
        "Mr. Speaker, I thank my colleague for her speech and I share her concern entirely."
    )
    rows = statements_of(body)
    assert [(s.speaker_text, s.cue) for s in rows] == [
        ("Corinne Vasseur", "transcript"),
        ("Corinne Vasseur", "transcript"),
        ("Bertrand Okafor", "transcript"),
    ]
    # The reported speech inside a member's speech is the member's statement, not the minister's.
    assert rows[1].quote.startswith("The minister said")


def test_label_line_name_stops_at_party_portrait_or_parenthesis():
    assert _leading_name("Jane Q Doe NDP Laurier, QC") == "Jane Q Doe"
    assert _leading_name("Sam Pell Portrait Sam Pell (Leeds) (Lab)") == "Sam Pell"
    assert _leading_name("Read Full debate Read Hansard Text") is None
    assert _leading_name("Commons") is None


def test_unlabelled_interview_gives_questions_to_interviewer_and_answers_to_guest(
    statements_of,  # noqa: F811
):
    body = (
        "Minister promises faster processing\n\n"
        "Defence Minister Harlan Brightwater says the airlift will continue through January.\n\n"
        "Brightwater joined host Pilar Quintana on the morning programme to talk about the plan "
        "and his visit to the camps.\n\n"
        "You have ten days left to reach your target. How will you do that?\n\n"
        "We have a plan in place and every department is working on it around the clock.\n\n"
        "Most arrivals so far were sponsored privately. Where are the others?\n\n"
        "They are being screened now and the first flights leave next week from the region."
    )
    rows = [s for s in statements_of(body) if s.cue == "interview"]
    assert [s.speaker_text.split()[-1] for s in rows] == [
        "Quintana",
        "Brightwater",
        "Quintana",
        "Brightwater",
    ]


def test_q_and_a_labels_follow_the_introduction(statements_of):  # noqa: F811
    body = (
        "An interview with Lucia Ferreira-Watts, head of the relief agency.\n\n"
        "Lucia Ferreira-Watts spoke to reporter Anders Holm in Geneva about the appeal.\n\n"
        "Q: How much money has the appeal raised so far this year?\n\n"
        "A: Less than a third of what we need, and the gap grows every month.\n\n"
        "Q: What happens if the rest does not come in time?\n\n"
        "A: We will have to cut rations again, and I do not want to do that."
    )
    rows = [s for s in statements_of(body) if s.cue == "interview"]
    assert [s.speaker_text.split()[-1] for s in rows] == [
        "Holm",
        "Ferreira-Watts",
        "Holm",
        "Ferreira-Watts",
    ]
    assert rows[1].quote.startswith("Less than a third")


def test_single_name_colon_headline_is_a_statement_of_the_full_name(statements_of):  # noqa: F811
    body = (
        "Kovalenko: The convoy will not cross until the shelling stops\n\n"
        "Deputy minister Irina Kovalenko said on Monday that the aid convoy was waiting at the "
        "border crossing."
    )
    rows = [s for s in statements_of(body) if s.cue == "headline"]
    assert len(rows) == 1
    assert rows[0].speaker_text.endswith("Kovalenko")
    assert rows[0].quote == "The convoy will not cross until the shelling stops"


def test_colon_lines_that_name_no_speaker_are_not_turns(statements_of):  # noqa: F811
    body = (
        "Lebanon: 1,200,000 registered refugees\n\n"
        "Update: the figures were revised on Friday by the agency.\n\n"
        "Officials said the numbers were likely to rise again during the winter months."
    )
    assert not [s for s in statements_of(body) if s.cue in ("headline", "transcript")]


def test_live_blog_entry_headlines_are_single_statements_not_a_transcript(
    statements_of,  # noqa: F811
):
    body = (
        "Live Reporting\n\n"
        "1. France: Action needed 'to stop a new massacre'\n\n"
        "The foreign ministry spoke to reporters in Paris on Tuesday afternoon.\n\n"
        "2. Canada: 'We will take in more families this winter'\n\n"
        "Officials are preparing flights from the region for the coming weeks."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.cue) for s in rows] == [("france", "headline"), ("canada", "headline")]
    assert rows[0].quote == "Action needed 'to stop a new massacre'"


def test_question_labels_among_named_answers_belong_to_the_interviewer_of_the_introduction(
    statements_of,  # noqa: F811
):
    body = (
        "Interview of Foreign Minister Anton Velikov for a documentary on the border crisis "
        "by Greta Holmqvist for Swedish television\n\n"
        "Question: Your government sent two aircraft to the capital last week. Was that an "
        "evacuation?\n\n"
        "Velikov: No. The aircraft carried medicine and food for the hospitals in the city, as we "
        "said at the time.\n\n"
        "Question: How many of your citizens are still registered there?\n\n"
        "Velikov: About three thousand, but many more never registered with the consulate at all."
    )
    rows = [s for s in statements_of(body) if s.cue in {"interview", "transcript"}]
    assert [(s.speaker_text.split()[-1], s.quote[:12]) for s in rows] == [
        ("Holmqvist", "Your governm"),
        ("Velikov", "No. The airc"),
        ("Holmqvist", "How many of "),
        ("Velikov", "About three "),
    ]


def test_one_titled_label_opening_a_first_person_speech_gives_the_speech_to_that_speaker(
    statements_of,  # noqa: F811
):
    body = (
        "Statement for the press after the trilateral talks\n\n"
        "President of Kenya William Ruto (retranslated): Thank you, ladies and gentlemen. I would like to "
        "thank our hosts for the warm welcome they gave all of us today.\n\n"
        "We agreed to open two new crossings on the northern border before the winter.\n\n"
        "The refugees who wait there cannot be left without shelter, and the three governments "
        "will share the cost of the camps."
    )
    rows = [s for s in statements_of(body) if s.cue == "transcript"]
    assert [s.quote[:12] for s in rows] == ["Thank you, l", "We agreed to", "The refugees"]
    assert {s.speaker_text.split()[-1] for s in rows} == {"Ruto"}


def test_a_lone_label_before_third_person_prose_stays_a_headline(statements_of):  # noqa: F811
    body = (
        "President Emmanuel Macron: France will take in more refugees from the camps this year.\n\n"
        "The announcement came after a meeting of European ministers in Brussels on the crisis."
    )
    assert [s.cue for s in statements_of(body) if s.cue == "transcript"] == []


def test_the_last_paragraph_cut_off_mid_sentence_still_belongs_to_the_turn(
    statements_of,  # noqa: F811
):
    body = (
        "Emergency debate on the refugee camps\n\n"
        "Hon. Claire Dubois (Outremont, NDP): Mr. Speaker, I rise because the families in the "
        "camps cannot wait any longer for the help we promised them.\n\n"
        "Hon. Peter Novak (Westmount, Liberal): Mr. Speaker, I thank my colleague for her speech "
        "and I share her concern about the camps entirely.\n\n"
        "We have sent two planes with tents and medicine, and we will send more next month, but"
    )
    rows = [s for s in statements_of(body) if s.cue == "transcript"]
    assert rows[-1].quote.startswith("We have sent two planes")
    assert rows[-1].speaker_text.split()[-1] == "Novak"


def test_a_chair_named_in_parentheses_speaks_and_the_bare_office_label_stays_theirs(
    statements_of,  # noqa: F811
):
    body = (
        "The President (Ms Adeyemi of Ghana): Under rule 37 of the provisional rules of "
        "procedure, I invite the representative of Chad to participate in this meeting.\n\n"
        "The Council will now begin its consideration of the item on its agenda.\n\n"
        "A vote was taken by a show of hands.\n\n"
        "The President: There were 9 votes in favour and 2 against. The draft resolution has "
        "not been adopted.\n\n"
        "Mr. Lefebvre (France) spoke in French: I would like first to thank the President for "
        "the manner in which she has led our work this month."
    )
    rows = [s for s in statements_of(body) if s.cue == "transcript"]
    assert [s.speaker_text.split()[-1] for s in rows] == [
        "Adeyemi",
        "Adeyemi",
        "Adeyemi",
        "Lefebvre",
    ]
    assert not any(s.quote.startswith("A vote was taken") for s in rows)


def test_a_surname_label_in_capitals_continues_the_speaker_labelled_in_full(
    statements_of,  # noqa: F811
):
    body = (
        "MARTA LINDQVIST, host: In the north, at least nine people were killed today in the "
        "shelling of the camps.\n\n"
        "In a moment the ambassador will join us. If you have questions, write to us.\n\n"
        "LINDQVIST: Also with us is our diplomatic correspondent. Nice to have you back."
    )
    rows = [s for s in statements_of(body) if s.cue == "transcript"]
    assert [s.speaker_text for s in rows] == ["Marta Lindqvist"] * 3


def test_capitalised_labels_run_into_the_speech_are_turns_and_thanks_count(
    statements_of,  # noqa: F811
):
    body = (
        "• 10:06:55\n\n"
        "MS. MARTA LINDQVISTThanks for joining us. I'm Marta Lindqvist. The war began nearly "
        "two years ago.\n\n"
        "• 10:08:01\n\n"
        "MR. OREN KASPRZAKThank you.\n\n"
        "• 10:08:04\n\n"
        "LINDQVISTGood to have you here. Give us a sense of the situation in the camps."
    )
    rows = [s for s in statements_of(body) if s.cue == "transcript"]
    assert [(s.speaker_text.split()[-1], s.quote[:10]) for s in rows] == [
        ("Lindqvist", "Thanks for"),
        ("Kasprzak", "Thank you."),
        ("Lindqvist", "Good to ha"),
    ]


def test_a_party_glued_to_the_office_ends_the_name_and_the_cut_off_last_paragraph_counts(
    statements_of,  # noqa: F811
):
    body = (
        "House of Commons Hansard #194. Mr. Speaker, the word of the day was information.\n\n"
        "Chris Alexander ConservativeParliamentary Secretary to the Minister of National Defence\n\n"
        "Mr. Speaker, all of us on this side thank the hon. member for his speech today.\n\n"
        "Paul Dewar NDP Ottawa Centre, ON\n\n"
        "Mr. Speaker, I thank the parliamentary secretary for his point and agree with him.\n\n"
        "I also want to underline that we have seen the use of torture in every single city an"
    )
    rows = [s for s in statements_of(body) if s.cue == "transcript"]
    assert [(s.speaker_text, s.quote[:12]) for s in rows] == [
        ("Chris Alexander", "Mr. Speaker,"),
        ("Paul Dewar", "Mr. Speaker,"),
        ("Paul Dewar", "I also want "),
    ]
