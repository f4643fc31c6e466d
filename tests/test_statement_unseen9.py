"""Wrong speakers that recur across the real development sets (real_dev4, real_dev6, real_dev7,
real_dev8, real_dev9), fixed in the round of real_dev9: a nationality adjective that only
describes the subject ("Afghan pop star", "Palestinian estimates", "state news agency X") taken
for its country; "according to X" falling back on a name of the clause X sources ("According
to the paper, 32 Russian aircraft ..."); a place before "-based"; common outlet abbreviations
(NYT, WSJ, Fox, NBC). Names and sentences are invented; the probes at the end must not fire."""

import pytest

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speakers(rows):
    return [(s.speaker_id, s.speaker_text) for s in rows]


# --- a nationality adjective that only describes the subject -------------------------------


def test_a_nationality_adjective_of_a_named_outlet_is_not_the_speaker(statements_of):  # noqa: F811
    body = "Danish state news agency Ritzau reported that the convoy had reached the border town."
    rows = statements_of(body)
    assert len(rows) == 1
    assert rows[0].speaker_id != "denmark"
    assert rows[0].speaker_text == "Ritzau"


def test_estimates_described_by_a_nationality_are_no_statement_of_the_country(statements_of):  # noqa: F811
    body = (
        "Lebanese and international estimates say that most of those wounded in the shelling "
        "were women and children."
    )
    assert "lebanon" not in [s.speaker_id for s in statements_of(body)]


def test_a_person_described_by_nationality_and_trade_is_not_the_country(statements_of):  # noqa: F811
    body = "Iraqi football star says the flight out of the capital was the longest of his life."
    assert "iraq" not in [s.speaker_id for s in statements_of(body)]


# --- "according to X" names X, not a name of the clause it sources --------------------------


def test_according_to_an_unlisted_source_does_not_fall_back_on_the_clause(statements_of):  # noqa: F811
    body = (
        "According to preliminary estimates, more than 300 billion dollars will be needed to "
        "rebuild Yemen after the war."
    )
    assert "yemen" not in [s.speaker_id for s in statements_of(body)]


def test_according_to_an_outlet_abbreviation_is_the_outlet(statements_of):  # noqa: F811
    body = "According to the NYT, 24 Turkish drones were sent to the air base near Misrata."
    assert _speakers(statements_of(body)) == [("the-new-york-times", "NYT")]


def test_a_place_before_based_is_not_the_source(statements_of):  # noqa: F811
    body = (
        "The town was retaken after two days of fighting between government forces and "
        "rebels, according to the Norway-based monitoring group."
    )
    assert "norway" not in [s.speaker_id for s in statements_of(body)]


def test_according_to_a_statement_from_a_ministry_still_names_the_ministry(statements_of):  # noqa: F811
    body = "According to a statement from the Pentagon, the convoy reached the base on Monday."
    assert _speakers(statements_of(body)) == [("united-states", "Pentagon")]


def test_an_unnamed_official_in_according_to_is_still_the_country_named(statements_of):  # noqa: F811
    body = (
        "According to a senior government official, who spoke on condition of anonymity, "
        "Jordan will reopen the crossing next week."
    )
    assert [s.speaker_id for s in statements_of(body)] == ["jordan"]


# --- an outlet named by "according to" relays the words of another speaker -----------------


def test_an_outlet_opening_the_sentence_gets_a_row_beside_the_speaker(statements_of):  # noqa: F811
    body = (
        "According to Reuters, Jordan's foreign minister said on Friday that the border "
        "crossing would reopen next week."
    )
    speakers = {s.speaker_id for s in statements_of(body)}
    assert "reuters" in speakers
    assert len(speakers) == 2


def test_probe_an_outlet_closing_a_named_speaker_s_sentence_stays_a_relay(statements_of):  # noqa: F811
    body = (
        "Jordan's foreign minister said on Friday that the border crossing would reopen next "
        "week, according to Reuters."
    )
    assert "reuters" not in {s.speaker_id for s in statements_of(body)}


def test_a_country_sourced_to_an_outlet_does_not_continue_the_last_person(statements_of):  # noqa: F811
    body = (
        "On Monday, Vladimir Putin called for an end to the blockade of the port. He stressed "
        "that the convoy had waited for a week. According to the broadcaster CNN, Russia "
        "demanded that the convoy turn back."
    )
    rows = [(s.speaker_id, s.quote[:12]) for s in statements_of(body)]
    assert ("russia", "According to") in rows
    assert ("vladimir-putin", "According to") not in rows


# --- probes: ordinary news text that looks like the triggers but must not fire ---------------


def test_probe_officials_described_by_nationality_speak_for_the_state(statements_of):  # noqa: F811
    rows = statements_of("Russian diplomats said the talks would resume in Geneva next month.")
    assert [s.speaker_id for s in rows] == ["russia"]


def test_probe_an_army_described_by_nationality_speaks_for_the_state(statements_of):  # noqa: F811
    rows = statements_of("The Turkish army said its troops had crossed the border overnight.")
    assert [s.speaker_id for s in rows] == ["turkey"]


def test_probe_state_media_speak_for_the_state(statements_of):  # noqa: F811
    rows = statements_of(
        "Iranian state media reported that the foreign minister had arrived in Moscow."
    )
    assert [s.speaker_id for s in rows] == ["iran"]


def test_probe_according_to_officials_described_by_nationality(statements_of):  # noqa: F811
    rows = statements_of(
        "According to Russian officials, the convoy was hit by an air strike near Aleppo."
    )
    assert [s.speaker_id for s in rows] == ["russia"]


def test_probe_a_based_body_still_speaks_under_its_own_name(statements_of):  # noqa: F811
    rows = statements_of(
        "The London-based Syrian Observatory for Human Rights said at least 20 people were "
        "killed in the strikes."
    )
    assert [s.speaker_id for s in rows] == ["sohr"]


def test_probe_a_person_named_fox_is_no_outlet(statements_of):  # noqa: F811
    rows = statements_of("Michael J. Fox said he would return to the stage next year.")
    assert [s.speaker_text for s in rows] == ["Michael J. Fox"]


def test_probe_the_animal_is_no_outlet(statements_of):  # noqa: F811
    rows = statements_of(
        "Fox hunting was banned in 2004 and should stay banned, the minister said on Sunday."
    )
    assert not any("fox" in (s.speaker_id or "") for s in rows)


def test_probe_according_to_a_named_body_before_a_nationality(statements_of):  # noqa: F811
    rows = statements_of(
        "According to the Pentagon, 32 Russian aircraft were sent to the base near Latakia."
    )
    assert [s.speaker_id for s in rows] == ["united-states"]


def test_probe_a_nationality_noun_subject_still_speaks(statements_of):  # noqa: F811
    rows = statements_of("The Syrian opposition said it would attend the talks in Geneva.")
    assert [s.speaker_id for s in rows] == ["syrian-opposition"]


def test_probe_according_to_a_poll_by_an_outlet_adds_no_outlet_row(statements_of):  # noqa: F811
    rows = statements_of(
        "Most voters back the deal, according to a poll commissioned by the BBC, the minister said."
    )
    assert len(rows) <= 1


def test_probe_an_outlet_as_the_only_source_gets_one_row(statements_of):  # noqa: F811
    rows = statements_of("According to Reuters, the convoy reached the border on Monday night.")
    assert [s.speaker_id for s in rows] == ["reuters"]


def test_probe_a_headline_with_a_nationality_noun_and_no_speech(statements_of):  # noqa: F811
    rows = statements_of("Afghan refugees turned back at the border by Iranian guards")
    assert rows == []


def test_probe_a_state_body_named_with_a_nationality_speaks_for_the_state(statements_of):  # noqa: F811
    # misfired before "guard" joined rules/state_voices.txt (real_dev8 ht23 lost its Poland row)
    rows = statements_of(
        "About 40,000 people crossed from Ukraine on Sunday alone, the Hungarian Border Guard "
        "has said."
    )
    assert [s.speaker_id for s in rows] == ["hungary"]


# --- fix11a: state offices and bodies a nationality adjective describes still speak for it ---

STATE_BODIES = [
    ("The Greek coastguard said it had rescued 50 migrants off Lesbos on Tuesday.", "greece"),
    ("Israeli PM says Hamas must release all hostages before any truce.", "israel"),
    ("The Nigerien junta said it would expel the French ambassador.", "niger"),
    ("Russian peacekeepers said they had evacuated 500 civilians from the town.", "russia"),
    ("The Jordanian king said his country could not take in more refugees.", "jordan"),
    ("The Iranian judiciary said the woman had been sentenced to five years in prison.", "iran"),
]


@pytest.mark.parametrize(("body", "country"), STATE_BODIES)
def test_a_state_office_described_by_nationality_speaks_for_the_state(
    statements_of,  # noqa: F811
    body,
    country,
):
    assert [s.speaker_id for s in statements_of(body)] == [country]


def test_probe_a_surname_fox_after_the_full_name_is_the_person(statements_of):  # noqa: F811
    # A bare "Fox" is too common a surname to be an outlet alias: the review of round 9 found
    # "According to Fox" given to Fox News after the page had named Vicente Fox.
    rows = statements_of(
        "Former Mexican president Vicente Fox met refugees in Tijuana on Monday. "
        "According to Fox, the wall will never be built."
    )
    assert not any("fox-news" == (s.speaker_id or "") for s in rows)
