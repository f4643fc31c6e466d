"""One happening, one row: a country and its minister speaking the same day; a vote's places."""

from __future__ import annotations

from datetime import date

import pytest

from etl.event_duplicates import voices_of_one_country
from etl.types import Actor
from tests.test_events import events_of, summary

ACTORS = {
    "france": Actor("france", "France", "country", None),
    "germany": Actor("germany", "Germany", "country", None),
    "emmanuel-macron": Actor("emmanuel-macron", "Emmanuel Macron", "person", "france"),
    "olaf-scholz": Actor("olaf-scholz", "Olaf Scholz", "person", "germany"),
    "catherine-colonna": Actor("catherine-colonna", "Catherine Colonna", "person", "france"),
}


@pytest.fixture(scope="module")
def nlp():
    from etl.nlp import load_nlp

    return load_nlp()


def test_a_country_and_its_own_official_are_one_voice():
    assert voices_of_one_country(("france",), ("emmanuel-macron",), ACTORS)
    assert voices_of_one_country(("emmanuel-macron", "catherine-colonna"), ("france",), ACTORS)


def test_two_officials_or_another_countrys_official_are_two_voices():
    assert not voices_of_one_country(("emmanuel-macron",), ("catherine-colonna",), ACTORS)
    assert not voices_of_one_country(("france",), ("olaf-scholz",), ACTORS)
    assert not voices_of_one_country(("france", "germany"), ("emmanuel-macron",), ACTORS)


def test_a_vote_told_twice_with_different_places_is_one_vote(nlp):
    body = (
        "On Friday, Russia and Ukraine voted against a resolution on aid deliveries from Turkey. "
        "Friday's move marked Russia's fifth veto this year."
    )
    assert summary(events_of(nlp, body, date(2019, 12, 22))) == [("vote", "2019-12-20", "day")]
