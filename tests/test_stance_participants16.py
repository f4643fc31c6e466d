"""Round of stances16: contact held among a subject's list.

- Talks held by a list (`_StanceFinder._among_subjects`, `etl/stance_nominal.py` `_held_through`):
  the contact noun may hang on a part noun ("held the fifth round of peace talks", "a new session
  of consultations"), and the subject may name its parties only through a "from" / "of" phrase
  ("Delegations from Russia, Iran and Turkey held ..."). Those met together are neutral toward
  each other; a go-between in the list and a country's "sides" take no part (real_dev7 hs08).
- Subjects "in" contact ("Russia and Turkey are in talks", "both governments are in discussion",
  real_dev10 hv17) are neutral toward each other too.
- Contact "with" a named partner set off as the clause's occasion ("made the decision after
  discussions with Erdogan", "following a meeting with ...", real_dev12 hx14) is the subject's
  own contact, not a circumstance (`etl/stance_circumstances.py` still keeps "after the invasion
  of Ukraine" nobody's).

Sentences written for these tests in the style of the missed ones.
"""

from __future__ import annotations

import pytest


def _mutual(*parties: str) -> set[tuple[str, str, str]]:
    return {(a, b, "neutral") for a in parties for b in parties if a != b}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Delegations from Russia, Iran and Turkey held the fifth round of peace talks in "
            "Astana on Tuesday.",
            _mutual("russia", "iran", "turkey"),
        ),
        (
            "Russia, Iran and Turkey held a new session of consultations in Astana on Monday.",
            _mutual("russia", "iran", "turkey"),
        ),
        (
            "Delegations from Russia and Turkey as well as the European Union team held the "
            "second round of talks in Geneva.",
            _mutual("russia", "turkey"),
        ),
        (
            "Ministers from Egypt and Qatar held talks in Doha on Sunday.",
            _mutual("egypt", "qatar"),
        ),
        ("Russia and Turkey are in talks on Idlib.", _mutual("russia", "turkey")),
        ("Kenya and Sudan remain in contact over the border.", _mutual("kenya", "sudan")),
        (
            "Germany announced the aid after talks with Turkey on Monday.",
            _mutual("germany", "turkey"),
        ),
        (
            "Canada changed its policy following a meeting with Egypt's foreign minister.",
            _mutual("canada", "egypt"),
        ),
    ],
)
def test_talks_held_among_a_list(stances_of, body, expected):
    assert stances_of(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # still to come: no contact yet
        "Russia, Iran and Turkey will hold the next round of talks in Astana in August.",
        # a round of something that is no contact
        "Russia and Turkey held the fifth round of voting on Sunday.",
        # one party in talks: no partner named
        "Canada is in talks.",
    ],
)
def test_no_contact_held(stances_of, body):
    assert not {t for t in stances_of(body) if t[2] == "neutral"}


def test_an_occasion_that_is_no_contact_stays_nobodys(stances_of):
    found = stances_of("Canada condemned Russia after the invasion of Ukraine.")
    assert ("canada", "russia", "critical") in found
    assert not {t for t in found if t[1] == "ukraine"}
