"""Speakers given only by a description whose holder the page names elsewhere (pooled over
real_dev … real_dev10): a bare title of a named body ("the head of Lebanon's Hezbollah
movement") is the one person the page gives to that body, not a person of the body's country.
A ministry with no country keeps today's speaker: the page's leading country was tried and was
wrong on the one page it changed (real_dev9 hu18, a Rohingya page: Myanmar for Bangladesh), so
the ministry probes below only guard against a return of that guess. Names and sentences are invented; the probes look like the
triggers and must not fire."""

from tests.statement_fixtures import statements_of  # noqa: F401  (fixture)


def _speaker_of(rows, words):
    found = [s.speaker_id for s in rows if words in s.quote]
    assert found, f"no statement holds {words!r}"
    return found[0]


# --- a title of a named body --------------------------------------------------------------------


def test_the_leader_of_a_named_movement_is_its_member_not_a_person_of_its_country(statements_of):  # noqa: F811
    body = (
        "The leader of Lebanon's Hezbollah movement on Friday called on the army to secure the "
        "southern border. Speaking on Al-Manar television, Hassan Nasrallah said the group would "
        "not stand aside. Prime Minister Saad Hariri later met the army commander."
    )
    rows = statements_of(body)
    assert _speaker_of(rows, "secure the southern border") == "hassan-nasrallah"


# --- probes: must not fire -----------------------------------------------------------------------


def test_probe_a_former_head_is_not_the_current_member(statements_of):  # noqa: F811
    body = (
        "The former head of Hezbollah said the group would not disarm. Hassan Nasrallah spoke "
        "in Beirut on Friday."
    )
    rows = statements_of(body)
    assert all(s.speaker_id != "hassan-nasrallah" for s in rows if "not disarm" in s.quote)


def test_probe_a_deputy_leader_is_not_the_leader(statements_of):  # noqa: F811
    body = (
        "Hezbollah's deputy leader said the group would respond. Hassan Nasrallah was not seen "
        "in public."
    )
    rows = statements_of(body)
    assert all(s.speaker_id != "hassan-nasrallah" for s in rows if "would respond" in s.quote)


def test_probe_the_head_of_a_named_delegation_keeps_his_name(statements_of):  # noqa: F811
    body = (
        "The head of the Hezbollah delegation, Ali Ammar, said the bloc would back the plan. "
        "Hassan Nasrallah did not comment."
    )
    rows = statements_of(body)
    assert _speaker_of(rows, "back the plan") != "hassan-nasrallah"


def test_probe_planned_and_negated_speech_and_headlines_are_no_statements(statements_of):  # noqa: F811
    for body in (
        "The head of Hezbollah is expected to speak on Friday. Hassan Nasrallah last appeared "
        "in May.",
        "The head of Hezbollah did not say whether the group would fight. Hassan Nasrallah has "
        "been in hiding.",
        "Hezbollah head to address supporters\nHassan Nasrallah will speak from a secret location.",
    ):
        assert statements_of(body) == [], body


def test_probe_a_ministry_named_with_a_place_keeps_its_own_name(statements_of):  # noqa: F811
    body = (
        "The Gaza Health Ministry said 40 people were killed. Israel said it struck militants. "
        "Israel said Israel would go on."
    )
    rows = statements_of(body)
    assert _speaker_of(rows, "40 people were killed") != "israel"


def test_probe_a_ministry_on_a_page_with_no_leading_country_is_not_guessed(statements_of):  # noqa: F811
    body = (
        "The ministry said the report was false. Syria and Turkey traded accusations, while "
        "Syria, Turkey and Iran met in Astana."
    )
    rows = statements_of(body)
    assert all(s.speaker_id not in ("syria", "turkey", "iran") for s in rows)


def test_probe_a_ministry_with_its_country_named_keeps_it(statements_of):  # noqa: F811
    body = "Germany's Foreign Ministry said it was alarmed. Russia, Russia and Russia were blamed."
    rows = statements_of(body)
    assert _speaker_of(rows, "alarmed") == "germany"
