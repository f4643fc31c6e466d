"""Event classes of the events13 round (issue 9), pooled over real_dev … real_dev11.

A legislature's record names its sitting on a line of its own ("Dáil debates", "Senate debates",
"Dáil Éireann Debate, Wednesday - 23 September 2015", "Meeting of the Parliament"): the page is
a `statement` of its publication date, and a "Meeting date:" line is furniture that dates no
meeting (real_dev7, real_dev9, real_dev11; `etl.event_dates.DEBATE_HEADING`). A speech page whose
heading names the gathering the speech was given at ("Statement by … at a UNSC Briefing on
Sudan", "Remarks at a UN Security Council Briefing on …", "Speech by … at the opening of the
International Conference of Donors …") is that gathering's page: a `meeting`, `conference` or
`summit` of the publication date beside the statement (real_dev4, real_dev10, real_dev11;
`etl.event_dates.SPEECH_SETTING`). Armed forces that "entered" a place on a date are a
`military_operation` ("Regime forces entered a town south of Idlib city on Tuesday"; real_dev5,
real_dev8, real_dev11; `etl.event_retyping.ENTERED_PLACES`). The second half holds the self-review
probes: headings and sentences that look like the triggers and must not fire. Sentences written
for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from etl import event_dates, event_retyping
from tests.test_event_unseen_pages import events_of, summary

DAY = date(2022, 3, 9)
SPEECH = "\n\nThank you, Mr President. We are alarmed by the fighting around the city."

# --- a legislature's record ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "Seanad debates\n\nWednesday, 9 March 2022",
        "House debates\n\nWednesday, 9 March 2022\n\n3:10 pm",
        "Skip to main content\n\nDáil Éireann Debate, Wednesday - 9 March 2022",
        "Chamber and committees\n\nMeeting of the Parliament",
    ],
)
def test_a_legislature_record_heading_is_a_statement_of_the_sitting_day(nlp, heading):
    body = heading + "\n\nThe Minister has met the committee and the programme is under review."
    assert ("statement", "2022-03-09", "day") in summary(events_of(nlp, body, DAY))


def test_without_the_rule_a_debate_heading_dates_nothing(nlp, monkeypatch):
    monkeypatch.setattr(event_dates, "DEBATE_HEADING", False)
    body = "Seanad debates\n\nThe Minister has met the committee and the programme is under review."
    assert events_of(nlp, body, DAY) == []


def test_a_meeting_date_label_is_furniture_not_a_meeting(nlp):
    body = (
        "Meeting of the Parliament\n\nMeeting date: Wednesday, March 9, 2022\n\n"
        "The first item of business is a members' business debate on refugees."
    )
    assert summary(events_of(nlp, body, DAY)) == [("statement", "2022-03-09", "day")]


# --- a speech given at a gathering ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Remarks at a UN Security Council Briefing on the Situation in Yemen", "meeting"),
        (
            "Statement by Ambassador Jane Doe, Deputy Permanent Representative, at the Security "
            "Council Open Debate on Children and Armed Conflict",
            "meeting",
        ),
        (
            "Statement by the Foreign Minister at the Ministerial Meeting of the Coalition",
            "meeting",
        ),
        ("Speech by the Prime Minister at the London Conference on Supporting Syria", "conference"),
        ("Address by the President at the opening of the Arab League Summit", "summit"),
    ],
)
def test_a_speech_heading_names_the_gathering_of_the_page_day(nlp, heading, kind):
    found = summary(events_of(nlp, heading + SPEECH, DAY))
    assert (kind, "2022-03-09", "day") in found
    assert ("statement", "2022-03-09", "day") in found


def test_without_the_rule_the_speech_heading_names_no_gathering(nlp, monkeypatch):
    monkeypatch.setattr(event_dates, "SPEECH_SETTING", False)
    body = "Remarks at a UN Security Council Briefing on the Situation in Yemen" + SPEECH
    assert [k for k, _, _ in summary(events_of(nlp, body, DAY)) if k == "meeting"] == []


# --- armed forces entering a place ---------------------------------------------------------------

ENTRY_DAY = date(2024, 12, 11)  # a Wednesday


@pytest.mark.parametrize(
    ("body", "day"),
    [
        ("Opposition forces entered the city of Hama late on Thursday, Dec. 5.", "2024-12-05"),
        ("Government troops entered a village north of the provincial capital on Monday.",
         "2024-12-09"),
        ("Turkish troops and allied rebels entered the border town of Tal Abyad on Tuesday.",
         "2024-12-10"),
        ("Militants entered Palmyra in the early hours of Dec. 8, residents said.", "2024-12-08"),
    ],
)  # fmt: skip
def test_armed_forces_entering_a_place_are_a_military_operation(nlp, body, day):
    assert ("military_operation", day, "day") in summary(events_of(nlp, body, ENTRY_DAY))


def test_without_the_rule_forces_entering_a_place_date_nothing(nlp, monkeypatch):
    monkeypatch.setattr(event_retyping, "ENTERED_PLACES", False)
    body = "Government troops entered a village north of the provincial capital on Monday."
    assert events_of(nlp, body, ENTRY_DAY) == []


# --- self-review probes: look like the triggers, must not fire -----------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # what is entered is no place
        "Rebel fighters entered a new phase of the struggle on Monday, their spokesman wrote.",
        "The forces entered service with the navy on Monday.",
        # no armed subject: relief, refugees, relatives, a commander's seat
        "Aid trucks entered the besieged town on Tuesday.",
        "Thousands of refugees entered Turkey on Tuesday.",
        "Soldiers' families entered the base on Sunday for a memorial.",
        "The forces' commander entered parliament on Tuesday as a new member.",
        # negated and planned entries
        "Government forces did not enter the city on Tuesday.",
        "Troops will enter the buffer zone on Friday under the deal.",
    ],
)
def test_entries_that_are_no_armed_operation_date_nothing(nlp, body):
    found = summary(events_of(nlp, body, ENTRY_DAY))
    assert [k for k, _, _ in found if k == "military_operation"] == []


@pytest.mark.parametrize(
    "heading",
    [
        # a press or news briefing or conference is the speech itself, not a gathering of actors
        "Remarks at a Press Briefing on the Situation in Yemen",
        "Opening Remarks at a News Conference in Geneva",
        # the gathering is the topic, not where the speech was given
        "Statement by the Spokesperson on the Outcome of the Talks at the Summit in Brussels",
        # a launch, a video call of members: no gathering word
        "Remarks at the Launch of the Regional Refugee and Resilience Plan",
        "Remarks by the Ambassador at the open VTC of Council members on the situation in Yemen",
        # addressed to a standing body, not given at a gathering
        "Statement to the Conference on Disarmament by the Special Envoy",
    ],
)
def test_a_speech_heading_without_a_gathering_of_the_day_adds_none(nlp, heading):
    found = summary(events_of(nlp, heading + SPEECH, DAY))
    assert [k for k, _, _ in found if k in {"meeting", "conference", "summit"}] == []


@pytest.mark.parametrize(
    "body",
    [
        # news headlines and menus that hold the word "debate"
        "Parliament debates Syria air strikes\n\nMembers argued for six hours.",
        "The Great Debate\n\nMembers argued for six hours over the motion.",
        "Debates\n\nMembers argued for six hours over the motion.",
        "Ongoing German debate\n\nMembers argued for six hours over the motion.",
        # a sentence of prose, not a heading line
        "Remarks at a Security Council Briefing on Yemen were cut short. Members argued.",
    ],
)
def test_prose_and_headlines_about_debates_or_briefings_are_no_page_event(nlp, body):
    assert events_of(nlp, body, DAY) == []


def test_a_speech_heading_deep_in_the_page_is_no_heading(nlp):
    body = (
        "Yemen news roundup\n\nAid agencies warn of famine.\n\nFighting continues near Marib."
        "\n\nPrices keep rising.\n\n"
        "Remarks at a UN Security Council Briefing on the Situation in Yemen" + SPEECH
    )
    found = summary(events_of(nlp, body, DAY))
    assert [k for k, _, _ in found if k == "meeting"] == []


# --- OCHA's "Humanitarian Update" series ----------------------------------------------------------


def test_a_humanitarian_update_heading_is_a_statement_of_the_page_day(nlp):
    body = (
        "Yemen: Humanitarian Update (9 March 2022)\n\n"
        "More than 4 million people remain displaced across the country."
    )
    assert ("statement", "2022-03-09", "day") in summary(events_of(nlp, body, DAY))


@pytest.mark.parametrize(
    "heading",
    [
        # a news headline about an update, in lower case, and one ending as a sentence
        "UN to release humanitarian update on Yemen as fighting spreads",
        "Agencies wait for the next Humanitarian Update.",
    ],
)
def test_a_headline_about_a_humanitarian_update_is_no_issued_page(nlp, heading):
    body = heading + "\n\nMore than 4 million people remain displaced across the country."
    assert [k for k, _, _ in summary(events_of(nlp, body, DAY)) if k == "statement"] == []


# --- review of the events13 round (fix13a): misfires found by probing, and chambers missed --------


@pytest.mark.parametrize(
    "body",
    [
        # a debate series, a site's section, an election's debates: no legislature names the line
        "Home\nNews\nOpinion\nMunk Debates\nSport\n\nCandidates clashed over health care on "
        "Tuesday night, with both sides claiming victory.",
        "Presidential Debates\n\nCandidates clashed over health care on Tuesday night.",
        "Latest Debates\n\nCandidates clashed over health care on Tuesday night.",
        "Great Debate, Wednesday, 9 March 2022\n\nCandidates clashed over health care.",
    ],
)
def test_a_debate_heading_that_names_no_legislature_is_no_sitting(nlp, body):
    assert [k for k, _, _ in summary(events_of(nlp, body, DAY)) if k == "statement"] == []


@pytest.mark.parametrize(
    "heading",
    [
        "House of Commons debates",
        "House of Lords Hansard",
        "Lok Sabha Debates",
        "Bundestag Debates",
    ],
)
def test_other_chambers_name_their_sitting_too(nlp, heading):
    body = heading + "\n\nThe Minister has met the committee and the programme is under review."
    assert ("statement", "2022-03-09", "day") in summary(events_of(nlp, body, DAY))


@pytest.mark.parametrize(
    "body",
    [
        # title-case news headlines about a speech: the heading goes on with its verb
        "Speech at the Summit Angers Beijing\n\nThe president's remarks on Taiwan drew a sharp "
        "rebuke from the foreign ministry.",
        "Remarks at the Meeting Were Cut Short, Diplomats Say\n\nThe ambassador left the chamber "
        "early after a row over the agenda.",
        "Statement at the Conference Sparks Walkout\n\nSeveral delegations left the hall after "
        "the envoy spoke.",
    ],
)
def test_a_title_case_headline_about_a_speech_is_no_speech_page(nlp, body):
    found = summary(events_of(nlp, body, DAY))
    assert [k for k, _, _ in found if k in {"meeting", "conference", "summit", "statement"}] == []


def test_a_speech_heading_whose_gathering_is_followed_by_its_date_still_names_it(nlp):
    body = "Statement by the Prime Minister at the G20 Summit, 9 March 2022" + SPEECH
    assert ("summit", "2022-03-09", "day") in summary(events_of(nlp, body, DAY))


@pytest.mark.parametrize(
    "first_line",
    [
        # a site's menu and a related-links line that repeat an issued document's title
        "Home | Donate | Humanitarian Update | Contact",
        "Related: Yemen: Humanitarian Update (February 2022)",
        "See also: Flash Update #3 on the floods",
    ],
)
def test_menu_and_related_links_naming_an_issued_document_leave_the_page_a_report(nlp, first_line):
    body = (
        first_line + "\n\nAid convoy crosses into Idlib\n\nA convoy of 14 trucks crossed into "
        "the northwest of the country, the UN said."
    )
    assert [k for k, _, _ in summary(events_of(nlp, body, DAY)) if k == "statement"] == []


def test_an_issued_heading_with_its_own_date_part_is_still_the_page(nlp):
    body = (
        "Humanitarian Update Yemen - Issue 04 | 9 March 2022\n\n"
        "More than 4 million people remain displaced across the country."
    )
    assert ("statement", "2022-03-09", "day") in summary(events_of(nlp, body, DAY))
