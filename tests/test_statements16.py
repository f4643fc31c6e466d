"""Round 16: a document that "reads" its quote, and joint quotes of several sentences.

Sentences written for these tests in the style of wire copy about joint statements.
"""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speakers(rows):
    return sorted({s.speaker_id for s in rows})


def test_joint_statement_reads_after_a_one_sentence_quote(statements_of):  # noqa: F811
    rows = statements_of(
        "The meeting ended on Friday. “We call on the parties to respect the ceasefire in "
        "the north of the country,” the joint statement of Russia, Turkey and Iran reads."
    )
    assert _speakers(rows) == ["iran", "russia", "turkey"]
    assert all(s.is_direct and s.quote.startswith("We call on") for s in rows)


def test_joint_statement_reads_after_a_quote_of_several_sentences(statements_of):  # noqa: F811
    rows = statements_of(
        "The meeting ended on Friday.\n\n“We call on the parties to respect the ceasefire in "
        "the north of the country. We will meet again in Geneva next month to review the "
        "progress of the talks”, – the joint statement of Russia, Turkey and Iran reads."
    )
    assert _speakers(rows) == ["iran", "russia", "turkey"]


def test_an_unattributed_quote_paragraph_goes_on_with_every_joint_speaker(statements_of):  # noqa: F811
    rows = statements_of(
        "The meeting ended on Friday.\n\n“We call on the parties to respect the ceasefire in "
        "the north of the country. We will meet again next month”, – the joint statement of "
        "Russia, Turkey and Iran reads.\n\nThe talks lasted two days.\n\n“We are grateful to "
        "the hosts of the meeting and reaffirm our commitment to a political settlement of "
        "the conflict.”"
    )
    grateful = [s for s in rows if s.quote.startswith("We are grateful")]
    assert _speakers(grateful) == ["iran", "russia", "turkey"]


def test_a_person_who_reads_reports_nothing(statements_of):  # noqa: F811
    rows = statements_of(
        "President Putin read the report on Tuesday before meeting his advisers in Moscow."
    )
    assert rows == []


def test_one_speaker_quote_paragraph_still_carries_one_speaker(statements_of):  # noqa: F811
    rows = statements_of(
        "“We call on the parties to respect the ceasefire in the north of the country,” "
        "Lavrov said.\n\n“We will meet again in Geneva next month to review the talks.”"
    )
    assert _speakers(rows) == ["sergei-lavrov"]
    assert len(rows) == 2


def test_initials_label_stands_for_the_person_the_page_names(statements_of):  # noqa: F811
    rows = statements_of(
        "An interview with Russian Foreign Minister Sergei Lavrov.\n\n"
        "L.W.: Do you have any reports you have not shared with the council?\n\n"
        "S.L.: No. We gave the results of our investigation to the Security Council and to "
        "the public in full.\n\n"
        "L.W.: Do you fear that the violence will spill over into the Caucasus?\n\n"
        "S.L.: This should not be addressed just to Russia. Fighters from many countries are "
        "gaining experience there."
    )
    lavrov = [s for s in rows if s.speaker_id == "sergei-lavrov"]
    assert len(lavrov) >= 2
    assert any(s.quote.startswith("No. We gave") for s in lavrov)


def test_initials_label_without_a_matching_person_names_nobody(statements_of):  # noqa: F811
    rows = statements_of(
        "ADEN: Clashes between government troops and rebels killed ten fighters on Sunday, "
        "officials said.\n\nThe fighting continued overnight in the south of the port city."
    )
    assert all(s.speaker_id != "aden" for s in rows)


def test_an_interview_by_initials_is_no_speech_the_page_issues(statements_of):  # noqa: F811
    rows = statements_of(
        "An interview with Russian Foreign Minister Sergei Lavrov.\n\n"
        "L.W.: Do you have any reports you have not shared with the council?\n\n"
        "S.L.: No. We gave the results of our investigation to the Security Council and to "
        "the public in full.\n\n"
        "L.W.: Do you fear that the violence will spill over into the Caucasus?\n\n"
        "S.L.: This should not be addressed just to Russia. Fighters from many countries are "
        "gaining experience there."
    )
    assert {s.cue for s in rows if s.speaker_id == "sergei-lavrov"} == {"interview"}


def test_the_government_of_a_page_that_names_one_country_twice(statements_of):  # noqa: F811
    rows = statements_of(
        "Fighters took three towns in Ethiopia's north on Saturday, residents said.\n\n"
        "The unrest comes months after the end of a war in the region.\n\n"
        "The government said on Friday that the restrictions would cover the region for six "
        "months and could be imposed across Ethiopia."
    )
    assert any(
        s.speaker_id == "ethiopia" and s.quote.startswith("The government said") for s in rows
    )


def test_the_government_of_a_page_that_names_its_country_half_as_often_again(statements_of):  # noqa: F811
    rows = statements_of(
        "Australia will take 12,000 refugees from Syria, Australia's prime minister said.\n\n"
        "Australia will also join air strikes in Syria, and Australia will pay for aid to "
        "Syria. The refugees from Syria will arrive in Australia next year, and Australia will "
        "house them in Sydney.\n\n"
        "The government said the legal basis for the air strikes was the defence of Iraq."
    )
    assert any(
        s.speaker_id == "australia" and s.quote.startswith("The government said") for s in rows
    )


def test_the_government_of_a_page_of_two_countries_named_alike_is_nobodys(statements_of):  # noqa: F811
    rows = statements_of(
        "Bangladesh and Myanmar met on Monday. Bangladesh asked Myanmar to take back the "
        "refugees, and Myanmar asked Bangladesh for lists.\n\n"
        "The government said the talks would go on next month."
    )
    assert not any(s.quote.startswith("The government said") and s.speaker_id for s in rows)


def test_a_leader_who_orders_speaks(statements_of):  # noqa: F811
    rows = statements_of(
        "Russian President Vladimir Putin ordered the withdrawal of the main part of the "
        "Russian forces from Syria on Monday."
    )
    assert [(s.speaker_id, s.cue) for s in rows] == [("vladimir-putin", "order")]


def test_a_leader_who_instructs_that_speaks(statements_of):  # noqa: F811
    rows = statements_of(
        "Canadian Prime Minister Justin Trudeau instructed that the refugees be brought to "
        "Canada before the end of the year."
    )
    assert [(s.speaker_id, s.cue) for s in rows] == [("justin-trudeau", "instruct")]
