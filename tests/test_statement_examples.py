"""Speakers given as examples of a group ("Countries including the UK, Japan and Turkey
expressed support", real_dev8 ht25, real_dev9 hu25): each listed party speaks; and "spoke in
support of / in favour of / against" reports speech. Names and sentences are invented; the
probes at the end must not fire (the first of them fired before the rule was limited to a verb
nobody else reports)."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speakers(rows):
    return sorted(s.speaker_id for s in rows)


def test_countries_including_a_list_each_speak(statements_of):  # noqa: F811
    body = (
        "Countries including Canada, Norway and Japan expressed support for the proposal to "
        "reopen the northern crossing."
    )
    assert _speakers(statements_of(body)) == ["canada", "japan", "norway"]


def test_governments_such_as_a_list_each_speak(statements_of):  # noqa: F811
    body = (
        "European governments such as Italy and Greece warned that the camps on their islands "
        "could not take in more arrivals."
    )
    assert _speakers(statements_of(body)) == ["greece", "italy"]


def test_spoke_in_support_of_reports_speech_of_each_listed_country(statements_of):  # noqa: F811
    body = (
        "Several nations, including Egypt, Algeria and Qatar, spoke in support of the draft "
        "resolution at the General Assembly."
    )
    assert _speakers(statements_of(body)) == ["algeria", "egypt", "qatar"]


def test_a_minister_who_spoke_against_a_plan_made_a_statement(statements_of):  # noqa: F811
    body = "Irish Foreign Minister Simon Coveney spoke against the plan to cut refugee quotas."
    rows = statements_of(body)
    assert len(rows) == 1
    assert rows[0].speaker_text == "Simon Coveney"


# --- probes that must not fire --------------------------------------------------------------


def test_listed_donors_in_a_clause_someone_else_reports_are_not_the_speaker(statements_of):  # noqa: F811
    body = "Donors including Germany and Japan pledged to keep funding the camps, the UN said."
    rows = statements_of(body)
    assert _speakers(rows) == ["united-nations"]


def test_countries_listed_without_a_speech_verb_do_not_speak(statements_of):  # noqa: F811
    body = "Countries including Jordan and Lebanon host more than five million Syrian refugees."
    assert statements_of(body) == []


def test_people_from_listed_countries_are_not_those_countries(statements_of):  # noqa: F811
    body = (
        "Refugees from countries such as Syria and Afghanistan said they had waited months "
        "for a decision on their claims."
    )
    assert not {"syria", "afghanistan"} & set(_speakers(statements_of(body)))


def test_listed_countries_expected_to_speak_later_do_not_speak(statements_of):  # noqa: F811
    body = "Countries like Germany and Sweden are expected to announce new quotas next month."
    assert statements_of(body) == []


def test_listed_countries_that_did_not_say_do_not_speak(statements_of):  # noqa: F811
    body = "Countries including Britain and France did not say whether they would join the strikes."
    assert statements_of(body) == []


def test_listed_cities_are_no_speakers(statements_of):  # noqa: F811
    body = "Cities including Aleppo and Homs were shelled overnight, activists said."
    assert not {"aleppo", "homs", "syria"} & set(_speakers(statements_of(body)))


def test_listed_countries_inside_a_quote_are_the_quoted_minister_s_words(statements_of):  # noqa: F811
    body = (
        '"Countries such as Turkey and Jordan have done more than their share," the Dutch '
        "foreign minister said."
    )
    assert not {"turkey", "jordan"} & set(_speakers(statements_of(body)))


def test_a_condition_on_listed_countries_is_no_statement(statements_of):  # noqa: F811
    body = (
        "If countries including Canada and Australia announce new quotas, the pressure on "
        "Europe would ease."
    )
    assert not {"canada", "australia"} & set(_speakers(statements_of(body)))


def test_speaking_in_a_place_is_no_statement(statements_of):  # noqa: F811
    body = "The minister spoke in the capital in support of nobody in particular, then left."
    assert statements_of(body) == []


def test_protesters_speaking_against_a_war_are_not_their_country(statements_of):  # noqa: F811
    body = "Protesters in Paris spoke against the war outside the embassy on Saturday."
    assert "france" not in _speakers(statements_of(body))


def test_armed_groups_listed_as_controlling_land_do_not_speak(statements_of):  # noqa: F811
    body = "Groups including Hay'at Tahrir al-Sham control much of Idlib province."
    assert statements_of(body) == []


def test_speaking_against_a_backdrop_is_no_side_taken(statements_of):  # noqa: F811
    # "against" names the scene of the speech here, not what it opposes (fix11b probe).
    body = (
        "Foreign Minister Sergei Lavrov spoke against a backdrop of rising tensions with the "
        "West during his visit to Ankara on Tuesday."
    )
    assert statements_of(body) == []


def test_speaking_against_the_background_of_shelling_is_no_statement(statements_of):  # noqa: F811
    body = "Ambassador Linda Thomas-Greenfield spoke against the background of renewed shelling."
    assert statements_of(body) == []


def test_speaking_against_a_plan_still_reports_speech(statements_of):  # noqa: F811
    body = "Foreign Minister Sergei Lavrov spoke against the plan to extend the sanctions."
    assert _speakers(statements_of(body)) == ["sergei-lavrov"]
