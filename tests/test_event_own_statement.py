"""The page's own statement: an issued document, a speech or a debate is a statement event of
its publication date; a broadcast between a host and guests is not."""

from __future__ import annotations

import datetime

import pytest

from etl.actors import Gazetteer, resolve_mentions
from etl.context import ArticleContext
from etl.events import extract_events
from etl.statements import extract_statements
from etl.types import Article


@pytest.fixture(scope="module")
def events_with_statements(nlp):
    gazetteer = Gazetteer.load()

    def run(body: str, published: datetime.date, precision: str = "day"):
        article = Article("a1", "x.txt", None, None, None, published, precision, "en", body, "s")
        doc = nlp(body)
        mentions, new = resolve_mentions(doc, "a1", gazetteer)
        actors = {**gazetteer.actors, **{a.actor_id: a for a in new}}
        ctx = ArticleContext(article, doc, tuple(mentions), actors)
        return extract_events(ctx, extract_statements(ctx))

    return run


def _summary(events):
    return sorted((e.event_type, e.event_date.isoformat(), e.date_precision) for e in events)


def test_an_update_headed_as_issued_is_a_statement_of_its_publication_day(
    events_with_statements,
):
    body = (
        "Flash Update #3: Humanitarian impact of the fighting in the north\n\n"
        "*This update is compiled with inputs from partners on the ground.\n\n"
        "Aid agencies continue to deliver water to the displaced families in the camps."
    )
    events = events_with_statements(body, datetime.date(2019, 10, 20))
    assert _summary(events) == [("statement", "2019-10-20", "day")]
    assert events[0].evidence.startswith("Flash Update #3")


def test_a_release_already_dated_by_its_own_announcement_gets_no_second_statement(
    events_with_statements,
):
    body = (
        "News release\n\n"
        "Canada expands its resettlement programme\n\n"
        "OTTAWA, December 8, 2021 — Canada continues to stand with the refugees.\n\n"
        "Today, the Honourable Daniel Ortiz, Minister of Immigration, announced that Canada "
        "will resettle 40,000 refugees."
    )
    events = events_with_statements(body, datetime.date(2021, 12, 8))
    assert [e.event_type for e in events].count("statement") == 1
    assert not any(e.evidence == "News release" for e in events)


def test_a_ministers_statement_of_a_month_is_a_statement_event_of_that_month(
    events_with_statements,
):
    body = (
        "Statement from Minister Rosalind Achterberg on the Refugee Crisis\n\n"
        "Ontario is ready and willing to accept more refugees and help them settle here.\n\n"
        "We will work with partners to identify how best to support private sponsors."
    )
    events = events_with_statements(body, datetime.date(2015, 9, 1), "month")
    assert _summary(events) == [("statement", "2015-09-01", "month")]


def test_a_radio_show_between_a_host_and_guests_is_not_a_statement_event(
    events_with_statements,
):
    body = (
        "Panel on the refugee winter\n\n"
        "MARTA LINDQVIST, host: Thanks for joining us. Winter is making life harder for the "
        "families who fled the war.\n\n"
        "LINDQVIST: Also with us is Oren Kasprzak, a correspondent back from the camps.\n\n"
        "OREN KASPRZAK: Thank you, it is good to be back in the studio with you."
    )
    events = events_with_statements(body, datetime.date(2013, 1, 14))
    assert [e for e in events if e.event_type == "statement"] == []


def test_a_reporting_verb_followed_by_its_day_is_dated_by_it(events_with_statements):
    body = (
        "WASHINGTON - The US State Department said on Saturday reports of mass casualties "
        'from an alleged chemical weapons attack in Douma, Syria, were "horrifying".'
    )
    events = events_with_statements(body, datetime.date(2018, 4, 8))
    assert ("statement", "2018-04-07", "day") in _summary(events)


def test_a_joint_statement_issued_after_a_dated_meeting_is_a_statement_that_day_too(
    events_with_statements,
):
    body = (
        "The three foreign ministers issued a joint statement after their meeting in Moscow on "
        "Saturday, saying they would coordinate with the UN."
    )
    events = events_with_statements(body, datetime.date(2018, 4, 29))
    assert _summary(events) == [
        ("meeting", "2018-04-28", "day"),
        ("statement", "2018-04-28", "day"),
    ]


def test_an_effort_to_forge_an_agreement_is_no_agreement(events_with_statements):
    body = (
        "The envoy arrived in the capital on Sunday in an effort to forge agreement on a new "
        "date for peace talks, officials said."
    )
    events = events_with_statements(body, datetime.date(2018, 9, 17))
    assert "agreement" not in [e.event_type for e in events]


def test_they_said_after_a_dated_report_carries_the_day_into_what_they_report(
    events_with_statements,
):
    body = (
        "The U.N. special envoy, Martin Griffiths, arrived in Sanaa on Sunday in an effort to "
        "forge agreement on a new date for peace talks, Yemeni officials said. They said "
        "Griffiths met with the leader of the rebels and other rebel officials."
    )
    events = events_with_statements(body, datetime.date(2018, 9, 17))
    assert ("meeting", "2018-09-16", "day") in _summary(events)


def test_a_page_labelled_a_ministerial_statement_is_a_statement_of_its_publication_day(
    events_with_statements,
):
    body = (
        "Back to House of Commons Debates\nSyria\n09 December 2024\nLead MP\nJane Doe\n"
        "Debate Type\nMinisterial Statement\nTags\nForeign Affairs\n\n"
        "Members asked about aid to the displaced families in the camps."
    )
    events = events_with_statements(body, datetime.date(2024, 12, 9))
    assert _summary(events) == [("statement", "2024-12-09", "day")]
    assert events[0].evidence == "Ministerial Statement"


def test_a_statement_label_deep_in_the_body_is_no_heading(events_with_statements):
    lines = [f"Line number {n} of the story about the camps" for n in range(12)]
    body = "\n".join([*lines, "Joint Statement", "Aid agencies deliver water."])
    assert _summary(events_with_statements(body, datetime.date(2024, 12, 9))) == []


def test_a_page_headed_comment_by_a_department_is_its_statement_of_the_day(
    events_with_statements,
):
    # issue 9 (events10, real_dev8): a heading that names who issued the page
    body = (
        "Comment by the Press Department on the situation around the humanitarian corridor "
        "in northern Syria\n\n"
        "Thursday, 14 March 2019 10:05\n\n"
        "The ministry is following reports about the convoys near the border with concern."
    )
    events = events_with_statements(body, datetime.date(2019, 3, 14))
    assert ("statement", "2019-03-14", "day") in _summary(events)
    own = [e for e in events if e.evidence.startswith("Comment by the Press Department")]
    assert len(own) == 1 and own[0].event_date == datetime.date(2019, 3, 14)


def test_a_statement_of_a_ministry_heading_is_a_statement_of_its_publication_month(
    events_with_statements,
):
    body = (
        "Statement of the Ministry of Foreign Affairs\n\n"
        "The ministry expresses its deep concern over the shelling of the camps near the border."
    )
    events = events_with_statements(body, datetime.date(2017, 4, 1), "month")
    assert ("statement", "2017-04-01", "month") in _summary(events)


def test_a_statement_by_someone_in_running_prose_is_no_heading(events_with_statements):
    # the heading rule reads a page's heading lines, never a sentence that ends
    body = (
        "Statement by the minister on the camps was delayed until the convoy arrived.\n\n"
        "Aid agencies continue to deliver water to the displaced families."
    )
    assert _summary(events_with_statements(body, datetime.date(2019, 3, 14))) == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Statement by Putin angers Kyiv\n\n"
            "Ukraine's foreign ministry said the Russian leader's words showed he had no "
            "interest in peace talks.",
            id="a-verb-after-the-issuer",
        ),
        pytest.param(
            "Comment from the UN: a view on Syria's decade of war\n\n"
            "The war has displaced half of the country's people.",
            id="a-comment-after-a-colon",
        ),
    ],
)  # fmt: skip
def test_a_news_headline_about_a_statement_is_no_issued_heading(events_with_statements, body):
    # Review of the events10 round: the heading names a statement reported on, not the page's own
    events = events_with_statements(body, datetime.date(2021, 5, 10))
    heading = body.split("\n", 1)[0]
    assert not [e for e in events if e.evidence.startswith(heading)]
    assert ("statement", "2021-05-10", "day") not in _summary(events)


def test_a_heading_naming_an_issuer_and_a_title_is_still_issued(events_with_statements):
    body = (
        "Statement by Ambassador Jane Okafor, Permanent Representative of Ghana to the UN, at "
        "the Security Council briefing on the Sahel\n\n"
        "We are deeply concerned by the attacks on the camps near the border."
    )
    events = events_with_statements(body, datetime.date(2021, 5, 10))
    assert ("statement", "2021-05-10", "day") in _summary(events)


def test_an_exchange_a_story_reprints_is_no_statement_of_the_page(events_with_statements):
    # The story reprints an interview's exchange under "a transcript of the exchange": the
    # turns are statements, but the page issues no document of its own that day.
    body = (
        "The minister hung up on the host after a series of questions about the refugees.\n\n"
        "Below is a transcript of the exchange between the host and the minister:\n\n"
        "Antony Blinken (AB): \u201cI have a cabinet meeting in five minutes.\u201d\n\n"
        "Lara Jakes (LJ): \u201cBefore you go, how many of the families have arrived so far?\u201d\n\n"
        "AB: \u201cWe have approved well over that number already.\u201d\n\n"
        "LJ: \u201cHow many of them are in the country today?\u201d\n"
    )
    events = events_with_statements(body, datetime.date(2014, 6, 11))
    assert [e for e in events if e.event_type == "statement"] == []


def test_probe_a_debate_transcript_page_is_still_its_statement(events_with_statements):
    # "transcript of the debate" is no reprinted exchange: the sitting's record stays the
    # page's own statement of its day.
    body = (
        "Below is a transcript of the debate held on the motion.\n\n"
        "Jane Doe (Riding, Party): Mr. Speaker, the families in the camps have waited long enough "
        "for a decision from this government.\n\n"
        "John Roe (Riding, Party): Mr. Speaker, the government has resettled more families this "
        "year than in any year before.\n"
    )
    events = events_with_statements(body, datetime.date(2014, 6, 11))
    assert [e.event_type for e in events if e.event_type == "statement"] == ["statement"]
