"""Probes of the fix12a review of the round-12 rules (issue 9): sentences of ordinary news text,
written for these tests, that look like the new rules' triggers but must not fire.

A war noun made a figure of speech by its qualifier ("a trade war", "a war of words", "a legal
conflict", "fighting for the title") is no war going on since a date (`etl.event_wars`, and the
`false_friends` of `etl/rules/event_context.txt` for the "war ... since it began" cue); a negated
"has not been at war since 1991" starts no war; digits a full stop joins to more digits (a dotted
date, a version, an address) are no count (`etl.numbers`).
"""

from __future__ import annotations

from datetime import date

import pytest

from etl.numbers import find_quantities
from tests.test_event_unseen_pages import events_of, summary


@pytest.mark.parametrize(
    "body",
    [
        "China has been locked in a trade war with the United States since 2018.",
        "The broadcaster has been in a war of words with the government since March 2021.",
        "The price war between supermarkets has hurt farmers since it began in 2019.",
        "The band has been in a legal conflict with its record label since 2012.",
        "The league has seen fierce fighting for the title since 2016.",
        "Ukraine has not been at war with Belarus since 1991.",
    ],
)
def test_a_figurative_or_negated_war_since_a_date_is_no_military_operation(nlp, body):
    found = summary(events_of(nlp, body, date(2023, 5, 2)))
    assert [t for t, _, _ in found if t == "military_operation"] == []


def test_an_armed_war_since_a_date_still_starts_then(nlp):
    # the look-alikes above must not cost the real class its rows
    body = "Yemen has been in the throes of a civil war since September 2014."
    found = summary(events_of(nlp, body, date(2023, 5, 2)))
    assert [(t, d) for t, d, _ in found] == [("military_operation", "2014-09-01")]


@pytest.mark.parametrize(
    "text",
    [
        "The agreement was signed on 12.03.2022 in Brussels.",
        "The ministry released version 2.14.3 of the tracing app.",
        "Traffic from 10.0.12.7 was blocked by the ministry.",
    ],
)
def test_digits_joined_by_full_stops_to_more_digits_are_no_count(text):
    assert [q.value_text for q in find_quantities(text)] == []


def test_a_dotted_count_and_a_sentence_end_are_still_read():
    text = "Spain took in about 62.000 asylum seekers. Turnout rose to 4.5. Then 300 people left."
    assert [q.value for q in find_quantities(text)] == [62_000, 4.5, 300]


# --- look-alikes of the round's statement and stance rules that held (kept as regression probes) --

from tests.statement_fixtures import statements_of  # noqa: E402,F401  (fixture)
from tests.test_stance_retaking import real_triples  # noqa: E402


@pytest.mark.parametrize(
    "body",
    [
        "The governments of Germany and Hungary have not yet decided whether to send troops.",
        "The United States, Britain and France are the three permanent Western members of the "
        "council.",
        "A spokesman for U.S. Ambassador to the U.N. Linda Thomas-Greenfield declined to comment.",
    ],
)
def test_listed_parties_and_titles_that_say_nothing_make_no_statement(statements_of, body):  # noqa: F811
    assert [s.speaker_id for s in statements_of(body)] == []


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        ("Britain has not imposed sanctions on Israel, despite calls from its own lawmakers.",
         ("united-kingdom", "israel", "critical")),
        ("Russia, with no support from China, vetoed the text on Thursday.",
         ("china", "russia", "supportive")),
    ],
)  # fmt: skip
def test_sanctions_not_imposed_and_support_denied_are_no_stance(nlp, body, unwanted):
    assert unwanted not in real_triples(nlp, body)
