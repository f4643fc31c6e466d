"""Speaker choice: the person named before the verb, and a title carried back to its holder."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def test_person_named_before_the_verb_speaks_not_the_possessor(statements_of):  # noqa: F811
    body = (
        "Talks resumed in the capital.\n\n"
        "Sudan's special envoy, Kamal Osman Idris, said that the army would not negotiate "
        "directly with the paramilitary delegation."
    )
    rows = [s for s in statements_of(body) if not s.is_direct]
    assert len(rows) == 1
    assert rows[0].speaker_text.endswith("Idris")


def test_nationality_before_a_name_does_not_take_the_statement(statements_of):  # noqa: F811
    body = (
        "French deputy representative to the council, Pierre-Louis Garnier said the resolution "
        "was the last chance to protect the hospitals in the north."
    )
    rows = statements_of(body)
    assert [s.speaker_text.split()[-1] for s in rows] == ["Garnier"]


def test_title_alone_carries_the_person_named_with_it(statements_of):  # noqa: F811
    body = (
        "Today, the Honourable Daniel Morrow, Minister of Refugees, announced that the "
        "country will double its resettlement target.\n\n"
        "The Minister said more than 2,000 families have already arrived and that more flights "
        "are planned for the spring."
    )
    rows = statements_of(body)
    assert len(rows) == 2
    assert rows[1].quote.startswith("The Minister said")
    assert rows[1].speaker_text == rows[0].speaker_text


def test_thanking_and_citing_are_reported_speech(statements_of):  # noqa: F811
    body = (
        "Prime Minister Justin Trudeau met the first families at the airport on Thursday.\n\n"
        "He thanked the volunteers and staff who had worked through the night to process them.\n\n"
        "He also cited the danger of further attacks near the airport as a reason to hurry."
    )
    rows = [s for s in statements_of(body) if s.speaker_id == "justin-trudeau"]
    assert [s.cue for s in rows] == ["thank", "cite"]


def test_quoted_as_saying_gives_the_statement_to_the_one_quoted(statements_of):  # noqa: F811
    body = (
        "Talks are due to resume next month.\n\n"
        "The news agency quoted Justin Trudeau as saying that the talks would cover "
        "humanitarian access and the return of refugees."
    )
    rows = [s for s in statements_of(body) if s.cue == "quote"]
    assert [s.speaker_id for s in rows] == ["justin-trudeau"]


def test_title_in_a_headline_is_the_person_named_with_it_below(statements_of):  # noqa: F811
    body = (
        "Canada's foreign minister says the regime has no place in the country's future\n\n"
        "Foreign Minister Chrystia Freeland spoke to delegates in Geneva on Wednesday about "
        "the talks."
    )
    rows = statements_of(body)
    assert [(s.speaker_id, s.cue) for s in rows] == [("chrystia-freeland", "say")]


def test_the_organisation_at_the_head_of_the_subject_speaks(statements_of):  # noqa: F811
    body = (
        "The UN World Food Programme said that millions more people were expected to go hungry "
        "in the coming months because of the fighting."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["wfp"]


def test_name_inside_a_clause_of_the_subject_does_not_speak(statements_of):  # noqa: F811
    body = (
        "The RSF, led by General Mohamed Hamdan Dagalo, also welcomed the deal and thanked the "
        "mediators for their efforts."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["rsf"]


def test_headline_speaker_described_by_a_noun_is_the_person_introduced_with_it(statements_of):  # noqa: F811
    rows = statements_of(
        "'We might lose everything', stranded fisherman says\n\n"
        "Pedro Soto, a fisherman and activist in Valparaiso, wrote about his experience today."
    )
    headline = [s for s in rows if s.quote.startswith("'We might")]
    assert [s.speaker_id for s in headline] == ["pedro-soto"]


def test_the_noun_introducing_a_person_earlier_names_the_later_speaker(statements_of):  # noqa: F811
    rows = statements_of(
        "Pedro Soto, a fisherman in Valparaiso, lost his boat in the storm.\n\n"
        "The fisherman said the government had ignored repeated warnings about the harbour wall."
    )
    assert [s.speaker_id for s in rows] == ["pedro-soto"]


def test_an_unnamed_one_described_by_a_noun_is_not_a_named_person(statements_of):  # noqa: F811
    rows = statements_of(
        "Pedro Soto, a fisherman in Valparaiso, lost his boat in the storm.\n\n"
        "A fisherman said the government had ignored repeated warnings about the harbour wall."
    )
    assert all(s.speaker_id != "pedro-soto" for s in rows)


def test_title_case_headline_ending_with_a_title_says_is_its_holder(statements_of):  # noqa: F811
    rows = statements_of(
        "No Benefit in Talks Without Truce, Head of Norway's Armed Forces Says\n\n"
        "The talks will have no benefit without a ceasefire, Norway's defence chief General "
        "Eirik Kristoffersen said in an interview."
    )
    headline = [s for s in rows if s.quote.startswith("No Benefit")]
    assert [s.speaker_id for s in headline] == ["eirik-kristoffersen"]


def test_title_with_a_country_is_the_one_person_of_that_country_named_nearby(statements_of):  # noqa: F811
    rows = statements_of(
        "Russia's top diplomat said the border would stay closed for another month.\n\n"
        "The decision was taken in Moscow by Sergei Lavrov after a week of talks."
    )
    said = [s for s in rows if s.quote.startswith("Russia's top diplomat")]
    assert [s.speaker_id for s in said] == ["sergei-lavrov"]


def test_a_name_and_its_title_right_before_the_verb_speak_after_a_run_in_heading(
    statements_of,  # noqa: F811
):
    body = (
        "Senator: NATO would not come to Turkey's defense Vladimir Dzhabarov, the deputy chair "
        "of the foreign affairs committee of the upper chamber of the Russian parliament, urged "
        "Ankara to avoid escalation in the province."
    )
    rows = [s for s in statements_of(body) if s.cue == "urge"]
    assert [s.speaker_text for s in rows] == ["Vladimir Dzhabarov"]


def test_he_said_right_after_a_persons_statement_continues_that_person(
    statements_of,  # noqa: F811
):
    body = (
        "Foreign Minister Sergei Lavrov said Russia was ready to work with Turkey. The minister "
        "also said that Syria has the right to fight terrorism. "
        "Senator: NATO would not come to Turkey's defense Vladimir Dzhabarov, the deputy chair "
        "of the foreign affairs committee of the upper chamber, urged Ankara to avoid "
        "escalation.\n\n"
        "Such an operation would make Turkey suffer as well, he said."
    )
    rows = [s for s in statements_of(body) if s.quote.startswith("Such an operation")]
    assert [s.speaker_id for s in rows] == ["vladimir-dzhabarov"]
