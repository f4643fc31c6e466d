"""Speakers the parse hides, fixed in the round of real_dev10 (pooled over real_dev … real_dev10):
parties listed together whose list the parser broke ("The United States, Britain, and France
voted ..., stating", "The governments of Germany and Hungary have said", "..., Tehran, Moscow
and Ankara reaffirmed") each speak (real_dev, real_dev4, real_dev7, real_dev8, real_dev9,
real_dev10); a person named inside a title phrase ("said U.S. Ambassador to the U.N. Jane Doe")
speaks, not the title (real_dev9, real_dev10). Names and sentences are invented; the probes at
the end look like the triggers and must not fire."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speaker_ids(rows):
    return sorted({s.speaker_id for s in rows if s.speaker_id})


# --- a list the parser read as an apposition with conjuncts -------------------------------------


def test_each_party_of_a_list_read_as_an_apposition_speaks(statements_of):  # noqa: F811
    body = (
        "The United States, Britain, and France voted against the draft on Friday, stating that "
        "a three-month extension left aid agencies no time to plan their convoys."
    )
    assert _speaker_ids(statements_of(body)) == ["france", "united-kingdom", "united-states"]


def test_each_party_of_an_of_list_after_a_plural_party_noun_speaks(statements_of):  # noqa: F811
    body = (
        "The governments of Germany and Hungary have also said that they will wind down their "
        "evacuation flights by the end of the week."
    )
    assert _speaker_ids(statements_of(body)) == ["germany", "hungary"]


def test_a_list_of_capitals_the_parser_hung_on_a_phrase_before_the_verb_speaks(statements_of):  # noqa: F811
    body = (
        "In a joint statement issued after the talks, Tehran, Moscow and Ankara reaffirmed their "
        "commitment to the territorial integrity of Syria and to the next round in Geneva."
    )
    assert _speaker_ids(statements_of(body)) == ["iran", "russia", "turkey"]


# --- a person named inside a title phrase --------------------------------------------------------


def test_a_person_named_after_a_title_with_its_post_speaks(statements_of):  # noqa: F811
    body = (
        "\u201cThe convoys will go through the crossing whether or not the council agrees,\u201d "
        "said U.S. Ambassador to the U.N. Carla Mendoza-Reyes, according to the broadcaster."
    )
    rows = statements_of(body)
    assert [s.speaker_text for s in rows] == ["Carla Mendoza-Reyes"]


def test_a_person_named_after_a_title_and_a_comma_speaks(statements_of):  # noqa: F811
    body = (
        "\u201cEvery family on the flight was screened twice before boarding,\u201d said US "
        "Ambassador to Jordan, Robert H. Kessling, who met the families in Amman on Sunday."
    )
    rows = statements_of(body)
    assert [s.speaker_text for s in rows] == ["Robert H. Kessling"]


# --- probes: look like the triggers, must not fire -------------------------------------------------


def test_probe_a_name_and_its_title_in_apposition_is_no_list(statements_of):  # noqa: F811
    body = (
        "Russia's ambassador, Vassily Nebenzia, and his deputy said the council had been misled "
        "about the strikes on the market."
    )
    assert "united-states" not in _speaker_ids(statements_of(body))
    assert len({s.quote for s in statements_of(body)}) <= 1


def test_probe_a_list_in_the_object_does_not_speak(statements_of):  # noqa: F811
    body = (
        "The envoy briefed the United States, Britain and France on Monday, saying the talks "
        "would resume in Geneva after the holiday."
    )
    ids = _speaker_ids(statements_of(body))
    assert "france" not in ids and "united-kingdom" not in ids


def test_probe_a_list_of_parties_another_speaker_reports_does_not_speak(statements_of):  # noqa: F811
    body = (
        "The governments of Germany and Hungary were sharply criticised by rights groups, which "
        "said the evacuation flights had ended far too early."
    )
    ids = _speaker_ids(statements_of(body))
    assert "germany" not in ids and "hungary" not in ids


def test_probe_names_inside_a_phrase_before_the_verb_do_not_speak(statements_of):  # noqa: F811
    body = (
        "Talks between Russia, Iran and Turkey reaffirmed the ceasefire lines drawn up in Sochi "
        "two years ago, the Kremlin said."
    )
    ids = _speaker_ids(statements_of(body))
    assert "iran" not in ids and "turkey" not in ids


def test_probe_a_headline_listing_parties_with_no_reporting_verb_does_not_speak(statements_of):  # noqa: F811
    body = "US, UK and France to vote on Syria aid text next week\n\nDiplomats met in New York."
    assert statements_of(body) == []


def test_probe_parties_that_did_not_say_make_no_statement(statements_of):  # noqa: F811
    body = (
        "The governments of Germany and Hungary did not say whether they would extend the "
        "evacuation flights beyond Friday."
    )
    ids = _speaker_ids(statements_of(body))
    assert "germany" not in ids and "hungary" not in ids


def test_probe_a_person_in_the_title_holders_relative_clause_does_not_speak(statements_of):  # noqa: F811
    body = (
        "\u201cThe camps will not survive another winter without fuel,\u201d said the ambassador, "
        "who met Elena Marchetti in Beirut on Sunday."
    )
    assert "elena-marchetti" not in _speaker_ids(statements_of(body))


def test_probe_a_list_that_only_issued_a_document_is_not_copied(statements_of):  # noqa: F811
    body = (
        "Following the trilateral talks, the presidents of Russia, Iran and Turkey issued a "
        "statement for the media."
    )
    ids = _speaker_ids(statements_of(body))
    assert "iran" not in ids and "turkey" not in ids


def test_probe_a_planned_vote_of_listed_parties_is_no_statement(statements_of):  # noqa: F811
    body = (
        "The United States, Britain, and France are expected to vote against the Russian draft "
        "when the council meets next week."
    )
    assert statements_of(body) == []


def test_probe_listed_parties_in_a_third_partys_report_do_not_speak(statements_of):  # noqa: F811
    body = (
        "The United States, Britain, and France voted against the Russian draft on Friday, "
        "Russian diplomats said after the meeting."
    )
    ids = _speaker_ids(statements_of(body))
    assert "france" not in ids and "united-kingdom" not in ids


# --- a reporting verb set off by commas inside the clause it reports ----------------------------


def test_a_speaker_set_off_by_commas_inside_the_reported_clause_speaks(statements_of):  # noqa: F811
    body = (
        "Instead, Prime Minister Justin Trudeau said, Canada will ask the council to send "
        "monitors to the border crossings before the winter."
    )
    rows = statements_of(body)
    assert [s.speaker_id for s in rows] == ["justin-trudeau"]
    assert rows[0].quote.startswith("Instead, Prime Minister Justin Trudeau said, Canada will")


def test_a_body_set_off_by_commas_after_the_subject_speaks(statements_of):  # noqa: F811
    body = (
        "The convoy, the Red Cross said, reached the town on Tuesday after a week of delays at "
        "the last checkpoint."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["icrc"]


def test_probe_a_parenthetical_verb_of_feeling_or_expectation_is_no_statement(statements_of):  # noqa: F811
    body = "The vote, diplomats expect, will be held on Friday after the envoy returns from Geneva."
    assert statements_of(body) == []


def test_probe_a_parenthetical_said_with_nobody_named_is_no_statement(statements_of):  # noqa: F811
    body = (
        "However, the drivers said, nothing has changed on the road since the ceasefire was signed."
    )
    assert [s for s in statements_of(body) if s.speaker_id] == []


def test_probe_a_quote_interrupted_by_said_stays_two_quotes_of_the_speaker(statements_of):  # noqa: F811
    body = (
        "\u201cWe will stay in the camp,\u201d Justin Trudeau said, \u201cuntil the last family "
        "has been moved to safety.\u201d"
    )
    rows = statements_of(body)
    assert {s.speaker_id for s in rows} == {"justin-trudeau"}
    assert all(s.is_direct for s in rows)
